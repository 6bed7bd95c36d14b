"""A synthetic spacecraft catalog shaped like Launch Library 2's, for the benchmark.

``build(count)`` writes ``count`` spacecraft and everything an API page nests around them: about
50 agencies with countries and images (some images with variants), about 200 configurations
with types and families (some families with a parent and a manufacturer), statuses and images of
the spacecraft, and about three flights per spacecraft on launches, some with a landing and some
with docking events at a space station. Each launch has a provider, a pad at a location on Earth
and a rocket of one of a few launcher configurations, so that the launch domain's nested objects
are served and filtered on too. The statistics of both domains are then computed from the
flights and launches, as an import computes them.

The random source is seeded, so two builds of the same size are the same catalog, dated relative
to the day they are built on. Import this module once Django is set up.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from django.db import transaction

from hangar.agencies.models import Agency, AgencyType, Country
from hangar.images.models import Image, ImageLicense, ImageVariant, ImageVariantType
from hangar.ingest.write import write_order
from hangar.landings.models import Landing, LandingLocation, LandingType
from hangar.launchers.models import LauncherConfig, LauncherConfigFamily
from hangar.launches import stats as launch_stats
from hangar.launches.models import Launch, LaunchStatus, Rocket
from hangar.places.models import CelestialBody, CelestialBodyType, Location, Pad
from hangar.spacecraft import stats
from hangar.spacecraft.models import (
    DockingEvent,
    DockingLocation,
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

LL2 = "https://ll.thespacedevs.com/2.3.0"
MEDIA = "https://thespacedevs-prod.nyc3.digitaloceanspaces.com/media/images"
SEED = 230

AGENCIES = 50
FAMILIES = 60
CONFIGS = 200
LOCATIONS = 3
PADS = 8
LAUNCHER_FAMILIES = 3
LAUNCHER_CONFIGS = 6
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
EARTH = 1
LOCATION_SITES = [
    (1, "Coastal Spaceport", 1, "America/New_York", 28.5, -80.6),
    (2, "Steppe Cosmodrome", 44, "Asia/Qyzylorda", 45.9, 63.3),
    (3, "Peninsula Launch Complex", 52, "Pacific/Auckland", -39.3, 177.9),
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
        self.add(CelestialBodyType(id=1, name="Planet"))
        self.add(
            CelestialBody(
                id=EARTH,
                name="Earth",
                type_id=1,
                diameter=12742000.0,
                mass=5.972168e24,
                gravity=9.80655,
                length_of_day="1 00:00:00",
                atmosphere=True,
                description="The third planet from the Sun.",
                wiki_url="https://en.wikipedia.org/wiki/Earth",
            )
        )
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

    def launcher_configs(self) -> None:
        """A few rocket models in a few families, made by the first agencies."""
        rng = self.rng
        for pk in range(1, LAUNCHER_FAMILIES + 1):
            self.add(
                LauncherConfigFamily(
                    id=pk,
                    name=f"{NAME_WORDS[-pk]} Rocket Family",
                    description=prose(rng, 1),
                    maiden_flight=date(rng.randint(1957, 2015), rng.randint(1, 12), 1),
                )
            )
            manufacturer = LauncherConfigFamily.manufacturer.through
            self.add(manufacturer(launcherconfigfamily_id=pk, agency_id=pk))
        for pk in range(1, LAUNCHER_CONFIGS + 1):
            family_id = (pk - 1) % LAUNCHER_FAMILIES + 1
            name = f"{NAME_WORDS[-family_id]} {pk}"
            self.add(
                LauncherConfig(
                    id=pk,
                    name=name,
                    full_name=f"{name} Block {pk}",
                    variant=f"Block {pk}",
                    manufacturer_id=family_id,
                    reusable=pk % 2 == 0,
                    description=prose(rng, 2),
                    min_stage=2,
                    max_stage=rng.randint(2, 3),
                    length=round(rng.uniform(30, 70), 1),
                    diameter=round(rng.uniform(2, 5), 1),
                    maiden_flight=date(rng.randint(1957, 2015), rng.randint(1, 12), 1),
                    leo_capacity=float(rng.randint(5000, 25000)),
                    wiki_url=f"https://en.wikipedia.org/wiki/{slug(name)}",
                )
            )
            families = LauncherConfig.families.through
            self.add(families(launcherconfig_id=pk, launcherconfigfamily_id=family_id))

    def places(self) -> None:
        """A few locations on Earth, their pads, and the landing locations off their coasts."""
        rng = self.rng
        for pk, name, country_id, timezone, latitude, longitude in LOCATION_SITES:
            self.add(
                Location(
                    id=pk,
                    name=name,
                    celestial_body_id=EARTH,
                    country_id=country_id,
                    description=prose(rng, 1),
                    latitude=latitude,
                    longitude=longitude,
                    timezone_name=timezone,
                )
            )
        for pk in range(1, PADS + 1):
            location_id = (pk - 1) % LOCATIONS + 1
            self.add(
                Pad(
                    id=pk,
                    name=f"Launch Complex {pk}",
                    location_id=location_id,
                    country_id=LOCATION_SITES[location_id - 1][2],
                    description=prose(rng, 1),
                    latitude=round(rng.uniform(-60, 60), 3),
                    longitude=round(rng.uniform(-180, 180), 3),
                    wiki_url=f"https://en.wikipedia.org/wiki/Launch_Complex_{pk}",
                )
            )
        for pk in range(1, LANDING_LOCATIONS + 1):
            self.add(
                LandingLocation(
                    id=pk,
                    name=f"{NAME_WORDS[pk]} Landing Zone",
                    active=pk % 4 != 0,
                    abbrev=f"LZ-{pk}",
                    description=prose(rng, 1),
                    location_id=(pk - 1) % LOCATIONS + 1 if pk % 3 else None,
                    longitude=round(rng.uniform(-180, 180), 3),
                    latitude=round(rng.uniform(-60, 60), 3),
                    celestial_body_id=EARTH,
                )
            )

    def stations(self) -> None:
        for pk, name in STATIONS.items():
            self.add(
                SpaceStation(
                    id=pk,
                    name=name,
                    status_id=STATION_STATUS["id"],
                    type_id=STATION_TYPE["id"],
                    founded=date(1998 + pk, 11, 20),
                    description=prose(self.rng, 2),
                    orbit="Low Earth Orbit",
                )
            )
        for pk, name in DOCKING_PORTS.items():
            station = 18 if name.startswith("Tianhe") else 4
            self.add(DockingLocation(id=pk, name=name, spacestation_id=station))

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
                self.flight(pk, config, flight)

    def flight(self, spacecraft_id: int, config: SpacecraftConfig, flight: Flight) -> None:
        rng = self.rng
        pk = self.next_id(SpacecraftFlight)
        launched = flight.net <= self.now
        status = rng.choice(PAST_LAUNCH_STATUSES if launched else (1, 2))
        launch = self.launch(config, flight.net, status)
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

    def launch(self, config: SpacecraftConfig, net: datetime, status: int) -> Launch:
        rng = self.rng
        pk = uuid.UUID(int=rng.getrandbits(128), version=4)
        number = self.next_id(Launch)
        rocket = Rocket(id=number, configuration_id=rng.randint(1, LAUNCHER_CONFIGS))
        self.add(rocket)
        name = f"{NAME_WORDS[number % len(NAME_WORDS)]} {rocket.configuration_id} | "
        name += f"{config.name} Mission {number}"
        launch = Launch(
            id=pk,
            name=name,
            slug=slug(name),
            launch_designator=f"{net.year}-{number % 1000:03d}" if net <= self.now else None,
            status_id=status,
            last_updated=self.now,
            net=net,
            window_start=net,
            window_end=net + timedelta(hours=2),
            launch_service_provider_id=config.agency_id,
            rocket=rocket,
            pad_id=rng.randint(1, PADS),
            webcast_live=False,
        )
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
    catalog.launcher_configs()
    catalog.places()
    catalog.stations()
    catalog.spacecraft(count)
    with transaction.atomic():
        catalog.write()
        ids = [craft.id for craft in catalog.rows[Spacecraft]]
        for start in range(0, len(ids), REFRESH_BATCH):
            stats.refresh_spacecraft(ids[start : start + REFRESH_BATCH], catalog.now)
        launch_stats.refresh([launch_stats.ALL], catalog.now)
    return {model._meta.object_name: len(rows) for model, rows in catalog.rows.items()}
