"""Admin views: the plain-English check of the editor's draft, and the editor's guide."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from plain_english.page_text import check_texts, draft_texts

# The editor's guide: short how-to pages, in the order editors need them.
HELP_PAGES = {
    "write-a-chapter": gettext_lazy("How to write a chapter"),
    "add-a-quote": gettext_lazy("How to add a quote from an Expert by Experience"),
    "add-video-or-audio": gettext_lazy("How to add a video or audio with captions"),
    "ask-for-review": gettext_lazy("How to ask for a review"),
    "plain-english": gettext_lazy("How to use the plain-English check"),
    "start-translating": gettext_lazy("For translators: how to start"),
}


def page_model(app_label, model_name):
    try:
        model = ContentType.objects.get_by_natural_key(app_label, model_name).model_class()
    except ContentType.DoesNotExist:
        model = None
    if model is None or not issubclass(model, Page):
        raise Http404
    return model


@require_POST
def check_draft(request, app_label, model_name):
    """The checker's advice on the editor's unsaved draft, as a piece of the "Checks" panel.

    Takes the page editor's own form data; saves nothing.
    """
    model = page_model(app_label, model_name)
    try:
        report = check_texts(draft_texts(model, request.POST))
    except ValueError:
        message = _("The check could not read this page. Save your draft, reload the page and try again.")
        return render(request, "plain_english/report.html", {"error": message}, status=400)
    return render(request, "plain_english/report.html", {"report": report, "draft": True})


class HelpView(WagtailAdminTemplateMixin, TemplateView):
    """The editor's guide: a list of short how-to pages, or one of them."""

    header_icon = "help"

    def dispatch(self, request, *args, slug=None, **kwargs):
        if slug is not None and slug not in HELP_PAGES:
            raise Http404
        self.slug = slug
        return super().dispatch(request, *args, **kwargs)

    def get_template_names(self):
        return [f"plain_english/help/{self.slug}.html" if self.slug else "plain_english/help/index.html"]

    def get_page_title(self):
        return HELP_PAGES[self.slug] if self.slug else gettext_lazy("Help for editors")

    def get_breadcrumbs_items(self):
        items = [{"url": reverse("wagtailadmin_home"), "label": gettext_lazy("Home")}]
        if self.slug:
            return [
                *items,
                {"url": reverse("plain_english_help"), "label": gettext_lazy("Help for editors")},
                {"url": "", "label": self.get_page_title()},
            ]
        return [*items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "help_pages": HELP_PAGES, "slug": self.slug}
