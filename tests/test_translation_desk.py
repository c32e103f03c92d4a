"""The translators' desk: each item's state in a language, the dashboard, the coverage matrix,
assignments and notes, small changes, and who may see what."""

import csv
import io
import json
import re
import zipfile

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Locale, Page, Workflow
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

import polib
import pytest

from editorial.roles import CO_PRODUCTION_REVIEW
from guidance_pages.demo import FULLY_TRANSLATED_GUIDE
from guidance_pages.models import GuideChapterPage, GuideIndexPage, GuidePage, StandardPage
from guidance_pages.translation_status import translation_status
from localisation.models import SmallChange, SourceTextChange, TranslationAssignment, TranslatorNotes
from localisation.states import (
    IN_PROGRESS,
    NEEDS_UPDATE,
    NOT_STARTED,
    PUBLISHED,
    WAITING_FOR_REVIEW,
    count_by_state,
    coverage,
    items_needing_work,
    states_for_locale,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def arabic(locales):
    return locales["ar"]


def state_of(page_or_key, locale):
    key = str(getattr(page_or_key, "translation_key", page_or_key))
    return next(item for item in states_for_locale(locale) if item.key == key)


def english(model, **filters):
    return model.objects.get(locale__language_code="en", **filters)


@pytest.fixture
def guide():
    return english(GuidePage, slug=FULLY_TRANSLATED_GUIDE)


@pytest.fixture
def first_chapter(guide):
    return GuideChapterPage.objects.child_of(guide).order_by("path").first()


def draftail(text):
    block = {"key": "a", "text": text, "type": "unstyled", "depth": 0, "inlineStyleRanges": [], "entityRanges": []}
    return json.dumps({"blocks": [block], "entityMap": {}})


def publish_guide_list(client, intro, small_change=False, notes="", publish=True):
    """The reviewer publishes (or with ``publish=False`` saves a draft of) the English list of guides
    through the page editor."""
    page = english(GuideIndexPage)
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": draftail(intro),
        "notes_for_translators": notes,
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    if publish:
        data["action-publish"] = "action-publish"
    if small_change:
        data["small_change"] = "on"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content[:2000]
    page.refresh_from_db()
    return page


# States ----------------------------------------------------------------------------------


def test_a_page_never_translated_is_not_started(arabic):
    other_guide = GuidePage.objects.filter(locale__language_code="en").exclude(slug=FULLY_TRANSLATED_GUIDE).first()
    item = state_of(other_guide, arabic)
    assert item.state == NOT_STARTED
    assert item.url == reverse("wagtail_localize:submit_page_translation", args=[other_guide.pk])


def test_a_fully_translated_live_page_is_published(first_chapter, arabic):
    item = state_of(first_chapter, arabic)
    assert item.state == PUBLISHED
    assert item.translated == item.total > 0
    assert item.url == reverse("wagtailadmin_pages:edit", args=[first_chapter.get_translation(arabic).pk])


def test_a_page_with_missing_strings_is_in_progress_with_n_of_m(first_chapter, arabic):
    source = TranslationSource.objects.get(object_id=first_chapter.translation_key, locale__language_code="en")
    StringTranslation.objects.filter(context__object_id=first_chapter.translation_key, locale=arabic).first().delete()
    item = state_of(first_chapter, arabic)
    assert item.state == IN_PROGRESS
    assert item.total == source.stringsegment_set.count()
    assert item.translated == item.total - 1
    assert item.progress_label == f"{item.total - 1} of {item.total} strings"


def test_a_translated_draft_is_in_progress(guide, locales):
    persian = locales["fa"]
    drafts = [page for page in GuideChapterPage.objects.filter(locale=persian) if not page.live]
    assert drafts, "the demo has an unpublished Persian chapter"
    assert state_of(drafts[0], persian).state == IN_PROGRESS


def test_a_translation_in_a_workflow_is_waiting_for_review(first_chapter, arabic, users):
    Workflow.objects.get(name=CO_PRODUCTION_REVIEW).start(first_chapter.get_translation(arabic), users["translator-ar"])
    assert state_of(first_chapter, arabic).state == WAITING_FOR_REVIEW


def arabic_translation_of(page, arabic):
    return Translation.objects.get(source__object_id=page.translation_key, source__locale__language_code="en", target_locale=arabic)


def files_in_offline_zip(client, language):
    """The translation ids of the files in the "Work offline" ZIP of what needs work."""
    response = client.post("/admin/work-offline/", {"download": "1", "language": language, "file_format": "po"})
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return {polib.pofile(archive.read(name).decode()).metadata["X-WagtailLocalize-TranslationID"] for name in archive.namelist()}


def test_saved_but_unpublished_translations_are_in_progress_until_published(
    client, users, arabic, first_chapter, django_capture_on_commit_callbacks
):
    target = first_chapter.get_translation(arabic)
    old_title = target.title
    translation = arabic_translation_of(first_chapter, arabic)
    assert state_of(first_chapter, arabic).state == PUBLISHED
    client.force_login(users["translator-ar"])
    assert str(translation.uuid) not in files_in_offline_zip(client, "ar")

    # The translator uploads a PO file with a new title, and does not publish.
    catalog = polib.pofile(client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk])).content.decode())
    next(entry for entry in catalog if entry.msgctxt == "title").msgstr = "تجهيز مجلس الإدارة"
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"next": "/admin/", "file": SimpleUploadedFile("chapter.po", str(catalog).encode())},
    )
    assert response.status_code == 302
    assert StringTranslation.objects.get(context__object_id=first_chapter.translation_key, context__path="title", locale=arabic).data == (
        "تجهيز مجلس الإدارة"
    )
    target.refresh_from_db()
    assert target.title == old_title and not target.has_unpublished_changes  # readers still see the old title

    item = state_of(first_chapter, arabic)
    assert item.state == IN_PROGRESS
    assert item.translated == item.total > 0
    assert str(translation.uuid) in files_in_offline_zip(client, "ar")

    # The Arabic reviewer publishes it from wagtail-localize's editor.
    client.force_login(users["reviewer-ar"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.title == "تجهيز مجلس الإدارة"
    assert state_of(first_chapter, arabic).state == PUBLISHED


def test_string_edits_sent_for_review_are_published_once_approved(client, users, arabic, first_chapter):
    target = first_chapter.get_translation(arabic)
    translation = arabic_translation_of(first_chapter, arabic)
    string = StringTranslation.objects.get(context__object_id=first_chapter.translation_key, context__path="summary", locale=arabic)
    string.data = "ملخص جديد للفصل"
    string.save()  # as wagtail-localize's editor saves each string
    assert state_of(first_chapter, arabic).state == IN_PROGRESS

    client.force_login(users["translator-ar"])
    assert client.post(reverse("editorial_submit_for_review", args=[translation.pk])).status_code == 302
    assert state_of(first_chapter, arabic).state == WAITING_FOR_REVIEW

    client.force_login(users["reviewer-ar"])
    task_state = Page.objects.get(pk=target.pk).current_workflow_task_state
    response = client.post(reverse("wagtailadmin_pages:workflow_action", args=[target.pk, "approve", task_state.pk]), {"comment": ""})
    assert response.status_code == 302
    assert GuideChapterPage.objects.get(pk=target.pk).summary == "ملخص جديد للفصل"
    assert state_of(first_chapter, arabic).state == PUBLISHED


def test_a_snippet_with_string_edits_not_yet_saved_into_it_is_in_progress(arabic, users):
    from guidance_pages.models import GlossaryTerm

    term = GlossaryTerm.objects.get(locale__language_code="en", term="trustee")
    string = StringTranslation.objects.filter(context__object_id=term.translation_key, locale=arabic).first()
    string.data = "عضو في مجلس الأمناء"
    string.save()
    assert state_of(term, arabic).state == IN_PROGRESS
    arabic_translation_of(term, arabic).save_target(user=users["translator-ar"], publish=True)
    assert state_of(term, arabic).state == PUBLISHED


def test_checking_machine_text_of_a_published_translation_keeps_it_published(arabic, users):
    from editorial.machine_text import confirm_machine_text
    from guidance_pages.models import GlossaryTerm

    term = GlossaryTerm.objects.get(locale__language_code="en", term="trustee")
    string = StringTranslation.objects.filter(context__object_id=term.translation_key, locale=arabic).first()
    string.translation_type = StringTranslation.TRANSLATION_TYPE_MACHINE
    string.save()
    arabic_translation_of(term, arabic).save_target(user=users["translator-ar"], publish=True)
    assert state_of(term, arabic).state == PUBLISHED
    assert confirm_machine_text(term.get_translation(arabic), users["translator-ar"]) == 1
    assert state_of(term, arabic).state == PUBLISHED  # the text readers see did not change


def test_demo_leaves_a_chapter_needing_an_update_in_arabic_assigned_to_its_translator(arabic, users):
    items = states_for_locale(arabic, user=users["translator-ar"])
    needing_update = [item for item in items if item.state == NEEDS_UPDATE]
    assert [item.model for item in needing_update] == ["guidechapterpage"]
    assert items[0].assigned_to_id == users["translator-ar"].pk
    assert items[0].notes


def test_a_real_change_to_the_english_marks_translations_as_needing_an_update(client, users, arabic):
    client.force_login(users["reviewer"])
    page = publish_guide_list(client, "A new welcome to the list of guides.")
    assert state_of(page, arabic).state == NEEDS_UPDATE
    assert translation_status(page.get_translation(arabic))["english"].pk == page.pk


def test_a_small_change_keeps_translations_up_to_date_and_shows_readers_no_notice(client, users, arabic):
    client.force_login(users["reviewer"])
    page = publish_guide_list(client, "Every guide on this site, made with people who know.", small_change=True)
    assert SmallChange.objects.filter(revision=page.live_revision).exists()
    assert state_of(page, arabic).state == PUBLISHED
    assert "english" not in translation_status(page.get_translation(arabic))
    assert 'class="notice"' not in client.get(page.get_translation(arabic).url).text


@pytest.mark.parametrize("recorded_before", [True, False], ids=["text change recorded", "published before records existed"])
def test_a_small_change_does_not_hide_an_earlier_real_change_saved_as_a_draft(client, users, arabic, recorded_before):
    client.force_login(users["reviewer"])
    page = english(GuideIndexPage)
    if not recorded_before:
        SourceTextChange.objects.filter(translation_key=page.translation_key).delete()
    publish_guide_list(client, "Guides written with the people who use them.", publish=False)  # a new meaning, not ticked
    page = publish_guide_list(client, "Guides written with the people who use them!", small_change=True)
    assert SmallChange.objects.filter(revision=page.live_revision).exists()
    assert state_of(page, arabic).state == NEEDS_UPDATE


def test_small_changes_in_every_draft_since_the_last_publish_keep_translations_up_to_date(client, users, arabic):
    client.force_login(users["reviewer"])
    assert state_of(english(GuideIndexPage), arabic).state == PUBLISHED
    publish_guide_list(client, "Every guide on this site, made with people who know.", small_change=True, publish=False)
    page = publish_guide_list(client, "Every guide on this site, made with people who know it.", small_change=True)
    assert "made with people who know it." in page.intro
    assert state_of(page, arabic).state == PUBLISHED


def test_the_small_change_box_is_unticked_on_every_new_edit(client, users):
    client.force_login(users["reviewer"])
    publish_guide_list(client, "A typo fixed.", small_change=True)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[english(GuideIndexPage).pk])).text
    assert 'name="small_change"' in html
    assert 'name="small_change" checked' not in html


