"""Each role's group can do its job and no more."""

from django.contrib.auth.models import Group

from wagtail.models import Locale, Workflow

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
