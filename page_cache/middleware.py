"""Whole pages for anonymous readers, from the cache, without touching the database.

A response is kept only when it is the same for every reader: a GET without a query string,
from someone with no session (so nobody signed in, no preview, no password-protected page they
have unlocked), answered 200 with no cookie, no CSRF token, nothing marked private or
uncacheable, and nothing that varies by request header. Everything else goes through as usual.
Entries are stored under the content version (see page_cache.content), so publishing anything
makes every stored page out of date in every process at once.
"""

import hashlib

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, set_response_etag

from page_cache.content import cached, one_version_per_request, store

# Headers worth keeping with the page; the middleware outside the cache adds the rest afresh.
KEPT_HEADERS = {"cache-control", "content-type", "content-language", "content-disposition", "x-frame-options", "link", "etag"}
UNCACHEABLE = {"private", "no-cache", "no-store"}
# Whole-guide PDFs are cached on their own; a page is a few tens of kilobytes.
MAX_BYTES = 1024 * 1024


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.skipped_paths = tuple(settings.PAGE_CACHE_SKIP_PATHS)
        self.bypass_cookies = {settings.SESSION_COOKIE_NAME, "messages"}

    def __call__(self, request):
        key = self.key_for(request)
        with one_version_per_request(key):
            return self.cached_or_fresh(request, key)

    def cached_or_fresh(self, request, key):
        if key is None:
            return self.get_response(request)
        stored = cached(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and self.same_for_everyone(request, response):
            if settings.PAGE_CACHE_CDN_SECONDS:
                # A CDN may keep it too; browsers check back each time (see page_cache.frontend).
                response["Cache-Control"] = f"public, max-age=0, s-maxage={settings.PAGE_CACHE_CDN_SECONDS}"
            if not response.has_header("ETag"):
                # What ConditionalGetMiddleware would work out on every request, kept with the page.
                set_response_etag(response)
            headers = [(name, value) for name, value in response.items() if name.lower() in KEPT_HEADERS]
            store(key, (response.status_code, headers, response.content), settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response

    def key_for(self, request):
        """The cache key for this request, or None when it must not be served from the cache."""
        if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
            return None
        if self.bypass_cookies & request.COOKIES.keys() or request.path.startswith(self.skipped_paths):
            return None
        try:
            host = request.get_host()
        except DisallowedHost:
            return None  # Django answers 400 further in
        return "page:" + hashlib.sha256(f"{request.scheme}://{host}{request.path}".encode()).hexdigest()

    def same_for_everyone(self, request, response):
        if response.status_code != 200 or response.streaming or response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False
        if len(response.content) > MAX_BYTES:
            return False
        cache_control = {part.split("=")[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))}
        if cache_control & UNCACHEABLE:
            return False
        # A page that varies by a header (Accept-Language outside the /en/ prefixes) can't be shared.
        vary = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", "")) if part.strip()}
        return not (vary - {"cookie", "accept-encoding"})
