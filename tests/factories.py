"""Plain functions that build synthetic catalog rows with the ORM.

Primary keys are upstream ids (no autoincrement), so each helper takes the next number of one
shared counter unless the test names an id. Lookups (statuses, types, licenses...) are created
on first use with fixed ids. Nothing here computes statistics: call ``stats.refresh_spacecraft``
after building flights, as the importer does.
"""

from __future__ import annotations

import itertools
import uuid
from datetime import UTC, datetime, timedelta

from tests import models as m

_ids = itertools.count(10_000)


def next_id() -> int:
    return next(_ids)


def at(text: str) -> datetime:
    """An aware UTC instant from ``YYYY-MM-DDTHH:MM:SS``."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def ago(**kwargs) -> datetime:
    return datetime.now(UTC) - timedelta(**kwargs)


def later(**kwargs) -> datetime:
    return datetime.now(UTC) + timedelta(**kwargs)


def status(id: int = 1, name: str = "Active") -> m.SpacecraftStatus:
    return m.SpacecraftStatus.objects.get_or_create(id=id, defaults={"name": name})[0]


def config_type(id: int = 1, name: str = "Capsule") -> m.SpacecraftConfigType:
    return m.SpacecraftConfigType.objects.get_or_create(id=id, defaults={"name": name})[0]


def agency_type(id: int = 1, name: str = "Government") -> m.AgencyType:
    return m.AgencyType.objects.get_or_create(id=id, defaults={"name": name})[0]


def launch_status(id: int = 3, name: str = "Launch Successful") -> m.LaunchStatus:
    return m.LaunchStatus.objects.get_or_create(id=id, defaults={"name": name})[0]


def country(id: int = 1, name: str = "United States of America") -> m.Country:
    return m.Country.objects.get_or_create(
        id=id, defaults={"name": name, "alpha_2_code": "US", "alpha_3_code": "USA"}
    )[0]


def image(variants: int = 0, **fields) -> m.Image:
    license_ = m.ImageLicense.objects.get_or_create(id=1, defaults={"name": "Unknown"})[0]
    variant_type = m.ImageVariantType.objects.get_or_create(id=1, defaults={"name": "Small"})[0]
    pk = fields.pop("id", None) or next_id()
    row = m.Image.objects.create(
        id=pk,
        name=fields.pop("name", f"image {pk}"),
        image_url=f"https://images.example/{pk}.jpg",
        thumbnail_url=f"https://images.example/{pk}-thumb.jpg",
        license=license_,
        **fields,
    )
    for _ in range(variants):
        m.ImageVariant.objects.create(
            id=next_id(),
            image=row,
            type=variant_type,
            image_url=f"https://images.example/{pk}-variant.jpg",
        )
    return row


def agency(countries: int = 0, images: bool = False, **fields) -> m.Agency:
    pk = fields.pop("id", None) or next_id()
    fields.setdefault("name", f"Agency {pk}")
    fields.setdefault("type", agency_type())
    if images:
        for name in ("image", "logo", "social_logo"):
            fields.setdefault(name, image(variants=1))
    row = m.Agency.objects.create(id=pk, **fields)
    if countries:
        row.countries.set(country(id=i + 1, name=f"Country {i + 1}") for i in range(countries))
    return row


def family(**fields) -> m.SpacecraftConfigFamily:
    pk = fields.pop("id", None) or next_id()
    fields.setdefault("name", f"Family {pk}")
    if "manufacturer" not in fields:
        fields["manufacturer"] = agency()
    return m.SpacecraftConfigFamily.objects.create(id=pk, **fields)


def config(families=(), **fields) -> m.SpacecraftConfig:
    pk = fields.pop("id", None) or next_id()
    fields.setdefault("name", f"Config {pk}")
    fields.setdefault("type", config_type())
    if "agency" not in fields:
        fields["agency"] = agency()
    row = m.SpacecraftConfig.objects.create(id=pk, **fields)
    if families:
        row.families.set(families)
    return row


def spacecraft(**fields) -> m.Spacecraft:
    """A spacecraft; its statistics default to a never-flown one unless given."""
    pk = fields.pop("id", None) or next_id()
    fields.setdefault("name", f"Spacecraft {pk}")
    fields.setdefault("status", status())
    if "spacecraft_config" not in fields:
        fields["spacecraft_config"] = config()
    fields.setdefault("time_in_space_s", 0)
    fields.setdefault("time_docked_s", 0)
    fields.setdefault("flights_count", 0)
    fields.setdefault("mission_ends_count", 0)
    return m.Spacecraft.objects.create(id=pk, **fields)


def launch(net: datetime | None, status_id: int | None = 3, **fields) -> m.Launch:
    """A launch with only what the spacecraft domain reads of it (no pad, rocket or mission:
    ``tests.launch_factories.launch`` builds those). Without a ``net``, one far in the past."""
    pk = fields.pop("id", None) or uuid.uuid4()
    status_row = launch_status(id=status_id) if status_id is not None else None
    fields.setdefault("name", f"Launch {pk}")
    fields.setdefault("slug", f"launch-{pk}")
    net = net or at("1950-01-01T00:00:00")
    for name in ("last_updated", "window_start", "window_end"):
        fields.setdefault(name, net)
    return m.Launch.objects.create(id=pk, net=net, status=status_row, **fields)


def landing_location() -> m.LandingLocation:
    from tests.launch_factories import celestial_body

    return m.LandingLocation.objects.get_or_create(
        id=1, defaults={"name": "Pacific Ocean", "celestial_body": celestial_body()}
    )[0]


def landing(attempt: bool = True, success: bool | None = True) -> m.Landing:
    kind = m.LandingType.objects.get_or_create(
        id=1, defaults={"name": "Splashdown", "abbrev": "SD"}
    )[0]
    return m.Landing.objects.create(
        id=next_id(),
        attempt=attempt,
        success=success,
        landing_location=landing_location(),
        type=kind,
    )


def flight(
    craft: m.Spacecraft,
    net: datetime | None,
    mission_end: datetime | None = None,
    with_landing: bool = False,
    **fields,
) -> m.SpacecraftFlight:
    """A flight of ``craft`` on a new launch at ``net``."""
    pk = fields.pop("id", None) or next_id()
    return m.SpacecraftFlight.objects.create(
        id=pk,
        spacecraft=craft,
        launch=fields.pop("launch", None) or launch(net),
        landing=landing() if with_landing else None,
        mission_end=mission_end,
        **fields,
    )


def docking_event(
    chaser: m.SpacecraftFlight, docking: datetime, departure: datetime | None = None
) -> m.DockingEvent:
    station = m.SpaceStation.objects.filter(id=4).first() or space_station(
        id=4, name="International Space Station"
    )
    location = m.DockingLocation.objects.get_or_create(
        id=1, defaults={"name": "Harmony", "spacestation": station}
    )[0]
    return m.DockingEvent.objects.create(
        id=next_id(),
        flight_vehicle_chaser=chaser,
        docking=docking,
        departure=departure,
        docking_location=location,
        space_station_target=station,
    )


def rich_spacecraft(number: int, flights: int = 2) -> list[m.Spacecraft]:
    """``number`` spacecraft with everything the detailed mode nests: images with variants,
    agencies with countries and images, families with manufacturers and parents, flights with
    landings. Each spacecraft has its own configuration, agency and images, so a query count that
    depends on the page size shows."""
    parent = family(manufacturer=agency(countries=1, images=True))
    crafts = []
    for index in range(number):
        fam = family(manufacturer=agency(countries=2, images=True), parent=parent)
        conf = config(
            agency=agency(countries=2, images=True),
            image=image(variants=2),
            families=[fam, parent],
        )
        craft = spacecraft(spacecraft_config=conf, image=image(variants=2))
        for n in range(flights):
            start = at("2000-01-01T00:00:00") + timedelta(days=100 * n + index)
            flight(craft, start, start + timedelta(days=10), with_landing=True)
        crafts.append(craft)
    return crafts


# --- the whole spacecraft domain, as the contract tests and the crawler need it ---------------


def documented_launch(template: dict, net: datetime, **fields) -> m.Launch:
    """A launch nesting every kind of object its levels serve (``rich_launch``); ``template``,
    a real LL2 launch, names the pad's location."""
    from tests.launch_factories import rich_launch

    return rich_launch(net, **fields)


