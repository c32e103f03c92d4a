"""For the working-offline tests: a chapter using every block, translators' clients, and upload helpers."""

import html
import io
import uuid
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object
from wagtailmedia.models import Media

from guidance_pages.models import GuideChapterPage, GuidePage

GUIDE_SLUG = "recruiting-trustees-with-lived-experience"


def items(*values):
    """List items the way the page editor saves them (with ids); wagtail-localize skips the old plain-list form."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def every_block_body(image, document, media, caption_file):
    """A chapter body with one of each block, every text field filled, rich text with formatting and a link."""
    return [
        {"type": "heading", "value": {"text": "Before you start", "level": "h2"}},
        {
            "type": "paragraph",
            "value": '<p>Ask <b>everyone</b> how they want to be <i>credited</i>, and read <a href="https://example.org/">our policy</a>.</p>',
        },
        {"type": "quote", "value": {"text": "Nobody asked me before.", "attribution": "Amira, group member", "anonymous": False}},
        {"type": "key_point", "value": {"style": "tip", "text": "Pay expenses on the day."}},
        {"type": "checklist", "value": {"title": "Bring with you", "items": items("Bus fares in cash", "A printed agenda")}},
        {
            "type": "steps",
            "value": {
                "title": "How to invite someone",
                "steps": items({"title": "Call them first", "text": "Explain what the group does."}),
            },
        },
        {"type": "question_answer", "value": {"question": "Will I be paid?", "answer": "<p>Yes, for <b>every</b> meeting.</p>"}},
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": "Five people round a table", "decorative": False, "caption": "Our spring meeting"},
        },
        {"type": "document", "value": {"document": document.pk, "title": "Expenses form", "description": "Fill it in after each meeting."}},
        {
            "type": "media",
            "value": {
                "media": media.pk,
                "title": "A welcome message",
                "transcript": "Hello and welcome to the group.",
                "captions": [{"language": "en", "file": caption_file.pk}],
            },
        },
        {
            "type": "related_links",
            "value": {"title": "Read next", "links": items({"page": None, "url": "https://example.org/help", "text": "Where to get help"})},
        },
    ]


def chapter_with_every_block():
    """A published English chapter of the demo's translated guide using every block; and its Arabic translation."""
    guide = GuidePage.objects.get(locale__language_code="en", slug=GUIDE_SLUG)
    caption_file = Document.objects.filter(file__endswith=".vtt").first()
    chapter = GuideChapterPage(
        title="Every kind of block",
        slug="every-kind-of-block",
        summary="A chapter that uses each block once.",
        content_note="Talks about money.",
        body=every_block_body(
            Image.objects.first(), Document.objects.exclude(pk=caption_file.pk).first(), Media.objects.first(), caption_file
        ),
    )
    guide.add_child(instance=chapter)
    chapter.save_revision().publish()
    arabic = Locale.objects.get(language_code="ar")
    translate_object(chapter, [arabic])
    translation = Translation.objects.get(source__object_id=chapter.translation_key, target_locale=arabic)
    return chapter, translation


def translated(number, text):
    """A recognisable Arabic translation of one string that keeps the English formatting tags."""
    return f"ترجمة {number}: {text}"


def marker(number):
    return f"ترجمة {number}:"


def translate_catalog(catalog):
    """Fills every msgstr; returns the markers that must show on the public page (the slug cannot)."""
    shown = []
    for number, entry in enumerate(entry for entry in catalog if not entry.obsolete):
        if entry.msgctxt == "slug":
            entry.msgstr = f"{entry.msgid}-ar"
            continue
        entry.msgstr = translated(number, entry.msgid)
        shown.append(marker(number))
    return shown


def public_text(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def saved_strings(translation):
    """Every translated string saved for this translation's page, to prove an upload changed nothing."""
    return sorted(
        StringTranslation.objects.filter(locale=translation.target_locale, context__object_id=translation.source.object_id).values_list(
            "pk", "data", "translation_of_id"
        )
    )


def all_saved_strings():
    return sorted(StringTranslation.objects.values_list("pk", "data", "locale_id"))


def zip_of(files):
    """A ZIP (bytes) of {name: bytes or str}."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def upload_offline(client, content, name="translations.zip", language="ar"):
    """Posts a file to the "Work offline" page's upload form."""
    return client.post("/admin/work-offline/", {"language": language, "file": SimpleUploadedFile(name, content)})


def shown_messages(response):
    from django.contrib.messages import get_messages

    return [str(message) for message in get_messages(response.wsgi_request)]


def sync_english(chapter):
    """An editor changes the English and syncs translations: files downloaded before are now stale."""
    chapter.summary = "A chapter that uses each block once, now changed."
    chapter.save_revision().publish()
    source = TranslationSource.objects.get(object_id=chapter.translation_key, locale=chapter.locale)
    source.update_from_db()
    return source
