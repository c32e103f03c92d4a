"""Translators work offline: download PO files (one page, or a ZIP of what needs work), upload them back.

Through the real admin views as the demo translators. Every bad file is refused with a message
naming it and the problem, and nothing changes (the `unchanged` fixture and the saved strings).
"""

import io
import os
import zipfile

from django.contrib.auth import get_user_model

from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation

import polib
import pytest

from guidance_pages.models import GuideChapterPage, GuideIndexPage, GuidePage, NavigationMenu
from localisation import offline
from localisation.demo import CHANGED_SUMMARY_ENDING
from tests.hostile import database_state
from tests.offline_files import (
    GUIDE_SLUG,
    all_saved_strings,
    chapter_with_every_block,
    public_text,
    saved_strings,
    shown_messages,
    sync_english,
    translate_catalog,
    upload_offline,
    zip_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def every_block(db):
    return chapter_with_every_block()


@pytest.fixture
def publish(users, django_capture_on_commit_callbacks):
    """Publishes a translation as the Arabic reviewer would (wagtail-localize publishes once the transaction commits)."""

    def publish(translation):
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(user=users["reviewer"], publish=True)

    return publish


@pytest.fixture
def arabic_translator(client, users):
    client.force_login(users["translator-ar"])
    return client


def download(client, translation, kind="pofile"):
    response = client.get(f"/admin/localize/translate/{translation.id}/{kind}/download/")
    assert response.status_code == 200, response
    return response


def download_po(client, translation):
    return polib.pofile(download(client, translation).content.decode())


def upload_one(client, translation, content, name="chapter.po"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        f"/admin/localize/translate/{translation.id}/pofile/upload/", {"next": "/admin/", "file": SimpleUploadedFile(name, content)}
    )


# One page's PO file


def test_a_page_with_every_block_round_trips_through_a_po_file(arabic_translator, client, every_block, publish):
    chapter, translation = every_block
    catalog = download_po(arabic_translator, translation)
    assert catalog.metadata["Language"] == "ar"
    assert catalog.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)
    assert catalog.metadata["X-Source-Version"] == translation.source.last_updated_at.isoformat()
    shown = translate_catalog(catalog)
    response = upload_one(arabic_translator, translation, str(catalog).encode())
    assert any("saved" in message for message in shown_messages(response)), shown_messages(response)

    publish(translation)
    page = chapter.get_translation(Locale.objects.get(language_code="ar"))
    text = public_text(client, page)
    missing = [number for number in shown if number not in text]
    assert not missing, f"not on the public Arabic page: {missing}"
    # Each kind of block's text is among them, in Arabic, and the English is gone.
    for english in [
        "Five people round a table",  # image alt text
        "Our spring meeting",  # caption
        "Bus fares in cash",  # checklist item
        "Call them first",  # step
        "Will I be paid?",  # question
        "Nobody asked me before.",  # quote
        "Hello and welcome to the group.",  # media transcript
        "Where to get help",  # link text
    ]:
        assert f": {english}" in text, english
    assert 'alt="ترجمة' in text
    assert "<b>every</b>" in text  # the answer's formatting, kept


def test_the_po_download_is_named_after_the_page_and_language(arabic_translator, every_block):
    _chapter, translation = every_block
    response = download(arabic_translator, translation)
    assert f"{GUIDE_SLUG}-every-kind-of-block.ar.po" in response["Content-Disposition"]


def test_a_translator_cannot_download_another_languages_file(client, users, every_block):
    _chapter, arabic = every_block
    client.force_login(users["translator-uk"])
    for kind in ("pofile", "xliff"):
        response = client.get(f"/admin/localize/translate/{arabic.id}/{kind}/download/")
        assert response.status_code in (302, 403)
        assert b"msgid" not in response.content and b"trans-unit" not in response.content


def test_a_translator_cannot_upload_another_languages_file_into_their_own(client, users, admin_client, every_block):
    chapter, arabic = every_block
    ukrainian_locale = Locale.objects.get(language_code="uk")
    from wagtail_localize.operations import translate_object

    translate_object(chapter, [ukrainian_locale])
    ukrainian = Translation.objects.get(source=arabic.source, target_locale=ukrainian_locale)
    catalog = download_po(admin_client, ukrainian)
    translate_catalog(catalog)
    client.force_login(users["translator-ar"])
    before = all_saved_strings(), database_state()
    response = upload_offline(client, zip_of({"uk.po": str(catalog)}))
    assert any("uk.po" in message and "another language, not Arabic" in message for message in shown_messages(response))
    assert (all_saved_strings(), database_state()) == before


