"""Programs and mission patches into the batch, wherever they are nested (a launch's program
list, a launcher configuration's, a patch's programs)."""

from __future__ import annotations

from hangar.agencies.collect import agency
from hangar.core.collect import Collector
from hangar.images.collect import image
from hangar.programs.models import MissionPatch, Program, ProgramType


def mission_patch(c: Collector, data: dict, depth: int):
    row = c.scalars(MissionPatch, data)
    c.related(row, data, "agency", lambda d, n: agency(c, d, n), depth)
    c.add(MissionPatch, data["id"], row, depth)
    # The programs of a detailed patch each list their patches, this one among them: the
    # relation is written from the programs' side.
    for nested in data.get("program", []):
        program(c, nested, depth + 1)
    return data["id"]


def program(c: Collector, data: dict, depth: int):
    row = c.scalars(Program, data)
    c.related(row, data, "image", lambda d, n: image(c, d, n), depth)
    c.related(row, data, "type", c.lookup_of(ProgramType), depth)
    if "agencies" in data:
        agencies = [agency(c, nested, depth + 1) for nested in data["agencies"]]
        c.relate(Program, "agencies", data["id"], agencies, depth)
    if "mission_patches" in data:
        patches = [mission_patch(c, nested, depth + 1) for nested in data["mission_patches"]]
        c.relate(Program, "mission_patches", data["id"], patches, depth)
    c.add(Program, data["id"], row, depth)
    return data["id"]
