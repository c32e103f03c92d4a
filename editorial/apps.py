from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """Who may do what: the groups for each role and the co-production review workflow."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "editorial"
    verbose_name = _("Editorial roles")

    def ready(self):
        # wagtail-localize asks "may this person edit this?" by snippet type only; our translators may
        # change their own language's snippets and no other, so its views ask our per-language check.
        from wagtail_localize.views import edit_translation

        from editorial.snippet_permissions import user_can_edit_instance

        edit_translation.user_can_edit_instance = user_can_edit_instance
