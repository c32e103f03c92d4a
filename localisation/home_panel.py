"""The Wagtail home panel for translators: "N pages need updating in Arabic" and their assignments."""

from django.urls import reverse

from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from localisation.access import translator_language_codes
from localisation.states import NEEDS_UPDATE, compute_states


class TranslationWorkPanel(Component):
    """What needs doing in each of the translator's languages, linking to its dashboard."""

    name = "translation_work"
    template_name = "localisation/home_panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        locales = list(Locale.objects.filter(language_code__in=translator_language_codes(self.user)).order_by("language_code"))
        states = compute_states(locales)
        languages = []
        for locale in locales:
            items = states[locale.pk]
            languages.append(
                {
                    "name": locale.get_display_name(),
                    "url": reverse("localisation_desk", args=[locale.language_code]),
                    "needs_update": sum(1 for item in items if item.state == NEEDS_UPDATE and item.kind == "page"),
                    "assigned": [item for item in items if item.assigned_to_id == self.user.pk],
                }
            )
        return {"languages": languages}
