"""The words of a page, as (where, text) pairs for the checker: from a saved page or the editor's draft.

Walks every StreamField block kind (paragraphs, quotes, key points, checklists, steps,
questions and answers, image captions, video titles and transcripts, links) by what each
block is, so a new block kind is checked without changes here.
"""

import html
import re

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import RichText

from plain_english.checker import check

# Fields editors write in, in the order they appear in the editor.
TEXT_FIELDS = ["title", "summary", "audience", "content_note", "intro", "key_points", "body"]
BLOCK_ENDS = re.compile(r"</(p|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)
# Form data that cannot be read, as in guidance_pages/editor_forms.py.
READ_ERRORS = (KeyError, ValueError, TypeError, AttributeError, OverflowError)


def rich_text_to_text(source):
    """Rich text HTML as plain text, one paragraph or list item per line."""
    return html.unescape(strip_tags(BLOCK_ENDS.sub("\n", source or "")))


def block_texts(block, value, where):
    """(where, text) pairs for every piece of text in a block value, walking inside it."""
    if value is None:
        return
    if isinstance(block, blocks.RichTextBlock):
        source = value.source if isinstance(value, RichText) else str(value)
        yield where, rich_text_to_text(source)
    elif isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        yield where, str(value)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from block_texts(child.block, child.value, str(child.block.label))
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from block_texts(child_block, value.get(name), f"{where} › {child_block.label}")
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from block_texts(block.child_block, item, where)


def field_texts(model, values):
    """(where, text) pairs from a mapping of field name to value (a page, or a draft read from a form)."""
    for name in TEXT_FIELDS:
        try:
            model_field = model._meta.get_field(name)
        except Exception:  # noqa: S112 - this page type has no such field
            continue
        value = values.get(name)
        label = str(model_field.verbose_name).capitalize()
        if isinstance(model_field, StreamField):
            yield from block_texts(model_field.stream_block, value, label)
        elif isinstance(model_field, RichTextField):
            yield label, rich_text_to_text(value)
        elif value:
            yield label, str(value)


def page_texts(page):
    return list(field_texts(type(page), {name: getattr(page, name, None) for name in TEXT_FIELDS}))


def draft_texts(model, data):
    """(where, text) pairs from the page editor's form data, before it is saved.

    Raises ValueError when the form data cannot be read (for example a page left open while the
    site changed), so the caller can say so.
    """
    values = {}
    for name in TEXT_FIELDS:
        try:
            model_field = model._meta.get_field(name)
        except Exception:  # noqa: S112 - this page type has no such field
            continue
        if isinstance(model_field, StreamField):
            if f"{name}-count" not in data:
                continue
            try:
                values[name] = model_field.stream_block.value_from_datadict(data, {}, name)
            except READ_ERRORS as error:
                raise ValueError(name) from error
        elif isinstance(model_field, RichTextField):
            values[name] = rich_text_from_form(model, name, data)
        else:
            values[name] = data.get(name, "")
    return list(field_texts(model, values))


def rich_text_from_form(model, name, data):
    """A rich text field's HTML from the editor's form data (Draftail sends its own JSON)."""
    from wagtail.admin.rich_text import get_rich_text_editor_widget

    model_field = model._meta.get_field(name)
    widget = get_rich_text_editor_widget(model_field.editor, features=model_field.features)
    try:
        return widget.value_from_datadict(data, {}, name) or ""
    except READ_ERRORS as error:
        raise ValueError(name) from error


def plainer_words():
    from plain_english.models import PlainerWord

    return dict(PlainerWord.objects.values_list("word", "plainer"))


def avoided_terms():
    """Each word we avoid, mapped to the words we use instead (from the English list)."""
    from plain_english.models import PreferredTerm

    avoided = {}
    for term in PreferredTerm.objects.filter(locale__language_code=settings.LANGUAGE_CODE):
        for word in term.avoided():
            avoided[word] = _("Use “%(words)s”.") % {"words": term.use}
    return avoided


def check_texts(parts):
    return check(parts, plainer_words=plainer_words(), avoided_terms=avoided_terms())


def is_checked(page):
    """The checker is for English source pages of the types editors write; translations are not checked."""
    locale = getattr(page, "locale", None)
    language = locale.language_code if locale is not None and page.locale_id else None
    return (
        isinstance(page, Page)
        and language in (None, settings.LANGUAGE_CODE)
        and any(hasattr(type(page), name) for name in ("body", "summary", "intro"))
    )
