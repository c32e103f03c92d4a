"""The page types of the guidance site: home, guide list, guide, chapter and standard pages."""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page, PageViewRestriction
from wagtail.search import index

from guidance_pages.blocks import PARAGRAPH_FEATURES, GuideBodyBlock, content_language_choices
from guidance_pages.localized import localized_pages
from guidance_pages.pdf import pdf_available, render_pdf
from guidance_pages.visibility import for_everyone
from localisation.page_form import TranslatorDeskPageForm, translator_desk_panel
from page_cache.content import content_version, remember
from page_cache.release import release


def parent_of(page, model):
    """The page's parent as ``model``, in one query (get_parent().specific costs two)."""
    return model.objects.filter(path=page.path[: -page.steplen]).first()


def _paths_needing_a_privacy_check():
    restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
    aliases = Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
    return tuple(restricted) + tuple(aliases)


def for_this_page(page, request, name, compute):
    """``compute()``: what a page shows every reader in this language, kept until the content changes.

    A preview shows a draft, so it is never taken from or put into the cache.
    """
    if getattr(request, "is_preview", False):
        return compute()
    untranslated = bool(getattr(request, "untranslated_language", None))
    return remember(f"{name}:{page.pk}:{translation.get_language()}:{untranslated}", compute)


class ViewRestrictionsFromCache:
    """Wagtail looks for view restrictions on a page and its ancestors with two queries on every
    view, though almost no page has any. The pages that have one (or are aliases, which take
    their original's) are remembered until the content changes; other pages skip the queries."""

    def get_view_restrictions(self):
        if self.path.startswith(remember("privacy-check-paths", _paths_needing_a_privacy_check)):
            return super().get_view_restrictions()
        return _no_restrictions()


@functools.cache
def _no_restrictions():
    """No restrictions, as a queryset already evaluated: Wagtail loops over it on every view, and
    looping over a fresh ``none()`` still builds its SQL (a fifth of an uncached chapter's time).
    Anything chained on it (the admin's ``order_by``, ``exists``) is a new, empty queryset."""
    restrictions = PageViewRestriction.objects.none()
    restrictions._result_cache = []
    return restrictions


