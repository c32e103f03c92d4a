"""The "Work offline" page in the admin menu, and PO and XLIFF downloads of one translation."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from localisation import views


@hooks.register("register_admin_urls")
def offline_urls():
    # The PO download keeps wagtail-localize's address (this app comes before wagtail_localize in
    # INSTALLED_APPS, so it is matched first): its files then carry the language and source version.
    return [
        path("localize/translate/<int:translation_id>/pofile/download/", views.download_translation, name="localisation_download_po"),
        path(
            "localize/translate/<int:translation_id>/xliff/download/",
            views.download_translation,
            {"file_format": "xliff"},
            name="localisation_download_xliff",
        ),
        path("work-offline/", views.work_offline, name="localisation_work_offline"),
    ]


class WorkOfflineMenuItem(MenuItem):
    """Shown only to people who translate into at least one language."""

    def is_shown(self, request):
        return request.user.has_perm("wagtail_localize.submit_translation")


@hooks.register("register_admin_menu_item")
def work_offline_menu_item():
    return WorkOfflineMenuItem(_("Work offline"), reverse("localisation_work_offline"), icon_name="download", order=810)
