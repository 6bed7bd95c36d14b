"""Launcher families, configurations and boosters into the batch, wherever they are nested (a
launch's rocket, a first stage's booster, an agency's launcher list)."""

from __future__ import annotations

from hangar.agencies.collect import agency
from hangar.core.collect import Collector
from hangar.images.collect import image
from hangar.launchers.models import Launcher, LauncherConfig, LauncherConfigFamily, LauncherStatus
from hangar.programs.collect import program


def launcher_family(c: Collector, data: dict | None, depth: int):
    if data is None:
        return None
    row = c.scalars(LauncherConfigFamily, data)
    c.related(row, data, "parent", lambda d, n: launcher_family(c, d, n), depth)
    if data.get("manufacturer") is not None:
        makers = [agency(c, maker, depth + 1) for maker in data["manufacturer"]]
        c.relate(LauncherConfigFamily, "manufacturer", data["id"], makers, depth)
    c.add(LauncherConfigFamily, data["id"], row, depth)
    return data["id"]


def launcher_config(c: Collector, data: dict | None, depth: int, manufacturer=None):
    """A configuration; nested in its manufacturer's launcher list (``manufacturer``, the
    agency's id), it does not repeat the manufacturer."""
    if data is None:
        return None
    row = c.scalars(LauncherConfig, data)
    c.related(row, data, "manufacturer", lambda d, n: agency(c, d, n), depth)
    if manufacturer is not None:
        row["manufacturer_id"] = manufacturer
    c.related(row, data, "image", lambda d, n: image(c, d, n), depth)
    if "families" in data:
        families = [launcher_family(c, family, depth + 1) for family in data["families"] or []]
        c.relate(LauncherConfig, "families", data["id"], families, depth)
    if "program" in data:
        programs = [program(c, nested, depth + 1) for nested in data["program"]]
        c.relate(LauncherConfig, "program", data["id"], programs, depth)
    c.add(LauncherConfig, data["id"], row, depth)
    return data["id"]


def launcher(c: Collector, data: dict | None, depth: int):
    if data is None:
        return None
    row = c.scalars(Launcher, data)
    c.related(row, data, "status", c.lookup_of(LauncherStatus), depth)
    c.related(row, data, "image", lambda d, n: image(c, d, n), depth)
    c.related(row, data, "launcher_config", lambda d, n: launcher_config(c, d, n), depth)
    c.add(Launcher, data["id"], row, depth)
    return data["id"]
