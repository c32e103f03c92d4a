"""Readers land in their language: a remembered choice first, then their browser's languages."""

from urllib.parse import urlsplit

from django.conf import settings

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("fa-IR,fa;q=0.9,en;q=0.5", "/fa/"),
        ("ar-SY", "/ar/"),
        ("uk-UA,ru;q=0.8", "/uk/"),
        ("ti-ER", "/ti/"),
        ("so-SO,so;q=0.9", "/so/"),
        ("prs", "/fa/"),  # Dari
        ("pbt", "/ps/"),  # Southern Pashto
        ("fa-AF", "/fa/"),  # how most phones in Afghanistan name Dari
        ("ckb-IQ", "/ckb/"),
        ("de-DE,fr;q=0.7", "/fr/"),  # the first language we have
        ("de-DE", "/en/"),
        ("", "/en/"),
        ("😀;q=x,,,;;", "/en/"),
    ],
)
def test_the_site_root_sends_readers_to_their_browsers_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_a_remembered_choice_wins_over_the_browser(client):
    client.get("/uk/language/", {"next": "/uk/guides/"})
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response["Location"] == "/uk/"


def test_choosing_a_language_remembers_it_and_shows_the_page(client):
    response = client.get("/ar/language/", {"next": "/ar/guides/"})
    assert response.status_code == 302
    assert response["Location"] == "/ar/guides/"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "ar"
    assert cookie["max-age"] >= 60 * 60 * 24 * 300
    assert cookie["samesite"] == "Lax"


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/ar/", "/en/guides/", "javascript:alert(1)", "/ar/\\evil.example", ""]
)
def test_choosing_a_language_never_sends_readers_elsewhere(client, target):
    response = client.get("/ar/language/", {"next": target})
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert (location.scheme, location.netloc) == ("", "")
    assert location.path.startswith("/ar/")


def test_switcher_links_remember_the_choice(client):
    html = client.get("/en/").text
    assert 'href="/ar/language/?next=%2Far%2F"' in html