# The ZIP of everything that needs work


@pytest.fixture
def needing_work(every_block):
    """The every-block chapter half translated into Arabic: it needs work, the demo's finished pages do not."""
    chapter, translation = every_block
    catalog = translation.export_po()
    for entry in list(catalog)[:3]:
        entry.msgstr = f"ترجمة: {entry.msgid}"
    translation.import_po(catalog)
    return chapter, translation


def download_zip(client, language="ar", file_format="po"):
    response = client.post("/admin/work-offline/", {"download": "1", "language": language, "file_format": file_format})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(response.content))


def test_the_zip_holds_readable_files_for_pages_that_need_work_in_the_translators_language(arabic_translator, needing_work):
    _chapter, translation = needing_work
    archive = download_zip(arabic_translator)
    names = archive.namelist()
    assert f"guides/{GUIDE_SLUG}/every-kind-of-block.ar.po" in names
    # A fully translated demo chapter needs no work, so it is left out.
    assert f"guides/{GUIDE_SLUG}/why-lived-experience-matters.ar.po" not in names
    for name in names:
        assert name.endswith(".ar.po")
        catalog = polib.pofile(archive.read(name).decode())
        assert catalog.metadata["Language"] == "ar"
        assert catalog.metadata["X-Source-Version"]
    catalog = polib.pofile(archive.read(f"guides/{GUIDE_SLUG}/every-kind-of-block.ar.po").decode())
    assert catalog.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)


def test_a_chapter_whose_english_changed_comes_with_the_new_english_once(arabic_translator):
    # The demo changes the English of one translated chapter after its Arabic translation.
    def changed_files(archive):
        return {
            name: polib.pofile(archive.read(name).decode())
            for name in archive.namelist()
            if any(CHANGED_SUMMARY_ENDING.strip() in entry.msgid for entry in polib.pofile(archive.read(name).decode()))
        }

    first = changed_files(download_zip(arabic_translator))
    assert len(first) == 1
    # Downloading again does not read the English again, so the first download stays current.
    second = changed_files(download_zip(arabic_translator))
    (name,) = first
    assert second[name].metadata["X-Source-Version"] == first[name].metadata["X-Source-Version"]


def test_a_translated_zip_uploads_and_the_public_page_shows_it(arabic_translator, client, needing_work, publish):
    chapter, translation = needing_work
    archive = download_zip(arabic_translator)
    files = {}
    shown = []
    for name in archive.namelist():
        catalog = polib.pofile(archive.read(name).decode())
        numbers = translate_catalog(catalog)
        if catalog.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid):
            shown = numbers
        files[name] = str(catalog)
    response = upload_offline(arabic_translator, zip_of(files))
    assert any(f"from {len(files)} file(s) are saved" in message for message in shown_messages(response)), shown_messages(response)
    publish(translation)
    text = public_text(client, chapter.get_translation(Locale.objects.get(language_code="ar")))
    assert shown and all(number in text for number in shown)


def test_the_work_offline_page_offers_only_the_translators_language(arabic_translator, client, users):
    response = arabic_translator.get("/admin/work-offline/")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="ar"' in page and 'value="uk"' not in page
    assert page.count('id="download_language"') == page.count('id="upload_language"') == 1
    client.force_login(users["translator-uk"])
    response = client.post("/admin/work-offline/", {"download": "1", "language": "ar", "file_format": "po"})
    assert response["Content-Type"] != "application/zip"


def test_people_who_translate_nothing_cannot_open_the_work_offline_page(client, users):
    client.force_login(users["editor"])
    response = client.get("/admin/work-offline/")
    assert response.status_code in (302, 403)


# Bad files: refused with the file's name and the problem, and nothing saved


def good_file(translation):
    catalog = offline.translation_catalog(translation)
    translate_catalog(catalog)
    return catalog


def bad_html(translation, text):
    catalog = good_file(translation)
    entry = next(entry for entry in catalog if entry.msgctxt and entry.msgctxt != "slug" and "<" not in entry.msgid)
    entry.msgstr = text
    return str(catalog).encode()


