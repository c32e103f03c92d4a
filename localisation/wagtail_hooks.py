"""The translators' desk in the admin: its addresses, menu items, the home panel, and the landing after sign-in;
and working offline: the "Work offline" page and PO and XLIFF downloads of one translation."""

from django.contrib.auth.signals import user_logged_in
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent

from localisation import offline_views, views
from localisation.access import is_coordinator, locales_for, translator_language_codes
from localisation.home_panel import TranslationWorkPanel


@hooks.register("register_admin_urls")
def desk_urls():
    return [
        path("translations/", views.DeskHomeView.as_view(), name="localisation_desk_home"),
        path("translations/coverage/", views.CoverageView.as_view(), name="localisation_coverage"),
        path("translations/<str:language_code>/", views.LanguageDeskView.as_view(), name="localisation_desk"),
        path("translations/<str:language_code>/assign/<uuid:key>/", views.AssignView.as_view(), name="localisation_assign"),
        path("translations/<str:language_code>/new-english/<int:source_id>/", views.refresh_english, name="localisation_refresh_english"),
    ]


@hooks.register("register_admin_urls")
def offline_urls():
    # The PO download keeps wagtail-localize's address (this app comes before wagtail_localize in
    # INSTALLED_APPS, so it is matched first): its files then carry the language and source version.
    return [
        path(
            "localize/translate/<int:translation_id>/pofile/download/",
            offline_views.download_translation,
            name="localisation_download_po",
        ),
        path(
            "localize/translate/<int:translation_id>/xliff/download/",
            offline_views.download_translation,
            {"file_format": "xliff"},
            name="localisation_download_xliff",
        ),
        path("work-offline/", offline_views.work_offline, name="localisation_work_offline"),
    ]


class DeskMenuItem(MenuItem):
    """ "Translations to do", linking straight to the person's own language when they translate just one."""

    def is_shown(self, request):
        return bool(locales_for(request.user))

    def render_component(self, request):
        return LinkMenuItemComponent(
            self.name, self.label, views.desk_link_for(request.user), icon_name=self.icon_name, classname=self.classname, attrs=self.attrs
        )


class CoverageMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)


@hooks.register("register_admin_menu_item")
def desk_menu_item():
    return DeskMenuItem(_("Translations to do"), reverse("localisation_desk_home"), icon_name="wagtail-localize-language", order=160)


@hooks.register("register_admin_menu_item")
def coverage_menu_item():
    return CoverageMenuItem(_("Translation coverage"), reverse("localisation_coverage"), icon_name="table", order=170)


class WorkOfflineMenuItem(MenuItem):
    """Shown to people who translate into at least one language."""

    def is_shown(self, request):
        return bool(locales_for(request.user))


@hooks.register("register_admin_menu_item")
def work_offline_menu_item():
    return WorkOfflineMenuItem(_("Work offline"), reverse("localisation_work_offline"), icon_name="download", order=165)


@hooks.register("construct_homepage_panels")
def translation_work_panel(request, panels):
    if translator_language_codes(request.user):
        panels.insert(0, TranslationWorkPanel(request.user))


def land_translators_on_their_dashboard(sender, request, user, **kwargs):
    """A translator of one language who signs in without asking for a page lands on its dashboard.
    Wagtail's home stays one click away (the logo and "Dashboard")."""
    if request is None or request.method != "POST" or not request.path.endswith("/login/"):
        return
    # Wagtail's sign-in form sends its home as "next" when nobody asked for a particular page.
    asked_for = request.POST.get("next") or request.GET.get("next") or ""
    if asked_for not in ("", reverse("wagtailadmin_home")):
        return
    codes = translator_language_codes(user)
    if len(codes) != 1 or is_coordinator(user):
        return
    # Wagtail's sign-in view redirects to "next" after this signal (django RedirectURLMixin).
    request.POST = request.POST.copy()
    request.POST["next"] = views.desk_link_for(user)


user_logged_in.connect(land_translators_on_their_dashboard, dispatch_uid="localisation_landing")
