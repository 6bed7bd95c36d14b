"""``hangar import``: LL2 2.3.0 JSON files into the catalog, all or nothing.

A file holds what the API serves: a list page (``{"count", "next", "previous", "results"}``),
a single object, a JSON array of objects, or any of those wrapped as
``{"request": "GET /2.3.0/...", "response": ...}``. The resource of each record is read from its
``url`` (or, for lookups without one, from the request or the page links).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import orjson
from django.db import transaction

from hangar.core.batch import Batch, BatchError
from hangar.core.collect import Collector
from hangar.core.inputs import ValidationMemo
from hangar.core.models import bump_catalog_version
from hangar.core.registry import registry
from hangar.ingest.large_files import WHOLE_FILE_LIMIT, LargeFile
from hangar.ingest.write import RowsRefused, WriteCounts, Written, write_batch
from hangar.ll2.links import API_VERSION, resource_of

SUPPORTED_VERSION = API_VERSION
# Top-level records validated into the batch before it is written as one part of the import.
PART_RECORDS = 1000
MAX_LISTED_ERRORS = 20
# Reasons a refusal keeps (and the sync lists); ``rejected`` counts them all.
KEPT_ERRORS = 1000


class ImportRefused(Exception):
    """Nothing was written; ``errors`` say which record and field were wrong."""

    def __init__(self, errors: list[str], rejected: int) -> None:
        self.errors = errors
        self.rejected = rejected
        super().__init__("\n".join(errors))


@dataclass
class ImportReport:
    records: int
    counts: WriteCounts = field(default_factory=WriteCounts)

    def lines(self) -> list[str]:
        c = self.counts
        labels = sorted(set(c.created) | set(c.updated) | set(c.unchanged))
        lines = [
            f"  {label}: {c.created[label]} created, {c.updated[label]} updated, "
            f"{c.unchanged[label]} unchanged"
            for label in labels
            if c.created[label] or c.updated[label] or c.unchanged[label]
        ]
        return [
            f"Imported {self.records} records: {sum(c.created.values())} created, "
            f"{sum(c.updated.values())} updated, {sum(c.unchanged.values())} unchanged, "
            "0 rejected.",
            *lines,
            *self.held_back_lines(),
        ]

    def held_back_lines(self) -> list[str]:
        held = self.counts.held_back
        if not held:
            return []
        records = sum(held.values())
        kinds = ", ".join(f"{label}: {number}" for label, number in sorted(held.items()))
        return [
            f"Kept {records} locally edited record{'s' if records != 1 else ''} ({kinds}): "
            f"{self.counts.held_back_values} upstream change"
            f"{'s' if self.counts.held_back_values != 1 else ''} held back; "
            "`hangar edits release` lets the next import take them."
        ]


@dataclass(frozen=True)
class SourceRecord:
    resource: str
    data: object
    source: str
    document: str


def layout(name: str, payload: object) -> tuple[tuple | None, Iterable, str | None]:
    """Where the records of a decoded file are: the resource links tell which resource a
    record without a url of its own belongs to (``fallback``), ``items`` are the records and
    ``where`` how a record's place is named (``results[3]``; None for a single object)."""
    fallback = None
    if isinstance(payload, dict) and {"request", "response"} <= payload.keys():
        request = str(payload["request"]).split(" ")[-1]
        fallback = resource_of(request)
        payload = payload["response"]
    if isinstance(payload, dict) and "results" in payload:
        fallback = fallback or resource_of(payload.get("next") or payload.get("previous"))
        if not isinstance(payload["results"], list):
            raise BatchError(f"{name}: results: expected a list of records.")
        return fallback, payload["results"], "results"
    if isinstance(payload, dict):
        return fallback, [payload], None
    if isinstance(payload, list):
        return fallback, payload, ""
    raise BatchError(f"{name}: expected an LL2 object, list page or array of objects.")


@dataclass(frozen=True)
class Unreadable:
    """A file that could not be read or decoded, in place of its records: the reason."""

    error: BatchError