class HomePage(ViewRestrictionsFromCache, Page):
    """The front page of the site, one per language: a welcome and the guides to start with."""

    intro = RichTextField(
        verbose_name=_("welcome text"),
        features=PARAGRAPH_FEATURES,
        blank=True,
        help_text=_("A short welcome: who the site is for and what they will find."),
    )
    featured_guides = StreamField(
        [("guide", blocks.PageChooserBlock(page_type="guidance_pages.GuidePage", label=_("Guide")))],
        verbose_name=_("guides to show first"),
        blank=True,
        max_num=6,
        help_text=_("Choose up to six guides to show on the front page. If you choose none, the newest guides are shown."),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["guidance_pages.GuideIndexPage", "guidance_pages.StandardPage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("featured_guides"), translator_desk_panel()]
    base_form_class = TranslatorDeskPageForm

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Find the page for a reader's address; fall back to English when it is not translated.

        A guide that exists only in English is still reachable under /ar/...: the reader sees
        the English text, with a notice in Arabic, and the site around it stays in Arabic.
        """
        try:
            return super().route(request, path_components)
        except Http404:
            if not path_components or self.locale.language_code == settings.LANGUAGE_CODE:
                raise
            source_home = self.get_translation_or_none(Locale.objects.get(language_code=settings.LANGUAGE_CODE))
            if source_home is None or not source_home.live:
                raise
            route = source_home.specific.route(request, path_components)
            if request is not None:
                request.untranslated_language = settings.LANGUAGE_CODE
            return route

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(for_this_page(self, request, "home", self.guides_to_show))
        return context

    def guides_to_show(self):
        """The guides chosen to show first (in the reader's language), or else the newest six."""
        chosen = [block.value for block in self.featured_guides if block.value is not None]
        guide_index = for_everyone(GuideIndexPage.objects.child_of(self)).first()
        if chosen:
            localized = localized_pages(chosen)
            guides = for_everyone(GuidePage.objects.all()).in_bulk([page.pk for page in localized])
            guides = [guides[page.pk] for page in localized if page.pk in guides]
        else:
            guides = guide_index.guides_for_reader()[:6] if guide_index else []
        return {"guides": guides, "guide_index": guide_index}


class GuideIndexPage(ViewRestrictionsFromCache, Page):
    """The list of all guides in one language."""

    intro = RichTextField(
        verbose_name=_("introduction"),
        features=PARAGRAPH_FEATURES,
        blank=True,
        help_text=_("A sentence or two shown above the list of guides."),
    )

    parent_page_types = ["guidance_pages.HomePage"]
    subpage_types = ["guidance_pages.GuidePage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro"), translator_desk_panel()]
    base_form_class = TranslatorDeskPageForm

    class Meta:
        verbose_name = _("list of guides")

    def guides_for_reader(self):
        """This language's guides, then the English guides it has no translation of yet."""
        guides = list(for_everyone(GuidePage.objects.child_of(self)))
        source_index = (
            for_everyone(GuideIndexPage.objects.all())
            .filter(translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE)
            .exclude(pk=self.pk)
            .first()
        )
        if source_index is None:
            return guides
        translated = {guide.translation_key for guide in guides}
        return guides + [
            guide for guide in for_everyone(GuidePage.objects.child_of(source_index)) if guide.translation_key not in translated
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guides"] = for_this_page(self, request, "guide-list", self.guides_for_reader)
        return context


class GuidePage(ViewRestrictionsFromCache, RoutablePageMixin, Page):
    """One guide, such as "Recruiting trustees with lived experience"; its chapters are its child pages."""

    summary = models.TextField(
        verbose_name=_("summary"),
        max_length=300,
        help_text=_("One or two sentences on what the guide helps people do. Shown in lists of guides."),
    )
    audience = models.TextField(
        verbose_name=_("who this guide is for"),
        max_length=300,
        help_text=_("For example: “Trustees and staff of small charities who want people with lived experience on their board.”"),
    )
    key_points = StreamField(
        [("point", blocks.CharBlock(label=_("Key point"), max_length=200))],
        verbose_name=_("key points"),
        blank=True,
        max_num=7,
        help_text=_("The few things every reader should take away, one sentence each."),
    )

    parent_page_types = ["guidance_pages.GuideIndexPage"]
    subpage_types = ["guidance_pages.GuideChapterPage"]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("audience"),
        FieldPanel("key_points"),
        MultiFieldPanel(
            [InlinePanel("guide_contributors", label=_("Contributor"))],
            heading=_("Who made this guide"),
            help_text=_("Only people who agreed to be credited are shown to readers."),
        ),
        translator_desk_panel(),
    ]
    base_form_class = TranslatorDeskPageForm

    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("audience")]

    class Meta:
        verbose_name = _("guide")

    def credited_contributors(self):
        """Contributors who agreed to be named, in this guide's language where translated."""
        from guidance_pages.models.snippets import Contributor

        language = self.locale.language_code if self.locale_id else settings.LANGUAGE_CODE
        credits = [
            credit
            for credit in self.guide_contributors.select_related("contributor")
            if credit.contributor.consent_to_credit and credit.language in ("", language)
        ]
        # Every language's version of these contributors, in one query: consent withdrawn in any
        # language is withdrawn everywhere (even before translations sync), and readers get the
        # version in their own language.
        reader_language = translation.get_language()
        versions = Contributor.objects.filter(
            translation_key__in={credit.contributor.translation_key for credit in credits}
        ).select_related("locale")
        withdrawn, translated = set(), {}
        for version in versions:
            if not version.consent_to_credit:
                withdrawn.add(version.translation_key)
            if version.locale.language_code == reader_language:
                translated[version.translation_key] = version
        return [
            (translated.get(credit.contributor.translation_key, credit.contributor), credit)
            for credit in credits
            if credit.contributor.translation_key not in withdrawn
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(for_this_page(self, request, "guide", self.reader_context))
        context["pdf_available"] = pdf_available(translation.get_language())
        return context

    def reader_context(self):
        """The guide's chapters, credits and list of guides, the same for every reader."""
        return {
            "chapters": list(for_everyone(GuideChapterPage.objects.child_of(self))),
            "contributors": self.credited_contributors(),
            "guide_index": next(iter(localized_pages([parent_of(self, GuideIndexPage)])), None),
        }

    def chapters_and_version(self):
        """The live chapters, and a version that changes whenever the guide or a chapter is published."""
        chapters = list(for_everyone(GuideChapterPage.objects.child_of(self)))
        published = ",".join(f"{page.pk}@{page.last_published_at}" for page in [self, *chapters])
        return chapters, hashlib.sha256(published.encode()).hexdigest()[:16]

    @path("offline/", name="offline")
    def offline(self, request):
        """What "Save this guide to read offline" stores, and about how much data that uses."""
        from django.template.defaultfilters import filesizeformat
        from django.templatetags.static import static

        from guidance_pages.localized import reader_url

        chapters, version = self.chapters_and_version()
        # The release too: the list names static files by their hashed names, which a deploy changes.
        key = f"guide-offline:{self.pk}:{translation.get_language()}:{version}:{release()}"
        manifest = cache.get(key)
        if manifest is None:
            pages = [self, *chapters]
            urls = [reader_url(page, request) for page in pages]
            size = sum(len(page.serve(request).render().content) for page in pages)
            assets = [static("css/main.css"), static("js/quick-exit.js"), static("feedback/feedback.js"), static("js/offline.js")]
            manifest = {"urls": urls + assets, "bytes": size}
            cache.set(key, manifest, timeout=60 * 60 * 24)
        return JsonResponse({**manifest, "size": filesizeformat(manifest["bytes"])})

    @path("pdf/", name="pdf")
    def pdf(self, request):
        """The whole guide as one PDF in the reader's language (cached until a page changes)."""
        language = translation.get_language()
        if not pdf_available(language):
            raise Http404
        chapters, version = self.chapters_and_version()
        untranslated = bool(getattr(request, "untranslated_language", None))
        # The content version too: contributors (a withdrawn consent) and glossary terms are in
        # the PDF but are not pages, so publishing dates alone would keep a stale PDF.
        key = f"guide-pdf:{self.pk}:{language}:{untranslated}:{version}:{content_version()}:{release()}"
        document = cache.get(key)
        if document is None:
            context = {"request": request, "page": self, "contributors": self.credited_contributors()}
            context["chapters"] = [
                {"page": chapter, **chapter.text_with_glossary({"request": request, "page": chapter})} for chapter in chapters
            ]
            document = render_pdf(render_to_string("guidance_pages/guide_pdf.html", context, request=request))
            cache.set(key, document, timeout=60 * 60 * 24)
        response = HttpResponse(document, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}-{language}.pdf"'
        return response


class GuideContributor(Orderable):
    """Links a contributor to a guide and says what they did on it."""

    page = ParentalKey("guidance_pages.GuidePage", on_delete=models.CASCADE, related_name="guide_contributors")
    contributor = models.ForeignKey(
        "guidance_pages.Contributor",
        verbose_name=_("contributor"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Choose someone from the contributors list, or add them there first."),
    )
    contribution = models.CharField(
        verbose_name=_("what they did"),
        max_length=20,
        choices=[("wrote", _("Wrote")), ("reviewed", _("Reviewed")), ("translated", _("Translated")), ("advised", _("Advised"))],
        default="wrote",
    )

    language = models.CharField(
        verbose_name=_("language they translated into"),
        max_length=10,
        blank=True,
        choices=content_language_choices,
        help_text=_("Only for translators: they are credited on the guide in this language only."),
    )

    panels = [FieldPanel("contributor"), FieldPanel("contribution"), FieldPanel("language")]

    class Meta(Orderable.Meta):
        verbose_name = _("contributor to this guide")

    def clean(self):
        super().clean()
        if self.contribution == "translated" and not self.language:
            raise ValidationError({"language": _("Choose the language this person translated the guide into.")})
        if self.language and self.contribution != "translated":
            raise ValidationError({"language": _("Leave the language empty unless this person translated the guide.")})


class GuideChapterPage(ViewRestrictionsFromCache, Page):
    """One chapter of a guide; readers move through chapters with previous and next links."""

    summary = models.TextField(
        verbose_name=_("summary"),
        max_length=300,
        help_text=_("One or two sentences, shown under the title and in the list of chapters."),
    )
    content_note = models.TextField(
        verbose_name=_("content note"),
        max_length=300,
        blank=True,
        help_text=_(
            "Optional. If the chapter talks about something that may upset readers, say so here in one sentence, "
            "for example: “This chapter talks about detention.” It is shown at the top of the chapter."
        ),
    )
    body = StreamField(
        GuideBodyBlock(),
        verbose_name=_("chapter text"),
        help_text=_("Build the chapter from blocks: text, headings, quotes, checklists and more."),
    )

    parent_page_types = ["guidance_pages.GuidePage"]
    subpage_types = []

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("content_note"), FieldPanel("body"), translator_desk_panel()]
    base_form_class = TranslatorDeskPageForm

    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    class Meta:
        verbose_name = _("guide chapter")

    def reading_minutes(self):
        """About how long the chapter takes to read, at a gentle 180 words a minute."""
        words = sum(len(text.split()) for text in self.body.stream_block.get_searchable_content(self.body))
        return max(1, round(words / 180))

    def text_with_glossary(self, context):
        """The chapter's text with glossary terms linked to their explanations."""
        from guidance_pages.glossary import explain_terms, explained_terms
        from guidance_pages.models.snippets import GlossaryTerm

        html = "".join(block.render(context={**context, "block_id": block.id}) for block in self.body)
        terms = remember(f"glossary:{self.locale_id}", lambda: list(GlossaryTerm.objects.filter(locale_id=self.locale_id)))
        html, found = explain_terms(html, terms)
        return {"body_html": mark_safe(html), "terms": explained_terms(found)}  # noqa: S308 - our rendered blocks

    def contents(self):
        """The main headings of the chapter, for the "On this page" list."""
        return [block for block in self.body if block.block_type == "heading" and block.value["level"] == "h2"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        untranslated = bool(getattr(request, "untranslated_language", None))
        # The text, the guide and its chapters, worked out once for this language.
        context.update(for_this_page(self, request, "chapter", lambda: self.reader_context(context, untranslated)))
        return context

    def reader_context(self, context, untranslated):
        """The chapter's text, its place in the guide and its neighbours: all a reader sees of it."""
        guide = parent_of(self, GuidePage)
        chapters = list(
            for_everyone(GuideChapterPage.objects.sibling_of(self)).only("id", "title", "path", "url_path", "depth", "locale_id", "live")
        )
        position = next((index for index, chapter in enumerate(chapters) if chapter.pk == self.pk), None)
        if untranslated:
            # Shown in English under the reader's language: link to chapters they do have.
            chapters = localized_pages(chapters)
        return {
            **self.text_with_glossary(context),
            "reading_minutes": self.reading_minutes(),
            "contents": [{"id": block.id, "text": block.value["text"]} for block in self.contents()],
            "guide": guide,
            "chapters": chapters,
            "chapter_number": position + 1 if position is not None else None,
            "previous_chapter": chapters[position - 1] if position else None,
            "next_chapter": chapters[position + 1] if position is not None and position + 1 < len(chapters) else None,
        }


class StandardPage(ViewRestrictionsFromCache, Page):
    """A page outside the guides: about, privacy, accessibility statement, contact."""

    summary = models.TextField(
        verbose_name=_("summary"), max_length=300, blank=True, help_text=_("Optional: one sentence shown under the title.")
    )
    body = StreamField(GuideBodyBlock(), verbose_name=_("page text"), help_text=_("Build the page from blocks: text, headings and more."))

    parent_page_types = ["guidance_pages.HomePage"]
    subpage_types = []

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body"), translator_desk_panel()]
    base_form_class = TranslatorDeskPageForm

    search_fields = [*Page.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")
