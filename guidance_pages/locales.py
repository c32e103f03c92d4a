"""Keeps Wagtail's locales in step with the configured content languages."""

from django.conf import settings


def create_content_locales(using="default", **kwargs):
    """Create a Wagtail locale for each content language that has none; never deletes one."""
    from wagtail.models import Locale

    existing = set(Locale.objects.using(using).values_list("language_code", flat=True))
    Locale.objects.using(using).bulk_create(
        [Locale(language_code=code) for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code not in existing]
    )
