"""The lists the plain-English checker uses, edited by the team in the admin, and each page's last score."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet


@register_snippet
class PlainerWord(index.Indexed, models.Model):
    """A word or phrase with a plainer alternative, for example "utilise": "use". English only."""

    word = models.CharField(
        verbose_name=_("word or phrase"),
        max_length=60,
        unique=True,
        help_text=_("The word the checker points out, for example “utilise”. Capital letters do not matter."),
    )
    plainer = models.CharField(
        verbose_name=_("plainer alternative"),
        max_length=100,
        help_text=_("What to write instead, for example “use”."),
    )

    panels = [FieldPanel("word"), FieldPanel("plainer")]

    search_fields = [index.SearchField("word"), index.AutocompleteField("word")]

    class Meta:
        verbose_name = _("plainer word")
        verbose_name_plural = _("plainer words")
        ordering = ["word"]

    def __str__(self):
        return f"{self.word} → {self.plainer}"


class PreferredTerm(TranslatableMixin, index.Indexed, models.Model):
    """Words we use and words we avoid, for example "person seeking asylum", not "asylum seeker".

    Translatable, so translators get it in their language through wagtail-localize, the same
    way as the glossary, and keep to the same choices.
    """

    use = models.CharField(
        verbose_name=_("words we use"),
        max_length=100,
        help_text=_("For example: “person seeking asylum”."),
    )
    avoid = models.TextField(
        verbose_name=_("words we avoid"),
        max_length=500,
        help_text=_("One on each line, for example “asylum seeker”. The checker points them out."),
    )
    reason = models.TextField(
        verbose_name=_("why"),
        max_length=500,
        blank=True,
        help_text=_("Optional. One sentence on why, for new editors and translators."),
    )

    panels = [FieldPanel("use"), FieldPanel("avoid"), FieldPanel("reason")]

    search_fields = [index.SearchField("use"), index.SearchField("avoid"), index.AutocompleteField("use")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("words we use")
        verbose_name_plural = _("words we use and avoid")
        ordering = ["use"]

    def __str__(self):
        return self.use

    def avoided(self):
        return [line.strip() for line in self.avoid.splitlines() if line.strip()]


class WritingScore(models.Model):
    """The checker's result for a page's latest revision, kept so page listings need no extra work."""

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="writing_score")
    revision_id = models.PositiveBigIntegerField()
    reading_ease = models.FloatField(null=True)
    words = models.PositiveIntegerField(default=0)
    long_sentences = models.PositiveIntegerField(default=0)
    advice = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("plain-English score")

    def __str__(self):
        return f"{self.page_id}: {self.reading_ease}"


# Translators change their own language's items only (editorial/snippet_permissions.py).
register_snippet(PreferredTerm, viewset="editorial.snippet_permissions.TranslatorSnippetViewSet")