def test_publishing_without_changing_any_text_needs_no_update(client, users, arabic):
    client.force_login(users["reviewer"])
    page = publish_guide_list(client, "A new welcome to the list of guides.")
    for language in Locale.objects.exclude(language_code="en"):
        translation = page.get_translation_or_none(language)
        if translation is not None:
            source = TranslationSource.objects.get(object_id=page.translation_key, locale__language_code="en")
            source.update_from_db()
            source.translations.get(target_locale=language).save_target(publish=True)
    assert state_of(page, arabic).state in (PUBLISHED, IN_PROGRESS)
    publish_guide_list(client, "A new welcome to the list of guides.")  # the same text again
    assert state_of(page, arabic).state != NEEDS_UPDATE


def test_items_needing_work_are_the_not_started_outdated_and_unfinished(arabic):
    work = items_needing_work(arabic)
    assert {item.state for item in work} <= {NOT_STARTED, NEEDS_UPDATE, IN_PROGRESS}
    assert any(item.state == NEEDS_UPDATE for item in work)
    assert not any(item.state == PUBLISHED for item in work)


def test_snippets_have_their_states_too(arabic):
    kinds = {item.model: item.state for item in states_for_locale(arabic) if item.kind == "snippet"}
    assert set(kinds) == {"contributor", "glossaryterm", "navigationmenu", "footertext"}
    assert kinds["glossaryterm"] == PUBLISHED