def read_records(name: str, payload: object) -> Iterator[SourceRecord]:
    """The records of one file (decoded, or a large file read as it goes), each with the
    resource it belongs to."""
    if isinstance(payload, Unreadable):
        raise payload.error
    fallback, items, where = (
        payload.layout() if isinstance(payload, LargeFile) else layout(name, payload)
    )
    for index, item in enumerate(items):
        source = f"{name}: {where}[{index}]" if where is not None else name
        url = item.get("url") if isinstance(item, dict) else None
        found = resource_of(url) if isinstance(url, str) else None
        version, resource = found or fallback or (None, None)
        if resource is None:
            raise BatchError(f"{source}: cannot tell which resource this record is (no url).")
        if version != SUPPORTED_VERSION:
            raise BatchError(
                f"{source}: url: LL2 version {version} is not supported; Hangar reads "
                f"{SUPPORTED_VERSION}."
            )
        yield SourceRecord(resource, item, source, name)


def flatten_errors(errors, prefix: str = "") -> Iterator[str]:
    """DRF's nested error structure as ``field.sub[2].x: message`` lines."""
    if isinstance(errors, dict):
        for key, value in errors.items():
            name = "record" if key == "non_field_errors" else key
            yield from flatten_errors(value, f"{prefix}.{name}" if prefix else str(name))
    elif isinstance(errors, list) and errors and not isinstance(errors[0], str):
        for index, value in enumerate(errors):
            if value:
                yield from flatten_errors(value, f"{prefix}[{index}]")
    else:
        messages = errors if isinstance(errors, list) else [errors]
        yield f"{prefix}: {' '.join(str(message) for message in messages)}"


def decode(path: Path) -> object:
    """A file decoded whole, or for a large one a ``LargeFile`` that reads it record by record."""
    try:
        if path.stat().st_size > WHOLE_FILE_LIMIT:
            return LargeFile(path)
        return orjson.loads(path.read_bytes())
    except OSError as error:
        raise BatchError(f"{path}: cannot read: {error.strerror}.") from error
    except orjson.JSONDecodeError as error:
        raise BatchError(f"{path}: not valid JSON: {error}.") from error


def collect(
    documents: Iterable[tuple[str, object]], batch: Batch | None = None
) -> tuple[Batch, int]:
    """Validate every record of every document into one batch, or refuse them all. A sync
    passes the batch it builds page by page, as the pages arrive."""
    batch = Batch() if batch is None else batch
    errors, records, rejected = [], 0, 0
    for name, payload in documents:
        try:
            for record in read_records(name, payload):
                records += 1
                problem = collect_record(batch, record)
                if problem:
                    keep(errors, problem)
                    rejected += 1
        except BatchError as error:
            keep(errors, str(error))
            rejected += 1
    if errors:
        raise ImportRefused(errors, rejected)
    return batch, records


def keep(errors: list[str], error: str) -> None:
    """Keep the first ``KEPT_ERRORS`` reasons of a refusal; the rest are only counted."""
    if len(errors) < KEPT_ERRORS:
        errors.append(error)


def collect_record(batch: Batch, record: SourceRecord) -> str | None:
    """Add one record to the batch; the reason it was refused, if it was."""
    resource = registry.importers().get(record.resource)
    if resource is None:
        return f"{record.source}: Hangar does not import {record.resource!r} records."
    serializer = input_of(batch, record.resource, resource, record.data)
    label = record.resource
    if isinstance(record.data, dict) and "id" in record.data:
        label = f"{record.resource} {record.data['id']}"
    if not serializer.is_valid():
        details = "; ".join(flatten_errors(serializer.errors))
        return f"{record.source}: {label}: {details}"
    data = serializer.validated_data
    try:
        batch.claim_top_level(record.resource, data["id"], record.document, record.source)
        resource.collect(Collector(batch, record.source), data, 0)
    except BatchError as error:
        return str(error)
    return None


def input_of(batch: Batch, name: str, resource, data):
    """The batch's input serializer of ``resource``, bound to ``data``: its fields are built
    once, and the nested records it has validated are remembered (``ValidationMemo``)."""
    serializer = batch.inputs.get(name)
    if serializer is None:
        serializer = batch.inputs[name] = resource.input(data=data)
        serializer.memo = ValidationMemo()
        return serializer
    for outcome in ("_validated_data", "_errors", "_data"):
        serializer.__dict__.pop(outcome, None)
    serializer.initial_data = data
    return serializer


