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
        # Rows without an upstream id (a launch's video links): model and parent column ->
        # parent key -> (depth, the rows in order).
        self.children: dict[tuple[type[Model], str], dict[object, tuple]] = defaultdict(dict)
        self.top_level: dict[tuple[str, object, str], str] = {}
        self.landing_flights: dict[object, tuple[object, str]] = {}
        # One input serializer per resource, reused for every record collected into the batch
        # (building a serializer's fields costs more than validating a record).
        self.inputs: dict[str, object] = {}

    def claim_top_level(self, kind: str, pk, document: str, source: str) -> None:
        """A record of ``kind`` given at the top level. The same record twice in one document
        is refused: a page that repeats a record is a broken page. In separate documents (two
        exports, overlapping pages saved apart) the later copy wins."""
        key = (kind, pk, document)
        if key in self.top_level:
            raise BatchError(
                f"{source}: {kind} {pk} is given twice (also at {self.top_level[key]}); "
                "a page that repeats a record is refused."
            )
        self.top_level[key] = source

    def claim_landing(self, landing, flight, source: str) -> None:
        """A landing belongs to one spacecraft flight."""
        owner, where = self.landing_flights.setdefault(landing, (flight, source))
        if owner != flight:
            raise BatchError(
                f"{source}: spacecraft flight {flight}: landing: landing {landing} is also the "
                f"landing of spacecraft flight {owner} (at {where})."
            )

    def add(self, model: type[Model], pk, values: dict, depth: int, source: str) -> None:
        entry = self.rows[model].setdefault(pk, Entry(source=source))
        for name, value in values.items():
            if name not in entry.depths or depth <= entry.depths[name]:
                entry.values[name] = value
                entry.depths[name] = depth

    def relate(self, model: type[Model], name: str, pk, targets: list, depth: int) -> None:
        """The full list of a many-to-many relation (``families``, ``countries``)."""
        key = (model, name)
        current = self.relations[key].get(pk)
        if current is None or depth <= current[0]:
            self.relations[key][pk] = (depth, targets)

    def own(self, model: type[Model], parent: str, pk, rows: list[dict], depth: int) -> None:
        """The full, ordered list of the ``model`` rows that belong to the record ``pk``
        through the column ``parent`` (``launch_id``): rows LL2 gives no id of their own,
        which are replaced with the list."""
        current = self.children[(model, parent)].get(pk)
        if current is None or depth <= current[0]:
            self.children[(model, parent)][pk] = (depth, rows)

    def empty(self, keep: dict[type[Model], set] | None = None) -> None:
        """Drop the rows, relations and lists once written (an import's part), but for the
        rows ``keep`` names; the claims and the input serializers stay."""
        keep = keep or {}
        self.rows = defaultdict(
            dict,
            {
                model: {pk: entries[pk] for pk in keep[model]}
                for model, entries in self.rows.items()
                if keep.get(model)
            },
        )
        self.relations.clear()
        self.children.clear()

    def ids(self, model: type[Model]) -> set:
        return set(self.rows.get(model, {}))