# Notes for translators -----------------------------------------------------------------------


def test_authors_notes_are_kept_beside_the_page_and_shown_on_the_dashboard(client, users, arabic):
    client.force_login(users["reviewer"])
    page = publish_guide_list(client, "Every guide.", notes="Keep “guide” short: it is a button label too.", small_change=True)
    assert TranslatorNotes.objects.get(translation_key=page.translation_key).text.startswith("Keep “guide” short")
    client.force_login(users["translator-ar"])
    assert "Keep “guide” short: it is a button label too." in client.get("/admin/translations/ar/").text


def test_notes_and_the_glossary_appear_beside_the_translation_editor(client, users, arabic, first_chapter):
    from guidance_pages.models import GlossaryTerm

    TranslatorNotes.objects.create(translation_key=first_chapter.translation_key, text="“Board” means the trustees.")
    client.force_login(users["translator-ar"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[first_chapter.get_translation(arabic).pk])).text
    assert "js-translation-editor" in html
    assert "“Board” means the trustees." in html
    term = GlossaryTerm.objects.get(locale__language_code="en", term="trustee")
    assert term.get_translation(arabic).term in html


def test_notes_are_not_offered_on_translated_pages(client, users, arabic):
    client.force_login(users["admin"])
    # Translated pages open wagtail-localize's editor; their own page form (after "edit directly")
    # has no notes or small-change box: only English pages make translations out of date.
    from localisation.page_form import TranslatorDeskPageForm

    form_class = GuideIndexPage.get_edit_handler().get_form_class()
    assert issubclass(form_class, TranslatorDeskPageForm)
    form = form_class(instance=GuideIndexPage.objects.get(locale=arabic), for_user=users["admin"])
    assert "small_change" not in form.fields and "notes_for_translators" not in form.fields


