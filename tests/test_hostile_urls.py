"""Hostile addresses, methods and headers: a 4xx or the normal page, never a server error, and nothing changes."""

import pytest

from guidance_pages.demo import FULLY_TRANSLATED_GUIDE

pytestmark = pytest.mark.django_db

GUIDE = f"/en/guides/{FULLY_TRANSLATED_GUIDE}/"


@pytest.mark.parametrize(
    "path",
    [
        pytest.param("/xx/", id="unknown-language"),
        pytest.param("/zz-ZZ/", id="unknown-language-and-region"),
        pytest.param("/zz-ZZ/guides/", id="unknown-language-deeper"),
        pytest.param("/en/" + "a" * 10_000, id="ten-thousand-character-path"),
        pytest.param("/en/" + "a/" * 5_000, id="five-thousand-levels-deep"),
        pytest.param("/en/../../etc/passwd", id="traversal-dot-dot"),
        pytest.param("/en/%2e%2e/%2e%2e/etc/passwd", id="traversal-encoded-dots"),
        pytest.param("/en/guides%2f..%2f..%2fconfig%2fsettings", id="traversal-encoded-slashes"),
        pytest.param("/static/../config/settings/base.py", id="traversal-out-of-static"),
        pytest.param("/static/%2e%2e/config/settings/base.py", id="traversal-out-of-static-encoded"),
        pytest.param("/media/../manage.py", id="traversal-out-of-media"),
        pytest.param("/en/%00/", id="nul-byte-in-path"),
        pytest.param("/en/gu%01id%1fes/", id="control-characters-in-path"),
        pytest.param("/en/%E2%80%AEguides/", id="bidi-override-in-slug"),
        pytest.param("/en/%ff%fe/", id="invalid-utf8-in-path"),
        pytest.param("/%ff/", id="invalid-utf8-as-language"),
        pytest.param(f"{GUIDE}offline/extra/", id="guide-offline-with-extra-segment"),
        pytest.param(f"{GUIDE}pdf/extra/", id="guide-pdf-with-extra-segment"),
        pytest.param(f"{GUIDE}offline/%00/", id="guide-offline-with-nul-byte"),
        pytest.param(f"{GUIDE}pdf%00/", id="guide-pdf-with-nul-byte"),
    ],
)
def test_unknown_or_malformed_addresses_are_a_plain_404(client, unchanged, path):
    response = client.get(path, follow=True)
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert "SECRET_KEY" not in response.text and "root:" not in response.text


@pytest.mark.parametrize(
    "path",
    [
        pytest.param("/en/?q=%00", id="nul-byte-in-query"),
        pytest.param("/en/?%ff=%fe", id="invalid-utf8-in-query"),
        pytest.param("/en/guides/?x=%E2%80%AE%01", id="bidi-and-control-characters-in-query"),
        pytest.param("/en/?" + "a=b&" * 20_000, id="twenty-thousand-query-parameters"),
    ],
)
def test_query_strings_a_page_does_not_use_are_ignored(client, unchanged, path):
    response = client.get(path)
    assert response.status_code == 200
    assert '<html lang="en" dir="ltr">' in response.text


def test_too_many_parameters_for_a_view_that_reads_them_is_a_400(client, unchanged):
    # Django refuses more than DATA_UPLOAD_MAX_NUMBER_FIELDS parameters before the search runs.
    response = client.get("/en/search/?q=trustees&" + "a=b&" * 20_000)
    assert response.status_code == 400


READER_ADDRESSES = [
    pytest.param("/en/", id="home"),
    pytest.param(GUIDE, id="guide"),
    pytest.param(f"{GUIDE}pdf/", id="guide-pdf"),
    pytest.param(f"{GUIDE}offline/", id="guide-offline"),
    pytest.param("/en/search/?q=trustees", id="search"),
    pytest.param("/en/language/?next=/en/", id="language-choice"),
    pytest.param("/en/feedback/thanks/", id="feedback-thanks"),
    pytest.param("/sitemap.xml", id="sitemap"),
    pytest.param("/sw.js", id="service-worker"),
]


