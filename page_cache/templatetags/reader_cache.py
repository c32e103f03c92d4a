"""{% kept_for_readers %}: a part of a page rendered once and kept until the content changes.

Signed-in editors, and readers whose address has a query string, are not served whole pages
from the page cache; most of what they see is still the same for everyone: the header with the
language switcher, the hreflang links, a chapter's text and its place in the guide. Each such
part is kept under the content version (see page_cache.content), for the reader's language,
address (scheme and host, as links may be absolute), and whether the page is shown untranslated,
plus whatever the template names, so it is never out of date and never someone else's.

    {% load reader_cache %}
    {% kept_for_readers "header" page %}...{% endkept_for_readers %}

Only put parts there that are the same for every reader of that page: nothing about the
signed-in user, no form with a CSRF token (a part containing one is never kept), no query string.
"""

import hashlib

from django import template
from django.utils import translation
from django.utils.safestring import mark_safe

from page_cache.content import cached, store

register = template.Library()
CSRF_FIELD = "csrfmiddlewaretoken"


class KeptForReadersNode(template.Node):
    def __init__(self, nodelist, name, varying):
        self.nodelist = nodelist
        self.name = name
        self.varying = varying

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)  # a draft: never from or into the cache
        key = self.key(context, request)
        html = cached(key)
        if html is None:
            html = self.nodelist.render(context)
            if CSRF_FIELD not in html:
                store(key, str(html))
        return mark_safe(html)  # noqa: S308 - our own template's output, escaped when it was rendered

    def key(self, context, request):
        parts = [self.name.resolve(context), *self.for_request(request)]
        for variable in self.varying:
            value = variable.resolve(context)
            meta = getattr(value, "_meta", None)
            parts.append(f"{meta.label_lower}:{value.pk}" if meta is not None else repr(value))
        return "fragment:" + hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()

    @staticmethod
    def for_request(request):
        """What every part's key takes from the request, worked out once per request."""
        language = translation.get_language() or ""
        kept = getattr(request, "_kept_for_readers", None)
        if kept is None or kept[0] != language:
            untranslated = getattr(request, "untranslated_language", None) or ""
            kept = (language, request.scheme, request.get_host(), untranslated)
            request._kept_for_readers = kept
        return kept


@register.tag
def kept_for_readers(parser, token):
    """{% kept_for_readers "name" value... %}: see the module's docstring."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError('{% kept_for_readers %} needs a name, for example {% kept_for_readers "header" page %}.')
    nodelist = parser.parse(("endkept_for_readers",))
    parser.delete_first_token()
    return KeptForReadersNode(nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]])
