"""Puts our checked translation views in place of wagtail-localize's (see editorial/translating.py)."""

from django.urls import path

from wagtail import hooks

from editorial import translating


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
    ]


@hooks.register("construct_homepage_panels")
def your_pages_panel(request, panels):
    """Editors see where each of their pages is in the review, with the reviewer's comment."""
    from editorial.dashboard import YourPagesPanel

    panels.append(YourPagesPanel())
