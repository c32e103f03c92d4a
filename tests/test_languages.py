"""Pashto, Tigrinya and Somali are full languages: named in their own script, laid out the right way."""

from django.conf import settings
from django.utils import translation

from wagtail.models import Locale

import pytest

OWN_NAMES = {
    "en": "English",
    "ar": "العربيّة",
    "fa": "فارسی",
    "ps": "پښتو",
    "ckb": "کوردی",
    "ti": "ትግርኛ",
    "so": "Soomaali",
    "uk": "Українська",
    "fr": "français",
    "ur": "اردو",
}


@pytest.mark.parametrize(("code", "own_name"), OWN_NAMES.items())
def test_every_language_has_its_own_name_and_direction(code, own_name):
    info = translation.get_language_info(code)
    assert info["name_local"] == own_name
    with translation.override(code):
        assert translation.get_language() == code
        assert translation.get_language_bidi() == (code in {"ar", "fa", "ps", "ckb", "ur"})


def test_pashto_tigrinya_and_somali_have_english_names_in_an_english_admin(db):
    names = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    assert (names["ps"], names["ti"], names["so"]) == ("Pashto", "Tigrinya", "Somali")
    assert Locale.objects.get(language_code="ti").get_display_name() == "Tigrinya"


@pytest.mark.parametrize("code", ["ps", "ti", "so"])
def test_django_can_switch_to_the_languages_it_does_not_ship(code):
    assert translation.check_for_language(code)
    assert translation.get_supported_language_variant(code) == code


def test_admin_is_offered_in_the_content_languages_wagtail_is_translated_into():
    assert [code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES] == ["en", "ar", "fa", "uk", "fr"]


@pytest.mark.parametrize(("language", "expected"), [("ar", "البشتو"), ("uk", "пушту"), ("fr", "pachto")])
def test_pashto_is_named_in_the_readers_language_too(language, expected):
    with translation.override(language):
        assert str(translation.get_language_info("ps")["name_translated"]) == expected


def test_a_newly_configured_language_gets_its_locale_on_migrate(db, settings):
    from guidance_pages.locales import create_content_locales

    settings.WAGTAIL_CONTENT_LANGUAGES = [*settings.WAGTAIL_CONTENT_LANGUAGES, ("de", "German")]
    assert not Locale.objects.filter(language_code="de").exists()
    create_content_locales()
    create_content_locales()  # and again: still exactly one
    assert Locale.objects.filter(language_code="de").count() == 1
