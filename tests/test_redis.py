"""With REDIS_URL set, the cache is shared Redis (run in CI with REDIS_URL set)."""

import os
import uuid

from django.core.cache import cache

import pytest

pytestmark = pytest.mark.redis


@pytest.fixture(autouse=True)
def needs_redis():
    if not os.environ.get("REDIS_URL"):
        pytest.skip("needs Redis: set REDIS_URL=redis://127.0.0.1:6379/0 to run")


def test_cache_is_redis_and_shared():
    from django_redis import get_redis_connection

    key = f"test-{uuid.uuid4()}"
    cache.set(key, "العربيّة", timeout=30)
    assert cache.get(key) == "العربيّة"
    # Read back through a separate Redis connection: the value really is in Redis.
    assert get_redis_connection("default").exists(cache.make_key(key)) == 1
    cache.delete(key)
    assert cache.get(key) is None
