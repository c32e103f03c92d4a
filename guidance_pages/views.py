"""Reader views outside the page tree."""

import re
from pathlib import Path

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wagtail.models import Locale, Page, get_page_models

from guidance_pages.routing import find_site

SEARCH_MAX_LENGTH = 200


@require_safe
def choose_language(request):
    """Remember the language a reader picked in the switcher, then show them the page.

    A plain link (no form, no JavaScript): /ar/language/?next=/ar/guides/... The choice is kept
    in Django's language cookie, which sends the reader to their language when they come back
    to the site's root address.
    """
    language = translation.get_language()
    target = request.GET.get("next", "")
    allowed = url_has_allowed_host_and_scheme(target, allowed_hosts=None) and target.startswith(f"/{language}/")
    response = redirect(target if allowed else f"/{language}/")
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=True,
    )
    return response


def search_words(query):
    """The words of a query, without the punctuation search engines treat as syntax.

    Readers type words, not query syntax; quotes, brackets or stars would otherwise reach
    SQLite's full-text parser as syntax and fail.
    """
    return " ".join(re.sub(r"[^\w\s]", " ", query).split())


@require_safe
def search(request):
    """Search the guidance in the reader's language only; a plain GET form, no JavaScript."""
    query = request.GET.get("q", "").replace("\x00", "").strip()
    language = translation.get_language()
    site = find_site(request)
    if site is not None:
        request._wagtail_site = site  # from the cache, as for pages (see routing.serve_page)
    results = None
    message = ""
    status = 200
    if len(query) > SEARCH_MAX_LENGTH:
        message = _("Please search for fewer words (at most %(limit)d characters).") % {"limit": SEARCH_MAX_LENGTH}
        status = 400
        query = query[:SEARCH_MAX_LENGTH]
    elif words := search_words(query):
        locale = Locale.objects.get(language_code=language)
        pages = Page.objects.live().public().filter(locale=locale, depth__gt=2)
        found = pages.search(words, operator="and")
        results = Paginator(found, 10).get_page(request.GET.get("page"))
        results.object_list = with_summaries(results.object_list)
    return render(request, "guidance_pages/search.html", {"query": query, "results": results, "message": message}, status=status)


def with_summaries(pages):
    """The pages, each with its summary (blank for kinds of page without one), in one query.

    ``.specific()`` would cost a query for each kind of page among the results (guides, chapters,
    standard pages), so a search would cost more or fewer queries as its results changed.
    """
    pages = list(pages)
    ids = [page.pk for page in pages]
    summarised = [model for model in get_page_models() if "summary" in {field.name for field in model._meta.local_fields}]
    kinds = [model.objects.filter(pk__in=ids).order_by().values_list("pk", "summary") for model in summarised]
    summaries = dict(kinds[0].union(*kinds[1:], all=True)) if ids and kinds else {}
    for page in pages:
        page.summary = summaries.get(page.pk, "")
    return pages


SERVICE_WORKER = Path(settings.BASE_DIR, "site", "static", "js", "sw.js")


@require_safe
def service_worker(request):
    """The service worker, served from the site root so it may look after every page."""
    response = HttpResponse(SERVICE_WORKER.read_bytes(), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response
