"""Translators who use CAT tools work in XLIFF 1.2: the same round trip and the same checks as PO files.

The translated files are edited with translate-toolkit, as a CAT tool would edit them.
"""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import Locale

import pytest
from lxml import etree
from translate.storage import xliff

from tests.hostile import database_state
from tests.offline_files import (
    GUIDE_SLUG,
    all_saved_strings,
    chapter_with_every_block,
    marker,
    public_text,
    shown_messages,
    sync_english,
    translated,
    upload_offline,
    zip_of,
)

pytestmark = pytest.mark.django_db

NAMESPACE = "{urn:oasis:names:tc:xliff:document:1.2}"


@pytest.fixture
def every_block(db):
    return chapter_with_every_block()


@pytest.fixture
def arabic_translator(client, users):
    client.force_login(users["translator-ar"])
    return client


def download_xliff(client, translation):
    response = client.get(f"/admin/localize/translate/{translation.id}/xliff/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-xliff+xml"
    return response.content


def translate_xliff(content):
    """Fills every target as a CAT tool would; returns the file and the markers the public page must show."""
    store = xliff.xlifffile.parsestring(content)
    shown = []
    for number, unit in enumerate(store.units):
        if unit.xmlelement.get("resname") == "slug":
            unit.target = f"{unit.source}-ar"
            continue
        unit.target = translated(number, unit.source)
        shown.append(marker(number))
    return bytes(store), shown


def upload_one(client, translation, content, name="chapter.ar.xlf"):
    return client.post(
        f"/admin/localize/translate/{translation.id}/pofile/upload/", {"next": "/admin/", "file": SimpleUploadedFile(name, content)}
    )


def test_the_xliff_file_is_xliff_1_2_with_the_translations_marks(arabic_translator, every_block):
    _chapter, translation = every_block
    root = etree.fromstring(download_xliff(arabic_translator, translation))
    assert root.tag == f"{NAMESPACE}xliff" and root.get("version") == "1.2"
    (file_node,) = root.findall(f"{NAMESPACE}file")
    assert file_node.get("source-language") == "en" and file_node.get("target-language") == "ar"
    assert file_node.get("original") == f"guides/{GUIDE_SLUG}/every-kind-of-block"
    assert file_node.get("{urn:guidance-cms:translation}translation-id") == str(translation.uuid)
    assert file_node.get("{urn:guidance-cms:translation}source-version") == translation.source.last_updated_at.isoformat()
    units = root.iter(f"{NAMESPACE}trans-unit")
    ids = [unit.get("id") for unit in units]
    assert len(ids) == len(set(ids)) > 10
    sources = [unit.text for unit in root.iter(f"{NAMESPACE}source")]
    assert "Bus fares in cash" in sources and "Hello and welcome to the group." in sources


def test_a_page_with_every_block_round_trips_through_an_xliff_file(
    arabic_translator, client, every_block, users, django_capture_on_commit_callbacks
):
    chapter, translation = every_block
    content, shown = translate_xliff(download_xliff(arabic_translator, translation))
    response = upload_one(arabic_translator, translation, content)
    assert any("saved" in message for message in shown_messages(response)), shown_messages(response)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=users["reviewer"], publish=True)
    text = public_text(client, chapter.get_translation(Locale.objects.get(language_code="ar")))
    missing = [number for number in shown if number not in text]
    assert not missing, f"not on the public Arabic page: {missing}"
    for english in [
        "Five people round a table",
        "Our spring meeting",
        "Bus fares in cash",
        "Call them first",
        "Hello and welcome to the group.",
    ]:
        assert f": {english}" in text, english


def test_a_zip_of_xliff_files_downloads_and_uploads(arabic_translator, every_block):
    _chapter, translation = every_block
    response = arabic_translator.post("/admin/work-offline/", {"download": "1", "language": "ar", "file_format": "xliff"})
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    name = f"guides/{GUIDE_SLUG}/every-kind-of-block.ar.xlf"
    assert name in archive.namelist()
    assert all(member.endswith(".ar.xlf") for member in archive.namelist())
    content, _shown = translate_xliff(archive.read(name))
    response = upload_offline(arabic_translator, zip_of({name: content}))
    assert any("from 1 file(s) are saved" in message for message in shown_messages(response)), shown_messages(response)
    saved = translation.export_po()
    assert all(entry.msgstr for entry in saved if not entry.obsolete)


def with_target(content, text):
    store = xliff.xlifffile.parsestring(content)
    unit = next(unit for unit in store.units if unit.xmlelement.get("resname") == "summary")
    unit.target = text
    return bytes(store)


XLIFF_2 = b"""<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ar">
<file id="f1"><unit id="1"><segment><source>Hello</source><target>Marhaba</target></segment></unit></file></xliff>"""

