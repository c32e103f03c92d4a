"""The forms Wagtail and wagtailmedia use for every upload: the image and document libraries, their
multiple uploaders, the choosers in the page editor, and video and audio.

Wagtail already refuses pictures that are too big, have too many pixels (decompression bombs
included), are not in an allowed format, or are not what their name says; here its refusals are
put in plain English and name what the file really is. Documents, video and audio are also
checked by content (uploads.validators). Settings point Wagtail at these forms:
WAGTAILIMAGES_IMAGE_FORM_BASE, WAGTAILDOCS_DOCUMENT_FORM_BASE and WAGTAILMEDIA["MEDIA_FORM_BASE"].
"""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtail.images.utils import get_allowed_image_extensions
from wagtailmedia.forms import BaseMediaForm

from uploads.file_types import describe, identify, read_head
from uploads.validators import document_extensions, media_extensions, validate_document, validate_media

# How picture formats are named to editors, by file name ending or by filetype's name for the format.
PICTURE_FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WebP", "avif": "AVIF", "heic": "HEIC", "tif": "TIFF"}


def _picture_formats():
    names = []
    for extension in get_allowed_image_extensions():
        name = PICTURE_FORMATS.get(extension, extension.upper())
        if name not in names:
            names.append(name)
    return get_text_list(names, _("or"))


def _millions(number):
    return f"{number / 1_000_000:g}"


