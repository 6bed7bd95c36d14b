"""Writing a batch: upserts in place, keeping upstream ids, and counting what changed.

A record edited in the curation admin keeps its edited fields (local wins): the batch's values
for them are dropped before writing, and an upstream value that differs from the edited one is
counted as held back, until the edit is released (``hangar edits release``)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from graphlib import TopologicalSorter

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist

from hangar.core.batch import Batch, BatchError
from hangar.core.models import local_edits
from hangar.core.registry import registry


@cache
def write_order() -> tuple:
    """Every table of the catalog, referenced tables first, so that each foreign key points at a
    row written before it (derived from the models' foreign keys; a table that refers to itself,
    like a family's parent, is written in one statement)."""
    graph = {}
    for model in sorted(apps.get_app_config("catalog").get_models(), key=lambda m: m.__name__):
        graph[model] = {
            field.related_model
            for field in model._meta.concrete_fields
            if field.is_relation and field.related_model is not model
        }
    return tuple(TopologicalSorter(graph).static_order())


CHUNK = 500


@dataclass
class WriteCounts:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    # Records whose upstream changes a local edit held back, and how many field values.
    held_back: Counter = field(default_factory=Counter)
    held_back_values: int = 0
    touched: dict = field(default_factory=lambda: defaultdict(set))


def chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def existing_rows(model, pks) -> dict:
    found = {}
    for part in chunks(sorted(pks, key=str)):
        found.update({row.pk: row for row in model.objects.filter(pk__in=part)})
    return found


class RowsRefused(BatchError):
    """Records the catalog cannot hold as they are; ``lines`` name each record and field."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__("\n".join(lines))


def write_batch(batch: Batch, now_epoch: int) -> WriteCounts:
    counts = WriteCounts()
    edits = local_edits()
    for model in write_order():
        entries = batch.rows.get(model)
        if not entries:
            continue
        existing = existing_rows(model, entries)
        rows = {pk: dict(entry.values) for pk, entry in entries.items()}
        rule = registry.write_rule(model)
        if rule is not None:
            rule.prepare(rows, existing, batch, now_epoch)
        if edits:
            hold_local_edits(model, rows, existing, edits, counts)
        problems = incomplete(model, rows, existing, entries)
        if problems:
            raise RowsRefused(problems)
        upsert(model, rows, existing, counts)
    for (model, name), relation in batch.relations.items():
        wanted = {
            pk: targets
            for pk, (_, targets) in relation.items()
            if name not in edits.get((model._meta.label_lower, str(pk)), ())
        }
        write_relation(model, name, wanted, counts)
    for (model, parent), owned in batch.children.items():
        write_children(model, parent, {pk: rows for pk, (_, rows) in owned.items()}, counts)
    return counts


def hold_local_edits(model, rows: dict, existing: dict, edits: dict, counts: WriteCounts) -> None:
    """Drop the values of locally edited fields from the rows to write, counting those that
    differ from what the edit set."""
    label = model._meta.label_lower
    for pk, values in rows.items():
        edited = edits.get((label, str(pk)))
        current = existing.get(pk)
        if not edited or current is None:
            continue
        held = 0
        for name in edited:
            try:
                attname = model._meta.get_field(name).attname
            except FieldDoesNotExist:
                continue
            for key in {name, attname} & values.keys():
                held += not same(getattr(current, attname), values.pop(key))
        if held:
            counts.held_back[model._meta.verbose_name_plural] += 1
            counts.held_back_values += held


def same(held, incoming) -> bool:
    """Equality of a stored value and an imported one, numbers in documents compared by value:
    PostgreSQL's jsonb gives 5.972168e+24 back as the integer 5972168000000000000000000."""
    if isinstance(held, dict) and isinstance(incoming, dict):
        return held.keys() == incoming.keys() and all(same(held[k], incoming[k]) for k in held)
    if isinstance(held, list) and isinstance(incoming, list):
        return len(held) == len(incoming) and all(map(same, held, incoming))
    if is_number(held) and is_number(incoming) and type(held) is not type(incoming):
        return Decimal(repr(held)) == Decimal(repr(incoming))
    return held == incoming


def is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def upsert(model, rows: dict, existing: dict, counts: WriteCounts) -> None:
    label = model._meta.verbose_name_plural
    to_create, to_update, changed_fields = [], [], set()
    for pk, values in rows.items():
        current = existing.get(pk)
        if current is None:
            to_create.append(model(pk=pk, **values))
            counts.created[label] += 1
            counts.touched[model].add(pk)
            continue
        changed = [
            name for name, value in values.items() if not same(getattr(current, name), value)
        ]
        if changed:
            for name in changed:
                setattr(current, name, values[name])
            to_update.append(current)
            changed_fields.update(changed)
            counts.updated[label] += 1
            counts.touched[model].add(pk)
        else:
            counts.unchanged[label] += 1
    model.objects.bulk_create(to_create, batch_size=CHUNK)
    if to_update:
        model.objects.bulk_update(to_update, sorted(changed_fields), batch_size=CHUNK)


@cache
def required_columns(model) -> tuple[str, ...]:
    """Columns a new row cannot do without: not null, no default, and not a text column (which
    Django fills with an empty string)."""
    return tuple(
        field.attname
        for field in model._meta.concrete_fields
        if not (field.null or field.primary_key or field.has_default())
        and not (field.empty_strings_allowed and not field.is_relation)
    )


def incomplete(model, rows: dict, existing: dict, entries: dict) -> list[str]:
    """What the batch lacks to write these rows so that nothing is served as null where the
    official document allows none: the columns of a record the catalog does not hold yet."""
    label = model._meta.verbose_name
    problems = []
    for pk, values in rows.items():
        where = f"{entries[pk].source}: {label} {pk}"
        if pk not in existing:
            absent = [name.removesuffix("_id") for name in required_columns(model)]
            absent = [name for name in absent if values.get(f"{name}_id", values.get(name)) is None]
            if absent:
                problems.append(
                    f"{where}: {', '.join(absent)}: required for a record the catalog does not "
                    "hold yet, and no copy of it in the input gives it."
                )
    return problems


def write_relation(model, name: str, wanted: dict, counts: WriteCounts) -> None:
    """Make each owner's many-to-many list exactly the given one. A relation whose table has a
    ``position`` column (crews) keeps the list's order; the others are sets."""
    relation = model._meta.get_field(name)
    through = relation.remote_field.through
    source = f"{relation.m2m_field_name()}_id"
    target = f"{relation.m2m_reverse_field_name()}_id"
    ordered = any(field.name == "position" for field in through._meta.concrete_fields)
    # The same seat twice in one crew is one seat.
    held = (lambda targets: list(dict.fromkeys(targets))) if ordered else set
    current = defaultdict(list)
    for part in chunks(list(wanted)):
        rows = through.objects.filter(**{f"{source}__in": part})
        if ordered:
            rows = rows.order_by("position", "pk")
        for owner, other in rows.values_list(source, target):
            current[owner].append(other)
    stale = [pk for pk, targets in wanted.items() if held(targets) != held(current.get(pk, []))]
    if not stale:
        return
    for part in chunks(stale):
        through.objects.filter(**{f"{source}__in": part}).delete()
    if ordered:
        links = [
            through(**{source: pk, target: other, "position": position})
            for pk in stale
            for position, other in enumerate(dict.fromkeys(wanted[pk]))
        ]
    else:
        links = [
            through(**{source: pk, target: other}) for pk in stale for other in set(wanted[pk])
        ]
    through.objects.bulk_create(links, batch_size=CHUNK)
    label = model._meta.verbose_name_plural
    for pk in stale:
        if pk not in counts.touched[model]:
            counts.touched[model].add(pk)
            counts.updated[label] += 1
            counts.unchanged[label] -= 1


def write_children(model, parent: str, wanted: dict, counts: WriteCounts) -> None:
    """Make each parent's list of ``model`` rows (through the column ``parent``) exactly the
    given one, in order (``position``); a list that has not changed is left as it is. The rows
    of a parent that held none are counted as created, a list that replaces another as one
    update."""
    columns = [
        field.attname
        for field in model._meta.concrete_fields
        if not field.primary_key and field.attname not in {parent, "position"}
    ]
    current = defaultdict(list)
    for part in chunks(list(wanted)):
        rows = model.objects.filter(**{f"{parent}__in": part}).order_by("position", "pk")
        for row in rows.values(parent, *columns):
            current[row.pop(parent)].append(row)
    stale = [
        pk
        for pk, rows in wanted.items()
        if len(rows) != len(current.get(pk, []))
        or not all(
            same(held.get(name), row.get(name))
            for held, row in zip(current[pk], rows, strict=True)
            for name in columns
        )
    ]
    if not stale:
        return
    for part in chunks(stale):
        model.objects.filter(**{f"{parent}__in": part}).delete()
    model.objects.bulk_create(
        [
            model(**{parent: pk, "position": position, **row})
            for pk in stale
            for position, row in enumerate(wanted[pk])
        ],
        batch_size=CHUNK,
    )
    label = model._meta.verbose_name_plural
    for pk in stale:
        if current.get(pk):
            counts.updated[label] += 1
        else:
            counts.created[label] += len(wanted[pk])
