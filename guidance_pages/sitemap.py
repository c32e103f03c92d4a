"""/sitemap.xml: every live public page in every language, each with its translations."""

from collections import defaultdict

from django.conf import settings
from django.contrib.sitemaps import Sitemap

from wagtail.models import Page


class GuidanceSitemap(Sitemap):
    """Lists each page once per language it is published in, with hreflang alternates and x-default."""

    limit = 5000

    def items(self):
        pages = list(Page.objects.live().public().filter(depth__gt=1).select_related("locale").order_by("path"))
        self.translations = defaultdict(list)
        for page in pages:
            self.translations[page.translation_key].append(page)
        return pages

    def location(self, page):
        return page.get_url()

    def lastmod(self, page):
        return page.last_published_at

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for info in urls:
            translations = self.translations[info["item"].translation_key]
            info["alternates"] = [
                {"location": f"{protocol}://{domain}{translation.get_url()}", "lang_code": translation.locale.language_code}
                for translation in translations
            ]
            source = next((t for t in translations if t.locale.language_code == settings.LANGUAGE_CODE), None)
            if source is not None:
                info["alternates"].append({"location": f"{protocol}://{domain}{source.get_url()}", "lang_code": "x-default"})
        return urls
