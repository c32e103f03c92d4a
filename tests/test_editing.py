"""Editors can open every editing form, and a chapter with a broken block is refused, not lost."""

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
