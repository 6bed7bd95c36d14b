"""Error pages for what DRF's own handler does not see: unknown paths, requests Django refuses
before any view (a ``Host`` header not in ``ALLOWED_HOSTS``, a malformed request) and crashes.

Inside the API, DRF answers ``{"detail": ...}`` or ``{"<parameter>": ["<message>"]}``. Outside
it, an unknown path gets the same JSON, unless ``?format=api`` asks for a page to read."""

from django.core.exceptions import DisallowedHost
from django.http import JsonResponse
from django.shortcuts import render


def not_found(request, exception=None):
    if request.GET.get("format") == "api":
        return render(request, "core/404.html", {"path": request.path}, status=404)
    return JsonResponse({"detail": f"Not found: {request.path}"}, status=404)


def bad_request(request, exception=None):
    """Django refuses the request before it reaches a view: say what it was, never how."""
    if isinstance(exception, DisallowedHost):
        detail = "Invalid Host header: this server does not answer for that host."
    else:
        detail = "Bad request."
    return JsonResponse({"detail": detail}, status=400)


def permission_denied(request, exception=None):
    return JsonResponse({"detail": "Forbidden."}, status=403)


def server_error(request):
    return JsonResponse({"detail": "Internal server error."}, status=500)
