"""A synthetic spacecraft catalog shaped like Launch Library 2's, for the benchmark.

``build(count)`` writes ``count`` spacecraft and everything an API page nests around them: about
50 agencies with countries and images (some images with variants), about 200 configurations
with types and families (some families with a parent and a manufacturer), statuses and images of
the spacecraft, and about three flights per spacecraft on launches, some with a landing and some
with docking events at a space station. Launch documents copy the structure of a real LL2 launch
(``data/launch-detailed-sputnik-1.json``) at the ``LaunchNormal`` level. The statistics are then
computed from the flights, as an import computes them.

The random source is seeded, so two builds of the same size are the same catalog, dated relative
to the day they are built on. Import this module once Django is set up.
"""

from __future__ import annotations

import json
import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from django.db import transaction

from hangar.agencies.models import Agency, AgencyType, Country
from hangar.images.models import Image, ImageLicense, ImageVariant, ImageVariantType
from hangar.ingest.write import write_order
from hangar.launches.models import Launch, LaunchStatus
from hangar.ll2.projection import project
from hangar.spacecraft import stats
from hangar.spacecraft.models import (
    DockingEvent,
    DockingLocation,
    Landing,
    LandingLocation,
    LandingType,
    Spacecraft,
    SpacecraftConfig,
    SpacecraftConfigFamily,
    SpacecraftConfigType,
    SpacecraftFlight,
    SpacecraftStatus,
    SpaceStation,
    SpaceStationStatus,
    SpaceStationType,
)

LAUNCH_TEMPLATE = Path(__file__).resolve().parent.parent / "data" / "launch-detailed-sputnik-1.json"
LL2 = "https://ll.thespacedevs.com/2.3.0"
MEDIA = "https://thespacedevs-prod.nyc3.digitaloceanspaces.com/media/images"
SEED = 230

AGENCIES = 50
FAMILIES = 60
CONFIGS = 200
PADS = 8
LANDING_LOCATIONS = 12
FLIGHTS_PER_SPACECRAFT = (1, 2, 3, 3, 4, 5)  # about three on average
WRITE_BATCH = 500
REFRESH_BATCH = 5000  # spacecraft per statistics refresh (SQLite limits query parameters)

AGENCY_TYPES = {1: "Government", 2: "Multinational", 3: "Commercial", 4: "Educational"}
COUNTRIES = [
    (1, "United States of America", "US", "USA", "American", "Americano"),
    (5, "Russia", "RU", "RUS", "Russian", "Russo"),
    (8, "China", "CN", "CHN", "Chinese", "Sino"),
    (9, "France", "FR", "FRA", "French", "Franco"),
    (11, "Japan", "JP", "JPN", "Japanese", "Japano"),
    (12, "India", "IN", "IND", "Indian", "Indo"),
    (13, "Germany", "DE", "DEU", "German", "Germano"),
    (16, "United Kingdom", "GB", "GBR", "British", "Anglo"),
    (19, "Italy", "IT", "ITA", "Italian", "Italo"),
    (24, "Canada", "CA", "CAN", "Canadian", "Canado"),
    (44, "Kazakhstan", "KZ", "KAZ", "Kazakh", "Kazakhstani"),
    (52, "New Zealand", "NZ", "NZL", "New Zealander", "New Zealandic"),
]
LICENSES = [
    (1, "Unknown", 9, None),
    (4, "NASA Image and Media Guidelines", 0, "https://www.nasa.gov/nasa-brand-center/"),
    (21, "CC BY-SA 3.0", 4, "https://creativecommons.org/licenses/by-sa/3.0/deed.en"),
]
VARIANT_TYPES = {1: "Normal", 2: "Thumbnail", 3: "Social"}
SPACECRAFT_STATUSES = {1: "Active", 2: "Retired", 3: "Destroyed", 4: "Single Use", 5: "Unknown"}
FLOWN_STATUSES = (1, 2, 2, 3, 4, 4, 4, 5)
CONFIG_TYPES = {1: "Unknown", 2: "Capsule", 3: "Spaceplane", 4: "Cargo Resupply", 7: "Lander"}
LAUNCH_STATUSES = {
    1: ("Go for Launch", "Go", "Current T-0 confirmed by official or reliable sources."),
    2: ("To Be Determined", "TBD", "Current date is a 'No Earlier Than' estimation."),
    3: ("Launch Successful", "Success", "The launch vehicle inserted its payload into orbit."),
    4: ("Launch Failure", "Failure", "The launch vehicle did not reach orbit."),
    7: ("Launch was a Partial Failure", "Partial Failure", "The payload reached a wrong orbit."),
}
PAST_LAUNCH_STATUSES = (3,) * 18 + (4, 7)  # mostly successes
LANDING_TYPES = [
    (1, "Parachute Landing", "Parachute", "A landing under parachutes on the ground."),
    (2, "Splashdown", "Splashdown", "A landing under parachutes in the ocean."),
    (3, "Runway Landing", "Runway", "A landing on a runway, as an aircraft."),
    (4, "Propulsive Landing", "Propulsive", None),
]
STATIONS = {4: "International Space Station", 18: "Tiangong Space Station"}
STATION_STATUS = {"id": 1, "name": "Active"}
STATION_TYPE = {"id": 1, "name": "Government"}
DOCKING_PORTS = {1: "Harmony Forward", 2: "Zvezda Aft", 3: "Rassvet Nadir", 4: "Tianhe Forward"}

