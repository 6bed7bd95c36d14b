"""A batch of rows gathered from validated LL2 records, ready to be written in one transaction.

LL2 nests the same object in many places (an agency inside every configuration it builds), at
different levels of detail. The batch merges those copies field by field: what a record says at
its top level wins over a copy nested deeper, which only fills in what is missing; a record given
twice at the top level is refused, since a page that repeats a record is a broken page.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Model


class BatchError(Exception):
    """The input cannot be applied; the message names the record and the field."""


@dataclass
class Entry:
    values: dict = field(default_factory=dict)
    depths: dict = field(default_factory=dict)
    source: str = ""


class Batch:
    def __init__(self) -> None:
        self.rows: dict[type[Model], dict[object, Entry]] = defaultdict(dict)
        self.relations: dict[tuple[type[Model], str], dict[object, list]] = defaultdict(dict)
        self.top_level: dict[tuple[str, object], str] = {}

    def claim_top_level(self, kind: str, pk, source: str) -> None:
        """A record of ``kind`` given at the top level; the second one with the same id is
        refused."""
        key = (kind, pk)
        if key in self.top_level:
            raise BatchError(
                f"{source}: {kind} {pk} is given twice (also at {self.top_level[key]}); "
                "a page that repeats a record is refused."
            )
        self.top_level[key] = source

    def add(self, model: type[Model], pk, values: dict, depth: int, source: str) -> None:
        entry = self.rows[model].setdefault(pk, Entry(source=source))
        for name, value in values.items():
            if name == "document" and "document" in entry.values:
                entry.values[name] = merge_documents(entry.values[name], value)
            elif name not in entry.depths or depth <= entry.depths[name]:
                entry.values[name] = value
                entry.depths[name] = depth

    def relate(self, model: type[Model], name: str, pk, targets: list, depth: int) -> None:
        """The full list of a many-to-many relation (``families``, ``countries``)."""
        key = (model, name)
        current = self.relations[key].get(pk)
        if current is None or depth <= current[0]:
            self.relations[key][pk] = (depth, targets)

    def ids(self, model: type[Model]) -> set:
        return set(self.rows.get(model, {}))


def merge_documents(held: dict, incoming: dict) -> dict:
    """Documents of other domains arrive at several levels of detail (a launch in full, or as
    the three fields a docking event nests). A copy at least as detailed as the one held
    replaces it; a less detailed copy only adds what was missing."""
    if not held or len(incoming) >= len(held):
        return {**held, **incoming}
    return {**incoming, **held}
