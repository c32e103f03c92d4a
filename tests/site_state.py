"""Everything a site holds, written down so that a site and its restored copy can be compared.

Run inside a site's own process (``manage.py shell``), so it reads whichever database that
process was given: the backup tests compare a site with its copy on another database engine.
"""

import hashlib
import io
import json
import re
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import authenticate
from django.core import serializers
from django.db import connection, transaction
from django.db.models import JSONField, Q
from django.test import Client, RequestFactory

from wagtail.fields import StreamField

# What a backup leaves out on purpose, written out here rather than taken from the code under
# test, so that a model the backup forgot shows up as a difference.
NOT_BACKED_UP = {
    "sessions.session",
    "wagtailadmin.editingsession",
    "wagtailimages.rendition",
    "feedback.submissioncount",
    "wagtailsearch.indexentry",
    "wagtailsearch.sqliteftsindexentry",
}
CSRF_TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+')
SEARCH_RESULT = re.compile(r'href="(/[a-z]+/guides/[^"]+)"')
ANOTHER_PASSWORD = "a-new-coordinator-9"
DRAFT_TITLE = "Running a meeting (draft with changes)"


def add_more_work():
    """What editors and readers do next on a restored site: every new row needs a free id."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from feedback.models import PageFeedback
    from guidance_pages.models import GuideChapterPage

    user = get_user_model().objects.create_user(username="after-restore", password=ANOTHER_PASSWORD)
    user.groups.add(Group.objects.order_by("pk").first())
    chapter = GuideChapterPage.objects.filter(locale__language_code="ar").first()
    chapter.save_revision(user=user).publish(user=user)
    PageFeedback.objects.create(page=chapter, language_code="ar", useful=True)


def add_work_in_progress():
    """Add what a real site has on top of the demo: half-done work, answers, new people, new uploads."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.files.base import ContentFile

    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.models import Collection, Locale
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource

    from PIL import Image as PillowImage

    from editorial.roles import REVIEWERS
    from feedback.models import PageFeedback
    from guidance_pages.models import GuideChapterPage, GuidePage

    User = get_user_model()
    admin = User.objects.get(username="admin")
    coordinator = User.objects.create_user(
        username="coordinator-zainab", password=ANOTHER_PASSWORD, first_name="زينب", last_name="Ahmed", email="zainab@example.org"
    )
    coordinator.groups.add(Group.objects.get(name=REVIEWERS))

    # A French translation of a whole guide, started but not finished or published.
    guide = GuidePage.objects.get(locale__language_code="en", slug="running-an-experts-by-experience-user-group")
    french = Locale.objects.get(language_code="fr")
    source, _created = TranslationSource.get_or_create_from_instance(guide)
    translation = Translation.objects.create(source=source, target_locale=french)
    for segment in source.stringsegment_set.select_related("string", "context").order_by("order")[:3]:
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=french,
            context=segment.context,
            data=f"[fr] {segment.string.data}",
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            last_translated_by=admin,
        )
    translation.save_target(user=admin, publish=False)

    # An editor's unpublished change to an English chapter.
    chapter = GuideChapterPage.objects.get(locale__language_code="en", slug="running-a-meeting")
    chapter.title = DRAFT_TITLE
    chapter.save_revision(user=coordinator)

    arabic_chapter = GuideChapterPage.objects.get(locale__language_code="ar", slug="why-lived-experience-matters")
    PageFeedback.objects.create(page=chapter, language_code="en", useful=True, comment="Clear and kind.")
    PageFeedback.objects.create(page=arabic_chapter, language_code="ar", useful=False, comment="أريد أمثلة أكثر")
    handled = PageFeedback.objects.create(page=arabic_chapter, language_code="ar", useful=True)
    PageFeedback.objects.filter(pk=handled.pk).update(handled=True, handled_by=coordinator, handled_at=handled.created_at)

    canvas = PillowImage.new("RGB", (640, 360), "#c0392b")
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    root = Collection.get_first_root_node()
    image = Image.objects.create(
        title="Group photo (uploaded)", collection=root, file=ContentFile(buffer.getvalue(), name="group-photo.png")
    )
    image.get_rendition("width-200")  # a resized copy, which backups leave out and sites make again
    Document.objects.create(title="خطة الاجتماع", collection=root, file=ContentFile("جدول الأعمال\n".encode(), name="خطة-الاجتماع.txt"))


