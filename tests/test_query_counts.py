"""Public pages cost the same number of queries however many chapters or guides there are."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

import pytest

from guidance_pages.models import GuideChapterPage, GuideIndexPage, GuidePage
from tests.factories import GuideChapterPageFactory, GuidePageFactory

pytestmark = pytest.mark.django_db


def queries(client, url):
    client.get(url)  # warm the per-process caches (site root paths), as a running site has them
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_guide_and_its_chapters_cost_the_same_with_more_chapters(client, language):
    guide = GuidePage.objects.get(locale__language_code=language, slug="recruiting-trustees-with-lived-experience")
    chapter = GuideChapterPage.objects.live().child_of(guide).first()
    before = queries(client, guide.url), queries(client, chapter.url)
    for _ in range(4):
        GuideChapterPageFactory(parent=guide, locale=guide.locale)
    assert (queries(client, guide.url), queries(client, chapter.url)) == before


def test_the_guide_list_costs_the_same_with_more_guides(client):
    guide_list = GuideIndexPage.objects.get(locale__language_code="en")
    arabic_list = GuideIndexPage.objects.get(locale__language_code="ar")
    before = queries(client, guide_list.url), queries(client, arabic_list.url), queries(client, "/en/")
    for _ in range(5):
        GuidePageFactory(parent=guide_list, locale=Locale.objects.get(language_code="en"))
    assert (queries(client, guide_list.url), queries(client, arabic_list.url), queries(client, "/en/")) == before


def test_an_untranslated_guide_costs_the_same_with_more_chapters(client):
    guide = GuidePage.objects.get(locale__language_code="en", slug="running-an-experts-by-experience-user-group")
    url = "/ar" + guide.url.removeprefix("/en")
    before = queries(client, url)
    for _ in range(4):
        GuideChapterPageFactory(parent=guide, locale=guide.locale)
    assert queries(client, url) == before
