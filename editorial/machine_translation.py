"""Machine translation with a self-hosted LibreTranslate, through wagtail-localize's own backend.

Switched on by LIBRETRANSLATE_URL (config/settings/base.py). wagtail-localize's backend sends every
untranslated string of a page in one request (``q`` a list, ``source``, ``target``, ``format: html``)
and turns any failure into a server error. Here a LibreTranslate that is down, refuses, answers
garbage or lacks the language gives the translator a plain message instead, and nothing changes.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.libretranslate import LibreTranslator
from wagtail_localize.models import Translation
from wagtail_localize.strings import StringValue, validate_translation_links
from wagtail_localize.views.edit_translation import apply_machine_translation

import requests

from editorial.snippet_permissions import user_can_edit_instance

# Our language codes that LibreTranslate spells differently. None of the shipped ones do today;
# Central Kurdish (ckb) must never be sent as "ku": that is Kurmanji, another language and script.
LIBRETRANSLATE_CODES = {"zh-hans": "zh", "zh-hant": "zt", "pt-br": "pb"}


class MachineTranslationProblem(Exception):
    """Machine translation could not be done; the message is for the translator."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class LibreTranslateForGuidance(LibreTranslator):
    """wagtail-localize's LibreTranslate backend, refusing clearly what LibreTranslate cannot do."""

    def language_code(self, code):
        code = code.lower()
        return LIBRETRANSLATE_CODES.get(code, code.split("-")[0])

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        self.check_language(source_locale, target_locale)
        try:
            translations = super().translate(source_locale, target_locale, strings)
        except requests.HTTPError as error:
            raise MachineTranslationProblem(
                _("The machine translation service refused to translate this page (it answered: %(answer)s). Nothing was changed.")
                % {"answer": _service_error(error.response)}
            ) from None
        except (ValueError, KeyError, TypeError):  # requests' JSONDecodeError is a ValueError too
            raise _garbage() from None
        except requests.RequestException:
            raise MachineTranslationProblem(
                _("The machine translation service cannot be reached. Nothing was changed: try again later, or translate by hand.")
            ) from None
        for source, translated in translations.items():
            if not isinstance(translated.data, str) or not translated.data.strip():
                raise _garbage()
            try:
                StringValue.from_translated_html(translated.data)
                validate_translation_links(source.data, translated.data)
            except ValueError:
                raise _garbage() from None
        return translations

    def check_language(self, source_locale, target_locale):
        """Ask LibreTranslate which languages it has; refuse plainly when ours is not among them."""
        try:
            response = requests.get(self.get_api_endpoint() + "/languages", timeout=self.get_timeout())
            response.raise_for_status()
            languages = response.json()
            available = {language["code"]: language.get("targets") for language in languages}
        except (ValueError, KeyError, TypeError, AttributeError):
            raise _garbage() from None
        except requests.RequestException:
            raise MachineTranslationProblem(
                _("The machine translation service cannot be reached. Nothing was changed: try again later, or translate by hand.")
            ) from None
        source, target = self.language_code(source_locale.language_code), self.language_code(target_locale.language_code)
        targets = available.get(source)
        if target not in available or source not in available or (targets is not None and target not in targets):
            raise MachineTranslationProblem(
                _(
                    "The machine translation service cannot translate into %(language)s. Translate this page by hand, or download its PO file."
                )
                % {"language": target_locale.get_display_name()}
            )


def _garbage():
    return MachineTranslationProblem(
        _(
            "The machine translation service sent back something that is not a translation. Nothing was changed: try again later, or translate by hand."
        )
    )


def _service_error(response):
    try:
        return str(response.json()["error"])[:200]
    except (ValueError, KeyError, TypeError, AttributeError):
        return str(getattr(response, "status_code", "")) or "?"


@require_POST
def machine_translate(request, translation_id):
    """wagtail-localize's "Translate with LibreTranslate" button, with a plain message for every failure."""
    translator = get_machine_translator()
    if translator is None:
        raise Http404
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
    try:
        translated = apply_machine_translation(translation_id, request.user, translator)
    except MachineTranslationProblem as problem:
        messages.error(request, problem.message)
    else:
        if translated:
            messages.success(
                request,
                _(
                    "The empty strings were translated by machine. They are marked 'machine, not checked' until you "
                    "have read and confirmed them."
                ),
            )
        else:
            messages.warning(request, _("There is nothing left to translate on this page."))
    return redirect(next_url)
