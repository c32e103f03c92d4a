"""The demo site: every page renders in every language it exists in, with lang and dir right."""

import re
from html import unescape

from django.conf import settings
from django.utils import translation
from django.utils.html import escape, strip_tags
from django.utils.http import urlencode

from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

import pytest

from guidance_pages.demo import FULLY_TRANSLATED_GUIDE, PARTIAL_GUIDE_LANGUAGE, PARTIAL_PUBLISHED_CHAPTERS, DemoLoader
from guidance_pages.models import CaptionTrack, GuideChapterPage, GuidePage, HomePage

pytestmark = pytest.mark.django_db

RIGHT_TO_LEFT = {"ar", "fa", "ps", "ckb", "ur"}
HTML_TAG = re.compile(r'<html lang="(?P<lang>[^"]+)" dir="(?P<dir>[^"]+)">')
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def html_attributes(response):
    match = HTML_TAG.search(response.text)
    assert match, "the page has no <html lang dir> tag"
    return match["lang"], match["dir"]


def test_every_shipped_language_has_a_locale():
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == sorted(code for code, _name in settings.LANGUAGES)
    assert len(settings.LANGUAGES) == 10


@pytest.mark.parametrize("language_code", [code for code, _name in settings.LANGUAGES])
def test_every_live_page_renders_in_its_language_with_lang_and_dir(client, language_code):
    pages = Page.objects.live().filter(locale__language_code=language_code, depth__gt=1).specific()
    assert pages, f"no live pages in {language_code}"
    expected_dir = "rtl" if language_code in RIGHT_TO_LEFT else "ltr"
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert html_attributes(response) == (language_code, expected_dir), page.url
        assert page.url.startswith(f"/{language_code}/")


@pytest.mark.parametrize("language_code", [code for code, _name in settings.LANGUAGES])
def test_home_page_of_every_language_is_a_real_translated_page(client, language_code):
    home = HomePage.objects.live().get(locale__language_code=language_code)
    response = client.get(f"/{language_code}/")
    assert response.status_code == 200
    assert home.title in response.text
    if language_code != "en":
        english = HomePage.objects.get(locale__language_code="en")
        assert home.title != english.title, "the home page was not translated"
        assert home.translation_key == english.translation_key


def test_right_to_left_home_pages_are_in_their_own_script(client):
    for code in RIGHT_TO_LEFT:
        response = client.get(f"/{code}/")
        heading = re.search(r"<h1>(.*?)</h1>", response.text).group(1)
        assert ARABIC_SCRIPT.search(heading), f"{code} home heading is not in Arabic script: {heading}"


def test_two_demo_guides_in_english_each_with_at_least_four_chapters():
    guides = GuidePage.objects.live().filter(locale__language_code="en")
    assert guides.count() == 2
    for guide in guides:
        assert GuideChapterPage.objects.live().child_of(guide).count() >= 4


def test_the_demo_guides_use_every_block_type():
    from guidance_pages.blocks import GuideBodyBlock

    used = {block.block_type for chapter in GuideChapterPage.objects.filter(locale__language_code="en") for block in chapter.body}
    assert used == set(GuideBodyBlock().child_blocks)


@pytest.mark.parametrize("language_code", ["ar", "uk"])
def test_one_guide_is_fully_translated_through_wagtail_localize(language_code):
    english = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    locale = Locale.objects.get(language_code=language_code)
    translated = english.get_translation(locale)
    assert translated.live
    script = ARABIC_SCRIPT if language_code == "ar" else CYRILLIC
    assert script.search(translated.title)
    english_chapters = GuideChapterPage.objects.child_of(english)
    for chapter in english_chapters:
        translated_chapter = chapter.get_translation(locale).specific
        assert translated_chapter.live
        assert script.search(translated_chapter.title), translated_chapter.title
        # Made through wagtail-localize: a source, a translation record and string translations.
        source = TranslationSource.objects.get(object_id=chapter.translation_key, specific_content_type=chapter.content_type)
        translation_record = Translation.objects.get(source=source, target_locale=locale)
        total, done = translation_record.get_progress()
        assert total > 0 and done == total
    assert StringTranslation.objects.filter(locale=locale).count() > 50


def test_persian_guide_is_partly_translated_with_one_chapter_in_progress():
    english = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    persian = Locale.objects.get(language_code=PARTIAL_GUIDE_LANGUAGE)
    chapters = list(GuideChapterPage.objects.child_of(english))
    live = [
        chapter
        for chapter in chapters
        if GuideChapterPage.objects.live().filter(translation_key=chapter.translation_key, locale=persian).exists()
    ]
    drafts = [
        chapter
        for chapter in chapters
        if GuideChapterPage.objects.filter(translation_key=chapter.translation_key, locale=persian, live=False).exists()
    ]
    assert len(live) == PARTIAL_PUBLISHED_CHAPTERS
    assert len(drafts) == 1
    assert len(live) + len(drafts) < len(chapters)


def test_a_draft_translation_is_not_shown_to_readers(client):
    persian = Locale.objects.get(language_code=PARTIAL_GUIDE_LANGUAGE)
    draft = GuideChapterPage.objects.filter(locale=persian, live=False).first()
    assert draft is not None
    english = draft.get_translation(Locale.objects.get(language_code="en"))
    response = client.get(draft.url)
    # Readers get the published English text with a notice, never the unpublished draft.
    assert response.status_code == 200
    assert draft.title not in response.text
    assert f'<h1 lang="en" dir="ltr">{english.title}</h1>' in response.text


