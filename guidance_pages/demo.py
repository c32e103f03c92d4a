"""Demo content: two co-produced guides, their translations, the people who use the site.

``manage.py load_demo`` calls ``load_demo()``. It only ever adds what is missing, so running it
again changes nothing. Translations go through wagtail-localize exactly as a translator's would:
a translation source, string translations imported from a PO catalog, then the translated page
saved from them (see ``demo_translations/*.po``).
"""

import io
import json
import math
import struct
import uuid
import wave
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction

from wagtail import blocks
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource
from wagtailmedia.models import Media

import polib
from PIL import Image as PillowImage
from PIL import ImageDraw

from editorial.roles import ADMINISTRATORS, EBE_EDITORS, PEER_REVIEWERS, REVIEWERS, setup_roles, translator_group_name
from guidance_pages import demo_content
from guidance_pages.blocks import GuideBodyBlock
from guidance_pages.models import (
    CaptionTrack,
    Contributor,
    FooterText,
    GlossaryTerm,
    GuideChapterPage,
    GuideContributor,
    GuideIndexPage,
    GuidePage,
    HomePage,
    NavigationMenu,
    StandardPage,
)
from localisation.demo import demo_translation_work

CATALOG_DIR = Path(__file__).resolve().parent / "demo_translations"
DEMO_PASSWORD = "guidance-demo"  # noqa: S105 - printed on purpose: demo accounts for a local machine
COLLECTION_NAME = "Demo content"
# Ids of demo list items are made from their text in this namespace, so loading the demo into
# another database gives every checklist item and step the same id.
LIST_ITEM_NAMESPACE = uuid.UUID("5b0f8f6e-3c1d-4d7e-9a52-8e1c2f7b6a90")

# Which guide is translated how. The whole site frame (home, guide list, menu, footer, glossary,
# contributors) is translated into every language that has a catalog.
FULLY_TRANSLATED_GUIDE = "recruiting-trustees-with-lived-experience"
FULL_GUIDE_LANGUAGES = ["ar", "uk"]
PARTIAL_GUIDE_LANGUAGE = "fa"
PARTIAL_PUBLISHED_CHAPTERS = 2  # the rest of the Persian guide: one chapter in progress, others not started

DEMO_USERS = [
    # username, full name, groups, is superuser
    ("admin", "Site administrator", [ADMINISTRATORS], True),
    ("editor", "Amira (EBE editor)", [EBE_EDITORS], False),
    ("peer", "Yonas (peer reviewer)", [PEER_REVIEWERS], False),
    ("reviewer", "Jo (reviewer, staff)", [REVIEWERS], False),
    ("translator-ar", "Arabic translator", ["ar"], False),
    ("translator-uk", "Ukrainian translator", ["uk"], False),
    ("translator-fa", "Persian translator", ["fa"], False),
    ("reviewer-ar", "Arabic reviewer", ["Reviewers: Arabic"], False),  # editorial.roles.language_reviewer_group_name("ar")
]

CONTRIBUTORS = [
    # display name, role, lived experience, consent to be credited, guides (slug: contribution,
    # or (contribution, language) for a translation)
    (
        "Amira",
        "Expert by Experience, co-author",
        True,
        True,
        {"recruiting-trustees-with-lived-experience": "wrote", "running-an-experts-by-experience-user-group": "wrote"},
    ),
    (
        "Yonas",
        "Expert by Experience, peer reviewer",
        True,
        True,
        {"recruiting-trustees-with-lived-experience": "reviewed", "running-an-experts-by-experience-user-group": "wrote"},
    ),
    ("Samir", "Expert by Experience", True, False, {"running-an-experts-by-experience-user-group": "reviewed"}),
    ("Jo Bennett", "Volunteer coordinator", False, True, {"recruiting-trustees-with-lived-experience": "advised"}),
    # A translator is credited on the guide in the language they translated it into only.
    ("Layla", "Expert by Experience", True, True, {"recruiting-trustees-with-lived-experience": ("translated", "ar")}),
]

GLOSSARY = [
    ("Expert by Experience", "A person with lived experience of seeking asylum who uses that experience to improve services and guidance."),
    ("trustee", "A member of the board that is legally responsible for running a charity. Trustees are volunteers."),
    ("asylum", "Protection a country gives to a person who cannot safely live in their own country."),
    ("expenses", "Money paid back to a volunteer for costs like travel, food or childcare, so that helping costs them nothing."),
    ("safeguarding", "Steps an organisation takes to keep people safe from harm while they take part."),
]


