"""Who may start and sync translations with wagtail-localize.

wagtail-localize lets anyone with "submit translation" translate any page into any language and
sync (and publish) every translation of a page. Our translators have that permission for their own
language only, so these views add the checks it lacks:

- a page may be translated by someone who may edit it, or, for the English source, by anyone
  with "submit translation" (translators must read the English to translate it);
- only into languages where they may add the translated page (its parent's translation);
- a snippet only by someone who may add that kind of snippet, or by a translator into their language;
- "Sync translated pages" only by someone who may edit the source, and "Publish immediately" only
  by someone who may publish every translation it touches.

The views replace wagtail-localize's at the same addresses (editorial/wagtail_hooks.py).
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Locale, Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitSnippetTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from editorial.machine_text import publishing_blocked_by_machine_text
from editorial.snippet_permissions import policy_for, user_can_edit_instance
from localisation import offline


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


def snippet_locales_to_translate_into(user, snippet):
    """The languages where ``user`` may create this snippet's translation: every language for people
    who may add this kind of snippet, their own for translators (editorial/snippet_permissions.py)."""
    untranslated = Locale.objects.exclude(pk__in=snippet.get_translations(inclusive=True).values("locale_id"))
    if user.has_perm(get_permission_name("add", type(snippet))):
        return untranslated
    policy = policy_for(type(snippet))
    # Like pages: translators start from the English, or from a snippet they may change.
    from_english = snippet.locale.language_code == settings.LANGUAGE_CODE
    if policy is None or not (from_english or policy.user_has_permission_for_instance(user, "change", snippet)):
        return Locale.objects.none()
    return untranslated.filter(pk__in=[locale.pk for locale in untranslated if policy.may_translate_into(user, locale)])


class TranslatorSubmitSnippetTranslationView(SubmitSnippetTranslationView):
    """ "Translate" for a snippet, only into the languages this person may translate it into."""

    def get_object(self):
        snippet = super().get_object()
        if not snippet_locales_to_translate_into(self.request.user, snippet).exists():
            raise PermissionDenied
        return snippet

    def get_form(self):
        form = super().get_form()
        locales = form.fields["locales"]
        locales.queryset = locales.queryset.filter(pk__in=snippet_locales_to_translate_into(self.request.user, self.object))
        return form


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
        if form.cleaned_data["publish_translations"]:
            if not self.may_publish_every_translation():
                raise PermissionDenied
            blocked = self.translations_with_unchecked_machine_text()
            if blocked:
                messages.error(
                    self.request,
                    _(
                        "Nothing was synced or published: machine-translated text nobody has checked is still in %(languages)s. "
                        "Sync without publishing, or have it checked first."
                    )
                    % {"languages": ", ".join(str(page.locale.get_display_name()) for page in blocked)},
                )
                return redirect(self.request.get_full_path())
        return super().form_valid(form)

    def translations_with_unchecked_machine_text(self):
        targets = [translation.get_target_instance() for translation in self.object.translations.filter(enabled=True)]
        return [target for target in targets if isinstance(target, Page) and publishing_blocked_by_machine_text(target)]

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


@require_POST
def upload_translation_file(request, translation_id):
    """wagtail-localize's "Upload PO file", after the checks it lacks (localisation/offline.py): no file, an
    empty, huge, damaged, non-UTF-8, stale, unsafe or wrong file is refused and nothing is saved."""
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a PO file to upload first."))
        return redirect(next_url)
    try:
        checked = offline.read_upload(upload, request.user, expected=translation)
    except offline.FileProblem as problem:
        messages.error(request, str(problem))
        return redirect(next_url)
    if offline.import_files(checked, request.user):
        messages.success(request, _("Your translations from the file are saved. Check them here, then publish or submit them."))
    for note in filter(None, map(offline.needs_work_note, checked)):
        messages.warning(request, note)
    return redirect(next_url)
