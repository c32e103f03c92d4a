"""Translators translate contributors, glossary, menu, footer and words we use in their own language
only, through every route: the snippet editor, wagtail-localize's editor and string API, "Translate",
PO files, the listing and the translators' dashboard."""

import re
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.html import escape

from wagtail_localize.models import StringSegment, StringTranslation, Translation

import pytest

from guidance_pages.models import Contributor, FooterText, GlossaryTerm, NavigationMenu
from plain_english.models import PreferredTerm

TRANSLATABLE_SNIPPETS = [Contributor, GlossaryTerm, NavigationMenu, FooterText, PreferredTerm]


def refused(response):
    """Wagtail refuses with 403, or by sending the user back to the dashboard with a message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home"))


def edit_url(instance):
    return reverse(type(instance).snippet_viewset.get_url_name("edit"), args=[instance.pk])


def translation_of(instance):
    return Translation.objects.get(source__object_id=instance.translation_key, target_locale=instance.locale)


def put_string(client, translation, value):
    segment = StringSegment.objects.filter(source=translation.source).first()
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"), segment


def saved_strings(translation):
    return list(
        StringTranslation.objects.filter(locale=translation.target_locale, context__object_id=translation.source.object_id).values_list(
            "data", flat=True
        )
    )


def desk_row(html, instance):
    """The dashboard row whose button or message belongs to this item."""
    rows = re.findall(r"<tr[^>]*data-key[^>]*>.*?</tr>", html, flags=re.S)
    url = edit_url(instance)
    return next((row for row in rows if url in row), "")


def test_the_arabic_translator_opens_the_arabic_footer_from_the_dashboard_and_saves_a_string(client, users, locales):
    footer = FooterText.objects.get(locale=locales["ar"])
    client.force_login(users["translator-ar"])
    desk = client.get(reverse("localisation_desk", args=["ar"])).text
    row = desk_row(desk, footer)
    assert 'class="button button-small' in row
    assert "Ask a coordinator" not in row
    editor = client.get(edit_url(footer))
    assert editor.status_code == 200
    assert "wagtail-localize" in editor.text.lower() or "w-localize" in editor.text or "editTranslation" in editor.text
    translation = translation_of(footer)
    response, _segment = put_string(client, translation, "نص التذييل الجديد")
    assert response.status_code in {200, 201}
    assert "نص التذييل الجديد" in saved_strings(translation)
    response = client.post(edit_url(footer), {"action": "publish"})
    assert response.status_code == 302
    footer.refresh_from_db()
    assert "نص التذييل الجديد" in str(footer.__dict__)


@pytest.mark.parametrize("other", ["uk", "en"])
def test_the_arabic_translator_is_refused_the_ukrainian_and_english_footers(client, users, locales, settings, other):
    # Machine translation switched on (at a port nobody listens on: the refusal comes first).
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "editorial.machine_translation.LibreTranslateForGuidance",
        "OPTIONS": {"LIBRETRANSLATE_URL": "http://127.0.0.1:9", "API_KEY": "", "TIMEOUT": 1},
    }
    footer = FooterText.objects.get(locale=locales[other])
    before = FooterText.objects.get(pk=footer.pk).__dict__.copy()
    client.force_login(users["translator-ar"])
    desk = client.get(reverse("localisation_desk", args=["ar"])).text
    assert edit_url(footer) not in desk
    assert refused(client.get(edit_url(footer)))
    assert refused(client.post(edit_url(footer), {"text": "Taken"}))
    if other != "en":
        translation = translation_of(footer)
        strings_before = saved_strings(translation)
        response, _segment = put_string(client, translation, "Taken")
        assert response.status_code == 403
        assert saved_strings(translation) == strings_before
        upload = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
        assert refused(client.post(upload, {}))
        machine = reverse("wagtail_localize:machine_translate", args=[translation.pk])
        assert refused(client.post(machine))
    after = FooterText.objects.get(pk=footer.pk).__dict__
    assert {key: value for key, value in after.items() if key != "_state"} == {
        key: value for key, value in before.items() if key != "_state"
    }


def arabic_one(model, locales):
    """An Arabic item of this kind, translated from the English as wagtail-localize does if the demo has none."""
    arabic = model.objects.filter(locale=locales["ar"]).first()
    if arabic is None:
        arabic = model.objects.filter(locale=locales["en"]).first().copy_for_translation(locales["ar"])
        arabic.save()
    return arabic


@pytest.mark.parametrize("model", TRANSLATABLE_SNIPPETS, ids=lambda model: model.__name__)
def test_the_listing_links_only_the_translators_own_language_to_the_editor(client, users, locales, model):
    arabic = arabic_one(model, locales)
    others = model.objects.exclude(locale=locales["ar"])
    assert arabic is not None and others.exists()
    client.force_login(users["translator-ar"])
    listing = client.get(reverse(model.snippet_viewset.get_url_name("list")), {"locale": "ar"})
    assert listing.status_code == 200
    assert edit_url(arabic) in listing.text
    listing = client.get(reverse(model.snippet_viewset.get_url_name("list")), {"locale": "en"})
    english = model.objects.filter(locale=locales["en"]).first()
    assert escape(str(english)) in listing.text
    assert edit_url(english) not in listing.text


@pytest.mark.parametrize("model", TRANSLATABLE_SNIPPETS, ids=lambda model: model.__name__)
def test_translators_never_add_english_snippets_nor_delete_any(client, users, locales, model):
    client.force_login(users["translator-ar"])
    count = model.objects.count()
    add = reverse(model.snippet_viewset.get_url_name("add"))
    assert refused(client.get(add))
    assert refused(client.post(add, {"locale": locales["en"].pk}))
    arabic = arabic_one(model, locales)
    count = model.objects.count()
    delete = reverse(model.snippet_viewset.get_url_name("delete"), args=[arabic.pk])
    assert refused(client.post(delete))
    bulk = reverse("wagtail_bulk_action", args=[model._meta.app_label, model._meta.model_name, "delete"])
    client.post(f"{bulk}?id={arabic.pk}")
    assert model.objects.count() == count


def test_a_translator_starts_a_missing_translation_into_their_language_only(client, users, locales):
    english = GlossaryTerm.objects.filter(locale=locales["en"]).first()
    GlossaryTerm.objects.filter(translation_key=english.translation_key, locale__language_code__in=["ar", "uk"]).delete()
    client.force_login(users["translator-ar"])
    desk = client.get(reverse("localisation_desk", args=["ar"])).text
    start = reverse("wagtail_localize:submit_snippet_translation", args=["guidance_pages", "glossaryterm", english.pk])
    assert start in desk
    form = client.get(start)
    assert form.status_code == 200
    assert f'value="{locales["ar"].pk}"' in form.text
    assert f'value="{locales["uk"].pk}"' not in form.text
    refused = client.post(start, {"locales": [locales["uk"].pk]})
    assert refused.status_code == 200
    assert not GlossaryTerm.objects.filter(translation_key=english.translation_key, locale=locales["uk"]).exists()
    response = client.post(start, {"locales": [locales["ar"].pk]})
    assert response.status_code == 302
    arabic = GlossaryTerm.objects.get(translation_key=english.translation_key, locale=locales["ar"])
    assert response["Location"] == edit_url(arabic)
    assert client.get(edit_url(arabic)).status_code == 200


def test_editors_and_reviewers_keep_their_rights_on_every_language(client, users, locales):
    for name in ["editor", "reviewer"]:
        client.force_login(users[name])
        for code in ["en", "ar", "uk"]:
            contributor = Contributor.objects.filter(locale=locales[code]).first()
            assert client.get(edit_url(contributor)).status_code == 200, (name, code)


def test_po_files_of_footers_are_taken_from_the_arabic_translator_for_the_arabic_footer_only(users, locales):
    from localisation import offline

    translator = users["translator-ar"]
    ukrainian = translation_of(FooterText.objects.get(locale=locales["uk"]))
    before = saved_strings(ukrainian)
    content = str(offline.translation_catalog(ukrainian)).encode("utf-8")
    with pytest.raises(offline.FileProblem, match="You may not translate this page in this language"):
        offline.read_file("footer.uk.po", content, translator, expected=ukrainian)
    assert saved_strings(ukrainian) == before
    arabic = translation_of(FooterText.objects.get(locale=locales["ar"]))
    content = str(offline.translation_catalog(arabic)).encode("utf-8")
    checked = offline.read_file("footer.ar.po", content, translator, expected=arabic)
    assert checked.translation == arabic


def test_a_translator_never_changes_what_a_contributor_agreed_to(client, users, locales):
    """A contributor made by hand in Arabic opens in the plain form: the translator may fix the
    name and role, but consent and the choice of credit are not theirs to change."""
    contributor = Contributor.objects.create(
        locale=locales["ar"], display_name="سارة", role="خبيرة", consent_to_credit=False, credit_as="anonymous", lived_experience=True
    )
    client.force_login(users["translator-ar"])
    form = client.get(edit_url(contributor)).text
    assert 'name="display_name"' in form
    assert 'name="consent_to_credit"' not in form and 'name="credit_as"' not in form
    response = client.post(
        edit_url(contributor),
        {"display_name": "سارة م.", "role": "خبيرة", "consent_to_credit": "on", "credit_as": "name", "lived_experience": ""},
    )
    assert response.status_code == 302
    contributor.refresh_from_db()
    assert contributor.display_name == "سارة م."
    assert (contributor.consent_to_credit, contributor.credit_as, contributor.lived_experience) == (False, "anonymous", True)
