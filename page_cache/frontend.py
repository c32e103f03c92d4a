"""Purge a CDN or caching proxy in front of the site (wagtail.contrib.frontend_cache).

Wagtail itself purges a page's own addresses when it is published or unpublished. A reader's
page also shows its translations (the language switcher), its parent (lists of guides and
chapters), its siblings (previous and next chapter) and the home pages (featured guides), so
those are purged too, in every language. A change to navigation, footer, glossary or
contributors shows on every page, so it purges every live page; such changes are rare.
"""

from django.db.models.signals import post_delete, post_save

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from page_cache.signals import SHOWN_TO_READERS


def pages_showing(page):
    """Live pages, in every language, that show something of ``page``."""
    parent = page.get_parent()
    keys = {page.translation_key, parent.translation_key}
    keys.update(page.get_siblings().values_list("translation_key", flat=True))
    return Page.objects.live().filter(translation_key__in=keys) | Page.objects.live().filter(depth=2)


def purge_around(instance, **kwargs):
    batch = PurgeBatch()
    batch.add_pages(pages_showing(instance))
    batch.purge()


def purge_everything(**kwargs):
    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().filter(depth__gt=1))
    batch.purge()


def _receivers():
    """(signal, handler, sender, dispatch_uid) for everything that purges the CDN."""
    from django.apps import apps

    receivers = [
        (page_published, purge_around, None, "frontend_cache_published"),
        (page_unpublished, purge_around, None, "frontend_cache_unpublished"),
        (post_page_move, purge_around, None, "frontend_cache_moved"),
    ]
    for label in SHOWN_TO_READERS:
        if label.startswith("guidance_pages."):
            model = apps.get_model(label)
            receivers.append((post_save, purge_everything, model, f"frontend_cache_saved_{label}"))
            receivers.append((post_delete, purge_everything, model, f"frontend_cache_deleted_{label}"))
    return receivers


def connect():
    for signal, handler, sender, uid in _receivers():
        signal.connect(handler, sender=sender, dispatch_uid=uid)


def disconnect():
    for signal, handler, sender, uid in _receivers():
        signal.disconnect(handler, sender=sender, dispatch_uid=uid)
