"""Puts our checked translation views in place of wagtail-localize's (see editorial/translating.py)."""

from django.urls import path

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
