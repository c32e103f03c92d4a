from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class LocalisationConfig(AppConfig):
    """The translators' side: what needs translating in each language, offline files, machine help."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "localisation"
    verbose_name = _("Translation")

    def ready(self):
        from wagtail.models import Revision
        from wagtail.signals import page_published

        from localisation.changes import record_text_change, remember_desk_fields

        # Each new revision keeps the editor's notes for translators and small-change mark;
        # each publish of an English page decides whether translations now need updating.
        post_save.connect(remember_desk_fields, sender=Revision, dispatch_uid="localisation_desk_fields")
        page_published.connect(record_text_change, dispatch_uid="localisation_text_change")
