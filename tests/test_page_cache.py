"""Anonymous readers get pages from the cache, and never a page that is out of date.

Every test makes real requests: it reads a page (so it is cached), changes something the way an
editor or translator would, and reads the page again.
"""

import os
import re
import subprocess
import sys
import time
import uuid

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import default_storage
from django.utils import translation

from wagtail.images.models import Rendition
from wagtail.models import Locale, PageViewRestriction

import pytest

from config.environment import env_seconds
from guidance_pages.glossary import term_anchor
from guidance_pages.models import FooterText, GlossaryTerm, GuideChapterPage, GuidePage, NavigationMenu, StandardPage
from page_cache import content
from page_cache.release import fingerprint, release

pytestmark = pytest.mark.django_db

ENGLISH_ONLY = "running-an-experts-by-experience-user-group"


def cached(client, url):
    """Read ``url`` twice and return the second answer, which should come from the cache."""
    first = client.get(url)
    assert first.status_code == 200, url
    return client.get(url)


@pytest.fixture
def chapter():
    return GuideChapterPage.objects.live().get(locale__language_code="en", slug="why-lived-experience-matters")


@pytest.fixture
def english_guide():
    return GuidePage.objects.get(locale__language_code="en", slug=ENGLISH_ONLY)


def test_a_cached_page_costs_no_query(client, chapter, django_assert_num_queries):
    client.get(chapter.url)
    with django_assert_num_queries(0):
        response = client.get(chapter.url)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"
    assert chapter.title in response.text


def test_every_language_and_page_type_is_cached_separately(client):
    for url in ["/en/", "/ar/", "/en/guides/", "/ar/guides/", "/en/about/"]:
        assert cached(client, url)["X-Page-Cache"] == "hit"
    assert '<html lang="ar" dir="rtl">' in client.get("/ar/").text
    assert '<html lang="en" dir="ltr">' in client.get("/en/").text


def test_publishing_a_change_shows_at_once(client, chapter):
    cached(client, chapter.url)
    chapter.title = "A new title for this chapter"
    chapter.save_revision().publish()
    response = client.get(chapter.url)
    assert response["X-Page-Cache"] == "miss"
    assert "A new title for this chapter" in response.text
    # The guide lists its chapters by title, so it changes too.
    guide = chapter.get_parent()
    assert "A new title for this chapter" in client.get(guide.url).text


def test_a_draft_keeps_the_cache_and_never_reaches_readers(client, chapter):
    cached(client, chapter.url)
    chapter.title = "Draft title nobody may read yet"
    chapter.save_revision()
    response = client.get(chapter.url)
    assert response["X-Page-Cache"] == "hit"
    assert "Draft title nobody may read yet" not in response.text


def test_a_newly_published_arabic_translation_appears_in_the_switcher_on_the_english_page(client, english_guide):
    english_url = english_guide.url
    assert 'hreflang="ar"' not in cached(client, english_url).text
    arabic_guide = english_guide.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic_guide.title = "تشغيل مجموعة"
    arabic_guide.save_revision().publish()
    html = client.get(english_url).text
    assert 'hreflang="ar"' in html
    assert f"next={arabic_guide.url.replace('/', '%2F')}" in html  # the switcher's link to it


def test_unpublishing_a_chapter_removes_it_at_once(client, chapter):
    guide = chapter.get_parent()
    cached(client, chapter.url)
    assert chapter.title in cached(client, guide.url).text
    chapter.unpublish()
    assert client.get(chapter.url).status_code == 404
    assert chapter.title not in client.get(guide.url).text


def test_moving_a_page_sends_readers_of_the_old_address_to_the_new_one(client, chapter):
    old_url = chapter.url
    cached(client, old_url)
    other_guide = GuidePage.objects.get(locale__language_code="en", slug=ENGLISH_ONLY)
    chapter.move(other_guide, pos="last-child")
    chapter.refresh_from_db()
    moved = client.get(old_url)
    assert moved.status_code == 301  # Wagtail's automatic redirect
    assert moved["Location"] == chapter.url
    assert client.get(chapter.url).status_code == 200


def test_deleting_a_page_removes_it_at_once(client):
    page = StandardPage.objects.get(locale__language_code="en", slug="about")
    cached(client, page.url)
    page.delete()
    assert client.get("/en/about/").status_code == 404


