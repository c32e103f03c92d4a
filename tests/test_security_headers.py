"""Every response says what a browser may do with it: strict for reader pages, what Wagtail needs in the admin."""

from html.parser import HTMLParser

from django.urls import reverse

from wagtail.models import Locale, Page

import pytest

from guidance_pages.demo import FULLY_TRANSLATED_GUIDE
from guidance_pages.models import GuideChapterPage, GuidePage
from tests.test_configuration import manage
from tests.test_editing import chapter_form

pytestmark = pytest.mark.django_db


def policy(response):
    """The Content-Security-Policy as {directive: [sources]}."""
    directives = [part.strip().split() for part in response["Content-Security-Policy"].split(";") if part.strip()]
    return {name: sources for name, *sources in directives}


@pytest.fixture
def chapter():
    guide = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    return GuideChapterPage.objects.live().child_of(guide).first()


def reader_urls(chapter):
    guide = chapter.get_parent()
    arabic = chapter.get_translation(Locale.objects.get(language_code="ar"))
    return [
        "/en/",
        "/ar/",
        guide.url,
        chapter.url,
        arabic.url,
        "/ti" + chapter.url.removeprefix("/en"),  # shown in English under Tigrinya
        "/en/guides/",
        "/en/search/?q=trustees",
        "/en/no-such-page/",
        "/en/feedback/thanks/",
    ]


def test_reader_pages_allow_only_our_own_scripts_and_styles_and_are_never_framed(client, chapter):
    for url in reader_urls(chapter):
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        directives = policy(response)
        assert directives["default-src"] == ["'self'"], url
        assert directives["script-src"] == ["'self'"], url
        assert directives["style-src"] == ["'self'"], url
        assert directives["object-src"] == ["'none'"], url
        assert directives["frame-ancestors"] == ["'none'"], url
        # A cached page is shared by every reader: a nonce would be the same for all of them.
        assert "unsafe-inline" not in response["Content-Security-Policy"], url
        assert "nonce-" not in response["Content-Security-Policy"], url
        assert response["X-Frame-Options"] == "DENY", url


def test_every_response_has_nosniff_a_strict_referrer_policy_and_a_permissions_policy(client, chapter):
    guide = chapter.get_parent()
    for url in [*reader_urls(chapter), "/sw.js", "/sitemap.xml", guide.url + "offline/", "/admin/login/", "/static/css/main.css"]:
        response = client.get(url)
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"] == "same-origin", url
        features = dict(item.split("=", 1) for item in response["Permissions-Policy"].split(", "))
        assert features["camera"] == features["microphone"] == features["geolocation"] == features["payment"] == "()", url


class InlineCode(HTMLParser):
    """Collects what a strict Content-Security-Policy would block: inline scripts, styles and handlers."""

    def __init__(self):
        super().__init__()
        self.found = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "style":
            self.found.append("<style>")
        if tag == "script":
            self._in_script = "src" not in attributes
        for name, _value in attrs:
            if name == "style" or name.startswith("on"):
                self.found.append(f'<{tag} {name}="...">')
            if name in {"href", "src", "action"} and (_value or "").strip().lower().startswith("javascript:"):
                self.found.append(f'<{tag} {name}="javascript:...">')

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.found.append(f"<script>{data.strip()[:40]}")


def inline_code(html):
    parser = InlineCode()
    parser.feed(html)
    return parser.found


def test_no_reader_page_has_inline_script_style_or_event_handlers(client, chapter):
    urls = reader_urls(chapter)
    urls += [page.url for page in Page.objects.live().public().filter(depth__gt=1).specific()]
    for url in urls:
        response = client.get(url)
        assert inline_code(response.content.decode()) == [], url


def test_the_server_error_page_has_no_inline_style_and_says_it_cannot_be_framed(rf):
    from django.views.defaults import server_error

    response = server_error(rf.get("/en/"))
    html = response.content.decode()
    assert inline_code(html) == []
    assert 'href="/static/css/error.css"' in html


