"""A per-client limit on feedback submissions that holds across every server process.

With REDIS_URL set, Redis counts (atomic INCR, expiring keys). Without it, a small database
table counts: the local-memory cache would let each gunicorn worker count on its own. While
Redis cannot be reached, the table counts too, so the limit still holds and readers are not
refused because of an outage that is not theirs.
"""

import hashlib
import hmac
import logging
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from feedback.models import SubmissionCount

logger = logging.getLogger(__name__)


def client_address(request):
    """The reader's address: REMOTE_ADDR, or the address a trusted proxy in front of us saw."""
    if settings.FEEDBACK_TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        # The proxy appends the address it saw; anything before it could be made up by the client.
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR", "")


def _client_key(request, window_number):
    message = f"{client_address(request)}|{window_number}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def allow_submission(request):
    """Count this submission; False once the client has sent more than the limit in this window."""
    limit, seconds = settings.FEEDBACK_RATE_LIMIT
    now = timezone.now()
    window_number = int(now.timestamp()) // seconds
    key = _client_key(request, window_number)
    if settings.REDIS_URL:
        count = _count_in_cache(key, seconds)
        if count is not None:
            return count <= limit
        logger.warning("Redis cannot be reached: the feedback rate limit is counted in the database until it is back.")
    window_ends = datetime.fromtimestamp((window_number + 1) * seconds, tz=UTC)
    return _count_in_database(key, window_ends, now) <= limit


def _count_in_cache(key, seconds):
    """The client's count in Redis, or None when Redis cannot be reached.

    django-redis answers None instead of raising while Redis is down (IGNORE_EXCEPTIONS in the
    settings), where add() otherwise answers True or False and incr() a number.
    """
    cache_key = f"feedback-rate:{key}"
    if cache.add(cache_key, 0, timeout=seconds) is None:
        return None
    try:
        return cache.incr(cache_key)
    except ValueError:
        # The key expired between add() and incr(): this is the first submission of a new window.
        return 1


def _count_in_database(key, window_ends, now):
    for _attempt in range(3):
        with transaction.atomic():
            updated = SubmissionCount.objects.filter(client=key).update(count=F("count") + 1)
            if updated:
                return SubmissionCount.objects.get(client=key).count
            try:
                with transaction.atomic():
                    SubmissionCount.objects.create(client=key, window_ends=window_ends, count=1)
            except IntegrityError:
                continue  # another process created it first; count again
            SubmissionCount.objects.filter(window_ends__lt=now - timedelta(seconds=1)).delete()
            return 1
    return SubmissionCount.objects.get(client=key).count