# Captions the Persian translator added to the welcome message (the English ones are in the page).
TRANSLATED_CAPTIONS = {
    "fa": (
        "سلام، خوش آمدید. "
        "ما گروه کارشناسان تجربهٔ زیسته هستیم. "
        "همهٔ ما از نظام پناهندگی گذشته‌ایم، پس می‌دانیم چه حسی دارد. "
        "وقتی به گروه ما می‌آیید، لازم نیست داستان خود را تعریف کنید. "
        "دربارهٔ این صحبت می‌کنیم که چطور خیریه را برای نفر بعدی بهتر کنیم. "
        "همیشه چای هست و هزینهٔ رفت‌وآمد شما پرداخت می‌شود. "
        "امیدواریم به زودی شما را ببینیم."
    ),
}


def webvtt(transcript):
    """A WebVTT file timing each sentence of a transcript, four seconds each."""
    sentences = [sentence.strip() for sentence in transcript.replace("\n", " ").split(". ") if sentence.strip()]
    cues = ["WEBVTT", ""]
    for number, sentence in enumerate(sentences):
        start, end = number * 4, number * 4 + 4
        cues += [f"{start // 60:02d}:{start % 60:02d}.000 --> {end // 60:02d}:{end % 60:02d}.000", sentence.rstrip(".") + ".", ""]
    return "\n".join(cues)


