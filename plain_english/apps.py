from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlainEnglishConfig(AppConfig):
    """Writing help for editors: the plain-English checker, the words we use, the editor's guide."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "plain_english"
    verbose_name = _("Writing help")

    def ready(self):
        from plain_english import signals  # noqa: F401 - connects the score kept for page listings
