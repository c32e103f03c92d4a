"""The coverage matrix and the dashboards take the same number of queries for 5 pages in 2
languages as for 500 pages in 10 languages (issue #3). The big site is bulk-created rows of
Wagtail pages and wagtail-localize sources, segments, translations and logs."""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Locale, Page
from wagtail_localize.models import (
    String,
    StringSegment,
    StringTranslation,
    TranslatableObject,
    Translation,
    TranslationContext,
    TranslationLog,
    TranslationSource,
)

import pytest

from guidance_pages.models import GuideChapterPage, GuidePage, HomePage, StandardPage
from localisation.states import compute_states, coverage

pytestmark = pytest.mark.django_db

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def code(number, width=3):
    digits = ""
    for _ in range(width):
        number, digit = divmod(number, len(ALPHABET))
        digits = ALPHABET[digit] + digits
    return digits


def keep_five_english_pages():
    """Delete all but the home page, the guide list, one guide and two of its chapters (and the
    translations of what is deleted)."""
    home = HomePage.objects.get(locale__language_code="en")
    guide = GuidePage.objects.filter(locale__language_code="en").first()
    keep = {home.translation_key, guide.get_parent().translation_key, guide.translation_key}
    keep |= set(GuideChapterPage.objects.child_of(guide).order_by("path").values_list("translation_key", flat=True)[:2])
    for page in Page.objects.filter(depth__gt=1).exclude(translation_key__in=keep).order_by("-depth"):
        if Page.objects.filter(pk=page.pk).exists():
            page.delete()
    assert Page.objects.filter(locale__language_code="en", depth__gt=1).count() == 5
    return guide


def measure(locales, user=None):
    """Queries for the whole matrix and for one language's dashboard data."""
    with CaptureQueriesContext(connection) as matrix:
        table = coverage(locales)
    with CaptureQueriesContext(connection) as dashboard:
        compute_states(locales[:1])
    return len(matrix), len(dashboard), table


def add_translated_pages(guide, locales, how_many):
    """``how_many`` English chapters under ``guide``, each translated (two strings) into every locale."""
    english = Locale.objects.get(language_code="en")
    chapter_type = ContentType.objects.get_for_model(StandardPage)
    now = timezone.now()
    pages, objects, sources = [], [], []
    keys = [uuid.uuid4() for _ in range(how_many)]
    for number, key in enumerate(keys):
        pages.append(
            Page(
                title=f"Bulk chapter {number}",
                draft_title=f"Bulk chapter {number}",
                slug=f"bulk-{number}",
                content_type=chapter_type,
                path=guide.path + "Z" + code(number),
                depth=guide.depth + 1,
                locale=english,
                translation_key=key,
                live=True,
                url_path=f"{guide.url_path}bulk-{number}/",
            )
        )
        objects.append(TranslatableObject(translation_key=key, content_type=ContentType.objects.get_for_model(Page)))
    for index, locale in enumerate(locales):
        for number, key in enumerate(keys):
            pages.append(
                Page(
                    title=f"Bulk {locale.language_code} {number}",
                    draft_title=f"Bulk {locale.language_code} {number}",
                    slug=f"bulk-{number}",
                    content_type=chapter_type,
                    path=guide.path + "Y" + code(index * how_many + number),
                    depth=guide.depth + 1,
                    locale=locale,
                    translation_key=key,
                    live=True,
                    url_path=f"/bulk-{locale.language_code}-{number}/",
                )
            )
    Page.objects.bulk_create(pages, batch_size=500)
    TranslatableObject.objects.bulk_create(objects, batch_size=500)
    for key in keys:
        sources.append(
            TranslationSource(
                object_id=key, specific_content_type=chapter_type, locale=english, object_repr="", content_json="{}", last_updated_at=now
            )
        )
    sources = TranslationSource.objects.bulk_create(sources, batch_size=500)
    sources = list(TranslationSource.objects.filter(object_id__in=keys))
    strings = String.objects.bulk_create([String(locale=english, data_hash=uuid.uuid4(), data=f"Text {n}") for n in range(2)])
    contexts = TranslationContext.objects.bulk_create(
        [
            TranslationContext(object_id=source.object_id, path_id=uuid.uuid4(), path=f"body.{n}", field_path="body")
            for source in sources
            for n in range(2)
        ],
        batch_size=500,
    )
    contexts = {(context.object_id, context.path): context for context in TranslationContext.objects.filter(object_id__in=keys)}
    StringSegment.objects.bulk_create(
        [
            StringSegment(source=source, context=contexts[(source.object_id, f"body.{n}")], order=n, string=strings[n], attrs="{}")
            for source in sources
            for n in range(2)
        ],
        batch_size=500,
    )
    StringTranslation.objects.bulk_create(
        [
            StringTranslation(
                translation_of=strings[n],
                locale=locale,
                context=contexts[(source.object_id, f"body.{n}")],
                data="…",
                translation_type="manual",
            )
            for locale in locales
            for source in sources
            for n in range(2)
        ],
        batch_size=1000,
    )
    Translation.objects.bulk_create(
        [Translation(source=source, target_locale=locale) for locale in locales for source in sources], batch_size=1000
    )
    TranslationLog.objects.bulk_create(
        [TranslationLog(source=source, locale=locale) for locale in locales for source in sources], batch_size=1000
    )


