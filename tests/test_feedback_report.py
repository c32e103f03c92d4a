"""Coordinators see what readers said: totals, a chart, comments, CSV; only reviewers and administrators."""

import csv
import io
import re
from datetime import timedelta

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale

import pytest

from feedback.models import PageFeedback
from guidance_pages.demo import FULLY_TRANSLATED_GUIDE
from guidance_pages.models import GuideChapterPage, GuidePage

pytestmark = pytest.mark.django_db
REPORT = "/admin/reader-feedback/"


@pytest.fixture
def chapters():
    guide = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    english = list(GuideChapterPage.objects.child_of(guide))[:2]
    arabic = Locale.objects.get(language_code="ar")
    return {"en": english, "ar": [chapter.get_translation(arabic) for chapter in english]}


@pytest.fixture
def sent(chapters):
    """Answers as readers sent them: (language, chapter index, useful, comment)."""
    answers = [
        ("en", 0, True, ""),
        ("en", 0, True, "Clear, thank you"),
        ("en", 0, False, "Too long"),
        ("en", 1, False, ""),
        ("ar", 0, True, "مفيد جدا"),
        ("ar", 0, True, ""),
        ("ar", 1, False, "<script>alert('x')</script>"),  # stored before the form refused markup
    ]
    for language, index, useful, comment in answers:
        PageFeedback.objects.create(page=chapters[language][index], language_code=language, useful=useful, comment=comment)
    return answers


def report_counts(html):
    counts = [int(number) for number in re.findall(r'data-count="(?:useful|not-useful)">(\d+)<', html)]
    totals = [int(number) for number in re.findall(r'data-total="(?:useful|not-useful)">(\d+)<', html)]
    return counts, totals


@pytest.mark.parametrize(
    ("username", "allowed"), [("admin", True), ("reviewer", True), ("editor", False), ("peer", False), ("translator-ar", False)]
)
def test_only_reviewers_and_administrators_see_the_report(client, users, username, allowed, sent):
    client.force_login(users[username])
    response = client.get(REPORT)
    if allowed:
        assert response.status_code == 200
        assert "Too long" in response.text
    else:
        assert response.status_code in {302, 403}
        assert "Too long" not in response.text
        assert client.get(REPORT + "?export=csv").status_code in {302, 403}


def test_anonymous_visitors_are_sent_to_log_in(client, sent):
    response = client.get(REPORT)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_report_totals_match_what_readers_sent(client, users, sent):
    client.force_login(users["reviewer"])
    counts, totals = report_counts(client.get(REPORT).text)
    assert totals == [sum(1 for answer in sent if answer[2]), sum(1 for answer in sent if not answer[2])]
    assert sum(counts) == len(sent)


def test_report_separates_chapters_and_languages(client, users, sent):
    client.force_login(users["reviewer"])
    counts, _totals = report_counts(client.get(REPORT + "?language=ar").text)
    assert sorted(zip(counts[::2], counts[1::2], strict=True)) == [(0, 1), (2, 0)]


def test_csv_matches_the_report(client, users, sent):
    client.force_login(users["reviewer"])
    counts, totals = report_counts(client.get(REPORT).text)
    response = client.get(REPORT + "?export=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:5] == ["Guide", "Chapter", "Language", "Useful", "Not useful"]
    csv_counts = [int(value) for row in rows[1:] for value in row[3:5]]
    assert csv_counts == counts
    assert [sum(csv_counts[::2]), sum(csv_counts[1::2])] == totals
    assert "مفيد" not in response.content.decode("utf-8-sig")  # comments are not in the CSV, only counts


def test_comments_are_shown_escaped_newest_first(client, users, sent):
    client.force_login(users["reviewer"])
    html = client.get(REPORT).text
    assert "<script>alert(" not in html
    assert "&lt;script&gt;alert(" in html
    assert html.index("&lt;script&gt;") < html.index("مفيد جدا") < html.index("Too long")


def test_filters_by_guide_language_and_date(client, users, sent, chapters):
    client.force_login(users["reviewer"])
    guide_key = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE).translation_key
    _counts, totals = report_counts(client.get(f"{REPORT}?guide={guide_key}&language=en").text)
    assert totals == [2, 2]
    PageFeedback.objects.filter(comment="Too long").update(created_at=timezone.now() - timedelta(days=40))
    since = (timezone.localdate() - timedelta(days=7)).isoformat()
    _counts, totals = report_counts(client.get(f"{REPORT}?language=en&date_from={since}").text)
    assert totals == [2, 1]


@pytest.mark.parametrize(
    "query", ["date_from=yesterday", "date_from=2026-12-31&date_to=2026-01-01", "language=xx", "guide=not-a-guide", "page=-3", "page=abc"]
)
def test_bad_filters_get_a_message_not_an_error(client, users, sent, query):
    client.force_login(users["reviewer"])
    response = client.get(f"{REPORT}?{query}")
    assert response.status_code == 200
    if not query.startswith("page="):
        assert "error-message" in response.text or "help-critical" in response.text


def test_reviewer_marks_a_comment_as_handled(client, users, sent):
    client.force_login(users["reviewer"])
    comment = PageFeedback.objects.get(comment="Too long")
    response = client.post(reverse("feedback_mark_handled", args=[comment.pk]), {"handled": "1", "query": "status=open"})
    assert response.status_code == 302
    assert response["Location"] == REPORT + "?status=open"
    comment.refresh_from_db()
    assert comment.handled and comment.handled_by == users["reviewer"] and comment.handled_at
    assert "Too long" not in client.get(REPORT + "?status=open").text
    assert "Too long" in client.get(REPORT + "?status=handled").text


def test_editor_cannot_mark_comments_as_handled(client, users, sent):
    client.force_login(users["editor"])
    comment = PageFeedback.objects.get(comment="Too long")
    client.post(reverse("feedback_mark_handled", args=[comment.pk]), {"handled": "1"})
    comment.refresh_from_db()
    assert not comment.handled


def test_chart_is_drawn_on_the_server_as_svg(client, users, sent):
    client.force_login(users["reviewer"])
    html = client.get(REPORT).text
    assert '<svg class="feedback-chart"' in html
    assert html.count("<rect") == 2 * 12  # useful and not useful, for each of 12 weeks
    assert re.search(r"4 useful, 3 not useful", html)


def test_chapter_listing_shows_the_share_of_useful(client, users, sent):
    client.force_login(users["reviewer"])
    html = client.get(reverse("guide_chapters:index") + "?q=").text
    assert "67% of 3" in html  # English chapter 1: two of three found it useful


def test_old_feedback_is_deleted_after_the_retention_period(sent, settings, capsys):
    settings.FEEDBACK_RETENTION_DAYS = 30
    PageFeedback.objects.filter(comment="Too long").update(created_at=timezone.now() - timedelta(days=31))
    call_command("delete_old_feedback", "--dry-run")
    assert PageFeedback.objects.count() == len(sent)
    assert "1 answer(s)" in capsys.readouterr().out
    call_command("delete_old_feedback")
    assert PageFeedback.objects.count() == len(sent) - 1
    assert not PageFeedback.objects.filter(comment="Too long").exists()
