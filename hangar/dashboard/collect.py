"""A Starship dashboard into the batch: its launches, events, boosters, spacecraft and updates
through their domains' collectors, and the road closures, notices and live streams only it
serves, which belong to program 1 (the page they were listed on)."""

from __future__ import annotations

from collections import defaultdict

from hangar.core.collect import Collector
from hangar.dashboard import models as m
from hangar.events.collect import event
from hangar.events.models import Event
from hangar.launchers.collect import launcher
from hangar.launches import models as launches
from hangar.launches.collect import update
from hangar.launches.record import launch_record
from hangar.programs.models import Program
from hangar.spacecraft.collect import spacecraft


def starship_dashboard(c: Collector, data: dict, depth: int):
    program = data["id"]
    listed = {launches.Launch: set(), Event: set()}
    for window in (data["upcoming"], data["previous"]):
        for item in window["launches"]:
            listed[launches.Launch].add(launch_record(c, item, depth + 1))
        for item in window["events"]:
            listed[Event].add(event(c, item, depth + 1))
    for model, ids in listed.items():
        in_program(c, model, program, ids, depth + 2)
    owned = False
    for item in data["updates"]:
        update(c, item, depth + 1)
        entry = c.batch.rows[launches.Update][item["id"]]
        if entry.values.get("launch_id") is None and entry.values.get("event_id") is None:
            # Not an update of a listed launch or event: the program's own.
            c.add(launches.Update, item["id"], {"program_id": program}, depth + 1)
            owned = True
    for item in data["vehicles"]:
        launcher(c, item, depth + 1)
    for item in data["orbiters"]:
        spacecraft(c, item, depth + 1)
    for item in data["road_closures"]:
        road_closure(c, item, depth + 1, program)
    for item in data["notices"]:
        notice(c, item, depth + 1, program)
    streams = [c.scalars(m.LiveStream, item) for item in data["live_streams"]]
    c.batch.own(m.LiveStream, "program_id", program, streams, depth + 1)
    if owned or any(listed.values()) or streams or data["road_closures"] or data["notices"]:
        # Program 1 itself comes with the launches that nest it, or is held already; a
        # dashboard that points at it in a catalog that has neither is refused (a program
        # cannot be created without its type). An empty dashboard points at nothing.
        c.add(Program, program, {}, depth + 2)
    return program


def in_program(c: Collector, model, program: int, ids: set, depth: int) -> None:
    """The dashboard lists only the program's launches and events, but not every level says
    which programs a record belongs to (events never do, launches in ``list`` mode neither):
    the program is added to those the catalog holds for them. A record that names its
    programs (``depth`` is deeper than its own) keeps its list."""
    relation = model._meta.get_field("program")
    through = relation.remote_field.through
    owner = f"{relation.m2m_field_name()}_id"
    held = defaultdict(set)
    rows = through.objects.filter(**{f"{owner}__in": ids}).values_list(owner, "program_id")
    for pk, other in rows:
        held[pk].add(other)
    for pk in sorted(ids, key=str):
        c.relate(model, "program", pk, sorted(held[pk] | {program}), depth)


def road_closure(c: Collector, data: dict, depth: int, program: int):
    row = c.scalars(m.RoadClosure, data)
    row["status_id"] = c.lookup(launches.RoadClosureStatus, data["status"], depth + 1)
    row["program_id"] = program
    c.add(m.RoadClosure, data["id"], row, depth)
    return data["id"]


def notice(c: Collector, data: dict, depth: int, program: int):
    row = c.scalars(m.Notice, data)
    row["type_id"] = c.lookup(launches.NoticeType, data["type"], depth + 1)
    row["program_id"] = program
    c.add(m.Notice, data["id"], row, depth)
    return data["id"]
