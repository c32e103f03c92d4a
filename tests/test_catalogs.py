"""Every shipped language has a complete interface catalog that keeps every placeholder."""

import re
from pathlib import Path

from django.conf import settings

import polib
import pytest

PLACEHOLDER = re.compile(r"%%|%\(\w+\)[sd]|\{\w+\}")
LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@pytest.mark.parametrize("code", TRANSLATED)
def test_interface_catalog_is_complete(code):
    catalog = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
    assert catalog.metadata.get("Language") == code
    assert not catalog.untranslated_entries(), [entry.msgid for entry in catalog.untranslated_entries()][:5]
    assert not catalog.fuzzy_entries(), [entry.msgid for entry in catalog.fuzzy_entries()][:5]
    assert not catalog.metadata_is_fuzzy, "the header is marked fuzzy, so gettext would ignore the whole catalog"


@pytest.mark.parametrize("code", TRANSLATED)
def test_translations_keep_every_placeholder(code):
    catalog = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
    for entry in catalog.translated_entries():
        forms = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for form in forms:
            assert sorted(PLACEHOLDER.findall(entry.msgid)) == sorted(PLACEHOLDER.findall(form)), entry.msgid


def test_catalogs_cover_every_string_in_the_templates_and_code():
    """A string added to a template but not to the catalogs would show in English to everyone."""
    catalog = polib.pofile(str(LOCALE_DIR / "ar" / "LC_MESSAGES" / "django.po"))
    msgids = {entry.msgid for entry in catalog}
    sources = [*Path(settings.BASE_DIR, "site", "templates").rglob("*.html"), *Path(settings.BASE_DIR, "guidance_pages").rglob("*.html")]
    translate_tag = re.compile(r"""{%\s*translate\s+(["'])(.+?)\1""")
    missing = {match[1] for source in sources for match in translate_tag.findall(source.read_text()) if match[1] not in msgids}
    assert missing == set()
