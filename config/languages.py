"""The languages the guidance is written and read in.

English is the source language. Django knows most of the shipped languages, but not Pashto,
Tigrinya or Somali: they are registered here with their names in their own script and their
direction, so Django's ``get_language_info``, ``get_language_bidi`` and Wagtail's locale names
all treat them like any other language.
"""

import django.conf.locale
from django.conf import global_settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import lazy


def gettext_noop(text):
    """Marks a string for makemessages without importing Django's translation machinery.

    Settings import this module; importing django.utils.translation from settings hides a
    configuration error from manage.py (it then runs with half-loaded settings).
    """
    return text


SOURCE_LANGUAGE = "en"

DEFAULT_CONTENT_LANGUAGES = ["en", "ar", "fa", "ps", "ckb", "ti", "so", "uk", "fr", "ur"]

# Languages Django does not ship. ``name`` is English, ``name_local`` is the language's own name.
# The English names are marked for translation, so ``name_translated`` works in every language.
EXTRA_LANG_INFO = {
    "ps": {"bidi": True, "code": "ps", "name": gettext_noop("Pashto"), "name_local": "پښتو"},
    "ti": {"bidi": False, "code": "ti", "name": gettext_noop("Tigrinya"), "name_local": "ትግርኛ"},
    "so": {"bidi": False, "code": "so", "name": gettext_noop("Somali"), "name_local": "Soomaali"},
}

# English names of shipped languages Django knows but has not translated into every admin
# language (Django's Arabic and Persian catalogs lack Central Kurdish). Marked here so our own
# catalogs translate them; Django's translations still serve any language we leave empty.
DJANGO_NAMES_WE_TRANSLATE = [gettext_noop("Central Kurdish (Sorani)")]


# Codes a reader's browser may send for a shipped language under another name. Django follows a
# "fallback" entry when it matches Accept-Language (regional variants such as fa-IR or ar-SY
# already fall back to fa and ar by themselves).
RELATED_LANGUAGES = {
    "prs": ["fa"],  # Dari, the Persian of Afghanistan
    "pbt": ["ps"],  # Southern Pashto
    "pbu": ["ps"],  # Northern Pashto
    "pst": ["ps"],  # Central Pashto
    "ku-arab": ["ckb"],  # Kurdish in Arabic script is almost always Sorani
    "ku-iq": ["ckb"],
    "ku-ir": ["ckb"],
}


def register_extra_languages():
    """Teach Django the languages it lacks, and related codes; safe to call more than once."""
    for code, info in EXTRA_LANG_INFO.items():
        django.conf.locale.LANG_INFO.setdefault(code, info)
    for code, fallback in RELATED_LANGUAGES.items():
        django.conf.locale.LANG_INFO.setdefault(code, {"fallback": fallback})


def right_to_left_languages():
    """Every language code Django should lay out right to left, ours included."""
    extra = [code for code, info in EXTRA_LANG_INFO.items() if info["bidi"]]
    return [*global_settings.LANGUAGES_BIDI, *extra]


def parse_content_languages(value, variable="CONTENT_LANGUAGES"):
    """Turn "en,ar,fa" into ["en", "ar", "fa"], refusing codes nobody can read the site in."""
    example = f'{variable}="{",".join(DEFAULT_CONTENT_LANGUAGES[:4])}"'
    codes = [code.strip().lower() for code in value.split(",") if code.strip()]
    if not codes:
        raise ImproperlyConfigured(f"{variable} is empty; list language codes separated by commas, for example {example}.")
    unknown = [code for code in codes if code not in django.conf.locale.LANG_INFO or "fallback" in django.conf.locale.LANG_INFO[code]]
    if unknown:
        raise ImproperlyConfigured(f"{variable} has unknown language code(s) {', '.join(unknown)}; use codes such as {example}.")
    if SOURCE_LANGUAGE not in codes:
        raise ImproperlyConfigured(f"{variable} must include the source language '{SOURCE_LANGUAGE}', for example {example}.")
    if len(set(codes)) != len(codes):
        raise ImproperlyConfigured(f"{variable} lists a language twice; list each once, for example {example}.")
    # The source language comes first so it is the default everywhere.
    return [SOURCE_LANGUAGE, *[code for code in codes if code != SOURCE_LANGUAGE]]


def _translated_name(english_name):
    # Imported here, not at the top: see gettext_noop above.
    from django.utils.translation import gettext

    return gettext(english_name)


# A language's name in the language of whoever is looking, decided when it is shown: the admin
# says "عربی" to a Persian editor and "Arabic" to an English one. Module-level, so a name kept
# in the cache (Wagtail caches locale names) can be pickled.
translated_name = lazy(_translated_name, str)


def language_choices(codes):
    """(code, name) pairs for LANGUAGES and WAGTAIL_CONTENT_LANGUAGES, each name shown in the admin's language.

    Readers never see these names: the public language switcher names each language in its own
    script (``name_local``), and group names use the English ``name`` (editorial/roles.py).
    """
    return [(code, translated_name(django.conf.locale.LANG_INFO[code]["name"])) for code in codes]
