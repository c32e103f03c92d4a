"""Readers answer "Was this page useful?"; bad input gets a clear 400 and stores nothing."""

import re

from django.test import Client
from django.utils import translation

from wagtail.models import Locale

import pytest

from feedback.models import PageFeedback, SubmissionCount
from guidance_pages.demo import FULLY_TRANSLATED_GUIDE
from guidance_pages.models import GuideChapterPage, GuidePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def arabic_chapter():
    guide = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    return GuideChapterPage.objects.child_of(guide).first().get_translation(Locale.objects.get(language_code="ar")).specific


def answer(client, chapter, language="ar", meta=None, **fields):
    """Post an answer; ``meta`` holds request headers such as REMOTE_ADDR."""
    data = {"page": str(chapter.pk), "useful": "yes", "comment": "", **fields}
    return client.post(f"/{language}/feedback/", {key: value for key, value in data.items() if value is not None}, **(meta or {}))


def arabic(text):
    with translation.override("ar"):
        return translation.gettext(text)


def test_chapter_ends_with_the_question_in_the_readers_language(client, arabic_chapter):
    html = client.get(arabic_chapter.url).text
    assert arabic("Was this page useful?") in html
    assert f'name="page" value="{arabic_chapter.pk}"' in html
    assert 'action="/ar/feedback/"' in html


def test_an_answer_without_javascript_is_stored_and_thanked_in_the_readers_language(client, arabic_chapter):
    response = answer(client, arabic_chapter, useful="no", comment="الخط صغير جدا")
    assert response.status_code == 303
    feedback = PageFeedback.objects.get()
    assert (feedback.page_id, feedback.language_code, feedback.useful, feedback.comment) == (
        arabic_chapter.pk,
        "ar",
        False,
        "الخط صغير جدا",
    )
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert '<html lang="ar" dir="rtl">' in thanks.text
    assert arabic("Thank you. Your answer helps us improve this guidance.") in thanks.text
    assert arabic_chapter.url in thanks.text


def test_an_answer_sent_by_script_gets_json_back(client, arabic_chapter):
    response = client.post("/ar/feedback/", {"page": arabic_chapter.pk, "useful": "yes"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response.json() == {"ok": True, "message": arabic("Thank you. Your answer helps us improve this guidance.")}
    assert PageFeedback.objects.filter(useful=True).count() == 1


def test_nothing_that_identifies_the_reader_is_stored(client, arabic_chapter):
    answer(client, arabic_chapter, meta={"REMOTE_ADDR": "203.0.113.7"})
    client.post("/ar/feedback/", {"page": arabic_chapter.pk, "useful": "yes"}, REMOTE_ADDR="203.0.113.7")
    stored_fields = {field.name for field in PageFeedback._meta.get_fields()}
    assert stored_fields == {"id", "page", "language_code", "useful", "comment", "created_at", "handled", "handled_at", "handled_by"}
    for count in SubmissionCount.objects.all():
        assert "203.0.113.7" not in count.client
        assert re.fullmatch(r"[0-9a-f]{64}", count.client)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"page": None}, "We could not tell which page this is about."),
        ({"page": "999999"}, "This page does not exist or is not published."),
        ({"page": "not-a-number"}, "Enter a whole number."),
        ({"useful": "maybe"}, "Please choose Yes or No."),
        ({"useful": None}, "Please choose Yes or No."),
        ({"useful": "true"}, "Please choose Yes or No."),
        ({"comment": "x" * 501}, "Please keep your comment under 500 characters."),
        ({"comment": "hello\x00world"}, "Null characters are not allowed."),
        ({"comment": "\x01\x02\x03binary"}, "Your comment has characters we cannot read."),
        ({"comment": "<script>alert(1)</script>"}, "Please write your comment as plain text"),
        ({"comment": '<img src=x onerror="alert(1)">'}, "Please write your comment as plain text"),
        ({"comment": "javascript:alert(1)"}, "Please write your comment as plain text"),
    ],
)
def test_bad_answers_get_a_clear_400_and_store_nothing(client, arabic_chapter, fields, message):
    english_chapter = arabic_chapter.get_translation(Locale.objects.get(language_code="en"))
    data = {"page": str(english_chapter.pk), "useful": "yes", "comment": "", **fields}
    response = client.post("/en/feedback/", {key: value for key, value in data.items() if value is not None})
    assert response.status_code == 400
    assert message in response.text
    assert '<html lang="en" dir="ltr">' in response.text
    assert PageFeedback.objects.count() == 0


