"""Wagtail hooks for the reader pages."""

from django.http import HttpResponseNotAllowed
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from guidance_pages.models import CaptionTrack

READER_METHODS = ["GET", "HEAD"]


@hooks.register("before_serve_page")
def refuse_methods_readers_do_not_use(page, request, serve_args, serve_kwargs):
    """Reader pages only show things: PUT, DELETE, TRACE and the like get 405, not the page."""
    if request.method not in READER_METHODS:
        return HttpResponseNotAllowed(READER_METHODS)
    return None


class CaptionTrackViewSet(SnippetViewSet):
    """Captions per language for each video or audio file, under Snippets; translators add their language's."""

    model = CaptionTrack
    icon = "media"
    menu_label = _("Captions")
    list_display = ["media", "language"]
    list_filter = ["language"]


register_snippet(CaptionTrackViewSet)