def test_the_inline_code_check_finds_what_it_looks_for():
    html = '<p style="color:red" onclick="x()">a</p><style>p{}</style><script>alert(1)</script><script src="/a.js"></script>'
    assert inline_code(html) == ['<p style="...">', '<p onclick="...">', "<style>", "<script>alert(1)"]


def test_the_admin_gets_its_own_policy_and_may_frame_itself(client, users):
    client.force_login(users["admin"])
    for url in ["/admin/login/", "/admin/", "/admin/pages/"]:
        response = client.get(url, follow=True)
        directives = policy(response)
        assert directives["frame-ancestors"] == ["'self'"], url
        assert directives["frame-src"] == ["'self'"], url
        assert directives["object-src"] == ["'none'"], url
        assert response["X-Frame-Options"] == "SAMEORIGIN", url


def test_the_page_preview_may_be_shown_in_the_admin_frame(client, users):
    # Wagtail renders a preview through a second, made-up request for the page's public address;
    # it must still get the admin's framing rules, or the preview panel stays blank.
    client.force_login(users["editor"])
    guide = GuidePage.objects.filter(locale__language_code="en").first()
    url = reverse("wagtailadmin_pages:preview_on_add", args=["guidance_pages", "guidechapterpage", guide.pk])
    assert client.post(url, chapter_form(guide, [])).json()["is_valid"] is True
    response = client.get(url)
    assert response.status_code == 200
    assert "A chapter with a picture" in response.text
    assert policy(response)["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_a_translation_preview_may_be_shown_in_the_admin_frame(client, users):
    from wagtail_localize.models import Translation

    client.force_login(users["translator-ar"])
    arabic = Locale.objects.get(language_code="ar")
    translation = Translation.objects.filter(target_locale=arabic, enabled=True).first()
    response = client.get(reverse("wagtail_localize:preview_translation", args=[translation.pk]))
    assert response.status_code == 200
    assert policy(response)["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def production(tmp_path, *args):
    """manage.py with production settings, as an operator would run it."""
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process; a server never has it.
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)
        return manage(
            *args,
            DJANGO_SETTINGS_MODULE="config.settings.production",
            SECRET_KEY="a-long-random-test-value-that-is-not-a-secret-0123456789",
            ALLOWED_HOSTS="guidance.example.org",
            DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        )


def test_check_deploy_with_production_settings_finds_nothing_to_warn_about(tmp_path):
    result = production(tmp_path, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


PRINT_HEADERS = """
from django.test import Client
client = Client(HTTP_HOST="guidance.example.org")
for secure in (False, True):
    response = client.get("/sw.js", secure=secure)
    print(response.status_code, response.get("Location", ""))
    for name in ("Strict-Transport-Security", "Content-Security-Policy", "X-Frame-Options"):
        print(name + ":", response.get(name, ""))
"""


def test_production_sends_readers_to_https_and_tells_browsers_to_stay_there(tmp_path):
    result = production(tmp_path, "shell", "--no-imports", "-c", PRINT_HEADERS)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "301 https://guidance.example.org/sw.js"
    assert lines[4] == "200 "
    assert lines[5] == "Strict-Transport-Security: max-age=31536000; includeSubDomains; preload"
    assert "frame-ancestors 'none'" in lines[6]
    assert lines[7] == "X-Frame-Options: DENY"


def test_the_page_shown_while_the_database_is_down_has_no_inline_style():
    """It is served under the same policy, which would block an inline style (and so the quick exit's look)."""
    from django.db import OperationalError
    from django.test import RequestFactory

    from operations.views import server_error

    try:
        raise OperationalError("connection refused")
    except OperationalError:
        response = server_error(RequestFactory().get("/ar/"))
    html = response.content.decode()
    assert response.status_code == 503
    assert inline_code(html) == []
    assert 'href="/static/css/error.css"' in html
