"""Security headers that differ between the reader pages and the Wagtail admin.

Reader pages get the strict policies from settings: scripts and styles only from our own
files, never framed. The admin (and its page preview, which it shows in a frame of itself)
gets the looser policy Wagtail's own scripts need, and may be framed by the admin only.
"""

from django.conf import settings

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy

# What a view or response can set to change its policy (django-csp's decorators).
PER_RESPONSE = ("_csp_config", "_csp_update", "_csp_replace", "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro")
PER_RESPONSE += ("_csp_exempt", "_csp_exempt_ro")


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

    _reader_headers = (None, None, ())

    def process_response(self, request, response):
        admin = is_admin_request(request)
        if admin and response.get("X-Frame-Options", "DENY") == "DENY":
            response["X-Frame-Options"] = "SAMEORIGIN"
        if admin or settings.DEBUG or isinstance(getattr(request, "_csp_nonce", None), str):
            return super().process_response(request, response)
        if any(hasattr(response, name) for name in PER_RESPONSE):
            return super().process_response(request, response)
        # A reader page with the policy from settings, as nearly every response is: the same
        # headers every time, worked out once (django-csp builds them afresh, a quarter of the
        # time a page from the page cache takes).
        for header, value in self.reader_headers(request):
            if header not in response:
                response[header] = value
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    def reader_headers(self, request):
        """[(header, value)] of the policy in settings for reader pages (kept until settings change)."""
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
        report_only = getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None) or {}
        kept_policy, kept_report_only, headers = self._reader_headers
        if kept_policy is not policy or kept_report_only is not report_only:
            headers = []
            for header, settings_policy, is_report_only in [(HEADER, policy, False), (HEADER_REPORT_ONLY, report_only, True)]:
                value = build_policy(report_only=is_report_only)
                if value:
                    headers.append((header, value, tuple(settings_policy.get("EXCLUDE_URL_PREFIXES", None) or ())))
            self._reader_headers = (policy, report_only, headers)
        return [(header, value) for header, value, excluded in headers if not request.path_info.startswith(excluded)]

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # A view that set its own policy (csp_replace, csp_update decorators) keeps it.
        if not report_only and parts.config is None and is_admin_request(request):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