class Parts:
    """An import written a part at a time, in the caller's transaction: records are validated
    into the batch, which is written every ``PART_RECORDS`` records and emptied, so that memory
    does not grow with the input. Once a record is refused nothing more is written (the caller
    rolls back), but the rest is still validated, so that the refusal names every problem.
    The statistics the parts affect are asked of the refreshes before and after each part is
    written, and refreshed once, at the end."""

    def __init__(self, now: datetime, refreshes, batch: Batch | None = None) -> None:
        self.now, self.refreshes = now, refreshes
        self.batch = Batch() if batch is None else batch
        self.written = Written()
        self.affected: dict[str, set] = {refresh.name: set() for refresh in refreshes}
        self.errors: list[str] = []
        self.records = self.rejected = self.pending = 0

    def read(self, name: str, payload: object) -> None:
        # A record given twice is refused within one document only.
        self.batch.top_level.clear()
        records = read_records(name, payload)
        while True:
            try:
                record = next(records, None)
            except BatchError as error:  # the file itself: its shape, its JSON
                keep(self.errors, str(error))
                self.rejected += 1
                return
            if record is None:
                return
            self.records += 1
            self.pending += 1
            problem = collect_record(self.batch, record)
            if problem:
                keep(self.errors, problem)
                self.rejected += 1
            if self.pending >= PART_RECORDS:
                self.write(last=False)

    def write(self, last: bool) -> None:
        """Write the batch as one part (the last may refuse rows: ``RowsRefused``) and empty
        it, keeping the new rows that wait for a later part to complete them."""
        self.pending = 0
        if self.errors:
            self.batch.empty()
            return
        for refresh in self.refreshes:
            self.affected[refresh.name] |= refresh.affected(self.batch)
        write_batch(self.batch, int(self.now.timestamp()), self.written, last)
        for refresh in self.refreshes:
            self.affected[refresh.name] |= refresh.affected(self.batch)
        self.batch.empty(keep=self.written.waiting)

    def finish(self) -> WriteCounts:
        """Write the last part and refresh what the parts affected; a change raises the
        catalog version, in the caller's transaction."""
        self.write(last=True)
        if self.errors:
            raise ImportRefused(self.errors, self.rejected)
        counts = self.written.counts
        refreshed = 0
        for refresh in self.refreshes:
            if counts.touched:
                refresh.refresh(self.affected[refresh.name], self.now)
            # Planned flights that launched since the last refresh, with the same commit.
            refreshed += refresh.due(self.now)
        if any(counts.touched.values()) or refreshed:
            bump_catalog_version()
        return counts


def import_documents(
    documents: Iterable[tuple[str, object]], now: datetime | None = None
) -> ImportReport:
    """Validate and write documents a part at a time, in one transaction, and refresh the
    statistics they affect; a record refused anywhere refuses them all, and nothing is written."""
    parts = Parts(now or datetime.now(UTC), registry.refreshes())
    try:
        with transaction.atomic():
            for name, payload in documents:
                parts.read(name, payload)
            counts = parts.finish()
    except RowsRefused as refused:
        lines = [*parts.errors, *refused.lines]
        raise ImportRefused(lines, parts.rejected + len(refused.lines)) from None
    return ImportReport(records=parts.records, counts=counts)


def write_and_refresh(batch: Batch, refreshes, now: datetime) -> WriteCounts:
    """Write the batch and the statistics it changes; a change raises the catalog version,
    in the caller's transaction."""
    return Parts(now, refreshes, batch).finish()


def import_files(paths: Iterable[Path | str], now: datetime | None = None) -> ImportReport:
    """Import files decoded one at a time as their turn comes (a large one read record by
    record), so that only one decoded file is held at once. A file that is not JSON, or cannot
    be read, is named among the problems of the refusal, as a refused record is: the other
    files are still validated, and nothing is written."""
    return import_documents((decoded(Path(path)) for path in paths), now)


def decoded(path: Path) -> tuple[str, object]:
    try:
        return str(path), decode(path)
    except BatchError as error:
        return str(path), Unreadable(error)