NAME_WORDS = [
    "Aurora", "Borealis", "Cygnus", "Dawn", "Endeavour", "Falcon", "Gemini", "Horizon",
    "Ikar", "Juno", "Kestrel", "Lyra", "Meridian", "Nova", "Orion", "Polaris", "Quasar",
    "Rhea", "Sirius", "Tundra", "Ursa", "Vega", "Wayfarer", "Xenon", "Yantar", "Zenith",
]  # fmt: skip
AGENCY_KINDS = ["Space Agency", "Aerospace", "Space Systems", "Orbital", "Rocket Corporation"]
PROSE = [
    "It was designed to carry crew and cargo to low Earth orbit and back.",
    "The vehicle is launched on top of a two-stage rocket from a coastal launch site.",
    "A pressurised module provides a shirt-sleeve environment for up to several months.",
    "Its heat shield was refurbished between flights, which shortened the turnaround.",
    "The programme was started after a series of studies on reusable spacecraft.",
    "Solar arrays deployed after orbit insertion supply power to the service module.",
    "Docking is automatic, with manual control available to the crew as a backup.",
    "Several variants were built, each with a longer flight life than the last.",
    "The first flight was uncrewed and tested the abort and recovery systems.",
    "Recovery teams retrieve the capsule within an hour of landing.",
]


def prose(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.sample(PROSE, sentences))


def span(rng: random.Random, low: timedelta, high: timedelta) -> timedelta:
    """A random duration between ``low`` and ``high``, to the second as LL2's times are."""
    return timedelta(seconds=rng.randint(int(low.total_seconds()), int(high.total_seconds())))


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def slug(name: str) -> str:
    return "-".join(name.lower().replace("|", " ").split())


def launch_template() -> dict:
    """The Sputnik 1 launch as LL2's ``LaunchNormal`` shapes it (what a flight nests)."""
    detailed = json.loads(LAUNCH_TEMPLATE.read_text(encoding="utf-8"))["response"]
    schema = {"$ref": "#/components/schemas/LaunchNormal"}
    return project(detailed, schema, lambda url: url)


@dataclass
class Flight:
    """A flight planned for one spacecraft, before rows are made of it."""

    net: datetime
    mission_end: datetime | None


