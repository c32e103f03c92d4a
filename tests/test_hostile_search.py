"""Hostile search queries: a results page or a clear 400, never a server error, on SQLite and PostgreSQL.

Run against PostgreSQL too: DATABASE_URL=postgres://postgres@127.0.0.1:5432/<name> (psycopg refuses
NUL bytes with an error, SQLite's full-text parser refuses quotes and stars).
"""

from django.utils import translation

import pytest

from guidance_pages.demo import FULLY_TRANSLATED_GUIDE
from guidance_pages.views import SEARCH_MAX_LENGTH
from tests.test_search import result_links

pytestmark = pytest.mark.django_db

GUIDE = f"/en/guides/{FULLY_TRANSLATED_GUIDE}/"
TOO_LONG = "Please search for fewer words (at most 200 characters)."


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("\x00", id="only-a-nul-byte"),
        pytest.param("\x00" * 10_000, id="ten-thousand-nul-bytes"),
        pytest.param("<script>alert(1)</script>", id="script-tag"),
        pytest.param('"><img src=x onerror=alert(1)>', id="attribute-breakout"),
        pytest.param("' OR 1=1; DROP TABLE wagtailcore_page; --", id="sql-injection"),
        pytest.param("& | ! : * ( ) '", id="tsquery-operators"),
        pytest.param("trust:* & !people | (group)", id="tsquery-syntax-around-words"),
        pytest.param('"unbalanced NEAR(a b) trust* OR NOT', id="fts5-syntax"),
        pytest.param(".*(a+)+$ [^x] \\d{1,99999}", id="regular-expression"),
        pytest.param("% _ %% \\", id="sql-like-wildcards"),
        pytest.param("   \t\n  ", id="only-spaces"),
        pytest.param("😀 🏳️‍🌈 \U000e0041", id="emoji-and-tag-characters"),
        pytest.param("الأمناء", id="arabic-in-english-search"),
        pytest.param("\u202etrustees\u202c", id="bidi-override"),
        pytest.param("\u0301\u0301a\u200d\ufeff", id="combining-marks-and-zero-width"),
        pytest.param("\ufffd\uffff\x01\x1f\x7f", id="replacement-and-control-characters"),
        pytest.param("a " * 100, id="hundred-one-letter-words"),
        pytest.param("x" * SEARCH_MAX_LENGTH, id="one-word-at-the-length-limit"),
        pytest.param("* " * 100, id="hundred-stars"),
    ],
)
def test_any_query_gets_a_results_page(client, unchanged, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    assert "<h1>Search</h1>" in response.text
    assert "<script>alert" not in response.text and "<img src=x" not in response.text


@pytest.mark.parametrize("language", ["en", "ar"])
def test_nul_bytes_are_removed_before_searching(client, unchanged, language):
    word = {"en": "trustees", "ar": "الأمناء"}[language]
    clean = result_links(client.get(f"/{language}/search/", {"q": word}).text)
    with_nul = client.get(f"/{language}/search/", {"q": f"\x00{word[:3]}\x00{word[3:]}\x00"})
    assert with_nul.status_code == 200
    assert clean and result_links(with_nul.text) == clean


def test_punctuation_around_words_still_finds_them(client):
    clean = result_links(client.get("/en/search/", {"q": "trustees"}).text)
    assert clean
    assert result_links(client.get("/en/search/", {"q": "(trustees)!* & |'"}).text) == clean


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("x" * 10_000, id="ten-thousand-characters"),
        pytest.param("word " * 2_000, id="two-thousand-words"),
        pytest.param("x" * (SEARCH_MAX_LENGTH + 1), id="one-over-the-limit"),
        pytest.param("<script>alert(1)</script>" * 20, id="long-script"),
    ],
)
def test_a_query_over_the_limit_gets_a_clear_400_and_the_search_form(client, unchanged, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 400
    assert TOO_LONG in response.text
    assert '<input id="search-query" name="q" type="search"' in response.text
    assert "<script>alert" not in response.text
    assert query not in response.text  # shown cut to the limit, not all ten thousand characters


def test_the_length_message_is_in_the_readers_language(client):
    response = client.get("/ar/search/", {"q": "أ" * 1000})
    assert response.status_code == 400
    with translation.override("ar"):
        expected = translation.gettext("Please search for fewer words (at most %(limit)d characters).") % {"limit": SEARCH_MAX_LENGTH}
    assert expected in response.text
    assert '<html lang="ar" dir="rtl">' in response.text


@pytest.mark.parametrize(
    "page",
    [
        pytest.param("99999999999999999999999", id="huge"),
        pytest.param("-1", id="negative"),
        pytest.param("0", id="zero"),
        pytest.param("abc", id="not-a-number"),
        pytest.param("1e9", id="scientific-notation"),
        pytest.param("\x00", id="nul-byte"),
        pytest.param("9" * 400, id="four-hundred-digits"),
        pytest.param("²", id="superscript-digit"),
    ],
)
def test_any_results_page_number_gets_a_page_of_results(client, unchanged, page):
    response = client.get("/en/search/", {"q": "people", "page": page})
    assert response.status_code == 200
    assert result_links(response.text)


def test_the_query_is_echoed_escaped_in_the_title_and_the_field(client):
    query = '"><img src=x onerror=alert(1)>'
    response = client.get("/en/search/", {"q": query})
    assert "onerror=alert(1)>" not in response.text
    assert 'value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"' in response.text
    assert "<title>Search results for “&quot;&gt;&lt;img src=x onerror=alert(1)&gt;”" in response.text


def test_the_query_is_echoed_encoded_in_the_links_to_more_results(client):
    # Only "people" is searched for, so there are enough results for a second page.
    response = client.get("/en/search/", {"q": 'people"></a><'})
    assert '<a class="pager-next" href="?q=people%22%3E%3C/a%3E%3C&amp;page=2">' in response.text
    assert '"></a><' not in response.text
