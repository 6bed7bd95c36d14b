"""``hangar export DIR``: the whole catalog as LL2 2.3.0 JSON that ``hangar import`` reads back.

The export asks Hangar's own list endpoints for their pages, in the richest mode and 100
records at a time (a one-object endpoint, ``dashboard/starship/``, for its object), exactly as a
client would (in-process, through Django's test client, so that no server has to run): what is
exported is what the API serves, and a round trip through another, empty instance serves the
same documents. The endpoints are those of the table ``hangar sync`` crawls; one this Hangar
does not serve, or whose records it cannot import back, is skipped with a note.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import orjson
from django.conf import settings
from django.test import Client
from django.test.utils import override_settings

from hangar.ingest.sync.endpoints import endpoints, importable
from hangar.ll2.links import API_PREFIX

DEFAULT_BASE_URL = "http://localhost:8000"


class ExportFailed(Exception):
    """The catalog could not be exported; nothing useful was left half-written."""


@dataclass
class ExportReport:
    files: int = 0
    lines: list[str] = field(default_factory=list)


def write(path: Path, document: object) -> None:
    path.write_bytes(orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n")


def export_catalog(directory: Path, base_url: str = DEFAULT_BASE_URL) -> ExportReport:
    """Write every page into ``directory``, which must hold no JSON yet
    (files of an earlier export would be imported along with these)."""
    directory = Path(directory)
    if directory.is_dir() and any(directory.glob("*.json")):
        raise ExportFailed(f"{directory} already holds JSON files; export into an empty one.")
    directory.mkdir(parents=True, exist_ok=True)
    parts = urlsplit(base_url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ExportFailed(f"Not an http(s) base URL: {base_url!r}.")
    client = Client(HTTP_HOST=parts.netloc, secure=parts.scheme == "https")
    report = ExportReport()
    # The urls in the pages are built from the request's host: the base URL's.
    with override_settings(ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, parts.hostname]):
        for index, endpoint in enumerate(endpoints()):
            if not importable(endpoint):
                report.lines.append(
                    f"{endpoint.label()}: skipped, Hangar cannot import its records back."
                )
                continue
            export_endpoint(client, directory, index, endpoint, report)
    report.lines.insert(0, f"Exported {report.files} files to {directory}.")
    return report


def export_endpoint(client: Client, directory: Path, index: int, endpoint, report) -> None:
    offset, pages, records = 0, 0, 0
    while True:
        params = endpoint.params(offset)
        response = client.get(f"{API_PREFIX}{endpoint.path}", params)
        if response.status_code == 404 and offset == 0:
            report.lines.append(f"{endpoint.label()}: not served by this Hangar, skipped.")
            return
        if response.status_code != 200:
            raise ExportFailed(
                f"GET {API_PREFIX}{endpoint.path}?{urlencode(params)}: HTTP "
                f"{response.status_code}: {response.content[:300]!r}"
            )
        page = orjson.loads(response.content)
        request = f"GET {API_PREFIX}{endpoint.path}?{urlencode(sorted(params.items()))}"
        name = f"{index:02d}-{endpoint.slug}-{offset:07d}.json"
        write(directory / name, {"request": request, "response": page})
        report.files += 1
        if endpoint.single:  # one object, no pages
            report.lines.append(f"{endpoint.label()}: 1 object.")
            return
        pages, records = pages + 1, records + len(page["results"])
        if not page["next"] or not page["results"]:
            break
        offset += len(page["results"])
    shown = "1 page" if pages == 1 else f"{pages} pages"
    report.lines.append(f"{endpoint.label()}: {shown}, {records} records.")
