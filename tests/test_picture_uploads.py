"""Pictures are refused when too big, too many pixels (decompression bombs), SVG, or not pictures at all,
through the real admin upload views, with a message an editor understands; nothing is saved and
what the editor typed is kept."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images.models import Image

import pytest

from guidance_pages.models import GuideChapterPage
from tests import sample_files
from tests.test_editing import chapter_form, draftail

pytestmark = pytest.mark.django_db


def add_picture(client, collection, name, content, title="Group meeting"):
    """Upload on the "Add an image" page, as an editor fills it in."""
    data = {"title": title, "collection": str(collection.pk), "tags": "meetings, trustees", "file": SimpleUploadedFile(name, content)}
    return client.post(reverse("wagtailimages:add"), data)


def refusal_on_add_page(client, collection, name, content):
    """The error shown under the file field on the add page, checking nothing was saved."""
    images_before = Image.objects.count()
    response = add_picture(client, collection, name, content)
    assert response.status_code == 200, "the form comes back, not a redirect"
    assert Image.objects.count() == images_before
    errors = response.context["form"].errors["file"]
    assert len(errors) == 1, errors
    return errors[0]


def test_a_real_picture_is_accepted(editor, demo_collection):
    response = add_picture(editor, demo_collection, "meeting.png", sample_files.picture(), title="A new picture")
    assert response.status_code == 302
    image = Image.objects.get(title="A new picture")
    assert (image.width, image.height) == (40, 30)
    assert image.collection == demo_collection


def test_a_decompression_bomb_is_refused(editor, demo_collection):
    bomb = sample_files.decompression_bomb(30_000, 30_000)
    assert len(bomb) < 200_000  # tiny on disk, 900 million pixels once unpacked
    error = refusal_on_add_page(editor, demo_collection, "meeting.png", bomb)
    assert error.startswith("This picture has too many pixels. Pictures can have at most 40 million pixels")
    assert "Make it smaller in a photo app and upload it again." in error


def test_a_picture_over_the_pixel_limit_is_refused(editor, demo_collection):
    # 7000 × 7000 = 49 million pixels: under Pillow's own bomb limit, over ours (40 million).
    error = refusal_on_add_page(editor, demo_collection, "poster.png", sample_files.picture((7000, 7000)))
    assert "too many pixels" in error and "40 million" in error


def test_a_picture_over_the_size_limit_is_refused(editor, demo_collection):
    big = sample_files.noisy_picture(11 * 1024 * 1024)
    error = refusal_on_add_page(editor, demo_collection, "photo.png", big)
    assert error.startswith("This picture is too big (11.")
    assert "Pictures can be at most 10.0\xa0MB" in error


@pytest.mark.parametrize("name", ["drawing.svg", "drawing.png"])
def test_an_svg_drawing_is_refused_and_the_editor_is_told_why(editor, demo_collection, name):
    error = refusal_on_add_page(editor, demo_collection, name, sample_files.SVG)
    assert error.startswith("SVG drawings cannot be uploaded, because they can hide code")
    assert "Save the drawing as a PNG picture" in error


@pytest.mark.parametrize("name", ["photo.png", "photo.jpg"])
def test_a_web_page_renamed_as_a_picture_is_refused(editor, demo_collection, name):
    error = refusal_on_add_page(editor, demo_collection, name, sample_files.WEB_PAGE)
    assert error == "This file is a web page, not a picture. Upload a picture saved as GIF, JPEG, PNG or WebP."


def test_a_program_renamed_as_a_picture_is_refused(editor, demo_collection):
    error = refusal_on_add_page(editor, demo_collection, "photo.jpg", sample_files.PROGRAM)
    assert error.startswith("This file is a program, not a picture. Programs cannot be uploaded.")


def test_text_renamed_as_a_picture_is_refused(editor, demo_collection):
    error = refusal_on_add_page(editor, demo_collection, "photo.png", b"Dear group, see you on Monday.\n")
    assert error.startswith("This picture is damaged, or it is not a picture.")


def test_a_pdf_renamed_as_a_picture_is_refused(editor, demo_collection):
    error = refusal_on_add_page(editor, demo_collection, "scan.jpg", sample_files.PDF)
    assert error.startswith("This file is a PDF document, not a picture.")


def test_a_gif_named_png_is_refused_with_the_name_it_should_have(editor, demo_collection):
    error = refusal_on_add_page(editor, demo_collection, "smile.png", sample_files.picture(format="GIF"))
    assert error == "This picture is a GIF file, but its name ends in .png. Rename it to end in .gif and upload it again."


def test_a_picture_in_a_format_browsers_may_not_show_is_refused(editor, demo_collection):
    error = refusal_on_add_page(editor, demo_collection, "scan.tiff", sample_files.picture(format="TIFF"))
    assert error.startswith("This picture is saved as TIFF, which cannot be used on the website. Save it as GIF, JPEG, PNG or WebP")


def test_a_refused_picture_keeps_what_the_editor_typed(editor, demo_collection):
    response = add_picture(editor, demo_collection, "drawing.svg", sample_files.SVG, title="Our meeting room")
    assert response.status_code == 200
    form = response.context["form"]
    assert form["title"].value() == "Our meeting room"
    assert str(form["collection"].value()) == str(demo_collection.pk)
    assert 'value="Our meeting room"' in response.text
    assert f'<option value="{demo_collection.pk}" selected>' in response.text
    assert "meetings" in response.text and "trustees" in response.text  # the tags, still in the tag field
    assert "SVG drawings cannot be uploaded" in response.text


def test_the_multiple_uploader_refuses_a_bomb_with_the_same_message(editor, demo_collection):
    images_before = Image.objects.count()
    response = editor.post(
        reverse("wagtailimages:add_multiple"),
        {"collection": str(demo_collection.pk), "files[]": SimpleUploadedFile("meeting.png", sample_files.decompression_bomb())},
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert answer["error_message"].startswith("This picture has too many pixels.")
    assert Image.objects.count() == images_before


def test_the_add_page_explains_the_limits(editor):
    response = editor.get(reverse("wagtailimages:add"))
    assert "A picture saved as GIF, JPEG, PNG or WebP, at most 10.0\xa0MB and 40 million pixels." in response.text


def test_a_refused_upload_in_the_page_editor_leaves_the_chapter_draft_untouched(editor):
    chapter = GuideChapterPage.objects.filter(locale__language_code="en", live=True).first()
    data = chapter_form(chapter.get_parent(), [("paragraph", {})])
    data.update(title=chapter.title, slug=chapter.slug, summary="A summary I am still writing.")
    data["body-0-value"] = draftail("Half a paragraph")
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[chapter.pk]), data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    chapter.refresh_from_db()
    draft = chapter.latest_revision
    assert draft.content["summary"] == "A summary I am still writing."
    assert chapter.has_unpublished_changes
    images_before = Image.objects.count()

    # The image chooser opened from the chapter's image block, "Upload" tab.
    response = editor.post(
        reverse("wagtailimages_chooser:create"),
        {"image-chooser-upload-title": "Bomb", "image-chooser-upload-file": SimpleUploadedFile("x.png", sample_files.decompression_bomb())},
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["step"] == "reshow_creation_form"
    assert "This picture has too many pixels." in answer["htmlFragment"]
    assert Image.objects.count() == images_before

    chapter.refresh_from_db()
    assert chapter.latest_revision_id == draft.pk
    assert chapter.latest_revision.content == draft.content
    assert chapter.summary != "A summary I am still writing."  # still a draft, not published


def test_replacing_a_picture_with_a_bad_file_keeps_the_old_one(editor, users, demo_collection):
    image = Image.objects.create(
        title="Round table",
        collection=demo_collection,
        file=SimpleUploadedFile("table.png", sample_files.picture()),
        uploaded_by_user=users["editor"],  # editors may change the pictures they uploaded
    )
    old_file = image.file.name
    data = {
        "title": "Round table",
        "collection": str(demo_collection.pk),
        "tags": "",
        "file": SimpleUploadedFile("table.png", sample_files.SVG),
    }
    response = editor.post(reverse("wagtailimages:edit", args=[image.pk]), data)
    assert response.status_code == 200
    assert response.context["form"].errors["file"][0].startswith("SVG drawings cannot be uploaded")
    image.refresh_from_db()
    assert image.file.name == old_file
    assert image.file.storage.exists(old_file)
