"""Hostile input to the reader's forms: feedback and the language switcher. A clear 4xx, never a 500; nothing stored."""

import json
from io import BytesIO
from urllib.parse import urlsplit

from django.conf import settings

from wagtail.models import Locale, PageViewRestriction

import pytest

from feedback.models import PageFeedback
from guidance_pages.demo import FULLY_TRANSLATED_GUIDE
from guidance_pages.models import GuideChapterPage, GuideIndexPage, GuidePage, HomePage
from tests.hostile import database_state

pytestmark = pytest.mark.django_db

NOT_PUBLISHED = "This page does not exist or is not published."


@pytest.fixture
def chapter():
    guide = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    return GuideChapterPage.objects.child_of(guide).live().first()


def send(client, chapter, **fields):
    data = {"page": str(chapter.pk), "useful": "yes", "comment": "", **fields}
    return client.post("/en/feedback/", {key: value for key, value in data.items() if value is not None})


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        pytest.param({"page": None, "useful": None, "comment": None}, "We could not tell which page this is about.", id="nothing-sent"),
        pytest.param({"page": "99999999999999999999"}, NOT_PUBLISHED, id="page-id-too-big-for-the-database"),
        pytest.param({"page": str(2**31)}, NOT_PUBLISHED, id="page-id-just-over-32-bits"),
        pytest.param({"page": "0"}, NOT_PUBLISHED, id="page-id-zero"),
        pytest.param({"page": "-7"}, NOT_PUBLISHED, id="page-id-negative"),
        pytest.param({"page": "²"}, "Enter a whole number.", id="page-id-superscript-digit"),
        pytest.param({"page": "1e3"}, "Enter a whole number.", id="page-id-scientific-notation"),
        pytest.param({"page": "\x00"}, "Enter a whole number.", id="page-id-nul-byte"),
        pytest.param({"useful": "1"}, "Please choose Yes or No.", id="useful-as-a-number"),
        pytest.param({"useful": "<script>"}, "Please choose Yes or No.", id="useful-as-markup"),
        pytest.param({"comment": "x" * 10_000}, "Please keep your comment under 500 characters.", id="ten-thousand-character-comment"),
        pytest.param({"comment": "a\x00b"}, "Null characters are not allowed.", id="nul-byte-in-comment"),
        pytest.param({"comment": "\x1b[31mred"}, "Your comment has characters we cannot read.", id="terminal-escape-in-comment"),
        pytest.param({"comment": "<script>alert(1)</script>"}, "Please write your comment as plain text", id="script-in-comment"),
        pytest.param({"comment": "<a href=//evil.example>win</a>"}, "Please write your comment as plain text", id="link-in-comment"),
        pytest.param({"comment": "JavaScript :alert(1)"}, "Please write your comment as plain text", id="javascript-url-in-comment"),
    ],
)
def test_bad_answers_get_a_clear_400_and_store_nothing(client, unchanged, chapter, fields, message):
    response = send(client, chapter, **fields)
    assert response.status_code == 400
    assert message in response.text
    assert "Your answer was not sent" in response.text
    assert "<script>alert" not in response.text


def test_a_draft_chapter_is_refused(client, unchanged):
    draft = GuideChapterPage.objects.filter(live=False).first()
    response = client.post(f"/{draft.locale.language_code}/feedback/", {"page": draft.pk, "useful": "yes"})
    assert response.status_code == 400
    assert PageFeedback.objects.count() == 0


def test_a_chapter_behind_a_password_is_refused(client, chapter):
    PageViewRestriction.objects.create(page=chapter, restriction_type=PageViewRestriction.PASSWORD, password="secret")
    before = database_state()
    response = send(client, chapter)
    assert response.status_code == 400
    assert NOT_PUBLISHED in response.text
    assert database_state() == before


