"""What someone sees when signing in is paused after too many wrong passwords (django-axes)."""

from django.conf import settings
from django.contrib import messages
from django.utils.translation import ngettext

from wagtail.admin.views.account import LoginView


class LockedOutView(LoginView):
    """Wagtail's sign-in page with a plain-English reason, answered as "429 Too Many Requests"."""

    def post(self, request, *args, **kwargs):
        minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
        messages.error(
            request,
            ngettext(
                "Too many wrong passwords for this account. To keep it safe, signing in is paused for %(minutes)d minute. "
                "Please wait, then try again. If you have forgotten your password, ask an administrator to reset it.",
                "Too many wrong passwords for this account. To keep it safe, signing in is paused for %(minutes)d minutes. "
                "Please wait, then try again. If you have forgotten your password, ask an administrator to reset it.",
                minutes,
            )
            % {"minutes": minutes},
        )
        # A fresh form: the refused password is not sent back, the name is kept.
        form = self.get_form_class()(request=request, initial={"username": request.POST.get("username", "")})
        response = self.render_to_response(self.get_context_data(form=form))
        response.status_code = 429
        return response


def locked_out(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the sign-in page saying why, instead of axes' bare text."""
    # Axes answers from its middleware, after Django renders template responses: render it here.
    return LockedOutView.as_view()(request).render()
