"""Reader URLs: unknown languages and pages are a plain 404 in the reader's language, never a 500."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/xx/",
        "/zz-yy/guides/",
        "/de/",
        "/en-gb-zz/",
        "/en/no-such-page/",
        "/ar/guides/no-such-guide/",
        "/en/" + "a/" * 300,
        "/en/%00/",
        "/en/..%2f..%2fetc/passwd",
    ],
)
def test_unknown_language_or_page_is_a_404(client, path):
    response = client.get(path, follow=True)
    assert response.status_code == 404


def test_root_sends_readers_to_a_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="uk")
    assert response.status_code == 302
    assert response["Location"] == "/uk/"


def test_not_found_page_is_in_the_readers_language(client):
    response = client.get("/ar/no-such-page/")
    assert response.status_code == 404
    assert '<html lang="ar" dir="rtl">' in response.text
    assert "Page not found" not in response.text


def test_server_error_page_is_in_the_readers_language_and_direction(rf):
    from django.utils import translation
    from django.views.defaults import server_error

    with translation.override("ar"):
        response = server_error(rf.get("/ar/"))
        expected = translation.gettext("Sorry, this page could not be shown. Please try again in a few minutes.")
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert expected in html and expected != "Sorry, this page could not be shown. Please try again in a few minutes."
