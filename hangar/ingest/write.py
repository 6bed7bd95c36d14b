"""Writing a batch: upserts in place, keeping upstream ids, and counting what changed.

A record edited in the curation admin keeps its edited fields (local wins): the batch's values
for them are dropped before writing, and an upstream value that differs from the edited one is
counted as held back, until the edit is released (``hangar edits release``).

An import writes its batch in parts, in one transaction, so that what it holds in memory does not
grow with its input: ``Written`` remembers, between the parts, what the batch's rules need (the
depth each field of a row was given at, how the row was counted), and a row a part cannot write
yet (a new record whose copies so far lack a required column) waits for the next part."""

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
from hangar.core.rows import update_rows


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


CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
# A row a part put back as it was when the import began (a deeper copy in an earlier part had
# changed it): counted as unchanged, and not touched.
RESTORED = "restored"


OUTCOMES = (CREATED, UPDATED, UNCHANGED)


class Written:
    """What the earlier parts of one import wrote. A field a part gave at a shallower depth (a
    record's own top level) is not overwritten by a deeper copy in a later part, as within one
    batch; a row, a relation or a list written twice is counted once, and a row that a deeper
    copy in one part changed and its own record in a later part put back is unchanged, as it is
    within one batch. Each row is remembered as one small number (its outcome, and the shape of
    its fields' depths, shared between rows of the same kind): about a hundred bytes a row, and
    the values a part replaced in the rows the import did not create."""

    def __init__(self) -> None:
        self.counts = WriteCounts()  # over all the parts
        # model -> pk -> shape index * 4 + outcome index
        self.rows: dict[type, dict] = defaultdict(dict)
        self.lists: dict[tuple, dict] = defaultdict(dict)  # (model, name) -> pk -> depth
        self.shapes: list[dict] = []
        self.shape_index: dict[tuple, int] = {}
        # model -> pk -> the values the import replaced, as they were when it began
        self.originals: dict[type, dict] = defaultdict(dict)
        self.relisted: dict[type, set] = defaultdict(set)  # rows whose relation or list changed
        # (model, relation) -> pk -> the relation's targets as the import found them
        self.original_lists: dict[tuple, dict] = defaultdict(dict)
        # The new rows the last part could not write yet, by model.
        self.waiting: dict[type, set] = {}

    def prior(self, model, pk) -> tuple[str, dict] | None:
        code = self.rows[model].get(pk)
        return None if code is None else (OUTCOMES[code % 4], self.shapes[code // 4])

    def remember(self, model, pk, outcome: str, depths: dict) -> None:
        shape = tuple(depths.items())
        index = self.shape_index.get(shape)
        if index is None:
            index = self.shape_index[shape] = len(self.shapes)
            self.shapes.append(depths)
        self.rows[model][pk] = index * 4 + OUTCOMES.index(outcome)

    def shallower(self, model, entries: dict, rows: dict) -> None:
        """Drop from ``rows`` the values an earlier part wrote from a shallower copy."""
        if not self.rows[model]:
            return
        for pk, entry in entries.items():
            prior = self.prior(model, pk)
            if prior is None:
                continue
            depths = prior[1]
            for name, depth in entry.depths.items():
                if depths.get(name, depth) < depth:
                    rows[pk].pop(name, None)

    def count(self, model, outcomes: dict, entries: dict, counts: WriteCounts) -> None:
        """Count each row's outcome once over the parts: created stays created, a row first
        found unchanged that a later part changes is counted as updated, and one a later part
        put back as it was (``RESTORED``) as unchanged."""
        label = model._meta.verbose_name_plural
        for pk, outcome in outcomes.items():
            prior = self.prior(model, pk)
            depths = entries[pk].depths
            if prior is None:
                outcome = UNCHANGED if outcome == RESTORED else outcome
                getattr(counts, outcome)[label] += 1
            else:
                depths = {
                    **depths,
                    **{n: d for n, d in prior[1].items() if d < depths.get(n, d + 1)},
                }
                outcome = self.combined(model, pk, prior[0], outcome, counts)
            self.remember(model, pk, outcome, depths)

    def combined(self, model, pk, prior: str, outcome: str, counts: WriteCounts) -> str:
        label = model._meta.verbose_name_plural
        if outcome == UPDATED and prior == UNCHANGED:
            counts.unchanged[label] -= 1
            counts.updated[label] += 1
            return UPDATED
        if outcome == RESTORED and prior == UPDATED and pk not in self.relisted[model]:
            counts.updated[label] -= 1
            counts.unchanged[label] += 1
            counts.touched[model].discard(pk)
            return UNCHANGED
        return prior

    def replacing(self, model, pk, row, names: list[str]) -> None:
        """``names`` of ``row`` (held before the import, or by an earlier part of it) are about
        to be replaced: remember the values the import began with."""
        code = self.rows[model].get(pk)
        if code is not None and OUTCOMES[code % 4] == CREATED:
            return
        kept = self.originals[model].setdefault(pk, {})
        for name in names:
            kept.setdefault(name, getattr(row, name))

    def restored(self, model, pk, row) -> bool:
        """Whether ``row`` is back as it was when the import began, though a part changed it."""
        kept = self.originals[model].get(pk)
        if not kept or pk not in self.rows[model]:
            return False
        if all(same(getattr(row, name), value) for name, value in kept.items()):
            del self.originals[model][pk]
            return True
        return False

    def unlisted(self, model, pk, counts: WriteCounts) -> None:
        """A relation of ``pk`` a part changed is back as the import found it: the row is
        unchanged again, unless the import changed its columns too."""
        if pk not in self.relisted[model]:
            return
        self.relisted[model].discard(pk)
        prior = self.prior(model, pk)
        if prior is not None and prior[0] == UPDATED and pk not in self.originals[model]:
            label = model._meta.verbose_name_plural
            counts.updated[label] -= 1
            counts.unchanged[label] += 1
            counts.touched[model].discard(pk)
            self.remember(model, pk, UNCHANGED, prior[1])

    def changed(self, model, pk) -> None:
        """A relation or list of ``pk`` changed: the row counts as updated, once."""
        self.relisted[model].add(pk)
        prior = self.prior(model, pk)
        if prior is not None and prior[0] == UNCHANGED:
            self.remember(model, pk, UPDATED, prior[1])

    def deeper(self, model, name: str, owned: dict) -> dict:
        """The lists of ``owned`` (pk -> (depth, list)) not written before from a shallower
        copy, as pk -> list; remembers their depths."""
        wanted = {}
        written = self.lists[(model, name)]
        for pk, (depth, items) in owned.items():
            if written.get(pk, depth) < depth:
                continue
            written[pk] = depth
            wanted[pk] = items
        return wanted


def write_batch(
    batch: Batch, now_epoch: int, written: Written | None = None, last: bool = True
) -> WriteCounts:
    """Write the batch's rows; with ``last`` false (a part of a larger import), a new row that
    lacks a required column stays in the batch for the next part instead of being refused.
    The counts are those of every part written with ``written``."""
    written = Written() if written is None else written
    counts = written.counts
    edits = local_edits()
    for model in write_order():
        entries = batch.rows.get(model)
        if not entries:
            continue
        existing = existing_rows(model, entries)
        rows = {pk: dict(entry.values) for pk, entry in entries.items()}
        written.shallower(model, entries, rows)
        rule = registry.write_rule(model)
        if rule is not None:
            rule.prepare(rows, existing, batch, now_epoch)
        if edits:
            hold_local_edits(model, rows, existing, edits, counts, written)
        problems = incomplete(model, rows, existing, entries)
        if problems and last:
            raise RowsRefused([line for _, line in problems])
        waiting = {pk for pk, _ in problems}
        rows = {pk: values for pk, values in rows.items() if pk not in waiting}
        written.count(model, upsert(model, rows, existing, counts, written), entries, counts)
        written.waiting[model] = waiting
    for (model, name), relation in batch.relations.items():
        wanted = {
            pk: targets
            for pk, targets in written.deeper(model, name, relation).items()
            if name not in edits.get((model._meta.label_lower, str(pk)), ())
        }
        write_relation(model, name, wanted, counts, written)
    for (model, parent), owned in batch.children.items():
        write_children(model, parent, written.deeper(model, parent, owned), counts, written)
    return counts


def hold_local_edits(
    model, rows: dict, existing: dict, edits: dict, counts: WriteCounts, written: Written
) -> None:
    """Drop the values of locally edited fields from the rows to write, counting those that
    differ from what the edit set (once per record over the parts of an import)."""
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
        if held and pk not in written.rows[model]:
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


def upsert(model, rows: dict, existing: dict, counts: WriteCounts, written: Written) -> dict:
    """Create and update the rows; each row's outcome (created, updated, unchanged, or
    restored: put back as the import found it)."""
    outcomes = {}
    to_create, to_update, changed_fields = [], [], set()
    for pk, values in rows.items():
        current = existing.get(pk)
        if current is None:
            to_create.append(model(pk=pk, **values))
            outcomes[pk] = CREATED
            counts.touched[model].add(pk)
            continue
        changed = [
            name for name, value in values.items() if not same(getattr(current, name), value)
        ]
        if changed:
            written.replacing(model, pk, current, changed)
            for name in changed:
                setattr(current, name, values[name])
            to_update.append(current)
            changed_fields.update(changed)
            if written.restored(model, pk, current):
                outcomes[pk] = RESTORED
            else:
                outcomes[pk] = UPDATED
                counts.touched[model].add(pk)
        else:
            outcomes[pk] = UNCHANGED
    model.objects.bulk_create(to_create, batch_size=CHUNK)
    update_rows(model, sorted(changed_fields), to_update)
    return outcomes


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


def incomplete(model, rows: dict, existing: dict, entries: dict) -> list[tuple[object, str]]:
    """What the batch lacks to write these rows so that nothing is served as null where the
    official document allows none: the columns of a record the catalog does not hold yet, as
    (pk, reason)."""
    label = model._meta.verbose_name
    problems = []
    for pk, values in rows.items():
        where = f"{entries[pk].source}: {label} {pk}"
        if pk not in existing:
            absent = [name.removesuffix("_id") for name in required_columns(model)]
            absent = [name for name in absent if values.get(f"{name}_id", values.get(name)) is None]
            if absent:
                problems.append(
                    (
                        pk,
                        f"{where}: {', '.join(absent)}: required for a record the catalog does not "
                        "hold yet, and no copy of it in the input gives it.",
                    )
                )
    return problems


def write_relation(model, name: str, wanted: dict, counts: WriteCounts, written: Written) -> None:
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
    originals = written.original_lists[(model, name)]
    for pk in stale:
        original = originals.setdefault(pk, held(current.get(pk, [])))
        if held(wanted[pk]) == original:
            # Put back as the import found it, after a deeper copy in an earlier part.
            del originals[pk]
            written.unlisted(model, pk, counts)
            continue
        # A row waiting for a later part is counted (created) when it is written.
        if pk not in counts.touched[model] and pk in written.rows[model]:
            counts.touched[model].add(pk)
            counts.updated[label] += 1
            counts.unchanged[label] -= 1
        written.changed(model, pk)


def write_children(model, parent: str, wanted: dict, counts: WriteCounts, written: Written) -> None:
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
