"""Private, draft and preview content never reaches a reader who has not signed in, by any route."""

from io import BytesIO

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction

import pytest

from guidance_pages import pdf
from guidance_pages.demo import FULLY_TRANSLATED_GUIDE, PARTIAL_GUIDE_LANGUAGE
from guidance_pages.models import GuideChapterPage, GuidePage
from tests.factories import GuideChapterPageFactory, GuidePageFactory

pytestmark = pytest.mark.django_db

SECRET = "Zebrafinch"  # a word found nowhere else on the site


@pytest.fixture
def guide():
    return GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)


def publish_with_secret_title(page):
    page.title = f"{SECRET} {page.title}"
    page.save_revision().publish()
    return page


@pytest.fixture(params=[PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD, PageViewRestriction.GROUPS])
def private_chapter(request, guide):
    """The third chapter of the guide, only for signed-in people, people with a password, or a group."""
    chapter = publish_with_secret_title(GuideChapterPage.objects.live().child_of(guide)[2])
    restriction = PageViewRestriction.objects.create(page=chapter, restriction_type=request.param, password="letmein")
    if request.param == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.get(name="Reviewers"))
    return chapter


@pytest.fixture
def draft_chapter(guide):
    """A new chapter saved but never published."""
    chapter = GuideChapterPageFactory.build(title=f"{SECRET} draft chapter", live=False)
    guide.add_child(instance=chapter)
    chapter.save_revision()
    return chapter


def anonymous_pages(client, guide):
    """Everything a reader can reach about the guide without signing in, as text."""
    responses = {
        "guide": client.get(guide.url),
        "guide list": client.get("/en/guides/"),
        "home": client.get("/en/"),
        "sitemap": client.get("/sitemap.xml"),
        "search": client.get(f"/en/search/?q={SECRET}"),
        "offline": client.get(guide.url + "offline/"),
    }
    for chapter in GuideChapterPage.objects.live().public().child_of(guide):
        responses[chapter.url] = client.get(chapter.url)
    for name, response in responses.items():
        assert response.status_code == 200, name
    texts = {name: response.content.decode() for name, response in responses.items()}
    # The search page repeats what was searched for; only its results count.
    texts["search"] = texts["search"].replace(f"“{SECRET}”", "").replace(f'value="{SECRET}"', "")
    return texts


def assert_never_shown(client, guide, page):
    for name, text in anonymous_pages(client, guide).items():
        assert SECRET not in text, name
        assert page.url not in text, name


def test_a_private_chapter_is_not_shown_to_readers(client, private_chapter):
    response = client.get(private_chapter.url)
    assert SECRET not in response.content.decode()
    if private_chapter.get_view_restrictions().first().restriction_type == PageViewRestriction.PASSWORD:
        assert response.status_code == 200
        assert 'name="password"' in response.text
    else:
        assert response.status_code == 302
        assert response["Location"].startswith("/_util/login/") or "login" in response["Location"]


def test_a_private_chapter_is_in_no_list_search_sitemap_or_offline_copy(client, guide, private_chapter):
    assert_never_shown(client, guide, private_chapter)


def test_a_draft_chapter_is_in_no_list_search_sitemap_or_offline_copy(client, guide, draft_chapter):
    assert client.get(draft_chapter.url).status_code == 404
    assert_never_shown(client, guide, draft_chapter)


def test_unpublished_changes_to_a_chapter_are_not_shown(client, guide):
    chapter = GuideChapterPage.objects.live().child_of(guide).first()
    published_title = chapter.title
    chapter.title = f"{SECRET} new title"
    chapter.save_revision()
    text = client.get(chapter.url).text
    assert published_title in text and SECRET not in text
    for name, text in anonymous_pages(client, guide).items():
        assert SECRET not in text, name


def test_a_private_guide_and_its_pdf_and_offline_copy_need_signing_in(client, guide):
    PageViewRestriction.objects.create(page=guide, restriction_type=PageViewRestriction.LOGIN)
    for url in [guide.url, guide.url + "offline/", guide.url + "pdf/", GuideChapterPage.objects.child_of(guide).first().url]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert "login" in response["Location"], url
    assert guide.title not in client.get("/en/guides/").text
    assert guide.url not in client.get("/sitemap.xml").content.decode()


def test_a_private_guide_is_not_featured_on_the_home_page(client, home_page, guide_index):
    guide = GuidePageFactory(parent=guide_index, title=f"{SECRET} guide")
    PageViewRestriction.objects.create(page=guide, restriction_type=PageViewRestriction.LOGIN)
    home_page.featured_guides = [("guide", guide)]
    home_page.save_revision().publish()
    assert SECRET not in client.get("/en/").text


