"""Find the page for a reader's address in two queries, whatever its depth, then in none.

Wagtail walks the page tree one level at a time, two queries per level, after looking up the
site and the locale: nine queries for a chapter. Every page's full address within its language
is stored on it (``url_path``), so the page and all its ancestors on the way can be fetched at
once. The page found is kept until the content changes (a move, publish or unpublish gives the
content a new version), so the next request for the address costs no query. The result is
handed to Wagtail's own ``serve`` view, so its hooks (view restrictions, ``before_serve_page``)
and the page's own ``route`` (guides' pdf/ and offline/ addresses, the English fallback of
untranslated pages) still decide everything they decided before, on every request.
"""

import copy
import hashlib

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import Http404
from django.utils import translation

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.views import serve

from page_cache.content import cached, remember, store


def serve_page(request, path):
    site = find_site(request)
    if site is not None:
        request._wagtail_site = site  # what Site.find_for_request would have found, cached
        # What Page.get_url would read from the cache on every call without a request.
        request._wagtail_cached_site_root_paths = site_root_paths()
        home_path = home_paths(site).get(translation.get_language())
        if home_path is not None:
            request._wagtail_route_for_request = find_route(request, home_path, path)
    return serve(request, path)


def find_site(request):
    """The Site for the request's host, from the cache (Wagtail asks the database every time)."""
    try:
        host = request.get_host()
    except DisallowedHost:
        return None  # let Wagtail and Django answer it (400)
    return remember(f"site:{host}", lambda: Site._find_for_request(request))


def site_root_paths():
    """Wagtail's list of sites' home pages, kept until the content changes.

    Wagtail keeps it in the shared cache and reads it again on every call; a home page's
    address changes only when it is published, moved or its site changed, which all give the
    content a new version.
    """
    return remember("site-root-paths", Site.get_site_root_paths)


def home_paths(site):
    """{language code: the url_path of that language's home page} for the site."""
    return {root.language_code: root.root_path for root in site_root_paths() if root.site_id == site.id}


def find_route(request, home_path, path):
    """Wagtail's RouteResult for ``path`` under the home page at ``home_path``, or None (404).

    The page found is kept until the content changes, with whether it is the English page shown
    because the reader's language has none. Only addresses that lead to a page are kept, so
    made-up addresses cannot fill the cache.
    """
    components = [component for component in path.split("/") if component]
    key = "address:" + hashlib.sha256("/".join([home_path, *components]).encode()).hexdigest()
    found = cached(key)
    if found is None:
        found = _find_page(request, home_path, components)
        if found is None:
            return None
        store(key, found)
    page, remaining, untranslated = found
    if untranslated:
        request.untranslated_language = settings.LANGUAGE_CODE
    return _route(request, page, remaining)


def _route(request, page, remaining):
    try:
        # A copy: the page kept in this process's memory is shared by every request.
        return copy.copy(page).route(request, remaining)
    except Http404:
        return None


def _find_page(request, home_path, components):
    """(page, the rest of the address, whether it is the English page shown instead), or None."""
    found = _deepest_page(home_path, components)
    if found is not None and _route(request, *found) is not None:
        return (*found, False)
    if not components or translation.get_language() == settings.LANGUAGE_CODE:
        return None
    # Not translated: the English page under the reader's language (see HomePage.route).
    english_home = home_paths(request._wagtail_site).get(settings.LANGUAGE_CODE)
    found = _deepest_page(english_home, components) if english_home else None
    if found is not None and _route(request, *found) is not None:
        return (*found, True)
    return None


def _deepest_page(home_path, components):
    """(the page at the address, the rest of the address for the page itself), or None."""
    addresses = [home_path + "".join(f"{part}/" for part in components[:depth]) for depth in range(len(components) + 1)]
    found = {page.url_path: page for page in Page.objects.filter(url_path__in=addresses)}
    home = found.get(home_path)
    if home is None or not home.live:
        return None
    # The deepest page on the way whose ancestors are all found (a moved page keeps no stale path).
    deepest, matched = home, 0
    for depth, address in enumerate(addresses[1:], start=1):
        page = found.get(address)
        if page is None or not page.path.startswith(deepest.path) or page.depth != deepest.depth + 1:
            break
        deepest, matched = page, depth
    # The rest of the address is the page's own business (a guide's pdf/) or there is no such page.
    remaining = components[matched:]
    if remaining and not issubclass(deepest.specific_class or Page, RoutablePageMixin):
        return None
    return deepest.specific, remaining
