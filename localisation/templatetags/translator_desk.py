"""What translators see beside wagtail-localize's editor: the authors' notes and the glossary."""

from django import template
from django.conf import settings

from wagtail.models import Locale, Page

from guidance_pages.models import GlossaryTerm
from localisation.models import TranslatorNotes

register = template.Library()


@register.inclusion_tag("localisation/translator_help.html")
def translator_help(translation):
    """The notes for translators of the page being translated, and every glossary term with its
    approved translation in the target language (or "not translated yet")."""
    if translation is None:
        return {"notes": "", "terms": []}
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
    return {"notes": notes, "terms": terms, "locale": locale, "is_page": is_page}
