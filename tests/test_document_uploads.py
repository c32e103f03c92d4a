"""Documents are accepted for what they contain, not for their name, and readers always get them as
downloads that the browser cannot run or reinterpret."""

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

import pytest

from tests import sample_files

pytestmark = pytest.mark.django_db


def add_document(client, collection, name, content, title="Meeting notes"):
    """Upload on the "Add a document" page, as an editor fills it in."""
    data = {"title": title, "collection": str(collection.pk), "tags": "meetings, trustees", "file": SimpleUploadedFile(name, content)}
    return client.post(reverse("wagtaildocs:add"), data)


def refusal(client, collection, name, content):
    """The one error under the file field, checking that nothing was saved."""
    documents_before = Document.objects.count()
    response = add_document(client, collection, name, content)
    assert response.status_code == 200, "the form comes back, not a redirect"
    assert Document.objects.count() == documents_before
    form = response.context["form"]
    assert not form.non_field_errors()
    errors = form.errors["file"]
    assert len(errors) == 1, errors
    return errors[0]


GOOD_DOCUMENTS = {
    "minutes.pdf": sample_files.PDF,
    "role-description.docx": sample_files.word_document(),
    "budget.xlsx": sample_files.excel_spreadsheet(),
    "agenda.odt": sample_files.opendocument_text(),
    "letter.rtf": sample_files.RTF,
    "notes.txt": "Notes from the group — ملاحظات\n".encode(),
    "notes-from-word.txt": "Notes\r\n".encode("utf-16"),
    "expenses.csv": "Name,Amount\r\nCafé,£4.50\r\n".encode("cp1252"),
    "captions.vtt": sample_files.CAPTIONS,
}


@pytest.mark.parametrize("name", list(GOOD_DOCUMENTS))
def test_every_allowed_kind_of_document_is_accepted(editor, demo_collection, name):
    response = add_document(editor, demo_collection, name, GOOD_DOCUMENTS[name], title=f"Good {name}")
    assert response.status_code == 302, response.context and response.context["form"].errors
    document = Document.objects.get(title=f"Good {name}")
    assert document.file.read() == GOOD_DOCUMENTS[name]


def test_a_web_page_renamed_pdf_is_refused(editor, demo_collection):
    error = refusal(editor, demo_collection, "minutes.pdf", sample_files.WEB_PAGE)
    assert error == "This file is a web page, not a PDF document. Save it as a PDF document and upload it again."


def test_a_program_renamed_pdf_is_refused(editor, demo_collection):
    error = refusal(editor, demo_collection, "minutes.pdf", sample_files.PROGRAM)
    assert error.startswith("This file is a program, not a PDF document. Programs cannot be uploaded")


def test_a_zip_renamed_docx_is_refused(editor, demo_collection):
    error = refusal(editor, demo_collection, "role.docx", sample_files.plain_zip())
    assert error.startswith("This file is a compressed folder (such as a ZIP file), not a Word document (.docx).")


def test_a_spreadsheet_renamed_docx_is_refused(editor, demo_collection):
    error = refusal(editor, demo_collection, "role.docx", sample_files.excel_spreadsheet())
    assert error.startswith("This file is an Excel spreadsheet, not a Word document (.docx).")


def test_a_word_document_renamed_odt_is_refused(editor, demo_collection):
    error = refusal(editor, demo_collection, "agenda.odt", sample_files.word_document())
    assert error.startswith("This file is a Word document, not an OpenDocument text document (.odt).")


def test_a_word_document_with_macros_is_refused(editor, demo_collection):
    error = refusal(editor, demo_collection, "role.docx", sample_files.word_document(macros=True))
    assert error.startswith("This file contains macros (small programs)")


def test_a_damaged_file_is_refused(editor, demo_collection):
    error = refusal(editor, demo_collection, "minutes.pdf", b"\x13\x37 not much of anything \x00\x01")
    assert error.startswith("This file is not a PDF document, or it is damaged, although its name ends in .pdf.")


def test_a_web_page_renamed_txt_is_refused(editor, demo_collection):
    error = refusal(editor, demo_collection, "notes.txt", sample_files.WEB_PAGE)
    assert error.startswith("This file is a web page, not a plain text file (.txt).")


