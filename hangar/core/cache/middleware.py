"""``ResponseCache``: the WSGI layer that serves kept answers (see the package's docstring)."""

from __future__ import annotations

import time

from django.conf import settings
from django.db import DatabaseError
from prometheus_client import Counter

from hangar.core.cache.entries import Entry, accepts_gzip, matches
from hangar.core.cache.keys import ENVIRON_KEY, answerable, request_key, switches
from hangar.core.cache.stores import LocalStore, shared_store
from hangar.core.horizon import KeptHorizon
from hangar.core.live import LiveBody
from hangar.core.models import read_catalog_version
from hangar.core.routers import PRIMARY, reads_from_a_replica

ANSWERS = Counter(
    "hangar_response_cache_requests",
    "API requests by how the response cache answered them",
    ["result"],
)
# Bound once: a labelled child costs a lookup on every request otherwise.
COUNTED = {result: ANSWERS.labels(result) for result in ("hit", "miss", "not_modified", "uncached")}


class ResponseCache:
    def __init__(self, application) -> None:
        self.application = application
        self.local = LocalStore(settings.RESPONSE_CACHE_MAX_MB * 1024 * 1024)
        self.shared = shared_store()
        self.horizon = KeptHorizon()

    def __call__(self, environ, start_response):
        if not switches()[2] or not answerable(environ):
            return self.respond(environ, start_response, PRIMARY)
        # The version and the data of one request come from one database (``routers``).
        with reads_from_a_replica() as database:
            return self.respond(environ, start_response, database)

    def respond(self, environ, start_response, database: str):
        if not answerable(environ):
            return self.application(environ, start_response)
        try:
            version = read_catalog_version(database)
        except DatabaseError:
            # The application answers (a 503 when the database is down).
            return self.application(environ, start_response)
        now = time.time()
        key = request_key(environ, version)
        entry = self.local.get(key, now)
        if entry is None and self.shared is not None:
            entry = self.shared.get(key, now)
            if entry is not None:
                self.local.put(key, entry)
        method, encodings = environ["REQUEST_METHOD"], environ.get("HTTP_ACCEPT_ENCODING", "")
        if entry is None:
            entry, answer = self.compute(environ, version, now)
            if entry is None:
                COUNTED["uncached"].inc()
                status, headers, body = answer
                start_response(status, headers)
                return [] if method == "HEAD" else [body]
            self.local.put(key, entry)
            if self.shared is not None:
                self.shared.put(key, entry, now)
            result = "miss"
        else:
            result = "hit"
        return self.serve(entry, environ, start_response, now, result, method, encodings)

    def compute(self, environ, version: int, now: float):
        """Ask the application; the entry to keep, or the answer to pass on as it is."""
        state = {"now": now, "cacheable": False, "this_second_only": False}
        environ[ENVIRON_KEY] = state
        # The cache compresses what it serves; the application answers plain bytes, and a
        # HEAD is computed as its GET, whose body the cache keeps.
        environ.pop("HTTP_ACCEPT_ENCODING", None)
        environ["REQUEST_METHOD"] = "GET"
        captured = []

        def capture(status, headers, exc_info=None):
            captured[:] = [status, headers]
            return lambda data: None

        chunks = self.application(environ, capture)
        try:
            body = b"".join(chunks)
        finally:
            if hasattr(chunks, "close"):
                chunks.close()
        status, headers = captured
        content_type = dict((name.lower(), value) for name, value in headers).get(
            "content-type", ""
        )
        keep = (
            state["cacheable"]
            and status.startswith("200")
            and content_type.startswith("application/json")
            and not any(name.lower() == "set-cookie" for name, _ in headers)
        )
        if not keep:
            body = LiveBody.split(body).render(int(now))
            headers = [(n, v) for n, v in headers if n.lower() != "content-length"]
            return None, (status, [*headers, ("Content-Length", str(len(body)))], body)
        if state["this_second_only"]:
            expires = float(int(now) + 1)
        else:
            expires = self.horizon.at(version, now)
        return Entry.of(headers, body, expires), None

    def serve(self, entry: Entry, environ, start_response, now, result, method, encodings):
        encoding = "identity"
        if entry.gzip_worth and encodings and accepts_gzip(encodings):
            encoding = "gzip"
        copy = entry.copy(int(now), encoding, switches()[1])
        request_id = environ.get("HTTP_X_REQUEST_ID")
        if_none_match = environ.get("HTTP_IF_NONE_MATCH")
        if if_none_match and matches(if_none_match, copy.etag):
            COUNTED["not_modified"].inc()
            start_response("304 Not Modified", with_request_id(copy.head, request_id))
            return []
        COUNTED[result].inc()
        if request_id:
            headers = [*with_request_id(copy.head, request_id), *copy.tail]
        else:
            headers = list(copy.headers)  # the server may change the list it is given
        start_response("200 OK", headers)
        if method == "HEAD":
            return []
        return [copy.body]


def with_request_id(headers: list[tuple[str, str]], request_id: str | None) -> list:
    if not request_id:
        return list(headers)
    return [*headers, ("X-Request-ID", request_id[:128])]
