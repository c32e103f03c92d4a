"""Translations go through a review in their own language, and machine text is checked before publishing."""

from urllib.parse import urlencode

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation as django_translation

from wagtail.models import Page, Workflow, WorkflowState
from wagtail_localize.models import StringTranslation, Translation

import pytest

from editorial.machine_text import unchecked_machine_text
from editorial.models import MachineTextCheck, TranslationReviewTask
from editorial.roles import language_reviewer_group_name, translation_review_name
from guidance_pages.demo import FULLY_TRANSLATED_GUIDE
from guidance_pages.models import GuideChapterPage, GuidePage, HomePage

pytestmark = pytest.mark.django_db


def machine_notice():
    with django_translation.override("ar"):
        return django_translation.gettext("Some of this page was translated by a computer and has not been checked by a person yet.")


def refused(response):
    """Wagtail refuses with 403, or by sending the user back to the dashboard with a message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home"))


@pytest.fixture
def arabic_chapter(locales):
    """The Arabic translation of the first chapter of the fully translated guide, and its Translation."""
    guide = GuidePage.objects.get(locale=locales["en"], slug=FULLY_TRANSLATED_GUIDE)
    english = GuideChapterPage.objects.child_of(guide).first()
    arabic = english.get_translation(locales["ar"])
    return arabic, Translation.objects.get(source__object_id=english.translation_key, target_locale=locales["ar"])


def arabic_strings(page):
    return StringTranslation.objects.filter(context__object_id=page.translation_key, locale=page.locale)


def change_a_string(page, text):
    """Change one translated string, as a translator does in wagtail-localize's editor."""
    string = arabic_strings(page).filter(context__path="summary").get()
    string.data = text
    string.save()
    return string


def mark_machine(page, count=2):
    strings = list(arabic_strings(page).order_by("pk")[:count])
    for string in strings:
        string.translation_type = StringTranslation.TRANSLATION_TYPE_MACHINE
        string.tool_name = "LibreTranslate"
        string.save()
    return strings


def submit(client, user, translation):
    client.force_login(user)
    return client.post(reverse("editorial_submit_for_review", args=[translation.pk]))


def approve(client, user, page):
    client.force_login(user)
    page = Page.objects.get(pk=page.pk)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": ""})


def messages_of(response):
    return [str(message) for message in response.wsgi_request._messages]


# Setup: a reviewers' group and a review workflow for every language


def test_every_other_language_has_reviewers_and_a_review_workflow_on_its_home_page(settings, locales):
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        group = Group.objects.get(name=language_reviewer_group_name(code))
        home = HomePage.objects.filter(locale=locales[code]).first()
        if home is None:
            continue
        workflow = home.get_workflow()
        assert workflow == Workflow.objects.get(name=translation_review_name(code))
        [task] = [task.specific for task in workflow.tasks]
        assert isinstance(task, TranslationReviewTask)
        assert list(task.groups.all()) == [group]
        assert task.machine_text_must_be_checked


def test_names_say_the_language():
    assert language_reviewer_group_name("ar") == "Reviewers: Arabic"
    assert translation_review_name("ar") == "Translation review (Arabic)"


def test_the_demo_arabic_reviewer_publishes_arabic_only(users, arabic_chapter, home_page, locales):
    reviewer = users["reviewer-ar"]
    assert reviewer.groups.filter(name="Reviewers: Arabic").exists()
    arabic, _translation = arabic_chapter
    assert arabic.permissions_for_user(reviewer).can_publish()
    assert not home_page.permissions_for_user(reviewer).can_publish()
    assert not HomePage.objects.get(locale=locales["uk"]).permissions_for_user(reviewer).can_edit()


def test_setting_up_roles_again_adds_no_second_workflow_or_task(home_page):
    from editorial.roles import setup_roles

    before = (Workflow.objects.count(), TranslationReviewTask.objects.count())
    setup_roles(home_page)
    assert (Workflow.objects.count(), TranslationReviewTask.objects.count()) == before


# Submitting and approving


def test_the_translation_editor_offers_a_translator_submit_for_review_and_no_publishing(client, users, arabic_chapter):
    arabic, _translation = arabic_chapter
    client.force_login(users["translator-ar"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[arabic.pk])).text
    assert "Submit for review" in html
    assert "&quot;canPublish&quot;: false" in html


