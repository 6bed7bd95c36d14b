"""The spacecraft domain into the batch: one function per record kind, each returning the primary
key of what it collected so that the caller can point at it."""

from __future__ import annotations

from hangar.agencies.collect import agency
from hangar.core.collect import Collector
from hangar.images.collect import image
from hangar.landings.collect import landing
from hangar.launches.collect import launch
from hangar.payloads.collect import payload, payload_flight
from hangar.people.collect import crew
from hangar.spacecraft import models as m

CREWS = ("launch_crew", "onboard_crew", "landing_crew")


def family(c: Collector, data: dict | None, depth: int):
    if data is None:
        return None
    row = c.scalars(m.SpacecraftConfigFamily, data)
    c.related(row, data, "manufacturer", lambda d, n: agency(c, d, n), depth)
    c.related(row, data, "parent", lambda d, n: family(c, d, n), depth)
    c.add(m.SpacecraftConfigFamily, data["id"], row, depth)
    return data["id"]


def spacecraft_config(c: Collector, data: dict, depth: int):
    row = c.scalars(m.SpacecraftConfig, data)
    row["type_id"] = c.lookup(m.SpacecraftConfigType, data["type"], depth + 1)
    row["agency_id"] = agency(c, data["agency"], depth + 1)
    c.related(row, data, "image", lambda d, n: image(c, d, n), depth)
    if "family" in data:
        families = [family(c, f, depth + 1) for f in data["family"] or []]
        c.relate(m.SpacecraftConfig, "families", data["id"], families, depth)
    c.add(m.SpacecraftConfig, data["id"], row, depth)
    return data["id"]


def spacecraft(c: Collector, data: dict, depth: int):
    row = c.scalars(m.Spacecraft, data)
    row["status_id"] = c.lookup(m.SpacecraftStatus, data["status"], depth + 1)
    row["spacecraft_config_id"] = spacecraft_config(c, data["spacecraft_config"], depth + 1)
    c.related(row, data, "image", lambda d, n: image(c, d, n), depth)
    if data.get("flights"):
        # The detailed form lists every flight: Hangar computes the statistics from them.
        # An empty list gives nothing to compute from (another Hangar serves it for a
        # spacecraft it holds only the statistics of), so the statistics are kept.
        row["has_flight_data"] = True
    c.add(m.Spacecraft, data["id"], row, depth)
    for flight in data.get("flights", []):
        spacecraft_flight(c, flight, depth + 1)
    return data["id"]


def spacecraft_flight(c: Collector, data: dict, depth: int, launch_id=None):
    """A flight; nested in its launch's rocket (``launch_id``), it does not repeat the launch."""
    row = c.scalars(m.SpacecraftFlight, data)
    row["spacecraft_id"] = spacecraft(c, data["spacecraft"], depth + 1)
    row["launch_id"] = launch_id if launch_id is not None else launch(c, data["launch"], depth + 1)
    c.related(row, data, "landing", lambda d, n: landing(c, d, n), depth)
    if row.get("landing_id") is not None:
        c.batch.claim_landing(row["landing_id"], data["id"], c.source)
    c.add(m.SpacecraftFlight, data["id"], row, depth)
    for name in CREWS:
        crew(c, m.SpacecraftFlight, name, data["id"], data.get(name), depth)
    for event in data.get("docking_events", []):
        # Nested under its chaser, a docking event does not repeat the chaser.
        docking_event(c, event, depth + 1, chaser=data["id"])
    return data["id"]


def space_station(c: Collector, data: dict | None, depth: int):
    """A station at any level; at the detailed one, its docking ports and the dockings in
    progress. (Its active expeditions, at the endpoint's levels, are collected by
    ``collect_stations.space_station_endpoint``: the people domain nests stations.)"""
    if data is None:
        return None
    row = c.scalars(m.SpaceStation, data)
    c.related(row, data, "image", lambda d, n: image(c, d, n), depth)
    c.related(row, data, "status", c.lookup_of(m.SpaceStationStatus), depth)
    c.related(row, data, "type", c.lookup_of(m.SpaceStationType), depth)
    if data.get("owners") is not None:
        owners = [agency(c, owner, depth + 1) for owner in data["owners"]]
        c.relate(m.SpaceStation, "owners", data["id"], owners, depth)
    c.add(m.SpaceStation, data["id"], row, depth)
    station_dockings(c, data, depth)
    return data["id"]


def station_dockings(c: Collector, data: dict, depth: int) -> None:
    """The docking ports of a detailed station, each with the docking in progress there
    (``currently_docked``, which names its chaser), and the dockings in progress at the station
    (``active_docking_events``, which name their port and target): records of their own, which
    answer on their endpoints. A docking given in both places is one record, merged."""
    for port in data.get("docking_location", []):
        row = {**c.scalars(m.DockingLocation, port), "spacestation_id": data["id"]}
        c.add(m.DockingLocation, port["id"], row, depth + 1)
        if port.get("currently_docked"):
            docked = port["currently_docked"]
            docking_event(c, docked, depth + 2, station=data["id"], location=port["id"])
    for event in data.get("active_docking_events", []):
        docking_event(c, event, depth + 1, station=data["id"])


def docking_location(c: Collector, data: dict, depth: int):
    """A docking port, with the station, spacecraft configuration or payload it belongs to."""
    row = c.scalars(m.DockingLocation, data)
    c.related(row, data, "spacestation", lambda d, n: space_station(c, d, n), depth)
    c.related(row, data, "spacecraft", lambda d, n: spacecraft_config(c, d, n), depth)
    c.related(row, data, "payload", lambda d, n: payload(c, d, n), depth)
    c.add(m.DockingLocation, data["id"], row, depth)
    return data["id"]


def docking_event(
    c: Collector,
    data: dict,
    depth: int,
    chaser=None,
    station=None,
    location=None,
    payload_chaser=None,
):
    """A docking event; nested under its chaser (a spacecraft flight or a payload flight), its
    station or its port, it does not repeat them (``chaser``, ``payload_chaser``, ``station``,
    ``location`` say which they are)."""
    row = c.scalars(m.DockingEvent, data)
    if "docking_location" in data:
        row["docking_location_id"] = docking_location(c, data["docking_location"], depth + 1)
    for name, collect in (
        ("space_station_target", space_station),
        ("space_station_chaser", space_station),
        ("flight_vehicle_target", spacecraft_flight),
        ("flight_vehicle_chaser", spacecraft_flight),
        ("payload_flight_target", payload_flight),
        ("payload_flight_chaser", payload_flight),
    ):
        c.related(row, data, name, lambda d, n, collect=collect: collect(c, d, n), depth)
    if chaser is not None:
        row["flight_vehicle_chaser_id"] = chaser
    if payload_chaser is not None:
        row["payload_flight_chaser_id"] = payload_chaser
    if station is not None:
        row["space_station_target_id"] = station
    if location is not None:
        row["docking_location_id"] = location
    c.add(m.DockingEvent, data["id"], row, depth)
    return data["id"]
