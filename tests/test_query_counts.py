"""Public pages cost few queries, and exactly as many with 1 or 10 languages, 1 or 50 guides.

Counted on pages worked out afresh: a query string makes the page cache step aside (a page
from the cache costs none, see test_page_cache.py). The navigation, footer and other parts kept
until the content changes are warm, as on a running site (``queries``), and cold, as on the
first view after something was published (``cold_queries``): both stay the same as the site grows.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

import pytest

from guidance_pages.models import GuideChapterPage, GuideIndexPage, GuidePage
from page_cache.content import content_changed
from tests.factories import GuideChapterPageFactory, GuidePageFactory

pytestmark = pytest.mark.django_db

ENGLISH_ONLY = "running-an-experts-by-experience-user-group"

# The most queries each page may cost. Warm, a page is found (guidance_pages/routing.py) and
# what it shows is taken from what was kept until the content changes, in no query; search
# results cannot be kept. Two find the page, two more when it is not translated and the English
# page is shown instead; the rest are what the page shows and cannot be known before: its
# chapters, its guide, its guides.
BUDGETS = {
    "home": 6,  # the page; featured guides, their translations; the guide list
    "guide list": 5,  # the page; this language's guides, the English list and its guides
    "guide": 8,  # the page; chapters; contributors and their translations; the guide list
    "chapter": 4,  # the page; its guide; its sibling chapters
    "standard page": 4,  # the page (the Arabic "about" page is the English one, so 2 + 2)
    "search": 8,  # the locale; restrictions; count; results; their specific pages (one more on PostgreSQL)
}


# Cold, on the first view after a change: the page and what it shows as above, plus the site,
# its languages' home pages, the menu, footer, glossary, translations for the switcher and
# hreflang links, the notices about translations, and the privacy settings.
COLD_BUDGETS = {"home": 20, "guide list": 19, "guide": 21, "chapter": 19, "standard page": 14}


def queries(client, url):
    client.get(url + "?fresh")  # warm the parts kept until the content changes
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url + "?fresh")
    assert response.status_code == 200, url
    assert "X-Page-Cache" not in response
    return len(captured)


def cold_queries(client, url):
    """The queries of the first view after a change: nothing kept, everything worked out again."""
    client.get(url + "?fresh")
    content_changed()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url + "?fresh")
    assert response.status_code == 200, url
    return len(captured)


def both(client, url):
    return queries(client, url), cold_queries(client, url)


def chapter_of(guide):
    return GuideChapterPage.objects.live().child_of(guide).first()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_page_type_stays_within_its_budget(client, language):
    guide = GuidePage.objects.get(locale__language_code=language, slug="recruiting-trustees-with-lived-experience")
    pages = {
        "home": f"/{language}/",
        "guide list": f"/{language}/guides/",
        "guide": guide.url,
        "chapter": chapter_of(guide).url,
        "standard page": f"/{language}/about/",
    }
    counts = {kind: queries(client, url) for kind, url in pages.items()}
    client.get(f"/{language}/search/?q=trustee")
    with CaptureQueriesContext(connection) as captured:
        client.get(f"/{language}/search/?q=trustee")
    counts["search"] = len(captured)
    over = {kind: count for kind, count in counts.items() if count > BUDGETS[kind]}
    assert not over, f"over budget: {over} (budgets {BUDGETS})"
    cold = {kind: cold_queries(client, url) for kind, url in pages.items()}
    over = {kind: count for kind, count in cold.items() if count > COLD_BUDGETS[kind]}
    assert not over, f"over budget after a change: {over} (budgets {COLD_BUDGETS}, all: {cold})"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_guide_and_its_chapters_cost_the_same_with_more_chapters(client, language):
    guide = GuidePage.objects.get(locale__language_code=language, slug="recruiting-trustees-with-lived-experience")
    chapter = chapter_of(guide)
    before = both(client, guide.url), both(client, chapter.url)
    for _ in range(4):
        GuideChapterPageFactory(parent=guide, locale=guide.locale)
    assert (both(client, guide.url), both(client, chapter.url)) == before


def test_every_page_costs_the_same_with_1_or_50_guides(client):
    guide_list = GuideIndexPage.objects.get(locale__language_code="en")
    guide = GuidePage.objects.get(locale__language_code="en", slug=ENGLISH_ONLY)
    urls = [guide_list.url, "/ar/guides/", "/en/", "/ar/", guide.url, chapter_of(guide).url]
    before = [both(client, url) for url in urls]
    english = Locale.objects.get(language_code="en")
    for _ in range(49):
        GuidePageFactory(parent=guide_list, locale=english)
    assert GuidePage.objects.filter(locale=english).count() >= 50
    assert [both(client, url) for url in urls] == before


def test_a_page_costs_the_same_in_1_or_10_languages(client):
    """The language switcher and hreflang links cost one query however many translations exist."""
    guide = GuidePage.objects.get(locale__language_code="en", slug=ENGLISH_ONLY)
    chapter = chapter_of(guide)
    assert guide.get_translations().count() == 0
    before = both(client, guide.url), both(client, chapter.url)
    others = Locale.objects.exclude(language_code="en")
    assert others.count() == 9
    for locale in others:
        translated_guide = guide.copy_for_translation(locale)
        translated_guide.save_revision().publish()
        chapter.copy_for_translation(locale).save_revision().publish()
    html = client.get(guide.url + "?fresh").text
    assert html.count('rel="alternate"') == 11  # ten languages and x-default
    assert (both(client, guide.url), both(client, chapter.url)) == before


def test_an_untranslated_guide_costs_the_same_with_more_chapters(client):
    guide = GuidePage.objects.get(locale__language_code="en", slug=ENGLISH_ONLY)
    url = "/ar" + guide.url.removeprefix("/en")
    before = both(client, url)
    for _ in range(4):
        GuideChapterPageFactory(parent=guide, locale=guide.locale)
    assert both(client, url) == before


def test_a_chapter_costs_the_same_with_1_or_6_images(client):
    """Images in a chapter are loaded in one query, their renditions from the cache."""
    import io
    import json

    from django.core.files.images import ImageFile

    from wagtail.images import get_image_model

    from PIL import Image as PillowImage

    def picture(number):
        data = io.BytesIO()
        PillowImage.new("RGB", (900, 600), (number * 40, 120, 90)).save(data, "JPEG")
        return get_image_model().objects.create(title=f"Picture {number}", file=ImageFile(data, name=f"picture-{number}.jpg"))

    def chapter_with(images):
        body = [
            {"type": "image", "value": {"image": image.pk, "alt_text": image.title, "decorative": False, "caption": "A caption"}}
            for image in images
        ]
        guide = GuidePage.objects.get(locale__language_code="en", slug=ENGLISH_ONLY)
        return GuideChapterPageFactory(parent=guide, locale=guide.locale, body=json.dumps(body))

    pictures = [picture(number) for number in range(6)]
    one, six = chapter_with(pictures[:1]), chapter_with(pictures)
    html = client.get(six.url + "?fresh").text
    assert html.count("<picture") == 6
    assert both(client, one.url) == both(client, six.url)
