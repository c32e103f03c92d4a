"""Readers on little data: a chapter with its CSS stays within 30 KB compressed and needs no script."""

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


def test_every_demo_chapter_with_its_stylesheet_is_within_30_kb_compressed(client):
    css = Path(finders.find("css/main.css")).read_bytes()
    for chapter in GuideChapterPage.objects.live():
        html = client.get(chapter.url).content
        stylesheets = re.findall(rb'<link rel="stylesheet" href="([^"]+)"', html)
        assert stylesheets == [b"/static/css/main.css"], chapter.url
        assert compressed_size(html) + compressed_size(css) <= BUDGET, chapter.url


def test_public_pages_load_no_script_for_readers(client):
    for chapter in GuideChapterPage.objects.live()[:5]:
        assert b"<script" not in client.get(chapter.url).content, chapter.url
