"""Launches into the batch, with their missions, rockets and first stages, links, timelines and
updates. A launch's spacecraft and payload flights are collected by ``record.py``."""

from __future__ import annotations

from hangar.agencies.collect import agency
from hangar.core.collect import Collector
from hangar.images.collect import image
from hangar.landings.collect import landing
from hangar.launchers.collect import launcher, launcher_config
from hangar.launches import models as m
from hangar.places.collect import celestial_body, pad
from hangar.programs.collect import mission_patch, program


def orbit(c: Collector, data: dict, depth: int):
    row = c.scalars(m.Orbit, data)
    c.related(row, data, "celestial_body", lambda d, n: celestial_body(c, d, n), depth)
    c.add(m.Orbit, data["id"], row, depth)
    return data["id"]


def links(c: Collector, model, parent: str, pk, items: list[dict], depth: int) -> None:
    """Info or video links of a launch or mission (``parent`` is ``launch_id`` or
    ``mission_id``): rows without an id of their own, replaced as a list."""
    rows = []
    for item in items:
        row = c.scalars(model, item)
        for name, kind in (("type", model.type.field.related_model), ("language", m.Language)):
            if name in item:
                row[f"{name}_id"] = c.lookup(kind, item[name], depth + 1)
        rows.append(row)
    c.batch.own(model, parent, pk, rows, depth)


def mission(c: Collector, data: dict, depth: int):
    row = c.scalars(m.Mission, data)
    c.related(row, data, "image", lambda d, n: image(c, d, n), depth)
    c.related(row, data, "orbit", lambda d, n: orbit(c, d, n), depth)
    if "agencies" in data:
        agencies = [agency(c, item, depth + 1) for item in data["agencies"]]
        c.relate(m.Mission, "agencies", data["id"], agencies, depth)
    c.add(m.Mission, data["id"], row, depth)
    for name, model in (("info_urls", m.InfoURL), ("vid_urls", m.VidURL)):
        if name in data:
            links(c, model, "mission_id", data["id"], data[name], depth + 1)
    return data["id"]


def first_stage(c: Collector, data: dict, depth: int, rocket=None):
    row = c.scalars(m.FirstStage, data)
    row["launcher_id"] = launcher(c, data["launcher"], depth + 1)
    c.related(row, data, "landing", lambda d, n: landing(c, d, n), depth)
    c.related(row, data, "previous_flight", lambda d, n: launch(c, d, n), depth)
    if rocket is not None:
        row["rocket_id"] = rocket
    c.add(m.FirstStage, data["id"], row, depth)
    return data["id"]


def rocket(c: Collector, data: dict, depth: int):
    row = {"configuration_id": launcher_config(c, data["configuration"], depth + 1)}
    c.add(m.Rocket, data["id"], row, depth)
    for stage in data.get("launcher_stage", []):
        first_stage(c, stage, depth + 1, rocket=data["id"])
    return data["id"]


def update(c: Collector, data: dict, depth: int, launch_id=None):
    row = c.scalars(m.Update, data)
    if launch_id is not None:
        row["launch_id"] = launch_id
    c.add(m.Update, data["id"], row, depth)
    return data["id"]


def timeline(c: Collector, pk, items: list[dict], depth: int) -> None:
    rows = []
    for item in items:
        row = c.scalars(m.TimelineEvent, item)
        if "type" in item:
            row["type_id"] = c.lookup(m.TimelineEventType, item["type"], depth + 1)
        rows.append(row)
    c.batch.own(m.TimelineEvent, "launch_id", pk, rows, depth)


def launch(c: Collector, data: dict, depth: int):
    pk = data["id"]
    row = c.scalars(m.Launch, data)
    c.related(row, data, "status", c.lookup_of(m.LaunchStatus), depth)
    c.related(row, data, "net_precision", c.lookup_of(m.NetPrecision), depth)
    c.related(row, data, "image", lambda d, n: image(c, d, n), depth)
    c.related(row, data, "launch_service_provider", lambda d, n: agency(c, d, n), depth)
    c.related(row, data, "rocket", lambda d, n: rocket(c, d, n), depth)
    c.related(row, data, "mission", lambda d, n: mission(c, d, n), depth)
    c.related(row, data, "pad", lambda d, n: pad(c, d, n), depth)
    if "program" in data:
        programs = [program(c, item, depth + 1) for item in data["program"] or []]
        c.relate(m.Launch, "program", pk, programs, depth)
    if "mission_patches" in data:
        patches = [mission_patch(c, item, depth + 1) for item in data["mission_patches"]]
        c.relate(m.Launch, "mission_patches", pk, patches, depth)
    c.add(m.Launch, pk, row, depth)
    for item in data.get("updates", []):
        update(c, item, depth + 1, launch_id=pk)
    for name, model in (("info_urls", m.InfoURL), ("vid_urls", m.VidURL)):
        if name in data:
            links(c, model, "launch_id", pk, data[name], depth + 1)
    if "timeline" in data:
        timeline(c, pk, data["timeline"], depth + 1)
    return pk
