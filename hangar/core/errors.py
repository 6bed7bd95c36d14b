"""JSON error pages for what DRF's own handler does not see: unknown paths and crashes.

Inside the API, DRF answers ``{"detail": ...}`` or ``{"<parameter>": ["<message>"]}``."""

from django.http import JsonResponse


def not_found(request, exception=None):
    return JsonResponse({"detail": f"Not found: {request.path}"}, status=404)


def server_error(request):
    return JsonResponse({"detail": "Internal server error."}, status=500)