def site_state(passwords):
    """Rows of every model, the page tree, every public page's text, logins, and uploaded files.

    Looking changes nothing: signing in sets last_login and opening the editor subscribes the
    editor to comments, so all of it is rolled back, and the next backup of this site is the same.
    """
    with transaction.atomic():
        state = {"rows": _rows(), "pages": _pages(), "search": _search(), "admin": _admin_pages(), "media": _media()}
        state["database_engine"] = connection.vendor
        # Signing in as the admin's sign-in form does (django-axes needs the request).
        request = RequestFactory().post("/admin/login/")
        state["logins"] = {
            username: authenticate(request, username=username, password=password) is not None for username, password in passwords.items()
        }
        transaction.set_rollback(True)
    return state


def write_state(path, passwords):
    """``site_state`` as JSON in ``path``: what a site's own process hands to the test."""
    Path(path).write_text(json.dumps(site_state(passwords), ensure_ascii=False, sort_keys=True, default=str))


def _rows():
    tables = set(connection.introspection.table_names())
    rows = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.proxy or label in NOT_BACKED_UP or model._meta.db_table not in tables:
            continue
        json_fields = {field.name for field in model._meta.concrete_fields if isinstance(field, JSONField | StreamField)}
        many = {field.name for field in model._meta.many_to_many}
        objects = serializers.serialize("python", model._base_manager.order_by("pk"))
        rows[label] = [[str(item["pk"]), _normalised(item["fields"], json_fields, many)] for item in objects]
    # Through JSON and back, so that the state compares the same in this process and from a file.
    return json.loads(json.dumps(rows, default=str))


def _normalised(fields, json_fields, many):
    for name in json_fields:
        if isinstance(fields.get(name), str):
            # PostgreSQL stores JSON with its keys in its own order: compare the values, not the text.
            fields[name] = json.loads(fields[name])
    for name in many & set(fields):
        fields[name] = sorted(fields[name], key=str)
    return fields


def _pages():
    """Each live page, each language's home and list of guides, and an untranslated guide, answered by the site."""
    from wagtail.models import Page

    urls = {page.url for page in Page.objects.live().filter(depth__gt=1).specific()}
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        urls |= {f"/{code}/", f"/{code}/guides/", f"/{code}/guides/running-an-experts-by-experience-user-group/"}
    client = Client()
    answers = {}
    for url in sorted(urls):
        response = client.get(url)
        body = CSRF_TOKEN.sub(r"\1", response.content.decode())
        answers[url] = [response.status_code, hashlib.sha256(body.encode()).hexdigest()]
    return answers


def _search():
    """The pages a search finds in each language (SQLite and PostgreSQL rank them differently)."""
    client = Client()
    found = {}
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        url = f"/{code}/search/?q=trustees"
        html = client.get(url).content.decode()
        main = html[html.find("<main") : html.find("</main>")]
        found[url] = sorted(set(SEARCH_RESULT.findall(main)))
    return found


def _admin_pages():
    """The admin's page editor opens the home page and every page with unpublished changes."""
    from django.contrib.auth import get_user_model

    from wagtail.models import Page

    client = Client()
    client.force_login(get_user_model().objects.get(username="admin"))
    statuses = {"/admin/": client.get("/admin/").status_code}
    for page in Page.objects.filter(Q(depth=2) | Q(has_unpublished_changes=True)).order_by("path"):
        statuses[page.url_path + " " + page.locale.language_code] = client.get(f"/admin/pages/{page.pk}/edit/").status_code
    return statuses


def _media():
    root = Path(settings.MEDIA_ROOT)
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.relative_to(root).parts[0] != "images"
    }
