"""What an import must respect in the spacecraft domain, beyond upserting rows: statistics Hangar
computes win over imported ones, a landing belongs to one flight, and the statistics of every
spacecraft a batch touches are recomputed. Registered with the spacecraft resources."""

from __future__ import annotations

from django.db.models import Q

from hangar.core.registry import Refresh, WriteRule
from hangar.landings.models import Landing
from hangar.launches.models import Launch
from hangar.spacecraft import models as m
from hangar.spacecraft import stats

# Statistics as the upstream delivered them, kept while Hangar has nothing to compute them from.
FLIGHT_STATISTICS = (
    "in_space",
    "time_in_space_s",
    "flights_count",
    "mission_ends_count",
    "fastest_turnaround_s",
)
DOCKING_STATISTICS = ("time_docked_s",)


def prepare_spacecraft(rows: dict, existing: dict, batch, now_epoch: int) -> None:
    """Imported statistics are kept only while Hangar cannot compute them. Once it holds a
    spacecraft's flights (a detailed record lists them all; see ``stats`` for flights imported
    one by one) or its docking events, the computed values win, whatever a record says."""
    for pk, row in rows.items():
        current = existing.get(pk)
        if row.get("has_flight_data") or (current and current.has_flight_data):
            row["has_flight_data"] = True
            for column in FLIGHT_STATISTICS:
                row.pop(column, None)
        elif "in_space" in row:
            # Still up there: the imported time in space keeps growing from now on.
            row["open_flights"] = 1 if row["in_space"] else 0
        if current and current.has_docking_data:
            for column in DOCKING_STATISTICS:
                row.pop(column, None)
        growing = {"time_in_space_s", "time_docked_s", "open_flights"} & row.keys()
        if current is None or any(getattr(current, name) != row[name] for name in growing):
            row["stats_as_of"] = now_epoch


def keep_computed_figures(model, rows: dict, batch) -> None:
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
        for column in [*stats.STAT_FIELDS, "fastest_turnaround_s"]:
            rows[pk].pop(column, None)


def release_landings(rows: dict, existing: dict, batch, now_epoch: int) -> None:
    """A landing belongs to one flight: one the batch gives to a flight is taken from any other
    flight that held it (the upstream moved it)."""
    owners = {row["landing_id"]: pk for pk, row in rows.items() if row.get("landing_id")}
    holders = m.SpacecraftFlight.objects.filter(landing_id__in=list(owners)).values_list(
        "id", "landing_id"
    )
    moved = [flight for flight, landing in holders if owners[landing] != flight]
    if moved:
        m.SpacecraftFlight.objects.filter(id__in=moved).update(landing=None)


def affected_spacecraft(batch) -> set:
    """Spacecraft whose statistics the batch may change: its own, and those whose flights,
    launches, landings or docking events it touches. Asked before and after writing, so that a
    flight moved from one spacecraft to another refreshes both."""
    rows = batch.rows
    chasers = {e.values.get("flight_vehicle_chaser_id") for e in rows[m.DockingEvent].values()}
    flights = m.SpacecraftFlight.objects.filter(
        Q(id__in=batch.ids(m.SpacecraftFlight) | (chasers - {None}))
        | Q(launch_id__in=batch.ids(Launch))
        | Q(landing_id__in=batch.ids(Landing))
        | Q(docking_events__id__in=batch.ids(m.DockingEvent))
    )
    return batch.ids(m.Spacecraft) | set(flights.values_list("spacecraft_id", flat=True))


WRITE_RULES = (
    WriteRule(m.Spacecraft, prepare_spacecraft),
    WriteRule(
        m.SpacecraftConfig,
        lambda rows, existing, batch, now: keep_computed_figures(m.SpacecraftConfig, rows, batch),
    ),
    WriteRule(
        m.SpacecraftConfigFamily,
        lambda rows, existing, batch, now: keep_computed_figures(
            m.SpacecraftConfigFamily, rows, batch
        ),
    ),
    WriteRule(m.SpacecraftFlight, release_landings),
)
STATISTICS = Refresh(
    "spacecraft", affected_spacecraft, stats.refresh_spacecraft, due=stats.refresh_due
)