class DemoLoader:
    """Builds the demo site step by step, reporting what it added."""

    def __init__(self, stdout=None):
        self.stdout = stdout
        self.added = []
        self.admin = None

    def note(self, message):
        self.added.append(message)

    # The page tree -------------------------------------------------------------------------

    def child(self, parent, model, slug, **fields):
        """The child page with this slug, created (unpublished) if it is missing."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            return existing.specific, False
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        self.note(f"page {page.url_path}")
        return page, True

    def publish(self, page):
        page.save_revision(user=self.admin).publish(user=self.admin)

    def home_page(self):
        source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        home = HomePage.objects.filter(locale=source_locale, depth=2).first()
        if home is not None:
            return home, False
        root = Page.get_first_root_node()
        # Wagtail's installer leaves a "Welcome to Wagtail" page where our home page belongs.
        stock = Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore", content_type__model="page")
        home = HomePage(title=demo_content.HOME["title"], slug="home", intro=demo_content.HOME["intro"], locale=source_locale)
        if stock.exists():
            home.slug = "home-new"
        root.add_child(instance=home)
        Site.objects.update_or_create(
            is_default_site=True, defaults={"root_page": home, "hostname": "localhost", "port": 80, "site_name": settings.WAGTAIL_SITE_NAME}
        )
        for page in stock:
            page.delete()
        if home.slug != "home":
            home.slug = "home"
            home.save()
        self.note("the English home page")
        return home, True

    # Files ---------------------------------------------------------------------------------

    def collection(self):
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name=COLLECTION_NAME).first()
        return existing or root.add_child(name=COLLECTION_NAME)

    def assets(self):
        collection = self.collection()
        images = {name: self.image(collection, name, title, draw) for name, (title, draw) in ILLUSTRATIONS.items()}
        documents = {
            name: self.document(collection, spec["title"], f"{name}.txt", spec["text"].encode())
            for name, spec in demo_content.DOCUMENTS.items()
        }
        media = {"welcome-message": self.audio(collection)}
        self.translated_captions(media["welcome-message"])
        return {"image": images, "document": documents, "media": media}

    def image(self, collection, name, title, draw):
        existing = Image.objects.filter(title=title, collection=collection).first()
        if existing:
            return existing
        canvas = PillowImage.new("RGB", (1200, 700), "#eef5fb")
        draw(ImageDraw.Draw(canvas))
        buffer = io.BytesIO()
        canvas.save(buffer, format="PNG", optimize=True)
        self.note(f"image {title}")
        return Image.objects.create(title=title, collection=collection, file=ContentFile(buffer.getvalue(), name=f"{name}.png"))

    def document(self, collection, title, filename, content):
        existing = Document.objects.filter(title=title, collection=collection).first()
        if existing:
            return existing
        self.note(f"document {title}")
        return Document.objects.create(title=title, collection=collection, file=ContentFile(content, name=filename))

    def audio(self, collection):
        title = "A welcome message from the EBE group"
        existing = Media.objects.filter(title=title, collection=collection).first()
        if existing:
            return existing
        self.note(f"audio {title}")
        return Media.objects.create(
            title=title, collection=collection, type="audio", duration=6, file=ContentFile(chime_wav(), name="welcome-message.wav")
        )

    def captions(self, collection, transcript):
        """The English captions, listed in the page's audio block by its author."""
        return self.document(
            collection, "Captions: a welcome message from the EBE group (English)", "welcome-message.en.vtt", webvtt(transcript).encode()
        )

    def translated_captions(self, media):
        """Captions a translator added to the audio file itself, shown in every language's player."""
        for language, transcript in TRANSLATED_CAPTIONS.items():
            if not CaptionTrack.objects.filter(media=media, language=language).exists():
                CaptionTrack.objects.create(
                    media=media, language=language, file=ContentFile(webvtt(transcript).encode(), name=f"welcome-message.{language}.vtt")
                )
                self.note(f"captions in {language} for {media.title}")

    # Content -------------------------------------------------------------------------------

    def stream(self, blocks, assets, chapters):
        """Demo blocks with asset names and chapter references swapped for database ids."""
        result = []
        for block in blocks:
            kind, value = block["type"], dict(block["value"]) if isinstance(block["value"], dict) else block["value"]
            if kind == "image":
                value = {
                    "image": assets["image"][value["asset"]].pk,
                    "alt_text": value["alt_text"],
                    "decorative": value["decorative"],
                    "caption": value.get("caption", ""),
                }
            elif kind == "document":
                value = {
                    "document": assets["document"][value["asset"]].pk,
                    "title": value["title"],
                    "description": value.get("description", ""),
                }
            elif kind == "media":
                media = assets["media"][value["asset"]]
                captions = self.captions(media.collection, value["transcript"])
                value = {
                    "media": media.pk,
                    "title": value["title"],
                    "transcript": value["transcript"],
                    "captions": [{"language": "en", "file": captions.pk}],
                }
            elif kind == "related_links":
                links = [
                    {"page": chapters[link["chapter"]].pk, "url": "", "text": link.get("text", "")}
                    for link in value["links"]
                    if link["chapter"] in chapters
                ]
                if not links:
                    continue
                value = {"title": value.get("title", ""), "links": links}
            result.append({"type": kind, "value": value})
        return with_list_item_ids(GuideBodyBlock(), result)

    def snippets(self):
        source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        contributors = {}
        for name, role, lived, consent, _guides in CONTRIBUTORS:
            contributor, created = Contributor.objects.get_or_create(
                display_name=name, locale=source_locale, defaults={"role": role, "lived_experience": lived, "consent_to_credit": consent}
            )
            if created:
                self.note(f"contributor {name}")
            contributors[name] = contributor
        terms = []
        for term, definition in GLOSSARY:
            glossary_term, created = GlossaryTerm.objects.get_or_create(
                term=term, locale=source_locale, defaults={"definition": definition}
            )
            if created:
                self.note(f"glossary term {term}")
            terms.append(glossary_term)
        return contributors, terms

    def frame(self, home, index, standard_pages):
        """The menu and footer of the English site."""
        source_locale = home.locale
        menu = NavigationMenu.objects.filter(locale=source_locale).first()
        if menu is None:
            menu = NavigationMenu.objects.create(
                locale=source_locale,
                links=[
                    {"type": "link", "value": {"page": index.pk, "url": "", "text": ""}},
                    {"type": "link", "value": {"page": standard_pages["about"].pk, "url": "", "text": "About"}},
                ],
            )
            self.note("navigation menu")
        footer = FooterText.objects.filter(locale=source_locale).first()
        if footer is None:
            footer = FooterText.objects.create(
                locale=source_locale,
                text="<p>This guidance was written with Experts by Experience: people who have been through the asylum system.</p>",
                links=[
                    {"type": "link", "value": {"page": standard_pages[slug].pk, "url": "", "text": ""}}
                    for slug in ("privacy", "accessibility", "contact")
                    if slug in standard_pages
                ],
            )
            self.note("footer")
        return menu, footer

    def guides(self, index, assets, contributors):
        created_pages = []
        chapters = {}
        guides = {}
        for spec in demo_content.GUIDES:
            guide, created = self.child(
                index,
                GuidePage,
                spec["slug"],
                title=spec["title"],
                summary=spec["summary"],
                audience=spec["audience"],
                key_points=[{"type": "point", "value": point} for point in spec["key_points"]],
            )
            guides[spec["slug"]] = guide
            if created:
                for order, (name, _role, _lived, _consent, credits) in enumerate(CONTRIBUTORS):
                    if spec["slug"] in credits:
                        contribution, language = (
                            credits[spec["slug"]] if isinstance(credits[spec["slug"]], tuple) else (credits[spec["slug"]], "")
                        )
                        GuideContributor.objects.create(
                            page=guide, contributor=contributors[name], contribution=contribution, language=language, sort_order=order
                        )
                created_pages.append((guide, None))
            for chapter_spec in spec["chapters"]:
                # Placeholder text so the page can exist before the chapters it links to; the
                # real body is set below, before the first revision is saved.
                chapter, created = self.child(
                    guide,
                    GuideChapterPage,
                    chapter_spec["slug"],
                    title=chapter_spec["title"],
                    summary=chapter_spec["summary"],
                    content_note=chapter_spec.get("content_note", ""),
                    body=[{"type": "paragraph", "value": "<p>…</p>"}],
                )
                chapters[f"{spec['slug']}/{chapter_spec['slug']}"] = chapter
                if created:
                    created_pages.append((chapter, chapter_spec["body"]))
        for page, body in created_pages:
            if body is not None:
                page.body = self.stream(body, assets, chapters)
                page.save()
            self.publish(page)
        return guides, chapters

    # Translations --------------------------------------------------------------------------

    def catalog(self, language_code):
        path = CATALOG_DIR / f"{language_code}.po"
        if not path.exists():
            return {}
        return {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)) if entry.msgstr and not entry.fuzzy and not entry.obsolete}

    def translate(self, instance, locale, catalog, publish=True):
        """Translate one page or snippet the way a translator would, via wagtail-localize."""
        if instance.has_translation(locale) or not catalog:
            return None
        with transaction.atomic():
            return self._translate(instance, locale, catalog, publish)

    def _translate(self, instance, locale, catalog, publish):
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
        po = translation.export_po()
        for entry in po:
            entry.msgstr = catalog.get(entry.msgid, "")
        translation.import_po(po, user=self.admin, tool_name="demo catalog")
        translation.save_target(user=self.admin, publish=publish)
        self.note(f"{locale.language_code} translation of {instance}")
        return translation

    def translations(self, home, index, menu, footer, terms, contributors, guides):
        for locale in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by("language_code"):
            catalog = self.catalog(locale.language_code)
            for instance in [home, index, menu, footer, *terms, *contributors.values()]:
                self.translate(instance, locale, catalog)
            guide = guides.get(FULLY_TRANSLATED_GUIDE)
            if guide is None:
                continue
            chapters = list(guide.get_children().specific())
            if locale.language_code in FULL_GUIDE_LANGUAGES:
                for page in [guide, *chapters]:
                    self.translate(page, locale, catalog)
            elif locale.language_code == PARTIAL_GUIDE_LANGUAGE:
                for page in [guide, *chapters[:PARTIAL_PUBLISHED_CHAPTERS]]:
                    self.translate(page, locale, catalog)
                for page in chapters[PARTIAL_PUBLISHED_CHAPTERS : PARTIAL_PUBLISHED_CHAPTERS + 1]:
                    self.translate(page, locale, catalog, publish=False)

    # People --------------------------------------------------------------------------------

    def users(self, only=None):
        User = get_user_model()
        from django.contrib.auth.models import Group

        rows = []
        for username, full_name, groups, superuser in DEMO_USERS:
            if only and username not in only:
                continue
            first_name, _, last_name = full_name.partition(" ")
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User.objects.create_user(
                    username=username,
                    password=DEMO_PASSWORD,
                    email=f"{username}@example.org",
                    first_name=first_name,
                    last_name=last_name,
                    is_staff=superuser,
                    is_superuser=superuser,
                )
                names = [translator_group_name(name) if name in dict(settings.LANGUAGES) else name for name in groups]
                user.groups.add(*Group.objects.filter(name__in=names))
                self.note(f"user {username}")
            rows.append((username, full_name))
        return rows

    def admin_user(self):
        User = get_user_model()
        return User.objects.filter(username="admin").first()

    def run(self):
        # Each step commits on its own: wagtail-localize publishes a translation when its
        # transaction commits, from the page as it was then. Translating a parent and its
        # children in one transaction would publish the parent over its own children's count.
        # The administrator comes first so every demo revision has an author.
        self.users(only={"admin"})
        self.admin = self.admin_user()
        with transaction.atomic():
            home, _ = self.home_page()
            assets = self.assets()
            contributors, terms = self.snippets()
            index, created = self.child(
                home,
                GuideIndexPage,
                demo_content.GUIDE_INDEX["slug"],
                title=demo_content.GUIDE_INDEX["title"],
                intro=demo_content.GUIDE_INDEX["intro"],
            )
            if created:
                self.publish(index)
            if not home.live or not home.latest_revision_id:
                self.publish(home)
            standard_pages = {}
            for spec in demo_content.STANDARD_PAGES:
                page, created = self.child(
                    home, StandardPage, spec["slug"], title=spec["title"], body=self.stream(spec["body"], assets, {})
                )
                if created:
                    self.publish(page)
                standard_pages[spec["slug"]] = page
            guides, _chapters = self.guides(index, assets, contributors)
            menu, footer = self.frame(home, index, standard_pages)
        self.translations(home, index, menu, footer, terms, contributors, guides)
        with transaction.atomic():
            setup_roles(home)
            users = self.users()
        # One chapter needs updating in Arabic and is assigned, so the translator's dashboard shows work.
        demo_translation_work(guides.get(FULLY_TRANSLATED_GUIDE), note=self.note)
        return users


