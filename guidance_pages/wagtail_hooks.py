"""Wagtail hooks for the reader pages."""

from django.http import HttpResponseNotAllowed

from wagtail import hooks

READER_METHODS = ["GET", "HEAD"]


@hooks.register("before_serve_page")
def refuse_methods_readers_do_not_use(page, request, serve_args, serve_kwargs):
    """Reader pages only show things: PUT, DELETE, TRACE and the like get 405, not the page."""
    if request.method not in READER_METHODS:
        return HttpResponseNotAllowed(READER_METHODS)
    return None
