"""Video, audio and their captions: accepted for what they contain, and broken captions refused with
the line to fix."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from wagtail.documents.models import Document
from wagtailmedia.models import Media

import pytest

from tests import sample_files

pytestmark = pytest.mark.django_db


def add_media(client, collection, media_type, name, content, thumbnail=None, title="Welcome from the group"):
    data = {"title": title, "collection": str(collection.pk), "duration": "1", "tags": "welcome", "file": SimpleUploadedFile(name, content)}
    if thumbnail:
        data["thumbnail"] = SimpleUploadedFile(*thumbnail)
    return client.post(reverse("wagtailmedia:add", args=[media_type]), data)


def refusal(client, collection, media_type, name, content, field="file", thumbnail=None):
    """The one error shown for a refused upload, checking nothing was saved."""
    media_before = Media.objects.count()
    response = add_media(client, collection, media_type, name, content, thumbnail=thumbnail)
    assert response.status_code == 200, "the form comes back, not a redirect"
    assert Media.objects.count() == media_before
    form = response.context["form"]
    assert not form.non_field_errors(), form.non_field_errors()
    errors = form.errors[field]
    assert len(errors) == 1, errors
    assert 'value="Welcome from the group"' in response.text  # what the editor typed is kept
    return errors[0]


def test_a_real_sound_recording_is_accepted(editor, demo_collection):
    response = add_media(editor, demo_collection, "audio", "welcome.wav", sample_files.sound(), title="A real recording")
    assert response.status_code == 302
    assert Media.objects.get(title="A real recording").type == "audio"


def test_a_video_with_a_picture_to_show_before_it_plays_is_accepted(editor, demo_collection):
    thumbnail = ("still.png", sample_files.picture())
    response = add_media(editor, demo_collection, "video", "welcome.mp4", sample_files.mp4_start(), thumbnail=thumbnail, title="A video")
    assert response.status_code == 302, response.context and response.context["form"].errors
    assert Media.objects.get(title="A video").thumbnail.name.endswith(".png")


def test_a_recording_with_the_wrong_ending_is_refused_with_the_right_one(editor, demo_collection):
    error = refusal(editor, demo_collection, "audio", "welcome.mp3", sample_files.sound())
    assert error == "This file is saved as WAV, but its name ends in .mp3. Rename it to end in .wav and upload it again."


def test_a_web_page_renamed_as_a_video_is_refused(editor, demo_collection):
    error = refusal(editor, demo_collection, "video", "welcome.mp4", sample_files.WEB_PAGE)
    assert error == "This file is a web page, not a video. Save it as a video and upload it again."


def test_a_program_renamed_as_audio_is_refused(editor, demo_collection):
    error = refusal(editor, demo_collection, "audio", "welcome.mp3", sample_files.PROGRAM)
    assert error.startswith("This file is a program, not an audio file. Programs cannot be uploaded")


def test_a_video_type_that_is_not_allowed_is_refused(editor, demo_collection):
    error = refusal(editor, demo_collection, "video", "welcome.mov", sample_files.mp4_start())
    assert error == "Files ending in .mov cannot be uploaded as video. You can upload video files ending in .mp4, .webm or .ogv."


def test_a_recording_over_the_size_limit_is_refused(editor, demo_collection):
    with override_settings(MEDIA_MAX_UPLOAD_SIZE=10_000):
        error = refusal(editor, demo_collection, "audio", "welcome.wav", sample_files.sound())
    assert error.startswith("This file is too big (15.7\xa0KB). Video and audio files can be at most 9.8\xa0KB.")


@pytest.mark.parametrize(
    ("thumbnail", "message"),
    [
        (("still.png", sample_files.WEB_PAGE), "This file is a web page, not a picture."),
        (("still.svg", sample_files.SVG), "SVG drawings cannot be uploaded"),
        (("still.png", sample_files.decompression_bomb()), "This picture has too many pixels."),
    ],
)
def test_a_thumbnail_must_be_a_real_picture(editor, demo_collection, thumbnail, message):
    error = refusal(editor, demo_collection, "video", "welcome.mp4", sample_files.mp4_start(), field="thumbnail", thumbnail=thumbnail)
    assert error.startswith(message)


def test_the_chooser_in_the_page_editor_refuses_by_content(editor, demo_collection):
    media_before = Media.objects.count()
    response = editor.post(
        reverse("wagtailmedia:chooser_upload", args=["audio"]),
        {
            "media-chooser-upload-title": "Welcome",
            "media-chooser-upload-collection": str(demo_collection.pk),
            "media-chooser-upload-duration": "1",
            "media-chooser-upload-file": SimpleUploadedFile("welcome.mp3", sample_files.WEB_PAGE),
        },
    )
    assert response.status_code == 200
    assert "This file is a web page, not an audio file." in response.json()["html"]
    assert Media.objects.count() == media_before


# Captions: WebVTT files uploaded as documents and chosen in a video or audio block -------------

BROKEN_CAPTIONS = {
    "no header": (
        b"00:00:01.000 --> 00:00:04.000\nWelcome.\n",
        "The first line of a captions file must be the word WEBVTT, but line 1 is “00:00:01.000 --> 00:00:04.000”.",
    ),
    "an SRT file": (
        b"1\n00:00:01,000 --> 00:00:04,000\nWelcome.\n",
        "This is an SRT subtitles file, not WebVTT. Convert it to WebVTT",
    ),
    "a comma in a time": (
        b"WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nWelcome.\n\n00:00:04,000 --> 00:00:08,000\nHello.\n",
        "Line 6 uses a comma before the milliseconds (“00:00:04,000 --> 00:00:08,000”). WebVTT needs a full stop",
    ),
    "a broken timing": (
        b"WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nWelcome.\n\n00:00:04.000 -> 00:00:08.000\nHello.\n\n00:00:08 --> 00:00:09.000\nBye.\n",
        "Line 9 is not a valid caption timing: “00:00:08 --> 00:00:09.000”. Write the start and end time like this: 00:01:02.500 --> 00:01:05.000",
    ),
    "sixty-one seconds": (
        b"WEBVTT\n\n00:00:61.000 --> 00:01:04.000\nWelcome.\n",
        "Line 3 is not a valid caption timing",
    ),
    "an end before the start": (
        b"WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nWelcome.\n",
        "On line 3 the caption ends before it starts (“00:00:05.000 --> 00:00:02.000”).",
    ),
    "two captions run together": (
        b"WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nWelcome.\n00:00:04.000 --> 00:00:08.000\nHello.\n",
        "Leave an empty line before line 5: each caption must be separated from the one before by an empty line.",
    ),
    "not UTF-8": (
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nBienvenue au café.\n".encode("latin-1"),
        "This captions file is not saved as UTF-8 text (the first problem is on line 4). Open it in a text editor, save it with the encoding “UTF-8”",
    ),
    "no captions": (b"WEBVTT\n\nNOTE nothing here yet\n", "This captions file has no captions in it."),
    "a web page": (sample_files.WEB_PAGE, "This file is a web page, not a WebVTT captions file (.vtt)."),
}


@pytest.mark.parametrize("case", list(BROKEN_CAPTIONS))
def test_broken_captions_are_refused_saying_what_is_wrong(editor, demo_collection, case):
    content, message = BROKEN_CAPTIONS[case]
    documents_before = Document.objects.count()
    response = editor.post(
        reverse("wagtaildocs:add"),
        {"title": "Captions", "collection": str(demo_collection.pk), "file": SimpleUploadedFile("welcome.en.vtt", content)},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert len(errors) == 1 and errors[0].startswith(message), errors
    assert Document.objects.count() == documents_before


@pytest.mark.parametrize(
    "content",
    [
        sample_files.CAPTIONS,
        b"\xef\xbb\xbfWEBVTT - Welcome\r\n\r\n1\r\n00:01.000 --> 00:04.000 align:start\r\nWelcome.\r\n",
        b"WEBVTT\n\nNOTE made by hand\n\nintro\n00:00:01.000 --> 00:00:04.000\n<v Amira>Welcome.\n",
    ],
    ids=["arabic", "title-bom-crlf-settings", "note-and-name"],
)
def test_valid_captions_are_accepted(editor, demo_collection, content):
    response = editor.post(
        reverse("wagtaildocs:add"),
        {"title": "Good captions", "collection": str(demo_collection.pk), "file": SimpleUploadedFile("welcome.vtt", content)},
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    assert Document.objects.filter(title="Good captions").exists()


def test_broken_captions_uploaded_from_the_page_editor_are_refused_with_the_line(editor):
    response = editor.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Captions",
            "document-chooser-upload-file": SimpleUploadedFile("welcome.vtt", BROKEN_CAPTIONS["an end before the start"][0]),
        },
    )
    answer = response.json()
    assert answer["step"] == "reshow_creation_form"
    assert "On line 3 the caption ends before it starts" in answer["htmlFragment"]
