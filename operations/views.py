"""What a reader sees when the database is down: a calm page in their language, never a traceback."""

import sys

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.views.defaults import server_error as default_server_error

# Readers' browsers and any proxy in front of us may try again after this many seconds.
RETRY_AFTER_SECONDS = 60


def database_unavailable(error):
    """True when the database cannot be reached or read right now, rather than a mistake in our code.

    Connection refused, a timeout, "database is locked" and an unreadable SQLite file are all
    OperationalError, InterfaceError or, for a file that is not a database, DatabaseError itself;
    IntegrityError, ProgrammingError and the others are bugs and stay a 500.
    """
    return isinstance(error, OperationalError | InterfaceError) or type(error) is DatabaseError


def server_error(request):
    """Django's handler500, which sees every uncaught error, wherever it was raised.

    A handler rather than a middleware's process_exception: that would miss errors raised in
    other middleware (a session read, a redirect lookup on a 404). Django has already logged the
    error with its traceback (as "Service Unavailable: <path>") by the time this answers.
    """
    if not database_unavailable(sys.exc_info()[1]):
        return default_server_error(request)
    # Everything here works without the database: the language comes from the address (/ar/...),
    # a cookie or the browser, and the template is rendered without a request, so no context
    # processor runs.
    with translation.override(translation.get_language_from_request(request, check_path=True)):
        html = render_to_string("503.html", {"quick_exit_url": settings.QUICK_EXIT_URL})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
