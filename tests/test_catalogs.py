"""Every shipped language has a complete interface catalog that keeps every placeholder."""

import ast
import re
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.utils.translation.template import templatize

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


GETTEXT = {"_", "gettext", "gettext_lazy", "gettext_noop", "ngettext", "ngettext_lazy", "pgettext", "pgettext_lazy", "npgettext"}
# Our own code: every app folder beside the settings, and the public site's templates.
SOURCE_FOLDERS = [
    "config",
    "editorial",
    "feedback",
    "guidance_pages",
    "localisation",
    "page_cache",
    "uploads",
    "operations",
    "plain_english",
    "site",
]


def _messages_in_python(path):
    """(context, msgid) of every gettext call with literal strings, found by Python's own parser."""
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        strings = [arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
        if name in GETTEXT and strings:
            yield (strings[0], strings[1]) if name.startswith(("pgettext", "npgettext")) and len(strings) > 1 else ("", strings[0])


TEMPLATE_CALL = re.compile(
    r"""\b(n?p?gettext)\((u?(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")(?:\s*,\s*u?(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"))?)"""
)


def _messages_in_template(path):
    """Templates are read the way makemessages reads them (Django's templatize)."""
    for function, arguments in TEMPLATE_CALL.findall(templatize(path.read_text(), str(path))):
        strings = ast.literal_eval(f"({arguments},)")
        yield (strings[0], strings[1]) if function.startswith(("pgettext", "npgettext")) else ("", strings[0])


def test_catalogs_cover_every_string_in_the_templates_and_code():
    """A string in a template or in Python code but not in the catalogs would show in English to everyone."""
    catalog = polib.pofile(str(LOCALE_DIR / "ar" / "LC_MESSAGES" / "django.po"))
    known = {(entry.msgctxt or "", entry.msgid) for entry in catalog if entry.msgstr or entry.msgstr_plural}
    found = set()
    for folder in SOURCE_FOLDERS:
        root = Path(settings.BASE_DIR, folder)
        for path in root.rglob("*.py"):
            if "migrations" not in path.parts:
                found.update(_messages_in_python(path))
        for path in root.rglob("*.html"):
            found.update(_messages_in_template(path))
    assert len(found) > 300  # the search itself works
    missing = sorted(message for message in found - known if message[1].strip())
    assert missing == [], f"{len(missing)} strings are not translated, for example {missing[:5]}"


@pytest.mark.gettext
@pytest.mark.parametrize("code", TRANSLATED)
def test_every_catalog_passes_msgfmt_check(code):
    """GNU gettext's own checks (placeholders, plural forms, header), as translators' tools run them."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("needs GNU gettext's msgfmt: apt-get install gettext (the site itself compiles catalogs without it)")
    result = subprocess.run(
        [msgfmt, "--check", "-o", "/dev/null", str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
