"""Readers on little data: a chapter with its CSS and JS stays within 30 KB compressed.

Scripts are optional improvements loaded from our own static files; nothing is inline.
"""

import gzip
import re
from pathlib import Path

from django.contrib.staticfiles import finders

from wagtail.models import Page

import pytest

from guidance_pages.models import GuideChapterPage

pytestmark = pytest.mark.django_db

CHAPTER_BUDGET = 14 * 1024  # the first round trip: 10 TCP segments of about 1,460 bytes
PAGE_BUDGET = 30 * 1024


def compressed_size(data):
    return len(gzip.compress(data, compresslevel=6))


def static_file(url):
    return Path(finders.find(url.decode().removeprefix("/static/"))).read_bytes()


def page_weight(client, url):
    """Compressed bytes of a page's HTML with the CSS and JavaScript it loads."""
    html = client.get(url).content
    stylesheets = re.findall(rb'<link rel="stylesheet" href="([^"]+)"', html)
    scripts = re.findall(rb'<script[^>]* src="([^"]+)"', html)
    assert stylesheets == [b"/static/css/main.css"], url
    return compressed_size(html) + sum(compressed_size(static_file(asset)) for asset in stylesheets + scripts)


def test_every_demo_chapter_fits_in_the_first_round_trip(client):
    for chapter in GuideChapterPage.objects.live():
        weight = page_weight(client, chapter.url)
        assert weight <= CHAPTER_BUDGET, (chapter.url, weight)


def test_no_demo_page_exceeds_30_kb(client):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        weight = page_weight(client, page.url)
        assert weight <= PAGE_BUDGET, (page.url, weight)
    for url in ["/en/search/?q=trustees", "/ar/no-such-page/"]:
        assert page_weight(client, url) <= PAGE_BUDGET, url


def test_scripts_are_small_optional_modules_never_inline(client):
    for chapter in GuideChapterPage.objects.live()[:5]:
        html = client.get(chapter.url).content
        for tag in re.findall(rb"<script[^>]*>", html):
            assert b'type="module"' in tag and b'src="/static/' in tag, tag
        assert not re.search(rb"<script[^>]*>\s*[^<\s]", html), "inline script"
        assert not re.search(rb'\son[a-z]+="', html), "inline event handler"
