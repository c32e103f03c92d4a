"""Puts our checked translation views in place of wagtail-localize's (see editorial/translating.py)."""

from django.conf import settings
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html

from wagtail import hooks

from editorial import machine_translation, review, translating


@hooks.register("register_admin_urls")
def translation_urls():
    # The same addresses as wagtail-localize's views; this app comes before wagtail_localize in
    # INSTALLED_APPS, so these patterns are matched first and its URL names still point here.
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            translating.TranslatorSubmitPageTranslationView.as_view(),
            name="editorial_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            translating.TranslatorSubmitSnippetTranslationView.as_view(),
            name="editorial_submit_snippet_translation",
        ),
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            translating.upload_translation_file,
            name="editorial_upload_translation_file",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            translating.TranslatorUpdateTranslationsView.as_view(),
            name="editorial_update_translations",
        ),
        path(
            "localize/translate/<int:translation_id>/machine_translate/",
            machine_translation.machine_translate,
            name="editorial_machine_translate",
        ),
        path("translation-review/<int:translation_id>/submit/", review.submit_for_review, name="editorial_submit_for_review"),
        path("translation-review/<int:translation_id>/machine-text/", review.machine_text, name="editorial_machine_text"),
        path(
            "translation-review/page/<int:page_id>/machine-text-not-checked/",
            review.machine_text_not_checked,
            name="editorial_machine_text_not_checked",
        ),
    ]


# Before wagtail-localize's own before_edit_page hook, which answers every edit of a translation.
hooks.register("before_edit_page", review.refuse_publishing_unchecked_machine_text, order=-10)
hooks.register("before_bulk_action", review.refuse_bulk_publishing_unchecked_machine_text)
hooks.register("before_bulk_action", review.refuse_bulk_publishing_what_others_must_review)


@hooks.register("construct_homepage_panels")
def your_pages_panel(request, panels):
    """Editors see where each of their pages is in the review, with the reviewer's comment."""
    from editorial.dashboard import YourPagesPanel

    panels.append(YourPagesPanel())


@hooks.register("insert_editor_js")
def content_direction_js():
    """Text fields right to left for Arabic, Persian, Pashto, Kurdish and Urdu content, whatever the admin language."""
    languages = " ".join(sorted(code for code, _name in settings.LANGUAGES if code in settings.LANGUAGES_BIDI))
    return format_html(
        '<script src="{}" data-right-to-left="{}" data-pages-api="{}"></script>',
        static("editorial/js/content-direction.js"),
        languages,
        reverse("wagtailadmin_api:pages:listing"),
    )


@hooks.register("insert_editor_css")
def content_direction_css():
    return format_html('<link rel="stylesheet" href="{}">', static("editorial/css/content-direction.css"))
