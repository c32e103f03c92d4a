"""Machine translation through wagtail-localize's LibreTranslate backend, against a small LibreTranslate in the test.

The server below speaks LibreTranslate's API (GET /languages, POST /translate with a list ``q``,
``source``, ``target``, ``format`` and ``api_key``) on 127.0.0.1; nothing reaches the network.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from wagtail_localize.models import StringSegment, StringTranslation, Translation

import pytest

from config.environment import env_web_address
from tests.test_role_boundaries import ENGLISH_ONLY_GUIDE

pytestmark = pytest.mark.django_db

# The languages this LibreTranslate has, as a self-hosted one often loads only some of them.
LANGUAGES = [
    {"code": "en", "name": "English", "targets": ["ar", "fa", "fr", "uk", "ur"]},
    {"code": "ar", "name": "Arabic", "targets": ["en"]},
    {"code": "fa", "name": "Persian", "targets": ["en"]},
    {"code": "fr", "name": "French", "targets": ["en"]},
    {"code": "uk", "name": "Ukrainian", "targets": ["en"]},
    {"code": "ur", "name": "Urdu", "targets": ["en"]},
]


class LibreTranslateHandler(BaseHTTPRequestHandler):
    """Answers as LibreTranslate does, or as a broken one, depending on ``server.answer``."""

    def log_message(self, *args):
        pass

    def send(self, status, body, content_type="application/json"):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/languages" and self.server.answer == "languages not json":
            self.send(200, b"<html>Bad gateway</html>", "text/html")
        elif self.path == "/languages":
            self.send(200, LANGUAGES)
        else:
            self.send(404, {"error": "Not Found"})

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append(body)
        answer = self.server.answer
        if answer == "translate":
            self.send(200, {"translatedText": [f"[{body['target']}] {text}" for text in body["q"]]})
        elif answer == "refuse":
            self.send(403, {"error": "Invalid API key"})
        elif answer == "not json":
            self.send(200, b"<html>Bad gateway</html>", "text/html")
        elif answer == "too few":
            self.send(200, {"translatedText": body["q"][:1]})
        elif answer == "block html":
            self.send(200, {"translatedText": [f"<div><script>alert(1)</script>{text}</div>" for text in body["q"]]})
        elif answer == "not text":
            self.send(200, {"translatedText": [None for _text in body["q"]]})


@pytest.fixture
def libretranslate(settings):
    """A LibreTranslate on 127.0.0.1, switched on in the settings as LIBRETRANSLATE_URL would."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), LibreTranslateHandler)
    server.requests = []
    server.answer = "translate"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "editorial.machine_translation.LibreTranslateForGuidance",
        "OPTIONS": {"LIBRETRANSLATE_URL": f"http://127.0.0.1:{server.server_port}", "API_KEY": "the-key", "TIMEOUT": 5},
    }
    yield server
    server.shutdown()
    server.server_close()


def start_translation(client, user, locale):
    """Translate the English-only guide into a language, as the translator does, and return the Translation."""
    from guidance_pages.models import GuidePage

    guide = GuidePage.objects.get(locale__language_code="en", slug=ENGLISH_ONLY_GUIDE)
    client.force_login(user)
    response = client.post(reverse("wagtail_localize:submit_page_translation", args=[guide.pk]), {"locales": [locale.pk]})
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=guide.translation_key, target_locale=locale)


def machine_translate(client, translation):
    edit = reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])
    return client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": edit}, follow=True)


def strings_of(translation):
    return StringTranslation.objects.filter(context__object_id=translation.source.object_id, locale=translation.target_locale)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_the_translation_editor_offers_machine_translation_when_switched_on(client, users, locales, libretranslate):
    translation = start_translation(client, users["translator-ar"], locales["ar"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])).text
    assert "LibreTranslate" in html
    assert reverse("wagtail_localize:machine_translate", args=[translation.pk]) in html


def test_machine_translation_is_off_by_default(client, users, locales, settings):
    assert not hasattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR")
    translation = start_translation(client, users["translator-ar"], locales["ar"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])).text
    assert "&quot;machineTranslator&quot;: null" in html
    response = client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]), follow=True)
    assert response.status_code == 404
    assert not strings_of(translation).exists()


def test_a_translator_fills_a_page_by_machine_and_every_string_is_marked_not_checked(client, users, locales, libretranslate):
    translation = start_translation(client, users["translator-ar"], locales["ar"])
    response = machine_translate(client, translation)
    assert response.status_code == 200
    assert any("marked 'machine, not checked'" in message for message in messages_of(response))

    [request] = libretranslate.requests
    assert (request["source"], request["target"], request["format"], request["api_key"]) == ("en", "ar", "html", "the-key")
    segments = StringSegment.objects.filter(source=translation.source)
    assert sorted(request["q"]) == sorted({segment.string.data for segment in segments.select_related("string")})

    strings = strings_of(translation)
    assert strings.count() == segments.count()
    assert set(strings.values_list("translation_type", flat=True)) == {"machine"}
    assert all(string.data.startswith("[ar] ") for string in strings)
    assert set(strings.values_list("last_translated_by", flat=True)) == {users["translator-ar"].pk}


