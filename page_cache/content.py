"""One version for everything readers see, and values remembered for as long as it holds.

Publishing, unpublishing, moving or deleting a page, or changing a snippet, image, site or
locale, gives the site's content a new version. Everything cached for readers (whole pages,
navigation, footer, glossary, translation notices) is stored under the version it was made
from, so a new version makes all of it unreachable at once, in every server process that
shares the cache. Nothing is ever purged by hand, so nothing can be forgotten: the switcher on
an English page shows a newly published Arabic translation as soon as it is published.

A guidance site publishes a few times a day and is read thousands of times in between, so
emptying everything on each change costs little: the next few requests fill it again.

A value stored under a version never changes, so each process also keeps the latest ones in
its own memory: a request then reads the shared cache once, for the version. A page this
process does not have in memory is read in that same round trip, under the version the process
saw last, and used only if that is still the current version (Redis reads both at once).

Every key also names the release of the code (see page_cache.release): a deploy never serves
pages an earlier release rendered, while the content version stays shared by both.

With ``PAGE_CACHE_VERSION_SECONDS`` above 0, a process goes on using the version it read last
for that long without asking the shared cache, so a page it has in memory costs no round trip
to Redis at all. Other processes then see a change up to that many seconds late; the process
that made the change sees it at once.
"""

import time
import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from page_cache.release import release

VERSION_KEY = "content-version"
DAY = 60 * 60 * 24
# Values kept in each process's memory (pages are a few tens of kilobytes each).
IN_MEMORY = 1000
_MISSING = object()
_request_version = ContextVar("content_version", default=None)
_in_memory = {}
# The version this process read last (usually still the current one), and when it read it.
_last_seen = [None]
_last_read = [0.0]


def content_version():
    """The current version: read once per request, or from the cache outside requests."""
    return _request_version.get() or _shared_version()


def _shared_version(key=None):
    """The current version; with ``key``, also what is stored under it, in the same round trip."""
    seen = _last_seen[0]
    if seen is not None and time.monotonic() - _last_read[0] < settings.PAGE_CACHE_VERSION_SECONDS:
        return seen
    likely_key = _versioned(key, seen) if key is not None and seen is not None else None
    if likely_key is None or likely_key in _in_memory:
        version = cache.get(VERSION_KEY)
    else:
        found = cache.get_many([VERSION_KEY, likely_key])
        version = found.get(VERSION_KEY)
        # Stored under the version read at the same moment: current, so safe to use.
        if version == seen and likely_key in found:
            _keep_in_memory(likely_key, found[likely_key])
    if version is None:  # the cache lost it (restarted Redis, say): start a new one
        version = uuid.uuid4().hex[:12]
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY) or version
    _last_seen[0] = version
    _last_read[0] = time.monotonic()
    return version


@contextmanager
def one_version_per_request(key=None):
    """Use the same version for everything one request shows (and read it only once).

    ``key``: what the request will look for first (its page), read in the same round trip.
    """
    token = _request_version.set(_shared_version(key))
    try:
        yield _request_version.get()
    finally:
        _request_version.reset(token)


def content_changed():
    """Make everything cached for readers out of date, now and again when the change is committed.

    Now, so this process never serves what it has just changed; on commit, because a request
    that read the database before the commit may have stored the old content under the new
    version in between.
    """
    _new_version()
    transaction.on_commit(_new_version, robust=True)


def _new_version():
    version = uuid.uuid4().hex[:12]
    cache.set(VERSION_KEY, version, timeout=None)
    _last_seen[0], _last_read[0] = version, time.monotonic()
    if _request_version.get() is not None:
        _request_version.set(version)


def cached(key):
    """The value stored under ``key`` for the current version, or None."""
    versioned_key = _versioned(key, content_version())
    value = _in_memory.get(versioned_key, _MISSING)
    if value is _MISSING:
        value = cache.get(versioned_key, _MISSING)
        if value is _MISSING:
            return None
        _keep_in_memory(versioned_key, value)
    return value


def store(key, value, timeout=DAY):
    versioned_key = _versioned(key, content_version())
    cache.set(versioned_key, value, timeout)
    _keep_in_memory(versioned_key, value)


def remember(key, compute, timeout=DAY):
    """``compute()``, kept until the content changes."""
    value = cached(key)
    if value is None:
        value = compute()
        store(key, value, timeout)
    return value


def _versioned(key, version):
    return f"{key}@{version}/{release()}"


def forget_in_this_process():
    """Drop the version and the values this process remembers, as a new process starts: for when
    the shared cache was emptied behind its back (the tests do so between tests)."""
    _in_memory.clear()
    _last_seen[0], _last_read[0] = None, 0.0


def _keep_in_memory(versioned_key, value):
    if len(_in_memory) >= IN_MEMORY:
        # Oldest first: entries of earlier versions go before anything current.
        for old_key in list(_in_memory)[: IN_MEMORY // 4]:
            del _in_memory[old_key]
    _in_memory[versioned_key] = value
