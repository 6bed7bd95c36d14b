"""LL2 urls: the absolute links of one response, and which resource an url names."""

from __future__ import annotations

import re
from urllib.parse import urlencode, urlsplit

from django.urls import get_script_prefix

API_VERSION = "2.3.0"
API_PREFIX = f"/{API_VERSION}/"
URL_PATH = re.compile(
    r"/(?P<version>\d+\.\d+\.\d+)/(?P<path>(?:[a-z_]+/)*?[a-z_]+)/"
    r"(?:\d+/|[0-9a-fA-F-]{36}/)?(?:$|[?#])"
)


class Links:
    """Builds the absolute urls of one response: the request's origin, and its ``format``
    carried into every object's url as LL2 does."""

    def __init__(self, request) -> None:
        self.root = request.build_absolute_uri(f"{get_script_prefix()}{API_VERSION}/")
        fmt = request.query_params.get("format") if hasattr(request, "query_params") else None
        self.suffix = f"?{urlencode({'format': fmt})}" if fmt else ""

    def detail(self, resource: str, pk) -> str:
        return f"{self.root}{resource}/{pk}/{self.suffix}"

    def rewrite(self, url: str) -> str:
        """Point an upstream LL2 url (as stored in a document) at this server."""
        path = urlsplit(url).path
        if not path.startswith(API_PREFIX):
            return url
        return f"{self.root}{path[len(API_PREFIX) :]}{self.suffix}"


def resource_of(url: str | None) -> tuple[str, str] | None:
    """``(version, resource path)`` of an LL2 url or request path, if it names one."""
    match = URL_PATH.search(url or "")
    return (match["version"], match["path"]) if match else None
