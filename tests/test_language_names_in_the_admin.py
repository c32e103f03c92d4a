"""The admin names each language in the admin user's own language; readers still see each name in its own script."""

from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import Locale
from wagtail.users.models import UserProfile

import pytest

from editorial.roles import translator_group_name
from feedback.report import ReportRow
from guidance_pages.models import FooterText

pytestmark = pytest.mark.django_db


def admin_in(user, language):
    """The user picks their admin language on their account page."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def name_in(language, english_name):
    """A language's name as Django's catalogs (or ours, for the languages Django lacks) give it."""
    with translation.override(language):
        return gettext(english_name)


@pytest.mark.parametrize("admin_language", ["fa", "ar"])
def test_the_translator_dashboard_names_the_language_in_the_admin_language(client, users, admin_language):
    client.force_login(admin_in(users["reviewer"], admin_language))
    html = client.get("/admin/translations/uk/").text
    with translation.override(admin_language):
        title = gettext("Translations into %(language)s") % {"language": gettext("Ukrainian")}
    assert name_in(admin_language, "Ukrainian") != "Ukrainian"
    assert title in html
    assert "Translations into Ukrainian" not in html


def test_a_persian_translator_sees_persian_names_on_the_dashboard_home_panel_and_work_offline(client, users):
    client.force_login(admin_in(users["translator-fa"], "fa"))
    persian = name_in("fa", "Persian")
    with translation.override("fa"):
        title = gettext("Translations into %(language)s") % {"language": persian}
    assert title in client.get("/admin/translations/fa/").text
    home = client.get("/admin/").text
    assert f"در {persian}" in home and "Persian</a>" not in home
    offline = client.get("/admin/work-offline/").text
    assert f'<option value="fa" selected>{persian}</option>' in offline or f'<option value="fa">{persian}</option>' in offline
    assert ">Persian</option>" not in offline


@pytest.mark.parametrize("admin_language", ["fa", "ar"])
def test_the_coverage_matrix_heads_each_column_in_the_admin_language(client, users, admin_language):
    client.force_login(admin_in(users["reviewer"], admin_language))
    html = client.get("/admin/translations/coverage/").text
    header = html.split("<thead>")[1].split("</thead>")[0]
    for code, english_name in [("ar", "Arabic"), ("fr", "French"), ("ps", "Pashto"), ("ti", "Tigrinya"), ("so", "Somali")]:
        assert f'<a href="/admin/translations/{code}/">{name_in(admin_language, english_name)}</a>' in header
        assert f">{english_name}</a>" not in header


def test_an_english_admin_still_reads_english_names(client, users):
    client.force_login(admin_in(users["reviewer"], "en"))
    header = client.get("/admin/translations/coverage/").text.split("<thead>")[1].split("</thead>")[0]
    assert '<a href="/admin/translations/ar/">Arabic</a>' in header
    assert '<a href="/admin/translations/ti/">Tigrinya</a>' in header
    assert "Translations into Arabic" in client.get("/admin/translations/ar/").text


def test_locale_and_snippet_names_follow_the_admin_language(locales):
    footer = FooterText.objects.filter(locale=locales["ar"]).first()
    with translation.override("fa"):
        assert locales["ar"].get_display_name() == name_in("fa", "Arabic") == "عربی"
        assert name_in("fa", "Arabic") in str(footer)
        assert "Arabic" not in str(footer)
        assert str(ReportRow("Guide", "Chapter", 1, "ti", 1, 0, 0).language_name) == name_in("fa", "Tigrinya") != "Tigrinya"
    with translation.override("en"):
        assert str(locales["ar"]) == "Arabic"
        assert str(footer) == "Footer (Arabic)"


def test_group_names_stay_in_english_whatever_the_admin_language():
    with translation.override("fa"):
        assert translator_group_name("ar") == "Translators: Arabic"


def test_readers_still_see_each_language_named_in_its_own_script(client):
    html = client.get("/fa/").text
    assert ">العربيّة</a>" in html
    assert ">English</a>" in html
    assert name_in("fa", "Arabic") + "</a>" not in html


def test_cached_locale_names_follow_the_language_they_are_shown_in():
    """Wagtail keeps locale names in the cache; they must not freeze in one language there."""
    from wagtail.coreutils import get_locales_display_names

    arabic = Locale.objects.get(language_code="ar")
    with translation.override("fa"):
        get_locales_display_names()
    with translation.override("en"):
        assert str(get_locales_display_names()[arabic.pk]) == "Arabic"
    with translation.override("fa"):
        assert str(get_locales_display_names()[arabic.pk]) == "عربی"
