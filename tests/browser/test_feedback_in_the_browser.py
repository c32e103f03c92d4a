"""An Arabic reader answers "Was this page useful?" in a real browser, with and without JavaScript."""

from django.utils import translation

from wagtail.models import Locale

import pytest

from feedback.models import PageFeedback
from guidance_pages.demo import FULLY_TRANSLATED_GUIDE
from guidance_pages.models import GuideChapterPage, GuidePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture
def arabic_chapter():
    guide = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    return GuideChapterPage.objects.child_of(guide).first().get_translation(Locale.objects.get(language_code="ar"))


def arabic(text):
    with translation.override("ar"):
        return translation.gettext(text)


def fill_in(reader, comment):
    reader.get_by_label(arabic("No"), exact=True).check()
    reader.get_by_label(arabic("What could be better? (optional)")).fill(comment)
    reader.get_by_role("button", name=arabic("Send")).click()


def test_with_javascript_the_answer_is_sent_without_leaving_the_page(reader, arabic_chapter):
    reader.goto(arabic_chapter.url)
    navigations = []
    reader.on("framenavigated", lambda frame: navigations.append(frame.url))
    fill_in(reader, "الخط صغير على الهاتف")
    status = reader.locator("[data-feedback-status]")
    status.wait_for(state="visible")
    assert status.inner_text() == arabic("Thank you. Your answer helps us improve this guidance.")
    assert navigations == []  # no page load
    assert reader.url.endswith(arabic_chapter.url)
    feedback = PageFeedback.objects.get()
    assert (feedback.language_code, feedback.useful, feedback.comment) == ("ar", False, "الخط صغير على الهاتف")


@pytest.mark.parametrize("reader", [False], indirect=True)
def test_without_javascript_the_form_posts_and_thanks_the_reader_in_arabic(reader, arabic_chapter):
    reader.goto(arabic_chapter.url)
    fill_in(reader, "أريد أمثلة أكثر")
    reader.wait_for_url("**/ar/feedback/thanks/**")
    assert reader.evaluate("document.documentElement.dir") == "rtl"
    assert arabic("Thank you. Your answer helps us improve this guidance.") in reader.locator("main").inner_text()
    feedback = PageFeedback.objects.get()
    assert (feedback.language_code, feedback.useful, feedback.comment) == ("ar", False, "أريد أمثلة أكثر")


def test_a_refused_answer_keeps_what_the_reader_typed(reader, arabic_chapter):
    reader.goto(arabic_chapter.url)
    reader.get_by_label(arabic("Yes"), exact=True).check()
    reader.get_by_label(arabic("What could be better? (optional)")).fill("<b>bold</b>")
    reader.get_by_role("button", name=arabic("Send")).click()
    status = reader.locator("[data-feedback-status]")
    status.wait_for(state="visible")
    assert status.inner_text() == arabic("Please write your comment as plain text, without code or HTML tags.")
    assert reader.get_by_label(arabic("What could be better? (optional)")).input_value() == "<b>bold</b>"
    assert PageFeedback.objects.count() == 0
