"""Page and snippet editor fields that answer data they cannot read with a message, not a server error.

Wagtail reads StreamField and rich text fields from the form data its JavaScript writes. When
that data is missing or malformed (the editor's JavaScript did not load on a poor connection,
a form left open while the site changed, or a request made by hand), Wagtail raises and the
editor gets a server error. These fields turn such data into a form error instead, keep what
was saved before, and save nothing. Registered for every StreamField and RichTextField in
``GuidancePagesConfig.ready``.
"""

import logging

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.admin.rich_text import DraftailRichTextArea, get_rich_text_editor_widget
from wagtail.blocks.base import BlockField, BlockWidget

logger = logging.getLogger(__name__)

# What reading malformed form data raises: missing keys, numbers that are not numbers, text
# that is not JSON, JSON of the wrong shape.
READ_ERRORS = (KeyError, ValueError, TypeError, AttributeError, OverflowError)
UNREADABLE_MESSAGE = _("This could not be read, so nothing was saved. Please reload this page in your browser and make your changes again.")


class Unreadable:
    """Stands for form data that could not be read; the field reports it and shows the saved value."""

    def __repr__(self):
        return "<unreadable>"


UNREADABLE = Unreadable()


class UnreadableDataMixin:
    """For form fields whose widget returns UNREADABLE: a clear error, and the saved value shown again."""

    def bound_data(self, data, initial):
        return initial if data is UNREADABLE else super().bound_data(data, initial)

    def has_changed(self, initial, data):
        return data is UNREADABLE or super().has_changed(initial, data)

    def clean(self, value):
        if value is UNREADABLE:
            raise ValidationError(UNREADABLE_MESSAGE, code="unreadable")
        return super().clean(value)


def read_or_unreadable(read, data, files, name):
    try:
        return read(data, files, name)
    except READ_ERRORS as error:
        logger.warning("Could not read the editor's %r field: %r", name, error)
        return UNREADABLE


class EditorStreamWidget(BlockWidget):
    def value_from_datadict(self, data, files, name):
        return read_or_unreadable(self.read_stream, data, files, name)

    def read_stream(self, data, files, name):
        # Wagtail silently drops blocks of a type it does not know, which would lose the
        # editor's text; refuse the whole field instead.
        child_blocks = getattr(self.block_def, "child_blocks", None)
        if child_blocks is not None:
            for index in range(int(data[f"{name}-count"])):
                if not data.get(f"{name}-{index}-deleted") and data.get(f"{name}-{index}-type") not in child_blocks:
                    raise KeyError(f"{name}-{index}-type")
        return super().value_from_datadict(data, files, name)


class EditorStreamField(UnreadableDataMixin, BlockField):
    def __init__(self, block=None, **kwargs):
        kwargs.setdefault("widget", EditorStreamWidget(block))
        super().__init__(block=block, **kwargs)


class EditorRichTextArea(DraftailRichTextArea):
    def value_from_datadict(self, data, files, name):
        return read_or_unreadable(super().value_from_datadict, data, files, name)


class EditorRichTextField(UnreadableDataMixin, forms.CharField):
    pass


def rich_text_form_field(db_field):
    """Form field options for a RichTextField: the site's editor, reading with EditorRichTextArea."""
    widget = get_rich_text_editor_widget(db_field.editor, features=db_field.features)
    if isinstance(widget, DraftailRichTextArea):
        widget = EditorRichTextArea(features=widget.features)
    return {"form_class": EditorRichTextField, "widget": widget}
