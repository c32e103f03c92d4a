"""Every place that shows text people typed escapes it: HTML in a title, a block or a snippet is shown as text.

One guide is filled with `<img src=x onerror=alert(1)>` in every field a person can type into
(page fields, every block, contributors, glossary, menu, footer, file titles), then each page,
search result, feedback page, admin report and listing that shows them is checked: the escaped
text is there and the raw tag is not.
"""

import json
import re
import unicodedata
from io import BytesIO

from django.urls import reverse
from django.utils.html import escape

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale
from wagtailmedia.models import Media

import pytest

from feedback.models import PageFeedback
from guidance_pages import pdf
from guidance_pages.models import (
    Contributor,
    FooterText,
    GlossaryTerm,
    GuideChapterPage,
    GuideContributor,
    GuideIndexPage,
    GuidePage,
    NavigationMenu,
)

pytestmark = pytest.mark.django_db

XSS = "<img src=x onerror=alert(1)>"
ESCAPED = escape(XSS)  # &lt;img src=x onerror=alert(1)&gt;
BLOCK_ID = '"><script>alert(2)</script>'


def hostile(label):
    return f"{label} {XSS}"


def shown_escaped(html, *labels):
    """Each label is on the page followed by the escaped tag, and the raw tag is nowhere."""
    assert XSS not in html
    assert "<script>alert" not in html
    missing = [label for label in labels if f"{label} {ESCAPED}" not in html]
    assert not missing, f"not shown escaped: {missing}"


def chapter_body(image, document, media):
    return [
        {"type": "heading", "value": {"text": hostile("Heading"), "level": "h2"}, "id": BLOCK_ID},
        {"type": "heading", "value": {"text": hostile("Second heading"), "level": "h2"}, "id": "second"},
        # Rich text is stored as HTML; the editor stores what was typed as escaped text.
        {"type": "paragraph", "value": f"<p>A zebra says {ESCAPED}</p>", "id": "p"},
        {"type": "quote", "value": {"text": hostile("Quote"), "attribution": hostile("Amira"), "anonymous": False}, "id": "q"},
        {"type": "key_point", "value": {"style": "tip", "text": hostile("Tip")}, "id": "k"},
        {"type": "checklist", "value": {"title": hostile("Checklist"), "items": [hostile("Item")]}, "id": "c"},
        {
            "type": "steps",
            "value": {"title": hostile("Steps"), "steps": [{"title": hostile("Step"), "text": hostile("Details")}]},
            "id": "s",
        },
        {"type": "question_answer", "value": {"question": hostile("Question"), "answer": f"<p>Answer {ESCAPED}</p>"}, "id": "qa"},
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": hostile('Alt "'), "decorative": False, "caption": hostile("Caption")},
            "id": "i",
        },
        {"type": "document", "value": {"document": document.pk, "title": "", "description": hostile("Description")}, "id": "d"},
        {
            "type": "media",
            "value": {"media": media.pk, "title": hostile("Media"), "transcript": hostile("Transcript"), "captions": []},
            "id": "m",
        },
        {
            "type": "related_links",
            "value": {
                "title": hostile("Read next"),
                "links": [{"page": None, "url": 'https://example.org/?q="><script>', "text": hostile("Link")}],
            },
            "id": "r",
        },
    ]


@pytest.fixture
def site(db):
    """A published guide with two chapters, and snippets, with markup in every field people type into."""
    english = Locale.objects.get(language_code="en")
    image, document, media = Image.objects.first(), Document.objects.first(), Media.objects.first()
    Document.objects.filter(pk=document.pk).update(title=hostile("Document"))
    contributor = Contributor.objects.create(locale=english, display_name=hostile("Name"), role=hostile("Role"), consent_to_credit=True)
    GlossaryTerm.objects.create(locale=english, term="zebra", definition=hostile("Definition"))
    menu = NavigationMenu.objects.get(locale=english)
    menu.links = [*menu.links.raw_data, {"type": "link", "value": {"page": None, "url": "https://example.org/", "text": hostile("Menu")}}]
    menu.save()
    footer = FooterText.objects.get(locale=english)
    footer.text = f"<p>Footer {ESCAPED}</p>"
    footer.links = [{"type": "link", "value": {"page": None, "url": "https://example.org/", "text": hostile("Footer link")}}]
    footer.save()

    index = GuideIndexPage.objects.get(locale=english)
    guide = GuidePage(
        title=hostile("Guide"),
        slug="hostile-guide",
        summary=hostile("Guide summary"),
        audience=hostile("Audience"),
        key_points=[{"type": "point", "value": hostile("Key point")}],
        guide_contributors=[GuideContributor(contributor=contributor, contribution="wrote")],
    )
    index.add_child(instance=guide)
    guide.save_revision().publish()
    chapters = []
    for slug, title in [("one", "Chapter one"), ("two", "Chapter two")]:
        chapter = GuideChapterPage(
            title=hostile(title),
            slug=slug,
            summary=hostile(f"{title} summary"),
            content_note=hostile("Content note"),
            body=chapter_body(image, document, media),
        )
        guide.add_child(instance=chapter)
        chapter.save_revision().publish()
        chapters.append(chapter)
    return guide, chapters


