"""What gives the content a new version: everything a reader can see, and nothing they cannot.

Saving a draft changes nothing for readers, so it keeps the cache; so does making an image
rendition (that happens while pages are shown). Deleting renditions does not: kept pages point at
their files.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from page_cache.content import content_changed

# Snippets and other content readers see on pages, besides the pages themselves.
SHOWN_TO_READERS = [
    "guidance_pages.Contributor",
    "guidance_pages.GlossaryTerm",
    "guidance_pages.NavigationMenu",
    "guidance_pages.FooterText",
    "guidance_pages.CaptionTrack",
    "wagtailmedia.Media",
    "wagtailcore.CollectionViewRestriction",
    # A person checking a machine translation takes the "translated by a computer" notice away.
    "wagtail_localize.StringTranslation",
]


def _changed(**kwargs):
    content_changed()


def models_shown_to_readers():
    """Every model besides pages whose saving or deleting changes what readers see."""
    models = [get_image_model(), get_document_model(), Locale, Site, PageViewRestriction]
    return models + [apps.get_model(label) for label in SHOWN_TO_READERS]


def rendition_model():
    return get_image_model().get_rendition_model()


def connect():
    page_published.connect(_changed, dispatch_uid="page_cache_published")
    page_unpublished.connect(_changed, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(_changed, dispatch_uid="page_cache_moved")
    for model in models_shown_to_readers():
        post_save.connect(_changed, sender=model, dispatch_uid=f"page_cache_saved_{model._meta.label}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"page_cache_deleted_{model._meta.label}")
    # Renditions purged (wagtail_update_image_renditions --purge-only): kept pages name their files.
    post_delete.connect(_changed, sender=rendition_model(), dispatch_uid="page_cache_rendition_deleted")
    # Pages: any subclass, so connect without a sender and filter.
    post_save.connect(_page_if_saved, dispatch_uid="page_cache_page_saved")
    post_delete.connect(_page_if_deleted, dispatch_uid="page_cache_page_deleted")


def _page_if_saved(sender, instance, **kwargs):
    # A live page saved without unpublished changes is what readers see now (an alias kept in
    # step with its original, say); a draft saved on a live page is not.
    if isinstance(instance, Page) and instance.live and not instance.has_unpublished_changes:
        content_changed()


def _page_if_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        content_changed()
