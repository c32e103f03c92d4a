"""'Download this guide' gives the whole guide as a PDF in the reader's language."""

import re
import unicodedata
from io import BytesIO

from wagtail.models import Locale

import pytest

from guidance_pages import pdf
from guidance_pages.demo import FULLY_TRANSLATED_GUIDE
from guidance_pages.models import GuideChapterPage, GuidePage

pytestmark = [pytest.mark.pdf, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def needs_pdf_support():
    pdf.weasyprint_loads.cache_clear()
    pdf.has_fonts_for.cache_clear()
    if not (pdf.pdf_available("ar") and pdf.pdf_available("ti")):
        pytest.skip("needs WeasyPrint's libraries (Pango) and Noto fonts: apt-get install fonts-noto-core")
    yield
    pdf.weasyprint_loads.cache_clear()
    pdf.has_fonts_for.cache_clear()


def pdf_text(content):
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)
    # Arabic comes out in presentation forms; NFKC maps them back. Line breaks are layout only.
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))


def squeeze(text):
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture
def guides():
    english = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    return english, english.get_translation(Locale.objects.get(language_code="ar"))


def test_the_arabic_pdf_holds_the_arabic_guide_and_all_its_chapters(client, guides):
    _english, arabic = guides
    response = client.get(arabic.url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="recruiting-trustees-with-lived-experience-ar.pdf"'
    text = pdf_text(response.content)
    for page in [arabic, *GuideChapterPage.objects.live().child_of(arabic)]:
        assert squeeze(page.title) in text, page.title


def test_the_pdf_is_laid_out_by_its_stylesheet_with_numbered_a4_pages(client, guides):
    from pypdf import PdfReader

    english, _arabic = guides
    pages = PdfReader(BytesIO(client.get(english.url + "pdf/").content)).pages
    # guide-pdf.css (no inline <style>) sets A4 and "page / pages" at the foot of each page.
    assert (round(float(pages[0].mediabox.width)), round(float(pages[0].mediabox.height))) == (595, 842)
    assert pages[0].extract_text().rstrip().endswith(f"1 / {len(pages)}")


def test_the_tigrinya_pdf_is_english_text_with_a_tigrinya_notice(client, guides):
    english, _arabic = guides
    response = client.get("/ti" + english.url.removeprefix("/en") + "pdf/")
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert english.title in text
    from django.utils import translation

    with translation.override("ti"):
        notice = translation.gettext("This page has not been translated into your language yet, so it is shown in English.")
    assert squeeze(notice) in text
    assert re.search("[\u1200-\u137f]", text)  # Ethiopic script made it into the PDF


def test_the_guide_page_offers_the_download(client, guides):
    _english, arabic = guides
    assert f'href="{arabic.url}pdf/" download' in client.get(arabic.url).text


def test_without_fonts_for_the_script_the_link_is_hidden_and_the_pdf_is_not_made(client, guides, monkeypatch):
    _english, arabic = guides
    monkeypatch.setenv("PATH", "/nonexistent")  # no fontconfig: as on a server without fonts
    pdf.has_fonts_for.cache_clear()
    assert 'pdf/" download' not in client.get(arabic.url).text
    assert client.get(arabic.url + "pdf/").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "https://example.org/tracker.png",
        "https://pdf.invalid/media/../../etc/passwd",
        "https://pdf.invalid/static/x.css",
    ],
)
def test_the_pdf_maker_loads_nothing_but_our_uploaded_files(url):
    with pytest.raises(ValueError, match="refused|no such file"):
        pdf.local_files_fetcher().fetch(url)