@pytest.mark.parametrize(
    "change",
    [
        pytest.param("navigation", id="navigation"),
        pytest.param("footer", id="footer"),
        pytest.param("glossary", id="glossary"),
        pytest.param("contributor", id="contributor"),
    ],
)
def test_changing_a_snippet_shows_on_every_page_at_once(client, chapter, change):
    guide = chapter.get_parent().specific
    urls = [chapter.url, guide.url, "/en/"]
    for url in urls:
        cached(client, url)
    if change == "navigation":
        menu = NavigationMenu.objects.get(locale__language_code="en")
        menu.links = [("link", {"page": None, "url": "https://example.org/help", "text": "Help from the network"})]
        menu.save()
        expected, where = "Help from the network", urls
    elif change == "footer":
        footer = FooterText.objects.get(locale__language_code="en")
        footer.text = "<p>Registered charity 1234567</p>"
        footer.save()
        expected, where = "Registered charity 1234567", urls
    elif change == "glossary":
        html = client.get(chapter.url).text
        term = next(term for term in GlossaryTerm.objects.filter(locale__language_code="en") if f'id="{term_anchor(term)}"' in html)
        term.definition = "A brand new plain explanation."
        term.save()
        expected, where = "A brand new plain explanation.", [chapter.url]
    else:
        credit = guide.guide_contributors.select_related("contributor").first()
        credit.contributor.display_name = "Amina, who changed her name"
        credit.contributor.save()
        expected, where = "Amina, who changed her name", [guide.url]
    for url in where:
        assert expected in client.get(url).text, url


def test_withdrawing_consent_removes_the_name_at_once(client, chapter):
    guide = chapter.get_parent().specific
    credit = guide.guide_contributors.select_related("contributor").filter(contributor__consent_to_credit=True).first()
    name = credit.contributor.display_name
    assert name in cached(client, guide.url).text
    credit.contributor.consent_to_credit = False
    credit.contributor.save()
    assert name not in client.get(guide.url).text


def test_signed_in_editors_are_never_served_from_the_cache_nor_stored_for_readers(client, users, chapter):
    editor = users["reviewer"]
    client.force_login(editor)
    first = client.get(chapter.url)
    assert "wagtail-userbar" in first.text
    assert "X-Page-Cache" not in first
    assert "X-Page-Cache" not in client.get(chapter.url)
    client.logout()
    reader = client.get(chapter.url)
    assert reader["X-Page-Cache"] == "miss"
    assert "wagtail-userbar" not in reader.text


def test_a_preview_never_reaches_readers(client, users, chapter):
    cached(client, chapter.url)
    client.force_login(users["reviewer"])
    chapter.title = "Previewed title"
    preview = client.post(
        f"/admin/pages/{chapter.pk}/edit/preview/",
        {"title": "Previewed title", "slug": chapter.slug, "summary": chapter.summary, "body-count": "0"},
    )
    assert preview.status_code == 200
    client.logout()
    assert "Previewed title" not in client.get(chapter.url).text


def test_a_password_protected_page_with_its_form_is_never_cached(client, chapter):
    PageViewRestriction.objects.create(page=chapter, restriction_type=PageViewRestriction.PASSWORD, password="secret-words")
    for _ in range(2):
        response = client.get(chapter.url)
        assert "csrfmiddlewaretoken" in response.text
        assert "X-Page-Cache" not in response
        assert chapter.summary not in response.text


def test_restricting_a_cached_page_to_signed_in_people_applies_at_once(client, chapter):
    cached(client, chapter.url)
    PageViewRestriction.objects.create(page=chapter.get_parent(), restriction_type=PageViewRestriction.LOGIN)
    response = client.get(chapter.url)
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"]


def test_answers_that_set_cookies_or_are_not_pages_are_not_cached(client):
    client.get("/ar/language/?next=/ar/")
    assert "X-Page-Cache" not in client.get("/ar/language/?next=/ar/")
    assert client.get("/en/no-such-page/").status_code == 404
    assert "X-Page-Cache" not in client.get("/en/no-such-page/")
    # Search results (a query string) are worked out each time.
    assert "X-Page-Cache" not in client.get("/en/search/?q=trustee")


def test_a_page_published_where_there_was_a_404_appears_at_once(client, english_guide):
    url = f"/en/guides/{ENGLISH_ONLY}/a-new-chapter/"
    assert client.get(url).status_code == 404
    from tests.factories import GuideChapterPageFactory

    GuideChapterPageFactory(parent=english_guide, locale=english_guide.locale, slug="a-new-chapter", title="A new chapter")
    assert client.get(url).status_code == 200


