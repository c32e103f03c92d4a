"""Receiving a reader's feedback: a plain form POST that also answers fetch() with JSON."""

from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from feedback.forms import LARGEST_PAGE_ID, FeedbackForm
from feedback.models import PageFeedback
from feedback.ratelimit import allow_submission
from guidance_pages.models import GuideChapterPage


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _refuse(request, status, message, page=None):
    if _wants_json(request):
        return JsonResponse({"ok": False, "message": message}, status=status)
    context = {"heading": _("Your answer was not sent"), "message": message, "back": page, "refused": True}
    return render(request, "feedback/answer.html", context, status=status)


def _from_another_site(request):
    """A browser posting from another site's page says so in its Origin header."""
    origin = request.headers.get("Origin")
    return origin is not None and not url_has_allowed_host_and_scheme(origin + "/", request.get_host(), require_https=request.is_secure())


# No CSRF token: the form is on every chapter, and a token would make each chapter different
# for each reader (so uncacheable) and give every reader a cookie. A forged answer could do no
# more than anyone can do by posting the form; browsers that post from another site are refused
# by their Origin header, and the rate limit and the robot trap cover the rest.
@csrf_exempt
@require_POST
def submit(request):
    """Store one answer, or refuse it with a clear message and store nothing."""
    if _from_another_site(request):
        return _refuse(request, 403, _("Answers can only be sent from the pages of this website."))
    if not allow_submission(request):
        return _refuse(request, 429, _("You have sent a lot of answers in a short time. Please wait a few minutes and try again."))
    form = FeedbackForm(request.POST, language_code=translation.get_language())
    if form.is_from_a_robot():
        # Robots get the same answer as people, so they learn nothing; nothing is stored.
        return _thank(request, None)
    if not form.is_valid():
        message = " ".join(str(error) for errors in form.errors.values() for error in errors)
        return _refuse(request, 400, message, form.cleaned_data.get("page"))
    feedback = PageFeedback.objects.create(
        page=form.cleaned_data["page"],
        language_code=form.language_code,
        useful=form.cleaned_data["useful"],
        comment=form.cleaned_data["comment"],
    )
    return _thank(request, feedback.page)


def _thank(request, page):
    message = _("Thank you. Your answer helps us improve this guidance.")
    if _wants_json(request):
        return JsonResponse({"ok": True, "message": message})
    url = reverse("feedback:thanks")
    if page is not None:
        url += f"?page={page.pk}"
    response = redirect(url)
    response.status_code = 303  # "See other": the browser fetches the thank-you page with GET
    return response


@require_safe
def thanks(request):
    """The thank-you page for readers without JavaScript, with a way back to the page."""
    page = None
    try:
        page_id = int(request.GET.get("page", ""))
    except ValueError:
        page_id = 0
    if 0 < page_id <= LARGEST_PAGE_ID:
        page = GuideChapterPage.objects.live().public().filter(pk=page_id, locale__language_code=translation.get_language()).first()
    context = {"heading": _("Thank you"), "message": _("Thank you. Your answer helps us improve this guidance."), "back": page}
    return render(request, "feedback/answer.html", context)
