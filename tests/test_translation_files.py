"""Translators upload PO files they translated offline; a wrong or damaged file is refused clearly.

Through the real admin views, as the Arabic translator: wagtail-localize's "Download PO file",
then "Upload PO file" (editorial.translating.upload_translation_file checks the file first).
"""

from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail_localize.models import StringTranslation, Translation

import polib
import pytest

from guidance_pages.models import GuideChapterPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def arabic_translation():
    chapter = GuideChapterPage.objects.get(locale__language_code="en", slug="why-lived-experience-matters")
    return Translation.objects.get(source__object_id=chapter.translation_key, target_locale__language_code="ar")


@pytest.fixture
def translator(client, users):
    client.force_login(users["translator-ar"])
    return client


def download(client, translation):
    response = client.get(f"/admin/localize/translate/{translation.id}/pofile/download/")
    assert response.status_code == 200
    return response.content.decode()


def upload(client, translation, content, name="chapter.po"):
    files = {"file": SimpleUploadedFile(name, content)} if content is not None else {}
    return client.post(f"/admin/localize/translate/{translation.id}/pofile/upload/", {"next": "/admin/", **files})


def saved_strings(translation):
    return sorted(
        StringTranslation.objects.filter(locale=translation.target_locale, context__object_id=translation.source.object_id).values_list(
            "pk", "data"
        )
    )


def test_a_translated_po_file_round_trips(translator, arabic_translation):
    catalog = polib.pofile(download(translator, arabic_translation))
    entry = next(entry for entry in catalog if entry.msgid)
    entry.msgstr = "نص مترجم جديد من محرر PO"
    response = upload(translator, arabic_translation, str(catalog).encode())
    assert response.status_code == 302
    assert "نص مترجم جديد من محرر PO" in dict(saved_strings(arabic_translation)).values()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(None, "Choose a PO file to upload first.", id="no file"),
        pytest.param(b"", "This file is empty.", id="empty"),
        pytest.param(b"x" * (5 * 1024 * 1024 + 1), "This file is too big", id="too big"),
        pytest.param(
            'msgid "Hello"\nmsgstr "مرحبا"\n'.encode("cp1256"), "This file is not saved as UTF-8 text.", id="Windows Arabic encoding"
        ),
        pytest.param(b"msgid\x00\x01\x02 binary", "This is not a PO file.", id="binary"),
        pytest.param(b"<html><script>alert(1)</script></html>", "This is not a PO file, or it is damaged.", id="a web page"),
        pytest.param(b'msgid "unterminated\nmsgstr ', "This is not a PO file, or it is damaged.", id="malformed"),
        pytest.param(b'msgid "Hello"\nmsgstr "Bonjour"\n', "This PO file was made for another page or another language.", id="no mark"),
    ],
)
def test_a_wrong_file_is_refused_with_a_clear_message_and_changes_nothing(translator, arabic_translation, content, message):
    before = saved_strings(arabic_translation)
    response = upload(translator, arabic_translation, content)
    assert response.status_code == 302
    assert any(message in str(shown) for shown in get_messages(response.wsgi_request)), list(get_messages(response.wsgi_request))
    assert saved_strings(arabic_translation) == before


def test_a_file_made_for_another_language_is_refused(translator, admin_client, arabic_translation):
    ukrainian = Translation.objects.get(source=arabic_translation.source, target_locale__language_code="uk")
    ukrainian_file = download(admin_client, ukrainian)
    before = saved_strings(arabic_translation)
    response = upload(translator, arabic_translation, ukrainian_file.encode())
    messages = [str(shown) for shown in get_messages(response.wsgi_request)]
    assert any("made for another page or another language" in shown for shown in messages)
    assert saved_strings(arabic_translation) == before


def test_a_translator_cannot_upload_into_another_language(client, users, arabic_translation):
    client.force_login(users["translator-uk"])
    before = saved_strings(arabic_translation)
    catalog = polib.pofile(download_as_admin(arabic_translation).decode())
    next(entry for entry in catalog if entry.msgid).msgstr = "ترجمة من شخص لا يترجم إلى العربية"
    response = upload(client, arabic_translation, str(catalog).encode())
    # Wagtail's admin answers "no permission" by sending them back with a message.
    assert response.status_code in (302, 403)
    assert saved_strings(arabic_translation) == before


def download_as_admin(translation):
    from django.contrib.auth import get_user_model
    from django.test import Client

    admin = Client()
    admin.force_login(get_user_model().objects.filter(is_superuser=True).first())
    return download(admin, translation).encode()
