from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """Readers say whether a page helped; coordinators see the answers. Nothing identifies a reader."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "feedback"
    verbose_name = _("Reader feedback")