@pytest.mark.pdf
def test_the_guide_pdf_leaves_out_private_and_draft_chapters(client, guide, private_chapter, draft_chapter):
    from pypdf import PdfReader

    if not pdf.pdf_available("en"):
        pytest.skip("needs WeasyPrint's libraries (Pango) and fonts: apt-get install fonts-noto-core")
    response = client.get(guide.url + "pdf/")
    assert response.status_code == 200
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    assert GuideChapterPage.objects.live().public().child_of(guide).first().title.split()[0] in text
    assert SECRET not in text


@pytest.fixture
def arabic():
    return Locale.objects.get(language_code="ar")


def test_a_private_translation_is_not_offered_by_the_language_switcher(client, guide, arabic):
    chapter = GuideChapterPage.objects.live().child_of(guide).first()
    translation = chapter.get_translation(arabic)
    assert f'hreflang="ar" href="http://testserver{translation.url}"' in client.get(chapter.url).text
    PageViewRestriction.objects.create(page=translation, restriction_type=PageViewRestriction.LOGIN)
    for url in [chapter.url, chapter.get_translation(Locale.objects.get(language_code="uk")).url]:
        html = client.get(url).text
        assert translation.url not in html, url
        assert 'hreflang="ar"' not in html, url
    assert translation.url not in client.get("/sitemap.xml").content.decode()
    assert client.get(translation.url).status_code == 302


def test_an_unpublished_translation_is_not_offered_anywhere(client, guide):
    persian = Locale.objects.get(language_code=PARTIAL_GUIDE_LANGUAGE)
    draft = GuideChapterPage.objects.filter(locale=persian, live=False).first()
    english = draft.get_translation(Locale.objects.get(language_code="en"))
    persian_guide = GuidePage.objects.get(locale=persian, translation_key=guide.translation_key)
    assert 'hreflang="fa"' not in client.get(english.url).text
    assert draft.title not in client.get(persian_guide.url).text
    offline = client.get(persian_guide.url + "offline/").json()
    assert all(draft.slug not in url for url in offline["urls"])
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f'hreflang="fa" href="http://testserver{draft.url}"' not in sitemap


def test_previews_and_drafts_in_the_admin_need_signing_in(client, guide):
    chapter = GuideChapterPage.objects.live().child_of(guide).first()
    chapter.title = f"{SECRET} new title"
    revision = chapter.save_revision()
    for url in [
        reverse("wagtailadmin_pages:preview_on_edit", args=[chapter.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[chapter.pk]),
        reverse("wagtailadmin_pages:revisions_view", args=[chapter.pk, revision.pk]),
        reverse("wagtailadmin_pages:history", args=[chapter.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("wagtailadmin_login")), url
        assert SECRET not in response.content.decode(), url


def test_a_translation_preview_needs_signing_in(client):
    from wagtail_localize.models import Translation

    translation = Translation.objects.filter(enabled=True).first()
    response = client.get(reverse("wagtail_localize:preview_translation", args=[translation.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.fixture
def private_document():
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Safeguarding records")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    document = Document(title="Names of the people we support", collection=collection)
    document.file.save("names.txt", ContentFile(f"{SECRET}: the list".encode()))
    document.save()
    return document


def test_a_document_in_a_private_collection_needs_signing_in(client, private_document):
    response = client.get(private_document.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert SECRET.encode() not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_a_document_in_a_password_collection_asks_for_the_password(client, private_document):
    restriction = CollectionViewRestriction.objects.get(collection=private_document.collection)
    restriction.restriction_type = CollectionViewRestriction.PASSWORD
    restriction.password = "letmein"
    restriction.save()
    response = client.get(private_document.url)
    assert response.status_code == 200
    assert 'name="password"' in response.text
    assert SECRET not in response.text


def test_a_document_in_a_public_collection_downloads(client, private_document):
    # The same document, once its collection is public: proves the tests above can fail.
    CollectionViewRestriction.objects.filter(collection=private_document.collection).delete()
    response = client.get(private_document.url)
    assert response.status_code == 200
    assert SECRET.encode() in b"".join(response.streaming_content)


def test_documents_are_served_through_wagtail_which_checks_privacy(settings):
    # Never a redirect to the file's address under MEDIA_URL, which the web server serves to anyone.
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
