"""Build the large benchmark site once, and reuse it while its shape and the code's migrations stay the same.

The site is the demo site (``guidance_pages/demo.py``: home pages, guide list, menu, footer,
glossary and contributors in every language, two demo guides) plus ``guides`` numbered guides of
``chapters`` chapters each. Chapter bodies are the demo chapters in turn, so every block type,
glossary terms and images appear.

Translations are made with wagtail-localize the way a translator's PO file is: a translation
source, the demo catalog's strings imported (Arabic, Persian and Ukrainian cover the trustees
chapters; other strings stay English, as wagtail-localize falls back to the source), then the
translated page published. Every guide is translated into Arabic (the language measured); each
other language has one guide in ``spread``, in turn, as a charity translating its guides over
time would. The rest is still readable under every language prefix, in English with a notice,
as readers see untranslated guides. A guide and its chapters cost about 200 queries per language
to translate, so translating all of them into all ten languages would make the PostgreSQL build
take most of an hour on a busy two-core machine.

One guide, the one the translation work is timed on, is translated into every language but one,
so that a translation into "a language it has none in yet" can be made on every run.
"""

import hashlib
import importlib.util
import json
import shutil
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.db.utils import DatabaseError

from wagtail.models import Locale, Page

from bench.server import BenchError
from guidance_pages import demo_content
from guidance_pages.demo import CATALOG_DIR, CONTRIBUTORS, DemoLoader, load_demo
from guidance_pages.models import Contributor, GuideChapterPage, GuideContributor, GuideIndexPage, GuidePage

BASE_DIR = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Shape:
    """How big the benchmark site is."""

    guides: int
    chapters: int
    # Every guide is in Arabic; in each other language, one guide in ``spread`` (in turn).
    spread: int

    def describe(self):
        share = "every guide in every language" if self.spread == 1 else f"in Arabic all, in each other language 1 in {self.spread}"
        return f"{self.guides} guides x {self.chapters} chapters, {len(settings.CONTENT_LANGUAGES)} languages ({share})"

    def translates(self, number, language, position):
        """Whether guide ``number`` is translated into the language at ``position`` of the sorted languages."""
        if f"guide-{number}" == TIMED_GUIDE_SLUG:
            return language != reserved_language()
        return language == "ar" or (number + position) % self.spread == 0


FULL = Shape(guides=50, chapters=8, spread=3)
QUICK = Shape(guides=4, chapters=4, spread=1)

# The guide the translation work is timed on, and the language it is not translated into.
TIMED_GUIDE_SLUG = "guide-1"
# The chapter measured under load: a trustees chapter (translated into Arabic by the demo
# catalog) with an image, a checklist, related links and glossary terms.
MEASURED_CHAPTER_SLUG = "getting-your-board-ready"


def reserved_language():
    """The language the timed guide is left out of: Tigrinya (Ethiopic script) when it is a content language."""
    candidates = [code for code in settings.CONTENT_LANGUAGES if code not in {settings.LANGUAGE_CODE, "ar"}]
    if not candidates:
        raise BenchError("The benchmark needs a third content language besides English and Arabic (see CONTENT_LANGUAGES).")
    return "ti" if "ti" in candidates else candidates[-1]


def measured_guide_slug(shape):
    """A guide in the middle of the list, so neither the newest nor the oldest is measured."""
    return f"guide-{max(2, (shape.guides + 1) // 2)}"


# Reuse ------------------------------------------------------------------------------------


def fingerprint(shape):
    """Changes when the site would come out differently: its shape, languages, migrations or content."""
    digest = hashlib.sha256(json.dumps([asdict(shape), settings.CONTENT_LANGUAGES, reserved_language()]).encode())
    files = [Path(__file__), BASE_DIR / "guidance_pages" / "demo.py", BASE_DIR / "guidance_pages" / "demo_content.py"]
    files += sorted(CATALOG_DIR.glob("*.po"))
    for app_config in apps.get_app_configs():
        spec = importlib.util.find_spec(f"{app_config.name}.migrations")
        if spec is not None and spec.submodule_search_locations:
            for folder in spec.submodule_search_locations:
                files += sorted(Path(folder).glob("*.py"))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def site_is_current(marker_path, shape):
    """True when the database holds the site described by the marker file, built from this code."""
    if not marker_path.exists():
        return False
    marker = json.loads(marker_path.read_text())
    if marker.get("fingerprint") != fingerprint(shape):
        return False
    try:
        return Page.objects.count() == marker.get("pages")
    except DatabaseError:
        return False


def empty_database(data_dir):
    """Drop the benchmark database (and its uploads) so the site is built from nothing."""
    database = settings.DATABASES["default"]
    connection.close()
    if database["ENGINE"].endswith("sqlite3"):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database['NAME']}{suffix}").unlink(missing_ok=True)
    else:
        import psycopg
        from psycopg import sql

        maintenance = psycopg.connect(
            host=database["HOST"],
            port=database["PORT"] or 5432,
            user=database["USER"],
            password=database["PASSWORD"] or None,
            dbname="postgres",
            autocommit=True,
        )
        with maintenance:
            name = sql.Identifier(database["NAME"])
            maintenance.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
            maintenance.execute(sql.SQL("CREATE DATABASE {}").format(name))
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    Path(settings.MEDIA_ROOT).mkdir(parents=True)


