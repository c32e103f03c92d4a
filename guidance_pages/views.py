"""Reader views outside the page tree."""

from django.conf import settings
from django.shortcuts import redirect
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET


@require_GET
def choose_language(request):
    """Remember the language a reader picked in the switcher, then show them the page.

    A plain link (no form, no JavaScript): /ar/language/?next=/ar/guides/... The choice is kept
    in Django's language cookie, which sends the reader to their language when they come back
    to the site's root address.
    """
    language = translation.get_language()
    target = request.GET.get("next", "")
    allowed = url_has_allowed_host_and_scheme(target, allowed_hosts=None) and target.startswith(f"/{language}/")
    response = redirect(target if allowed else f"/{language}/")
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=True,
    )
    return response
