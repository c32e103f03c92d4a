from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    """Anonymous readers get pages from the cache; anything published or changed empties it."""

    name = "page_cache"
    verbose_name = _("Page cache")

    def ready(self):
        from django.conf import settings

        from page_cache import signals

        signals.connect()
        if getattr(settings, "WAGTAILFRONTENDCACHE", None):
            from page_cache import frontend

            frontend.connect()
