"""Who may see which language's translation work: translators their own languages, coordinators all."""

from django.conf import settings
from django.contrib.auth import get_user_model

from wagtail.models import Locale

from editorial.roles import ADMINISTRATORS, REVIEWERS, translator_group_name


def translator_group_names():
    """{translator group name: language code} for every language but English."""
    return {translator_group_name(code): code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != settings.LANGUAGE_CODE}


def is_coordinator(user):
    """Reviewers and administrators see every language, the coverage matrix, and assign work."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=[REVIEWERS, ADMINISTRATORS]).exists()


def translator_language_codes(user):
    """The languages this person translates into, from their translator groups."""
    if not user.is_authenticated:
        return []
    names = translator_group_names()
    return sorted(names[name] for name in user.groups.filter(name__in=list(names)).values_list("name", flat=True))


def locales_for(user):
    """The languages whose translation work this person may see."""
    others = Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by("language_code")
    if is_coordinator(user):
        return list(others)
    return list(others.filter(language_code__in=translator_language_codes(user)))


def translators_of(locale):
    """The people in this language's translator group."""
    return get_user_model().objects.filter(groups__name=translator_group_name(locale.language_code), is_active=True).order_by("username")
