"""The "Work offline" admin page, and downloads of one translation as a PO or XLIFF file.

The ZIP download is a POST: for pages whose English changed it first reads the new English."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail_localize.models import Translation

from editorial.snippet_permissions import user_can_edit_instance
from localisation import offline
from localisation.access import locales_for

FORMATS = [
    ("po", gettext_lazy("PO files (Poedit and most PO editors)")),
    ("xliff", gettext_lazy("XLIFF 1.2 files (CAT tools such as OmegaT, Trados, memoQ)")),
]
CONTENT_TYPES = {"po": "text/x-gettext-translation", "xliff": "application/x-xliff+xml", "zip": "application/zip"}


class DownloadForm(forms.Form):
    """Which language and file format the translator wants to take away."""

    language = forms.ChoiceField(label=gettext_lazy("Language"))
    file_format = forms.ChoiceField(label=gettext_lazy("File type"), choices=FORMATS, initial="po", widget=forms.RadioSelect)

    def __init__(self, *args, locales, **kwargs):
        super().__init__(*args, auto_id="download_%s", **kwargs)  # both forms are on one page: ids must differ
        self.locales = {locale.language_code: locale for locale in locales}
        self.fields["language"].choices = [(locale.language_code, locale.get_display_name()) for locale in locales]


class UploadForm(forms.Form):
    """The translated files coming back: one PO or XLIFF file, or a ZIP of them."""

    language = forms.ChoiceField(label=gettext_lazy("Language"))
    file = forms.FileField(
        label=gettext_lazy("Translated file"),
        allow_empty_file=True,  # offline.read_upload refuses an empty file with a message naming it
        help_text=gettext_lazy("A PO or XLIFF file you downloaded here and translated, or a ZIP of several."),
        widget=forms.ClearableFileInput(attrs={"accept": ".po,.xlf,.xliff,.zip"}),
    )

    def __init__(self, *args, locales, **kwargs):
        super().__init__(*args, auto_id="upload_%s", **kwargs)
        self.locales = {locale.language_code: locale for locale in locales}
        self.fields["language"].choices = [(locale.language_code, locale.get_display_name()) for locale in locales]


def work_offline(request):
    """A translator's page to download every page that needs work in their language, and upload it back."""
    locales = locales_for(request.user)
    if not locales:
        raise PermissionDenied
    download_form = DownloadForm(request.POST if "download" in request.POST else None, locales=locales)
    upload_form = UploadForm(locales=locales)
    if request.method == "POST" and "download" not in request.POST:
        upload_form = UploadForm(request.POST, request.FILES, locales=locales)
        if upload_form.is_valid():
            locale = upload_form.locales[upload_form.cleaned_data["language"]]
            try:
                checked = offline.read_upload(upload_form.cleaned_data["file"], request.user, locale=locale)
            except offline.FileProblem as problem:
                messages.error(request, _("Nothing was saved. %(problem)s") % {"problem": problem})
            else:
                count = offline.import_files(checked, request.user)
                if count:
                    messages.success(
                        request,
                        _(
                            "Translations from %(count)s file(s) are saved. Open each page's translation to check it, "
                            "then publish or submit it."
                        )
                        % {"count": count},
                    )
                for note in filter(None, map(offline.needs_work_note, checked)):
                    messages.warning(request, note)
                return redirect("localisation_work_offline")
        elif upload_form.has_error("file") and request.FILES.get("file") is not None:
            # A file was chosen but Django refused it: say why, not "choose a file".
            messages.error(request, _("Nothing was saved. %(problem)s") % {"problem": " ".join(upload_form.errors["file"])})
        else:
            messages.error(request, _("Nothing was saved. Choose your language and a file to upload."))
    if download_form.is_valid():
        locale = download_form.locales[download_form.cleaned_data["language"]]
        file_format = download_form.cleaned_data["file_format"]
        translations = offline.translations_to_download(request.user, locale)
        if not translations:
            messages.info(request, _("Nothing needs translating in %(language)s at the moment.") % {"language": locale.get_display_name()})
            return redirect("localisation_work_offline")
        name = f"translations-{locale.language_code}-{timezone.now():%Y-%m-%d}.zip"
        return attachment(offline.zip_of_translations(translations, file_format), name, "zip")
    return TemplateResponse(
        request,
        "localisation/work_offline.html",
        {
            "download_form": DownloadForm(locales=locales),
            "upload_form": upload_form,
            "page_title": _("Work offline"),
            "header_title": _("Work offline"),
            "header_icon": "download",
        },
    )


def download_translation(request, translation_id, file_format="po"):
    """One translation as a PO or XLIFF file, with its language and source version in the header."""
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    name = offline.file_name(translation, offline.extension(file_format)).replace("/", "-")
    return attachment(offline.translation_file(translation, file_format), name, file_format)


def attachment(content, name, kind):
    response = HttpResponse(content, content_type=CONTENT_TYPES[kind])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