def changed_english(translation, text):
    """A file whose English line was edited too, so a script in the translation would match it."""
    catalog = good_file(translation)
    entry = next(entry for entry in catalog if entry.msgctxt == "summary")
    entry.msgid = entry.msgstr = text
    return str(catalog).encode()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda t: b'msgid "unterminated\nmsgstr ', "This is not a PO file, or it is damaged.", id="malformed"),
        pytest.param(
            lambda t: str(good_file(t)).encode("cp1256", errors="replace"), "not saved as UTF-8 text", id="Windows Arabic encoding"
        ),
        pytest.param(lambda t: b"", "This file is empty.", id="empty"),
        pytest.param(lambda t: b"msgid\x00\x01 binary", "This is not a PO file.", id="binary"),
        pytest.param(lambda t: bad_html(t, "<script>alert(1)</script>"), "contains “<script>”", id="script"),
        pytest.param(lambda t: bad_html(t, 'نص <img src=x onerror="alert(1)">'), "contains “<img src=x", id="event handler"),
        pytest.param(lambda t: bad_html(t, "انقر javascript:alert(1)"), "contains “javascript:”", id="javascript address"),
        pytest.param(lambda t: bad_html(t, "<b>عريض</b>"), "contains “<b>”", id="formatting the English lacks"),
        pytest.param(
            lambda t: changed_english(t, "<script>alert(1)</script>"), "is not on the page", id="English changed to allow a script"
        ),
        pytest.param(
            lambda t: str(good_file(t)).replace(str(t.uuid), "00000000-0000-0000-0000-000000000000").encode(),
            "not downloaded from this site",
            id="unknown translation",
        ),
        pytest.param(
            lambda t: str(good_file(t)).replace('"Language: ar', '"Language: fa').encode(), "another language", id="language header"
        ),
    ],
)
def test_a_bad_file_in_a_zip_is_refused_and_nothing_is_saved(arabic_translator, needing_work, unchanged, make, message):
    _chapter, translation = needing_work
    good_other = good_file(Translation.objects.filter(target_locale__language_code="ar").exclude(pk=translation.pk).first())
    before = all_saved_strings()
    content = zip_of({"a-good-one.ar.po": str(good_other), "chapter.ar.po": make(translation)})
    response = upload_offline(arabic_translator, content)
    messages = shown_messages(response)
    assert any("Nothing was saved" in shown and "chapter.ar.po" in shown and message in shown for shown in messages), messages
    assert all_saved_strings() == before


def test_formatting_the_english_has_may_be_kept(arabic_translator, every_block):
    _chapter, translation = every_block
    catalog = good_file(translation)
    entry = next(entry for entry in catalog if "<b>everyone</b>" in entry.msgid)
    assert '<a id="a1">' in entry.msgid
    entry.msgstr = 'اسأل <b>الجميع</b> واقرأ <a id="a1">سياستنا</a>.'
    response = upload_offline(arabic_translator, str(catalog).encode(), name="chapter.ar.po")
    assert any("saved" in message for message in shown_messages(response)), shown_messages(response)
    assert entry.msgstr in [data for _pk, data, _of in saved_strings(translation)]


def test_a_stale_file_is_refused_and_says_download_it_again(arabic_translator, every_block):
    chapter, translation = every_block
    catalog = download_po(arabic_translator, translation)
    translate_catalog(catalog)
    sync_english(chapter)
    before = all_saved_strings(), database_state()
    for response in (
        upload_one(arabic_translator, translation, str(catalog).encode()),
        upload_offline(arabic_translator, zip_of({"chapter.ar.po": str(catalog)})),
    ):
        messages = shown_messages(response)
        assert any("out of date" in shown and "Download it again" in shown for shown in messages), messages
    assert (all_saved_strings(), database_state()) == before


def test_a_file_without_a_source_version_is_refused_as_out_of_date(arabic_translator, every_block, unchanged):
    _chapter, translation = every_block
    catalog = translation.export_po()  # wagtail-localize's own file, without our header
    translate_catalog(catalog)
    before = all_saved_strings()
    response = upload_one(arabic_translator, translation, str(catalog).encode())
    assert any("Download it again" in shown for shown in shown_messages(response))
    assert all_saved_strings() == before