def space_station(owners=(), **fields) -> m.SpaceStation:
    """A station with owners, its columns as LL2 gives them; its imported ``onboard_crew`` and
    ``docked_vehicles`` are served until Hangar holds its expeditions (docking events)."""
    pk = fields.pop("id", None) or next_id()
    name = fields.pop("name", f"Station {pk}")
    active = m.SpaceStationStatus.objects.get_or_create(id=1, defaults={"name": "Active"})[0]
    fields.setdefault("status", active)
    fields.setdefault(
        "type", m.SpaceStationType.objects.get_or_create(id=1, defaults={"name": "Government"})[0]
    )
    fields.setdefault("founded", at("1998-11-20T00:00:00").date())
    fields.setdefault("description", f"{name}, a modular space station in low Earth orbit.")
    fields.setdefault("orbit", "Low Earth Orbit")
    for column, value in {"height": 73.0, "width": 109.0, "mass": 420.0, "volume": 916}.items():
        fields.setdefault(column, value)
    fields.setdefault("onboard_crew", 7)
    fields.setdefault("docked_vehicles", 2)
    row = m.SpaceStation.objects.create(id=pk, name=name, **fields)
    row.owners.set(owners)
    return row


def docking_location(station: m.SpaceStation | None = None, **fields) -> m.DockingLocation:
    """A docking port of ``station`` (or of the spacecraft configuration or payload given)."""
    pk = fields.pop("id", None) or next_id()
    name = fields.pop("name", f"Port {pk}")
    return m.DockingLocation.objects.create(id=pk, name=name, spacestation=station, **fields)


