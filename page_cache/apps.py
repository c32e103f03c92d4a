from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    """Anonymous readers get pages from the cache; anything published or changed empties it."""

    name = "page_cache"
    verbose_name = _("Page cache")

    def ready(self):
        from page_cache import signals

        signals.connect()