def test_a_translator_submits_and_the_arabic_reviewer_approves_and_publishes(client, users, arabic_chapter):
    arabic, translation = arabic_chapter
    change_a_string(arabic, "ملخص جديد للفصل")
    response = submit(client, users["translator-ar"], translation)
    assert response.status_code == 302
    arabic.refresh_from_db()
    assert arabic.workflow_in_progress
    assert arabic.summary != "ملخص جديد للفصل"  # the live page is unchanged until approved
    assert isinstance(arabic.current_workflow_task.specific, TranslationReviewTask)

    response = approve(client, users["reviewer-ar"], arabic)
    assert response.status_code == 302
    arabic = GuideChapterPage.objects.get(pk=arabic.pk)
    assert arabic.summary == "ملخص جديد للفصل"
    assert arabic.live
    assert not arabic.workflow_in_progress
    assert WorkflowState.objects.filter(base_content_type__isnull=False, object_id=str(arabic.pk), status="approved").exists()


def test_submitting_twice_says_it_is_already_waiting(client, users, arabic_chapter):
    arabic, translation = arabic_chapter
    submit(client, users["translator-ar"], translation)
    response = submit(client, users["translator-ar"], translation)
    assert "This translation is already waiting for review." in messages_of(response)
    assert WorkflowState.objects.filter(object_id=str(arabic.pk)).count() == 1


def test_a_translator_cannot_approve_their_own_translation(client, users, arabic_chapter):
    arabic, translation = arabic_chapter
    submit(client, users["translator-ar"], translation)
    response = approve(client, users["translator-ar"], arabic)
    assert response.status_code in {302, 403}
    assert Page.objects.get(pk=arabic.pk).workflow_in_progress


def test_a_translator_cannot_publish_from_the_translation_editor(client, users, arabic_chapter):
    arabic, _translation = arabic_chapter
    change_a_string(arabic, "نص لم يراجع")
    client.force_login(users["translator-ar"])
    revision = arabic.latest_revision_id
    response = client.post(reverse("wagtailadmin_pages:edit", args=[arabic.pk]), {"action": "publish"})
    assert refused(response)
    arabic.refresh_from_db()
    assert arabic.latest_revision_id == revision


# Machine text must be checked first


def test_approval_is_refused_while_machine_text_is_unchecked(client, users, arabic_chapter):
    arabic, translation = arabic_chapter
    mark_machine(arabic)
    submit(client, users["translator-ar"], translation)
    client.force_login(users["reviewer-ar"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[arabic.pk])).text
    assert "It cannot be approved until the machine text has been checked." in html
    assert "Approve and publish" not in html

    response = approve(client, users["reviewer-ar"], arabic)
    assert response["Location"] == reverse("editorial_machine_text_not_checked", args=[arabic.pk])
    response = client.get(response["Location"], follow=True)
    assert any("nobody has checked it" in message for message in messages_of(response))
    assert Page.objects.get(pk=arabic.pk).workflow_in_progress


def test_approving_from_the_page_editor_is_refused_too(client, users, arabic_chapter):
    arabic, translation = arabic_chapter
    mark_machine(arabic)
    submit(client, users["translator-ar"], translation)
    client.force_login(users["reviewer-ar"])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[arabic.pk]), {"action-workflow-action": "on", "workflow-action-name": "approve"}
    )
    assert response.status_code == 302
    assert any("nobody has checked it" in message for message in messages_of(response))
    assert Page.objects.get(pk=arabic.pk).workflow_in_progress


@pytest.mark.parametrize("username", ["reviewer-ar", "reviewer", "admin"])
def test_direct_publishing_is_refused_while_machine_text_is_unchecked(client, users, arabic_chapter, username):
    arabic, _translation = arabic_chapter
    mark_machine(arabic)
    client.force_login(users[username])
    revision = arabic.latest_revision_id
    for data in [{"action": "publish"}, {"action-publish": "on", "title": "x"}]:
        response = client.post(reverse("wagtailadmin_pages:edit", args=[arabic.pk]), data)
        assert response.status_code == 302
        assert any("nobody has checked it" in message for message in messages_of(response))
    arabic.refresh_from_db()
    assert arabic.latest_revision_id == revision