# The dashboard -------------------------------------------------------------------------------


def test_a_translator_lands_on_their_languages_dashboard_after_signing_in(client, users):
    translator = users["translator-ar"]
    translator.set_password("a-long-password-for-tests")
    translator.save()
    # As Wagtail's sign-in form posts it when nobody asked for a particular page.
    response = client.post("/admin/login/", {"username": "translator-ar", "password": "a-long-password-for-tests", "next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/translations/ar/"
    assert client.get("/admin/").status_code == 200  # Wagtail's home stays reachable


def test_someone_who_asked_for_a_page_goes_there_after_signing_in(client, users):
    translator = users["translator-ar"]
    translator.set_password("a-long-password-for-tests")
    translator.save()
    response = client.post("/admin/login/", {"username": "translator-ar", "password": "a-long-password-for-tests", "next": "/admin/pages/"})
    assert response["Location"] == "/admin/pages/"


def test_dashboard_counts_every_state_and_lists_assigned_items_first(client, users, arabic):
    client.force_login(users["translator-ar"])
    response = client.get("/admin/translations/ar/")
    assert response.status_code == 200
    counts = count_by_state(states_for_locale(arabic))
    shown = dict(re.findall(r'desk-count state-(\w+)">\s*<a [^>]*>\s*<span class="desk-count-number">(\d+)</span>', response.text))
    assert shown == {state: str(number) for state, number in counts.items()}
    assert counts[NEEDS_UPDATE] == 1
    rows = response.text.split("<tbody>")[1]
    assert rows.index("desk-assigned-to-you") < rows.index('data-state="published"')
    assert "Assigned to you" in rows


def test_dashboard_filters_by_state_and_by_guide(client, users, arabic, guide):
    client.force_login(users["translator-ar"])
    by_state = client.get("/admin/translations/ar/", {"state": NOT_STARTED}).text.split("<tbody>")[1]
    assert 'data-state="not_started"' in by_state
    assert 'data-state="published"' not in by_state
    by_guide = client.get("/admin/translations/ar/", {"guide": str(guide.translation_key)}).text.split("<tbody>")[1]
    chapters = GuideChapterPage.objects.child_of(guide)
    assert by_guide.count("<tr ") == 1 + chapters.count()
    assert "Contact us" not in by_guide


def test_unknown_filter_values_are_reported_and_ignored(client, users, arabic):
    client.force_login(users["translator-ar"])
    response = client.get("/admin/translations/ar/", {"state": "<script>", "guide": "not-a-guide"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert "<script>" not in response.text
    assert response.text.split("<tbody>")[1].count("<tr ") == len(states_for_locale(arabic))


def test_not_started_pages_offer_to_start_only_where_the_parent_is_translated(client, users, arabic):
    client.force_login(users["translator-ar"])
    html = client.get("/admin/translations/ar/", {"state": NOT_STARTED}).text
    about = english(StandardPage, slug="about")
    assert reverse("wagtail_localize:submit_page_translation", args=[about.pk]) in html
    assert "Start translating" in html


def test_a_chapter_needing_an_update_gets_the_new_english_in_one_click(client, users, arabic):
    client.force_login(users["translator-ar"])
    item = next(item for item in states_for_locale(arabic) if item.state == NEEDS_UPDATE)
    assert item.english_is_newer
    response = client.post(reverse("localisation_refresh_english", args=["ar", item.source_row_id]))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[item.target_id])
    assert not state_of(item.key, arabic).english_is_newer


def test_refreshing_an_unknown_source_is_a_clear_message(client, users):
    client.force_login(users["translator-ar"])
    response = client.post(reverse("localisation_refresh_english", args=["ar", 999999]), follow=True)
    assert response.status_code == 200
    assert "has no translation into Arabic to update yet" in response.text


# Who may see what ----------------------------------------------------------------------------


def test_a_translator_cannot_open_another_languages_dashboard(client, users):
    client.force_login(users["translator-ar"])
    response = client.get("/admin/translations/uk/", follow=True)
    assert response.redirect_chain[-1][0] == "/admin/"
    assert "you do not have permission" in response.text


def test_a_translator_cannot_open_the_coverage_matrix_or_assign(client, users):
    client.force_login(users["translator-ar"])
    assert client.get("/admin/translations/coverage/")["Location"] == "/admin/"
    key = states_for_locale(Locale.objects.get(language_code="ar"))[0].key
    response = client.post(f"/admin/translations/ar/assign/{key}/", {"translator": users["translator-ar"].pk})
    assert response["Location"] == "/admin/"


def test_an_editor_without_a_language_has_no_dashboard(client, users):
    client.force_login(users["editor"])
    assert client.get("/admin/translations/")["Location"] == "/admin/"
    assert "Translations to do" not in client.get("/admin/").text


def test_an_unknown_language_is_a_clear_message(client, users):
    client.force_login(users["reviewer"])
    response = client.get("/admin/translations/xx/", follow=True)
    assert response.status_code == 200
    assert "There is no language “xx” to translate into on this site." in response.text
    client.force_login(users["translator-ar"])
    response = client.get("/admin/translations/en/", follow=True)
    assert "There is no language “en” to translate into" in response.text


def test_a_coordinator_sees_every_languages_dashboard(client, users):
    client.force_login(users["reviewer"])
    assert client.get("/admin/translations/").status_code == 200
    assert client.get("/admin/translations/uk/").status_code == 200
    assert client.get("/admin/translations/fa/").status_code == 200


# Coverage matrix -----------------------------------------------------------------------------


def test_coverage_matrix_shows_each_state_in_words_and_percentages(client, users, locales):
    client.force_login(users["reviewer"])
    response = client.get("/admin/translations/coverage/")
    assert response.status_code == 200
    matrix = coverage()
    assert len(matrix.rows) == len(states_for_locale(locales["ar"]))
    assert f"{matrix.percentages[locales['ar'].pk]}% published" in response.text
    assert '<td class="coverage-cell state-needs_update">Needs update' in response.text
    assert matrix.percentages[locales["ar"].pk] > matrix.percentages[locales["ps"].pk]


def test_coverage_downloads_as_csv(client, users, locales):
    client.force_login(users["reviewer"])
    response = client.get("/admin/translations/coverage/", {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["Item", "Type", "Guide"]
    assert "ar" in rows[0] and "en" not in rows[0]
    assert len(rows) == 1 + len(coverage().rows) + 1
    assert any(row[rows[0].index("ar")] == "Needs update" for row in rows[1:])


def test_an_unknown_download_format_is_a_clear_message(client, users):
    client.force_login(users["reviewer"])
    response = client.get("/admin/translations/coverage/", {"format": "xlsx"}, follow=True)
    assert response.status_code == 200
    assert "“xlsx” is not one of them" in response.text


# Assignments ---------------------------------------------------------------------------------


def test_a_coordinator_assigns_a_translator_who_is_emailed_and_sees_it_first(client, users, arabic):
    other_guide = GuidePage.objects.filter(locale__language_code="en").exclude(slug=FULLY_TRANSLATED_GUIDE).first()
    client.force_login(users["reviewer"])
    url = reverse("localisation_assign", args=["ar", other_guide.translation_key])
    assert client.get(url).status_code == 200
    response = client.post(url, {"translator": users["translator-ar"].pk})
    assert response.status_code == 302
    assignment = TranslationAssignment.objects.get(translation_key=other_guide.translation_key, locale=arabic)
    assert assignment.translator == users["translator-ar"] and assignment.assigned_by == users["reviewer"]
    assert mail.outbox[-1].to == [users["translator-ar"].email]
    assert other_guide.title in mail.outbox[-1].subject
    assert "/admin/translations/ar/" in mail.outbox[-1].body
    client.force_login(users["translator-ar"])
    home = client.get("/admin/").text
    assert "Assigned to you in Arabic" in home and other_guide.title in home
    first_rows = client.get("/admin/translations/ar/").text.split("<tbody>")[1].split("</tr>")[:2]
    assert any(other_guide.title in row for row in first_rows)


def test_assigning_someone_outside_the_languages_translators_is_refused(client, users, arabic, unchanged):
    other_guide = GuidePage.objects.filter(locale__language_code="en").exclude(slug=FULLY_TRANSLATED_GUIDE).first()
    client.force_login(users["reviewer"])
    url = reverse("localisation_assign", args=["ar", other_guide.translation_key])
    for bad in [users["translator-uk"].pk, users["editor"].pk, "999999", "nobody"]:
        response = client.post(url, {"translator": bad})
        assert response.status_code == 400
        assert "Choose one of the translators of this language." in response.text
    assert not mail.outbox


def test_assigning_an_unknown_page_is_a_clear_message(client, users, unchanged):
    client.force_login(users["reviewer"])
    response = client.post("/admin/translations/ar/assign/00000000-0000-0000-0000-000000000000/", {"translator": "1"}, follow=True)
    assert response.status_code == 200
    assert "This page or snippet was not found." in response.text


# Home panel --------------------------------------------------------------------------------


def test_the_home_panel_tells_a_translator_how_many_pages_need_updating(client, users):
    client.force_login(users["translator-ar"])
    html = client.get("/admin/").text
    assert "1 page needs updating in Arabic" in html
    assert 'href="/admin/translations/ar/"' in html
    client.force_login(users["translator-uk"])
    assert "1 page needs updating in Ukrainian" in client.get("/admin/").text


def test_changing_an_english_glossary_term_marks_its_translations_as_needing_an_update(arabic):
    from guidance_pages.models import GlossaryTerm

    term = GlossaryTerm.objects.get(locale__language_code="en", term="trustee")
    term.save()  # saved without a change
    assert state_of(term, arabic).state == PUBLISHED
    term.definition = "A member of the board that runs a charity, and is responsible for it."
    term.save()
    assert state_of(term, arabic).state == NEEDS_UPDATE


def test_the_translation_editor_of_a_snippet_shows_the_glossary(client, users, arabic):
    from guidance_pages.models import GlossaryTerm

    client.force_login(users["admin"])
    term = GlossaryTerm.objects.get(
        locale=arabic, translation_key=GlossaryTerm.objects.get(locale__language_code="en", term="asylum").translation_key
    )
    html = client.get(reverse("wagtailsnippets_guidance_pages_glossaryterm:edit", args=[term.pk])).text
    assert "js-translation-editor" in html
    assert "Glossary: approved words in Arabic" in html
    assert term.term in html


def test_a_chapter_of_an_untranslated_guide_says_to_translate_the_guide_first(client, users, arabic):
    other_guide = GuidePage.objects.filter(locale__language_code="en").exclude(slug=FULLY_TRANSLATED_GUIDE).first()
    chapter = GuideChapterPage.objects.child_of(other_guide).first()
    assert not state_of(chapter, arabic).parent_translated
    client.force_login(users["translator-ar"])
    html = client.get("/admin/translations/ar/", {"guide": str(other_guide.translation_key)}).text
    assert "Translate the page it belongs to first." in html
    assert reverse("wagtail_localize:submit_page_translation", args=[chapter.pk]) not in html
    assert reverse("wagtail_localize:submit_page_translation", args=[other_guide.pk]) in html


def test_the_translation_editor_shows_the_words_we_use_and_avoid_with_their_translation(client, users, arabic):
    from guidance_pages.models import GlossaryTerm
    from plain_english.models import PreferredTerm

    english = PreferredTerm.objects.create(
        locale=Locale.objects.get(language_code="en"),
        use="person seeking asylum",
        avoid="asylum seeker\nillegal",
        reason="Say person first.",
    )
    english.copy_for_translation(arabic).save()
    PreferredTerm.objects.filter(locale=arabic, translation_key=english.translation_key).update(
        use="شخص يطلب اللجوء", avoid="لاجئ غير شرعي"
    )
    client.force_login(users["admin"])
    term = GlossaryTerm.objects.filter(locale=arabic).first()
    html = client.get(reverse("wagtailsnippets_guidance_pages_glossaryterm:edit", args=[term.pk])).text
    assert "Words we use and words we avoid, in English and Arabic" in html
    assert "person seeking asylum" in html and "asylum seeker, illegal" in html
    assert "شخص يطلب اللجوء" in html and "لاجئ غير شرعي" in html