def test_head_requests_get_the_cached_page_too(client, chapter):
    cached(client, chapter.url)
    assert client.head(chapter.url)["X-Page-Cache"] == "hit"


def test_a_reader_posting_feedback_does_not_change_what_others_see(client, chapter):
    arabic_chapter = chapter.get_translation(Locale.objects.get(language_code="ar"))
    cached(client, arabic_chapter.url)
    client.post("/ar/feedback/", {"page": arabic_chapter.pk, "useful": "yes"})
    response = client.get(arabic_chapter.url)
    assert response["X-Page-Cache"] == "hit"
    with translation.override("ar"):
        assert translation.gettext("Was this page useful?") in response.text


def test_pages_from_the_cache_carry_every_security_header(client, chapter):
    fresh = client.get(chapter.url)
    from_cache = client.get(chapter.url)
    assert from_cache["X-Page-Cache"] == "hit"
    for header in ["Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"]:
        assert from_cache[header] == fresh[header], header
    assert "unsafe-inline" not in from_cache["Content-Security-Policy"]


def test_a_page_read_with_the_version_is_not_used_once_another_process_changed_the_content(client, chapter, settings):
    """A process reads a page it does not hold in memory together with the version, under the
    version it saw last; another process's change (a new version) makes it read the page afresh."""
    settings.PAGE_CACHE_VERSION_SECONDS = 0  # never stale: the version is asked for on every request
    from django.core.cache import cache

    from page_cache.content import VERSION_KEY, _in_memory

    assert cached(client, chapter.url)["X-Page-Cache"] == "hit"
    _in_memory.clear()  # as in a process that has not shown this page yet
    assert client.get(chapter.url)["X-Page-Cache"] == "hit"  # from the shared cache, in one read
    # Another server process publishes a new title: the database and the version change, nothing here.
    GuideChapterPage.objects.filter(pk=chapter.pk).update(title="Changed by another process")
    cache.set(VERSION_KEY, "from-another-process", timeout=None)
    _in_memory.clear()
    response = client.get(chapter.url)
    assert response["X-Page-Cache"] == "miss"
    assert "<h1>Changed by another process</h1>" in response.text


@pytest.fixture
def deploy(monkeypatch):
    """Starts serving as another release of the code, named as a deploy would (``RELEASE_ID``)."""

    def as_release(name):
        monkeypatch.setenv("RELEASE_ID", name)
        release.cache_clear()

    yield as_release
    monkeypatch.undo()
    release.cache_clear()


def test_a_new_release_never_serves_pages_an_earlier_release_kept(client, chapter, deploy):
    deploy("first")
    cached(client, chapter.url)
    deploy("second")  # new templates and static file names, same content
    assert client.get(chapter.url)["X-Page-Cache"] == "miss"
    assert client.get(chapter.url)["X-Page-Cache"] == "hit"
    # During a rolling deploy both releases run, and a change made on either reaches both.
    deploy("first")
    assert client.get(chapter.url)["X-Page-Cache"] == "hit"
    chapter.title = "Changed while two releases ran"
    chapter.save_revision().publish()
    deploy("second")
    assert "Changed while two releases ran" in client.get(chapter.url).text


def test_the_release_is_a_fingerprint_of_the_shipped_code_unless_named(tmp_path):
    (tmp_path / "guides" / "templates").mkdir(parents=True)
    (tmp_path / "guides" / "static").mkdir()
    (tmp_path / "tests").mkdir()
    template = tmp_path / "guides" / "templates" / "chapter.html"
    template.write_text("<h1>{{ page.title }}</h1>")
    (tmp_path / "guides" / "static" / "main.css").write_text("body { margin: 0 }")
    (tmp_path / "requirements.txt").write_text("wagtail==8.0.1\n")
    first = fingerprint(tmp_path)
    assert fingerprint(tmp_path) == first

    (tmp_path / "tests" / "test_chapter.py").write_text("assert True")  # not shipped
    (tmp_path / "notes.md").write_text("not code")
    assert fingerprint(tmp_path) == first
    for changed, text in [(template, "<h1 class=title>{{ page.title }}</h1>"), (tmp_path / "guides" / "static" / "main.css", "body {}")]:
        changed.write_text(text)
        assert fingerprint(tmp_path) != first
        first = fingerprint(tmp_path)
    (tmp_path / "requirements.txt").write_text("wagtail==8.0.2\n")
    assert fingerprint(tmp_path) != first


