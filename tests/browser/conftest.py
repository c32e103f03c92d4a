"""A real Chromium (Debian's, never a downloaded one) reading the site.

The browser's requests to http://testserver/ are answered by Django's test client inside the
test's own database transaction, so the browser sees the demo site exactly as the other tests
do, on SQLite and on PostgreSQL, without a second server process.
"""

import os
import shutil
from html import escape

import pytest

# Playwright's synchronous API runs an event loop in the test's thread; Django would refuse to
# touch the database from it. The test is still synchronous, so this is safe here.
# https://playwright.dev/python/docs/test-runners#django
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BASE_URL = "http://testserver"


@pytest.fixture(scope="session")
def chromium():
    if not shutil.which("chromium"):
        pytest.skip("needs Debian's Chromium: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Request headers the site and Wagtail's admin scripts rely on, passed on to Django as the browser sent them.
FORWARDED_HEADERS = ["accept", "accept-language", "x-requested-with", "x-csrftoken", "referer", "origin"]
PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 900}


def answer_with_django(context, client):
    """Has Django's test client answer every request the context's tabs make; anything else is refused.

    The test client keeps the session, so ``client.force_login`` signs the tab in.
    """
    from django.db import connections

    # Playwright calls the handler in its own context, where Django would open a second
    # database connection that cannot see (or would lock against) the test's transaction.
    test_connection = connections["default"]

    def handle(route):
        request = route.request
        if not request.url.startswith(BASE_URL + "/"):
            route.abort()  # tests never reach the network
            return
        connections["default"] = test_connection
        headers = {f"HTTP_{name.upper().replace('-', '_')}": request.headers[name] for name in FORWARDED_HEADERS if name in request.headers}
        headers.setdefault("HTTP_ACCEPT_LANGUAGE", "en")
        # GET, and the POST, PUT and DELETE of forms and of wagtail-localize's editor.
        response = client.generic(
            request.method,
            request.url.removeprefix(BASE_URL),
            data=request.post_data_buffer or b"",
            content_type=request.headers.get("content-type", ""),
            **headers,
        )
        body = b"".join(response.streaming_content) if response.streaming else response.content
        response_headers = dict(response.items())
        status = response.status_code
        if request.method != "GET" and status in (301, 302, 303, 307, 308):
            # Chromium does not reliably hand the redirect after a fulfilled POST back to this
            # handler (it sends it to the network, and fails); a page that moves on by itself does.
            location = response_headers.pop("Location")
            response_headers["Content-Type"] = "text/html; charset=utf-8"
            body = f'<!DOCTYPE html><title>…</title><meta http-equiv="refresh" content="0;url={escape(location)}">'.encode()
            status = 200
        if response.cookies:
            # Django keeps cookies apart from the headers; the browser must get them too.
            response_headers["set-cookie"] = "\n".join(morsel.OutputString() for morsel in response.cookies.values())
        route.fulfill(status=status, headers=response_headers, body=body)

    context.route(lambda url: True, handle)


@pytest.fixture
def open_tab(chromium):
    """Opens a browser tab as a separate person: its own browser context and its own Django test client.

    ``open_tab(client)`` shares a test client (and so its session) with the test instead.
    """
    from django.test import Client

    contexts = []

    def open_(client=None, viewport=LAPTOP, **options):
        context = chromium.new_context(viewport=viewport, base_url=BASE_URL, **options)
        contexts.append(context)
        answer_with_django(context, client or Client())
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        return tab

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def reader(open_tab, client, request):
    """A browser tab on a small phone screen; ``javascript`` marker param turns scripts off."""
    return open_tab(client, viewport=PHONE, java_script_enabled=getattr(request, "param", True))