def test_a_file_for_something_the_translator_may_not_edit_is_refused(arabic_translator, users, unchanged):
    # Translators translate their own language's menu (editorial/snippet_permissions.py), not another's.
    menu = NavigationMenu.objects.get(locale__language_code="en")
    translation = Translation.objects.get(source__object_id=menu.translation_key, target_locale__language_code="uk")
    catalog = good_file(translation)
    before = all_saved_strings()
    response = upload_offline(arabic_translator, zip_of({"menu.uk.po": str(catalog)}))
    assert any("menu.uk.po" in shown for shown in shown_messages(response))
    assert all_saved_strings() == before
    with pytest.raises(offline.FileProblem, match="You may not translate"):
        offline.read_file("menu.uk.po", str(catalog).encode("utf-8"), users["translator-ar"], expected=translation)


def test_the_arabic_translator_may_upload_the_arabic_menus_file(users):
    menu = NavigationMenu.objects.get(locale__language_code="en")
    translation = Translation.objects.get(source__object_id=menu.translation_key, target_locale__language_code="ar")
    checked = offline.read_file("menu.ar.po", str(good_file(translation)).encode("utf-8"), users["translator-ar"], expected=translation)
    assert checked.translation == translation


def test_the_same_page_twice_in_a_zip_is_refused(arabic_translator, every_block, unchanged):
    _chapter, translation = every_block
    content = str(good_file(translation))
    before = all_saved_strings()
    response = upload_offline(arabic_translator, zip_of({"one.ar.po": content, "two.ar.po": content}))
    assert any("second file for the same page" in shown for shown in shown_messages(response))
    assert all_saved_strings() == before


def zip_bomb():
    """One member that unpacks to more than a page's largest file, from a few kilobytes."""
    return zip_of({"bomb.ar.po": b"#" * (offline.LARGEST_TRANSLATION_FILE + 10)})


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(zip_bomb, "too big to be a translation of one page", id="zip bomb"),
        pytest.param(
            lambda: zip_of({f"{n}.ar.po": b"x" for n in range(offline.MOST_FILES_IN_ZIP + 1)}), "too many files", id="too many files"
        ),
        pytest.param(
            lambda: zip_of({f"{n}.ar.po": b"#" * (offline.LARGEST_TRANSLATION_FILE - 1) for n in range(11)}),
            "unpacks to too much data",
            id="too much unpacked",
        ),
        pytest.param(lambda: b"PK\x03\x04 this is not really a zip", "damaged", id="damaged zip"),
        pytest.param(lambda: zip_of({"notes.docx": b"hello"}), "Only PO and XLIFF files", id="another kind of file"),
        pytest.param(lambda: zip_of({"__MACOSX/._x": b"junk"}), "no PO or XLIFF files", id="empty zip"),
    ],
)
def test_a_dangerous_or_wrong_zip_is_refused(arabic_translator, unchanged, make, message):
    before = all_saved_strings()
    response = upload_offline(arabic_translator, make())
    messages = shown_messages(response)
    assert any("Nothing was saved" in shown and message in shown for shown in messages), messages
    assert all_saved_strings() == before


def test_a_zip_bigger_than_allowed_is_refused_before_it_is_opened(arabic_translator, unchanged, monkeypatch):
    monkeypatch.setattr(offline, "LARGEST_ZIP", 1000)
    response = upload_offline(arabic_translator, zip_of({"a.ar.po": os.urandom(3000)}))
    assert any("This ZIP file is too big" in shown for shown in shown_messages(response))


def test_an_upload_without_a_file_is_refused(arabic_translator, unchanged):
    response = arabic_translator.post("/admin/work-offline/", {"language": "ar"})
    assert any("Choose your language and a file" in shown for shown in shown_messages(response))


# Translating a guide with its chapters


