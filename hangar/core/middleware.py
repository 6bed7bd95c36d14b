"""A database that is down, unreachable or too slow is the server's trouble, not the request's:
it answers ``503 Service Unavailable`` with a JSON body and ``Retry-After``, never a 500 with a
traceback in the logs of every request. Django opens a new connection on the next request, so
recovery needs nothing."""

from __future__ import annotations

import logging

from django.db import connections
from django.db.utils import InterfaceError, OperationalError
from django.http import JsonResponse

logger = logging.getLogger("hangar.database")

RETRY_AFTER_SECONDS = 5


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.warning("Database unavailable for %s: %s", request.path, exception)
        # A broken connection is not reused by the next request of this worker.
        for connection in connections.all(initialized_only=True):
            connection.close_if_unusable_or_obsolete()
        response = JsonResponse(
            {"detail": "The database is unavailable or too slow; try again shortly."},
            status=503,
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
