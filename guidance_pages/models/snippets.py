"""Reusable, translatable pieces: contributors, glossary terms, the navigation menu and the footer."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from guidance_pages.blocks import LinkBlock


class Contributor(TranslatableMixin, index.Indexed, models.Model):
    """A person who wrote, reviewed or translated guidance, credited only if they agreed."""

    display_name = models.CharField(
        verbose_name=_("name to show"),
        max_length=100,
        help_text=_("The name, nickname or pseudonym this person chose. Ask them; never guess."),
    )
    role = models.CharField(
        verbose_name=_("role"),
        max_length=150,
        blank=True,
        help_text=_("For example: “Expert by Experience” or “Volunteer translator”."),
    )
    lived_experience = models.BooleanField(
        verbose_name=_("has lived experience"),
        default=False,
        help_text=_("Tick if this person took part as an Expert by Experience. Only if they are happy for this to be said."),
    )
    consent_to_credit = models.BooleanField(
        verbose_name=_("agreed to be credited"),
        default=False,
        help_text=_("Tick only if this person said yes to being named on the site. Untick it to remove their name everywhere at once."),
    )
    credit_as = models.CharField(
        verbose_name=_("how they want to be credited"),
        max_length=20,
        choices=[
            ("name", _("Their own name")),
            ("pseudonym", _("A pseudonym they chose")),
            ("anonymous", _("Anonymous: counted, but not named")),
        ],
        default="name",
        help_text=_("Ask them. “Anonymous” shows readers “Anonymous” instead of the name above."),
    )

    # What a person agreed to is for coordinators and editors to record, never for a translator:
    # the form leaves these out for anyone without the "change contributor" permission
    # (translators change their language's contributors through editorial/snippet_permissions.py).
    panels = [
        FieldPanel("display_name"),
        FieldPanel("role"),
        FieldPanel("lived_experience", permission="guidance_pages.change_contributor"),
        FieldPanel("consent_to_credit", permission="guidance_pages.change_contributor"),
        FieldPanel("credit_as", permission="guidance_pages.change_contributor"),
    ]

    search_fields = [index.SearchField("display_name"), index.AutocompleteField("display_name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contributor")
        verbose_name_plural = _("contributors")
        ordering = ["display_name"]

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        """Consent and the choice of credit are one person's, the same in every language: saving
        them here changes every translation at once (wagtail-localize would copy them only at its
        next sync, leaving a withdrawn name on the translated guides until then)."""
        super().save(*args, **kwargs)
        Contributor.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk).exclude(
            consent_to_credit=self.consent_to_credit, credit_as=self.credit_as
        ).update(consent_to_credit=self.consent_to_credit, credit_as=self.credit_as)

    @property
    def name_for_readers(self):
        """The name readers see: the chosen name or pseudonym, or "Anonymous"."""
        return _("Anonymous") if self.credit_as == "anonymous" else self.display_name


class GlossaryTerm(TranslatableMixin, index.Indexed, models.Model):
    """A word readers may not know, with a plain explanation, kept the same in every guide."""

    term = models.CharField(verbose_name=_("word or phrase"), max_length=100, help_text=_("For example: “trustee”."))
    definition = models.TextField(
        verbose_name=_("plain explanation"),
        max_length=500,
        help_text=_("Explain it in one or two short sentences, as you would to a friend."),
    )

    panels = [FieldPanel("term"), FieldPanel("definition")]

    search_fields = [index.SearchField("term"), index.AutocompleteField("term")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")
        ordering = ["term"]

    def __str__(self):
        return self.term


class NavigationMenu(TranslatableMixin, models.Model):
    """The links at the top of every page, one menu per language."""

    links = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("links"),
        blank=True,
        max_num=6,
        help_text=_("Up to six links shown at the top of every page. Keep the words short."),
    )

    panels = [FieldPanel("links")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation menu")
        verbose_name_plural = _("navigation menu")

    def __str__(self):
        return str(_("Navigation menu ({language})")).format(language=self.locale.get_display_name())


class FooterText(TranslatableMixin, models.Model):
    """The text and links at the bottom of every page, one per language."""

    text = RichTextField(
        verbose_name=_("footer text"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("A sentence about who runs the site and how to reach them."),
    )
    links = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("footer links"),
        blank=True,
        max_num=8,
        help_text=_("For example: privacy, accessibility statement, contact."),
    )

    panels = [FieldPanel("text"), FieldPanel("links")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footer")

    def __str__(self):
        return str(_("Footer ({language})")).format(language=self.locale.get_display_name())


# Translators change their own language's items only (editorial/snippet_permissions.py).
register_snippet(Contributor, viewset="editorial.snippet_permissions.TranslatorSnippetViewSet")
register_snippet(GlossaryTerm, viewset="editorial.snippet_permissions.TranslatorSnippetViewSet")
register_snippet(NavigationMenu, viewset="editorial.snippet_permissions.TranslatorSnippetViewSet")
register_snippet(FooterText, viewset="editorial.snippet_permissions.TranslatorSnippetViewSet")
