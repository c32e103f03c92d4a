"""Readers on little data: a chapter with its CSS and JS stays within 30 KB compressed.

Scripts are optional improvements loaded from our own static files; nothing is inline.
"""

import gzip
import re
from pathlib import Path

from django.contrib.staticfiles import finders

import pytest

from guidance_pages.models import GuideChapterPage

pytestmark = pytest.mark.django_db

BUDGET = 30 * 1024


def compressed_size(data):
    return len(gzip.compress(data, compresslevel=6))


def static_file(url):
    return Path(finders.find(url.decode().removeprefix("/static/"))).read_bytes()


def test_every_demo_chapter_with_its_css_and_js_is_within_30_kb_compressed(client):
    for chapter in GuideChapterPage.objects.live():
        html = client.get(chapter.url).content
        stylesheets = re.findall(rb'<link rel="stylesheet" href="([^"]+)"', html)
        scripts = re.findall(rb'<script[^>]* src="([^"]+)"', html)
        assert stylesheets == [b"/static/css/main.css"], chapter.url
        total = compressed_size(html) + sum(compressed_size(static_file(url)) for url in stylesheets + scripts)
        assert total <= BUDGET, (chapter.url, total)


def test_scripts_are_small_optional_modules_never_inline(client):
    for chapter in GuideChapterPage.objects.live()[:5]:
        html = client.get(chapter.url).content
        for tag in re.findall(rb"<script[^>]*>", html):
            assert b'type="module"' in tag and b'src="/static/' in tag, tag
        assert not re.search(rb"<script[^>]*>\s*[^<\s]", html), "inline script"
        assert not re.search(rb'\son[a-z]+="', html), "inline event handler"