@pytest.mark.parametrize("method", ["put", "delete", "patch", "options", "trace"])
@pytest.mark.parametrize("path", READER_ADDRESSES)
def test_methods_readers_do_not_use_get_405(client, unchanged, path, method):
    response = getattr(client, method)(path)
    assert response.status_code == 405
    assert "GET" in response["Allow"] and "PUT" not in response["Allow"]


@pytest.mark.parametrize("path", READER_ADDRESSES)
def test_head_works_wherever_get_does(client, path):
    assert client.head(path).status_code == client.get(path).status_code


@pytest.mark.parametrize(
    "host",
    [
        pytest.param("evil.example", id="other-host"),
        pytest.param("evil.example:99999", id="other-host-bad-port"),
        pytest.param("127.0.0.1:abc", id="port-not-a-number"),
        pytest.param("a" * 1000, id="thousand-character-host"),
        pytest.param("127.0.0.1\x00.evil.example", id="nul-byte-in-host"),
    ],
)
def test_a_host_the_site_does_not_answer_to_is_a_400(client, unchanged, settings, host):
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
    for path in ["/", "/en/", f"{GUIDE}offline/", "/en/search/?q=trustees", "/sitemap.xml"]:
        assert client.get(path, HTTP_HOST=host).status_code == 400, path


def test_a_forwarded_host_is_not_trusted_for_links(client, settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
    response = client.get(GUIDE, HTTP_X_FORWARDED_HOST="evil.example")
    assert response.status_code == 200
    assert "evil.example" not in response.text
    assert f'<link rel="canonical" href="http://testserver{GUIDE}">' in response.text


@pytest.mark.parametrize(
    "accept_language",
    [
        pytest.param("x" * 10_000, id="ten-thousand-characters"),
        pytest.param("\x00", id="nul-byte"),
        pytest.param("en;q=abc,ar;q=-1", id="weights-not-numbers"),
        pytest.param("zz-" + "a" * 300, id="long-unknown-language"),
        pytest.param("*", id="any-language"),
    ],
)
def test_a_bogus_accept_language_lands_in_english(client, unchanged, accept_language):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert client.get("/en/guides/", HTTP_ACCEPT_LANGUAGE=accept_language).status_code == 200


@pytest.mark.parametrize(
    ("cookie", "expected"),
    [
        pytest.param("xx", "/en/", id="unknown-language"),
        pytest.param("../../etc/passwd", "/en/", id="path"),
        pytest.param("x" * 4000, "/en/", id="four-thousand-characters"),
        pytest.param("\x00", "/en/", id="nul-byte"),
        pytest.param("<script>", "/en/", id="markup"),
        pytest.param("uk", "/uk/", id="a-real-language-still-works"),
    ],
)
def test_a_garbage_language_cookie_is_ignored(client, unchanged, settings, cookie, expected):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = cookie
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == expected
    page = client.get("/en/guides/")
    assert page.status_code == 200
    assert '<html lang="en" dir="ltr">' in page.text


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({"HTTP_COOKIE": "sessionid=garbage; csrftoken=\x00"}, id="garbage-session-and-csrf-cookies"),
        pytest.param({"HTTP_COOKIE": "sessionid=" + "a" * 5000}, id="huge-session-cookie"),
        pytest.param({"HTTP_IF_MODIFIED_SINCE": "yesterday"}, id="bad-if-modified-since"),
        pytest.param({"HTTP_IF_NONE_MATCH": "\x00"}, id="nul-byte-etag"),
        pytest.param({"HTTP_RANGE": "bytes=999-1"}, id="backwards-range"),
        pytest.param({"HTTP_USER_AGENT": "\x00" * 100}, id="nul-byte-user-agent"),
        pytest.param({"HTTP_REFERER": "javascript:alert(1)"}, id="script-referer"),
        pytest.param({"CONTENT_TYPE": "text/plain; charset=nonexistent"}, id="unknown-charset"),
    ],
)
def test_odd_headers_still_get_the_page(client, unchanged, headers):
    for path in [GUIDE, "/en/search/?q=trustees"]:
        response = client.get(path, **headers)
        assert response.status_code == 200, path
        assert "javascript:alert" not in response.text
