"""The physical limit of Hangar's stack, for ``make bench``: the same gunicorn command answering
each measured request with the bytes Hangar served for it, held in memory. No server on this
stack can answer faster; Hangar's figures are read as a fraction of this one's.

``BENCH_LIMIT_DIR`` names a folder whose ``index.json`` maps a request target
(``/2.3.0/spacecraft/?limit=10&format=json``) to the file holding its body; other targets get a
404. Served as ``gunicorn limit:application`` from the ``bench`` folder.
"""

import json
import os
from pathlib import Path

FOLDER = Path(os.environ["BENCH_LIMIT_DIR"])
BODIES = {
    target: (FOLDER / name).read_bytes()
    for target, name in json.loads((FOLDER / "index.json").read_text()).items()
}
NOT_FOUND = b'{"detail":"Not found."}'


def application(environ, start_response):
    query = environ.get("QUERY_STRING", "")
    body = BODIES.get(environ.get("PATH_INFO", "") + ("?" + query if query else ""))
    status = "200 OK"
    if body is None:
        status, body = "404 Not Found", NOT_FOUND
    start_response(
        status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    )
    return [body]
