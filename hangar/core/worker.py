"""The gunicorn worker of ``hangar serve``: gunicorn's sync worker, except that a request it
refuses before Django sees it (a request line over ``limit_request_line``, too many or too
large headers, a line that is not HTTP) gets a JSON body naming what was wrong, like every
other error of the API, instead of gunicorn's HTML page. Any other error is gunicorn's to
answer, as before.
"""

from __future__ import annotations

import orjson
from gunicorn import util
from gunicorn.http import errors
from gunicorn.workers.sync import SyncWorker

REASONS = {400: "Bad Request", 414: "URI Too Long", 431: "Request Header Fields Too Large"}
MALFORMED = (
    errors.InvalidRequestLine,
    errors.InvalidRequestMethod,
    errors.InvalidHTTPVersion,
    errors.InvalidHeaderName,
    errors.InvalidHeader,
)


def refusal(error: Exception, cfg) -> tuple[int, str] | None:
    """The status and the explanation of a request gunicorn refuses; None for any other error."""
    if isinstance(error, errors.LimitRequestLine):
        return 414, (
            f"The request line is longer than the {cfg.limit_request_line} bytes allowed; "
            "shorten the query string."
        )
    if isinstance(error, errors.LimitRequestHeaders):
        return 431, (
            f"The request headers are too large ({error}): at most {cfg.limit_request_fields} "
            f"headers of at most {cfg.limit_request_field_size} bytes each."
        )
    # A header the application sends that is not valid is a 500, gunicorn's to answer.
    if isinstance(error, MALFORMED) and not isinstance(error, errors.InvalidResponseHeader):
        return 400, f"The request is not valid HTTP: {error}."
    return None


class HangarWorker(SyncWorker):
    def handle_error(self, req, client, addr, exc):
        answer = refusal(exc, self.cfg)
        if answer is None:
            return super().handle_error(req, client, addr, exc)
        status, detail = answer
        self.log.warning("Invalid request from ip=%s: %s", (addr or ("",))[0], exc)
        body = orjson.dumps({"detail": detail})
        head = (
            f"HTTP/1.1 {status} {REASONS[status]}\r\nConnection: close\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        try:
            util.write_nonblock(client, head.encode("latin-1") + body)
        except OSError:
            self.log.debug("Failed to send error message.")
        return None