def ensure_site(shape, data_dir, say):
    """Build the site unless the database already holds this shape, built from this code."""
    marker_path = data_dir / "site.json"
    if site_is_current(marker_path, shape):
        marker = json.loads(marker_path.read_text())
        say(f"Reusing the site built {marker['built_at']} ({shape.describe()}, {marker['pages']} pages).")
        return marker
    say(f"Building the site ({shape.describe()}); this is done once and reused while the code's migrations stay the same.")
    marker_path.unlink(missing_ok=True)
    started = time.perf_counter()
    empty_database(data_dir)
    call_command("migrate", verbosity=0)
    say(f"  migrated in {time.perf_counter() - started:.0f} s")
    load_demo()
    say(f"  demo site loaded at {time.perf_counter() - started:.0f} s")
    SiteBuilder(shape, say, started).run()
    marker = {
        "fingerprint": fingerprint(shape),
        "shape": asdict(shape),
        "languages": settings.CONTENT_LANGUAGES,
        "pages": Page.objects.count(),
        "build_seconds": round(time.perf_counter() - started, 1),
        "built_at": time.strftime("%Y-%m-%d %H:%M"),
    }
    marker_path.write_text(json.dumps(marker, indent=2))
    say(f"Built the site in {marker['build_seconds']:.0f} s ({marker['pages']} pages).")
    return marker


# Building ---------------------------------------------------------------------------------


class SiteBuilder(DemoLoader):
    """Adds numbered guides to the demo site and translates them, as the demo loader does its own."""

    def __init__(self, shape, say, started):
        super().__init__()
        self.shape = shape
        self.say = say
        self.started = started
        self.admin = self.admin_user()

    def run(self):
        source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        index = GuideIndexPage.objects.get(locale=source_locale)
        assets = self.assets()
        contributors = {contributor.display_name: contributor for contributor in Contributor.objects.filter(locale=source_locale)}
        demo_chapters = {
            f"{chapter.get_parent().slug}/{chapter.slug}": chapter for chapter in GuideChapterPage.objects.filter(locale=source_locale)
        }
        chapter_specs = [(guide_spec, chapter_spec) for guide_spec in demo_content.GUIDES for chapter_spec in guide_spec["chapters"]]
        locales = list(Locale.objects.exclude(pk=source_locale.pk).order_by("language_code"))
        catalogs = {locale.language_code: self.catalog(locale.language_code) for locale in locales}
        for number in range(1, self.shape.guides + 1):
            with transaction.atomic():
                pages = self.english_guide(number, index, chapter_specs, assets, contributors, demo_chapters)
            for position, locale in enumerate(locales):
                if not self.shape.translates(number, locale.language_code, position):
                    continue
                for page in pages:
                    # One transaction per page: wagtail-localize publishes a translation when its
                    # transaction commits (see DemoLoader.run).
                    with transaction.atomic():
                        self._translate(page, locale, catalogs[locale.language_code], publish=True)
            if number == 1 or number % 10 == 0 or number == self.shape.guides:
                self.say(f"  {number} of {self.shape.guides} guides built and translated at {time.perf_counter() - self.started:.0f} s")

    def english_guide(self, number, index, chapter_specs, assets, contributors, demo_chapters):
        """Guide ``number`` and its chapters in English, published: the demo guides' text in turn."""
        spec = demo_content.GUIDES[(number - 1) % len(demo_content.GUIDES)]
        guide = GuidePage(
            slug=f"guide-{number}",
            title=f"Guide {number}: {spec['title']}",
            summary=spec["summary"],
            audience=spec["audience"],
            key_points=[{"type": "point", "value": point} for point in spec["key_points"]],
        )
        index.add_child(instance=guide)
        for order, (name, _role, _lived, _consent, credits) in enumerate(CONTRIBUTORS):
            if spec["slug"] in credits:
                GuideContributor.objects.create(
                    page=guide, contributor=contributors[name], contribution=credits[spec["slug"]], sort_order=order
                )
        pages = [guide]
        slugs = set()
        for position in range(self.shape.chapters):
            _guide_spec, chapter_spec = chapter_specs[(number - 1 + position) % len(chapter_specs)]
            slug = chapter_spec["slug"] if chapter_spec["slug"] not in slugs else f"{chapter_spec['slug']}-{position + 1}"
            slugs.add(slug)
            chapter = GuideChapterPage(
                slug=slug,
                title=chapter_spec["title"],
                summary=chapter_spec["summary"],
                content_note=chapter_spec.get("content_note", ""),
                body=self.stream(chapter_spec["body"], assets, demo_chapters),
            )
            guide.add_child(instance=chapter)
            pages.append(chapter)
        for page in pages:
            self.publish(page)
        return pages


# What is measured -------------------------------------------------------------------------


def measured_pages(shape):
    """The guide and chapter measured under load, in English; and the guide timed for translation work."""
    guide = GuidePage.objects.get(slug=measured_guide_slug(shape), locale__language_code=settings.LANGUAGE_CODE)
    chapters = GuideChapterPage.objects.child_of(guide)
    chapter = chapters.filter(slug=MEASURED_CHAPTER_SLUG).first() or chapters.first()
    timed_guide = GuidePage.objects.get(slug=TIMED_GUIDE_SLUG, locale__language_code=settings.LANGUAGE_CODE)
    return guide, chapter, timed_guide
