"""Values every public template needs."""

from django.conf import settings


def reader_site(request):
    return {"quick_exit_url": settings.QUICK_EXIT_URL}
