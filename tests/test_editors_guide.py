"""The editor's guide inside the admin, and Wagtail's accessibility checker with the rules that matter here."""

import json
import re
import warnings

from django.urls import reverse
from django.utils import translation

from wagtail.admin.userbar import AccessibilityItem, ContentCheckerItem

import pytest

from guidance_pages.models import GuideChapterPage
from plain_english.views import HELP_PAGES
from plain_english.wagtail_hooks import GuidanceAccessibilityChecks, use_guidance_accessibility_checks

pytestmark = pytest.mark.django_db


def test_the_dashboard_links_to_every_how_to_page(editor):
    response = editor.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "Help for editors" in response.text
    for slug in HELP_PAGES:
        assert reverse("plain_english_help_page", args=[slug]) in response.text


def test_the_admin_menu_has_help_for_editors(editor):
    response = editor.get(reverse("wagtailadmin_home"))
    assert reverse("plain_english_help") in response.text


@pytest.mark.parametrize("slug", list(HELP_PAGES))
def test_each_how_to_page_is_short_and_plain(editor, slug):
    response = editor.get(reverse("plain_english_help_page", args=[slug]))
    assert response.status_code == 200
    main = response.text.split('id="main"', 1)[-1]
    text = re.sub(r"<[^>]+>", " ", main.split("More help", 1)[0])
    words = text.split()
    assert 30 < len(words) < 400, len(words)
    assert str(HELP_PAGES[slug]) in response.text


def test_the_guide_covers_what_the_issue_asks_for():
    titles = " ".join(str(title) for title in HELP_PAGES.values())
    for topic in ["write a chapter", "quote", "video or audio with captions", "review", "translators"]:
        assert topic in titles


def test_the_guide_is_shown_in_the_editors_admin_language(editor, users):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(users["editor"])
    profile.preferred_language = "ar"
    profile.save()
    response = editor.get(reverse("plain_english_help"))
    assert response.status_code == 200
    with translation.override("ar"):
        assert translation.gettext("Home") in response.text
    assert 'dir="rtl"' in response.text


def test_an_unknown_how_to_page_is_not_found(editor):
    assert editor.get(reverse("plain_english_help_page", args=["nothing-here"]), follow=True).status_code == 404


def test_readers_cannot_see_the_editors_guide(client):
    response = client.get(reverse("plain_english_help"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_userbar_and_the_checks_panel_use_our_accessibility_rules(rf, users):
    items = [AccessibilityItem(in_editor=True)]
    use_guidance_accessibility_checks(rf.get("/"), items, None)
    assert isinstance(items[0], GuidanceAccessibilityChecks)
    assert items[0].in_editor is True
    configuration = items[0].get_axe_configuration(rf.get("/"))
    rules = set(configuration["options"]["runOnly"])
    assert {"image-alt", "heading-order", "link-name", "empty-heading", "alt-text-quality", "video-caption"} <= rules
    assert str(configuration["messages"]["image-alt"]["help_text"]) == "Describe the image, or tick “Decorative image”."


def test_our_checker_does_not_use_the_deprecated_accessibility_item():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        type("Again", (GuidanceAccessibilityChecks,), {})
    assert issubclass(GuidanceAccessibilityChecks, ContentCheckerItem)
    assert not issubclass(GuidanceAccessibilityChecks, AccessibilityItem)


def test_the_editors_checks_panel_runs_our_rules(editor):
    chapter = GuideChapterPage.objects.filter(locale__language_code="en").first()
    response = editor.get(reverse("wagtailadmin_pages:edit", args=[chapter.pk]))
    configuration = re.search(r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>', response.text, re.S)
    rules = json.loads(configuration.group(1))["options"]["runOnly"]
    assert "image-alt" in rules and "heading-order" in rules and "link-name" in rules


def test_the_preview_userbar_runs_our_rules(editor):
    chapter = GuideChapterPage.objects.filter(locale__language_code="en", live=True).first()
    response = editor.get(chapter.url)
    assert response.status_code == 200
    assert "wagtail-userbar" in response.text  # shown to signed-in editors on reader pages
    assert "image-alt" in response.text
    assert "A picture has no description" in response.text
