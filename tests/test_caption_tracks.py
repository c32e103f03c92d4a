"""Captions per language attached to a video or audio file: each language's translators add their
own, and readers in every language get every track in the native player, with the transcript."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Locale
from wagtailmedia.models import Media

import pytest

from guidance_pages.blocks import MediaBlock
from guidance_pages.models import CaptionTrack, GuideChapterPage

pytestmark = pytest.mark.django_db

ADD_URL = reverse("wagtailsnippets_guidance_pages_captiontrack:add")
ARABIC_CAPTIONS = "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nمرحبا بكم في مجموعة الخبراء بالتجربة.\n".encode()


@pytest.fixture
def chapter_with_audio():
    """The demo chapter with the welcome message from the EBE group, and its audio file."""
    for chapter in GuideChapterPage.objects.filter(locale__language_code="en"):
        for block in chapter.body:
            if block.block_type == "media":
                return chapter, block.value["media"]
    pytest.fail("the demo has no chapter with a video or audio")


def vtt(content=ARABIC_CAPTIONS, name="welcome.ar.vtt"):
    return SimpleUploadedFile(name, content, content_type="text/vtt")


def add_captions(client, user, media, language, upload):
    client.force_login(user)
    return client.post(ADD_URL, {"media": media.pk, "language": language, "file": upload})


def test_an_arabic_translator_adds_arabic_captions_to_the_audio(client, users, chapter_with_audio):
    _chapter, media = chapter_with_audio
    response = add_captions(client, users["translator-ar"], media, "ar", vtt())
    assert response.status_code == 302
    track = CaptionTrack.objects.get(media=media, language="ar")
    assert track.file.read().startswith(b"WEBVTT")


def test_readers_in_every_language_get_every_caption_track(client, users, chapter_with_audio):
    chapter, media = chapter_with_audio
    english_page = client.get(chapter.url).text  # now in the page cache
    assert 'srclang="en"' in english_page and 'srclang="ar"' not in english_page
    assert add_captions(client, users["translator-ar"], media, "ar", vtt()).status_code == 302
    client.logout()
    english_page = client.get(chapter.url).text
    assert 'srclang="en"' in english_page
    assert 'srclang="ar"' in english_page and 'label="العربيّة"' in english_page
    # The guide is not translated yet: Arabic readers get it in English under /ar/, and their
    # player starts with the Arabic captions.
    assert chapter.get_translation_or_none(Locale.objects.get(language_code="ar")) is None
    arabic_page = client.get("/ar/" + chapter.url.removeprefix("/en/")).text
    assert 'srclang="ar" label="العربيّة" default' in arabic_page
    assert 'srclang="en"' in arabic_page and 'srclang="en" label="English" default' not in arabic_page


def test_the_player_is_the_browsers_own_with_a_transcript(client, chapter_with_audio):
    chapter, media = chapter_with_audio
    page = client.get(chapter.url).text
    # Sound with captions plays in a <video>: browsers show captions in no other element.
    assert '<video controls preload="none" class="media-sound-with-captions">' in page
    assert "<audio" not in page
    assert f'<a href="{media.url}">Download the recording</a>' in page  # for browsers that cannot play it
    assert 'class="transcript"' in page
    assert "youtube" not in page.lower() and "vimeo" not in page.lower()


def test_sound_without_any_captions_plays_in_an_audio_element(chapter_with_audio):
    _chapter, media = chapter_with_audio
    media.caption_tracks.all().delete()
    block = MediaBlock()
    html = block.render(block.to_python({"media": media.pk, "title": "A welcome", "captions": [], "transcript": "Hello."}))
    assert "<audio controls" in html and "<video" not in html and "<track" not in html


def test_a_translator_cannot_add_captions_in_another_language(client, users, chapter_with_audio):
    _chapter, media = chapter_with_audio
    response = add_captions(client, users["translator-ar"], media, "fr", vtt())
    assert response.status_code == 200
    assert not CaptionTrack.objects.filter(language="fr").exists()
    form = response.context["form"]
    assert [code for code, _name in form.fields["language"].choices if code] == ["ar"]


def test_a_translator_cannot_change_another_languages_captions(client, users, chapter_with_audio):
    _chapter, media = chapter_with_audio
    add_captions(client, users["translator-uk"], media, "uk", vtt(b"WEBVTT\n", "uk.vtt"))
    track = CaptionTrack.objects.get(language="uk")
    client.force_login(users["translator-ar"])
    response = client.post(
        reverse("wagtailsnippets_guidance_pages_captiontrack:edit", args=[track.pk]),
        {"media": media.pk, "language": "ar", "file": vtt()},
    )
    assert response.status_code == 200
    assert "only in the language you translate into" in response.text
    track.refresh_from_db()
    assert track.language == "uk"


def test_an_editor_may_add_captions_in_any_language(client, users, chapter_with_audio):
    _chapter, media = chapter_with_audio
    assert add_captions(client, users["editor"], media, "uk", vtt(b"WEBVTT\n", "uk.vtt")).status_code == 302


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (vtt(name="captions.srt"), "Captions must be a WebVTT file whose name ends in .vtt."),
        (vtt(b"1\n00:00:00,000 --> 00:00:04,000\nHello\n"), "its first line must be “WEBVTT”"),
        (vtt("WEBVTT\n\ncafé".encode("latin-1")), "not saved as UTF-8 text"),
        (vtt(b"WEBVTT\n" + b"a" * (600 * 1024)), "too big to be captions"),
        (vtt(b""), "The submitted file is empty."),
    ],
    ids=["wrong-extension", "srt-content", "latin-1", "huge", "empty"],
)
def test_a_bad_captions_file_is_refused_with_a_clear_message(client, users, chapter_with_audio, unchanged, upload, message):
    _chapter, media = chapter_with_audio
    response = add_captions(client, users["translator-ar"], media, "ar", upload)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_second_track_in_the_same_language_is_refused(client, users, chapter_with_audio):
    _chapter, media = chapter_with_audio
    assert add_captions(client, users["translator-ar"], media, "ar", vtt()).status_code == 302
    response = add_captions(client, users["translator-ar"], media, "ar", vtt())
    assert response.status_code == 200
    assert "already has captions in this language" in response.content.decode()
    assert CaptionTrack.objects.filter(media=media, language="ar").count() == 1


def test_captions_go_with_their_media_file(users, chapter_with_audio):
    _chapter, media = chapter_with_audio
    CaptionTrack.objects.create(media=media, language="ar", file=vtt())
    Media.objects.filter(pk=media.pk).delete()
    assert not CaptionTrack.objects.exists()