def test_a_page_in_another_language_is_refused(client, arabic_chapter):
    response = answer(client, arabic_chapter, language="uk")
    assert response.status_code == 400
    assert PageFeedback.objects.count() == 0


def test_an_unpublished_page_is_refused(client):
    draft = GuideChapterPage.objects.filter(live=False).first()
    response = answer(client, draft, language=draft.locale.language_code)
    assert response.status_code == 400
    assert PageFeedback.objects.count() == 0


def test_bad_answers_by_script_get_json_errors(client, arabic_chapter):
    response = client.post("/ar/feedback/", {"page": arabic_chapter.pk, "useful": "maybe"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert response.json()["ok"] is False
    assert response.json()["message"] == arabic("Please choose Yes or No.")


def test_a_robot_filling_the_hidden_field_is_thanked_but_nothing_is_stored(client, arabic_chapter):
    response = answer(client, arabic_chapter, website="http://spam.example")
    assert response.status_code == 303
    assert PageFeedback.objects.count() == 0


def test_the_chapter_carries_no_token_and_gives_the_reader_no_cookie(client, arabic_chapter):
    # So every reader gets the same chapter, which can then come from the page cache.
    response = client.get(arabic_chapter.url)
    assert 'name="page"' in response.text
    assert "csrfmiddlewaretoken" not in response.text
    assert not response.cookies


def test_an_answer_posted_from_another_website_is_refused(arabic_chapter):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/ar/feedback/", {"page": arabic_chapter.pk, "useful": "yes"}, headers={"Origin": "https://evil.example"})
    assert response.status_code == 403
    assert arabic("Answers can only be sent from the pages of this website.") in response.text
    assert PageFeedback.objects.count() == 0


def test_an_answer_from_the_sites_own_page_is_accepted_without_a_token(arabic_chapter):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/ar/feedback/", {"page": arabic_chapter.pk, "useful": "yes"}, headers={"Origin": "http://testserver"})
    assert response.status_code == 303
    assert PageFeedback.objects.count() == 1


def test_the_feedback_address_only_accepts_posts(client):
    assert client.get("/ar/feedback/").status_code == 405


def test_too_many_answers_get_a_friendly_429_in_the_readers_language(client, arabic_chapter, settings):
    settings.FEEDBACK_RATE_LIMIT = (3, 600)
    statuses = [answer(client, arabic_chapter).status_code for _ in range(5)]
    assert statuses == [303, 303, 303, 429, 429]
    assert PageFeedback.objects.count() == 3
    refused = answer(client, arabic_chapter)
    assert '<html lang="ar" dir="rtl">' in refused.text
    assert arabic("You have sent a lot of answers in a short time. Please wait a few minutes and try again.") in refused.text


def test_the_limit_is_per_reader(client, arabic_chapter, settings):
    settings.FEEDBACK_RATE_LIMIT = (1, 600)
    assert answer(client, arabic_chapter, meta={"REMOTE_ADDR": "198.51.100.1"}).status_code == 303
    assert answer(client, arabic_chapter, meta={"REMOTE_ADDR": "198.51.100.1"}).status_code == 429
    assert answer(client, arabic_chapter, meta={"REMOTE_ADDR": "198.51.100.2"}).status_code == 303


def test_behind_a_trusted_proxy_the_forwarded_address_is_the_reader(client, arabic_chapter, settings):
    settings.FEEDBACK_RATE_LIMIT = (1, 600)
    settings.FEEDBACK_TRUST_X_FORWARDED_FOR = True

    def via_proxy(forwarded_for):
        return answer(client, arabic_chapter, meta={"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": forwarded_for}).status_code

    assert via_proxy("198.51.100.1") == 303
    assert via_proxy("198.51.100.2") == 303
    # A reader cannot dodge the limit by sending a made-up address first: the proxy's entry counts.
    assert via_proxy("1.2.3.4, 198.51.100.2") == 429


def test_a_huge_request_is_refused_and_stores_nothing(client, arabic_chapter):
    response = client.post("/ar/feedback/", {"page": arabic_chapter.pk, "useful": "yes", "comment": "x" * (3 * 1024 * 1024)})
    assert response.status_code == 400
    assert PageFeedback.objects.count() == 0


def test_a_binary_upload_instead_of_a_form_is_refused(client, arabic_chapter):
    response = client.post("/ar/feedback/", data=bytes(range(256)) * 20, content_type="application/octet-stream")
    assert response.status_code == 400
    assert PageFeedback.objects.count() == 0
