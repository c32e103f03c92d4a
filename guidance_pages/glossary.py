"""Explain glossary terms where they appear in a chapter, without JavaScript.

The first time each term appears in the chapter's text it becomes a link to its plain
explanation, listed under "Words explained" at the end of the chapter.
"""

import re

from django.utils.html import escape
from django.utils.text import slugify

# Tags, and character references such as &amp; (a term like "amp" must not match inside them).
TAG = re.compile(r"(<[^>]+>|&#?\w+;)")
# Text inside these is left alone: links stay links, headings stay headings.
SKIP = {"a", "h1", "h2", "h3", "h4", "button", "label", "summary", "script", "style", "figcaption", "dfn"}


def term_anchor(term):
    return "term-" + (slugify(term.term, allow_unicode=True) or str(term.pk))


def explain_terms(html, terms):
    """Link the first use of each term in ``html``; returns (html, the terms that were found)."""
    patterns = [
        (term, re.compile(rf"(?<!\w)({re.escape(term.term)})(?!\w)", re.IGNORECASE)) for term in sorted(terms, key=lambda t: -len(t.term))
    ]
    found = []
    open_tags = []
    parts = TAG.split(str(html))
    for index, part in enumerate(parts):
        if part.startswith("&"):
            continue
        if part.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", part)
            if name:
                tag = name.group(1).lower()
                if part.startswith("</"):
                    if tag in open_tags:
                        del open_tags[len(open_tags) - 1 - open_tags[::-1].index(tag)]
                elif not part.endswith("/>"):
                    open_tags.append(tag)
            continue
        if any(tag in SKIP for tag in open_tags):
            continue
        for term, pattern in patterns:
            if term in found:
                continue
            match = pattern.search(part)
            if match:
                link = f'<a class="term" href="#{term_anchor(term)}">{match.group(1)}</a>'
                part = part[: match.start()] + link + part[match.end() :]
                found.append(term)
        parts[index] = part
    return "".join(parts), found


def explained_terms(found):
    """The terms found, in order, with their anchors, for the "Words explained" list."""
    return [{"anchor": term_anchor(term), "term": escape(term.term), "definition": term.definition} for term in found]
