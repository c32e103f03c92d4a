"""The plain-English section of the editor's "Checks" panel."""

from django import template
from django.urls import reverse

from plain_english.page_text import check_texts, is_checked, page_texts

register = template.Library()


@register.inclusion_tag("plain_english/checks_panel.html")
def plain_english_checks(page):
    """Advice on the last saved draft (so it works without JavaScript), and where to check the unsaved one."""
    if page is None or not is_checked(page):
        return {"shown": False}
    meta = type(page)._meta
    saved = page.get_latest_revision_as_object() if page.pk else None
    return {
        "shown": True,
        "check_url": reverse("plain_english_check", args=[meta.app_label, meta.model_name]),
        "report": check_texts(page_texts(saved)) if saved is not None else None,
    }
