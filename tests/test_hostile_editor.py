"""StreamField and rich text data posted by hand to the page and snippet editors.

Wagtail's JavaScript normally writes this data; a request made by hand (or a page whose
JavaScript did not load) can send anything. Every case gets the form back with an error, or a
4xx, never a 500; the live page and its latest revision stay as they were.
"""

import json

from django.urls import reverse

from wagtail.models import Page, Revision

import pytest

from guidance_pages.demo import FULLY_TRANSLATED_GUIDE
from guidance_pages.editor_forms import UNREADABLE_MESSAGE
from guidance_pages.models import FooterText, GuideChapterPage, GuidePage, HomePage, NavigationMenu
from tests.hostile import database_state

pytestmark = pytest.mark.django_db

UNREADABLE = str(UNREADABLE_MESSAGE)
NOT_SAVED = "The page could not be saved due to validation errors."
COMMENTS = {"comments-TOTAL_FORMS": "0", "comments-INITIAL_FORMS": "0", "comments-MIN_NUM_FORMS": "0", "comments-MAX_NUM_FORMS": "1000"}


@pytest.fixture
def chapter():
    guide = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    return GuideChapterPage.objects.child_of(guide).live().first()


def block(index, block_type, value=None, **fields):
    """One top-level block as the StreamField editor posts it."""
    data = {
        f"body-{index}-type": block_type,
        f"body-{index}-order": str(index),
        f"body-{index}-deleted": "",
        f"body-{index}-id": f"b{index}",
    }
    if value is not None:
        data[f"body-{index}-value"] = value
    data.update({f"body-{index}-value-{name}": field for name, field in fields.items()})
    return data


def draftail(text, block_type="unstyled", entities=None, ranges=()):
    content = {"key": "a", "text": text, "type": block_type, "depth": 0, "inlineStyleRanges": [], "entityRanges": list(ranges)}
    return json.dumps({"blocks": [content], "entityMap": entities or {}})


def one_link(url, text="x"):
    return {
        "links-count": "1",
        "links-0-value-page": "",
        "links-0-value-url": url,
        "links-0-value-text": text,
        "links-0-deleted": "",
        "links-0-order": "0",
        "links-0-id": "l0",
    }


def edit(client, chapter, body, **fields):
    data = {"title": chapter.title, "slug": chapter.slug, "summary": chapter.summary, "content_note": "", **COMMENTS, **body, **fields}
    return client.post(reverse("wagtailadmin_pages:edit", args=[chapter.pk]), data)


def live_content(page):
    page = Page.objects.get(pk=page.pk).specific
    return page.title, page.summary, json.dumps(list(page.body.raw_data)), page.latest_revision_id, page.live_revision_id


def test_a_well_formed_edit_is_saved_as_a_draft(editor, chapter):
    """The form this file posts is the real one: without the hostile part it is saved."""
    revisions, (title, summary, body, _latest, _live) = Revision.objects.count(), live_content(chapter)
    response = edit(editor, chapter, {"body-count": "1", **block(0, "heading", text="A new heading", level="h2")})
    assert response.status_code == 302
    assert Revision.objects.count() == revisions + 1
    draft = GuideChapterPage.objects.get(pk=chapter.pk).get_latest_revision_as_object()
    assert draft.body[0].value["text"] == "A new heading"
    assert live_content(chapter)[:3] == (title, summary, body)  # a draft: readers still see the published chapter