def test_translating_a_guide_with_its_chapters_keeps_the_page_tree(admin_client):
    english_guide = GuidePage.objects.get(locale__language_code="en", slug="running-an-experts-by-experience-user-group")
    arabic = Locale.objects.get(language_code="ar")
    assert not english_guide.get_translations().filter(locale=arabic).exists()
    response = admin_client.post(f"/admin/localize/submit/page/{english_guide.id}/", {"locales": [arabic.pk], "include_subtree": "on"})
    assert response.status_code == 302
    arabic_guide = english_guide.get_translation(arabic)
    assert arabic_guide.get_parent().specific_class is GuideIndexPage
    assert arabic_guide.get_parent().locale == arabic
    english_chapters = [page.translation_key for page in GuideChapterPage.objects.child_of(english_guide).order_by("path")]
    arabic_chapters = [page.translation_key for page in GuideChapterPage.objects.child_of(arabic_guide).order_by("path")]
    assert arabic_chapters == english_chapters
    assert len(arabic_chapters) == 5
    assert all(page.locale == arabic for page in Page.objects.descendant_of(arabic_guide))
    assert Translation.objects.filter(source__object_id__in=english_chapters, target_locale=arabic).count() == 5
    assert get_user_model().objects.filter(username="admin").exists()


def test_the_translation_editor_offers_po_and_xliff_downloads_and_an_upload(arabic_translator, every_block):
    _chapter, translation = every_block
    # wagtail-localize shows its translation editor in place of the page editor for a translated page.
    response = arabic_translator.get(f"/admin/pages/{translation.get_target_instance().id}/edit/")
    assert response.status_code == 200
    page = response.content.decode()
    assert f"/admin/localize/translate/{translation.id}/pofile/download/" in page
    assert f"/admin/localize/translate/{translation.id}/xliff/download/" in page
    assert f'action="/admin/localize/translate/{translation.id}/pofile/upload/"' in page
    assert 'class="js-translation-editor"' in page  # wagtail-localize's own editor is still there


def test_translators_find_work_offline_in_the_admin_menu(arabic_translator):
    assert "/admin/work-offline/" in arabic_translator.get("/admin/").content.decode()


# Damaged PO files: polib reads them without complaint, so every line is checked first


@pytest.fixture
def board_chapter():
    """The demo's translated Arabic chapter "Getting your board ready", which has the expenses policy sentence."""
    chapter = GuideChapterPage.objects.get(locale__language_code="en", slug="getting-your-board-ready")
    return Translation.objects.get(source__object_id=chapter.translation_key, target_locale__language_code="ar")


def test_a_po_file_cut_short_is_refused_as_damaged_at_its_line_and_nothing_changes(arabic_translator, board_chapter):
    text = download(arabic_translator, board_chapter).content.decode()
    cut = text[: text.index('msgstr "اكتبوا سياسة') + len('msgstr "اكتبوا سياسة')]
    line = cut.count("\n") + 1
    before = all_saved_strings(), database_state()
    for response in (
        upload_one(arabic_translator, board_chapter, cut.encode(), name="board.ar.po"),
        upload_offline(arabic_translator, cut.encode(), name="board.ar.po"),
        upload_offline(arabic_translator, zip_of({"board.ar.po": cut})),
    ):
        messages = shown_messages(response)
        assert any(
            "board.ar.po" in shown and "damaged" in shown and f"at line {line}: a text is not closed with a quote mark" in shown
            for shown in messages
        ), messages
    assert (all_saved_strings(), database_state()) == before
    assert "اكتبوا سياسة للنفقات تقول هذا بوضوح. عندها لن يحتاج الأعضاء الجدد إلى السؤال." in [
        data for _pk, data, _of in saved_strings(board_chapter)
    ]


def test_an_english_line_not_closed_with_a_quote_mark_is_refused_as_damaged(arabic_translator, every_block, unchanged):
    _chapter, translation = every_block
    lines = str(good_file(translation)).split("\n")
    number = next(number for number, line in enumerate(lines) if line.startswith('msgid "Bus fares in cash'))
    lines[number] = lines[number].rstrip('"')
    response = upload_offline(arabic_translator, "\n".join(lines).encode(), name="chapter.ar.po")
    messages = shown_messages(response)
    assert any(f"damaged. The problem is at line {number + 1}: a text is not closed" in shown for shown in messages), messages
    assert not any("is not on the page" in shown for shown in messages)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        pytest.param(lambda text: text + 'msgid "more"\nmsgstr more"\n', "at line", id="no opening quote mark"),
        pytest.param(lambda text: text + 'msgid "more"\nmsgstr "more\\"\n', "not closed with a quote mark", id="escaped last quote mark"),
        pytest.param(lambda text: text + 'msgid "more"\nmsgtsr "more"\n', "not written the way PO files are", id="misspelt keyword"),
        pytest.param(lambda text: text + "more\n", "not written the way PO files are", id="loose text"),
        pytest.param(lambda text: text + 'msgid "more"\nmsgstr', "not written the way PO files are", id="no text at the end"),
    ],
)
def test_a_po_file_with_a_line_it_cannot_have_is_refused_as_damaged(users, every_block, unchanged, damage, message):
    _chapter, translation = every_block
    with pytest.raises(offline.FileProblem, match=message):
        offline.read_file("chapter.ar.po", damage(str(good_file(translation))).encode(), users["translator-ar"], expected=translation)


