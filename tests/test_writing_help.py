"""Writing help in the admin: the plain-English check in the Checks panel, its lists, scores in the chapter listing."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale

import pytest

from guidance_pages.models import GuideChapterPage, GuidePage, StandardPage
from plain_english.models import PlainerWord, PreferredTerm, WritingScore
from plain_english.page_text import page_texts
from tests.test_editing import chapter_form, draftail

pytestmark = pytest.mark.django_db

LONG = (
    "When the group meets for the first time it helps a great deal if somebody who has been before "
    "takes the time to welcome every new person at the door and shows them where everything is."
)


@pytest.fixture
def chapter():
    return GuideChapterPage.objects.filter(locale__language_code="en").first()


def check_url(model=GuideChapterPage):
    return reverse("plain_english_check", args=[model._meta.app_label, model._meta.model_name])


def test_the_team_starts_with_about_thirty_plainer_words_and_some_words_we_avoid():
    assert PlainerWord.objects.count() >= 30
    assert PlainerWord.objects.get(word="utilise").plainer == "use"
    assert PlainerWord.objects.get(word="commence").plainer == "start"
    term = PreferredTerm.objects.get(locale__language_code="en", use="person seeking asylum")
    assert "asylum seeker" in term.avoided()


def test_the_checks_panel_shows_advice_on_the_last_saved_draft_without_javascript(editor, chapter):
    revision = chapter.save_revision()
    draft = revision.as_object()
    draft.summary = f"{LONG} We utilise the room."
    draft.save_revision()
    response = editor.get(reverse("wagtailadmin_pages:edit", args=[chapter.pk]))
    assert response.status_code == 200
    html = response.text
    assert "data-plain-english" in html
    assert "Checked: your last saved draft." in html
    assert LONG in html  # the long sentence itself is shown
    assert "<mark>utilise</mark>: try “use”." in html


def test_the_checks_panel_on_a_new_chapter_asks_for_a_draft_first(editor):
    guide = GuidePage.objects.filter(locale__language_code="en").first()
    response = editor.get(reverse("wagtailadmin_pages:add", args=["guidance_pages", "guidechapterpage", guide.pk]))
    assert response.status_code == 200
    assert "data-plain-english" in response.text
    assert "Save a draft to see advice here." in response.text


def test_translations_are_not_checked(client, users):
    client.force_login(users["admin"])
    arabic = GuideChapterPage.objects.filter(locale__language_code="ar").first()
    response = client.get(reverse("wagtailadmin_pages:edit", args=[arabic.pk]))
    assert response.status_code == 200
    assert "data-plain-english" not in response.text


def test_the_unsaved_draft_is_checked_from_the_editors_form_and_nothing_is_saved(editor, chapter, unchanged):
    data = chapter_form(
        chapter.get_parent(),
        [("paragraph", {}), ("quote", {"text": "The asylum seeker was helped.", "attribution": "", "anonymous": "on"})],
    )
    data["summary"] = "We commence at ten."
    data["body-0-value"] = draftail(LONG)
    response = editor.post(check_url(), data)
    assert response.status_code == 200
    html = response.text
    assert "Checked: what you have written so far." in html
    assert f"<mark>{LONG}</mark>" in html
    assert "<mark>commence</mark>: try “start”." in html
    assert "<mark>asylum seeker</mark>" in html and "Use “person seeking asylum”." in html
    assert "<mark>was helped</mark>" in html
    assert "Quote from an Expert by Experience › What they said" in html


@pytest.mark.parametrize(
    ("block_type", "fields", "where"),
    [
        ("key_point", {"style": "tip", "text": "We utilise tea."}, "Key point or tip › Text"),
        (
            "checklist",
            {
                "title": "",
                "items-count": "1",
                "items-0-value": "Utilise tea",
                "items-0-deleted": "",
                "items-0-order": "0",
                "items-0-id": "a",
            },
            "Checklist › Items",
        ),
        (
            "steps",
            {
                "title": "",
                "steps-count": "1",
                "steps-0-value-title": "Go",
                "steps-0-value-text": "Utilise tea.",
                "steps-0-deleted": "",
                "steps-0-order": "0",
                "steps-0-id": "a",
            },
            "Numbered steps › Steps › Details",
        ),
        ("question_answer", {"question": "Can we utilise tea?", "answer": draftail("Yes.")}, "Question and answer › Question"),
        ("image", {"image": "", "alt_text": "Tea", "decorative": "", "caption": "We utilise tea."}, "Image › Caption"),
        ("media", {"media": "", "title": "Tea", "captions-count": "0", "transcript": "We utilise tea."}, "Video or audio › Transcript"),
    ],
)
def test_every_kind_of_block_is_checked(editor, chapter, block_type, fields, where):
    data = chapter_form(chapter.get_parent(), [(block_type, fields)])
    response = editor.post(check_url(), data)
    assert response.status_code == 200
    assert f'<span class="plain-english__where">{where}</span> <mark>' in response.text


def test_a_saved_page_walks_every_block_of_the_demo_chapters():
    wheres = {
        where.split(" › ")[0]
        for chapter in GuideChapterPage.objects.filter(locale__language_code="en")
        for where, _text in page_texts(chapter)
    }
    assert {
        "Title",
        "Summary",
        "Paragraph",
        "Quote from an Expert by Experience",
        "Key point or tip",
        "Checklist",
        "Numbered steps",
        "Question and answer",
    } <= wheres


def test_200_kilobytes_of_text_is_cut_short_with_a_message(editor, chapter):
    data = chapter_form(chapter.get_parent(), [("paragraph", {})])
    data["body-0-value"] = draftail("We meet on Monday. " * 11_000)
    response = editor.post(check_url(), data)
    assert response.status_code == 200
    assert "only the first 50,000 characters were checked" in response.text


def test_form_data_that_cannot_be_read_gets_a_message_not_a_server_error(editor, chapter, unchanged):
    response = editor.post(check_url(), {"body-count": "1", "body-0-type": "paragraph"})
    assert response.status_code == 400
    assert "The check could not read this page." in response.text


@pytest.mark.parametrize("args", [["auth", "user"], ["guidance_pages", "nothing"], ["guidance_pages", "glossaryterm"]])
def test_only_page_types_can_be_checked(editor, args):
    response = editor.post(reverse("plain_english_check", args=args), {}, follow=True)
    assert response.status_code == 404


def test_the_check_needs_a_signed_in_editor_and_a_post(client, editor):
    assert editor.get(check_url()).status_code == 405
    client.logout()
    response = client.post(check_url(), {"summary": "x"})
    assert response.status_code == 302 and "login" in response["Location"]


def test_saving_a_draft_keeps_its_score_and_a_translation_gets_none(chapter):
    draft = chapter.get_latest_revision_as_object()
    draft.summary = LONG
    revision = draft.save_revision()
    score = WritingScore.objects.get(page=chapter)
    assert score.revision_id == revision.pk
    assert score.long_sentences >= 1
    assert 0 <= score.reading_ease <= 100
    arabic = chapter.get_translation(Locale.objects.get(language_code="ar"))
    arabic.save_revision()
    assert not WritingScore.objects.filter(page=arabic).exists()


def test_the_chapter_listing_shows_the_score_without_a_query_per_chapter(client, users, chapter):
    client.force_login(users["reviewer"])
    url = reverse("guide_chapters:index")
    client.get(url + "?locale=en")  # the first request fills per-process caches
    with CaptureQueriesContext(connection) as few:
        client.get(url + "?locale=en")
    draft = chapter.get_latest_revision_as_object()
    draft.summary = LONG
    draft.save_revision()
    for index in range(3):  # more chapters, with scores
        chapter.get_parent().add_child(instance=GuideChapterPage(title=f"Extra {index}", slug=f"extra-{index}", summary="Short.", body=[]))
    with CaptureQueriesContext(connection) as more:
        response = client.get(url + "?locale=en")
    assert response.status_code == 200
    assert "Plain English (reading ease)" in response.text
    assert "long sentences" in response.text
    assert len(more) == len(few), [query["sql"] for query in more.captured_queries[len(few) :]]


def test_pages_without_text_fields_are_not_scored_but_standard_pages_are():
    page = StandardPage.objects.filter(locale__language_code="en").first()
    page.save_revision()
    assert WritingScore.objects.filter(page=page).exists()


def test_the_lists_are_edited_in_the_admin(client, users):
    client.force_login(users["admin"])
    response = client.post(reverse("wagtailsnippets_plain_english_plainerword:add"), {"word": "endeavour to", "plainer": "try to"})
    assert response.status_code == 302
    assert PlainerWord.objects.filter(word="endeavour to").exists()
    response = client.post(reverse("wagtailsnippets_plain_english_plainerword:add"), {"word": "utilise", "plainer": "use"})
    assert response.status_code == 200  # already in the list: the form says so
    assert PlainerWord.objects.filter(word="utilise").count() == 1


@pytest.mark.parametrize(("username", "can_delete"), [("editor", False), ("peer", False), ("reviewer", True)])
def test_the_team_keeps_the_checkers_lists(users, username, can_delete):
    user = users[username]
    assert user.has_perm("plain_english.change_plainerword") and user.has_perm("plain_english.add_preferredterm")
    assert user.has_perm("plain_english.delete_plainerword") is can_delete


def test_a_translator_cannot_change_the_english_lists(users):
    assert not users["translator-ar"].has_perm("plain_english.change_plainerword")