def test_chapter_shows_on_this_page_and_links_to_previous_and_next(client):
    guide = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    first, second, third = list(GuideChapterPage.objects.live().child_of(guide))[:3]
    response = client.get(second.url)
    assert f'href="{first.url}" rel="prev"' in response.text
    assert f'href="{third.url}" rel="next"' in response.text
    for heading in second.contents():
        assert f'href="#section-{heading.id}"' in response.text
        assert f'id="section-{heading.id}"' in response.text


def test_guide_lists_its_chapters_and_credits_only_contributors_who_agreed(client):
    guide = GuidePage.objects.get(locale__language_code="en", slug="running-an-experts-by-experience-user-group")
    response = client.get(guide.url)
    for chapter in GuideChapterPage.objects.live().child_of(guide):
        assert chapter.url in response.text
    assert "Amira" in response.text
    assert "Samir" not in response.text  # did not agree to be credited


def test_the_demo_credits_its_arabic_translator_on_the_arabic_guide_only(client):
    english = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    arabic = english.get_translation(Locale.objects.get(language_code="ar"))
    assert "Layla" in client.get(arabic.url).text
    assert "Layla" not in client.get(english.url).text


def test_the_demo_audio_has_captions_a_translator_added_in_persian(client):
    chapter = next(
        chapter
        for chapter in GuideChapterPage.objects.live().filter(locale__language_code="en")
        if any(block.block_type == "media" for block in chapter.body)
    )
    page = client.get(chapter.url).text
    assert 'srclang="en"' in page and 'srclang="fa" label="فارسی"' in page
    track = CaptionTrack.objects.get(language="fa")
    captions = track.file.read().decode()
    assert captions.startswith("WEBVTT") and "خوش آمدید" in captions


def test_language_switcher_names_each_translation_in_its_own_script(client):
    guide = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    response = client.get(guide.url)
    arabic = guide.get_translation(Locale.objects.get(language_code="ar"))
    choose_arabic = "/ar/language/?" + urlencode({"next": arabic.url})
    assert f'<a href="{escape(choose_arabic)}" lang="ar" hreflang="ar" dir="rtl">العربيّة</a>' in response.text
    assert 'lang="uk" hreflang="uk" dir="ltr">Українська</a>' in response.text
    # The other guide has no Arabic version, so its switcher offers none.
    other = GuidePage.objects.get(locale__language_code="en", slug="running-an-experts-by-experience-user-group")
    assert 'hreflang="ar"' not in client.get(other.url).text


def test_interface_strings_are_translated_on_arabic_pages(client):
    with translation.override("ar"):
        skip_link = translation.gettext("Skip to main content")
    assert skip_link != "Skip to main content"
    assert skip_link in client.get("/ar/").text


def list_texts(chapter):
    """Every checklist item, step title and step text in a chapter, in the order readers see them."""
    texts = []
    for block in chapter.body:
        if block.block_type == "checklist":
            texts += list(block.value["items"])
        elif block.block_type == "steps":
            for step in block.value["steps"]:
                texts += [step["title"], step["text"]]
    return [text for text in texts if text]


@pytest.mark.parametrize("language_code", ["ar", "uk"])
def test_translated_chapters_show_checklists_and_steps_in_their_language(client, language_code):
    english = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    catalog = DemoLoader().catalog(language_code)
    locale = Locale.objects.get(language_code=language_code)
    chapters_with_lists = [chapter for chapter in GuideChapterPage.objects.child_of(english) if list_texts(chapter)]
    assert {chapter.slug for chapter in chapters_with_lists} >= {"getting-your-board-ready", "finding-and-inviting-candidates"}
    for chapter in chapters_with_lists:
        translated = chapter.get_translation(locale)
        assert translated.live
        # What readers read, without the markup (glossary terms inside an item are links).
        page = unescape(strip_tags(client.get(translated.url).text))
        for text in list_texts(chapter):
            assert catalog[text] in page, f"{language_code} {chapter.slug}: no translation of {text!r}"
            assert text not in page, f"{language_code} {chapter.slug}: readers see the English {text!r}"


def test_every_string_offered_for_translation_in_the_demo_has_a_translation_in_its_catalog():
    """Each demo translation's PO export, as a translator would download it, is fully covered by the
    demo catalog of its language, so no demo page shows readers an untranslated English string."""
    loader = DemoLoader()
    catalogs = {}
    translations = Translation.objects.select_related("source", "target_locale").order_by("pk")
    assert translations.count() > 20
    offered = set()
    for translation_record in translations:
        language_code = translation_record.target_locale.language_code
        catalog = catalogs.setdefault(language_code, loader.catalog(language_code))
        po = translation_record.export_po()
        missing = [entry.msgid for entry in po if entry.msgid not in catalog]
        assert not missing, f"{language_code} {translation_record.source.get_source_instance()}: not in {language_code}.po: {missing}"
        offered |= {entry.msgid for entry in po}
    # The lists themselves are offered to translators, not only the text around them.
    english = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    for chapter in GuideChapterPage.objects.child_of(english):
        assert set(list_texts(chapter)) <= offered, chapter.slug
