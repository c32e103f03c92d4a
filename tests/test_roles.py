"""Each role's group can do its job and no more."""

from django.contrib.auth.models import Group

from wagtail.models import Locale, Workflow

import pytest

from editorial.roles import CO_PRODUCTION_REVIEW, translator_group_name
from guidance_pages.models import GuideChapterPage, GuideIndexPage, GuidePage, HomePage


def test_every_role_has_a_group_including_translators_per_language(db, settings):
    names = set(Group.objects.values_list("name", flat=True))
    assert {"EBE editors", "Peer reviewers", "Reviewers", "Administrators"} <= names
    for code, _name in settings.LANGUAGES:
        if code != "en":
            assert translator_group_name(code) in names


def test_ebe_editor_can_edit_english_chapters_but_not_publish_them(users):
    chapter = GuideChapterPage.objects.filter(locale__language_code="en").first()
    permissions = chapter.permissions_for_user(users["editor"])
    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert not permissions.can_delete()


def test_reviewer_can_publish(users):
    chapter = GuideChapterPage.objects.filter(locale__language_code="en").first()
    assert chapter.permissions_for_user(users["reviewer"]).can_publish()


def test_translator_edits_only_their_own_language(users):
    arabic = Locale.objects.get(language_code="ar")
    english_chapter = GuideChapterPage.objects.filter(locale__language_code="en").first()
    arabic_chapter = GuideChapterPage.objects.filter(locale=arabic).first()
    ukrainian_home = HomePage.objects.get(locale__language_code="uk")
    translator = users["translator-ar"]
    assert arabic_chapter.permissions_for_user(translator).can_edit()
    assert not english_chapter.permissions_for_user(translator).can_edit()
    assert not ukrainian_home.permissions_for_user(translator).can_edit()
    assert not arabic_chapter.permissions_for_user(translator).can_publish()


def test_english_guidance_goes_through_co_production_review(home_page):
    workflow = home_page.get_workflow()
    assert workflow == Workflow.objects.get(name=CO_PRODUCTION_REVIEW)
    assert [task.name for task in workflow.tasks] == ["Peer review by an Expert by Experience", "Approval by a reviewer"]


def test_demo_administrator_finds_the_demo_guides_in_each_languages_page_tree(client, users):
    client.force_login(users["admin"])
    for code, expected in {"en": 2, "ar": 1, "uk": 1, "fa": 1}.items():
        guide_list = GuideIndexPage.objects.get(locale__language_code=code)
        response = client.get(f"/admin/pages/{guide_list.pk}/")
        assert response.status_code == 200
        guides = GuidePage.objects.child_of(guide_list)
        assert guides.count() == expected, code
        for guide in guides:
            assert guide.title in response.text, (code, guide.title)


# Every translator group and every language reviewer group, against every other language


def _other_languages(settings, own):
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != own]


def _translated_languages(settings):
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != settings.LANGUAGE_CODE]