def test_without_the_option_machine_text_does_not_block_approval(client, users, arabic_chapter):
    arabic, translation = arabic_chapter
    TranslationReviewTask.objects.filter(groups__name="Reviewers: Arabic").update(machine_text_must_be_checked=False)
    mark_machine(arabic)
    submit(client, users["translator-ar"], translation)
    approve(client, users["reviewer-ar"], arabic)
    assert not Page.objects.get(pk=arabic.pk).workflow_in_progress


def test_checking_all_machine_text_records_who_and_makes_it_a_persons_translation(client, users, arabic_chapter):
    arabic, translation = arabic_chapter
    machine = mark_machine(arabic, count=3)
    assert machine_notice() in client.get(arabic.url).text
    translator = users["translator-ar"]
    client.force_login(translator)
    url = reverse("editorial_machine_text", args=[translation.pk])
    html = client.get(url).text
    for string in machine:
        assert f'value="{string.pk}"' in html
    response = client.post(url, {"confirm_all": "on"})
    assert response.status_code == 302
    assert not unchecked_machine_text(arabic).exists()
    for string in machine:
        string.refresh_from_db()
        assert (string.translation_type, string.last_translated_by) == ("manual", translator)
    check = MachineTextCheck.objects.get()
    assert (check.checked_by, check.strings, check.locale_id) == (translator, 3, arabic.locale_id)
    client.logout()
    assert machine_notice() not in client.get(arabic.url).text


def test_checking_machine_text_string_by_string(client, users, arabic_chapter):
    arabic, translation = arabic_chapter
    first, second = mark_machine(arabic, count=2)
    client.force_login(users["translator-ar"])
    url = reverse("editorial_machine_text", args=[translation.pk])
    client.post(url, {"string": [str(first.pk)]})
    assert list(unchecked_machine_text(arabic)) == [second]
    client.post(url, {"string": [str(second.pk)]})
    assert not unchecked_machine_text(arabic).exists()
    assert MachineTextCheck.objects.count() == 2


@pytest.mark.parametrize("chosen", [[], ["not-a-number"], ["999999999"]])
def test_confirming_nothing_or_nonsense_changes_nothing(client, users, arabic_chapter, chosen):
    arabic, translation = arabic_chapter
    mark_machine(arabic)
    client.force_login(users["translator-ar"])
    response = client.post(reverse("editorial_machine_text", args=[translation.pk]), {"string": chosen})
    assert response.status_code == 302
    assert unchecked_machine_text(arabic).count() == 2
    assert not MachineTextCheck.objects.exists()


@pytest.mark.parametrize("username", ["translator-ar", "editor", "reviewer-ar"])
def test_only_people_who_may_edit_the_translation_check_its_machine_text(client, users, locales, username):
    guide = GuidePage.objects.get(locale=locales["en"], slug=FULLY_TRANSLATED_GUIDE)
    english = GuideChapterPage.objects.child_of(guide).first()
    ukrainian = english.get_translation(locales["uk"])
    translation = Translation.objects.get(source__object_id=english.translation_key, target_locale=locales["uk"])
    strings = list(StringTranslation.objects.filter(context__object_id=ukrainian.translation_key, locale=locales["uk"])[:1])
    strings[0].translation_type = "machine"
    strings[0].save()
    client.force_login(users[username])
    url = reverse("editorial_machine_text", args=[translation.pk])
    assert refused(client.get(url))
    assert refused(client.post(url, {"confirm_all": "on"}))
    assert unchecked_machine_text(ukrainian).count() == 1


def test_once_checked_the_reviewer_can_approve(client, users, arabic_chapter):
    arabic, translation = arabic_chapter
    mark_machine(arabic)
    submit(client, users["translator-ar"], translation)
    client.force_login(users["translator-ar"])
    client.post(reverse("editorial_machine_text", args=[translation.pk]), {"confirm_all": "on"})
    client.force_login(users["reviewer-ar"])
    assert "Approve and publish" in client.get(reverse("wagtailadmin_pages:edit", args=[arabic.pk])).text
    approve(client, users["reviewer-ar"], arabic)
    assert not Page.objects.get(pk=arabic.pk).workflow_in_progress


