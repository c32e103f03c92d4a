"""Every field and block an editor fills in explains itself, and rich text offers only bold, italic, links and lists."""

from django.apps import apps
from django.db import models
from django.utils.functional import Promise

from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, get_page_models

import pytest

from guidance_pages.blocks import GuideBodyBlock

ALLOWED_RICH_TEXT = {"bold", "italic", "link", "ol", "ul"}
OUR_APPS = {"guidance_pages", "plain_english", "feedback", "editorial", "localisation"}
# Wagtail's own Page fields (title, slug, SEO, scheduling) come with Wagtail's help text.
WAGTAIL_PAGE_FIELDS = {field.name for field in Page._meta.get_fields()}
FIELD_BLOCKS = (blocks.FieldBlock, blocks.ChooserBlock)


def our_models():
    """Our models that editors fill in: page types, and models with editing panels (snippets, inline forms)."""
    return [
        model for model in apps.get_models() if model._meta.app_label in OUR_APPS and (issubclass(model, Page) or "panels" in vars(model))
    ]


def our_page_models():
    return [model for model in get_page_models() if model._meta.app_label in OUR_APPS]


def edited_fields(model):
    """Fields an editor fills in: editable, not Wagtail's own, not keys the admin sets itself."""
    for field in model._meta.get_fields():
        if not isinstance(field, models.Field) or not field.editable or field.auto_created:
            continue
        if field.name in WAGTAIL_PAGE_FIELDS or field.name in {"locale", "translation_key", "page", "sort_order"}:
            continue
        if isinstance(field, models.ForeignKey) and field.related_model is Page:
            continue
        yield field


def walk_blocks(block, path):
    """Every block inside a block, with a path that names it in a failure message."""
    yield block, path
    if isinstance(block, (blocks.StreamBlock, blocks.StructBlock)):
        for name, child in block.child_blocks.items():
            yield from walk_blocks(child, f"{path}.{name}")
    elif isinstance(block, blocks.ListBlock):
        yield from walk_blocks(block.child_block, f"{path}[]")


def every_block():
    found = list(walk_blocks(GuideBodyBlock(), "GuideBodyBlock"))
    for model in our_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                found += list(walk_blocks(field.stream_block, f"{model.__name__}.{field.name}"))
    return found


def help_text_of(block):
    return getattr(block.meta, "help_text", None) or getattr(getattr(block, "field", None), "help_text", None)


def struct_children(block):
    return block.child_blocks.items() if isinstance(block, blocks.StructBlock) else []


def test_the_walk_finds_the_blocks_and_fields_editors_use():
    paths = {path for _block, path in every_block()}
    assert {"GuideBodyBlock.image.alt_text", "GuideBodyBlock.steps.steps[].text", "GuidePage.key_points.point"} <= paths
    fields = {(model.__name__, field.name) for model in our_models() for field in edited_fields(model)}
    assert {("GuideChapterPage", "summary"), ("GlossaryTerm", "definition"), ("PreferredTerm", "avoid")} <= fields


@pytest.mark.parametrize("model", our_models(), ids=lambda model: model.__name__)
def test_every_field_an_editor_fills_in_has_a_label_and_help_text(model):
    missing = []
    for field in edited_fields(model):
        if not field.help_text and not field.choices:
            missing.append(f"{field.name}: no help text")
        if not isinstance(field.verbose_name, Promise):
            # Django's default label, made from the code name: nobody chose (translatable) words for editors.
            missing.append(f"{field.name}: no label chosen")
    assert not missing, f"{model.__name__}: {missing}"


def test_every_block_has_a_label_chosen_for_editors():
    # Without one, Wagtail makes a label from the code name, which is neither plain nor translated.
    # A field's own stream of blocks is labelled by the field (tested above).
    field_streams = {f"{model.__name__}.{field.name}" for model in our_models() for field in model._meta.get_fields()}
    missing = [path for block, path in every_block() if path not in field_streams and not isinstance(block.meta.label, Promise)]
    assert not missing


def test_every_field_inside_a_block_has_help_text():
    """Each box in a block says what to put in it; lists say it once for all their items."""
    missing = []
    for block, path in every_block():
        for name, child in struct_children(block):
            if isinstance(child, blocks.ListBlock):
                if not help_text_of(child) and not help_text_of(child.child_block):
                    missing.append(f"{path}.{name}")
            elif isinstance(child, FIELD_BLOCKS) and not help_text_of(child):
                missing.append(f"{path}.{name}")
    assert not missing


def rich_text_features():
    """(where, features) for every rich text field and block in our models."""
    found = []
    for model in our_models():
        for field in model._meta.get_fields():
            if isinstance(field, RichTextField):
                found.append((f"{model.__name__}.{field.name}", field.features))
    for block, path in every_block():
        if isinstance(block, blocks.RichTextBlock):
            found.append((path, block.features))
    return found


def test_the_walk_finds_every_rich_text_box():
    paths = {path for path, _features in rich_text_features()}
    assert {"HomePage.intro", "FooterText.text", "GuideBodyBlock.paragraph", "GuideBodyBlock.question_answer.answer"} <= paths


@pytest.mark.parametrize(("path", "features"), rich_text_features())
def test_rich_text_offers_only_bold_italic_links_and_lists(path, features):
    # None would mean Wagtail's defaults: headings, images, embeds, code and more.
    assert features is not None, f"{path} uses Wagtail's default features"
    assert set(features) <= ALLOWED_RICH_TEXT, f"{path} offers {set(features) - ALLOWED_RICH_TEXT}"


def test_every_page_type_has_a_name_for_editors():
    for model in our_page_models():
        assert model._meta.verbose_name != model.__name__.lower(), model