def test_a_picture_renamed_csv_is_refused(editor, demo_collection):
    error = refusal(editor, demo_collection, "expenses.csv", sample_files.picture())
    assert error.startswith("This file is a picture, not a CSV spreadsheet (.csv).")


def test_rtf_must_start_like_rtf(editor, demo_collection):
    error = refusal(editor, demo_collection, "letter.rtf", b"Just some words.\n")
    assert "not a Rich Text document (.rtf)" in error


def test_a_document_type_that_is_not_allowed_is_refused(editor, demo_collection):
    error = refusal(editor, demo_collection, "slides.pptx", sample_files.plain_zip())
    assert error == (
        "Files ending in .pptx cannot be uploaded. You can upload files ending in .csv, .docx, .odt, .pdf, .rtf, .txt, .vtt or .xlsx."
    )


@pytest.mark.parametrize(
    ("name", "content", "what"), [("page.html", sample_files.WEB_PAGE, "a web page"), ("setup.exe", sample_files.PROGRAM, "a program")]
)
def test_a_web_page_or_program_under_its_own_name_is_refused(editor, demo_collection, name, content, what):
    error = refusal(editor, demo_collection, name, content)
    assert error.startswith(f"This file is {what}. It cannot be uploaded as a document.")


def test_a_document_over_the_size_limit_gets_one_clear_message(editor, demo_collection):
    error = refusal(editor, demo_collection, "notes.txt", b"a" * (10 * 1024 * 1024 + 1))
    assert error.startswith("This file is too big (10.0\xa0MB). Documents can be at most 10.0\xa0MB.")


def test_a_refused_document_keeps_what_the_editor_typed(editor, demo_collection):
    response = add_document(editor, demo_collection, "minutes.pdf", sample_files.WEB_PAGE, title="Minutes of the May meeting")
    assert response.status_code == 200
    assert 'value="Minutes of the May meeting"' in response.text
    assert f'<option value="{demo_collection.pk}" selected>' in response.text
    assert "meetings" in response.text and "trustees" in response.text
    assert "This file is a web page, not a PDF document." in response.text


def test_the_multiple_uploader_refuses_by_content(editor, demo_collection):
    documents_before = Document.objects.count()
    response = editor.post(
        reverse("wagtaildocs:add_multiple"),
        {"collection": str(demo_collection.pk), "files[]": SimpleUploadedFile("minutes.pdf", sample_files.PROGRAM)},
    )
    answer = response.json()
    assert answer["success"] is False
    assert answer["error_message"].startswith("This file is a program, not a PDF document.")
    assert Document.objects.count() == documents_before


def test_the_chooser_in_the_page_editor_refuses_by_content(editor):
    documents_before = Document.objects.count()
    response = editor.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Minutes",
            "document-chooser-upload-file": SimpleUploadedFile("minutes.pdf", sample_files.WEB_PAGE),
        },
    )
    answer = response.json()
    assert answer["step"] == "reshow_creation_form"
    assert "This file is a web page, not a PDF document." in answer["htmlFragment"]
    assert Document.objects.count() == documents_before


# Serving -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("minutes.pdf", sample_files.PDF, "application/pdf"),
        ("notes.txt", b"Plain notes\n", "text/plain"),
        ("captions.vtt", sample_files.CAPTIONS, "text/vtt"),
        ("role.docx", sample_files.word_document(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ],
)
def test_every_document_is_served_as_a_download_the_browser_may_not_sniff(client, demo_collection, name, content, content_type):
    document = Document.objects.create(title=name, collection=demo_collection, file=ContentFile(content, name=name))
    response = client.get(f"/documents/{document.pk}/{document.filename}")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"].startswith(content_type)
    assert b"".join(response.streaming_content) == content


def test_a_document_in_a_private_collection_is_not_served_to_readers(client, users, demo_collection):
    private = Collection.get_first_root_node().add_child(name="Staff only")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    document = Document.objects.create(title="Staff rota", collection=private, file=ContentFile(b"Rota\n", name="rota.txt"))
    url = f"/documents/{document.pk}/{document.filename}"
    response = client.get(url)
    assert response.status_code == 302
    assert "/_util/login/?next=/documents/" in response["Location"]  # Wagtail asks the reader to sign in
    client.force_login(users["editor"])
    assert client.get(url).status_code == 200