def docking_between(
    chaser: m.SpacecraftFlight,
    port: m.DockingLocation,
    docking: datetime,
    departure: datetime | None = None,
    station: m.SpaceStation | None = None,
    target: m.SpacecraftFlight | None = None,
) -> m.DockingEvent:
    """A flight docking at ``port`` with a space station or with another flight."""
    return m.DockingEvent.objects.create(
        id=next_id(),
        flight_vehicle_chaser=chaser,
        docking=docking,
        departure=departure,
        docking_location=port,
        space_station_target=station,
        flight_vehicle_target=target,
    )


def lookup_rows(number: int) -> None:
    """``number`` rows of every config/ lookup (on top of those other helpers create)."""
    for model in (
        m.SpacecraftStatus,
        m.SpacecraftConfigType,
        m.AgencyType,
        m.ImageVariantType,
        m.SpaceStationStatus,
    ):
        for pk in range(1, number + 1):
            model.objects.get_or_create(id=pk, defaults={"name": f"{model.__name__} {pk}"})
    for model in (
        m.LaunchStatus,
        m.NetPrecision,
        m.MissionType,
        m.Language,
        m.InfoURLType,
        m.VidURLType,
        m.FirstStageType,
        m.NoticeType,
        m.RoadClosureStatus,
    ):
        for pk in range(1, number + 1):
            model.objects.get_or_create(id=pk, defaults={"name": f"{model.__name__} {pk}"})
    from tests.launch_factories import celestial_body

    for pk in range(1, number + 1):
        m.TimelineEventType.objects.get_or_create(id=pk, defaults={"abbrev": f"T-{pk}"})
        m.Orbit.objects.get_or_create(
            id=pk, defaults={"name": f"Orbit {pk}", "celestial_body": celestial_body()}
        )
    for pk in range(1, number + 1):
        m.ImageLicense.objects.get_or_create(id=pk, defaults={"name": f"License {pk}"})
        m.Country.objects.get_or_create(
            id=pk,
            defaults={"name": f"Country {pk}", "alpha_2_code": "XX", "alpha_3_code": "XXX"},
        )


