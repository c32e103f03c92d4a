"""A guide as one PDF, in the reader's language, made on the server with WeasyPrint.

WeasyPrint needs Pango and fonts for the reader's script. Where they are missing, the
download link is hidden (``pdf_available``) and readers can still print from the browser.
"""

import mimetypes
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings

# fontconfig language tags that stand for each shipped language's script.
SCRIPT_SAMPLE_LANGUAGE = {"ar": "ar", "fa": "ar", "ps": "ar", "ckb": "ar", "ur": "ar", "ti": "ti", "uk": "uk"}
BASE_URL = "https://pdf.invalid/"


@lru_cache
def weasyprint_loads():
    try:
        import weasyprint  # noqa: F401 - loading it proves Pango and its friends are installed
    except (ImportError, OSError):
        return False
    return True


@lru_cache
def has_fonts_for(language_code):
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return False
    sample = SCRIPT_SAMPLE_LANGUAGE.get(language_code, "en")
    result = subprocess.run([fc_list, f":lang={sample}", "family"], capture_output=True, text=True, timeout=10, check=False)  # noqa: S603
    return bool(result.stdout.strip())


def pdf_available(language_code):
    """Whether this server can make a correct PDF in this language."""
    return weasyprint_loads() and has_fonts_for(language_code)


def local_files_fetcher():
    """A WeasyPrint URL fetcher that never reaches the network or files outside MEDIA_ROOT."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    media_root = Path(settings.MEDIA_ROOT).resolve()

    class LocalFilesOnly(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if f"{parts.scheme}://{parts.netloc}/" != BASE_URL or not parts.path.startswith(settings.MEDIA_URL):
                raise ValueError(f"refused to fetch {url}")
            path = (media_root / unquote(parts.path.removeprefix(settings.MEDIA_URL))).resolve()
            if not path.is_relative_to(media_root) or not path.is_file():
                raise ValueError(f"no such file {url}")
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type}, 200)

    return LocalFilesOnly()


PDF_STYLESHEET = Path(settings.BASE_DIR, "site", "static", "css", "guide-pdf.css")


def render_pdf(html):
    """PDF bytes from our own HTML and guide-pdf.css; images come from MEDIA_ROOT, nothing else is loaded."""
    from weasyprint import CSS, HTML

    stylesheet = CSS(string=PDF_STYLESHEET.read_text(encoding="utf-8"))
    return HTML(string=html, base_url=BASE_URL, url_fetcher=local_files_fetcher()).write_pdf(stylesheets=[stylesheet])
