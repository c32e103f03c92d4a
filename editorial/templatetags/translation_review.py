"""The review forms shown under wagtail-localize's translation editor."""

from django import template

from editorial.review import review_panel

register = template.Library()


@register.inclusion_tag("editorial/translation_review_panel.html", takes_context=True)
def translation_review_panel(context, translation, instance):
    return {
        "panel": review_panel(context["request"].user, translation, instance),
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
    }
