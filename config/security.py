"""Security headers that differ between the reader pages and the Wagtail admin.

Reader pages get the strict policies from settings: scripts and styles only from our own
files, never framed. The admin (and its page preview, which it shows in a frame of itself)
gets the looser policy Wagtail's own scripts need, and may be framed by the admin only.
"""

from django.conf import settings

from csp.middleware import CSPMiddleware


def is_admin_request(request):
    """Whether the request is for the Wagtail admin (its pages, previews and sign-in).

    A preview is rendered by Wagtail through the whole middleware chain again, with a made-up
    request for the page's public address; Wagtail marks that request ``is_preview``.
    """
    return request.path_info.startswith(settings.ADMIN_URL_PREFIX) or getattr(request, "is_preview", False)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp, with ADMIN_CONTENT_SECURITY_POLICY instead of the reader policy under /admin/.

    It also says SAMEORIGIN in the admin's X-Frame-Options, the older header for the same rule as
    frame-ancestors, where Django's XFrameOptionsMiddleware (listed after this one, so it runs
    first on the way out) said its DENY for everything.
    """

    def process_response(self, request, response):
        if is_admin_request(request) and response.get("X-Frame-Options", "DENY") == "DENY":
            response["X-Frame-Options"] = "SAMEORIGIN"
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # A view that set its own policy (csp_replace, csp_update decorators) keeps it.
        if not report_only and parts.config is None and is_admin_request(request):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