def documented_landing_location(launch_template: dict) -> m.LandingLocation:
    """The landing location ``landing()`` uses, with everything LL2 serves of one: a location and
    a celestial body (with an image), those of the launch pad of ``launch_template``."""
    from tests.launch_factories import celestial_body

    place = launch_template["pad"]["location"]
    body = celestial_body(
        id=place["celestial_body"]["id"],
        name=place["celestial_body"]["name"],
        image=image(variants=1),
    )
    site = m.Location.objects.get_or_create(
        id=place["id"],
        defaults={
            "name": place["name"],
            "celestial_body": body,
            "timezone_name": place["timezone_name"],
        },
    )[0]
    fields = {
        "name": "Pacific Ocean",
        "active": True,
        "abbrev": "PAC",
        "description": "Splashdown zone in the Pacific Ocean.",
        "location": site,
        "longitude": -150.0,
        "latitude": 20.0,
        "successful_landings": 10,
        "attempted_landings": 10,
        "failed_landings": 0,
        "celestial_body": body,
    }
    return m.LandingLocation.objects.update_or_create(id=1, defaults=fields)[0]


def rich_catalog(number: int, launch_template: dict) -> dict:
    """Every kind of record of the spacecraft domain, ``number`` (or more) of each: spacecraft
    (``rich_spacecraft``) with three flights each on documented launches, landings, space stations
    with owners and ports, and docking events whose chaser is a flight and whose target is a
    station or another flight. Statistics are refreshed as the importer would."""
    from hangar.launches import stats as launch_stats
    from hangar.spacecraft import stats

    # Built first, so that each list's last records (which the query-count tests page through)
    # are the spacecraft domain's rich ones.
    launch_domain = launch_domain_catalog(number)
    documented_landing_location(launch_template)
    crafts = rich_spacecraft(number, flights=0)
    flights = []
    for index, craft in enumerate(crafts):
        for n in range(3):
            start = at("2001-01-01T00:00:00") + timedelta(days=100 * n + index)
            end = start + timedelta(days=10) if n < 2 else None  # the last one is still up
            launch_row = documented_launch(launch_template, start) if n == 0 else None
            flights.append(flight(craft, start, end, with_landing=n < 2, launch=launch_row))
    stations = []
    for index in range(number):
        owners = [crafts[index].spacecraft_config.agency]
        stations.append(space_station(owners=owners, name=f"Station-{index:03}"))
    for index, station in enumerate(stations):
        port = docking_location(station)
        first, second, third = flights[3 * index : 3 * index + 3]
        dock = first.launch.net + timedelta(days=1)
        docking_between(first, port, dock, dock + timedelta(days=5), station=station)
        docking_between(third, port, third.launch.net + timedelta(days=1), station=station)
        other = flights[(3 * index + 4) % len(flights)]
        docking_between(second, port, second.launch.net + timedelta(hours=6), target=other)
    lookup_rows(number)
    stats.refresh_spacecraft([craft.pk for craft in crafts])
    launch_stats.refresh([launch_stats.ALL])
    # The launch domain's catalogs hold flights of their own; "flights" is the spacecraft's.
    built = {**launch_domain, "spacecraft": crafts, "flights": flights, "stations": stations}
    from tests.dashboard_factories import dashboard_catalog
    from tests.event_factories import event_catalog
    from tests.expedition_factories import expedition_catalog
    from tests.people_factories import people_catalog

    for domain in (people_catalog, expedition_catalog, event_catalog, dashboard_catalog):
        built.update(domain(number, built))
    return built


def launch_domain_catalog(number: int) -> dict:
    """The launch domain beside the spacecraft one: ``number`` planned launches (so that
    ``launches/upcoming/`` has full pages), and the catalogs of the places, landings, launchers,
    programs and payloads domains; the launch statistics refreshed as the importer would."""
    from tests import launch_factories as lf

    planned = [lf.rich_launch(later(days=index + 1), status_id=1) for index in range(number)]
    landings = lf.landings_catalog(number)
    launchers = lf.launcher_catalog(number)
    payloads = lf.payload_catalog(number, planned)
    return {"planned": planned, **landings, **launchers, **payloads}