def test_publishing_several_pages_at_once_is_refused_while_machine_text_is_unchecked(client, users, arabic_chapter):
    arabic, _translation = arabic_chapter
    mark_machine(arabic)
    change_a_string(arabic, "نص لم يراجع")
    arabic.save_revision(user=users["admin"])
    client.force_login(users["reviewer-ar"])
    revision = arabic.live_revision_id
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={arabic.pk}&id={arabic.get_parent().pk}"
    response = client.post(url, {"include_descendants": ""})
    assert response.status_code == 302
    assert any("Nothing was published" in message and arabic.title in message for message in messages_of(response))
    arabic.refresh_from_db()
    assert arabic.live_revision_id == revision


def test_syncing_and_publishing_translations_is_refused_while_machine_text_is_unchecked(client, users, arabic_chapter):
    from wagtail_localize.models import TranslationSource

    arabic, _translation = arabic_chapter
    mark_machine(arabic)
    english = GuideChapterPage.objects.get(translation_key=arabic.translation_key, locale__language_code="en")
    source = TranslationSource.objects.get_for_instance(english)
    client.force_login(users["admin"])
    revision = arabic.latest_revision_id
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"})
    assert response.status_code == 302
    assert any("Nothing was synced or published" in message and "Arabic" in message for message in messages_of(response))
    arabic.refresh_from_db()
    assert arabic.latest_revision_id == revision


def test_a_translator_confirms_one_machine_string_by_saving_it_in_the_editor(client, users, arabic_chapter):
    from wagtail_localize.models import StringSegment

    arabic, translation = arabic_chapter
    [machine] = mark_machine(arabic, count=1)
    segment = StringSegment.objects.get(source=translation.source, string=machine.translation_of, context=machine.context)
    translator = users["translator-ar"]
    client.force_login(translator)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(url, urlencode({"value": machine.data}), content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    machine.refresh_from_db()
    assert (machine.translation_type, machine.last_translated_by) == ("manual", translator)
    assert not unchecked_machine_text(arabic).exists()
    client.logout()
    assert machine_notice() not in client.get(arabic.url).text


def test_an_administrator_switches_the_machine_text_rule_per_language_in_the_workflow_task(client, users):
    task = TranslationReviewTask.objects.get(groups__name="Reviewers: Arabic")
    client.force_login(users["admin"])
    url = reverse("wagtailadmin_workflows:edit_task", args=[task.pk])
    html = client.get(url).text
    assert "Machine text must be checked first" in html
    group = Group.objects.get(name="Reviewers: Arabic")
    response = client.post(url, {"name": task.name, "groups": [group.pk]})
    assert response.status_code == 302
    task.refresh_from_db()
    assert not task.machine_text_must_be_checked
    assert TranslationReviewTask.objects.get(groups__name="Reviewers: Ukrainian").machine_text_must_be_checked


def test_after_the_reviewer_asks_for_changes_the_translator_submits_again(client, users, arabic_chapter):
    arabic, translation = arabic_chapter
    submit(client, users["translator-ar"], translation)
    client.force_login(users["reviewer-ar"])
    page = Page.objects.get(pk=arabic.pk)
    reject = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", page.current_workflow_task_state.pk])
    client.post(reject, {"comment": "Please use the glossary term for trustee."})
    client.force_login(users["translator-ar"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[arabic.pk])).text
    assert "The reviewers asked for changes." in html
    change_a_string(arabic, "ملخص بعد التعديل")
    response = submit(client, users["translator-ar"], translation)
    assert "Submitted for review. The Arabic reviewers will check it and publish it." in messages_of(response)
    assert WorkflowState.objects.filter(object_id=str(arabic.pk)).count() == 1
    approve(client, users["reviewer-ar"], arabic)
    assert GuideChapterPage.objects.get(pk=arabic.pk).summary == "ملخص بعد التعديل"


def test_machine_text_of_a_snippet_is_checked_the_same_way(client, users, locales):
    from guidance_pages.models import Contributor

    arabic = Contributor.objects.filter(locale=locales["ar"]).first()
    translation = Translation.objects.get(source__object_id=arabic.translation_key, target_locale=locales["ar"])
    strings = StringTranslation.objects.filter(context__object_id=arabic.translation_key, locale=locales["ar"])
    strings.update(translation_type="machine")
    client.force_login(users["admin"])
    response = client.post(reverse("editorial_machine_text", args=[translation.pk]), {"confirm_all": "on"})
    assert response["Location"] == reverse(Contributor.snippet_viewset.get_url_name("edit"), args=[arabic.pk])
    assert not unchecked_machine_text(arabic).exists()
