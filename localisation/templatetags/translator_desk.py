"""What translators see beside wagtail-localize's editor: the authors' notes, the glossary and the
team's words we use and avoid."""

from django import template
from django.conf import settings

from wagtail.models import Locale, Page

from guidance_pages.models import GlossaryTerm
from localisation.models import TranslatorNotes
from plain_english.models import PreferredTerm

register = template.Library()


@register.inclusion_tag("localisation/translator_help.html")
def translator_help(translation):
    """The notes for translators of the page being translated, and every glossary term with its
    approved translation in the target language (or "not translated yet")."""
    if translation is None:
        return {"notes": "", "terms": [], "wording": []}
    source = translation.source
    locale = translation.target_locale
    english = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    notes = TranslatorNotes.objects.filter(translation_key=source.object_id).values_list("text", flat=True).first() or ""
    english_terms = list(GlossaryTerm.objects.filter(locale=english).order_by("term"))
    translated = {
        term.translation_key: term
        for term in GlossaryTerm.objects.filter(locale=locale, translation_key__in=[t.translation_key for t in english_terms])
    }
    terms = [(term, translated.get(term.translation_key)) for term in english_terms]
    is_page = issubclass(source.specific_content_type.model_class() or object, Page)
    return {"notes": notes, "terms": terms, "wording": _wording(english, locale), "locale": locale, "is_page": is_page}


def _wording(english, locale):
    """The team's "words we use and avoid", each English entry with its translation, if any."""
    english_entries = list(PreferredTerm.objects.filter(locale=english).order_by("use"))
    translated = {
        entry.translation_key: entry
        for entry in PreferredTerm.objects.filter(locale=locale, translation_key__in=[e.translation_key for e in english_entries])
    }
    return [(entry, translated.get(entry.translation_key)) for entry in english_entries]
