"""Readers search in their own language and only get pages in that language."""

import re

from django.db import connection
from django.utils import translation
from django.utils.html import escape

from wagtail.models import Page

import pytest

pytestmark = pytest.mark.django_db


def result_links(html):
    results = html.split('class="search-results"')[1].split("</ol>")[0] if 'class="search-results"' in html else ""
    return re.findall(r'<a href="([^"]+)">', results)


def test_english_search_finds_english_pages_only(client):
    html = client.get("/en/search/", {"q": "trustees"}).text
    links = result_links(html)
    assert "/en/guides/recruiting-trustees-with-lived-experience/" in links
    assert links and all(link.startswith("/en/") for link in links)


def test_arabic_search_finds_arabic_pages_on_a_translated_results_page(client):
    word = "الأمناء"  # "trustees", as the Arabic guide says it
    response = client.get("/ar/search/", {"q": word})
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in response.text
    links = result_links(response.text)
    assert links and all(link.startswith("/ar/") for link in links)
    titles = set(Page.objects.live().filter(locale__language_code="ar").values_list("title", flat=True))
    assert any(title in response.text for title in titles)
    with translation.override("ar"):
        assert translation.gettext("Search the guidance") in response.text


def test_results_show_the_summary_of_each_kind_of_page(client):
    from guidance_pages.models import GuideChapterPage, GuidePage, StandardPage

    about = StandardPage.objects.get(locale__language_code="en", slug="about")
    about.summary = "Who writes this guidance for small charities, and why."
    about.save_revision().publish()
    guide = GuidePage.objects.get(locale__language_code="en", slug="recruiting-trustees-with-lived-experience")
    chapter = GuideChapterPage.objects.get(locale__language_code="en", slug="closing-the-loop")
    html = client.get("/en/search/", {"q": "charities"}).text
    results = html.split('class="search-results"')[1].split("</ol>")[0]
    for page in [about, guide, chapter]:
        assert page.url in result_links(html)
        assert f"<p>{escape(page.summary)}</p>" in results, page


def test_a_language_without_the_page_finds_nothing(client):
    assert result_links(client.get("/ti/search/", {"q": "trustees"}).text) == []


@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "it's", "(a OR b)", "trust*", "NEAR(a b)", "\x00", "<script>alert(1)</script>", "--", "😀", "' OR 1=1 --"],
)
def test_any_query_gets_a_page_never_an_error(client, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text


def test_a_very_long_query_gets_a_clear_400(client):
    response = client.get("/en/search/", {"q": "word " * 2000})
    assert response.status_code == 400
    assert "Please search for fewer words" in response.text


def test_every_page_has_a_search_form_that_works_without_javascript(client):
    html = client.get("/uk/").text
    assert '<form class="site-search" method="get" action="/uk/search/" role="search">' in html


@pytest.mark.postgres
def test_arabic_search_works_on_postgres(client):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://... to run")
    links = result_links(client.get("/ar/search/", {"q": "الأمناء"}).text)
    assert links and all(link.startswith("/ar/") for link in links)


def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://... to run")


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("language", "written", "searched"),
    [
        ("en", "Volunteering with a charity", "volunteers"),
        ("fr", "Des réseaux associatifs", "associatives"),
        ("ar", "المتطوعون في الجمعية", "متطوع"),
    ],
)
def test_each_language_is_stemmed_in_its_own_way_on_postgres(client, language, written, searched):
    """A reader finds a page by another form of the word, as PostgreSQL stems it for that language."""
    postgres_only()
    from guidance_pages.models import StandardPage

    home = Page.objects.get(depth=2, locale__language_code=language)
    page = home.add_child(instance=StandardPage(title=written, slug=f"stemming-{language}", body=[]))
    page.save_revision().publish()
    links = result_links(client.get(f"/{language}/search/", {"q": searched}).text)
    assert page.url in links


@pytest.mark.postgres
def test_languages_postgres_cannot_stem_are_matched_word_for_word(client):
    """Ukrainian has no PostgreSQL configuration: "simple" keeps its words whole, never English-stemmed."""
    postgres_only()
    from guidance_pages.models import StandardPage
    from guidance_pages.search_backend import config_for

    assert config_for("uk") == "simple"
    home = Page.objects.get(depth=2, locale__language_code="uk")
    page = home.add_child(instance=StandardPage(title="Волонтери", slug="volunteers-uk", body=[]))
    page.save_revision().publish()
    assert page.url in result_links(client.get("/uk/search/", {"q": "Волонтери"}).text)
