"""From validated LL2 records to rows of the batch: one function per resource, each returning
the primary key of what it collected so that the caller can refer to it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from hangar.catalog import models as m
from hangar.catalog.ll2.batch import Batch
from hangar.catalog.ll2.inputs import AgencyIn
from hangar.catalog.stats import STAT_FIELDS

LOOKUP_FIELDS = {
    m.AgencyType: ["name"],
    m.SpacecraftStatus: ["name"],
    m.SpacecraftConfigType: ["name"],
    m.ImageVariantType: ["name"],
    m.LaunchStatus: ["name", "abbrev", "description"],
    m.LandingType: ["name", "abbrev", "description"],
    m.Country: [
        "name",
        "alpha_2_code",
        "alpha_3_code",
        "nationality_name",
        "nationality_name_composed",
    ],
    m.ImageLicense: ["name", "priority", "link"],
    m.SpaceStationStatus: ["name"],
    m.SpaceStationType: ["name"],
}
AGENCY_FIELDS = [
    "name",
    "abbrev",
    "featured",
    "description",
    "administrator",
    "founding_year",
    "launchers",
    "spacecraft",
    "parent",
    "total_launch_count",
    "consecutive_successful_launches",
    "successful_launches",
    "failed_launches",
    "pending_launches",
    "consecutive_successful_landings",
    "successful_landings",
    "failed_landings",
    "attempted_landings",
    "successful_landings_spacecraft",
    "failed_landings_spacecraft",
    "attempted_landings_spacecraft",
    "successful_landings_payload",
    "failed_landings_payload",
    "attempted_landings_payload",
    "info_url",
    "wiki_url",
    "social_media_links",
    "launcher_list",
]
FAMILY_FIELDS = ["name", "description", "maiden_flight", *STAT_FIELDS]
CONFIG_FIELDS = [
    "name",
    "in_use",
    "capability",
    "history",
    "details",
    "maiden_flight",
    "height",
    "diameter",
    "human_rated",
    "crew_capacity",
    "payload_capacity",
    "payload_return_capacity",
    "flight_life",
    "wiki_link",
    "info_link",
    *STAT_FIELDS,
]
SPACECRAFT_FIELDS = ["name", "serial_number", "is_placeholder", "description"]
# Statistics as the upstream delivered them, kept while Hangar has nothing to compute them from.
SPACECRAFT_FLIGHT_STATS = {
    "in_space": "in_space",
    "time_in_space": "time_in_space_s",
    "flights_count": "flights_count",
    "mission_ends_count": "mission_ends_count",
    "fastest_turnaround": "fastest_turnaround_s",
}
SPACECRAFT_DOCKING_STATS = {"time_docked": "time_docked_s"}


AGENCY_URL = re.compile(r"/agencies/\d+/")
CREWS = ("launch_crew", "onboard_crew", "landing_crew")


def pick(data: dict, names: list[str]) -> dict:
    return {name: data[name] for name in names if name in data}


def nested_agencies(document) -> Iterator[dict]:
    """Every object with an agency url, anywhere in a document of another domain."""
    if isinstance(document, dict):
        if isinstance(document.get("url"), str) and AGENCY_URL.search(document["url"]):
            yield document
        for value in document.values():
            yield from nested_agencies(value)
    elif isinstance(document, list):
        for item in document:
            yield from nested_agencies(item)


class Collector:
    """Walks validated records into a batch. ``depth`` is how deeply nested a copy is."""

    def __init__(self, batch: Batch, source: str) -> None:
        self.batch = batch
        self.source = source

    def add(self, model, pk, values: dict, depth: int) -> None:
        self.batch.add(model, pk, values, depth, self.source)

    def lookup(self, model, data: dict | None, depth: int):
        if data is None:
            return None
        self.add(model, data["id"], pick(data, LOOKUP_FIELDS[model]), depth)
        return data["id"]

    @staticmethod
    def lookup_of(model):
        """A collector for a top-level lookup record (``config/...`` endpoints)."""
        return lambda collector, data, depth: collector.lookup(model, data, depth)

    def related(self, row: dict, data: dict, name: str, collect, depth: int, column=None) -> None:
        """Collect a nested object given under ``name`` and point ``row`` at it."""
        if name in data:
            row[column or f"{name}_id"] = collect(data[name], depth + 1)

    def documented_agencies(self, document, depth: int) -> None:
        """Agencies nested in a document of another domain (a launch's provider, the
        manufacturers of an agency's launchers, an astronaut's agency): Hangar serves their urls,
        so it holds them too, as copies nested deeper than the document. A copy that does not
        validate stays in the document only."""
        for data in nested_agencies(document):
            agency = AgencyIn(data=data)
            if agency.is_valid():
                self.agency(agency.validated_data, depth + 1)

    def image(self, data: dict | None, depth: int):
        if data is None:
            return None
        row = pick(data, ["name", "image_url", "thumbnail_url", "credit", "single_use"])
        row["license_id"] = self.lookup(m.ImageLicense, data["license"], depth + 1)
        self.add(m.Image, data["id"], row, depth)
        for variant in data.get("variants", []):
            self.add(
                m.ImageVariant,
                variant["id"],
                {
                    "image_id": data["id"],
                    "image_url": variant["image_url"],
                    "type_id": self.lookup(m.ImageVariantType, variant["type"], depth + 2),
                },
                depth + 1,
            )
        return data["id"]

    def agency(self, data: dict | None, depth: int):
        if data is None:
            return None
        row = pick(data, AGENCY_FIELDS)
        self.related(row, data, "type", lambda d, n: self.lookup(m.AgencyType, d, n), depth)
        for name in ("image", "logo", "social_logo"):
            self.related(row, data, name, self.image, depth)
        if "country" in data:
            countries = [self.lookup(m.Country, c, depth + 1) for c in data["country"]]
            self.batch.relate(m.Agency, "countries", data["id"], countries, depth)
        self.add(m.Agency, data["id"], row, depth)
        for config in data.get("spacecraft_list", []):
            self.spacecraft_config(config, depth + 1)
        self.documented_agencies(data.get("launcher_list"), depth)
        return data["id"]

    def family(self, data: dict | None, depth: int):
        if data is None:
            return None
        row = pick(data, FAMILY_FIELDS)
        self.related(row, data, "manufacturer", self.agency, depth)
        self.related(row, data, "parent", self.family, depth)
        self.add(m.SpacecraftConfigFamily, data["id"], row, depth)
        return data["id"]

    def spacecraft_config(self, data: dict, depth: int):
        row = pick(data, CONFIG_FIELDS)
        if "fastest_turnaround" in data:
            row["fastest_turnaround_s"] = data["fastest_turnaround"]
        row["type_id"] = self.lookup(m.SpacecraftConfigType, data["type"], depth + 1)
        row["agency_id"] = self.agency(data["agency"], depth + 1)
        self.related(row, data, "image", self.image, depth)
        if "family" in data:
            families = [self.family(f, depth + 1) for f in data["family"] or []]
            self.batch.relate(m.SpacecraftConfig, "families", data["id"], families, depth)
        self.add(m.SpacecraftConfig, data["id"], row, depth)
        return data["id"]

    def spacecraft(self, data: dict, depth: int):
        row = pick(data, SPACECRAFT_FIELDS)
        row["status_id"] = self.lookup(m.SpacecraftStatus, data["status"], depth + 1)
        row["spacecraft_config_id"] = self.spacecraft_config(data["spacecraft_config"], depth + 1)
        self.related(row, data, "image", self.image, depth)
        for name, column in {**SPACECRAFT_FLIGHT_STATS, **SPACECRAFT_DOCKING_STATS}.items():
            if name in data:
                row[column] = data[name]
        if data.get("flights"):
            # The detailed form lists every flight: Hangar computes the statistics from them.
            # An empty list gives nothing to compute from (another Hangar serves it for a
            # spacecraft it holds only the statistics of), so the statistics are kept.
            row["has_flight_data"] = True
        self.add(m.Spacecraft, data["id"], row, depth)
        for flight in data.get("flights", []):
            self.spacecraft_flight(flight, depth + 1)
        return data["id"]

    def launch(self, data: dict, depth: int):
        row = pick(data, ["name", "net", "document"])
        self.related(row, data, "status", lambda d, n: self.lookup(m.LaunchStatus, d, n), depth)
        self.add(m.Launch, data["id"], row, depth)
        self.documented_agencies(data.get("document"), depth)
        return data["id"]

    def landing_location(self, data: dict, depth: int):
        self.add(m.LandingLocation, data["id"], pick(data, ["name", "document"]), depth)
        return data["id"]

    def landing(self, data: dict | None, depth: int):
        if data is None:
            return None
        row = pick(data, ["attempt", "success", "description", "downrange_distance"])
        row["landing_location_id"] = self.landing_location(data["landing_location"], depth + 1)
        row["type_id"] = self.lookup(m.LandingType, data["type"], depth + 1)
        self.add(m.Landing, data["id"], row, depth)
        return data["id"]

    def spacecraft_flight(self, data: dict, depth: int):
        row = pick(
            data, ["destination", "mission_end", "launch_crew", "onboard_crew", "landing_crew"]
        )
        row["spacecraft_id"] = self.spacecraft(data["spacecraft"], depth + 1)
        row["launch_id"] = self.launch(data["launch"], depth + 1)
        self.related(row, data, "landing", self.landing, depth)
        if row.get("landing_id") is not None:
            self.batch.claim_landing(row["landing_id"], data["id"], self.source)
        self.add(m.SpacecraftFlight, data["id"], row, depth)
        self.documented_agencies([data.get(crew) for crew in CREWS], depth)
        for event in data.get("docking_events", []):
            # Nested under its chaser, a docking event does not repeat the chaser.
            self.docking_event({**event, "chaser_id": data["id"]}, depth + 1)
        return data["id"]

    def space_station(self, data: dict | None, depth: int):
        if data is None:
            return None
        row = pick(
            data, ["name", "founded", "onboard_crew", "docked_vehicles", "volume", "document"]
        )
        for name, model in (("status", m.SpaceStationStatus), ("type", m.SpaceStationType)):
            self.related(row, data, name, lambda d, n, model=model: self.lookup(model, d, n), depth)
        if data.get("owners") is not None:
            owners = [self.agency(owner, depth + 1) for owner in data["owners"]]
            self.batch.relate(m.SpaceStation, "owners", data["id"], owners, depth)
        self.add(m.SpaceStation, data["id"], row, depth)
        self.documented_agencies(data.get("document"), depth)
        return data["id"]

    def docking_location(self, data: dict, depth: int):
        self.add(m.DockingLocation, data["id"], pick(data, ["name", "document"]), depth)
        return data["id"]

    def docking_event(self, data: dict, depth: int):
        row = pick(data, ["docking", "departure", "payload_flight_target", "payload_flight_chaser"])
        row["docking_location_id"] = self.docking_location(data["docking_location"], depth + 1)
        for name, collect in (
            ("space_station_target", self.space_station),
            ("space_station_chaser", self.space_station),
            ("flight_vehicle_target", self.spacecraft_flight),
            ("flight_vehicle_chaser", self.spacecraft_flight),
        ):
            if name in data:
                row[f"{name}_id"] = collect(data[name], depth + 1) if data[name] else None
        if "chaser_id" in data:
            row["flight_vehicle_chaser_id"] = data["chaser_id"]
        self.add(m.DockingEvent, data["id"], row, depth)
        self.documented_agencies(
            [data.get("payload_flight_target"), data.get("payload_flight_chaser")], depth
        )
        return data["id"]
