"""The blocks refuse what would hurt readers, with messages an editor understands."""

import re

from django.core.files.base import ContentFile

from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.models import Document
from wagtail.images.models import Image

import pytest

from guidance_pages.blocks import CaptionTrackBlock, GuideBodyBlock, ImageBlock, LinkBlock, QuoteBlock


def error_text(error):
    return " ".join(str(message) for block_error in error.value.block_errors.values() for message in block_error.messages)


@pytest.fixture
def picture(db):
    return Image.objects.first()


def image_value(picture, **overrides):
    block = ImageBlock()
    return block.to_python({"image": picture.pk, "alt_text": "", "decorative": False, "caption": "", **overrides})


def test_an_image_needs_a_description(picture):
    with pytest.raises(StructBlockValidationError) as error:
        ImageBlock().clean(image_value(picture))
    assert "Describe the image, or tick “Decorative image”." in error_text(error)


def test_a_decorative_image_needs_no_description_and_is_hidden_from_screen_readers(picture):
    value = ImageBlock().clean(image_value(picture, decorative=True))
    html = ImageBlock().render(value)
    assert 'alt=""' in html


def test_a_decorative_image_cannot_also_have_a_description(picture):
    with pytest.raises(StructBlockValidationError) as error:
        ImageBlock().clean(image_value(picture, decorative=True, alt_text="A table"))
    assert "untick “Decorative image”" in error_text(error)


def test_an_image_description_is_its_alt_text(picture):
    html = ImageBlock().render(ImageBlock().clean(image_value(picture, alt_text="Five people <b>talking</b>")))
    assert 'alt="Five people &lt;b&gt;talking&lt;/b&gt;"' in html


@pytest.mark.parametrize(
    ("attribution", "anonymous", "message"),
    [("", False, "Say who said it, or tick “Anonymous”."), ("Amira", True, "Remove the name, or untick “Anonymous”.")],
)
def test_a_quote_is_credited_or_anonymous_never_both_or_neither(attribution, anonymous, message):
    block = QuoteBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"text": "It mattered.", "attribution": attribution, "anonymous": anonymous}))
    assert message in error_text(error)


def test_an_anonymous_quote_says_so_instead_of_a_name():
    block = QuoteBlock()
    html = block.render(block.clean(block.to_python({"text": "It mattered.", "attribution": "", "anonymous": True})))
    assert "asked not to be named" in html


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"page": None, "url": "", "text": "Read more"}, "Choose a page or type a web address."),
        ({"page": None, "url": "https://example.org/", "text": ""}, "Add link text"),
    ],
)
def test_a_link_needs_a_target_and_words(value, message):
    block = LinkBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(value))
    assert message in error_text(error)


def test_captions_must_be_a_webvtt_file(db):
    not_captions = Document.objects.create(title="notes", file=ContentFile(b"hello", name="notes.txt"))
    block = CaptionTrackBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"language": "en", "file": not_captions.pk}))
    assert "WebVTT" in error_text(error)


def test_paragraphs_offer_only_bold_italic_links_and_lists():
    paragraph = GuideBodyBlock().child_blocks["paragraph"]
    assert sorted(paragraph.features) == ["bold", "italic", "link", "ol", "ul"]


def test_every_block_explains_itself_in_the_block_picker():
    for name, block in GuideBodyBlock().child_blocks.items():
        assert block.meta.label, name
        assert block.meta.description, name
        assert block.meta.template == f"guidance_pages/blocks/{name}.html", name


def test_images_are_responsive_avif_and_webp_with_their_size_and_lazy(picture):
    html = ImageBlock().render(ImageBlock().clean(image_value(picture, alt_text="A table")))
    assert 'type="image/avif"' in html and 'type="image/webp"' in html
    assert " 360w" in html and " 720w" in html
    assert 'loading="lazy"' in html
    assert re.search(r'<img [^>]*width="\d+"', html) and re.search(r'<img [^>]*height="\d+"', html)
