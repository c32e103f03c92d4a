"""URLs: the admin and files first, then every reader page under its language prefix (/en/, /ar/ ...)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.decorators.http import require_safe

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from guidance_pages.routing import serve_page
from guidance_pages.sitemap import GuidanceSitemap
from guidance_pages.views import choose_language, search, service_worker

urlpatterns = [
    path("sitemap.xml", require_safe(sitemap), {"sitemaps": {"pages": GuidanceSitemap}}, name="sitemap"),
    path("sw.js", service_worker, name="service_worker"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("feedback/", include("feedback.urls")),
    path("language/", choose_language, name="choose_language"),
    path("search/", search, name="search"),
    # Wagtail's page serving, with the page found in two queries (see guidance_pages.routing).
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", serve_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),  # its password and login forms for private pages
    prefix_default_language=True,
)

# A database outage answers "try again in a few minutes" (503) in the reader's language.
handler500 = "operations.views.server_error"
