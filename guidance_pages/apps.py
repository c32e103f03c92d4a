from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class GuidancePagesConfig(AppConfig):
    """The content model: guides, chapters, standard pages and the snippets they use."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "guidance_pages"
    verbose_name = _("Guidance")

    def ready(self):
        from wagtail.admin.forms.models import register_form_field_override
        from wagtail.fields import RichTextField, StreamField

        from guidance_pages.editor_forms import EditorStreamField, rich_text_form_field
        from guidance_pages.locales import create_content_locales

        # Every configured content language gets its Wagtail locale on each migrate, so adding a
        # language to CONTENT_LANGUAGES and migrating is all an operator has to do.
        post_migrate.connect(create_content_locales, sender=self)
        # Malformed StreamField or rich text data in the page and snippet editors gets a form
        # error instead of a server error (see guidance_pages.editor_forms).
        register_form_field_override(StreamField, override={"form_class": EditorStreamField})
        register_form_field_override(RichTextField, override=rich_text_form_field, exact_class=True)