class PictureField(WagtailImageField):
    """Wagtail's image field, which does the checking; its refusals say what is wrong and what to do."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formats = _picture_formats()
        if self.max_upload_size is not None and self.max_image_pixels is not None:
            self.help_text = _("A picture saved as %(formats)s, at most %(size)s and %(pixels)s million pixels.") % {
                "formats": formats,
                "size": self.max_upload_size_text,
                "pixels": _millions(self.max_image_pixels),
            }
        # Shown by the multiple uploader before it sends a file, so they cannot name the file.
        self.error_messages["file_too_large_unknown_size"] = _("This picture is too big. Pictures can be at most %(limit)s.") % {
            "limit": self.max_upload_size_text
        }
        self.error_messages["invalid_image_extension"] = _("Only pictures saved as %(formats)s can be uploaded.") % {"formats": formats}

    @classmethod
    def replacing(cls, field):
        """A PictureField in place of the field Wagtail made, with the same label and widget."""
        return cls(label=field.label, required=field.required, widget=field.widget)

    def to_python(self, data):
        try:
            return super().to_python(data)
        except ValidationError as error:
            message = self.explain(getattr(error, "code", None), data)
            if message is None:
                raise
            raise ValidationError(message, code=error.code) from None

    def explain(self, code, upload):
        """A plain-English refusal for one of Wagtail's error codes, or None to keep Wagtail's message."""
        if code == "file_too_large":
            return _(
                "This picture is too big (%(size)s). Pictures can be at most %(limit)s. "
                "Save it smaller, for example at a lower quality, and upload it again."
            ) % {"size": filesizeformat(upload.size), "limit": self.max_upload_size_text}
        if code == "file_too_many_pixels":
            return _(
                "This picture has too many pixels. Pictures can have at most %(pixels)s million pixels "
                "(width × height), which is plenty for any screen. Make it smaller in a photo app and upload it again."
            ) % {"pixels": _millions(self.max_image_pixels or 0)}
        if code not in ("invalid_image", "invalid_image_extension", "invalid_image_known_format"):
            return None
        extension = os.path.splitext(upload.name)[1][1:].lower()
        kind, format_name = identify(read_head(upload))
        formats = _picture_formats()
        if kind == "svg" or (kind is None and extension == "svg"):
            return _(
                "SVG drawings cannot be uploaded, because they can hide code that would run in readers' browsers. "
                "Save the drawing as a PNG picture and upload it again."
            )
        if kind == "picture":
            return self._explain_picture(extension, format_name, formats)
        if kind == "program":
            return _("This file is a program, not a picture. Programs cannot be uploaded. Upload a picture saved as %(formats)s.") % {
                "formats": formats
            }
        if kind:
            return _("This file is %(actual)s, not a picture. Upload a picture saved as %(formats)s.") % {
                "actual": describe(kind),
                "formats": formats,
            }
        if code == "invalid_image_extension":
            return _("Files ending in .%(extension)s cannot be uploaded as pictures. Upload a picture saved as %(formats)s.") % {
                "extension": extension or "?",
                "formats": formats,
            }
        return self._damaged(formats)

    @staticmethod
    def _damaged(formats):
        return _("This picture is damaged, or it is not a picture. Open it in a photo app, save it as %(formats)s and upload it again.") % {
            "formats": formats
        }

    def _explain_picture(self, extension, format_name, formats):
        """A real picture that Wagtail refused: in a format not allowed here, misnamed, or damaged."""
        allowed = get_allowed_image_extensions()
        readable = PICTURE_FORMATS.get(format_name, format_name.upper())
        if format_name not in allowed:
            return _(
                "This picture is saved as %(format)s, which cannot be used on the website. Save it as %(formats)s and upload it again."
            ) % {
                "format": readable,
                "formats": formats,
            }
        if PICTURE_FORMATS.get(extension) != readable:
            return _(
                "This picture is a %(format)s file, but its name ends in .%(extension)s. Rename it to end in .%(right)s and upload it again."
            ) % {
                "format": readable,
                "extension": extension,
                "right": format_name,
            }
        return self._damaged(formats)


class ImageForm(BaseImageForm):
    """Wagtail's image form, with refusals an editor understands."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"] = PictureField.replacing(self.fields["file"])


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form; the file must be what its name says."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            endings = get_text_list([f".{extension}" for extension in document_extensions()], _("or"))
            field.help_text = _("A file ending in %(endings)s, at most %(limit)s.") % {
                "endings": endings,
                "limit": field.max_upload_size_text,
            }
            field.error_messages["file_too_large"] = _(
                "This file is too big (%(file_size)s). Documents can be at most %(max_filesize)s. "
                "Make it smaller, for example by saving it as PDF, and upload it again."
            )
            field.error_messages["file_too_large_unknown_size"] = _("This file is too big. Documents can be at most %(limit)s.") % {
                "limit": field.max_upload_size_text
            }

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):  # a new file, not the one already saved
            validate_document(upload)
        return upload

    def _update_errors(self, errors):
        # Wagtail's Document.clean() checks the name of the file the document holds, which is still empty
        # when the upload was refused: it would add "File extension “” is not allowed" under the real reason.
        if self.has_error("file"):
            errors = {field: messages for field, messages in errors.error_dict.items() if field != "file"}
            if not errors:
                return
            errors = ValidationError(errors)
        super()._update_errors(errors)


class MediaForm(BaseMediaForm):
    """wagtailmedia's form; video and audio must be what their name says, and thumbnails real pictures."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            endings = get_text_list([f".{extension}" for extension in media_extensions(self.instance.type)], _("or"))
            limit = getattr(settings, "MEDIA_MAX_UPLOAD_SIZE", None)
            if limit is None:
                self.fields["file"].help_text = _("A file ending in %(endings)s.") % {"endings": endings}
            else:
                self.fields["file"].help_text = _("A file ending in %(endings)s, at most %(limit)s.") % {
                    "endings": endings,
                    "limit": filesizeformat(limit),
                }
        if "thumbnail" in self.fields:
            self.fields["thumbnail"] = PictureField.replacing(self.fields["thumbnail"])

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            validate_media(upload, self.instance.type)
        return upload

    def _update_errors(self, errors):
        # wagtailmedia's model repeats the name check (as an error for the whole form) with a technical
        # message; clean_file and PictureField have already made the same check and explained it.
        # (Model.full_clean always reports errors by field, so errors.error_dict is there.)
        remaining = {
            field: [error for error in messages if error.code != "invalid_extension"] for field, messages in errors.error_dict.items()
        }
        remaining = {field: messages for field, messages in remaining.items() if messages}
        if remaining:
            super()._update_errors(ValidationError(remaining))
