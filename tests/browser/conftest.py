"""A real Chromium (Debian's, never a downloaded one) reading the site.

The browser's requests to http://testserver/ are answered by Django's test client inside the
test's own database transaction, so the browser sees the demo site exactly as the other tests
do, on SQLite and on PostgreSQL, without a second server process.
"""

import os
import shutil

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


def _answer_with_django(client):
    from django.db import connections

    # Playwright calls this handler in its own context, where Django would open a second
    # database connection that cannot see (or would lock against) the test's transaction.
    test_connection = connections["default"]

    def handle(route):
        connections["default"] = test_connection
        request = route.request
        path = request.url.removeprefix(BASE_URL)
        headers = {
            "HTTP_ACCEPT": request.headers.get("accept", "*/*"),
            "HTTP_ACCEPT_LANGUAGE": request.headers.get("accept-language", "en"),
        }
        if request.method in {"GET", "HEAD"}:
            response = client.get(path, **headers)
        else:
            # POST, and the PUT and DELETE that wagtail-localize's editor sends to save each string.
            body = request.post_data_buffer or b""
            response = client.generic(request.method, path, data=body, content_type=request.headers.get("content-type", ""), **headers)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        headers = dict(response.items())
        if response.cookies:
            # Django keeps cookies apart from the headers; the browser must get them too.
            headers["set-cookie"] = "\n".join(morsel.OutputString() for morsel in response.cookies.values())
        route.fulfill(status=response.status_code, headers=headers, body=body)

    return handle


@pytest.fixture
def reader(chromium, client, request):
    """A browser tab on a small phone screen; ``javascript`` marker param turns scripts off."""
    javascript = getattr(request, "param", True)
    context = chromium.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=javascript, base_url=BASE_URL)
    answer = _answer_with_django(client)

    def route_every_request(route):
        # Our site is answered by Django; anything else is refused: tests never reach the network.
        if route.request.url.startswith(BASE_URL + "/"):
            answer(route)
        else:
            route.abort()

    context.route(lambda url: True, route_every_request)
    page = context.new_page()
    yield page
    context.close()
