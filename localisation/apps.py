from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocalisationConfig(AppConfig):
    """The translators' side: what needs translating in each language, offline files, machine help."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "localisation"
    verbose_name = _("Translation")