def test_a_po_file_as_po_editors_save_it_passes_the_line_check(users, every_block):
    _chapter, translation = every_block
    catalog = good_file(translation)
    entry = next(entry for entry in catalog if entry.msgctxt == "summary")
    entry.msgstr = 'قال "مرحبا" \\ ثم\tذهب\nسطر ثانٍ ' + "ترجمة طويلة " * 20  # quotes, backslash, tab, new line, wrapped
    entry.flags.append("python-format")
    # A byte order mark, Windows line ends, a comment, and an obsolete entry without a translation.
    text = "\ufeff# Layla's file\r\n" + str(catalog).replace("\n", "\r\n") + '#~ msgid "old"\r\n#~ msgstr ""\r\n'

    checked = offline.read_file("chapter.ar.po", text.encode(), users["translator-ar"], expected=translation)
    assert entry.msgstr in [found.msgstr for found in checked.catalog]


# Translations marked as needing work (fuzzy) are not checked work: they are left out, and the translator is told


def test_fuzzy_translations_are_not_saved_and_the_translator_is_told_how_many(arabic_translator, every_block):
    _chapter, translation = every_block
    catalog = good_file(translation)
    fuzzy = [entry for entry in catalog if entry.msgctxt != "slug"][:3]
    for entry in fuzzy:
        entry.flags.append("fuzzy")
    response = upload_offline(arabic_translator, zip_of({"chapter.ar.po": str(catalog)}))
    messages = shown_messages(response)
    assert any("from 1 file(s) are saved" in shown for shown in messages), messages
    assert any(
        "chapter.ar.po: 3 translations marked as needing work (fuzzy) were not saved" in shown and "upload the file again" in shown
        for shown in messages
    ), messages
    saved = StringTranslation.objects.filter(locale=translation.target_locale, context__object_id=translation.source.object_id)
    assert not saved.filter(data__in=[entry.msgstr for entry in fuzzy]).exists()
    assert saved.count() == len([entry for entry in catalog if entry.msgstr]) - 3
    assert set(saved.values_list("translation_type", flat=True)) == {"manual"}


def test_a_file_whose_translations_all_need_work_saves_nothing_and_says_so(arabic_translator, every_block, unchanged):
    _chapter, translation = every_block
    catalog = good_file(translation)
    for entry in catalog:
        entry.flags.append("fuzzy")
    before = all_saved_strings()
    for response in (
        upload_one(arabic_translator, translation, str(catalog).encode(), name="chapter.ar.po"),
        upload_offline(arabic_translator, str(catalog).encode(), name="chapter.ar.po"),
    ):
        messages = shown_messages(response)
        assert any(
            "chapter.ar.po: Nothing in this file was saved: every translation in it is marked as needing work (fuzzy)" in shown
            for shown in messages
        ), messages
        assert not any("are saved" in shown for shown in messages), messages
    assert all_saved_strings() == before


# Region codes and markup that is only text


@pytest.mark.parametrize("code", ["ar_EG", "ar-SA", "AR", "ar_EG.UTF-8"])
def test_a_file_for_a_region_of_the_language_is_accepted(users, every_block, code):
    _chapter, translation = every_block
    text = str(good_file(translation)).replace('"Language: ar\\n"', f'"Language: {code}\\n"')
    assert f"Language: {code}" in text
    checked = offline.read_file("chapter.ar.po", text.encode(), users["translator-ar"], expected=translation)
    assert checked.translation == translation


