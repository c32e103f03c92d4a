"""In a real Chromium: text fields follow the direction of the content's language, not the admin's.

An Arabic page is typed right to left with the admin in English; in wagtail-localize's
translation editor, Arabic targets are right to left, French ones left to right, and the English
source strings stay left to right even when the admin itself is in Arabic.
"""

from django.urls import reverse

from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

import pytest

from guidance_pages.models import GuideChapterPage, HomePage

pytestmark = [pytest.mark.django_db, pytest.mark.browser]


@pytest.fixture
def admin_tab(open_tab, client):
    """A desktop browser tab on the admin; ``sign_in(user, language)`` chooses who and in which admin language."""
    tab = open_tab(client)

    def sign_in(user, language="en"):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        client.force_login(user)
        return tab

    return sign_in


def direction(tab, selector):
    tab.wait_for_selector(f"{selector}[dir]", state="attached", timeout=10_000)
    return tab.eval_on_selector(selector, "element => [element.getAttribute('dir'), getComputedStyle(element).direction]")


def arabic_chapter_in_the_page_editor():
    """An Arabic chapter whose translation is no longer synced, so it opens in Wagtail's page editor."""
    chapter = GuideChapterPage.objects.filter(locale__language_code="ar").first()
    Translation.objects.filter(target_locale=chapter.locale, source__object_id=chapter.translation_key).update(enabled=False)
    return chapter


def test_an_arabic_pages_title_and_paragraphs_are_right_to_left_with_the_admin_in_english(admin_tab, users):
    tab = admin_tab(users["translator-ar"], "en")
    chapter = arabic_chapter_in_the_page_editor()
    tab.goto(reverse("wagtailadmin_pages:edit", args=[chapter.pk]))
    assert tab.get_attribute("html", "dir") == "ltr"  # the admin is in English
    assert direction(tab, "input[name=title]") == ["rtl", "rtl"]
    assert direction(tab, "input[name=summary], textarea[name=summary]") == ["rtl", "rtl"]
    assert direction(tab, ".Draftail-Editor") == ["rtl", "rtl"]
    assert tab.eval_on_selector(".Draftail-Editor [contenteditable=true]", "element => getComputedStyle(element).direction") == "rtl"


def test_a_new_block_added_to_an_arabic_page_is_right_to_left_too(admin_tab, users):
    tab = admin_tab(users["admin"], "en")
    chapter = arabic_chapter_in_the_page_editor()
    tab.goto(reverse("wagtailadmin_pages:edit", args=[chapter.pk]))
    direction(tab, "input[name=title]")
    before = tab.locator(".Draftail-Editor").count()
    tab.locator("button[title='Insert a block'], .c-sf-add-button").last.click()
    tab.get_by_role("option", name="Paragraph").first.click() if tab.get_by_role("option", name="Paragraph").count() else tab.get_by_text(
        "Paragraph", exact=True
    ).last.click()
    tab.wait_for_function(f"document.querySelectorAll('.Draftail-Editor').length > {before}")
    tab.wait_for_function("[...document.querySelectorAll('.Draftail-Editor')].every(e => e.getAttribute('dir') === 'rtl')")


def test_an_english_page_stays_left_to_right_with_the_admin_in_arabic(admin_tab, users):
    tab = admin_tab(users["editor"], "ar")
    chapter = GuideChapterPage.objects.filter(locale__language_code="en").first()
    tab.goto(reverse("wagtailadmin_pages:edit", args=[chapter.pk]))
    assert tab.get_attribute("html", "dir") == "rtl"  # the admin is in Arabic
    assert direction(tab, "input[name=title]") == ["ltr", "ltr"]
    assert direction(tab, ".Draftail-Editor") == ["ltr", "ltr"]


def test_a_new_chapter_added_under_an_arabic_guide_is_right_to_left(admin_tab, users):
    tab = admin_tab(users["translator-ar"], "en")
    guide = GuideChapterPage.objects.filter(locale__language_code="ar").first().get_parent()
    tab.goto(reverse("wagtailadmin_pages:add", args=["guidance_pages", "guidechapterpage", guide.pk]))
    assert direction(tab, "input[name=title]") == ["rtl", "rtl"]


def open_translation_editor(tab, language):
    home = HomePage.objects.get(locale__language_code=language)
    tab.goto(reverse("wagtailadmin_pages:edit", args=[home.pk]))
    tab.wait_for_selector(".js-translation-editor li > p[dir]", state="attached", timeout=10_000)
    # Open the first segment for editing: its translation becomes a text field.
    tab.locator(".js-translation-editor li button").first.click()
    tab.wait_for_selector(".js-translation-editor textarea[dir]", state="attached", timeout=10_000)


@pytest.mark.parametrize(("language", "expected"), [("ar", "rtl"), ("fa", "rtl"), ("fr", "ltr")])
def test_the_translation_editors_target_fields_follow_the_target_language(admin_tab, users, language, expected):
    tab = admin_tab(users["admin"], "en")
    open_translation_editor(tab, language)
    assert direction(tab, ".js-translation-editor textarea") == [expected, expected]
    assert tab.get_attribute(".js-translation-editor textarea", "lang") == language
    assert direction(tab, ".js-translation-editor li > p") == ["ltr", "ltr"]  # the English source


def test_with_the_admin_in_arabic_english_source_strings_stay_left_to_right(admin_tab, users):
    tab = admin_tab(users["admin"], "ar")
    open_translation_editor(tab, "fr")
    assert tab.get_attribute("html", "dir") == "rtl"
    assert direction(tab, ".js-translation-editor li > p") == ["ltr", "ltr"]
    assert direction(tab, ".js-translation-editor textarea") == ["ltr", "ltr"]


def test_a_translation_with_no_arabic_letters_reads_in_its_own_direction(admin_tab, users):
    """A brand name or a web address in an Arabic translation is laid out left to right (dir=auto)."""
    tab = admin_tab(users["admin"], "en")
    home = HomePage.objects.get(locale__language_code="ar")
    tab.goto(reverse("wagtailadmin_pages:edit", args=[home.pk]))
    tab.wait_for_selector(".js-translation-editor li > div > p[dir]", state="attached", timeout=10_000)
    directions = tab.eval_on_selector_all(
        ".js-translation-editor li > div > p", "elements => elements.map(e => [e.textContent, e.getAttribute('dir')])"
    )
    assert directions
    for text, marked in directions:
        has_arabic = any("\u0600" <= letter <= "\u06ff" for letter in text)
        assert marked == ("rtl" if has_arabic else "auto"), text
