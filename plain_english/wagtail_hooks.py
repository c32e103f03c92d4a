"""Puts writing help in the admin: the check in the "Checks" panel, the accessibility rules, the editor's guide."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.userbar import ContentCheckerItem

from plain_english import views


@hooks.register("register_admin_urls")
def plain_english_urls():
    return [
        path("plain-english/check/<slug:app_label>/<slug:model_name>/", views.check_draft, name="plain_english_check"),
        path("help/", views.HelpView.as_view(), name="plain_english_help"),
        path("help/<slug:slug>/", views.HelpView.as_view(), name="plain_english_help_page"),
    ]


@hooks.register("register_admin_menu_item")
def help_menu_item():
    return MenuItem(_("Help for editors"), reverse("plain_english_help"), icon_name="help", order=10000)


class EditorsGuidePanel(Component):
    """The dashboard's links to the editor's guide, first thing an editor sees after signing in."""

    name = "editors_guide"
    order = 50
    template_name = "plain_english/editors_guide_panel.html"

    def get_context_data(self, parent_context=None):
        return {"help_pages": views.HELP_PAGES}


@hooks.register("construct_homepage_panels")
def add_editors_guide(request, panels):
    panels.append(EditorsGuidePanel())


class GuidanceAccessibilityChecks(ContentCheckerItem):
    """Wagtail's accessibility checker with the rules that matter for guidance pages, in plain words.

    A subclass of ContentCheckerItem: Wagtail 8 deprecates subclassing AccessibilityItem (it warns),
    and the "Checks" panel in the editor takes the first ContentCheckerItem the hook leaves.
    """

    axe_run_only = [
        *ContentCheckerItem.axe_run_only,
        "image-alt",
        "image-redundant-alt",
        "role-img-alt",
        "svg-img-alt",
        "list",
        "listitem",
        "valid-lang",
        "video-caption",
    ]
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "heading-order": {
            "error_name": _("Headings are out of order"),
            "help_text": _("Do not skip a level: use a main heading before a smaller heading."),
        },
        "empty-heading": {
            "error_name": _("A heading has no words"),
            "help_text": _("Write the heading, or remove the heading block."),
        },
        "link-name": {
            "error_name": _("A link has no words"),
            "help_text": _("Add link text that says where the link goes."),
        },
        "image-alt": {
            "error_name": _("A picture has no description"),
            "help_text": _("Describe the image, or tick “Decorative image”."),
        },
        "image-redundant-alt": {
            "error_name": _("A picture's description repeats the text next to it"),
            "help_text": _("Say what the picture shows that the text does not."),
        },
        "alt-text-quality": {
            "error_name": _("A picture's description looks like a file name"),
            "help_text": _("Describe what the picture shows, in words."),
        },
        "video-caption": {
            "error_name": _("A video has no captions"),
            "help_text": _("Add a captions file, so people who cannot hear can follow it."),
        },
        "valid-lang": {
            "error_name": _("Text is marked with a language code that does not exist"),
            "help_text": _("Ask an administrator to check the page's language."),
        },
        "list": {
            "error_name": _("A list is not built correctly"),
            "help_text": _("Use the list buttons in the text box to make lists."),
        },
        "listitem": {
            "error_name": _("A list item is outside a list"),
            "help_text": _("Use the list buttons in the text box to make lists."),
        },
    }


@hooks.register("construct_wagtail_userbar")
def use_guidance_accessibility_checks(request, items, page):
    """Swap Wagtail's accessibility checker for ours, in the userbar, the preview and the Checks panel."""
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, GuidanceAccessibilityChecks):
            items[index] = GuidanceAccessibilityChecks(in_editor=item.in_editor)
