"""One version for everything readers see, and values remembered for as long as it holds.

Publishing, unpublishing, moving or deleting a page, or changing a snippet, image, site or
locale, gives the site's content a new version. Everything cached for readers (whole pages,
navigation, footer, glossary, translation notices) is stored under the version it was made
from, so a new version makes all of it unreachable at once, in every server process that
shares the cache. Nothing is ever purged by hand, so nothing can be forgotten: the switcher on
an English page shows a newly published Arabic translation as soon as it is published.

A guidance site publishes a few times a day and is read thousands of times in between, so
emptying everything on each change costs little: the next few requests fill it again.
"""

import uuid

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "content-version"
_MISSING = object()
DAY = 60 * 60 * 24


def content_version():
    """The current version; a new one when the cache has lost it (restarted Redis, say)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex[:12]
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY) or version
    return version


def content_changed():
    """Make everything cached for readers out of date, now and again when the change is committed.

    Now, so this process never serves what it has just changed; on commit, because a request
    that read the database before the commit may have stored the old content under the new
    version in between.
    """
    _new_version()
    transaction.on_commit(_new_version, robust=True)


def _new_version():
    cache.set(VERSION_KEY, uuid.uuid4().hex[:12], timeout=None)


def remember(key, compute, timeout=DAY):
    """``compute()``, kept in the cache until the content changes."""
    versioned_key = f"{key}@{content_version()}"
    value = cache.get(versioned_key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(versioned_key, value, timeout)
    return value
