"""When the database or Redis is down, readers get a calm answer in their language, never a traceback.

The outages are real: gunicorn (as in production, two workers) pointed at a PostgreSQL port where
nothing listens, at one that never answers, at an SQLite file that cannot be opened, or at a Redis
port where nothing listens.
"""

import html
import re
import socket
import urllib.error
import urllib.request

from django.conf import settings
from django.db import DatabaseError, DataError, IntegrityError, InterfaceError, OperationalError, ProgrammingError
from django.test import RequestFactory
from django.utils import translation

import pytest

from operations.views import database_unavailable, server_error
from tests.live import Server, demo_site_on_sqlite, environment
from tests.test_feedback_live import CHAPTER, Reader, stored_answers

SORRY = "Sorry, this page could not be shown. Please try again in a few minutes."
RIGHT_TO_LEFT = {"ar", "fa", "ps", "ckb", "ur"}


def fetch(url, data=None, headers=None):
    """(status, headers, text) of a real request; error statuses are answers too."""
    request = urllib.request.Request(url, data=data, headers=headers or {})  # noqa: S310 - our own server on 127.0.0.1
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - our own server on 127.0.0.1
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def assert_calm_503(status, headers, text, language):
    assert status == 503
    assert headers["Retry-After"] == "60"
    assert headers["Cache-Control"] == "no-store"
    direction = "rtl" if language in RIGHT_TO_LEFT else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in text
    with translation.override(language):
        assert html.escape(translation.gettext(SORRY)) in text
    assert "Traceback" not in text and "OperationalError" not in text and "DatabaseError" not in text


@pytest.fixture
def server_without_database(tmp_path, request):
    """gunicorn whose DATABASE_URL is given by the test's parameter; answers 503 from the start."""
    servers = []

    def start(database_url):
        server = Server(environment(database_url, tmp_path / "media"), tmp_path / "gunicorn.log", ready_status=503)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


READER_PAGES = [
    ("/en/", "en"),
    ("/ar/", "ar"),
    ("/fa/guides/recruiting-trustees-with-lived-experience/", "fa"),
    ("/ti/guides/", "ti"),
    ("/uk/search/?q=trustees", "uk"),
    ("/so/a-page-that-does-not-exist/", "so"),
]


def test_readers_get_a_503_in_their_language_when_postgresql_refuses_connections(server_without_database):
    server = server_without_database("postgres://postgres@127.0.0.1:1/operations")
    for path, language in READER_PAGES:
        assert_calm_503(*fetch(server.url + path), language)
    # The stylesheet does not need the database and is still served.
    assert fetch(server.url + "/static/css/main.css")[0] == 200
    log = server.output()
    assert "Service Unavailable: /ar/" in log
    assert "Connection refused" in log


def test_the_admin_and_the_feedback_form_answer_503_without_a_traceback(server_without_database):
    server = server_without_database("postgres://postgres@127.0.0.1:1/operations")
    # A signed-in editor (a session cookie makes the admin read the database).
    status, headers, text = fetch(server.url + "/admin/pages/", headers={"Cookie": "sessionid=" + "a1b2c3d4" * 4})
    assert_calm_503(status, headers, text, "en")
    # The admin's sign-in page, for an editor whose browser asks for Arabic.
    assert_calm_503(*fetch(server.url + "/admin/login/", headers={"Accept-Language": "ar"}), "ar")
    # A reader's answer (with a valid CSRF cookie and token) cannot be stored: they are told to try again.
    token = "x" * 32
    answer = b"page=5&useful=yes&comment=&csrfmiddlewaretoken=" + token.encode()
    assert_calm_503(*fetch(server.url + "/ar/feedback/", data=answer, headers={"Cookie": f"csrftoken={token}"}), "ar")
    assert "Service Unavailable: /ar/feedback/" in server.output()


@pytest.mark.parametrize("broken", ["missing folder", "not a database"])
def test_readers_get_a_503_when_the_sqlite_file_cannot_be_opened(server_without_database, tmp_path, broken):
    if broken == "missing folder":
        path = tmp_path / "no-such-folder" / "db.sqlite3"
        expected_error = "unable to open database file"
    else:
        path = tmp_path / "db.sqlite3"
        path.write_bytes(b"these bytes are not an SQLite database " * 200)
        expected_error = "file is not a database"
    server = server_without_database(f"sqlite:///{path}")
    assert_calm_503(*fetch(server.url + "/ar/guides/"), "ar")
    assert_calm_503(*fetch(server.url + "/fr/"), "fr")
    assert expected_error in server.output()


def test_a_database_server_that_never_answers_gives_a_503_before_the_worker_is_killed(server_without_database):
    # Accepts connections (the kernel does) but never says a word, like a server that has hung.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(64)
        port = silent.getsockname()[1]
        server = server_without_database(f"postgres://postgres@127.0.0.1:{port}/operations")
        # gunicorn kills a worker after 60 seconds; the connection gives up after 5 and the
        # reader gets the page instead of a dropped connection.
        assert_calm_503(*fetch(server.url + "/ps/"), "ps")
    assert "timeout" in server.output().lower()


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_the_503_page_is_in_every_language_with_its_direction(language):
    request = RequestFactory().get(f"/{language}/guides/")
    try:
        raise OperationalError("connection refused")
    except OperationalError:
        response = server_error(request)
    assert_calm_503(response.status_code, response.headers, response.content.decode(), language)
    assert settings.QUICK_EXIT_URL in response.content.decode()


def test_only_an_unreachable_database_is_a_503():
    assert database_unavailable(OperationalError("could not connect"))
    assert database_unavailable(InterfaceError("connection already closed"))
    assert database_unavailable(DatabaseError("file is not a database"))
    # Mistakes in our own code stay a 500, so that they are noticed and fixed.
    assert not database_unavailable(IntegrityError("duplicate key"))
    assert not database_unavailable(ProgrammingError("no such table"))
    assert not database_unavailable(DataError("value too long"))
    assert not database_unavailable(ValueError("bad value"))
    assert not database_unavailable(None)


def test_other_errors_still_get_the_500_page():
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(RequestFactory().get("/en/"))
    assert response.status_code == 500
    assert "Retry-After" not in response.headers


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("outage-demo")
    return demo_site_on_sqlite(folder), folder


def test_the_site_keeps_serving_and_storing_feedback_when_redis_is_down(demo_site):
    env, folder = demo_site
    env = {**env, "REDIS_URL": "redis://127.0.0.1:1/0", "FEEDBACK_RATE_LIMIT": "3/600"}
    server = Server(env, folder / "gunicorn-redis-down.log")
    try:
        for path in ["/en/", "/ar/", CHAPTER, "/uk/search/?q=trustees"]:
            status, _headers, text = fetch(server.url + path)
            assert status == 200, path
            assert re.search(r"<h1[^>]*>", text)
        answers = []
        for _ in range(4):
            reader = Reader(server)
            reader.read_chapter()
            answers.append(reader.answer()[0])
    finally:
        server.stop()
    log = server.output()
    # Three answers are stored; the fourth is refused by the rate limit, now counted in the database.
    assert answers == [200, 200, 200, 429], log[-3000:]
    assert stored_answers(env) == 3
    assert "Redis cannot be reached" in log
    assert "Internal Server Error" not in log and "Traceback" not in log
