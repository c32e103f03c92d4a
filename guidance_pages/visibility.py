"""Which pages every reader may see: published, with no privacy setting on them or on a page above them."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr

from wagtail.models import PageViewRestriction


def for_everyone(pages):
    """Only the live pages of ``pages`` that need no login or password, in the same query.

    Lists of guides and chapters, the PDF, the offline copy and the language switcher are the same
    for every reader (and cached), so a private page must never show in them. Wagtail's
    ``.public()`` costs an extra query to load every restriction first; this is a subquery: a
    page is private when a restriction sits on a page whose path starts its own.
    """
    restrictions_above = PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
    return pages.live().exclude(Exists(restrictions_above))
