"""An upstream that does its worst: a real HTTP server on a free loopback port, in a thread of
the test process, that answers every request with one hostile behaviour.

- ``drip``: the answer one byte a second, from the status line on, forever.
- ``drip-body``: prompt headers, then the body one byte a second, forever.
- ``huge``: a list page that looks valid and never ends, without a ``Content-Length``.
- ``huge-announced``: the same, announcing 16 GiB in its ``Content-Length``.
- ``gzip-bomb``: about 2 MiB of gzip (``Content-Encoding: gzip``) that inflates to 2 GiB of
  a page's opening and blanks; it is made of one compressed MiB repeated after full flushes,
  so that building it takes milliseconds (its trailer is not that of the whole: a client that
  honours its limit never gets there).
- ``foreign-next``: a valid first page whose ``next`` link is on another server.
- ``endless``: valid pages of synthetic spacecraft, ``count`` 10^9 and ``next`` always present.
- ``endless-small``: the same with a ``count`` of 250, so that only the paging gives it away.

Every request is recorded (its path), so that a test can tell what was asked of which server.
"""

from __future__ import annotations

import contextlib
import json
import threading
import zlib
from datetime import UTC, datetime
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from tests.upstream import FIRST_ID, spacecraft

MIB = 1024 * 1024
PAGE_OPENING = b'{"count": 1, "next": null, "previous": null, "results": ['
BEHAVIOURS = (
    "drip",
    "drip-body",
    "huge",
    "huge-announced",
    "gzip-bomb",
    "foreign-next",
    "endless",
    "endless-small",
)


@cache
def gzip_bomb(inflated_mib: int = 2048) -> bytes:
    """A gzip stream of about ``inflated_mib`` / 1000 MiB that inflates to ``inflated_mib`` MiB."""
    blanks = b" " * MIB
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    first = squeeze.compress(PAGE_OPENING) + squeeze.compress(blanks)
    first += squeeze.flush(zlib.Z_FULL_FLUSH)
    # After a full flush the compressor starts afresh: the same input gives the same bytes.
    again = squeeze.compress(blanks) + squeeze.flush(zlib.Z_FULL_FLUSH)
    return first + again * (inflated_mib - 1) + squeeze.flush()


def synthetic_list(path: str, count: int, next_url: str | None) -> dict:
    """A page of 100 valid detailed spacecraft, ids following from the request's offset."""
    query = dict(parse_qsl(urlsplit(path).query))
    offset, limit = int(query.get("offset", 0)), int(query.get("limit", 100))
    now = datetime.now(UTC)
    results = [spacecraft(FIRST_ID + offset + index, now) for index in range(limit)]
    return {"count": count, "next": next_url, "previous": None, "results": results}


class HostileServer:
    """One behaviour (see ``BEHAVIOURS``) for every request, until ``close``."""

    def __init__(self, behaviour: str, elsewhere: str = "http://127.0.0.1:9") -> None:
        if behaviour not in BEHAVIOURS:
            raise ValueError(f"unknown behaviour {behaviour!r}")
        self.behaviour, self.elsewhere = behaviour, elsewhere
        self.requests: list[str] = []
        self.stopping = threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), HostileHandler)
        self.server.daemon_threads = True
        self.server.hostile = self
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> HostileServer:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


class HostileHandler(BaseHTTPRequestHandler):
    def log_message(self, format, *args):  # the test output stays readable
        pass

    def do_GET(self):
        hostile: HostileServer = self.server.hostile
        hostile.requests.append(self.path)
        serve = getattr(self, "serve_" + hostile.behaviour.replace("-", "_"))
        # The client hanging up is what it should do.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            serve(hostile)
        self.close_connection = True

    def status_and_headers(self, headers: dict[str, str]) -> bytes:
        lines = ["HTTP/1.1 200 OK", *(f"{name}: {value}" for name, value in headers.items())]
        return ("\r\n".join(lines) + "\r\n\r\n").encode()

    def drip(self, hostile: HostileServer, data: bytes) -> None:
        for byte in data:
            if hostile.stopping.wait(1.0):
                return
            self.wfile.write(bytes([byte]))
            self.wfile.flush()

    def serve_drip(self, hostile: HostileServer) -> None:
        head = self.status_and_headers({"Content-Type": "application/json", "Connection": "close"})
        while not hostile.stopping.is_set():
            self.drip(hostile, head + PAGE_OPENING + b" " * 3600)

    def serve_drip_body(self, hostile: HostileServer) -> None:
        self.wfile.write(
            self.status_and_headers({"Content-Type": "application/json", "Connection": "close"})
        )
        self.wfile.flush()
        while not hostile.stopping.is_set():
            self.drip(hostile, PAGE_OPENING + b" " * 3600)

    def stream_forever(self, hostile: HostileServer, headers: dict[str, str]) -> None:
        self.wfile.write(self.status_and_headers({"Content-Type": "application/json", **headers}))
        record = json.dumps(spacecraft(FIRST_ID, datetime.now(UTC))).encode() + b","
        self.wfile.write(PAGE_OPENING)
        piece = record * max(1, 256 * 1024 // len(record))
        while not hostile.stopping.is_set():
            self.wfile.write(piece)

    def serve_huge(self, hostile: HostileServer) -> None:
        self.stream_forever(hostile, {"Connection": "close"})

    def serve_huge_announced(self, hostile: HostileServer) -> None:
        self.stream_forever(hostile, {"Content-Length": str(16 * 1024 * MIB)})

    def serve_gzip_bomb(self, hostile: HostileServer) -> None:
        bomb = gzip_bomb()
        headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
        self.wfile.write(self.status_and_headers({**headers, "Content-Length": str(len(bomb))}))
        self.wfile.write(bomb)

    def answer(self, page: dict) -> None:
        body = json.dumps(page).encode()
        headers = {"Content-Type": "application/json", "Content-Length": str(len(body))}
        self.wfile.write(self.status_and_headers(headers) + body)

    def next_link(self, base: str, step: int = 100) -> str:
        query = dict(parse_qsl(urlsplit(self.path).query))
        query["offset"] = str(int(query.get("offset", 0)) + step)
        return f"{base}{urlsplit(self.path).path}?" + "&".join(f"{k}={v}" for k, v in query.items())

    def serve_foreign_next(self, hostile: HostileServer) -> None:
        self.answer(synthetic_list(self.path, 250, self.next_link(hostile.elsewhere)))

    def serve_endless(self, hostile: HostileServer) -> None:
        self.answer(synthetic_list(self.path, 10**9, self.next_link(hostile.url)))

    def serve_endless_small(self, hostile: HostileServer) -> None:
        self.answer(synthetic_list(self.path, 250, self.next_link(hostile.url)))
