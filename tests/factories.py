"""Factories for every page type and snippet, and for the blocks of a chapter."""

import factory
import wagtail_factories

from guidance_pages import blocks as guide_blocks
from guidance_pages.models import (
    Contributor,
    GlossaryTerm,
    GuideChapterPage,
    GuideIndexPage,
    GuidePage,
    HomePage,
    StandardPage,
)


class HeadingBlockFactory(wagtail_factories.StructBlockFactory):
    text = factory.Sequence(lambda n: f"Part {n}")
    level = "h2"

    class Meta:
        model = guide_blocks.HeadingBlock


class KeyPointBlockFactory(wagtail_factories.StructBlockFactory):
    style = "key_point"
    text = "Pay expenses on the day, in cash if people prefer."

    class Meta:
        model = guide_blocks.KeyPointBlock


class QuoteBlockFactory(wagtail_factories.StructBlockFactory):
    text = "Being asked mattered more than anything."
    attribution = ""
    anonymous = True

    class Meta:
        model = guide_blocks.QuoteBlock


class GuideBodyBlockFactory(wagtail_factories.StreamBlockFactory):
    heading = factory.SubFactory(HeadingBlockFactory)
    paragraph = factory.SubFactory(wagtail_factories.CharBlockFactory)
    key_point = factory.SubFactory(KeyPointBlockFactory)
    quote = factory.SubFactory(QuoteBlockFactory)

    class Meta:
        model = guide_blocks.GuideBodyBlock


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    intro = "<p>Welcome.</p>"

    class Meta:
        model = HomePage


class GuideIndexPageFactory(wagtail_factories.PageFactory):
    title = "Guides"

    class Meta:
        model = GuideIndexPage


class GuidePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Guide {n}")
    summary = "What this guide helps you do."
    audience = "Small charities."

    class Meta:
        model = GuidePage


class GuideChapterPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Chapter {n}")
    summary = "What this chapter covers."
    body = wagtail_factories.StreamFieldFactory(GuideBodyBlockFactory)

    class Meta:
        model = GuideChapterPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    body = wagtail_factories.StreamFieldFactory(GuideBodyBlockFactory)

    class Meta:
        model = StandardPage


class ContributorFactory(factory.django.DjangoModelFactory):
    display_name = factory.Sequence(lambda n: f"Contributor {n}")
    role = "Expert by Experience"
    consent_to_credit = True

    class Meta:
        model = Contributor


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    term = factory.Sequence(lambda n: f"term {n}")
    definition = "A plain explanation."

    class Meta:
        model = GlossaryTerm