def with_list_item_ids(block, value):
    """Raw block data with every list (checklist items, steps, links, captions) in Wagtail's
    current format, each item with an id made from its text.

    A list saved as a plain Python list is Wagtail's old format: it still renders, but
    wagtail-localize skips it, so its items would never be offered to translators.
    """
    if isinstance(block, blocks.ListBlock):
        items, seen = [], Counter()
        for item in value:
            if isinstance(item, dict) and item.get("type") == "item" and item.get("id"):
                items.append({**item, "value": with_list_item_ids(block.child_block, item["value"])})
                continue
            text = json.dumps(item, sort_keys=True, ensure_ascii=False)
            seen[text] += 1  # the same text twice in one list still gets two ids
            item_id = uuid.uuid5(LIST_ITEM_NAMESPACE, f"{text}#{seen[text]}")
            items.append({"type": "item", "value": with_list_item_ids(block.child_block, item), "id": str(item_id)})
        return items
    if isinstance(block, blocks.StructBlock) and isinstance(value, dict):
        return {
            name: with_list_item_ids(block.child_blocks[name], child) if name in block.child_blocks else child
            for name, child in value.items()
        }
    if isinstance(block, blocks.StreamBlock) and isinstance(value, list):
        return [{**child, "value": with_list_item_ids(block.child_blocks[child["type"]], child["value"])} for child in value]
    return value