def test_strings_already_translated_by_a_person_are_left_alone(client, users, locales, libretranslate):
    translation = start_translation(client, users["translator-ar"], locales["ar"])
    machine_translate(client, translation)
    person = strings_of(translation).first()
    person.data, person.translation_type = "ترجمة بشرية", "manual"
    person.save()
    strings_of(translation).exclude(pk=person.pk).delete()
    machine_translate(client, translation)
    person.refresh_from_db()
    assert (person.data, person.translation_type) == ("ترجمة بشرية", "manual")
    assert person.translation_of.data not in libretranslate.requests[-1]["q"]


@pytest.mark.parametrize("code", ["ti", "ckb", "ps", "so"])
def test_a_language_libretranslate_lacks_is_refused_with_a_clear_message(client, users, locales, libretranslate, code):
    translation = start_translation(client, users["admin"], locales[code])
    response = machine_translate(client, translation)
    name = locales[code].get_display_name()
    assert f"The machine translation service cannot translate into {name}." in " ".join(messages_of(response))
    assert libretranslate.requests == []  # nothing was sent
    assert not strings_of(translation).exists()


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("refuse", "refused to translate this page (it answered: Invalid API key)"),
        ("not json", "sent back something that is not a translation"),
        ("languages not json", "sent back something that is not a translation"),
        ("too few", "sent back something that is not a translation"),
        ("block html", "sent back something that is not a translation"),
        ("not text", "sent back something that is not a translation"),
    ],
)
def test_a_libretranslate_that_refuses_or_answers_garbage_changes_nothing(client, users, locales, libretranslate, answer, message):
    translation = start_translation(client, users["translator-ar"], locales["ar"])
    libretranslate.answer = answer
    response = machine_translate(client, translation)
    assert response.status_code == 200
    assert any(message in text and "Nothing was changed" in text for text in messages_of(response))
    assert not strings_of(translation).exists()


def test_a_libretranslate_that_is_down_changes_nothing(client, users, locales, libretranslate):
    translation = start_translation(client, users["translator-ar"], locales["ar"])
    libretranslate.shutdown()
    libretranslate.server_close()
    response = machine_translate(client, translation)
    assert response.status_code == 200
    assert any("cannot be reached" in text for text in messages_of(response))
    assert not strings_of(translation).exists()


def test_a_translator_cannot_machine_translate_another_language(client, users, locales, libretranslate):
    translation = start_translation(client, users["admin"], locales["uk"])
    client.force_login(users["translator-ar"])
    response = client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    assert response.status_code in {302, 403}
    assert libretranslate.requests == []
    assert not strings_of(translation).exists()


def test_machine_translation_only_answers_post(client, users, locales, libretranslate):
    translation = start_translation(client, users["translator-ar"], locales["ar"])
    assert client.get(reverse("wagtail_localize:machine_translate", args=[translation.pk])).status_code == 405


# LIBRETRANSLATE_URL


def test_libretranslate_url_switches_machine_translation_on(monkeypatch):
    monkeypatch.setenv("LIBRETRANSLATE_URL", "https://translate.internal:5000/")
    assert env_web_address("LIBRETRANSLATE_URL", "http://127.0.0.1:5000") == "https://translate.internal:5000"
    monkeypatch.setenv("LIBRETRANSLATE_URL", "")
    assert env_web_address("LIBRETRANSLATE_URL", "http://127.0.0.1:5000") is None


@pytest.mark.parametrize("value", ["translate.internal", "ftp://translate.internal", "http://", "http://host:port", "http://host/?key=1"])
def test_a_malformed_libretranslate_url_is_refused_with_an_example(monkeypatch, value):
    monkeypatch.setenv("LIBRETRANSLATE_URL", value)
    with pytest.raises(
        ImproperlyConfigured, match='LIBRETRANSLATE_URL must be a web address .* LIBRETRANSLATE_URL="http://127.0.0.1:5000"'
    ):
        env_web_address("LIBRETRANSLATE_URL", "http://127.0.0.1:5000")


def test_libretranslate_url_and_key_reach_wagtail_localize():
    from tests.test_configuration import manage

    code = "from django.conf import settings; options = settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR['OPTIONS']; print(options['LIBRETRANSLATE_URL'], options['API_KEY'])"
    result = manage("shell", "-c", code, LIBRETRANSLATE_URL="http://127.0.0.1:5000/", LIBRETRANSLATE_API_KEY="secret")
    assert result.stdout.strip().splitlines()[-1].split() == ["http://127.0.0.1:5000", "secret"], result.stderr
