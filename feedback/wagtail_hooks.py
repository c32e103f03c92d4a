"""Puts the feedback report in the admin menu, and the share of "useful" and the plain-English score in the chapter listing."""

from django.contrib.auth.models import Permission
from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet

from feedback import admin_views
from guidance_pages.models import GuideChapterPage
from plain_english.listing import plain_english_column, with_writing_score


@hooks.register("register_admin_urls")
def feedback_urls():
    return [
        path("reader-feedback/", admin_views.FeedbackReportView.as_view(), name="feedback_report"),
        path("reader-feedback/<int:feedback_id>/handled/", admin_views.mark_handled, name="feedback_mark_handled"),
    ]


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.VIEW_PERMISSION)


@hooks.register("register_admin_menu_item")
def feedback_menu_item():
    return FeedbackMenuItem(_("Reader feedback"), reverse("feedback_report"), icon_name="comment", order=450)


@hooks.register("register_permissions")
def feedback_permissions():
    return Permission.objects.filter(content_type__app_label="feedback", codename__in=["view_pagefeedback", "change_pagefeedback"])


def useful_share(chapter):
    if not chapter.feedback_total:
        return _("No answers yet")
    return _("%(percent)d%% of %(total)d") % {
        "percent": round(100 * chapter.feedback_useful / chapter.feedback_total),
        "total": chapter.feedback_total,
    }


class ChapterIndexView(IndexView):
    def get_base_queryset(self):
        return with_writing_score(super().get_base_queryset()).annotate(
            feedback_total=Count("reader_feedback"), feedback_useful=Count("reader_feedback", filter=Q(reader_feedback__useful=True))
        )


class ChapterListingViewSet(PageListingViewSet):
    """Every guide chapter in one list, with how many readers found it useful."""

    model = GuideChapterPage
    index_view_class = ChapterIndexView
    icon = "doc-full"
    menu_label = _("Guide chapters")
    menu_order = 150
    add_to_admin_menu = True
    name = "guide_chapters"
    columns = [
        *PageListingViewSet.columns,
        Column("useful_share", label=_("Readers who found it useful"), accessor=useful_share, width="16%"),
        plain_english_column,
    ]


@hooks.register("register_admin_viewset")
def chapter_listing():
    return ChapterListingViewSet()
