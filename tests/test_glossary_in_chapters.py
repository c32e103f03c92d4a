"""Glossary terms are explained where they appear; chapters say how long they take to read."""

import re

from django.utils import translation

from wagtail.models import Locale

import pytest

from guidance_pages.demo import FULLY_TRANSLATED_GUIDE
from guidance_pages.glossary import explain_terms
from guidance_pages.models import GlossaryTerm, GuideChapterPage, GuidePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def trustee(db):
    return GlossaryTerm.objects.get(term="trustee", locale__language_code="en")


def test_the_first_use_of_a_term_links_to_its_explanation(trustee):
    html, found = explain_terms("<p>A Trustee is a volunteer. Every trustee matters.</p>", [trustee])
    assert html == '<p>A <a class="term" href="#term-trustee">Trustee</a> is a volunteer. Every trustee matters.</p>'
    assert found == [trustee]


@pytest.mark.parametrize(
    "html",
    [
        '<p><a href="/x/">trustee</a></p>',
        "<h2>The trustee</h2>",
        "<p>trustees and cotrustee</p>",  # only whole words
        '<p title="trustee">board</p>',  # never inside a tag
    ],
)
def test_terms_inside_links_headings_other_words_or_tags_are_left_alone(trustee, html):
    assert explain_terms(html, [trustee]) == (html, [])


def test_chapter_lists_the_words_it_explains(client):
    guide = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    chapter = GuideChapterPage.objects.child_of(guide).first()
    html = client.get(chapter.url).text
    links = re.findall(r'<a class="term" href="#([^"]+)">', html)
    assert links
    for anchor in links:
        assert f'<dt id="{anchor}">' in html


def test_an_arabic_chapter_explains_arabic_terms(client):
    guide = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    chapter = GuideChapterPage.objects.child_of(guide).first().get_translation(Locale.objects.get(language_code="ar"))
    html = client.get(chapter.url).text
    arabic_terms = GlossaryTerm.objects.filter(locale__language_code="ar")
    explained = re.findall(r'<dt id="[^"]+">([^<]+)</dt>', html)
    assert explained and set(explained) <= {term.term for term in arabic_terms}


@pytest.mark.parametrize(("words", "minutes"), [(10, 1), (900, 5), (1800, 10)])
def test_reading_time_counts_the_words_of_every_block(words, minutes):
    chapter = GuideChapterPage(
        body=[
            {"type": "paragraph", "value": "<p>" + "word " * (words // 2) + "</p>"},
            {"type": "checklist", "value": {"title": "", "items": ["word " * (words - words // 2)]}},
        ]
    )
    assert chapter.reading_minutes() == minutes


def test_reading_time_is_shown_in_the_readers_language(client):
    arabic = GuideChapterPage.objects.live().filter(locale__language_code="ar").first()
    with translation.override("ar"):
        expected = translation.ngettext(
            "About %(minutes)s minute to read", "About %(minutes)s minutes to read", arabic.reading_minutes()
        ) % {"minutes": arabic.reading_minutes()}
    assert expected in client.get(arabic.url).text