def load_demo(stdout=None):
    """Load the demo site; returns (what was added, the demo logins)."""
    loader = DemoLoader(stdout)
    users = loader.run()
    return loader.added, users


# Illustrations, drawn rather than downloaded so the demo needs no network -----------------------


def _person(draw, x, y, colour):
    draw.ellipse((x - 38, y - 130, x + 38, y - 54), fill="#8d5524")
    draw.rounded_rectangle((x - 60, y - 50, x + 60, y + 90), radius=40, fill=colour)


def _group_meeting(draw):
    draw.ellipse((350, 330, 850, 560), fill="#c9a27a")
    for index, colour in enumerate(["#0b5394", "#3d6b21", "#a33d3d", "#6b4ea3", "#d08a00"]):
        angle = math.pi * (0.15 + 0.7 * index / 4)
        _person(draw, 600 - int(330 * math.cos(angle)), 420 - int(140 * math.sin(angle)), colour)


def _board_table(draw):
    draw.rectangle((150, 420, 1050, 480), fill="#7a5230")
    for index, colour in enumerate(["#0b5394", "#3d6b21", "#a33d3d", "#6b4ea3"]):
        _person(draw, 260 + index * 230, 400, colour)
    draw.rectangle((520, 120, 680, 220), fill="#ffffff", outline="#1b1b1b", width=4)


def _welcome_cards(draw):
    for index, colour in enumerate(["#0b5394", "#3d6b21", "#a33d3d"]):
        x = 200 + index * 300
        draw.polygon([(x, 450), (x + 100, 250), (x + 200, 450)], fill=colour)
        draw.rectangle((x + 40, 380, x + 160, 420), fill="#ffffff")
        draw.ellipse((x + 60, 500, x + 140, 580), fill="#ffffff", outline="#7a5230", width=8)


ILLUSTRATIONS = {
    "group-meeting": ("Illustration: people talking round a table", _group_meeting),
    "board-table": ("Illustration: a board meeting", _board_table),
    "welcome-cards": ("Illustration: name cards and cups of tea", _welcome_cards),
}


def chime_wav(seconds=6, rate=8000):
    """A quiet, gentle chime: a real playable audio file made without downloading anything."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(1)
        audio.setframerate(rate)
        frames = bytearray()
        for n in range(seconds * rate):
            t = n / rate
            envelope = math.exp(-3 * (t % 2))
            frames += struct.pack("B", 128 + int(40 * envelope * math.sin(2 * math.pi * 523.25 * t)))
        audio.writeframes(bytes(frames))
    return buffer.getvalue()
