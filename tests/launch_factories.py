"""Plain functions that build synthetic rows of the launch domain with the ORM: celestial
bodies, locations and pads, launcher configurations, families and boosters, programs, missions
and launches with their rockets and first stages.

Like ``tests.factories`` (whose id counter they share), each helper creates what it needs on
first use with fixed ids for lookups, and computes no statistic: refresh them as the importer
does (``hangar.launches.stats``) after building the launches a test needs.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from tests import factories as f
from tests import models as m

SUBORBITAL = 15  # LL2's id of the "Sub-Orbital" orbit
LEO = 8  # LL2's id of "Low Earth Orbit"


def body_type(id: int = 1, name: str = "Planet") -> m.CelestialBodyType:
    return m.CelestialBodyType.objects.get_or_create(id=id, defaults={"name": name})[0]


def celestial_body(id: int = 1, name: str = "Earth", **fields) -> m.CelestialBody:
    fields.setdefault("type", body_type())
    return m.CelestialBody.objects.get_or_create(id=id, defaults={"name": name, **fields})[0]


def location(**fields) -> m.Location:
    pk = fields.pop("id", None) or f.next_id()
    fields.setdefault("name", f"Location {pk}")
    fields.setdefault("celestial_body", celestial_body())
    fields.setdefault("timezone_name", "America/New_York")
    return m.Location.objects.create(id=pk, **fields)


def pad(agencies=(), **fields) -> m.Pad:
    pk = fields.pop("id", None) or f.next_id()
    fields.setdefault("name", f"Pad {pk}")
    if "location" not in fields:
        fields["location"] = location()
    row = m.Pad.objects.create(id=pk, **fields)
    row.agencies.set(agencies)
    return row


def orbit(id: int = LEO, name: str = "Low Earth Orbit", abbrev: str = "LEO") -> m.Orbit:
    return m.Orbit.objects.get_or_create(
        id=id, defaults={"name": name, "abbrev": abbrev, "celestial_body": celestial_body()}
    )[0]


def suborbital() -> m.Orbit:
    return orbit(SUBORBITAL, "Sub-Orbital", "Sub")


def mission(agencies=(), **fields) -> m.Mission:
    pk = fields.pop("id", None) or f.next_id()
    fields.setdefault("name", f"Mission {pk}")
    fields.setdefault("type", "Communications")
    if "orbit" not in fields:
        fields["orbit"] = orbit()
    row = m.Mission.objects.create(id=pk, **fields)
    row.agencies.set(agencies)
    return row


def program_type(id: int = 1, name: str = "Human Exploration") -> m.ProgramType:
    return m.ProgramType.objects.get_or_create(id=id, defaults={"name": name})[0]


def program(agencies=(), patches=(), **fields) -> m.Program:
    pk = fields.pop("id", None) or f.next_id()
    fields.setdefault("name", f"Program {pk}")
    fields.setdefault("type", program_type())
    row = m.Program.objects.create(id=pk, **fields)
    row.agencies.set(agencies)
    row.mission_patches.set(patches)
    return row


def mission_patch(**fields) -> m.MissionPatch:
    pk = fields.pop("id", None) or f.next_id()
    fields.setdefault("name", f"Patch {pk}")
    fields.setdefault("image_url", f"https://images.example/patch-{pk}.png")
    return m.MissionPatch.objects.create(id=pk, **fields)


def launcher_family(manufacturers=(), **fields) -> m.LauncherConfigFamily:
    pk = fields.pop("id", None) or f.next_id()
    fields.setdefault("name", f"Family {pk}")
    row = m.LauncherConfigFamily.objects.create(id=pk, **fields)
    row.manufacturer.set(manufacturers)
    return row


def launcher_config(families=(), programs=(), **fields) -> m.LauncherConfig:
    pk = fields.pop("id", None) or f.next_id()
    fields.setdefault("name", f"Rocket {pk}")
    fields.setdefault("full_name", fields["name"])
    if "manufacturer" not in fields:
        fields["manufacturer"] = f.agency()
    row = m.LauncherConfig.objects.create(id=pk, **fields)
    row.families.set(families)
    row.program.set(programs)
    return row


def launcher_status(id: int = 1, name: str = "Active") -> m.LauncherStatus:
    return m.LauncherStatus.objects.get_or_create(id=id, defaults={"name": name})[0]


def launcher(**fields) -> m.Launcher:
    """A booster."""
    pk = fields.pop("id", None) or f.next_id()
    fields.setdefault("serial_number", f"B{pk}"[:10])
    fields.setdefault("status", launcher_status())
    return m.Launcher.objects.create(id=pk, **fields)


def launch(
    net: datetime,
    status_id: int | None = 3,
    pad_row: m.Pad | None = None,
    provider: m.Agency | None = None,
    config: m.LauncherConfig | None = None,
    mission_row: m.Mission | None = None,
    programs=(),
    **fields,
) -> m.Launch:
    """A launch at ``net`` with a rocket, from ``pad_row`` (a new pad by default), by
    ``provider`` (a new agency by default), flying ``mission_row`` if given."""
    pk = fields.pop("id", None) or uuid.uuid4()
    fields.setdefault("name", f"Launch {pk}")
    fields.setdefault("slug", f"launch-{pk}")
    for name in ("last_updated", "window_start", "window_end"):
        fields.setdefault(name, net)
    rocket = m.Rocket.objects.create(id=f.next_id(), configuration=config or launcher_config())
    row = m.Launch.objects.create(
        id=pk,
        net=net,
        status=f.launch_status(id=status_id) if status_id is not None else None,
        pad=pad_row or pad(),
        launch_service_provider=provider or f.agency(),
        rocket=rocket,
        mission=mission_row,
        **fields,
    )
    row.program.set(programs)
    return row


def first_stage(launch_row: m.Launch, booster: m.Launcher, landing=None, **fields):
    fields.setdefault("type", "Core")
    return m.FirstStage.objects.create(
        id=fields.pop("id", None) or f.next_id(),
        rocket=launch_row.rocket,
        launcher=booster,
        landing=landing,
        **fields,
    )


def launcher_catalog(number: int) -> dict:
    """``number`` (or more) of every record of the launchers and programs domains, each nesting
    every kind of object its levels serve: programs with an image, agencies and a patch;
    families with a manufacturer (every other one French) and (but the first) a parent;
    configurations in two families and two programs (but the first), with a manufacturer and
    an image; boosters with a status, an image and a configuration. Figures vary with the
    index, some are null; ``number`` rows of each lookup."""
    for pk in range(1, number + 1):
        launcher_status(id=pk, name=f"Launcher status {pk}")
        program_type(id=pk, name=f"Program type {pk}")
    makers = [
        f.agency(countries=1, images=True, abbrev=f"MK{i}", name=f"Maker {i:03}")
        for i in range(number)
    ]
    france = m.Country.objects.get_or_create(
        id=75, defaults={"name": "France", "alpha_2_code": "FR", "alpha_3_code": "FRA"}
    )[0]
    for maker in makers[1::2]:
        maker.countries.set([france])
    patches, programs, families, configs, boosters = [], [], [], [], []
    for i, maker in enumerate(makers):
        patches.append(mission_patch(agency=maker, name=f"Patch {i:03}", priority=i % 5))
        programs.append(
            program(
                agencies=[maker],
                patches=[patches[-1]],
                name=f"Program {i:03}",
                image=f.image(variants=1),
                type=program_type(id=1 + i % 3),
            )
        )
        figures = {
            "total_launch_count": i % 7,
            "successful_launches": i % 5,
            "failed_launches": i % 3,
            "pending_launches": None if i % 4 == 0 else i % 4,
            "consecutive_successful_launches": i % 6,
            "attempted_landings": i % 8,
            "successful_landings": i % 6,
            "failed_landings": i % 2,
            "consecutive_successful_landings": i % 9,
        }
        families.append(
            launcher_family(
                manufacturers=[maker],
                name=f"Family {i:03}",
                parent=families[-1] if families else None,
                maiden_flight=datetime(1960 + i % 60, 1 + i % 12, 1).date(),
                **figures,
            )
        )
        configs.append(
            launcher_config(
                families=families[-2:],
                programs=programs[-2:],
                name=f"Rocket {i % 40:02}",
                full_name=f"Rocket {i % 40:02} Block {i % 3}",
                manufacturer=maker,
                image=f.image(variants=1),
                active=i % 2 == 0,
                is_placeholder=i % 10 == 0,
                launch_cost=None if i % 5 == 0 else 1_000_000 * i,
                leo_capacity=float(i * 100),
                maiden_flight=datetime(1960 + i % 60, 1 + i % 12, 1).date(),
                fastest_turnaround_s=None if i % 3 == 0 else 86400 * i,
                **figures,
            )
        )
        boosters.append(
            launcher(
                launcher_config=configs[-1],
                serial_number=f"B{1000 + i}",
                status=launcher_status(id=1 + i % 4),
                image=f.image(variants=1),
                flight_proven=i % 3 == 0,
                is_placeholder=i % 10 == 0,
                flights=i % 11,
                attempted_landings=i % 7,
                successful_landings=i % 5,
                first_launch_date=f.at(f"{2010 + i % 10}-01-01T00:00:00"),
                last_launch_date=f.at(f"{2020 + i % 5}-06-01T00:00:00"),
                fastest_turnaround_s=86400 * (i + 1),
            )
        )
    return {
        "makers": makers,
        "patches": patches,
        "programs": programs,
        "families": families,
        "configs": configs,
        "boosters": boosters,
    }


def payload_type(id: int = 1, name: str = "Communication Satellite") -> m.PayloadType:
    return m.PayloadType.objects.get_or_create(id=id, defaults={"name": name})[0]


def payload(programs=(), **fields) -> m.Payload:
    """A payload of a new manufacturer and operator unless given."""
    pk = fields.pop("id", None) or f.next_id()
    fields.setdefault("name", f"Payload {pk}")
    fields.setdefault("type", payload_type())
    for name in ("manufacturer", "operator"):
        if name not in fields:
            fields[name] = f.agency()
    row = m.Payload.objects.create(id=pk, **fields)
    row.program.set(programs)
    return row


def payload_flight(
    payload_row: m.Payload | None = None, launch_row: m.Launch | None = None, **fields
) -> m.PayloadFlight:
    """A flight of ``payload_row`` (a new payload by default) on ``launch_row`` (a new launch
    by default)."""
    return m.PayloadFlight.objects.create(
        id=fields.pop("id", None) or f.next_id(),
        payload=payload_row or payload(),
        launch=launch_row or launch(f.at("2020-01-01T00:00:00")),
        **fields,
    )


def landing_at(site: m.LandingLocation) -> m.Landing:
    """A successful landing at ``site``."""
    row = f.landing()
    row.landing_location = site
    row.save(update_fields=["landing_location"])
    return row


def payload_catalog(number: int, launches: list) -> dict:
    """``number`` payloads and payload flights (and payload types), each nesting every kind of
    object its levels serve: payloads with an image, a manufacturer of their own and one of ten
    operators (agencies with a country and images), and a program; flights on ``launches`` (in
    turn), every other one with a landing, each docking once as the chaser at a station's port,
    and every third one the target of a docking. Every tenth payload flies twice (its second
    flight on the next launch); every tenth (offset by five) never flies."""
    for pk in range(1, number + 1):
        payload_type(id=pk, name=f"Payload type {pk}")
    operators = [
        f.agency(countries=1, images=True, name=f"Operator {i}", abbrev=f"OP{i}") for i in range(10)
    ]
    programs = [
        program(agencies=[operators[i]], patches=[mission_patch()], image=f.image(variants=1))
        for i in range(5)
    ]
    station = f.space_station(owners=[operators[0]], name="Payload Station")
    body = celestial_body(id=f.next_id(), name="Earth", image=f.image(variants=1))
    site = m.LandingLocation.objects.create(
        id=f.next_id(),
        name="Recovery zone",
        location=location(celestial_body=body),
        celestial_body=body,
    )
    payloads, flights, events = [], [], []
    for i in range(number):
        payloads.append(
            payload(
                programs=[programs[i % 5]],
                name=f"Payload {i:03}" if i % 7 else f"Relay {i:03}",
                type=payload_type(id=1 + i % 4),
                manufacturer=f.agency(countries=1, images=True, name=f"Builder {i:03}"),
                operator=operators[i % 10],
                image=f.image(variants=1),
                cost=None if i % 4 == 0 else 1_000_000 * i,
                mass=None if i % 6 == 0 else 100.0 * i,
                description=f"Payload number {i}.",
            )
        )
    for i, row in enumerate(payloads):
        if i % 10 == 5:
            continue
        for n in range(2 if i % 10 == 0 else 1):
            flights.append(
                payload_flight(
                    row,
                    launches[(i + n) % len(launches)],
                    destination=("Low Earth Orbit", "ISS", None)[i % 3],
                    amount=1 + i % 3,
                    landing=landing_at(site) if i % 2 else None,
                )
            )
    for i, flight in enumerate(flights):
        port = f.docking_location(station)
        docked = flight.launch.net + timedelta(days=1)
        events.append(
            m.DockingEvent.objects.create(
                id=f.next_id(),
                payload_flight_chaser=flight,
                docking=docked,
                departure=docked + timedelta(days=30) if i % 2 else None,
                docking_location=port,
                space_station_target=station,
            )
        )
        if i % 3 == 0:
            events.append(
                m.DockingEvent.objects.create(
                    id=f.next_id(),
                    space_station_chaser=station,
                    docking=docked + timedelta(hours=1),
                    docking_location=port,
                    payload_flight_target=flight,
                )
            )
    return {
        "operators": operators,
        "programs": programs,
        "payloads": payloads,
        "flights": flights,
        "events": events,
        "station": station,
    }


def places_catalog(number: int) -> dict:
    """``number`` of every record of the places domain and of the landing lookups: body types,
    celestial bodies (each with a type and an image), a location on each body (a country but
    every fifth one, an image, figures that vary with the index, some null), a pad at each
    location (its own agency and a shared one, an image, a country, coordinates, figures),
    landing types, and landing locations (each with a location, its body and an image). Three
    countries (NZL, KAZ, FRA) share the locations and pads. The first body is Earth (id 1)."""
    countries = [
        m.Country.objects.get_or_create(
            id=pk, defaults={"name": name, "alpha_2_code": two, "alpha_3_code": three}
        )[0]
        for pk, name, two, three in [
            (554, "New Zealand", "NZ", "NZL"),
            (398, "Kazakhstan", "KZ", "KAZ"),
            (250, "France", "FR", "FRA"),
        ]
    ]
    shared = f.agency(countries=1, images=True, name="Shared Pad Agency")
    types = [body_type(id=pk, name=f"Body type {pk}") for pk in range(1, number + 1)]
    bodies, locations, pads, landing_locations = [], [], [], []
    for i in range(number):
        # The first is Earth, which ``location()`` and ``orbit()`` fall back on.
        bodies.append(
            celestial_body(
                id=1 if i == 0 else f.next_id(),
                name="Earth" if i == 0 else f"Body {i:03}",
                type=types[i % 3],
                image=f.image(variants=1),
                diameter=None if i % 4 == 0 else 1000.0 * i,
                atmosphere=i % 2 == 0,
                total_attempted_launches=i % 5,
            )
        )
        country = None if i % 5 == 0 else countries[i % 3]
        locations.append(
            location(
                name=f"Site {i:03}",
                celestial_body=bodies[-1],
                country=country,
                image=f.image(variants=1),
                latitude=-60.0 + i,
                longitude=-150.0 + 2 * i,
                total_launch_count=None if i % 6 == 0 else i % 9,
                total_landing_count=None if i % 7 == 0 else i % 4,
            )
        )
        pads.append(
            pad(
                agencies=[f.agency(countries=1, images=True, name=f"Pad agency {i:03}"), shared],
                name=f"LC-{i:03}",
                location=locations[-1],
                image=f.image(variants=1),
                country=country,
                latitude=-75.5 + 1.5 * i,
                longitude=-170.25 + 3 * i,
                total_launch_count=None if i % 8 == 0 else i % 10,
                orbital_launch_attempt_count=None if i % 9 == 0 else i % 6,
                fastest_turnaround_s=None if i % 3 == 0 else 3600 * (i + 1),
            )
        )
        m.LandingType.objects.get_or_create(
            id=i + 1, defaults={"name": f"Landing type {i + 1}", "abbrev": f"LT{i + 1}"}
        )
        landing_locations.append(
            m.LandingLocation.objects.create(
                id=f.next_id(),
                name=f"Zone {i:03}",
                abbrev=f"LZ-{i:03}",
                location=locations[-1],
                celestial_body=bodies[-1],
                image=f.image(variants=1),
                successful_landings=None if i % 4 == 0 else i % 5,
            )
        )
    return {
        "countries": countries,
        "bodies": bodies,
        "locations": locations,
        "pads": pads,
        "landing_locations": landing_locations,
    }


def landings_catalog(number: int) -> dict:
    """``places_catalog(number)`` and ``number`` landings at its landing locations: the even ones
    of first stages (a booster of its own configuration on a launch from one of the pads), the
    odd ones of spacecraft flights. Attempts, outcomes, types and distances vary with the
    index."""
    places = places_catalog(number)
    landings, stages, flights = [], [], []
    for i in range(number):
        row = m.Landing.objects.create(
            id=f.next_id(),
            attempt=i % 4 != 0,
            success=None if i % 4 == 0 else i % 3 != 0,
            description=f"Landing {i:03}",
            downrange_distance=None if i % 5 == 0 else 7.5 * (i % 13),
            landing_location=places["landing_locations"][i % 10],
            type_id=1 + i % 3,
        )
        landings.append(row)
        net = f.at("2020-01-01T00:00:00") + timedelta(days=i)
        if i % 2 == 0:
            booster = launcher(
                launcher_config=launcher_config(name=f"Booster rocket {i:03}"),
                serial_number=f"B{1000 + i}",
            )
            launch_row = launch(net, pad_row=places["pads"][i], name=f"Stage launch {i:03}")
            stages.append(first_stage(launch_row, booster, landing=row))
        else:
            craft = f.spacecraft(name=f"Capsule {i:03}", serial_number=f"C{i:03}")
            flights.append(
                m.SpacecraftFlight.objects.create(
                    id=f.next_id(),
                    spacecraft=craft,
                    launch=f.launch(net, slug=f"capsule-launch-{i:03}"),
                    landing=row,
                )
            )
    return {**places, "landings": landings, "stages": stages, "flights": flights}


def links(launch_row: m.Launch | None = None, mission_row: m.Mission | None = None) -> None:
    """An info and a video link (with type and language) of a launch or a mission."""
    language = m.Language.objects.get_or_create(id=1, defaults={"name": "English", "code": "en"})[0]
    info_type = m.InfoURLType.objects.get_or_create(id=1, defaults={"name": "Official"})[0]
    vid_type = m.VidURLType.objects.get_or_create(id=1, defaults={"name": "Official Webcast"})[0]
    owner = {"launch": launch_row, "mission": mission_row}
    m.InfoURL.objects.create(
        **owner, url="https://example.org/press-kit", type=info_type, language=language
    )
    m.VidURL.objects.create(
        **owner, url="https://example.org/webcast", type=vid_type, language=language, live=True
    )


def rich_launch(net: datetime, **fields) -> m.Launch:
    """A launch nesting every kind of object its levels serve: a provider with countries and
    images, a rocket whose configuration has families and programs, a first stage with a booster,
    a landing and a previous flight, a mission with an agency and links, a pad at a location, a
    program, links, an update, a timeline event and a mission patch. Statistics are left to
    ``hangar.launches.stats``."""
    maker = f.agency(countries=1, images=True)
    family = launcher_family(manufacturers=[maker])
    plan = program(agencies=[maker], patches=[mission_patch(agency=maker)], image=f.image())
    config = launcher_config(families=[family], programs=[plan], manufacturer=maker)
    flight_plan = mission(agencies=[maker], image=f.image(variants=1))
    links(mission_row=flight_plan)
    precision = m.NetPrecision.objects.get_or_create(
        id=0, defaults={"name": "Second", "abbrev": "SEC"}
    )[0]
    row = launch(
        net,
        pad_row=pad(agencies=[maker], country=f.country(), image=f.image()),
        provider=f.agency(countries=2, images=True),
        config=config,
        mission_row=flight_plan,
        programs=[plan],
        net_precision=precision,
        image=f.image(variants=1),
        **fields,
    )
    row.mission_patches.set([mission_patch(agency=maker)])
    links(launch_row=row)
    kind = m.TimelineEventType.objects.get_or_create(id=1, defaults={"abbrev": "LIFTOFF"})[0]
    m.TimelineEvent.objects.create(launch=row, type=kind, relative_time="P0D")
    m.Update.objects.create(id=f.next_id(), launch=row, comment="Go.", created_on=net)
    earlier = launch(net - timedelta(days=365), config=config)
    first_stage(row, launcher(launcher_config=config), landing=f.landing(), previous_flight=earlier)
    return row
