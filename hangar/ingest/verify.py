"""The data-quality report of a sync: every statistic Hangar recomputes that differs from the
value the upstream delivered.

Hangar does not store LL2's statistics where it can compute them (see ``stats.py``), so a
difference is either a flaw in the formulas or in the upstream's data; either way a user of
the mirror should be able to see it. Values are compared as of the instant each page was
fetched, not the instant the sync applied it (hours later, when the request budget made it
wait): time in space grows by the second, and a planned flight may launch in between. A value
that grows counts as equal if it lies between ours at the start and at the end of the request.
Only what Hangar recomputes is compared: statistics of a spacecraft (an astronaut) whose
flights (crews) Hangar does not hold are kept as delivered. The launch domain's figures are not
compared yet.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from hangar.ingest.verify_people import ASTRONAUT_FIGURES, compare_astronauts
from hangar.ll2.durations import format_seconds, parse_seconds, whole_seconds
from hangar.ll2.links import resource_of
from hangar.spacecraft import models as m
from hangar.spacecraft import stats

SPACECRAFT_COUNTS = ["flights_count", "mission_ends_count", "in_space"]
SPACECRAFT_DURATIONS = ["time_in_space", "time_docked", "fastest_turnaround"]
FLIGHT_DURATIONS = ["duration", "turn_around_time"]
CONFIG_COUNTS = list(stats.STAT_FIELDS)
DURATION_FIELDS = {*SPACECRAFT_DURATIONS, *FLIGHT_DURATIONS, "eva_time"}
GROWING = {"time_in_space", "time_docked"}


@dataclass(frozen=True)
class Difference:
    resource: str
    pk: object
    name: str
    field: str
    ours: object
    theirs: object

    def line(self) -> str:
        return (
            f"{self.resource} {self.pk} ({self.name}): {self.field}: "
            f"ours {shown(self.field, self.ours)}, theirs {shown(self.field, self.theirs)}"
        )


@dataclass
class Delivered:
    name: str
    values: dict
    window: tuple[float, float]
    depth: int


def shown(field: str, value) -> str:
    if field in DURATION_FIELDS and isinstance(value, int):
        return format_seconds(value)
    if value is None:
        return "null"
    return str(value).lower() if isinstance(value, bool) else str(value)


class Gatherer:
    """Walks fetched pages for the statistics they deliver, keeping the least nested copy."""

    def __init__(self) -> None:
        self.found: dict[tuple[str, object], Delivered] = {}

    def take(self, kind: str, record, names: list[str], window, depth: int) -> bool:
        if not isinstance(record, dict) or "id" not in record:
            return False
        key = (kind, record["id"])
        values = {name: record[name] for name in names if name in record}
        current = self.found.get(key)
        if values and (current is None or depth < current.depth):
            self.found[key] = Delivered(str(record.get("name", "")), values, window, depth)
        return True

    def page(self, page: dict) -> None:
        found = resource_of(page["request"].split(" ")[-1])
        body, window = page.get("response"), tuple(page["fetched"])
        records = body.get("results", [body]) if isinstance(body, dict) else []
        visit = {
            "spacecraft": self.spacecraft,
            "spacecraft_flights": self.flight,
            "spacecraft_configurations": self.config,
            "spacecraft_configuration_families": self.family,
            "agencies": self.agency,
            "astronauts": self.astronaut,
        }.get(found[1] if found else "")
        for record in records if visit else []:
            visit(record, window, 0)

    def spacecraft(self, record, window, depth) -> None:
        if self.take("spacecraft", record, SPACECRAFT_COUNTS + SPACECRAFT_DURATIONS, window, depth):
            self.config(record.get("spacecraft_config"), window, depth + 1)
            for flight in record.get("flights") or []:
                self.flight(flight, window, depth + 1)

    def flight(self, record, window, depth) -> None:
        if self.take("spacecraft flight", record, FLIGHT_DURATIONS, window, depth):
            self.spacecraft(record.get("spacecraft"), window, depth + 1)

    def config(self, record, window, depth) -> None:
        names = [*CONFIG_COUNTS, "fastest_turnaround"]
        if self.take("spacecraft configuration", record, names, window, depth):
            for family in record.get("family") or []:
                self.family(family, window, depth + 1)

    def family(self, record, window, depth) -> None:
        self.take("spacecraft configuration family", record, CONFIG_COUNTS, window, depth)

    def astronaut(self, record, window, depth) -> None:
        self.take("astronaut", record, ASTRONAUT_FIGURES, window, depth)

    def agency(self, record, window, depth) -> None:
        for config in (record or {}).get("spacecraft_list") or []:
            self.config(config, window, depth + 1)


def at(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


def differences(pages: list[dict]) -> list[Difference]:
    gatherer = Gatherer()
    for page in pages:
        gatherer.page(page)
    by_kind = defaultdict(dict)
    for (kind, pk), delivered in gatherer.found.items():
        by_kind[kind][pk] = delivered
    found = [
        *compare_spacecraft(by_kind["spacecraft"]),
        *compare_flights(by_kind["spacecraft flight"]),
        *compare_groups(by_kind["spacecraft configuration"], "spacecraft configuration"),
        *compare_groups(
            by_kind["spacecraft configuration family"], "spacecraft configuration family"
        ),
        *compare_astronauts(
            by_kind["astronaut"],
            lambda pk, name, field, ours, theirs: Difference(
                "astronaut", pk, name, field, ours, theirs
            ),
        ),
    ]
    return sorted(found, key=lambda d: (d.resource, str(d.pk), d.field))


def compare_spacecraft(delivered: dict) -> list[Difference]:
    flights, dockings = defaultdict(list), defaultdict(list)
    rows = m.SpacecraftFlight.objects.filter(spacecraft_id__in=delivered).order_by("id")
    columns = ("spacecraft_id", "launch__net", "mission_end")
    for craft_id, net, mission_end in rows.values_list(*columns):
        flights[craft_id].append(stats.FlightTimes(net, mission_end))
    for craft_id, docking, departure in m.DockingEvent.objects.filter(
        flight_vehicle_chaser__spacecraft_id__in=delivered
    ).values_list("flight_vehicle_chaser__spacecraft_id", "docking", "departure"):
        dockings[craft_id].append(stats.DockingTimes(docking, departure))
    found = []
    for craft in m.Spacecraft.objects.filter(id__in=delivered).order_by("id"):
        theirs = delivered[craft.id]
        start, end = (
            stats.spacecraft_statistics(flights[craft.id], dockings[craft.id], at(moment))
            for moment in theirs.window
        )
        names = []
        if craft.has_flight_data:
            names += [*SPACECRAFT_COUNTS, "time_in_space", "fastest_turnaround"]
        if craft.has_docking_data:
            names.append("time_docked")
        for name in names:
            if name not in theirs.values:
                continue
            early, late = (ours_value(s, name) for s in (start, end))
            value = theirs.values[name]
            if name in DURATION_FIELDS:
                value = parse_seconds(value)
            if name in GROWING and None not in (early, late, value):
                same = early - 1 <= value <= late + 1
            else:
                same = value in (early, late)
            if not same:
                found.append(Difference("spacecraft", craft.id, craft.name, name, early, value))
    return found


def ours_value(statistics: stats.SpacecraftStatistics, name: str):
    value = getattr(statistics, name)
    return whole_seconds(value) if name in DURATION_FIELDS else value


def compare_flights(delivered: dict) -> list[Difference]:
    found = []
    rows = m.SpacecraftFlight.objects.filter(id__in=delivered).select_related("spacecraft")
    for flight in rows.order_by("id"):
        theirs = delivered[flight.id].values
        ours = {"duration": flight.duration_s, "turn_around_time": flight.turn_around_time_s}
        for name, value in ours.items():
            if name in theirs and parse_seconds(theirs[name]) != value:
                found.append(
                    Difference(
                        "spacecraft flight",
                        flight.id,
                        flight.spacecraft.name,
                        name,
                        value,
                        parse_seconds(theirs[name]),
                    )
                )
    return found


def compare_groups(delivered: dict, kind: str) -> list[Difference]:
    """Configurations and families: counts over the flights of their spacecraft, for those
    Hangar holds flights of (the others keep what was delivered)."""
    if kind == "spacecraft configuration":
        model, path = m.SpacecraftConfig, "spacecraft__spacecraft_config"
    else:
        model, path = m.SpacecraftConfigFamily, "spacecraft__spacecraft_config__families"
    rows = m.SpacecraftFlight.objects.filter(**{f"{path}__in": list(delivered)}).values_list(
        path, "spacecraft_id", "launch__net", "launch__status_id", "landing__attempt",
        "landing__success",
    )  # fmt: skip
    flights = defaultdict(list)
    for group, *facts in rows:
        flights[group].append(stats.ConfigFlight(*facts))
    found = []
    for row in model.objects.filter(id__in=flights).order_by("id"):
        theirs = delivered[row.id]
        early, late = (stats.config_statistics(flights[row.id], at(t)) for t in theirs.window)
        for name in CONFIG_COUNTS:
            value = theirs.values.get(name)
            if name in theirs.values and value not in (early[name], late[name]):
                found.append(Difference(kind, row.id, row.name, name, early[name], value))
        if "fastest_turnaround" in theirs.values:
            value = parse_seconds(theirs.values["fastest_turnaround"])
            if value != row.fastest_turnaround_s:
                ours = row.fastest_turnaround_s
                found.append(Difference(kind, row.id, row.name, "fastest_turnaround", ours, value))
    return found


def write_report(path: Path, found: list[Difference]) -> None:
    """The whole list as tab-separated values, for a spreadsheet or ``sort``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["resource", "id", "name", "field", "ours", "theirs"])
        for item in found:
            writer.writerow(
                [
                    item.resource,
                    item.pk,
                    item.name,
                    item.field,
                    shown(item.field, item.ours),
                    shown(item.field, item.theirs),
                ]
            )
