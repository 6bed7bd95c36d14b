"""JSON through orjson, and DRF's browsable page on top of it."""

import orjson
from rest_framework import renderers


class Prerendered(bytes):
    """A body already rendered (``hangar.core.documents``), which the renderer passes on."""


class OrjsonRenderer(renderers.JSONRenderer):
    """Renders JSON with orjson: the same document as DRF's renderer (UTF-8, compact), faster.
    An indented body (the browsable page, ``Accept: application/json; indent=4``) is left to
    DRF's renderer, since orjson only indents by two."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if isinstance(data, Prerendered):
            return bytes(data)
        if self.get_indent(accepted_media_type, renderer_context or {}):
            return super().render(data, accepted_media_type, renderer_context)
        return orjson.dumps(data, default=fallback)


def fallback(value):
    """Types orjson does not know natively (DRF's ReturnDict and lazy strings)."""
    if isinstance(value, dict):
        return dict(value)
    if isinstance(value, list | tuple):
        return list(value)
    return str(value)


class BrowsableAPIRenderer(renderers.BrowsableAPIRenderer):
    """DRF's browsable page, branded as Hangar; Hangar is read-only, so it offers no forms."""

    template = "core/api.html"

    def get_rendered_html_form(self, data, view, method, request):
        return None
