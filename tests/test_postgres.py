"""The same content model and search work on PostgreSQL (run in CI with DATABASE_URL set)."""

from django.db import connection

from wagtail.models import Locale, Page

import pytest

from guidance_pages.models import GuidePage

pytestmark = pytest.mark.postgres


@pytest.fixture(autouse=True)
def needs_postgres(db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://... to run")


def test_demo_site_is_stored_in_postgres():
    assert connection.vendor == "postgresql"
    assert GuidePage.objects.live().filter(locale__language_code="en").count() == 2


def test_search_finds_a_guide_in_postgres():
    english = Locale.objects.get(language_code="en")
    results = Page.objects.live().filter(locale=english).search("trustees")
    assert "Recruiting trustees with lived experience" in [page.title for page in results]


def test_unicode_titles_round_trip_in_postgres():
    titles = list(Page.objects.filter(locale__language_code="ti").values_list("title", flat=True))
    assert titles and all(any("\u1200" <= character <= "\u137f" for character in title) for title in titles)
