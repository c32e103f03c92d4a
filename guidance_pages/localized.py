"""Show linked pages and snippets in the reader's language, in one query however many there are.

Wagtail's ``.localized`` costs a query per object (and another for the locale); a page with ten
links would cost twenty. These helpers filter on the language code, so no locale is loaded.
"""

from django.conf import settings
from django.utils import translation

from wagtail.models import Page

from guidance_pages.visibility import for_everyone


def translations_by_key(queryset, objects, language_code=None):
    """Map each object's translation_key to its version in the reader's language, where there is one."""
    language_code = language_code or translation.get_language()
    keys = {obj.translation_key for obj in objects if obj is not None}
    if not keys:
        return {}
    return {obj.translation_key: obj for obj in queryset.filter(translation_key__in=keys, locale__language_code=language_code)}


def localized_pages(pages, language_code=None):
    """The version of each page in the reader's language that everyone may see, or the page itself."""
    pages = [page for page in pages if page is not None]
    found = translations_by_key(for_everyone(Page.objects.all()), pages, language_code)
    return [found.get(page.translation_key, page) for page in pages]


def reader_url(page, request=None):
    """The page's address in the reader's language.

    A page the reader's language does not have is linked under the reader's own prefix
    (/ar/guides/...), where it is shown in English with a notice, so readers never leave
    their language by following a link.
    """
    url = page.get_url(request)
    language = translation.get_language()
    prefix = url_language(url)
    if prefix and prefix != language:
        return f"/{language}/{url.split('/', 2)[2]}"
    return url


def url_language(url):
    """The content language an address is in ("/ar/guides/" is "ar"), or None."""
    prefix = url.split("/")[1] if url and url.startswith("/") and url.count("/") > 1 else ""
    return prefix if prefix in dict(settings.LANGUAGES) else None
