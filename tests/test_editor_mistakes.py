"""An editor's mistakes in a chapter get a clear message and lose nothing they typed; the advice never blocks saving."""

import json

from django.urls import reverse

from wagtail.images.models import Image
from wagtail.models import Page

import pytest

from guidance_pages.models import GuideChapterPage, GuidePage
from tests.test_editing import chapter_form, draftail

pytestmark = pytest.mark.django_db

LONG = " ".join(["word"] * 40) + "."


@pytest.fixture
def guide():
    return GuidePage.objects.filter(locale__language_code="en").first()


def shown(message, html):
    """Block errors reach the page inside the editor's JSON, where “ and ” are escaped."""
    return message in html or json.dumps(message)[1:-1] in html


def add_url(guide):
    return reverse("wagtailadmin_pages:add", args=["guidance_pages", "guidechapterpage", guide.pk])


def test_an_image_neither_described_nor_decorative_is_refused_and_the_rest_comes_back(editor, guide):
    pages = Page.objects.count()
    data = chapter_form(
        guide,
        [
            ("paragraph", {}),
            ("image", {"image": str(Image.objects.first().pk), "alt_text": "", "decorative": "", "caption": "Our first meeting"}),
        ],
    )
    data["body-0-value"] = draftail("Words the editor typed before the picture.")
    response = editor.post(add_url(guide), data)
    assert response.status_code == 200
    assert shown("Describe the image, or tick “Decorative image”.", response.text)
    assert "Words the editor typed before the picture." in response.text
    assert "Our first meeting" in response.text
    assert Page.objects.count() == pages


def test_a_decorative_image_needs_no_description(editor, guide):
    data = chapter_form(guide, [("image", {"image": str(Image.objects.first().pk), "alt_text": "", "decorative": "on", "caption": ""})])
    assert editor.post(add_url(guide), data).status_code == 302
    assert GuideChapterPage.objects.get(slug="a-chapter-with-a-picture").body[0].value["decorative"] is True


EMPTY_BLOCKS = [
    ("quote", {"text": "", "attribution": "Amira", "anonymous": ""}, "This field is required."),
    ("key_point", {"style": "tip", "text": ""}, "This field is required."),
    ("checklist", {"title": "Before you go", "items-count": "0"}, "The minimum number of items is 1"),
    ("heading", {"text": "", "level": "h2"}, "This field is required."),
]


def form_with(guide, block, fields):
    data = chapter_form(guide, [("paragraph", {}), (block, fields)])
    data["body-0-value"] = draftail("A paragraph the editor does not want to type again.")
    data["summary"] = "A summary worth keeping."
    return data


@pytest.mark.parametrize(("block", "fields", "message"), EMPTY_BLOCKS)
def test_submitting_a_chapter_with_an_empty_required_block_is_refused_and_nothing_typed_is_lost(editor, guide, block, fields, message):
    pages = Page.objects.count()
    data = {**form_with(guide, block, fields), "action-submit": "Submit for review"}
    response = editor.post(add_url(guide), data)
    assert response.status_code == 200
    assert shown(message, response.text)
    assert "The page could not be created due to validation errors" in response.text
    assert shown("A paragraph the editor does not want to type again.", response.text)
    assert "A summary worth keeping." in response.text
    assert Page.objects.count() == pages


@pytest.mark.parametrize(("block", "fields", "message"), EMPTY_BLOCKS)
def test_a_draft_with_an_empty_required_block_is_kept_so_nothing_is_lost(editor, guide, block, fields, message):
    """Wagtail saves drafts with required boxes still empty (deferred validation); publishing checks them."""
    response = editor.post(add_url(guide), form_with(guide, block, fields))
    assert response.status_code == 302
    chapter = GuideChapterPage.objects.get(slug="a-chapter-with-a-picture")
    assert not chapter.live
    assert chapter.get_latest_revision_as_object().summary == "A summary worth keeping."


def test_a_quote_without_a_name_that_is_not_anonymous_is_refused_even_as_a_draft(editor, guide):
    pages = Page.objects.count()
    response = editor.post(add_url(guide), form_with(guide, "quote", {"text": "We were heard.", "attribution": "", "anonymous": ""}))
    assert response.status_code == 200
    assert shown("Say who said it, or tick “Anonymous”.", response.text)
    assert shown("We were heard.", response.text)
    assert Page.objects.count() == pages


def test_plain_english_advice_never_blocks_saving(editor, guide):
    data = chapter_form(guide, [("paragraph", {})])
    data["summary"] = "We utilise the room. The asylum seeker was helped."
    data["body-0-value"] = draftail(LONG)
    response = editor.post(add_url(guide), data)
    assert response.status_code == 302
    chapter = GuideChapterPage.objects.get(slug="a-chapter-with-a-picture")
    assert chapter.writing_score.long_sentences == 1
    assert chapter.writing_score.advice >= 4