@pytest.mark.parametrize("code", ["arz", "fa", "fa-AF", "ur", "en"])
def test_a_file_for_another_language_is_refused_even_if_it_looks_alike(users, every_block, unchanged, code):
    _chapter, translation = every_block
    text = str(good_file(translation)).replace('"Language: ar\\n"', f'"Language: {code}\\n"')
    with pytest.raises(offline.FileProblem, match="another language, not Arabic"):
        offline.read_file("chapter.ar.po", text.encode(), users["translator-ar"], expected=translation)


def test_a_persian_file_for_afghanistan_is_persian(users):
    menu = NavigationMenu.objects.get(locale__language_code="en")
    translation = Translation.objects.get(source__object_id=menu.translation_key, target_locale__language_code="fa")
    text = str(good_file(translation)).replace('"Language: fa\\n"', '"Language: fa-AF\\n"')
    checked = offline.read_file("menu.fa.po", text.encode(), users["translator-fa"], expected=translation)
    assert checked.translation == translation


@pytest.mark.parametrize("text", ["a<b", "3 < 5", "<3", "x <y and z", "أقل من <10 جنيهات", "a <= b", "<<>>"])
def test_a_translation_with_a_lone_less_than_sign_is_saved_as_text(arabic_translator, client, every_block, publish, text):
    chapter, translation = every_block
    catalog = good_file(translation)
    entry = next(entry for entry in catalog if entry.msgctxt == "summary")
    entry.msgstr = text
    response = upload_offline(arabic_translator, str(catalog).encode(), name="chapter.ar.po")
    assert any("are saved" in shown for shown in shown_messages(response)), shown_messages(response)
    assert text in [data for _pk, data, _of in saved_strings(translation)]
    publish(translation)
    assert text in public_text(client, chapter.get_translation(Locale.objects.get(language_code="ar")))


@pytest.mark.parametrize(
    ("text", "markup"),
    [
        ("نص <b>عريض</b>", "<b>"),
        ("نص </p>", "</p>"),
        ('<a href="https://example.org">رابط</a>', '<a href="https://example.org">'),
        ("نص <img src=x onerror=alert(1)", "<img src=x onerror=alert(1)"),
        ("<script", "<script"),
        ("<SCRIPT src=//evil.example/x.js", "<SCRIPT src=//evil.example/x.js"),
        ("<iframe src=//evil.example", "<iframe src=//evil.example"),
        ("<svg/onload=alert(1)", "<svg/onload=alert(1)"),
        ("</style", "</style"),
        ("<object data=x", "<object data=x"),
        ("<embed src=x", "<embed src=x"),
        ("<link rel=stylesheet", "<link rel=stylesheet"),
        ("<meta http-equiv=refresh", "<meta http-equiv=refresh"),
        ("<form action=//evil.example", "<form action=//evil.example"),
        ("<input autofocus onfocus=alert(1)", "<input autofocus onfocus=alert(1)"),
        ("نص <!-- مخفي --> نص", "<!-- مخفي -->"),
        ("نص <!-- مخفي", "<!-- مخفي"),
        ('<a id="a1">سياستنا</a>', '<a id="a1">'),  # the English has no link
    ],
)
def test_real_markup_in_a_translation_is_found(text, markup):
    assert offline.unsafe_markup("Plain English text.", text) == markup


def test_the_formatting_and_link_placeholders_the_english_has_are_still_allowed():
    english = 'Ask <b>everyone</b> and read <a id="a1">our policy</a>.'
    assert offline.unsafe_markup(english, 'اسأل <b>الجميع</b> واقرأ <a id="a1">سياستنا</a>.') is None
    assert offline.unsafe_markup(english, "اسأل <i>الجميع</i>") == "<i>"
    assert offline.unsafe_markup(english, 'اقرأ <a id="a1" onclick="alert(1)">سياستنا</a>') == '<a id="a1" onclick="alert(1)">'


# An empty file is refused as empty, not as "no file chosen"


@pytest.mark.parametrize("name", ["chapter.ar.po", "chapter.ar.xlf", "translations.zip"])
def test_an_empty_file_on_the_work_offline_page_is_refused_as_empty(arabic_translator, unchanged, name):
    before = all_saved_strings()
    response = upload_offline(arabic_translator, b"", name=name)
    messages = shown_messages(response)
    assert any("Nothing was saved" in shown and name in shown and "This file is empty." in shown for shown in messages), messages
    assert not any("Choose your language and a file" in shown for shown in messages)
    assert all_saved_strings() == before
