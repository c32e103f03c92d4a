"""Feedback under load and across server processes, against a real gunicorn on 127.0.0.1.

Each test starts gunicorn with two sync workers (as in production) on its own database, then
sends real HTTP requests: a reader fetches the chapter (for the CSRF cookie and token), then
posts an answer.
"""

import os
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid
from http.cookiejar import CookieJar

import pytest

from tests.live import Server, demo_site_on_sqlite, environment, manage

CHAPTER = "/ar/guides/recruiting-trustees-with-lived-experience/why-lived-experience-matters/"


class Reader:
    """One reader's browser: its own cookies, fetching the page and then posting the form."""

    def __init__(self, server):
        self.server = server
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        self.form = None

    def read_chapter(self):
        with self.opener.open(self.server.url + CHAPTER, timeout=30) as response:
            html = response.read().decode()
        self.form = {
            "page": re.search(r'name="page" value="(\d+)"', html).group(1),
            "useful": "yes",
            "comment": "شكرا",
        }

    def answer(self):
        data = urllib.parse.urlencode(self.form).encode()
        try:
            with self.opener.open(self.server.url + "/ar/feedback/", data=data, timeout=60) as response:
                return response.status, response.url
        except urllib.error.HTTPError as error:
            return error.code, error.url


def stored_answers(env):
    return int(
        manage(env, "shell", "-v0", "-c", "from feedback.models import PageFeedback; print(PageFeedback.objects.count())")
        .strip()
        .splitlines()[-1]
    )


def clear_answers(env):
    manage(
        env,
        "shell",
        "-v0",
        "-c",
        "from feedback.models import PageFeedback, SubmissionCount; PageFeedback.objects.all().delete(); SubmissionCount.objects.all().delete()",
    )


@pytest.fixture(scope="module")
def sqlite_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("live-sqlite")
    return demo_site_on_sqlite(folder), folder


@pytest.fixture(scope="module")
def postgres_site(tmp_path_factory):
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://... to run")
    import psycopg

    name = f"guidance_live_{uuid.uuid4().hex[:8]}"
    server = urllib.parse.urlsplit(url)
    admin_url = server._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    folder = tmp_path_factory.mktemp("live-postgres")
    env = environment(server._replace(path=f"/{name}").geturl(), folder / "media")
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo")
        yield env, folder
    finally:
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fifty_readers_at_once(env, folder):
    clear_answers(env)
    server = Server({**env, "FEEDBACK_RATE_LIMIT": "1000/600"}, folder / "gunicorn-load.log")
    try:
        readers = [Reader(server) for _ in range(50)]
        for reader in readers:
            reader.read_chapter()
        start = threading.Barrier(len(readers))
        results = [None] * len(readers)

        def send(index):
            start.wait()
            results[index] = readers[index].answer()

        threads = [threading.Thread(target=send, args=(index,)) for index in range(len(readers))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        server.stop()
    log = server.output()
    assert [status for status, _url in results] == [200] * 50, log[-3000:]
    assert all("/ar/feedback/thanks/" in url for _status, url in results)
    assert "database is locked" not in log
    assert "Internal Server Error" not in log
    assert stored_answers(env) == 50


def test_fifty_answers_at_once_are_all_stored_on_sqlite(sqlite_site):
    fifty_readers_at_once(*sqlite_site)


@pytest.mark.postgres
def test_fifty_answers_at_once_are_all_stored_on_postgres(postgres_site):
    fifty_readers_at_once(*postgres_site)


def limit_holds_across_workers(env, folder, log_name):
    clear_answers(env)
    server = Server({**env, "FEEDBACK_RATE_LIMIT": "5/600"}, folder / log_name)
    try:
        statuses = []
        for _ in range(12):
            reader = Reader(server)  # a new browser each time: only the address is the same
            reader.read_chapter()
            statuses.append(reader.answer()[0])
    finally:
        server.stop()
    # Counted per process, two workers would let up to 10 through.
    assert statuses == [200] * 5 + [429] * 7, server.output()[-3000:]
    assert stored_answers(env) == 5


def test_rate_limit_holds_across_two_workers_without_redis(sqlite_site):
    limit_holds_across_workers(*sqlite_site, "gunicorn-limit.log")


@pytest.mark.redis
def test_rate_limit_holds_across_two_workers_with_redis(sqlite_site):
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        pytest.skip("needs Redis: set REDIS_URL=redis://127.0.0.1:6379/0 to run")
    env, folder = sqlite_site
    # A Redis database of its own, emptied first, so counts from other runs cannot interfere.
    env = {**env, "REDIS_URL": urllib.parse.urlsplit(redis_url)._replace(path="/14").geturl()}
    manage(env, "shell", "-v0", "-c", "from django.core.cache import cache; cache.clear()")
    limit_holds_across_workers(env, folder, "gunicorn-limit-redis.log")
