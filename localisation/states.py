"""The state of every translatable page and snippet in each language, for translators and coordinators.

One item is one English page or snippet (found by its translation key). In a language it is:

- not started: no translation exists yet;
- needs update: the English text changed (not a small change) after the translation was last
  made from it (wagtail-localize's TranslationLog);
- waiting for review: the translated page is in a workflow;
- in progress: n of m strings translated, or all translated but not published yet, or strings
  edited (in wagtail-localize's editor or from a PO file) after the translation was last published;
- published: every string translated and the translation is live, with no string edited since.

Everything is worked out in a constant number of queries, however many pages and languages
(tests/test_translation_desk.py proves it), by counting wagtail-localize's rows per
(translation source, language) in the database instead of asking each page.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Max
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringSegment, Translation, TranslationLog, TranslationSource

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
NEEDS_UPDATE = "needs_update"
WAITING_FOR_REVIEW = "waiting_for_review"
PUBLISHED = "published"

# In the order translators should see them: what needs work first.
STATES = [
    (NEEDS_UPDATE, _("Needs update")),
    (NOT_STARTED, _("Not started")),
    (IN_PROGRESS, _("In progress")),
    (WAITING_FOR_REVIEW, _("Waiting for review")),
    (PUBLISHED, _("Published")),
]
STATE_LABELS = dict(STATES)
NEEDING_WORK = {NEEDS_UPDATE, NOT_STARTED, IN_PROGRESS}

PAGE_MODELS = ["homepage", "guideindexpage", "guidepage", "guidechapterpage", "standardpage"]
SNIPPET_MODELS = ["contributor", "glossaryterm", "navigationmenu", "footertext"]


@dataclass
class ItemState:
    """One English page or snippet and its state in one language."""

    key: str  # the translation key, shared by the English item and its translations
    kind: str  # "page" or "snippet"
    model: str  # e.g. "guidechapterpage", "glossaryterm"
    type_label: str  # e.g. "guide chapter", "glossary term" (in the admin's language)
    title: str
    source_id: int
    locale: Locale
    state: str = NOT_STARTED
    translated: int = 0
    total: int | None = None
    target_id: int | None = None
    translation_id: int | None = None
    source_row_id: int | None = None  # wagtail-localize's TranslationSource of the English item
    guide_key: str | None = None
    guide_title: str = ""
    depth: int = 0
    path: str = ""
    parent_translated: bool = True
    changed_at: object = None  # when the English text last changed (not a small change)
    last_synced: object = None  # when the translation was last made from the English
    source_updated_at: object = None  # when wagtail-localize last read the English text
    strings_edited_at: object = None  # when a translated string of this translation was last saved
    assigned_to_id: int | None = None
    notes: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def state_label(self):
        return STATE_LABELS[self.state]

    @property
    def progress_label(self):
        """ "12 of 40 strings", or "" when the number of strings is not known yet."""
        if self.total is None:
            return ""
        return ngettext("%(done)s of %(total)s string", "%(done)s of %(total)s strings", self.total) % {
            "done": self.translated,
            "total": self.total,
        }

    @property
    def needs_work(self):
        return self.state in NEEDING_WORK

    @property
    def english_is_newer(self):
        """The English changed after wagtail-localize last read it: the editor still shows the old text."""
        return bool(self.changed_at and self.source_updated_at and self.changed_at > self.source_updated_at)

    @property
    def edit_url(self):
        """The editor for the existing translation: for a translated page wagtail-localize's
        translation editor opens from the page's edit address."""
        if self.target_id is None:
            return ""
        if self.kind == "page":
            return reverse("wagtailadmin_pages:edit", args=[self.target_id])
        return _snippet_url(self.model, "edit", self.target_id)

    @property
    def start_url(self):
        """ "Start translating": wagtail-localize's form to translate the English item."""
        if self.kind == "page":
            return reverse("wagtail_localize:submit_page_translation", args=[self.source_id])
        return reverse("wagtail_localize:submit_snippet_translation", args=["guidance_pages", self.model, self.source_id])

    @property
    def url(self):
        return self.edit_url or self.start_url


def _snippet_url(model, action, pk):
    try:
        return reverse(f"wagtailsnippets_guidance_pages_{model}:{action}", args=[pk])
    except NoReverseMatch:
        return ""


def source_locale():
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def _content_types():
    """Our translatable models' content types by model name (Django caches them after the first call)."""
    types = ContentType.objects.get_for_models(*[apps.get_model("guidance_pages", name) for name in PAGE_MODELS + SNIPPET_MODELS])
    return {model._meta.model_name: content_type for model, content_type in types.items()}