@pytest.mark.parametrize(
    "page",
    [
        pytest.param(lambda: HomePage.objects.get(locale__language_code="en"), id="the-home-page"),
        pytest.param(lambda: GuideIndexPage.objects.get(locale__language_code="en"), id="the-list-of-guides"),
        pytest.param(lambda: GuidePage.objects.filter(locale__language_code="en").first(), id="a-guide"),
    ],
)
def test_a_page_that_is_not_a_chapter_is_refused(client, unchanged, page):
    response = send(client, page())
    assert response.status_code == 400
    assert NOT_PUBLISHED in response.text


def test_a_chapter_in_another_language_is_refused(client, unchanged, chapter):
    arabic = chapter.get_translation(Locale.objects.get(language_code="ar"))
    response = send(client, arabic)
    assert response.status_code == 400
    assert "This page is not in the language of this address." in response.text


def test_the_last_of_repeated_fields_counts(client, unchanged, chapter):
    response = client.post("/en/feedback/", {"page": [str(chapter.pk), "999999"], "useful": "yes"})
    assert response.status_code == 400
    assert NOT_PUBLISHED in response.text


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        pytest.param(json.dumps({"page": 1, "useful": "yes"}), "application/json", id="json-instead-of-a-form"),
        pytest.param("page=1&useful=yes", "text/plain", id="form-data-labelled-as-text"),
        pytest.param(b"\xff\xfe\x00" * 100, "application/x-www-form-urlencoded", id="binary-labelled-as-a-form"),
    ],
)
def test_a_body_that_is_not_the_form_is_refused(client, unchanged, body, content_type):
    response = client.post("/en/feedback/", data=body, content_type=content_type)
    assert response.status_code == 400


def test_a_file_sent_as_the_page_field_is_refused(client, unchanged):
    upload = BytesIO(b"%PDF-1.4 not really")
    upload.name = "page.pdf"
    response = client.post("/en/feedback/", {"page": upload, "useful": "yes"})
    assert response.status_code == 400
    assert "We could not tell which page this is about." in response.text


@pytest.mark.parametrize(
    "page",
    [
        pytest.param("99999999999999999999", id="too-big-for-the-database"),
        pytest.param("²", id="superscript-digit"),
        pytest.param("-1", id="negative"),
        pytest.param("\x00", id="nul-byte"),
        pytest.param("<script>", id="markup"),
    ],
)
def test_the_thank_you_page_ignores_a_page_it_cannot_read(client, unchanged, page):
    response = client.get("/en/feedback/thanks/", {"page": page})
    assert response.status_code == 200
    assert "Thank you. Your answer helps us improve this guidance." in response.text
    assert "<script>" not in response.text.split("<main")[1]


@pytest.mark.parametrize(
    "target",
    [
        pytest.param("https://evil.example/ar/", id="another-site"),
        pytest.param("//evil.example/ar/", id="scheme-relative"),
        pytest.param("javascript:alert(1)", id="javascript-url"),
        pytest.param("/\\evil.example", id="backslash-host"),
        pytest.param("\\\\evil.example", id="two-backslashes"),
        pytest.param(" //evil.example", id="leading-space"),
        pytest.param("\t//evil.example", id="leading-tab"),
        pytest.param("/%2F/evil.example", id="encoded-slash"),
        pytest.param("https:/evil.example", id="one-slash-after-scheme"),
        pytest.param("/en/guides/", id="another-language"),
        pytest.param("/ar/" + "a" * 10_000, id="ten-thousand-characters"),
    ],
)
def test_choosing_a_language_never_leaves_the_site(client, unchanged, target):
    response = client.get("/ar/language/", {"next": target})
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert (location.scheme, location.netloc) == ("", "")
    assert location.path.startswith("/ar/")


def test_line_breaks_in_the_target_cannot_add_headers(client, unchanged):
    response = client.get("/ar/language/", {"next": "/ar/\r\nSet-Cookie: stolen=1"})
    assert response.status_code == 302
    assert response["Location"] == "/ar/%0D%0ASet-Cookie:%20stolen=1"
    assert "stolen" not in response.cookies


def test_an_unknown_language_is_not_remembered(client, unchanged):
    response = client.get("/xx/language/", {"next": "/xx/"}, follow=True)
    assert response.status_code == 404
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert client.cookies.get(settings.LANGUAGE_COOKIE_NAME) is None
