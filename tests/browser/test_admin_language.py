"""In a real Chromium: an editor chooses the admin's language in their account, and gets it.

Wagtail ships the admin in Arabic, Persian, Ukrainian and French; Arabic and Persian are laid
out right to left. Our own labels come from our catalogs (one existing string is checked).
"""

from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest

from guidance_pages.models import GuidePage

pytestmark = [pytest.mark.django_db, pytest.mark.browser]

# Language: (our "Who made this guide" panel heading in the guide editor, the admin's direction).
ADMIN_LANGUAGES = {
    "ar": ("من أعدّ هذا الدليل", "rtl"),
    "fa": ("چه کسانی این راهنما را تهیه کردند", "rtl"),
}


@pytest.fixture
def editor_tab(open_tab, client, users):
    client.force_login(users["editor"])
    return open_tab(client)


def choose_admin_language(tab, language):
    """What an editor does: Account, "Preferred language", Save."""
    tab.goto(reverse("wagtailadmin_account"))
    tab.select_option("select[name='locale-preferred_language']", language)
    save = tab.locator("form[action=''] button[type=submit], main form button[type=submit]").last
    save.click()
    # Saved, and the account page comes back in the chosen language.
    tab.wait_for_selector(f"html[lang='{language}']", state="attached")


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_an_editor_who_chooses_arabic_or_persian_gets_the_admin_right_to_left(editor_tab, users, language):
    label, direction = ADMIN_LANGUAGES[language]
    choose_admin_language(editor_tab, language)
    assert UserProfile.get_for_user(users["editor"]).preferred_language == language
    guide = GuidePage.objects.filter(locale__language_code="en").first()
    editor_tab.goto(reverse("wagtailadmin_pages:edit", args=[guide.pk]))
    assert editor_tab.get_attribute("html", "lang") == language
    assert editor_tab.get_attribute("html", "dir") == direction
    assert editor_tab.evaluate("getComputedStyle(document.body).direction") == direction
    assert label in editor_tab.locator("main").inner_text()  # our own label, from our catalog
    # The guide's English text is still edited left to right inside the right-to-left admin.
    editor_tab.wait_for_selector("input[name=title][dir=ltr]", state="attached", timeout=10_000)


def test_the_account_offers_exactly_the_admin_languages_wagtail_ships(editor_tab, settings):
    editor_tab.goto(reverse("wagtailadmin_account"))
    offered = editor_tab.eval_on_selector_all("select[name='locale-preferred_language'] option", "options => options.map(o => o.value)")
    assert set(offered) - {""} == {code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES}
    assert {"ar", "fa", "uk", "fr", "en"} <= set(offered)
    assert "" in offered  # "Use the site's default", Wagtail's own choice


def test_an_editor_who_chooses_ukrainian_gets_the_admin_in_ukrainian_left_to_right(editor_tab, users):
    choose_admin_language(editor_tab, "uk")
    editor_tab.goto(reverse("wagtailadmin_home"))
    assert editor_tab.get_attribute("html", "lang") == "uk"
    assert editor_tab.get_attribute("html", "dir") == "ltr"