def _items(source, locales):
    """The English items and the ids of their translations in ``locales``: one query for pages,
    one per kind of snippet."""
    types = _content_types()
    locale_ids = [locale.pk for locale in locales]
    type_by_id = {content_type.pk: name for name, content_type in types.items()}
    pages = Page.objects.filter(
        locale_id__in=[source.pk, *locale_ids], content_type_id__in=[types[name].pk for name in PAGE_MODELS], alias_of__isnull=True
    ).values_list("id", "translation_key", "locale_id", "title", "path", "depth", "content_type_id", "live", "live_revision__created_at")
    items, targets = [], {}
    for pk, key, locale_id, title, path, depth, content_type_id, live, published_at in pages.order_by("path"):
        if locale_id == source.pk:
            model = type_by_id[content_type_id]
            items.append({"key": str(key), "kind": "page", "model": model, "title": title, "id": pk, "path": path, "depth": depth})
        else:
            # What readers see was made when the live revision was saved: every publish, through
            # wagtail-localize's editor or a review workflow, makes a new one live.
            targets[(str(key), locale_id)] = {"id": pk, "live": live, "path": path, "published_at": published_at}
    for name in SNIPPET_MODELS:
        model_class = types[name].model_class()
        for pk, key, locale_id in model_class.objects.filter(locale_id__in=[source.pk, *locale_ids]).values_list(
            "pk", "translation_key", "locale_id"
        ):
            if locale_id == source.pk:
                items.append({"key": str(key), "kind": "snippet", "model": name, "title": None, "id": pk, "path": "", "depth": 0})
            else:
                # Snippets have no publish step: wagtail-localize saves the translation straight away
                # and logs it, so their last TranslationLog is when readers got the strings.
                targets[(str(key), locale_id)] = {"id": pk, "live": True, "path": "", "published_at": None}
    return items, targets


def _snippet_titles(items):
    """Snippet names (their __str__ may need the locale), fetched per kind: constant queries."""
    by_model = {}
    for item in items:
        if item["kind"] == "snippet":
            by_model.setdefault(item["model"], []).append(item)
    types = _content_types()
    for name, group in by_model.items():
        objects = types[name].model_class().objects.select_related("locale").in_bulk([item["id"] for item in group])
        for item in group:
            item["title"] = str(objects[item["id"]]) if item["id"] in objects else ""


def _translation_rows(source, locales):
    """Segment totals per source; translated segments, when one was last edited, last sync and
    Translation per (source, language)."""
    locale_ids = [locale.pk for locale in locales]
    sources = {
        str(row["object_id"]): row
        for row in TranslationSource.objects.filter(locale=source)
        .annotate(total=Count("stringsegment"))
        .values("id", "object_id", "total", "last_updated_at")
    }
    # A segment is translated into a language when a StringTranslation of its string exists in
    # the same context (wagtail-localize's Translation.get_progress, for every source at once).
    # The same rows also give when a translated string was last saved, to tell edits not published yet.
    translated = {
        (row["source_id"], row["locale_id"]): (row["done"], row["edited"])
        for row in StringSegment.objects.filter(source__locale=source)
        .filter(
            string__translations__locale_id__in=locale_ids,
            string__translations__context_id=F("context_id"),
            string__translations__has_error=False,
        )
        .values("source_id", locale_id=F("string__translations__locale_id"))
        .annotate(done=Count("id", distinct=True), edited=Max("string__translations__updated_at"))
        .values("source_id", "locale_id", "done", "edited")
    }
    synced = {
        (row["source_id"], row["locale_id"]): row["latest"]
        for row in TranslationLog.objects.filter(source__locale=source, locale_id__in=locale_ids)
        .values("source_id", "locale_id")
        .annotate(latest=Max("created_at"))
    }
    translations = {
        (row["source_id"], row["target_locale_id"]): row["id"]
        for row in Translation.objects.filter(source__locale=source, target_locale_id__in=locale_ids, enabled=True).values(
            "id", "source_id", "target_locale_id"
        )
    }
    return sources, translated, synced, translations


def _text_changes(source):
    """When each English page's text last changed for translators: our record, or for pages
    published before it existed, when the page was last published."""
    from localisation.models import SourceTextChange

    changes = {str(key): changed_at for key, changed_at in SourceTextChange.objects.values_list("translation_key", "changed_at")}
    for key, published in Page.objects.filter(locale=source, last_published_at__isnull=False).values_list(
        "translation_key", "last_published_at"
    ):
        changes.setdefault(str(key), published)
    return changes


def _pages_in_review():
    """The ids of pages with a workflow in progress (few at any time: one query)."""
    page_type = ContentType.objects.get_for_model(Page)
    return {
        int(object_id)
        for object_id in WorkflowState.objects.filter(base_content_type=page_type, status=WorkflowState.STATUS_IN_PROGRESS).values_list(
            "object_id", flat=True
        )
        if str(object_id).isdigit()
    }


def _extras(locales, keys):
    from localisation.models import TranslationAssignment, TranslatorNotes

    assignments = {
        (str(key), locale_id): translator_id
        for key, locale_id, translator_id in TranslationAssignment.objects.filter(locale__in=locales).values_list(
            "translation_key", "locale_id", "translator_id"
        )
    }
    notes = {str(key): text for key, text in TranslatorNotes.objects.exclude(text="").values_list("translation_key", "text")}
    return assignments, notes