ENTITY_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" source-language="en" datatype="plaintext">
<body><trans-unit id="1"><source>&b;</source></trans-unit></body></file></xliff>"""


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda good: good[: len(good) // 2], "This is not an XLIFF file, or it is damaged.", id="cut short"),
        pytest.param(lambda good: ENTITY_BOMB, "This is not an XLIFF file, or it is damaged.", id="entity bomb"),
        pytest.param(lambda good: XLIFF_2, "save it as XLIFF 1.2", id="XLIFF 2"),
        pytest.param(lambda good: with_target(good, "<script>alert(1)</script>"), "contains “<script>”", id="script"),
        pytest.param(lambda good: with_target(good, '<a href="javascript:alert(1)">x</a>'), "contains “<a href", id="javascript link"),
        pytest.param(
            lambda good: good.replace(b'target-language="ar"', b'target-language="uk"'), "another language", id="another language"
        ),
        pytest.param(lambda good: good.decode().encode("utf-16"), "not saved as UTF-8 text", id="UTF-16"),
    ],
)
def test_a_bad_xliff_file_is_refused_and_nothing_is_saved(arabic_translator, every_block, unchanged, make, message):
    _chapter, translation = every_block
    good, _shown = translate_xliff(download_xliff(arabic_translator, translation))
    before = all_saved_strings()
    for response in (
        upload_one(arabic_translator, translation, make(good)),
        upload_offline(arabic_translator, zip_of({"chapter.ar.xlf": make(good)})),
    ):
        messages = shown_messages(response)
        assert any("chapter.ar.xlf" in shown and message in shown for shown in messages), messages
    assert all_saved_strings() == before


def test_a_stale_xliff_file_is_refused(arabic_translator, every_block):
    chapter, translation = every_block
    good, _shown = translate_xliff(download_xliff(arabic_translator, translation))
    sync_english(chapter)
    before = all_saved_strings(), database_state()
    response = upload_one(arabic_translator, translation, good)
    assert any("Download it again" in shown for shown in shown_messages(response))
    assert (all_saved_strings(), database_state()) == before


def test_another_translators_xliff_download_is_refused(client, users, every_block):
    _chapter, translation = every_block
    client.force_login(users["translator-fa"])
    response = client.get(f"/admin/localize/translate/{translation.id}/xliff/download/")
    assert response.status_code in (302, 403)


def with_states(content, states):
    """Sets the state of the first targets, as a CAT tool marks its unfinished work; returns the file and their texts."""
    store = xliff.xlifffile.parsestring(content)
    units = [unit for unit in store.units if unit.xmlelement.get("resname") != "slug"]
    texts = []
    for unit, state in zip(units, states, strict=False):
        target = next(child for child in unit.xmlelement if etree.QName(child).localname == "target")
        target.set("state", state)
        texts.append(str(unit.target))
    # Tools that never set "approved" (or set it to "no") still mean a translated target as done.
    units[len(states)].xmlelement.set("approved", "no")
    return bytes(store), texts


def test_xliff_targets_that_still_need_work_are_not_saved_and_the_translator_is_told(arabic_translator, every_block):
    _chapter, translation = every_block
    good, _shown = translate_xliff(download_xliff(arabic_translator, translation))
    content, skipped = with_states(good, ["new", "needs-translation", "needs-review-translation", "NEEDS-adaptation"])
    response = upload_offline(arabic_translator, zip_of({"chapter.ar.xlf": content}))
    messages = shown_messages(response)
    assert any("from 1 file(s) are saved" in shown for shown in messages), messages
    assert any("chapter.ar.xlf: 4 translations marked as needing work (fuzzy) were not saved" in shown for shown in messages), messages
    saved = {entry.msgstr for entry in translation.export_po() if entry.msgstr}
    assert not saved & set(skipped)
    assert len(saved) == len(xliff.xlifffile.parsestring(good).units) - 4


@pytest.mark.parametrize("state", ["translated", "final", "signed-off", "x-checked", None])
def test_xliff_targets_in_a_finished_state_are_saved(arabic_translator, every_block, state):
    _chapter, translation = every_block
    good, _shown = translate_xliff(download_xliff(arabic_translator, translation))
    store = xliff.xlifffile.parsestring(good)
    for unit in store.units:
        target = next(child for child in unit.xmlelement if etree.QName(child).localname == "target")
        target.attrib.pop("state", None)
        if state:
            target.set("state", state)
    response = upload_one(arabic_translator, translation, bytes(store))
    messages = shown_messages(response)
    assert any("are saved" in shown for shown in messages) and not any("needing work" in shown for shown in messages), messages


@pytest.mark.parametrize(("code", "accepted"), [("ar-SA", True), ("AR", True), ("ar_EG", True), ("arz", False), ("fa-AF", False)])
def test_an_xliff_target_language_with_a_region_or_in_capitals_is_the_same_language(arabic_translator, every_block, code, accepted):
    _chapter, translation = every_block
    good, _shown = translate_xliff(download_xliff(arabic_translator, translation))
    content = good.replace(b'target-language="ar"', f'target-language="{code}"'.encode())
    assert f'target-language="{code}"'.encode() in content
    before = all_saved_strings()
    messages = shown_messages(upload_one(arabic_translator, translation, content))
    if accepted:
        assert any("are saved" in shown for shown in messages), messages
    else:
        assert any("another language, not Arabic" in shown for shown in messages), messages
        assert all_saved_strings() == before
