"""Which requests the response cache answers, and the key of each."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib.metadata import version as package_version
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

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
UNSET = ("",) * len(SHAPING_HEADERS)


@lru_cache(maxsize=1)
def switches() -> tuple[bool, str, bool]:
    """Whether the cache answers at all (it is on, and throttling is off: each request must
    then reach the throttle), the ``Cache-Control`` of what it serves, and whether there are
    read replicas; read once, and again when a test changes the settings."""
    on = settings.RESPONSE_CACHE and not getattr(settings, "THROTTLE_ENABLED", False)
    age = settings.CACHE_CONTROL_MAX_AGE
    control = f"public, max-age={age}" if age else "public, max-age=0, must-revalidate"
    return on, control, bool(settings.DATABASE_REPLICAS)


@receiver(setting_changed)
def forget_switches(**kwargs) -> None:
    switches.cache_clear()


def answerable(environ) -> bool:
    """A GET or HEAD of the API asking for JSON, with the cache switched on (and throttling
    off: each request must then reach the throttle)."""
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return False
    if not environ.get("PATH_INFO", "").startswith(API_PREFIX):
        return False
    if not switches()[0]:
        return False
    if "text/html" in environ.get("HTTP_ACCEPT", ""):
        return False  # a browser: the browsable page
    query = environ.get("QUERY_STRING", "")
    return "format" not in query or asks_for_json(query)


# Clients repeat the same few requests: what is worked out from a query string or from the
# shaping parts of a request is remembered for the next one (a bounded number of them).
MEMO_SIZE = 4096


@lru_cache(maxsize=MEMO_SIZE)
def asks_for_json(query: str) -> bool:
    formats = [value for name, value in parse_qsl(query) if name == "format"]
    return formats in ([], ["json"])


@lru_cache(maxsize=MEMO_SIZE)
def normalised_query(query: str) -> str:
    """The query with its parameters sorted by name (repeated ones keep their order) and
    encoded one way: the answer does not depend on how the client spelt them."""
    pairs = parse_qsl(query, keep_blank_values=True)
    return urlencode(sorted(pairs, key=lambda pair: pair[0]))


def request_key(environ, version: int) -> str:
    """The key of the answer to ``environ`` at catalog ``version``; a HEAD shares its GET's."""
    get = environ.get
    shape = (
        get("PATH_INFO", ""),
        get("QUERY_STRING", ""),
        get("HTTP_HOST") or f"{get('SERVER_NAME')}:{get('SERVER_PORT')}",
        # ``map`` calls ``get(name, "")`` for each name without a Python loop: every request.
        *map(get, SHAPING_HEADERS, UNSET),
    )
    return f"response:{version}:{shape_digest(shape)}"


@lru_cache(maxsize=MEMO_SIZE)
def shape_digest(shape: tuple) -> str:
    """What identifies an answer within one catalog version: Hangar's version, the path, the
    normalised query and the shaping headers."""
    path, query, host, *rest = shape
    parts = [CODE_VERSION, path, normalised_query(query), host, *(str(part) for part in rest)]
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=20).hexdigest()
