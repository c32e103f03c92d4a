"""In a real Chromium: an editor chooses the admin's language in their account, and gets it.

Wagtail ships the admin in Arabic, Persian, Ukrainian and French; Arabic and Persian are laid
out right to left. Our own labels come from our catalogs (one existing string is checked).
"""

from django.db import connections
from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest

from guidance_pages.models import GuidePage
from tests.browser.conftest import BASE_URL, _answer_with_django

pytestmark = [pytest.mark.django_db, pytest.mark.browser]

# Language: (our "Who made this guide" panel heading in the guide editor, the admin's direction).
ADMIN_LANGUAGES = {
    "ar": ("من أعدّ هذا الدليل", "rtl"),
    "fa": ("چه کسانی این راهنما را تهیه کردند", "rtl"),
}


@pytest.fixture
def editor_tab(chromium, client, users):
    client.force_login(users["editor"])
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, base_url=BASE_URL, locale="en-GB")
    answer = _answer_with_django(client)
    test_connection = connections["default"]

    def route(route):
        request = route.request
        if not request.url.startswith(BASE_URL + "/"):
            route.abort()
        elif request.method == "POST":
            connections["default"] = test_connection  # as _answer_with_django does
            # Chromium does not hand the redirect after a fulfilled POST back to this router, so
            # Django's test client follows it and the browser gets the page it leads to.
            response = client.post(
                request.url.removeprefix(BASE_URL),
                data=request.post_data_buffer or b"",
                content_type=request.headers.get("content-type", ""),
                follow=True,
            )
            route.fulfill(status=response.status_code, headers=dict(response.items()), body=response.content)
        else:
            answer(route)

    context.route(lambda url: True, route)
    tab = context.new_page()
    yield tab
    context.close()


def choose_admin_language(tab, language):
    """What an editor does: Account, "Preferred language", Save."""
    tab.goto(reverse("wagtailadmin_account"))
    tab.select_option("select[name='locale-preferred_language']", language)
    save = tab.locator("form[action=''] button[type=submit], main form button[type=submit]").last
    with tab.expect_navigation():
        save.click()
    # Saved, and the account page comes back in the chosen language.
    assert tab.get_attribute("html", "lang") == language


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
