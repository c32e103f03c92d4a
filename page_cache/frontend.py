"""Purge a CDN or caching proxy in front of the site (wagtail.contrib.frontend_cache).

Wagtail itself purges a page's own addresses when it is published or unpublished. A reader's
page also shows its translations (the language switcher), its parent (lists of guides and
chapters), its siblings (previous and next chapter) and the home pages (featured guides), so
those are purged too, in every language; a moved page's old addresses and its old neighbours
as well. Anything else readers see (navigation, footer, glossary, contributors, images,
documents, video and audio, captions, view restrictions, sites and languages, the notice on
machine-translated text, image renditions deleted) may show on any page, so it purges every
live page, once per transaction however many rows changed; such changes are rare.
"""

import threading

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from page_cache.signals import models_shown_to_readers, rendition_model

_pending = threading.local()


def pages_showing(page):
    """Live pages, in every language, that show something of ``page``."""
    parent = page.get_parent()
    keys = {page.translation_key, parent.translation_key}
    keys.update(page.get_siblings().values_list("translation_key", flat=True))
    return Page.objects.live().filter(translation_key__in=keys) | Page.objects.live().filter(depth=2)


def purge_around(instance, **kwargs):
    batch = PurgeBatch()
    batch.add_pages(pages_showing(instance))
    batch.add_urls(_addresses_before_move().pop(instance.pk, []))
    parent_before = kwargs.get("parent_page_before")
    if parent_before is not None and parent_before.pk != instance.get_parent().pk:
        # The guide it left lists it no more, nor do that guide's other chapters (previous, next).
        keys = {parent_before.translation_key, *parent_before.get_children().values_list("translation_key", flat=True)}
        batch.add_pages(Page.objects.live().filter(translation_key__in=keys))
    batch.purge()


def remember_addresses_before_move(instance, **kwargs):
    """The addresses a page and its children had before a move: a CDN still holds pages there."""
    pages = instance.get_descendants(inclusive=True).live().specific()
    _addresses_before_move()[instance.pk] = [url for url in (page.full_url for page in pages) if url]


def _addresses_before_move():
    if not hasattr(_pending, "moving"):
        _pending.moving = {}
    return _pending.moving


def purge_everything(**kwargs):
    """Every live page, once when the change is committed, however many rows it touched."""
    if getattr(_pending, "purge", False):
        return
    _pending.purge = True

    def purge():
        _pending.purge = False
        batch = PurgeBatch()
        batch.add_pages(Page.objects.live().filter(depth__gt=1))
        batch.purge()

    transaction.on_commit(purge, robust=True)


def _receivers():
    """(signal, handler, sender, dispatch_uid) for everything that purges the CDN."""
    receivers = [
        (page_published, purge_around, None, "frontend_cache_published"),
        (page_unpublished, purge_around, None, "frontend_cache_unpublished"),
        (pre_page_move, remember_addresses_before_move, None, "frontend_cache_moving"),
        (post_page_move, purge_around, None, "frontend_cache_moved"),
        (post_delete, purge_everything, rendition_model(), "frontend_cache_rendition_deleted"),
    ]
    for model in models_shown_to_readers():
        label = model._meta.label
        receivers.append((post_save, purge_everything, model, f"frontend_cache_saved_{label}"))
        receivers.append((post_delete, purge_everything, model, f"frontend_cache_deleted_{label}"))
    return receivers


def connect():
    for signal, handler, sender, uid in _receivers():
        signal.connect(handler, sender=sender, dispatch_uid=uid)


def disconnect():
    for signal, handler, sender, uid in _receivers():
        signal.disconnect(handler, sender=sender, dispatch_uid=uid)
