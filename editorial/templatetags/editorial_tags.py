"""Template helpers for the review emails and the editors' dashboard."""

from django import template

from wagtail.admin.utils import get_admin_base_url

register = template.Library()


@register.simple_tag
def public_address(page):
    """The page's full public address, starting with BASE_URL when the site has one address."""
    url = page.get_url() or ""
    if url.startswith("/"):
        return (get_admin_base_url() or "") + url
    return url
