"""Public pages cost few queries, and exactly as many with 1 or 10 languages, 1 or 50 guides.

Counted on pages worked out afresh: a query string makes the page cache step aside (a page
from the cache costs none, see test_page_cache.py). The navigation, footer and other parts kept
until the content changes are warm, as on a running site (``queries``), and cold, as on the
first view after something was published (``cold_queries``): both stay the same as the site grows.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.http import urlencode

from wagtail.models import Locale

import pytest

from guidance_pages.models import GuideChapterPage, GuideIndexPage, GuidePage, HomePage, StandardPage
from page_cache.content import content_changed
from tests.factories import GuideChapterPageFactory, GuidePageFactory

pytestmark = pytest.mark.django_db

ENGLISH_ONLY = "running-an-experts-by-experience-user-group"
# A word that finds guides and chapters in each language (and, in English, the guides added below).
SEARCHES = {"en": "charities", "ar": "الأمناء"}

# The most queries each page may cost, warm: the page found for an address (guidance_pages/routing.py)
# and what it shows are kept until the content changes, so a page worked out afresh costs none.
# Search results cannot be kept.
BUDGETS = {
    "home": 0,
    "guide list": 0,
    "guide": 0,
    "chapter": 0,
    "standard page": 0,
    "search": 6,  # the locale; restrictions; count; results; their summaries (one more on PostgreSQL)
}


# Cold, on the first view after a change: two queries find the page, two more when it is not
# translated and the English page is shown instead; then what the page shows, which cannot be
# known before (below); plus the site, its languages' home pages, the menu, footer, glossary,
# translations for the switcher and hreflang links, the notices about translations, and the
# privacy settings. A chapter costs a few more for each kind of block that loads something
# (pictures, documents, links to other chapters), never more for more languages or guides.
COLD_BUDGETS = {
    "home": 20,  # featured guides, their translations; the guide list
    "guide list": 19,  # this language's guides, the English list and its guides
    "guide": 21,  # chapters; contributors and their translations; the guide list
    "chapter": 19,  # its guide; its sibling chapters
    "standard page": 14,  # the Arabic "about" page is the English one
    "search": 13,  # as warm, plus the site and what every page shows
}


def fresh(url):
    """The address with a query string, so the page is worked out afresh (search results always are)."""
    return url + ("&" if "?" in url else "?") + "fresh"


def search_url(language):
    return f"/{language}/search/?{urlencode({'q': SEARCHES[language]})}"


def queries(client, url):
    client.get(fresh(url))  # warm the parts kept until the content changes
    with CaptureQueriesContext(connection) as captured:
        response = client.get(fresh(url))
    assert response.status_code == 200, url
    assert "X-Page-Cache" not in response
    return len(captured)


def cold_queries(client, url):
    """The queries of the first view after a change: nothing kept, everything worked out again."""
    client.get(fresh(url))
    content_changed()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(fresh(url))
    assert response.status_code == 200, url
    return len(captured)


def both(client, url):
    return queries(client, url), cold_queries(client, url)


def finds_something(client, url):
    return 'class="search-results"' in client.get(url).text


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
        "search": search_url(language),
    }
    assert finds_something(client, pages["search"])
    counts = {kind: queries(client, url) for kind, url in pages.items()}
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
    urls = [
        *[f"/{language}/{address}" for language in ["en", "ar"] for address in ["", "guides/", "about/"]],
        guide.url,
        chapter_of(guide).url,
        search_url("en"),
        search_url("ar"),
    ]
    assert finds_something(client, search_url("en")) and finds_something(client, search_url("ar"))
    before = {url: both(client, url) for url in urls}
    english = Locale.objects.get(language_code="en")
    for _ in range(49):
        GuidePageFactory(parent=guide_list, locale=english, audience="Small charities.")
    assert GuidePage.objects.filter(locale=english).count() >= 50
    assert 'class="pager"' in client.get(search_url("en")).text  # a full page of results, and more
    assert {url: both(client, url) for url in urls} == before


def test_every_page_costs_the_same_in_1_or_10_languages(client):
    """The language switcher and hreflang links cost one query however many translations exist.

    The guide and the "about" page are in English only, and are translated into the nine other
    languages. The home page and guide list are in every language already: all but English are
    unpublished to start with (Arabic compared from two languages, as it has no page on its own).
    """
    guide = GuidePage.objects.get(locale__language_code="en", slug=ENGLISH_ONLY)
    chapter = chapter_of(guide)
    about = StandardPage.objects.get(locale__language_code="en", slug="about")
    home = HomePage.objects.get(locale__language_code="en")
    guide_list = GuideIndexPage.objects.get(locale__language_code="en")
    assert guide.get_translations().count() == 0 and about.get_translations().count() == 0
    others = Locale.objects.exclude(language_code="en")
    assert others.count() == 9
    translated = [page for source in (home, guide_list) for page in source.get_translations().live()]
    assert len(translated) == 18
    for page in translated:
        page.unpublish()
    assert client.get(fresh(home.url)).text.count('rel="alternate"') == 2  # English and x-default
    english = [home.url, guide_list.url, guide.url, chapter.url, about.url, search_url("en")]
    before = {url: both(client, url) for url in english}
    for page in translated:
        if page.locale.language_code == "ar":
            page.get_latest_revision().publish()
    arabic = ["/ar/", "/ar/guides/", search_url("ar")]
    assert finds_something(client, search_url("ar"))
    before |= {url: both(client, url) for url in arabic}
    for page in translated:
        if page.locale.language_code != "ar":
            page.get_latest_revision().publish()
    for locale in others:
        for page in [guide, chapter, about]:
            page.copy_for_translation(locale).save_revision().publish()
    for url in [home.url, guide.url, about.url, "/ar/guides/"]:
        html = client.get(fresh(url)).text
        assert html.count('rel="alternate"') == 11, url  # ten languages and x-default
        assert html.count('hreflang="') == 11 + 9, url  # and the switcher's links to the nine others
    assert client.get(search_url("en")).text.count('hreflang="') == 9  # the home page in the other languages
    assert {url: both(client, url) for url in english + arabic} == before


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
