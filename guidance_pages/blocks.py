"""The building blocks an editor puts a chapter together from, named in plain English."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtailmedia.blocks import AbstractMediaChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


def content_language_choices():
    """The site's content languages, read when the form is built so settings changes apply."""
    return settings.LANGUAGES


def _struct_error(field, message):
    return StructBlockValidationError(block_errors={field: ValidationError(message)})


class HeadingBlock(blocks.StructBlock):
    """A heading that starts a new part of the chapter; main headings appear in "On this page"."""

    text = blocks.CharBlock(label=_("Heading"), max_length=120, help_text=_("A few words that say what this part is about."))
    level = blocks.ChoiceBlock(
        label=_("Size"),
        choices=[("h2", _("Main heading")), ("h3", _("Smaller heading"))],
        default="h2",
        help_text=_("Main headings are listed under “On this page”. Use a smaller heading inside a part."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        description = _("A heading that starts a new part of the page.")
        template = "guidance_pages/blocks/heading.html"
        preview_value = {"text": "Before the first meeting", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    """Plain text with bold, italic, links and lists: nothing that breaks on a small phone."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", PARAGRAPH_FEATURES)
        kwargs.setdefault("help_text", _("Write short sentences. You can make words bold or italic, add links and make lists."))
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        description = _("Text, with bold, italic, links and lists.")
        template = "guidance_pages/blocks/paragraph.html"
        preview_value = "<p>Meet somewhere people already know, at a time that works around school and work.</p>"


class QuoteBlock(blocks.StructBlock):
    """Words from an Expert by Experience, credited by name or anonymous, as they chose."""

    text = blocks.TextBlock(label=_("What they said"), max_length=600, help_text=_("Their words, as they said them. Keep it short."))
    attribution = blocks.CharBlock(
        label=_("Who said it"),
        required=False,
        max_length=120,
        help_text=_("The name and role they agreed to, for example “Amira, group member”. Leave empty if they want to stay anonymous."),
    )
    anonymous = blocks.BooleanBlock(label=_("Anonymous"), required=False, help_text=_("Tick this if the person does not want to be named."))

    class Meta:
        icon = "openquote"
        label = _("Quote from an Expert by Experience")
        description = _("Words from a person with lived experience, with their name or anonymous.")
        template = "guidance_pages/blocks/quote.html"
        preview_value = {
            "text": "I was asked what I thought, and then I saw it change.",
            "attribution": "Amira, group member",
            "anonymous": False,
        }

    def clean(self, value):
        value = super().clean(value)
        if value["anonymous"] and value["attribution"]:
            raise _struct_error("attribution", _("Remove the name, or untick “Anonymous”."))
        if not value["anonymous"] and not value["attribution"]:
            raise _struct_error("attribution", _("Say who said it, or tick “Anonymous”."))
        return value


class KeyPointBlock(blocks.StructBlock):
    """A point readers must not miss, or a practical tip, shown in a highlighted box."""

    style = blocks.ChoiceBlock(
        label=_("Type"),
        choices=[("key_point", _("Key point")), ("tip", _("Tip"))],
        default="key_point",
        help_text=_("A key point is something readers must not miss. A tip is practical advice."),
    )
    text = blocks.TextBlock(label=_("Text"), max_length=400, help_text=_("One or two sentences."))

    class Meta:
        icon = "info-circle"
        label = _("Key point or tip")
        description = _("A highlighted point that readers must not miss.")
        template = "guidance_pages/blocks/key_point.html"
        preview_value = {"style": "key_point", "text": "Ask people how they want to be credited."}


class ChecklistBlock(blocks.StructBlock):
    """Things to check or have ready, shown as a list readers can tick through on paper."""

    title = blocks.CharBlock(
        label=_("Title"), required=False, max_length=120, help_text=_("Optional, for example “Before the first meeting”.")
    )
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("Item"), max_length=200),
        label=_("Items"),
        min_num=1,
        help_text=_("One thing to check on each line."),
    )

    class Meta:
        icon = "tasks"
        label = _("Checklist")
        description = _("A list of things to check or have ready.")
        template = "guidance_pages/blocks/checklist.html"
        preview_value = {
            "title": "Before the first meeting",
            "items": ["Book a quiet room", "Arrange an interpreter", "Plan how to pay travel costs"],
        }


class StepBlock(blocks.StructBlock):
    """One step in a set of numbered steps."""

    title = blocks.CharBlock(label=_("Step"), max_length=120, help_text=_("What to do, in a few words."))
    text = blocks.TextBlock(label=_("Details"), required=False, max_length=600, help_text=_("Optional: one or two sentences more."))

    class Meta:
        icon = "order"
        label = _("Step")


class StepsBlock(blocks.StructBlock):
    """Numbered steps, for things that must happen in order."""

    title = blocks.CharBlock(
        label=_("Title"), required=False, max_length=120, help_text=_("Optional, for example “How to invite someone”.")
    )
    steps = blocks.ListBlock(StepBlock(), label=_("Steps"), min_num=1, help_text=_("Add one step for each thing to do, in order."))

    class Meta:
        icon = "list-ol"
        label = _("Numbered steps")
        description = _("Steps that must happen in order, numbered for you.")
        template = "guidance_pages/blocks/steps.html"
        preview_value = {
            "title": "How to invite someone",
            "steps": [{"title": "Have an informal chat", "text": ""}, {"title": "Share the role description", "text": ""}],
        }


class QuestionAnswerBlock(blocks.StructBlock):
    """A question people often ask, with its answer."""

    question = blocks.CharBlock(label=_("Question"), max_length=200, help_text=_("Write it the way people ask it."))
    answer = ParagraphBlock(label=_("Answer"), help_text=_("A short, direct answer."))

    class Meta:
        icon = "help"
        label = _("Question and answer")
        description = _("A question people often ask, with its answer.")
        template = "guidance_pages/blocks/question_answer.html"
        preview_value = {"question": "Do trustees get paid?", "answer": "<p>No, but their travel and other costs are always paid back.</p>"}


class ImageBlock(blocks.StructBlock):
    """A picture with a description for people who cannot see it, unless it is only decoration."""

    image = ImageChooserBlock(label=_("Image"), help_text=_("Choose a picture from the library, or upload a new one."))
    alt_text = blocks.CharBlock(
        label=_("Describe the image"),
        required=False,
        max_length=250,
        help_text=_("Say what the picture shows, for people who cannot see it. For example: “Five people talking round a table”."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative image"),
        required=False,
        help_text=_("Tick this only if the picture adds nothing to the text. Screen readers will skip it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250, help_text=_("Optional text shown under the picture."))

    class Meta:
        icon = "image"
        label = _("Image")
        description = _("A picture, with a description for people who cannot see it.")
        template = "guidance_pages/blocks/image.html"

    def clean(self, value):
        value = super().clean(value)
        if value["decorative"] and value["alt_text"]:
            raise _struct_error("alt_text", _("Remove the description, or untick “Decorative image”."))
        if not value["decorative"] and not value["alt_text"].strip():
            raise _struct_error("alt_text", _("Describe the image, or tick “Decorative image”."))
        return value


class MediaFileChooserBlock(AbstractMediaChooserBlock):
    """Chooses a video or audio file uploaded to this site (never one hosted elsewhere)."""

    def render_basic(self, value, context=None):
        # Used only by the revision comparison view: the file's title says which file it is.
        return value.title if value else ""


class CaptionTrackBlock(blocks.StructBlock):
    """A WebVTT captions file for a video or audio, in one language."""

    language = blocks.ChoiceBlock(label=_("Language"), choices=content_language_choices, help_text=_("The language of the captions."))
    file = DocumentChooserBlock(label=_("Captions file"), help_text=_("A WebVTT file (ending in .vtt), uploaded under Documents."))

    class Meta:
        icon = "doc-full"
        label = _("Captions")

    def clean(self, value):
        value = super().clean(value)
        document = value["file"]
        if document is not None and not document.file.name.lower().endswith(".vtt"):
            raise _struct_error("file", _("Captions must be a WebVTT file whose name ends in .vtt."))
        return value


class MediaBlock(blocks.StructBlock):
    """A video or audio file from this site, with captions and a written transcript."""

    media = MediaFileChooserBlock(
        label=_("Video or audio"), help_text=_("Upload it under Media first. Files from other websites are not allowed.")
    )
    title = blocks.CharBlock(label=_("Title"), max_length=150, help_text=_("What it is, in a few words."))
    captions = blocks.ListBlock(
        CaptionTrackBlock(),
        label=_("Captions"),
        required=False,
        help_text=_("Add a captions file for each language you have. People who cannot hear need them."),
    )
    transcript = blocks.TextBlock(
        label=_("Transcript"),
        help_text=_("Everything that is said, written out. Readers with little data can read it instead."),
    )

    class Meta:
        icon = "media"
        label = _("Video or audio")
        description = _("A video or audio file with captions and a written transcript.")
        template = "guidance_pages/blocks/media.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["caption_tracks"] = caption_tracks(value)
        return context


def caption_tracks(value):
    """Every captions file for the block's video or audio: those listed in the block, then those
    translators attached to the file for other languages (one per language, the block's first)."""
    tracks, languages = [], set()
    for caption in value.get("captions") or []:
        if caption["file"] is not None and caption["language"] not in languages:
            tracks.append({"language": caption["language"], "url": caption["file"].url})
            languages.add(caption["language"])
    media = value.get("media")
    if media is not None:
        for track in media.caption_tracks.all():
            if track.language not in languages:
                tracks.append({"language": track.language, "url": track.file.url})
                languages.add(track.language)
    return tracks


class DocumentBlock(blocks.StructBlock):
    """A file for readers to download, such as a template or a form."""

    document = DocumentChooserBlock(label=_("File"), help_text=_("Upload it under Documents first."))
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=150, help_text=_("Leave empty to use the file's own title."))
    description = blocks.CharBlock(
        label=_("Description"), required=False, max_length=250, help_text=_("One sentence on what the file is for.")
    )

    class Meta:
        icon = "doc-full-inverse"
        label = _("Document download")
        description = _("A file for readers to download, such as a template.")
        template = "guidance_pages/blocks/document.html"


class LinkBlock(blocks.StructBlock):
    """A link to a page on this site or to another website."""

    page = blocks.PageChooserBlock(label=_("Page on this site"), required=False, help_text=_("Choose a page on this site …"))
    url = blocks.URLBlock(label=_("Or another website"), required=False, help_text=_("… or paste a web address starting with https://"))
    text = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=150,
        help_text=_("Words that say where the link goes. Leave empty to use the page title."),
    )

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        value = super().clean(value)
        if value["page"] and value["url"]:
            raise _struct_error("url", _("Choose a page or type a web address, not both."))
        if not value["page"] and not value["url"]:
            raise _struct_error("page", _("Choose a page or type a web address."))
        if value["url"] and not value["text"]:
            raise _struct_error("text", _("Add link text that says where the link goes."))
        return value


class RelatedLinksBlock(blocks.StructBlock):
    """A short list of links to read next."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120, help_text=_("Optional, for example “Read next”."))
    links = blocks.ListBlock(LinkBlock(), label=_("Links"), min_num=1, help_text=_("Add one link for each page to read next."))

    class Meta:
        icon = "link"
        label = _("Related links")
        description = _("A short list of links to read next.")
        template = "guidance_pages/blocks/related_links.html"


class GuideBodyBlock(blocks.StreamBlock):
    """Everything a chapter or a standard page can be made of."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    key_point = KeyPointBlock()
    checklist = ChecklistBlock()
    steps = StepsBlock()
    question_answer = QuestionAnswerBlock()
    image = ImageBlock()
    media = MediaBlock()
    document = DocumentBlock()
    related_links = RelatedLinksBlock()

    class Meta:
        label = _("Page content")
