"""Editors can open every editing form, and a chapter with a broken block is refused, not lost."""

import json

from django.urls import reverse

from wagtail.models import Page

import pytest

from guidance_pages.models import (
    Contributor,
    FooterText,
    GlossaryTerm,
    GuideChapterPage,
    GuideIndexPage,
    GuidePage,
    HomePage,
    NavigationMenu,
    StandardPage,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [HomePage, GuideIndexPage, GuidePage, GuideChapterPage, StandardPage])
def test_editor_form_opens_for_every_page_type(client, users, model):
    client.force_login(users["admin"])
    page = model.objects.filter(locale__language_code="en").first()
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    assert page.title in response.text


@pytest.mark.parametrize("model", [Contributor, GlossaryTerm, NavigationMenu, FooterText])
def test_editor_form_opens_for_every_snippet(client, users, model):
    client.force_login(users["admin"])
    item = model.objects.filter(locale__language_code="en").first()
    response = client.get(reverse(f"wagtailsnippets_guidance_pages_{model._meta.model_name}:edit", args=[item.pk]))
    assert response.status_code == 200


def test_help_text_on_the_chapter_form_is_plain_english(client, users):
    client.force_login(users["editor"])
    guide = GuidePage.objects.filter(locale__language_code="en").first()
    response = client.get(reverse("wagtailadmin_pages:add", args=["guidance_pages", "guidechapterpage", guide.pk]))
    assert response.status_code == 200
    assert "One or two sentences, shown under the title" in response.text


def chapter_form(guide, body_blocks):
    """The fields the page editor posts for a new chapter."""
    data = {
        "title": "A chapter with a picture",
        "slug": "a-chapter-with-a-picture",
        "summary": "A short summary.",
        "body-count": str(len(body_blocks)),
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    for index, (block_type, fields) in enumerate(body_blocks):
        data[f"body-{index}-type"] = block_type
        data[f"body-{index}-order"] = str(index)
        data[f"body-{index}-deleted"] = ""
        data[f"body-{index}-id"] = f"block-{index}"
        for name, value in fields.items():
            data[f"body-{index}-value-{name}"] = value
    return data


def draftail(text):
    """One paragraph as the rich text editor posts it."""
    block = {"key": "a", "text": text, "type": "unstyled", "depth": 0, "inlineStyleRanges": [], "entityRanges": []}
    return json.dumps({"blocks": [block], "entityMap": {}})


def test_an_image_without_a_description_is_refused_with_a_clear_message(client, users):
    from wagtail.images.models import Image

    client.force_login(users["editor"])
    guide = GuidePage.objects.filter(locale__language_code="en").first()
    chapters_before = Page.objects.count()
    image = Image.objects.first()
    data = chapter_form(guide, [("image", {"image": str(image.pk), "alt_text": "", "caption": ""})])
    response = client.post(reverse("wagtailadmin_pages:add", args=["guidance_pages", "guidechapterpage", guide.pk]), data)
    assert response.status_code == 200  # the form comes back with what the editor typed
    assert "Describe the image, or tick" in response.text
    assert "A chapter with a picture" in response.text
    assert Page.objects.count() == chapters_before


def test_a_described_image_is_saved_as_a_draft(client, users):
    from wagtail.images.models import Image

    client.force_login(users["editor"])
    guide = GuidePage.objects.filter(locale__language_code="en").first()
    image = Image.objects.first()
    data = chapter_form(guide, [("image", {"image": str(image.pk), "alt_text": "Five people at a table", "caption": ""})])
    response = client.post(reverse("wagtailadmin_pages:add", args=["guidance_pages", "guidechapterpage", guide.pk]), data)
    assert response.status_code == 302
    chapter = GuideChapterPage.objects.get(slug="a-chapter-with-a-picture")
    assert not chapter.live
    assert chapter.body[0].value["alt_text"] == "Five people at a table"


def test_an_editor_previews_a_new_chapter_before_saving_it(client, users):
    client.force_login(users["editor"])
    guide = GuidePage.objects.filter(locale__language_code="en").first()
    url = reverse("wagtailadmin_pages:preview_on_add", args=["guidance_pages", "guidechapterpage", guide.pk])
    data = chapter_form(guide, [("heading", {"text": "Before you start", "level": "h2"}), ("paragraph", {})])
    data["body-1-value"] = draftail("Plain words first.")
    assert client.post(url, data).json()["is_valid"] is True
    preview = client.get(url)
    assert preview.status_code == 200
    assert "Before you start" in preview.text and "Plain words first." in preview.text
    assert Page.objects.filter(slug="a-chapter-with-a-picture").count() == 0


def test_a_translator_previews_an_arabic_chapter_right_to_left_whatever_the_admin_language(client, users):
    # Wagtail previews through a request to the page's own address (/ar/...), so the language
    # middleware lays it out as readers will see it.
    client.force_login(users["translator-ar"])
    chapter = GuideChapterPage.objects.filter(locale__language_code="ar").first()
    data = chapter_form(chapter.get_parent(), [("paragraph", {})])
    data.update(title=chapter.title, slug=chapter.slug, summary="ملخص جديد للمعاينة")
    data["body-0-value"] = draftail("نص الفصل.")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[chapter.pk])
    assert client.post(url, data).json()["is_valid"] is True
    preview = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert preview.status_code == 200
    assert '<html lang="ar" dir="rtl">' in preview.text
    assert "ملخص جديد للمعاينة" in preview.text
    chapter.refresh_from_db()
    assert chapter.summary != "ملخص جديد للمعاينة"  # a preview saves nothing


def test_a_preview_of_an_edited_chapter_shows_the_new_text_not_the_cached_one(client, users):
    """Readers' chapters keep their rendered text until the content changes; a preview never uses it."""
    chapter = GuideChapterPage.objects.live().filter(locale__language_code="en").first()
    client.get(chapter.url)  # readers have seen it: its text is now kept
    client.force_login(users["editor"])
    data = chapter_form(chapter.get_parent(), [("paragraph", {})])
    data.update(title=chapter.title, slug=chapter.slug, summary=chapter.summary)
    data["body-0-value"] = draftail("Words only the preview may show.")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[chapter.pk])
    assert client.post(url, data).json()["is_valid"] is True
    assert "Words only the preview may show." in client.get(url).text
    client.logout()
    assert "Words only the preview may show." not in client.get(chapter.url + "?fresh").text
