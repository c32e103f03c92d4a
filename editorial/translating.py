"""Who may start and sync translations with wagtail-localize.

wagtail-localize lets anyone with "submit translation" translate any page into any language and
sync (and publish) every translation of a page. Our translators have that permission for their own
language only, so these views add the checks it lacks:

- a page may be translated by someone who may edit it, or, for the English source, by anyone
  with "submit translation" (translators must read the English to translate it);
- only into languages where they may add the translated page (its parent's translation);
- a snippet only by someone who may add that kind of snippet;
- "Sync translated pages" only by someone who may edit the source, and "Publish immediately" only
  by someone who may publish every translation it touches.

The views replace wagtail-localize's at the same addresses (editorial/wagtail_hooks.py).
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied

from wagtail.models import Locale, Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitSnippetTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView


def may_translate_from(user, page):
    return user.is_superuser or page.locale.language_code == settings.LANGUAGE_CODE or page.permissions_for_user(user).can_edit()


def locales_to_translate_into(user, page):
    """The languages where ``user`` may create this page's translation: under its parent's translation."""
    if user.is_superuser:
        return Locale.objects.all()
    parent = page.get_parent()
    parents = Page.objects.filter(translation_key=parent.translation_key).select_related("locale")
    allowed = [translation.locale_id for translation in parents if translation.permissions_for_user(user).can_add_subpage()]
    return Locale.objects.filter(pk__in=allowed)


class TranslatorSubmitPageTranslationView(SubmitPageTranslationView):
    """ "Translate this page", refused for pages the user may not read and languages they may not edit."""

    def get_object(self):
        page = super().get_object()
        if not may_translate_from(self.request.user, page) or not locales_to_translate_into(self.request.user, page).exists():
            raise PermissionDenied
        return page

    def get_form(self):
        form = super().get_form()
        locales = form.fields["locales"]
        locales.queryset = locales.queryset.filter(pk__in=locales_to_translate_into(self.request.user, self.object))
        return form


class TranslatorSubmitSnippetTranslationView(SubmitSnippetTranslationView):
    """ "Translate" for a snippet, only for people who may add that kind of snippet."""

    def get_object(self):
        snippet = super().get_object()
        if not self.request.user.has_perm(get_permission_name("add", type(snippet))):
            raise PermissionDenied
        return snippet


class TranslatorUpdateTranslationsView(UpdateTranslationsView):
    """ "Sync translated pages", only for people who may edit the source (and publish, to publish)."""

    def get_object(self):
        source = super().get_object()
        instance = source.get_source_instance()
        user = self.request.user
        if isinstance(instance, Page):
            allowed = instance.permissions_for_user(user).can_edit()
        else:
            allowed = user.has_perm(get_permission_name("change", type(instance)))
        if not allowed:
            raise PermissionDenied
        return source

    def form_valid(self, form):
        if form.cleaned_data["publish_translations"] and not self.may_publish_every_translation():
            raise PermissionDenied
        return super().form_valid(form)

    def may_publish_every_translation(self):
        user = self.request.user
        for translation in self.object.translations.filter(enabled=True).select_related("target_locale"):
            target = translation.get_target_instance()
            if isinstance(target, Page):
                if not target.permissions_for_user(user).can_publish():
                    return False
            elif not user.has_perm(get_permission_name("change", type(target))):
                return False
        return True