@dataclass
class Catalog:
    """Generates the rows; ``rows`` holds them by model, ``write`` stores them in order."""

    rng: random.Random
    now: datetime
    rows: dict[type, list] = field(default_factory=dict)
    template: dict = field(default_factory=launch_template)

    def add(self, row) -> None:
        self.rows.setdefault(type(row), []).append(row)

    def next_id(self, model) -> int:
        return len(self.rows.get(model, [])) + 1

    # --- lookups and images -----------------------------------------------------------------

    def lookups(self) -> None:
        for pk, name in AGENCY_TYPES.items():
            self.add(AgencyType(id=pk, name=name))
        for pk, name, alpha_2, alpha_3, nationality, composed in COUNTRIES:
            self.add(
                Country(
                    id=pk,
                    name=name,
                    alpha_2_code=alpha_2,
                    alpha_3_code=alpha_3,
                    nationality_name=nationality,
                    nationality_name_composed=composed,
                )
            )
        for pk, name, priority, link in LICENSES:
            self.add(ImageLicense(id=pk, name=name, priority=priority, link=link))
        for pk, name in VARIANT_TYPES.items():
            self.add(ImageVariantType(id=pk, name=name))
        for pk, name in SPACECRAFT_STATUSES.items():
            self.add(SpacecraftStatus(id=pk, name=name))
        for pk, name in CONFIG_TYPES.items():
            self.add(SpacecraftConfigType(id=pk, name=name))
        for pk, (name, abbrev, description) in LAUNCH_STATUSES.items():
            self.add(LaunchStatus(id=pk, name=name, abbrev=abbrev, description=description))
        for pk, name, abbrev, description in LANDING_TYPES:
            self.add(LandingType(id=pk, name=name, abbrev=abbrev, description=description))
        self.add(SpaceStationStatus(**STATION_STATUS))
        self.add(SpaceStationType(**STATION_TYPE))

    def image(self, name: str, share: float = 1.0) -> Image | None:
        """An image of ``name`` with probability ``share``; a quarter of them have variants."""
        if self.rng.random() >= share:
            return None
        pk = self.next_id(Image)
        stem = f"{MEDIA}/{slug(name)}_{pk}"
        image = Image(
            id=pk,
            name=f"[AUTO] {name}",
            image_url=f"{stem}.jpeg",
            thumbnail_url=f"{stem}_thumbnail.jpeg",
            credit=self.rng.choice([None, None, "NASA", "ESA", "Roscosmos"]),
            license_id=self.rng.choice([1, 1, 1, 4, 21]),
            single_use=self.rng.random() < 0.8,
        )
        self.add(image)
        if self.rng.random() < 0.25:
            for type_id in self.rng.sample(list(VARIANT_TYPES), self.rng.randint(1, 2)):
                self.add(
                    ImageVariant(
                        id=self.next_id(ImageVariant),
                        image_id=pk,
                        type_id=type_id,
                        image_url=f"{stem}_{VARIANT_TYPES[type_id].lower()}.jpeg",
                    )
                )
        return image

    # --- agencies, families, configurations -------------------------------------------------

    def agencies(self) -> None:
        rng = self.rng
        through = Agency.countries.through
        for pk in range(1, AGENCIES + 1):
            name = f"{NAME_WORDS[pk % len(NAME_WORDS)]} {rng.choice(AGENCY_KINDS)} {pk}"
            launches = rng.randint(0, 2500)
            failures = rng.randint(0, launches // 10)
            self.add(
                Agency(
                    id=pk,
                    name=name,
                    abbrev="".join(word[0] for word in name.split()[:-1]) + str(pk),
                    type_id=rng.choice(list(AGENCY_TYPES)),
                    featured=rng.random() < 0.2,
                    description=f"{name} builds and operates spacecraft. {prose(rng, 3)}",
                    administrator=rng.choice([None, f"Administrator: {rng.choice(NAME_WORDS)}"]),
                    founding_year=rng.randint(1945, 2020),
                    image=self.image(f"{name} image", share=0.8),
                    logo=self.image(f"{name} logo", share=0.9),
                    social_logo=self.image(f"{name} social logo", share=0.6),
                    total_launch_count=launches,
                    consecutive_successful_launches=rng.randint(0, 50),
                    successful_launches=launches - failures,
                    failed_launches=failures,
                    pending_launches=rng.randint(0, 20),
                    info_url=f"https://agency-{pk}.example.org/",
                    wiki_url=f"https://en.wikipedia.org/wiki/Agency_{pk}",
                )
            )
            for country_id in rng.sample([c[0] for c in COUNTRIES], rng.choice([1, 1, 1, 2])):
                self.add(through(agency_id=pk, country_id=country_id))

    def families(self) -> None:
        rng = self.rng
        for pk in range(1, FAMILIES + 1):
            self.add(
                SpacecraftConfigFamily(
                    id=pk,
                    name=f"{NAME_WORDS[pk % len(NAME_WORDS)]} {pk}",
                    description=prose(rng, 2),
                    # LL2 never serves a detailed family without its manufacturer.
                    manufacturer_id=rng.randint(1, AGENCIES),
                    parent_id=rng.randint(1, pk - 1) if pk > 10 and rng.random() < 0.25 else None,
                    maiden_flight=date(rng.randint(1961, 2023), rng.randint(1, 12), 1),
                )
            )

    def configs(self) -> None:
        rng = self.rng
        through = SpacecraftConfig.families.through
        for pk in range(1, CONFIGS + 1):
            name = f"{NAME_WORDS[pk % len(NAME_WORDS)]}-{pk}"
            human_rated = rng.random() < 0.3
            self.add(
                SpacecraftConfig(
                    id=pk,
                    name=name,
                    type_id=rng.choice(list(CONFIG_TYPES)),
                    agency_id=rng.randint(1, AGENCIES),
                    in_use=rng.random() < 0.5,
                    image=self.image(f"{name} image", share=0.9),
                    capability=prose(rng, 1),
                    history=prose(rng, 3),
                    details=prose(rng, 2),
                    maiden_flight=date(rng.randint(1961, 2023), rng.randint(1, 12), 1),
                    height=round(rng.uniform(2, 40), 1),
                    diameter=round(rng.uniform(1, 6), 2),
                    human_rated=human_rated,
                    crew_capacity=rng.randint(1, 7) if human_rated else 0,
                    payload_capacity=rng.randint(500, 8000),
                    payload_return_capacity=rng.choice([None, rng.randint(0, 3000)]),
                    flight_life=rng.choice([None, "up to 210 days", "6 months", "2 weeks"]),
                    wiki_link=f"https://en.wikipedia.org/wiki/{name}",
                )
            )
            families = rng.sample(range(1, FAMILIES + 1), rng.choice([0, 1, 1, 1, 1, 1, 1, 2]))
            for family_id in families:
                self.add(through(spacecraftconfig_id=pk, spacecraftconfigfamily_id=family_id))

    # --- places launch and landing documents refer to ---------------------------------------

    def pads(self) -> list[dict]:
        template = self.template["pad"]
        pads = []
        for number in range(1, PADS + 1):
            pad = json.loads(json.dumps(template))
            pad.update(
                id=template["id"] + number,
                url=f"{LL2}/pads/{template['id'] + number}/",
                name=f"{template['name']}-{number}",
                latitude=round(self.rng.uniform(-60, 60), 3),
                longitude=round(self.rng.uniform(-180, 180), 3),
            )
            pads.append(pad)
        return pads

    def landing_locations(self) -> None:
        location = self.template["pad"]["location"]
        for pk in range(1, LANDING_LOCATIONS + 1):
            name = f"{NAME_WORDS[pk]} Landing Zone"
            document = {
                "id": pk,
                "name": name,
                "active": pk % 4 != 0,
                "abbrev": f"LZ-{pk}",
                "description": prose(self.rng, 1),
                "location": location,
                "longitude": round(self.rng.uniform(-180, 180), 3),
                "latitude": round(self.rng.uniform(-60, 60), 3),
                "image": None,
                "successful_landings": 40 + pk,
                "attempted_landings": 41 + pk,
                "failed_landings": 1,
                "celestial_body": location["celestial_body"],
            }
            self.add(LandingLocation(id=pk, name=name, document=document))

    def stations(self) -> None:
        for pk, name in STATIONS.items():
            founded = date(1998 + pk, 11, 20)
            document = {
                "id": pk,
                "url": f"{LL2}/space_stations/{pk}/",
                "name": name,
                "image": self.template["image"],
                "status": STATION_STATUS,
                "founded": founded.isoformat(),
                "deorbited": None,
                "description": prose(self.rng, 2),
                "orbit": "Low Earth Orbit",
                "type": STATION_TYPE,
            }
            self.add(
                SpaceStation(
                    id=pk,
                    name=name,
                    status_id=STATION_STATUS["id"],
                    type_id=STATION_TYPE["id"],
                    founded=founded,
                    document=document,
                )
            )
        for pk, name in DOCKING_PORTS.items():
            station = 18 if name.startswith("Tianhe") else 4
            document = {
                "id": pk,
                "name": name,
                "spacestation": {
                    "id": station,
                    "url": f"{LL2}/space_stations/{station}/",
                    "name": STATIONS[station],
                    "image": None,
                },
                "spacecraft": None,
                "payload": None,
            }
            self.add(DockingLocation(id=pk, name=name, document=document))

    # --- spacecraft and their flights -------------------------------------------------------

    def schedule(self) -> list[Flight]:
        """About three flights, launched from the last sixty years on; the last one may still
        be in space, or planned a month or more from now."""
        rng = self.rng
        net = self.now - span(rng, timedelta(days=60), timedelta(days=60 * 365))
        flights = []
        for _ in range(rng.choice(FLIGHTS_PER_SPACECRAFT)):
            if net > self.now:
                flights.append(Flight(max(net, self.now + timedelta(days=30)), None))
                break
            longest = timedelta(hours=rng.choice([72, 5000]))  # a few days, or up to months
            end = net + span(rng, timedelta(hours=2), longest)
            flights.append(Flight(net, end if end <= self.now else None))
            net = end + span(rng, timedelta(days=30), timedelta(days=900))
        return flights

    def spacecraft(self, count: int) -> None:
        rng = self.rng
        configs = self.rows[SpacecraftConfig]
        serials: dict[int, int] = {}
        pads = self.pads()
        for pk in range(1, count + 1):
            config = rng.choice(configs)
            serials[config.id] = serials.get(config.id, 0) + 1
            flights = self.schedule()
            # In space or with a flight planned: active; else any status a flown craft can have.
            status = 1 if flights[-1].mission_end is None else rng.choice(FLOWN_STATUSES)
            own_image = rng.random() < 0.4
            self.add(
                Spacecraft(
                    id=pk,
                    name=f"{config.name} {serials[config.id]}",
                    serial_number=f"SN-{config.id:03d}-{serials[config.id]:03d}",
                    is_placeholder=rng.random() < 0.01,
                    image=self.image(config.name) if own_image else config.image,
                    status_id=status,
                    description=f"{config.name} number {serials[config.id]}. {prose(rng, 2)}",
                    spacecraft_config_id=config.id,
                )
            )
            for flight in flights:
                self.flight(pk, config, flight, pads)

    def flight(self, spacecraft_id: int, config: SpacecraftConfig, flight: Flight, pads) -> None:
        rng = self.rng
        pk = self.next_id(SpacecraftFlight)
        launched = flight.net <= self.now
        status = rng.choice(PAST_LAUNCH_STATUSES if launched else (1, 2))
        launch = self.launch(config, flight.net, status, pads)
        landing = None
        if flight.mission_end is not None and rng.random() < 0.4:
            landing = self.landing()
        self.add(
            SpacecraftFlight(
                id=pk,
                spacecraft_id=spacecraft_id,
                launch=launch,
                landing=landing,
                destination=rng.choice(["Low Earth Orbit", "International Space Station", None]),
                mission_end=flight.mission_end,
            )
        )
        if launched and rng.random() < 0.3:
            self.docking(pk, flight)

    def launch(self, config: SpacecraftConfig, net: datetime, status: int, pads) -> Launch:
        rng = self.rng
        pk = uuid.UUID(int=rng.getrandbits(128), version=4)
        number = self.next_id(Launch)
        mission = f"{config.name} Mission {number}"
        name = f"{self.template['rocket']['configuration']['name']} | {mission}"
        status_name, abbrev, description = LAUNCH_STATUSES[status]
        provider = self.rows[Agency][config.agency_id - 1]  # agencies are numbered from 1
        document = {
            **self.template,
            "id": str(pk),
            "url": f"{LL2}/launches/{pk}/",
            "name": name,
            "slug": slug(name),
            "launch_designator": f"{net.year}-{number % 1000:03d}" if net <= self.now else None,
            "status": {
                "id": status,
                "name": status_name,
                "abbrev": abbrev,
                "description": description,
            },
            "last_updated": iso(self.now),
            "net": iso(net),
            "window_end": iso(net + timedelta(hours=2)),
            "window_start": iso(net),
            "launch_service_provider": {
                "response_mode": "list",
                "id": provider.id,
                "url": f"{LL2}/agencies/{provider.id}/",
                "name": provider.name,
                "abbrev": provider.abbrev,
                "type": {"id": provider.type_id, "name": AGENCY_TYPES[provider.type_id]},
            },
            "rocket": {**self.template["rocket"], "id": 10000 + number},
            "mission": {**self.template["mission"], "id": number, "name": mission},
            "pad": rng.choice(pads),
        }
        launch = Launch(id=pk, name=name, net=net, status_id=status, document=document)
        self.add(launch)
        return launch

    def landing(self) -> Landing:
        rng = self.rng
        attempt = rng.random() < 0.95
        landing = Landing(
            id=self.next_id(Landing),
            attempt=attempt,
            success=(rng.random() < 0.95) if attempt else None,
            description=prose(rng, 1),
            downrange_distance=rng.choice([None, round(rng.uniform(5, 600), 1)]),
            landing_location_id=rng.randint(1, LANDING_LOCATIONS),
            type_id=rng.choice(LANDING_TYPES)[0],
        )
        self.add(landing)
        return landing

    def docking(self, flight_id: int, flight: Flight) -> None:
        rng = self.rng
        docking = flight.net + span(rng, timedelta(hours=3), timedelta(hours=50))
        end = flight.mission_end
        if docking >= (end or self.now):
            return
        departure = None
        if end is not None:
            departure = docking + span(rng, (end - docking) / 2, (end - docking) * 0.95)
        port = rng.choice(list(DOCKING_PORTS))
        self.add(
            DockingEvent(
                id=self.next_id(DockingEvent),
                flight_vehicle_chaser_id=flight_id,
                docking=docking,
                departure=departure,
                docking_location_id=port,
                space_station_target_id=18 if port == 4 else 4,
            )
        )

    # --- writing ----------------------------------------------------------------------------

    def write(self) -> None:
        """The importer's write order (referenced tables first), then the many-to-many links."""
        links = [model for model in self.rows if model._meta.auto_created]
        order = [*write_order(), *links]
        assert set(order) >= set(self.rows), "a generated model is not a table of the catalog"
        for model in order:
            model.objects.bulk_create(self.rows.get(model, []), batch_size=WRITE_BATCH)


def build(count: int) -> dict[str, int]:
    """Write a catalog of ``count`` spacecraft into an empty, migrated database, then compute
    the statistics; all or nothing. Returns the number of rows written per model."""
    catalog = Catalog(random.Random(SEED), datetime.now(UTC).replace(microsecond=0))
    catalog.lookups()
    catalog.agencies()
    catalog.families()
    catalog.configs()
    catalog.landing_locations()
    catalog.stations()
    catalog.spacecraft(count)
    with transaction.atomic():
        catalog.write()
        ids = [craft.id for craft in catalog.rows[Spacecraft]]
        for start in range(0, len(ids), REFRESH_BATCH):
            stats.refresh_spacecraft(ids[start : start + REFRESH_BATCH], catalog.now)
    return {model._meta.object_name: len(rows) for model, rows in catalog.rows.items()}
