"""A reader downloads a guide as a PDF from the browser, in Arabic and in Tigrinya."""

import base64

from django.utils import translation

from wagtail.models import Locale

import pytest

from guidance_pages import pdf
from guidance_pages.demo import FULLY_TRANSLATED_GUIDE
from guidance_pages.models import GuidePage
from tests.test_pdf import pdf_text, squeeze

pytestmark = [pytest.mark.browser, pytest.mark.pdf, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def needs_pdf_support():
    if not (pdf.pdf_available("ar") and pdf.pdf_available("ti")):
        pytest.skip("needs WeasyPrint's libraries (Pango) and Noto fonts: apt-get install fonts-noto-core")


def download(reader, url):
    """Follow the page's "Download this guide" link from inside the browser and return the file."""
    reader.goto(url)
    link = reader.locator(".download-guide")
    assert link.is_visible()
    encoded = link.evaluate(
        "async link => { const data = new Uint8Array(await (await fetch(link.href)).arrayBuffer());"
        " let text = ''; for (const byte of data) text += String.fromCharCode(byte); return btoa(text); }"
    )
    return base64.b64decode(encoded)


def test_downloading_the_arabic_guide(reader):
    arabic = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE).get_translation(
        Locale.objects.get(language_code="ar")
    )
    text = pdf_text(download(reader, arabic.url))
    assert squeeze(arabic.title) in text
    # Lines of a right-to-left paragraph come out of a PDF in visual order, so compare its words.
    words = set(text.split())
    assert all(word.strip("،.") in text for word in arabic.specific.summary.split())
    assert len(words) > 500


def test_downloading_the_guide_in_tigrinya(reader):
    english = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    text = pdf_text(download(reader, "/ti" + english.url.removeprefix("/en")))
    with translation.override("ti"):
        heading = translation.gettext("Who this guide is for")
    assert squeeze(heading) in text and heading != "Who this guide is for"
    assert english.title in text