UNREADABLE_BODIES = [
    pytest.param({"body-count": "1", **block(0, "script", text="x")}, id="unknown-block-type"),
    pytest.param(
        {"body-count": "1", **block(0, "heading", text="Hi", level="h2"), "body-0-type": "__class__"}, id="python-name-as-block-type"
    ),
    pytest.param({"body-count": "abc", **block(0, "heading", text="Hi", level="h2")}, id="block-count-not-a-number"),
    pytest.param({"body-count": "99999999999999999999", **block(0, "heading", text="Hi", level="h2")}, id="block-count-huge"),
    pytest.param(block(0, "heading", text="Hi", level="h2"), id="block-count-missing"),
    pytest.param({"body": json.dumps([{"type": "heading", "value": {"text": "Hi", "level": "h2"}}])}, id="body-as-one-json-field"),
    pytest.param({"body-count": "1", **block(0, "heading", text="Hi", level="h2"), "body-0-order": "first"}, id="order-not-a-number"),
    pytest.param({"body-count": "2", **block(0, "heading", text="Hi", level="h2")}, id="fewer-blocks-than-counted"),
    pytest.param({"body-count": "1", **block(0, "checklist", title="Things")}, id="list-without-its-count"),
    pytest.param({"body-count": "1", **block(0, "checklist", title="Things", **{"items-count": "many"})}, id="list-count-not-a-number"),
    pytest.param(
        {"body-count": "1", **block(0, "steps", title="T", **{"steps-count": "1", "steps-0-value": "flat"})}, id="struct-posted-flat"
    ),
    pytest.param({"body-count": "1", **block(0, "paragraph", value="<p>not json</p>")}, id="rich-text-not-json"),
    pytest.param({"body-count": "1", **block(0, "paragraph", value="[1, 2, 3]")}, id="rich-text-json-list"),
    pytest.param({"body-count": "1", **block(0, "paragraph", value='{"blocks": 1, "entityMap": []}')}, id="rich-text-json-wrong-shape"),
    pytest.param({"body-count": "1", **block(0, "paragraph", value="")}, id="rich-text-empty-string"),
    pytest.param({"body-count": "1", **block(0, "image", image="abc", alt_text="A table", caption="")}, id="image-id-not-a-number"),
    pytest.param(
        {"body-count": "1", **block(0, "related_links", title="", **{**one_link(""), "links-0-value-page": "abc"})},
        id="page-id-not-a-number",
    ),
    pytest.param(
        {"body-count": "1", **block(0, "media", media="abc", title="T", transcript="T", **{"captions-count": "0"})},
        id="media-id-not-a-number",
    ),
]


@pytest.mark.parametrize("body", UNREADABLE_BODIES)
def test_unreadable_stream_data_gets_the_form_back_with_a_message(editor, chapter, body):
    before, content = database_state(), live_content(chapter)
    response = edit(editor, chapter, body)
    assert response.status_code == 200
    assert NOT_SAVED in response.text
    assert UNREADABLE in response.text
    assert database_state() == before
    assert live_content(chapter) == content


def test_the_form_shows_the_saved_chapter_again_after_unreadable_data(editor, chapter):
    saved_heading = next(block.value["text"] for block in chapter.body if block.block_type == "heading")
    response = edit(editor, chapter, {"body-count": "abc"})
    assert response.status_code == 200
    assert saved_heading in response.text


INVALID_BODIES = [
    pytest.param({"body-count": "1", **block(0, "heading", text="", level="h2")}, "This field is required.", id="heading-without-text"),
    pytest.param(
        {"body-count": "1", **block(0, "heading", text="Hi", level="h1")}, "Select a valid choice", id="heading-level-not-offered"
    ),
    pytest.param({"body-count": "1", **block(0, "heading", text="x" * 121, level="h2")}, "at most 120 characters", id="heading-too-long"),
    pytest.param(
        {"body-count": "1", **block(0, "heading", text="He\x00llo", level="h2")}, "Null characters are not allowed.", id="nul-byte-in-block"
    ),
    pytest.param(
        {"body-count": "1", **block(0, "related_links", title="", **one_link("javascript:alert(1)"))},
        "Enter a valid URL.",
        id="javascript-link",
    ),
    pytest.param(
        {"body-count": "1", **block(0, "related_links", title="", **one_link("data:text/html,<script>alert(1)</script>"))},
        "Enter a valid URL.",
        id="data-url-link",
    ),
    pytest.param(
        {"body-count": "1", **block(0, "image", image="999999", alt_text="A table", caption="")},
        "This field is required.",
        id="image-that-does-not-exist",
    ),
    pytest.param(
        {"body-count": "1", **block(0, "quote", text="Hello", attribution="Amira", anonymous="on")},
        "Remove the name, or untick",
        id="quote-named-and-anonymous",
    ),
    pytest.param(
        {"body-count": "1", **block(0, "checklist", title="T", **{"items-count": "0"})},
        "The minimum number of items is 1",
        id="checklist-without-items",
    ),
    pytest.param({"body-count": "0"}, "This field is required.", id="empty-chapter"),
    pytest.param(
        {"body-count": "1", **block(0, "heading", text="Hi", level="h2"), "title": "a\x00b"},
        "Null characters are not allowed.",
        id="nul-in-title",
    ),
    pytest.param(
        {"body-count": "1", **block(0, "heading", text="Hi", level="h2"), "slug": "../../admin"}, "slug", id="slug-with-traversal"
    ),
]