def test_purging_image_renditions_makes_pages_again_with_pictures_that_exist(client):
    """``wagtail_update_image_renditions --purge-only`` deletes renditions, whose files kept pages point at.

    (Deleted here as the command does, row by row; Wagtail removes the files once that is committed.)
    """
    chapter = next(
        chapter
        for chapter in GuideChapterPage.objects.live().filter(locale__language_code="en")
        if any(block.block_type == "image" for block in chapter.body)
    )
    assert cached(client, chapter.url)["X-Page-Cache"] == "hit"
    Rendition.objects.all().delete()
    response = client.get(chapter.url)
    assert response["X-Page-Cache"] == "miss"
    pictures = re.findall(r'/media/(images/[^" ,]+)', response.text)
    assert pictures
    assert all(default_storage.exists(name) for name in pictures), pictures


def test_a_new_leave_this_site_address_reaches_kept_pages_at_the_next_start(client, chapter, deploy, settings):
    """Safeguarding: the "Leave this site" address is in every page, and is set from the environment."""
    deploy("same-code")
    assert "https://www.bbc.co.uk/weather" in cached(client, chapter.url).text
    settings.QUICK_EXIT_URL = "https://example.org/elsewhere"
    deploy("same-code")  # a restart with the new setting and the same code
    response = client.get(chapter.url)
    assert response["X-Page-Cache"] == "miss"
    assert "https://example.org/elsewhere" in response.text and "bbc.co.uk" not in response.text


def test_the_release_is_the_same_in_every_process_with_the_same_code_and_settings():
    script = "import django; django.setup(); from page_cache.release import release; print(release())"
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    environment.pop("RELEASE_ID", None)
    names = {
        subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True, text=True, check=True).stdout for _ in range(2)
    }
    assert len(names) == 1
    release.cache_clear()
    assert names == {release() + "\n"}


def a_change_made_by_another_process():
    """What another server process does when it publishes: a new version in the shared cache."""
    cache.set(content.VERSION_KEY, uuid.uuid4().hex[:12], timeout=None)


def test_without_a_version_window_a_change_made_by_another_process_shows_at_once(client, chapter, settings):
    settings.PAGE_CACHE_VERSION_SECONDS = 0
    cached(client, chapter.url)
    a_change_made_by_another_process()
    assert client.get(chapter.url)["X-Page-Cache"] == "miss"


def test_with_a_version_window_other_processes_changes_show_within_it_and_this_ones_at_once(client, chapter, settings):
    settings.PAGE_CACHE_VERSION_SECONDS = 0.5
    cached(client, chapter.url)
    a_change_made_by_another_process()
    assert client.get(chapter.url)["X-Page-Cache"] == "hit"  # the shared version was not asked for
    time.sleep(0.6)
    assert client.get(chapter.url)["X-Page-Cache"] == "miss"

    # A change made by this process shows at once, window or not.
    assert client.get(chapter.url)["X-Page-Cache"] == "hit"
    chapter.title = "Changed here"
    chapter.save_revision().publish()
    assert "Changed here" in client.get(chapter.url).text


@pytest.mark.parametrize("value", ["-1", "11", "soon"])
def test_a_bad_version_window_stops_start_up_with_an_example(monkeypatch, value):
    monkeypatch.setenv("PAGE_CACHE_VERSION_SECONDS", value)
    with pytest.raises(ImproperlyConfigured, match='PAGE_CACHE_VERSION_SECONDS="1"'):
        env_seconds("PAGE_CACHE_VERSION_SECONDS", 0, 10)


@pytest.mark.parametrize(("redis_url", "window"), [("", 0), ("redis://127.0.0.1:6379/0", 1)])
def test_the_version_window_is_a_second_with_redis_and_none_without(redis_url, window):
    script = "import django; django.setup(); from django.conf import settings; print(settings.PAGE_CACHE_VERSION_SECONDS)"
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "REDIS_URL": redis_url}
    environment.pop("PAGE_CACHE_VERSION_SECONDS", None)
    result = subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True, text=True, check=True)
    assert float(result.stdout) == window
