"""The collector: what every domain's collectors use to walk a validated record into the batch.

A domain collects its resources with plain functions, ``collect(collector, data, depth) -> pk``
(``hangar/<domain>/collect.py``); each takes the columns of its model from the validated record
(``scalars``), collects the objects it nests one level deeper (``related``), and adds its row.
``depth`` is how deeply nested a copy is: what a record says at its top level wins over copies
nested in other records.
"""

from __future__ import annotations

from functools import cache

from django.db.models import Model

from hangar.core.batch import Batch


@cache
def scalar_columns(model: type[Model]) -> frozenset[str]:
    """The columns of ``model`` that hold values, not references: what a validated record
    gives as it is."""
    return frozenset(
        field.name
        for field in model._meta.concrete_fields
        if not field.is_relation and not field.primary_key
    )


class Collector:
    def __init__(self, batch: Batch, source: str) -> None:
        self.batch = batch
        self.source = source

    def add(self, model, pk, values: dict, depth: int) -> None:
        self.batch.add(model, pk, values, depth, self.source)

    def scalars(self, model, data: dict) -> dict:
        """The validated fields that are columns of ``model``, as given."""
        columns = scalar_columns(model)
        return {name: value for name, value in data.items() if name in columns}

    def lookup(self, model, data: dict | None, depth: int):
        """A lookup record (``{"id", "name", ...}``), nested or at the top level."""
        if data is None:
            return None
        self.add(model, data["id"], self.scalars(model, data), depth)
        return data["id"]

    def lookup_of(self, model):
        """A collector of ``model`` lookups, for ``related``."""
        return lambda data, depth: self.lookup(model, data, depth)

    def related(self, row: dict, data: dict, name: str, collect, depth: int) -> None:
        """Collect the object nested under ``name`` (when the record gives it) and point the
        row's ``<name>_id`` at it."""
        if name in data:
            row[f"{name}_id"] = collect(data[name], depth + 1) if data[name] else None

    def relate(self, model, name: str, pk, targets: list, depth: int) -> None:
        """The full list of a many-to-many relation (``families``, ``countries``)."""
        self.batch.relate(model, name, pk, targets, depth)
