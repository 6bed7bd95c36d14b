"""Writing a batch: upserts in place, keeping upstream ids, and counting what changed."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from hangar.catalog import models as m
from hangar.catalog.ll2.batch import Batch, merge_documents
from hangar.catalog.ll2.collect import SPACECRAFT_DOCKING_STATS, SPACECRAFT_FLIGHT_STATS
from hangar.catalog.stats import STAT_FIELDS

# Referenced rows first, so that every foreign key points at a row written before it.
WRITE_ORDER = [
    m.AgencyType,
    m.Country,
    m.ImageLicense,
    m.ImageVariantType,
    m.Image,
    m.ImageVariant,
    m.Agency,
    m.SpacecraftConfigType,
    m.SpacecraftConfigFamily,
    m.SpacecraftConfig,
    m.SpacecraftStatus,
    m.Spacecraft,
    m.LaunchStatus,
    m.Launch,
    m.LandingType,
    m.LandingLocation,
    m.Landing,
    m.SpacecraftFlight,
    m.SpaceStationStatus,
    m.SpaceStationType,
    m.SpaceStation,
    m.DockingLocation,
    m.DockingEvent,
]
CHUNK = 500


@dataclass
class WriteCounts:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    touched: dict = field(default_factory=lambda: defaultdict(set))


def chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def existing_rows(model, pks) -> dict:
    found = {}
    for part in chunks(sorted(pks, key=str)):
        found.update({row.pk: row for row in model.objects.filter(pk__in=part)})
    return found


def write_batch(batch: Batch, now_epoch: int) -> WriteCounts:
    counts = WriteCounts()
    for model in WRITE_ORDER:
        entries = batch.rows.get(model)
        if not entries:
            continue
        existing = existing_rows(model, entries)
        rows = {pk: dict(entry.values) for pk, entry in entries.items()}
        if model is m.Spacecraft:
            prepare_spacecraft(rows, existing, batch, now_epoch)
        elif model in (m.SpacecraftConfig, m.SpacecraftConfigFamily):
            keep_computed_figures(model, rows, batch)
        elif model is m.SpacecraftFlight:
            release_landings(rows)
        upsert(model, rows, existing, counts)
    for (model, name), relation in batch.relations.items():
        write_relation(model, name, {pk: targets for pk, (_, targets) in relation.items()}, counts)
    return counts


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
        if "document" in values:
            values["document"] = merge_documents(current.document, values["document"])
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


def prepare_spacecraft(rows: dict, existing: dict, batch: Batch, now_epoch: int) -> None:
    """Imported statistics are kept only while Hangar cannot compute them. Once it holds a
    spacecraft's flights (a detailed record lists them all; see ``stats`` for flights imported
    one by one) or its docking events, the computed values win, whatever a record says."""
    for pk, row in rows.items():
        current = existing.get(pk)
        if row.get("has_flight_data") or (current and current.has_flight_data):
            row["has_flight_data"] = True
            for column in SPACECRAFT_FLIGHT_STATS.values():
                row.pop(column, None)
        elif "in_space" in row:
            # Still up there: the imported time in space keeps growing from now on.
            row["open_flights"] = 1 if row["in_space"] else 0
        if current and current.has_docking_data:
            for column in SPACECRAFT_DOCKING_STATS.values():
                row.pop(column, None)
        stats = {"time_in_space_s", "time_docked_s", "open_flights"} & row.keys()
        if current is None or any(getattr(current, name) != row[name] for name in stats):
            row["stats_as_of"] = now_epoch


def keep_computed_figures(model, rows: dict, batch: Batch) -> None:
    """A configuration (family) some of whose spacecraft's flights Hangar holds has computed
    figures: an imported record does not overwrite them."""
    if model is m.SpacecraftConfig:
        group = "spacecraft__spacecraft_config_id"
    else:
        group = "spacecraft__spacecraft_config__families"
    flown = set(
        m.SpacecraftFlight.objects.filter(**{f"{group}__in": list(rows)}).values_list(
            group, flat=True
        )
    )
    craft = batch.rows.get(m.Spacecraft, {})
    flown_craft = {e.values.get("spacecraft_id") for e in batch.rows[m.SpacecraftFlight].values()}
    flown_configs = {
        craft[pk].values.get("spacecraft_config_id") for pk in flown_craft if pk in craft
    }
    if model is m.SpacecraftConfig:
        flown |= flown_configs
    else:
        families = batch.relations.get((m.SpacecraftConfig, "families"), {})
        for config in flown_configs & families.keys():
            flown |= set(families[config][1])
    for pk in flown & rows.keys():
        for column in [*STAT_FIELDS, "fastest_turnaround_s"]:
            rows[pk].pop(column, None)


def release_landings(rows: dict) -> None:
    """A landing belongs to one flight: one the batch gives to a flight is taken from any other
    flight that held it (the upstream moved it)."""
    owners = {row["landing_id"]: pk for pk, row in rows.items() if row.get("landing_id")}
    holders = m.SpacecraftFlight.objects.filter(landing_id__in=list(owners)).values_list(
        "id", "landing_id"
    )
    moved = [flight for flight, landing in holders if owners[landing] != flight]
    if moved:
        m.SpacecraftFlight.objects.filter(id__in=moved).update(landing=None)


def write_relation(model, name: str, wanted: dict, counts: WriteCounts) -> None:
    """Make each owner's many-to-many list exactly the given one."""
    relation = model._meta.get_field(name)
    through = relation.remote_field.through
    source = f"{relation.m2m_field_name()}_id"
    target = f"{relation.m2m_reverse_field_name()}_id"
    current = defaultdict(set)
    for part in chunks(list(wanted)):
        for owner, other in through.objects.filter(**{f"{source}__in": part}).values_list(
            source, target
        ):
            current[owner].add(other)
    stale = [pk for pk, targets in wanted.items() if set(targets) != current.get(pk, set())]
    if not stale:
        return
    for part in chunks(stale):
        through.objects.filter(**{f"{source}__in": part}).delete()
    through.objects.bulk_create(
        [through(**{source: pk, target: other}) for pk in stale for other in set(wanted[pk])],
        batch_size=CHUNK,
    )
    label = model._meta.verbose_name_plural
    for pk in stale:
        if pk not in counts.touched[model]:
            counts.touched[model].add(pk)
            counts.updated[label] += 1
            counts.unchanged[label] -= 1
