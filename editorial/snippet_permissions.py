"""Who may change which language's translatable snippets (contributors, glossary, menu, footer, words).

Editors, reviewers and administrators keep the rights their groups give them on every language.
A translator ("Translators: Arabic") may also change the snippets in their own language, and
start a snippet's translation into it, but never add English snippets, delete any, or change
the English source or another language's. The same check answers every route: Wagtail's snippet
views (through the permission policy and the viewset below), wagtail-localize's translation
editor and its string API, machine translation and PO uploads (``user_can_edit_instance``).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.permissions import user_can_edit_snippet_type
from wagtail.snippets.views import snippets as snippet_views

TRANSLATOR_ACTIONS = {"change"}


def translator_languages(user):
    """The language codes this person translates into, looked up once per request."""
    if not user.is_authenticated:
        return []
    codes = getattr(user, "_translator_language_codes", None)
    if codes is None:
        from localisation.access import translator_language_codes

        codes = user._translator_language_codes = translator_language_codes(user)
    return codes


class TranslatorLanguagePolicy(ModelPermissionPolicy):
    """The model's own permissions, plus "change" for translators on their own language's instances."""

    def user_has_permission(self, user, action):
        if super().user_has_permission(user, action):
            return True
        # Lets translators reach the listing and the edit view; each instance is checked below.
        return action in TRANSLATOR_ACTIONS and bool(translator_languages(user))

    def user_has_permission_for_instance(self, user, action, instance):
        if super().user_has_permission(user, action):
            return True
        return action in TRANSLATOR_ACTIONS and self.may_change_in(user, instance.locale)

    def may_change_in(self, user, locale):
        """Whether this person may change this kind of snippet in ``locale``."""
        return super().user_has_permission(user, "change") or locale.language_code in translator_languages(user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if super().user_has_any_permission(user, actions):
            return self.model._default_manager.all()
        if TRANSLATOR_ACTIONS.intersection(actions):
            return self.model._default_manager.filter(locale__language_code__in=translator_languages(user))
        return self.model._default_manager.none()

    def users_with_any_permission_for_instance(self, actions, instance):
        users = super().users_with_any_permission(actions)
        if not TRANSLATOR_ACTIONS.intersection(actions):
            return users
        from django.contrib.auth import get_user_model

        from editorial.roles import translator_group_name

        translators = Q(groups__name=translator_group_name(instance.locale.language_code), is_active=True)
        return get_user_model().objects.filter(Q(pk__in=users.values("pk")) | translators).distinct()

    def may_translate_into(self, user, locale):
        """Whether this person may create a translation of this kind of snippet in ``locale``."""
        return super().user_has_permission(user, "add") or locale.language_code in translator_languages(user)


def register_translator_policy(model):
    """Give a translatable snippet model the translator-aware policy (before its viewset registers)."""
    register_permission_policy(model, TranslatorLanguagePolicy(model))


def policy_for(model):
    """The model's policy if it is translator-aware, else None."""
    policy = policy_registry.get_by_type(model)
    return policy if isinstance(policy, TranslatorLanguagePolicy) else None


def user_can_edit_instance(user, instance):
    """wagtail-localize's check, with snippets answered per language by their policy."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    policy = policy_for(type(instance))
    if policy is not None:
        return policy.user_has_permission_for_instance(user, "change", instance)
    return user_can_edit_snippet_type(user, type(instance))


class TranslatorIndexView(snippet_views.IndexView):
    """The snippet listing: a row links to its editor only if this person may change that row."""

    def get_edit_url(self, instance):
        if self.user_has_permission_for_instance("change", instance):
            return super().get_edit_url(instance)
        return None


class TranslatorEditView(snippet_views.EditView):
    """The snippet editor (and wagtail-localize's translation editor behind it), per language."""

    def dispatch(self, request, *args, **kwargs):
        instance = getattr(self, "object", None) or self.get_object()
        if not self.user_has_permission_for_instance("change", instance):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class TranslatorSnippetViewSet(snippet_views.SnippetViewSet):
    """A snippet viewset that lets translators change their own language's snippets only."""

    index_view_class = TranslatorIndexView
    edit_view_class = TranslatorEditView

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Registered before Wagtail looks the policy up, so every view and check gets this one.
        register_translator_policy(self.model)
