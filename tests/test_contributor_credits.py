"""Who with lived experience made each guide is credited, with their consent and their choice of name.

Withdrawing consent removes the name everywhere at once: the English and translated guide pages
(also when they were in the page cache), and the PDF, without waiting for translations to sync.
"""

from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.models import Locale

import pytest

from guidance_pages import pdf
from guidance_pages.demo import FULLY_TRANSLATED_GUIDE
from guidance_pages.models import Contributor, GuideContributor, GuidePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def guides():
    english = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    return english, english.get_translation(Locale.objects.get(language_code="ar"))


@pytest.fixture
def amira():
    """The demo co-author with lived experience, credited on the trustees guide in every language."""
    return Contributor.objects.get(locale__language_code="en", display_name="Amira")


def arabic_name(contributor):
    return contributor.get_translation(Locale.objects.get(language_code="ar")).display_name


def change_in_the_admin(client, user, contributor, **changes):
    """A reviewer edits the contributor in the snippet editor and saves."""
    client.force_login(user)
    data = {
        "display_name": contributor.display_name,
        "role": contributor.role,
        "credit_as": contributor.credit_as,
        **({"lived_experience": "on"} if contributor.lived_experience else {}),
        **({"consent_to_credit": "on"} if contributor.consent_to_credit else {}),
    }
    data.update(changes)
    data = {key: value for key, value in data.items() if value is not None}
    response = client.post(reverse("wagtailsnippets_guidance_pages_contributor:edit", args=[contributor.pk]), data)
    assert response.status_code == 302, response.content[:2000]
    client.logout()


def test_the_guide_credits_its_co_authors_and_says_it_was_co_produced(client, guides, amira):
    english, arabic = guides
    page = client.get(english.url).text
    assert "co-produced with Experts by Experience" in page
    assert "<bdi>Amira</bdi>" in page
    assert f"<bdi>{arabic_name(amira)}</bdi>" in client.get(arabic.url).text


def test_withdrawing_consent_removes_the_name_from_every_language_at_once(client, users, guides, amira):
    english, arabic = guides
    name_in_arabic = arabic_name(amira)
    # Readers have seen the pages: they are in the page cache.
    assert "<bdi>Amira</bdi>" in client.get(english.url).text
    assert f"<bdi>{name_in_arabic}</bdi>" in client.get(arabic.url).text
    change_in_the_admin(client, users["reviewer"], amira, consent_to_credit=None)
    assert "<bdi>Amira</bdi>" not in client.get(english.url).text
    assert f"<bdi>{name_in_arabic}</bdi>" not in client.get(arabic.url).text
    # The Arabic translation of the contributor says so too, without a sync by a translator.
    assert not amira.get_translation(Locale.objects.get(language_code="ar")).consent_to_credit
    assert "<bdi>Yonas</bdi>" in client.get(english.url).text  # the others stay credited


def test_withdrawing_consent_takes_the_name_out_of_the_pdf(client, users, guides, amira):
    pdf.weasyprint_loads.cache_clear()
    pdf.has_fonts_for.cache_clear()
    if not pdf.pdf_available("ar"):
        pytest.skip("needs WeasyPrint's libraries (Pango) and Noto fonts: apt-get install fonts-noto-core")
    from tests.test_pdf import pdf_text

    english, arabic = guides
    assert "Amira" in pdf_text(client.get(english.url + "pdf/").content)
    change_in_the_admin(client, users["reviewer"], amira, consent_to_credit=None)
    assert "Amira" not in pdf_text(client.get(english.url + "pdf/").content)
    assert arabic_name(amira) not in pdf_text(client.get(arabic.url + "pdf/").content)


def test_someone_who_chose_to_be_anonymous_is_counted_but_not_named(client, users, guides, amira):
    english, arabic = guides
    change_in_the_admin(client, users["reviewer"], amira, credit_as="anonymous")
    page = client.get(english.url).text
    assert "Amira" not in page
    assert "<bdi>Anonymous</bdi>" in page
    assert arabic_name(amira) not in client.get(arabic.url).text


def test_a_translator_is_credited_on_the_guide_in_their_language_only(client, guides):
    english, arabic = guides
    source = Locale.objects.get(language_code="en")
    translator = Contributor.objects.create(locale=source, display_name="Hevi", role="Volunteer translator", consent_to_credit=True)
    GuideContributor.objects.create(page=english, contributor=translator, contribution="translated", language="ar")
    GuideContributor.objects.create(page=arabic, contributor=translator, contribution="translated", language="ar")
    assert "Hevi" in client.get(arabic.url).text
    assert "Hevi" not in client.get(english.url).text
    ukrainian = english.get_translation(Locale.objects.get(language_code="uk"))
    GuideContributor.objects.create(page=ukrainian, contributor=translator, contribution="translated", language="ar")
    assert "Hevi" not in client.get(ukrainian.url).text


@pytest.mark.parametrize(
    ("contribution", "language", "message"),
    [
        ("translated", "", "Choose the language this person translated the guide into."),
        ("wrote", "ar", "Leave the language empty unless this person translated the guide."),
    ],
)
def test_a_translation_credit_needs_its_language_and_only_it_does(guides, amira, contribution, language, message):
    english, _arabic = guides
    credit = GuideContributor(page=english, contributor=amira, contribution=contribution, language=language)
    with pytest.raises(ValidationError) as refused:
        credit.full_clean()
    assert message in str(refused.value)


def test_only_people_who_may_change_contributors_can_withdraw_for_them(client, users, amira):
    client.force_login(users["translator-ar"])
    response = client.post(reverse("wagtailsnippets_guidance_pages_contributor:edit", args=[amira.pk]), {"display_name": "Amira"})
    assert response.status_code in (302, 403)
    amira.refresh_from_db()
    assert amira.consent_to_credit
