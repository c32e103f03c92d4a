"""The feedback report for coordinators: counts, a chart over time, comments, CSV export."""

import csv

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from feedback.models import PageFeedback
from feedback.report import feedback_rows, totals, weekly_chart
from guidance_pages.models import GuidePage

VIEW_PERMISSION = "feedback.view_pagefeedback"
CHANGE_PERMISSION = "feedback.change_pagefeedback"


def guide_choices():
    guides = (
        GuidePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("title").values_list("translation_key", "title")
    )
    return [("", gettext_lazy("All guides")), *[(str(key), title) for key, title in guides]]


class ReportFilterForm(forms.Form):
    """Which feedback to show. Bad values are reported and ignored, never a server error."""

    guide = forms.ChoiceField(label=gettext_lazy("Guide"), required=False, choices=guide_choices)
    language = forms.ChoiceField(
        label=gettext_lazy("Language"), required=False, choices=lambda: [("", gettext_lazy("All languages")), *settings.LANGUAGES]
    )
    date_from = forms.DateField(label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=gettext_lazy("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    status = forms.ChoiceField(
        label=gettext_lazy("Comments"),
        required=False,
        choices=[("", gettext_lazy("All")), ("open", gettext_lazy("Not handled yet")), ("handled", gettext_lazy("Handled"))],
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_from"] > cleaned["date_to"]:
            raise forms.ValidationError(_("The “From” date must be before the “To” date."))
        return cleaned

    def filter(self, feedback):
        """Apply the valid filters; with errors, show everything (and the errors)."""
        if not self.is_valid():
            return feedback
        data = self.cleaned_data
        if data["guide"]:
            guide_paths = GuidePage.objects.filter(translation_key=data["guide"]).values_list("path", flat=True)
            under_guide = Q(pk__in=[])
            for path in guide_paths:
                under_guide |= Q(page__path__startswith=path)
            feedback = feedback.filter(under_guide)
        if data["language"]:
            feedback = feedback.filter(language_code=data["language"])
        if data["date_from"]:
            feedback = feedback.filter(created_at__date__gte=data["date_from"])
        if data["date_to"]:
            feedback = feedback.filter(created_at__date__lte=data["date_to"])
        return feedback


class FeedbackReportView(WagtailAdminTemplateMixin, TemplateView):
    """Per guide, chapter and language: yes and no counts, the share of "useful", and comments."""

    template_name = "feedback/report.html"
    page_title = gettext_lazy("Reader feedback")
    header_icon = "comment"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Home")},
        {"url": "", "label": gettext_lazy("Reader feedback")},
    ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def filtered(self):
        self.filter_form = ReportFilterForm(self.request.GET or None)
        return self.filter_form.filter(PageFeedback.objects.all())

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") == "csv":
            return self.csv(self.filtered())
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        feedback = self.filtered()
        rows = feedback_rows(feedback)
        comments = feedback.exclude(comment="").select_related("page", "handled_by")
        status = self.filter_form.cleaned_data.get("status") if self.filter_form.is_bound and self.filter_form.is_valid() else ""
        if status == "open":
            comments = comments.filter(handled=False)
        elif status == "handled":
            comments = comments.filter(handled=True)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            filter_form=self.filter_form,
            rows=rows,
            totals=totals(rows),
            chart=weekly_chart(feedback),
            comments=Paginator(comments, 50).get_page(self.request.GET.get("page")),
            query=query.urlencode(),
            can_change=self.request.user.has_perm(CHANGE_PERMISSION),
        )
        return context

    def csv(self, feedback):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="reader-feedback-{timezone.localdate():%Y-%m-%d}.csv"'
        response.write("\ufeff")  # so spreadsheet programs read Arabic and Cyrillic titles correctly
        writer = csv.writer(response)
        writer.writerow([_("Guide"), _("Chapter"), _("Language"), _("Useful"), _("Not useful"), _("Useful (%)"), _("Comments")])
        for row in feedback_rows(feedback):
            percent = "" if row.useful_percent is None else row.useful_percent
            writer.writerow(
                [
                    spreadsheet_safe(row.guide),
                    spreadsheet_safe(row.chapter),
                    row.language_code,
                    row.useful,
                    row.not_useful,
                    percent,
                    row.comments,
                ]
            )
        return response


def spreadsheet_safe(text):
    """Stop a title like "=HYPERLINK(...)" from running as a formula when the CSV is opened."""
    return f"'{text}" if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text


@require_POST
def mark_handled(request, feedback_id):
    """Mark a comment as handled (or not), then go back to the report as it was."""
    if not request.user.has_perm(CHANGE_PERMISSION):
        return permission_denied(request)
    query = request.POST.get("query", "")
    back = reverse("feedback_report") + (f"?{query}" if query and "\n" not in query else "")
    feedback = PageFeedback.objects.filter(pk=feedback_id).first()
    if feedback is None:
        # Deleted in the meantime (by the retention clean-up, for example): say so on the report.
        messages.error(request, _("This comment could not be found. It may have been deleted."))
        return redirect(back)
    handled = request.POST.get("handled") != "0"
    feedback.handled = handled
    feedback.handled_at = timezone.now() if handled else None
    feedback.handled_by = request.user if handled else None
    feedback.save(update_fields=["handled", "handled_at", "handled_by"])
    messages.success(request, _("Marked as handled.") if handled else _("Marked as not handled."))
    return redirect(back)
