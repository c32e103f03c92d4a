"""Shared fixtures: the demo site loaded once per test process, locales, users per role.

In CI (CI=true) a skipped browser, Redis or HTML-validator test is a failure, and so is a skipped PostgreSQL
test when DATABASE_URL points at PostgreSQL: CI must run what it claims to run.
"""

import os

from django.conf import settings

import pytest

from guidance_pages.management.commands.compile_translations import compile_catalogs


def pytest_configure(config):
    # Django caches which languages have a catalog the first time it is asked, so the
    # interface catalogs (needed to serve /ps/, /ti/, /so/) are compiled before anything runs.
    compile_catalogs(settings.LOCALE_PATHS)


def _required_markers():
    if os.environ.get("CI", "").lower() != "true":
        return set()
    required = {"browser", "pdf", "redis", "validator", "gettext"}
    if os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        required.add("postgres")
    return required


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    required = _required_markers() & {marker.name for marker in item.iter_markers()}
    if report.skipped and required:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"CI must run this {'/'.join(sorted(required))} test, but it was skipped: {reason}"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the demo site: two guides, translations, users per role."""
    from guidance_pages.demo import load_demo

    with django_db_blocker.unblock():
        load_demo()


@pytest.fixture
def locales(db):
    from wagtail.models import Locale

    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home_page(db):
    from guidance_pages.models import HomePage

    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def guide_index(home_page):
    from guidance_pages.models import GuideIndexPage

    return GuideIndexPage.objects.child_of(home_page).get()


@pytest.fixture
def users(db):
    """One demo user per role, by username."""
    from django.contrib.auth import get_user_model

    return {user.username: user for user in get_user_model().objects.all()}


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English: a request in another language must not leak into the next test."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: Redis (in CI) keeps values between tests otherwise.

    With Redis, only this test process's keys are deleted (clear() would empty Redis for the
    other process running tests beside it).
    """
    from django.core.cache import cache

    from page_cache.content import forget_in_this_process

    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern("*")
    else:
        cache.clear()
    # And what this process remembers of it, which would outlive the test's database changes.
    forget_in_this_process()


@pytest.fixture
def editor(client, users):
    """The test client, signed in as the demo EBE editor."""
    client.force_login(users["editor"])
    return client


@pytest.fixture
def demo_collection(db):
    """The collection the demo's pictures and documents are in."""
    from wagtail.models import Collection

    from guidance_pages.demo import COLLECTION_NAME

    return Collection.objects.get(name=COLLECTION_NAME)


@pytest.fixture
def unchanged(db):
    """Fails the test if the database changed while it ran (see tests/hostile.py)."""
    from tests.hostile import database_state

    before = database_state()
    yield
    assert database_state() == before