def test_coverage_queries_are_the_same_for_5_pages_by_2_locales_and_500_pages_by_10_locales():
    guide = keep_five_english_pages()
    small_locales = list(Locale.objects.filter(language_code__in=["ar", "uk"]).order_by("language_code"))
    measure(small_locales)  # the first call fills Django's content type cache
    small_matrix, small_dashboard, small_table = measure(small_locales)
    assert len(small_table.rows) - sum(1 for first, _cells in small_table.rows if first.kind == "snippet") == 5
    assert len(small_table.locales) == 2

    # Ten languages to translate into: the nine shipped ones and one more.
    Locale.objects.get_or_create(language_code="de")
    big_locales = list(Locale.objects.exclude(language_code="en").order_by("language_code"))
    assert len(big_locales) == 10
    add_translated_pages(guide, big_locales, 495)
    big_matrix, big_dashboard, big_table = measure(big_locales)
    pages = [first for first, _cells in big_table.rows if first.kind == "page"]
    assert len(pages) == 500
    assert len(big_table.locales) == 10
    # The bulk pages are fully translated and live in every language, so they count as published.
    bulk_row = next(cells for first, cells in big_table.rows if first.title == "Bulk chapter 7")
    assert {cell.state for cell in bulk_row} == {"published"}
    assert {(cell.translated, cell.total) for cell in bulk_row} == {(2, 2)}

    assert big_matrix == small_matrix, f"{small_matrix} queries for 5 pages x 2 languages, {big_matrix} for 500 x 10"
    assert big_dashboard == small_dashboard
    print(f"coverage matrix: {small_matrix} queries for 5 pages x 2 locales, {big_matrix} for 500 pages x 10 locales")  # noqa: T201


def test_the_matrix_page_and_csv_take_the_same_queries_small_and_big(client, users):
    guide = keep_five_english_pages()
    client.force_login(users["reviewer"])
    client.get("/admin/translations/coverage/")
    with CaptureQueriesContext(connection) as small_page:
        assert client.get("/admin/translations/coverage/").status_code == 200
    with CaptureQueriesContext(connection) as small_csv:
        client.get("/admin/translations/coverage/?format=csv")
    add_translated_pages(guide, list(Locale.objects.exclude(language_code="en")), 100)
    with CaptureQueriesContext(connection) as big_page:
        assert client.get("/admin/translations/coverage/").status_code == 200
    with CaptureQueriesContext(connection) as big_csv:
        client.get("/admin/translations/coverage/?format=csv")
    assert len(big_page) == len(small_page)
    assert len(big_csv) == len(small_csv)