@pytest.mark.parametrize(("body", "message"), INVALID_BODIES)
def test_invalid_content_submitted_for_review_gets_wagtails_error(editor, chapter, body, message):
    before, content = database_state(), live_content(chapter)
    response = edit(editor, chapter, body, **{"action-submit": "Submit for review"})
    assert response.status_code == 200
    assert NOT_SAVED in response.text
    assert message in response.text
    assert database_state() == before
    assert live_content(chapter) == content


def test_a_huge_number_of_blocks_is_refused_with_a_400(editor, chapter):
    before, content = database_state(), live_content(chapter)
    body = {"body-count": "3000"}
    for index in range(3000):
        body.update(block(index, "heading", text="H", level="h2"))
    response = edit(editor, chapter, body)
    assert response.status_code == 400
    assert database_state() == before
    assert live_content(chapter) == content


LINK = {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(1)"}}}


@pytest.mark.parametrize(
    "rich_text",
    [
        pytest.param(draftail("click me", entities=LINK, ranges=[{"offset": 0, "length": 5, "key": 0}]), id="javascript-link"),
        pytest.param(draftail("<script>alert(1)</script>", block_type="script"), id="script-block-type"),
        pytest.param(draftail('<img src=x onerror="alert(1)">'), id="markup-typed-as-text"),
    ],
)
def test_markup_in_rich_text_is_saved_only_as_harmless_text(editor, chapter, rich_text):
    response = edit(editor, chapter, {"body-count": "1", **block(0, "paragraph", value=rich_text)})
    assert response.status_code == 302
    draft = GuideChapterPage.objects.get(pk=chapter.pk).get_latest_revision_as_object()
    html = str(draft.body[0].value)
    assert "<script" not in html and "<img" not in html and "javascript:" not in html
    preview = editor.get(reverse("wagtailadmin_pages:preview_on_edit", args=[chapter.pk]))
    assert "<script>alert" not in preview.text and "<img src=x" not in preview.text and 'href="javascript:' not in preview.text


def test_a_preview_of_unreadable_data_says_it_is_not_valid(editor, chapter):
    before = database_state()
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[chapter.pk])
    response = editor.post(url, {"title": "x", "slug": chapter.slug, "summary": "x", "body-count": "zz", **COMMENTS})
    assert response.status_code == 200
    assert response.json()["is_valid"] is False
    assert database_state() == before


@pytest.mark.parametrize(
    "intro",
    [
        pytest.param("<p>not json</p>", id="html-instead-of-json"),
        pytest.param('{"blocks": 1}', id="json-of-the-wrong-shape"),
        pytest.param("", id="empty-string"),
    ],
)
def test_unreadable_rich_text_in_a_page_field_gets_a_message(client, users, intro):
    client.force_login(users["admin"])
    home = HomePage.objects.get(locale__language_code="en")
    before = database_state()
    data = {"title": home.title, "slug": home.slug, "intro": intro, "featured_guides-count": "0", **COMMENTS}
    response = client.post(reverse("wagtailadmin_pages:edit", args=[home.pk]), data)
    assert response.status_code == 200
    assert UNREADABLE in response.text
    assert database_state() == before


def test_an_unreadable_list_in_a_guide_gets_a_message(client, users):
    client.force_login(users["editor"])
    guide = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    before = database_state()
    data = {"title": guide.title, "slug": guide.slug, "summary": "s", "audience": "a", "key_points-count": "seven", **COMMENTS}
    response = client.post(reverse("wagtailadmin_pages:edit", args=[guide.pk]), data)
    assert response.status_code == 200
    assert UNREADABLE in response.text
    assert database_state() == before


@pytest.mark.parametrize(
    ("model", "data"),
    [
        pytest.param(FooterText, {"text": "not json", "links-count": "0"}, id="footer-text-not-json"),
        pytest.param(FooterText, {"text": draftail("Run by volunteers.")}, id="footer-links-without-count"),
        pytest.param(
            NavigationMenu,
            {"links-count": "1", "links-0-type": "banner", "links-0-deleted": "", "links-0-order": "0"},
            id="menu-unknown-link-type",
        ),
    ],
)
def test_unreadable_snippet_data_gets_a_message(client, users, model, data):
    client.force_login(users["admin"])
    item = model.objects.get(locale__language_code="en")
    before = database_state()
    response = client.post(reverse(f"wagtailsnippets_guidance_pages_{model._meta.model_name}:edit", args=[item.pk]), data)
    assert response.status_code == 200
    assert UNREADABLE in response.text
    assert database_state() == before