def _type_labels():
    return {name: str(content_type.model_class()._meta.verbose_name) for name, content_type in _content_types().items()}


def compute_states(locales):
    """{locale id: [ItemState, ...]} for every English page and snippet, in a constant number of queries."""
    locales = list(locales)
    source = source_locale()
    locales = [locale for locale in locales if locale.pk != source.pk]
    items, targets = _items(source, locales)
    _snippet_titles(items)
    sources, translated, synced, translations = _translation_rows(source, locales)
    changes = _text_changes(source)
    in_review = _pages_in_review()
    assignments, notes = _extras(locales, [item["key"] for item in items])
    type_labels = _type_labels()

    guides = {item["path"]: item for item in items if item["model"] == "guidepage"}
    paths = {item["path"]: item for item in items if item["kind"] == "page"}
    steplen = Page.steplen
    result = {}
    for locale in locales:
        states = []
        for item in items:
            key = item["key"]
            row = sources.get(key)
            state = ItemState(
                key=key,
                kind=item["kind"],
                model=item["model"],
                type_label=type_labels[item["model"]],
                title=item["title"],
                source_id=item["id"],
                locale=locale,
                depth=item["depth"],
                path=item["path"],
                total=row["total"] if row else None,
                source_updated_at=row["last_updated_at"] if row else None,
                changed_at=changes.get(key),
                assigned_to_id=assignments.get((key, locale.pk)),
                notes=notes.get(key, ""),
            )
            if item["kind"] == "page":
                guide = next(
                    (guides[item["path"][:length]] for length in range(len(item["path"]), 0, -steplen) if item["path"][:length] in guides),
                    None,
                )
                if guide is not None:
                    state.guide_key, state.guide_title = guide["key"], guide["title"]
                parent = paths.get(item["path"][:-steplen])
                state.parent_translated = parent is None or (parent["key"], locale.pk) in targets
            target = targets.get((key, locale.pk))
            if row is not None:
                state.source_row_id = row["id"]
                state.translated, state.strings_edited_at = translated.get((row["id"], locale.pk), (0, None))
                state.last_synced = synced.get((row["id"], locale.pk))
                state.translation_id = translations.get((row["id"], locale.pk))
            if target is not None:
                state.target_id = target["id"]
                state.state = _state_of(state, target, in_review)
            states.append(state)
        result[locale.pk] = states
    return result


def _state_of(state, target, in_review):
    if state.last_synced and state.changed_at and state.changed_at > state.last_synced:
        return NEEDS_UPDATE
    if state.kind == "page" and target["id"] in in_review:
        return WAITING_FOR_REVIEW
    if state.total is not None and state.translated < state.total:
        return IN_PROGRESS
    if not target["live"]:
        return IN_PROGRESS
    published_at = target["published_at"] if state.kind == "page" else state.last_synced
    if state.strings_edited_at and published_at and state.strings_edited_at > published_at:
        return IN_PROGRESS  # saved strings readers cannot see until the translation is published
    return PUBLISHED


def states_for_locale(locale, user=None):
    """Every item's state in one language; with ``user``, the items assigned to them come first."""
    states = compute_states([locale])[locale.pk]
    if user is not None:
        states.sort(key=lambda state: state.assigned_to_id != user.pk)
    return states


def items_needing_work(locale):
    """The items a translator of this language should work on: needs update, not started, in progress."""
    return [state for state in compute_states([locale])[locale.pk] if state.needs_work]


def count_by_state(states):
    """{state: number of items}, with every state present (0 when none)."""
    counts = {state: 0 for state, _label in STATES}
    for item in states:
        counts[item.state] += 1
    return counts


@dataclass
class Coverage:
    """Pages and snippets (rows) by languages (columns), for coordinators."""

    locales: list
    rows: list  # [(first ItemState of the row, [ItemState per locale])]
    percentages: dict  # {locale id: whole percent of items published}
    counts: dict  # {locale id: {state: n}}


def coverage(locales=None):
    """The coverage matrix of every English item in ``locales`` (all but English by default)."""
    if locales is None:
        locales = Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by("language_code")
    locales = [locale for locale in locales if locale.language_code != settings.LANGUAGE_CODE]
    states = compute_states(locales)
    rows = []
    if locales:
        for index, first in enumerate(states[locales[0].pk]):
            rows.append((first, [states[locale.pk][index] for locale in locales]))
    counts = {locale.pk: count_by_state(states[locale.pk]) for locale in locales}
    percentages = {locale.pk: round(100 * counts[locale.pk][PUBLISHED] / len(rows)) if rows else 0 for locale in locales}
    return Coverage(locales=locales, rows=rows, percentages=percentages, counts=counts)
