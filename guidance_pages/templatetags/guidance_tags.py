"""Template tags for the parts of every page: language switcher, navigation and footer."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

from wagtail.models import Site
from wagtail.templatetags.wagtailcore_tags import richtext

from guidance_pages.localized import localized_pages, url_language
from guidance_pages.localized import reader_url as url_for_reader
from guidance_pages.models import FooterText, NavigationMenu
from guidance_pages.visibility import for_everyone
from page_cache.content import remember

register = template.Library()


def _language_names():
    return {code: translation.get_language_info(code)["name_local"] for code, _name in settings.LANGUAGES}


def live_translations(request, page):
    """{language code: page} for every version of the page that everyone may see, kept until the content changes."""
    cache = getattr(request, "_live_translations", None) if request is not None else None
    if cache is not None and cache[0] == page.pk:
        return cache[1]
    found = remember(
        f"translations:{page.translation_key}",
        lambda: {
            translation.locale.language_code: translation
            for translation in for_everyone(page.get_translations(inclusive=True)).select_related("locale")
        },
    )
    if request is not None:
        request._live_translations = (page.pk, found)
    return found


@register.inclusion_tag("includes/alternates.html", takes_context=True)
def page_alternates(context, page=None):
    """<link rel="alternate" hreflang> for every translation, x-default, and the canonical address."""
    request = context.get("request")
    if page is None or not getattr(page, "pk", None) or request is None:
        return {"alternates": [], "canonical": None}
    translations = live_translations(request, page)
    alternates = [
        {"code": code, "url": request.build_absolute_uri(translations[code].get_url(request))}
        for code, _name in settings.LANGUAGES
        if code in translations
    ]
    if settings.LANGUAGE_CODE in translations:
        alternates.append({"code": "x-default", "url": request.build_absolute_uri(translations[settings.LANGUAGE_CODE].get_url(request))})
    # A page shown in English under another language belongs, canonically, to its English address.
    canonical = request.build_absolute_uri(page.get_url(request))
    return {"alternates": alternates, "canonical": canonical}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """Links to this page in every language it is published in, each named in its own language."""
    request = context.get("request")
    current = translation.get_language()
    if page is None or not getattr(page, "pk", None):
        # Pages outside the page tree (errors, search): offer each language's home page.
        site = Site.find_for_request(request) if request else None
        page = site.root_page if site else None
    languages = []
    if page is not None:
        translations = live_translations(request, page)
        for code, name in _language_names().items():
            if code in translations:
                languages.append(
                    {
                        "code": code,
                        "name": name,
                        "url": translations[code].get_url(request),
                        "choose_url": f"/{code}/language/?{urlencode({'next': translations[code].get_url(request)})}",
                        "bidi": translation.get_language_info(code)["bidi"],
                        "current": code == current,
                    }
                )
    return {"languages": languages if len(languages) > 1 else [], "current": current}


@register.filter
def link_items(values):
    """Each link value as {"url", "text"}, pages shown in the reader's language, in one query."""
    values = list(values)
    pages = localized_pages([value["page"] for value in values if value["page"]])
    by_key = {page.translation_key: page for page in pages}
    items = []
    for value in values:
        if value["page"]:
            page = by_key.get(value["page"].translation_key, value["page"])
            items.append({"url": url_for_reader(page), "text": value["text"] or page.title})
        elif value["url"]:
            items.append({"url": value["url"], "text": value["text"]})
    return items


def _for_reader(model):
    """The snippet in the reader's language, falling back to the source language."""
    current = translation.get_language()
    candidates = {
        item.locale.language_code: item
        for item in model.objects.filter(locale__language_code__in={current, settings.LANGUAGE_CODE}).select_related("locale")
    }
    return candidates.get(current) or candidates.get(settings.LANGUAGE_CODE)


def _navigation_links():
    menu = _for_reader(NavigationMenu)
    return link_items(block.value for block in menu.links) if menu else []


def _url_of(page, request):
    return page.get_url(request) if page is not None and getattr(page, "pk", None) else None


@register.inclusion_tag("includes/navigation.html", takes_context=True)
def site_navigation(context):
    """The menu at the top of every page, kept until the content changes."""
    return {
        "links": remember(f"navigation:{translation.get_language()}", _navigation_links),
        "current_url": _url_of(context.get("page"), context.get("request")),
    }


def _footer():
    footer = _for_reader(FooterText)
    if footer is None:
        return {"text": "", "links": []}
    return {"text": str(richtext(footer.text)) if footer.text else "", "links": link_items(block.value for block in footer.links)}


@register.inclusion_tag("includes/site_footer.html")
def site_footer():
    """The text and links at the bottom of every page, kept until the content changes."""
    footer = remember(f"footer:{translation.get_language()}", _footer)
    return {"text": mark_safe(footer["text"]), "links": footer["links"]}  # noqa: S308 - Wagtail's rich text, rendered


@register.simple_tag
def home_url():
    """The home page in the reader's language."""
    return f"/{translation.get_language()}/"


@register.simple_tag(takes_context=True)
def reader_url(context, page):
    """Like {% pageurl %}, but keeps the reader in their language (see localized.reader_url)."""
    return url_for_reader(page, context.get("request"))


@register.simple_tag(takes_context=True)
def content_lang(context, page):
    """lang and dir for a page's own text when it is not in the reader's language.

    An English guide shown on an Arabic page (not translated yet) is marked lang="en" dir="ltr",
    so screen readers pronounce it as English and it lays out left to right.
    """
    language = url_language(page.get_url(context.get("request")))
    if not language or language == translation.get_language():
        return ""
    direction = "rtl" if translation.get_language_info(language)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', language, direction)


@register.simple_tag
def page_translation_status(page):
    """See guidance_pages.translation_status."""
    from guidance_pages.translation_status import translation_status

    if page is None or not getattr(page, "pk", None):
        return {}
    return remember(f"translation-status:{page.pk}", lambda: translation_status(page))