def _member_of(group_name):
    """A new person in one group, as an administrator would add them."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username=f"member-of-{group_name}", password="not-used-here")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def _refused(response):
    """Wagtail refuses with 403, or by sending the user back to the dashboard with a message."""
    from django.urls import reverse

    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home"))


SHIPPED_PAIRS = [
    (own, other)
    for own in ["ar", "fa", "ps", "ckb", "ti", "so", "uk", "fr", "ur"]
    for other in ["en", "ar", "fa", "ps", "ckb", "ti", "so", "uk", "fr", "ur"]
    if own != other
]


@pytest.mark.parametrize(("own", "other"), SHIPPED_PAIRS)
def test_a_translator_cannot_edit_submit_publish_or_approve_in_another_language(client, settings, locales, users, own, other):
    from django.urls import reverse

    from wagtail_localize.models import Translation

    from editorial.review import approvable_task_state

    assert own in dict(settings.WAGTAIL_CONTENT_LANGUAGES) and other in dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    translator = _member_of(translator_group_name(own))
    home = HomePage.objects.get(locale=locales[other])
    permissions = home.permissions_for_user(translator)
    # Wagtail's can_submit_for_moderation() leaves the edit check to the editor, as do we.
    assert not permissions.can_edit()
    assert not permissions.can_publish()
    client.force_login(translator)
    assert _refused(client.post(reverse("wagtailadmin_pages:edit", args=[home.pk]), {"action-publish": "on", "title": "Taken"}))
    assert _refused(client.post(reverse("wagtailadmin_pages:edit", args=[home.pk]), {"action-submit": "on", "title": "Taken"}))
    if other != settings.LANGUAGE_CODE:
        translation = Translation.objects.get(source__object_id=home.translation_key, target_locale=locales[other])
        assert _refused(client.post(reverse("editorial_submit_for_review", args=[translation.pk])))
        assert _refused(client.post(reverse("editorial_machine_text", args=[translation.pk]), {"confirm_all": "on"}))
    # A review in progress in that language: no approval for this translator.
    home.get_workflow().start(home, users["admin"])
    home = HomePage.objects.get(pk=home.pk)
    assert approvable_task_state(home, translator) is None
    task_state = home.current_workflow_task_state
    response = client.post(reverse("wagtailadmin_pages:workflow_action", args=[home.pk, "approve", task_state.pk]), {"comment": ""})
    assert response.status_code in {302, 403}
    home = HomePage.objects.get(pk=home.pk)
    assert home.workflow_in_progress
    assert home.title != "Taken"


@pytest.mark.parametrize(("own", "other"), SHIPPED_PAIRS)
def test_a_translator_cannot_edit_translate_or_publish_snippets_of_another_language(client, locales, own, other):
    from django.urls import reverse

    from guidance_pages.models import Contributor

    translator = _member_of(translator_group_name(own))
    contributor = Contributor.objects.filter(locale=locales[other]).first()
    assert contributor is not None, other
    name = contributor.display_name
    client.force_login(translator)
    edit = reverse(Contributor.snippet_viewset.get_url_name("edit"), args=[contributor.pk])
    assert _refused(client.get(edit))
    assert _refused(client.post(edit, {"display_name": "Taken", "action-publish": "on"}))
    translate = reverse("wagtail_localize:submit_snippet_translation", args=["guidance_pages", "contributor", contributor.pk])
    assert _refused(client.post(translate, {"locales": [locales[own].pk]}))
    contributor.refresh_from_db()
    assert contributor.display_name == name


@pytest.mark.parametrize("own", ["ar", "fa", "ps", "ckb", "ti", "so", "uk", "fr", "ur"])
def test_a_translator_changes_snippets_in_their_own_language_and_no_other(client, settings, locales, own):
    from django.urls import reverse

    from editorial.snippet_permissions import user_can_edit_instance
    from guidance_pages.models import Contributor, FooterText, GlossaryTerm, NavigationMenu
    from plain_english.models import PreferredTerm

    translator = _member_of(translator_group_name(own))
    for model in [Contributor, GlossaryTerm, NavigationMenu, FooterText, PreferredTerm]:
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            item = model.objects.filter(locale=locales[code]).first()
            if item is not None:
                assert user_can_edit_instance(translator, item) == (code == own), (model.__name__, code)
    contributor = Contributor.objects.filter(locale=locales[own]).first()
    client.force_login(translator)
    response = client.get(reverse(Contributor.snippet_viewset.get_url_name("edit"), args=[contributor.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("own", ["ar", "fa", "ps", "ckb", "ti", "so", "uk", "fr", "ur"])
def test_a_translator_edits_and_submits_in_their_own_language_but_cannot_publish(locales, own):
    translator = _member_of(translator_group_name(own))
    permissions = HomePage.objects.get(locale=locales[own]).permissions_for_user(translator)
    assert permissions.can_edit()
    assert permissions.can_submit_for_moderation()
    assert not permissions.can_publish()


@pytest.mark.parametrize("own", ["ar", "fa", "ps", "ckb", "ti", "so", "uk", "fr", "ur"])
def test_a_language_reviewer_publishes_only_their_own_language(client, settings, locales, own):
    from django.urls import reverse

    from editorial.roles import language_reviewer_group_name

    reviewer = _member_of(language_reviewer_group_name(own))
    own_home = HomePage.objects.get(locale=locales[own])
    assert own_home.permissions_for_user(reviewer).can_publish()
    client.force_login(reviewer)
    for other in _other_languages(settings, own):
        home = HomePage.objects.get(locale=locales[other])
        permissions = home.permissions_for_user(reviewer)
        assert not (permissions.can_edit() or permissions.can_publish()), other
        chapter = GuideChapterPage.objects.filter(locale=locales[other]).first()
        if chapter is not None:
            assert not chapter.permissions_for_user(reviewer).can_publish(), other
        title = home.title
        assert _refused(client.post(reverse("wagtailadmin_pages:edit", args=[home.pk]), {"action-publish": "on", "title": "Taken"}))
        home.refresh_from_db()
        assert home.title == title
