"""Error pages for what DRF's own handler does not see: unknown paths and crashes.

Inside the API, DRF answers ``{"detail": ...}`` or ``{"<parameter>": ["<message>"]}``. Outside
it, an unknown path gets the same JSON, unless ``?format=api`` asks for a page to read."""

from django.http import JsonResponse
from django.shortcuts import render


def not_found(request, exception=None):
    if request.GET.get("format") == "api":
        return render(request, "core/404.html", {"path": request.path}, status=404)
    return JsonResponse({"detail": f"Not found: {request.path}"}, status=404)


def server_error(request):
    return JsonResponse({"detail": "Internal server error."}, status=500)