def test_a_chapter_escapes_its_fields_every_block_and_the_glossary(client, site):
    _guide, (first, _second) = site
    html = client.get(first.url).text
    shown_escaped(
        html,
        *["Chapter one", "Chapter one summary", "Content note", "Guide", "Chapter two"],  # fields, breadcrumbs, next chapter
        *["Heading", "Second heading", "Quote", "Amira", "Tip", "Checklist", "Item", "Steps", "Step", "Details"],
        *["Question", "Answer", "Caption", "Document", "Description", "Media", "Transcript", "Read next", "Link", "Definition"],
    )
    assert f"<title>Chapter one {ESCAPED} – " in html
    assert f'<meta name="description" content="Chapter one summary {ESCAPED}">' in html
    assert f'alt="Alt &quot; {ESCAPED}"' in html
    assert 'id="section-&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"' in html
    assert 'href="#section-&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"' in html
    assert 'href="https://example.org/?q=&quot;&gt;&lt;script&gt;"' in html
    assert f'A <a class="term" href="#term-zebra">zebra</a> says {ESCAPED}' in html


def test_a_guide_escapes_its_fields_chapters_and_contributors(client, site):
    guide, _chapters = site
    shown_escaped(
        client.get(guide.url).text,
        *["Guide", "Guide summary", "Audience", "Key point", "Chapter one", "Chapter one summary", "Chapter two", "Name", "Role"],
    )


def test_the_list_of_guides_escapes_guide_titles_and_summaries(client, site):
    shown_escaped(client.get("/en/guides/").text, "Guide", "Guide summary")


def test_the_menu_and_footer_escape_their_text_on_every_page(client, site):
    for url in ["/en/", "/en/guides/", "/en/search/?q=zebra", "/en/no-such-page/"]:
        shown_escaped(client.get(url).text, "Menu", "Footer", "Footer link")


def test_an_untranslated_guide_read_in_arabic_is_escaped_too(client, site):
    guide, (first, _second) = site
    shown_escaped(client.get("/ar" + guide.url.removeprefix("/en")).text, "Guide", "Guide summary", "Chapter one")
    shown_escaped(client.get("/ar" + first.url.removeprefix("/en")).text, "Chapter one", "Heading", "Definition")


def test_search_results_escape_titles_and_summaries(client, site):
    html = client.get("/en/search/", {"q": "onerror zebra"}).text
    shown_escaped(html, "Chapter one", "Chapter one summary", "Chapter two", "Chapter two summary")


def test_the_feedback_thank_you_page_escapes_the_chapter_title(client, site):
    _guide, (first, _second) = site
    html = client.get("/en/feedback/thanks/", {"page": first.pk}).text
    assert f"Back to “Chapter one {ESCAPED}”" in html
    assert XSS not in html


def test_footer_text_typed_in_the_snippet_editor_is_shown_as_text(client, users):
    client.force_login(users["admin"])
    footer = FooterText.objects.get(locale__language_code="en")
    block = {"key": "a", "text": f"Footer {XSS}", "type": "unstyled", "depth": 0, "inlineStyleRanges": [], "entityRanges": []}
    data = {"text": json.dumps({"blocks": [block], "entityMap": {}}), "links-count": "0"}
    response = client.post(reverse("wagtailsnippets_guidance_pages_footertext:edit", args=[footer.pk]), data)
    assert response.status_code == 302
    client.logout()
    shown_escaped(client.get("/en/").text, "Footer")


def test_the_feedback_report_escapes_titles_and_comments(client, users, site):
    _guide, (first, _second) = site
    PageFeedback.objects.create(page=first, language_code="en", useful=False, comment=hostile("Comment"))
    client.force_login(users["reviewer"])
    html = client.get("/admin/reader-feedback/").text
    shown_escaped(html, "Guide", "Chapter one", "Comment")
    assert f">Guide {ESCAPED}</option>" in html  # the guide filter


def test_the_guide_chapters_listing_escapes_titles(client, users, site):
    PageFeedback.objects.create(page=site[1][0], language_code="en", useful=True)
    client.force_login(users["reviewer"])
    html = client.get(reverse("guide_chapters:index") + "?q=onerror").text
    shown_escaped(html, "Chapter one", "Chapter two")
    assert "100% of 1" in html


@pytest.mark.pdf
def test_the_pdf_shows_markup_as_text(client, site):
    from pypdf import PdfReader

    pdf.weasyprint_loads.cache_clear()
    pdf.has_fonts_for.cache_clear()
    if not pdf.pdf_available("en"):
        pytest.skip("needs WeasyPrint's libraries (Pango) and Noto fonts: apt-get install fonts-noto-core")
    guide, _chapters = site
    response = client.get(guide.url + "pdf/")
    assert response.status_code == 200
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))
    # Had the tags been left raw, WeasyPrint would have drawn (or dropped) an image, not this text.
    for label in ["Guide", "Audience", "Chapter one", "Heading", "Quote", "Definition", "Name"]:
        assert f"{label} {XSS}" in text, label


@pytest.mark.parametrize("term", ["amp", "lt", "quot", "x27"])
def test_glossary_links_never_break_escaped_characters(client, site, term):
    _guide, (first, _second) = site
    GlossaryTerm.objects.create(locale=first.locale, term=term, definition="A word that looks like part of an escaped character.")
    first.body = [{"type": "paragraph", "value": f"<p>Q&amp;A: 1 &lt; 2, &quot;quoted&quot;, it&#x27;s {term} here.</p>", "id": "p"}]
    first.save_revision().publish()
    html = client.get(first.url).text
    assert f'<p>Q&amp;A: 1 &lt; 2, &quot;quoted&quot;, it&#x27;s <a class="term" href="#term-{term}">{term}</a> here.</p>' in html
