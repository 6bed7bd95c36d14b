"""Which requests the response cache answers, and the key of each."""

from __future__ import annotations

import hashlib
from importlib.metadata import version as package_version
from urllib.parse import parse_qsl, urlencode

from django.conf import settings

API_PREFIX = "/2.3.0/"
# An upgrade of Hangar may change answers: it starts a cache of its own.
CODE_VERSION = package_version("hangar")
# What the API's views read and write in the WSGI environ of a request the cache computes:
# the instant to answer for, whether the answer may be kept, and whether only for its second.
ENVIRON_KEY = "hangar.cache"
# Everything in a request that may shape the answer besides its path and query: the origin
# written into every url (host, scheme, a proxy's forwarded headers), the negotiated format
# and the CORS origin.
SHAPING_HEADERS = (
    "wsgi.url_scheme",
    "SCRIPT_NAME",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_ACCEPT",
    "HTTP_ORIGIN",
)


def answerable(environ) -> bool:
    """A GET or HEAD of the API asking for JSON, with the cache switched on (and throttling
    off: each request must then reach the throttle)."""
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return False
    if not environ.get("PATH_INFO", "").startswith(API_PREFIX):
        return False
    if not settings.RESPONSE_CACHE or getattr(settings, "THROTTLE_ENABLED", False):
        return False
    if "text/html" in environ.get("HTTP_ACCEPT", ""):
        return False  # a browser: the browsable page
    query = environ.get("QUERY_STRING", "")
    if "format" in query:
        formats = [value for name, value in parse_qsl(query) if name == "format"]
        return formats in ([], ["json"])
    return True


def normalised_query(query: str) -> str:
    """The query with its parameters sorted by name (repeated ones keep their order) and
    encoded one way: the answer does not depend on how the client spelt them."""
    pairs = parse_qsl(query, keep_blank_values=True)
    return urlencode(sorted(pairs, key=lambda pair: pair[0]))


def request_key(environ, version: int) -> str:
    """The key of the answer to ``environ`` at catalog ``version``; a HEAD shares its GET's."""
    parts = [
        CODE_VERSION,
        str(version),
        environ.get("PATH_INFO", ""),
        normalised_query(environ.get("QUERY_STRING", "")),
        environ.get("HTTP_HOST") or f"{environ.get('SERVER_NAME')}:{environ.get('SERVER_PORT')}",
        *(str(environ.get(name, "")) for name in SHAPING_HEADERS),
    ]
    digest = hashlib.blake2b("\n".join(parts).encode(), digest_size=20).hexdigest()
    return f"response:{digest}"
