from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class GuidancePagesConfig(AppConfig):
    """The content model: guides, chapters, standard pages and the snippets they use."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "guidance_pages"
    verbose_name = _("Guidance")

    def ready(self):
        from guidance_pages.locales import create_content_locales

        # Every configured content language gets its Wagtail locale on each migrate, so adding a
        # language to CONTENT_LANGUAGES and migrating is all an operator has to do.
        post_migrate.connect(create_content_locales, sender=self)
