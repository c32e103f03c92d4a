"""The page cache across gunicorn's two worker processes: a change made in another process (an
editor publishing through the admin, here a management shell) reaches readers of every worker."""

import os
import urllib.parse
import urllib.request

import pytest

from tests.live import Server, demo_site_on_sqlite, manage

CHAPTER = "/ar/guides/recruiting-trustees-with-lived-experience/why-lived-experience-matters/"
PUBLISH = """
from guidance_pages.models import GuideChapterPage
page = GuideChapterPage.objects.get(url_path__endswith="/why-lived-experience-matters/", locale__language_code="ar")
page.title = "{title}"
page.save_revision().publish()
"""


def read_many(server, times=8):
    answers = []
    for _ in range(times):
        with urllib.request.urlopen(server.url + urllib.parse.quote(CHAPTER), timeout=30) as response:  # noqa: S310 - our own server
            answers.append((response.headers.get("X-Page-Cache"), response.read().decode()))
    return answers


def publishing_reaches_every_worker(env, log_path, title):
    server = Server(env, log_path)
    try:
        before = read_many(server)
        assert {state for state, _html in before} >= {"hit"}
        assert not any(title in html for _state, html in before)
        manage(env, "shell", "-v0", "-c", PUBLISH.format(title=title))
        after = read_many(server)
        assert all(title in html for _state, html in after), "a worker served the old chapter"
        assert after[-1][0] == "hit"
    finally:
        server.stop()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("site")
    return demo_site_on_sqlite(folder), folder


def test_publishing_reaches_readers_of_both_workers_with_the_cache_on_disk(site):
    env, folder = site
    env = {**env, "CACHE_DIR": str(folder / "cache")}
    publishing_reaches_every_worker(env, folder / "gunicorn-files.log", title="عنوان جديد للفصل")


@pytest.mark.redis
def test_publishing_reaches_readers_of_both_workers_with_redis(site):
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        pytest.skip("needs Redis: set REDIS_URL=redis://127.0.0.1:6379/0 to run")
    env, folder = site
    env = {**env, "REDIS_URL": urllib.parse.urlsplit(redis_url)._replace(path="/10").geturl()}
    manage(env, "shell", "-v0", "-c", "from django.core.cache import cache; cache.clear()")
    publishing_reaches_every_worker(env, folder / "gunicorn-redis.log", title="عنوان آخر للفصل")
