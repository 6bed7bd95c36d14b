"""The filters of the launch lists, applied to a small catalog that each filter splits: every
parameter the official document lists is checked against the launches Python picks from the
same rows, and every malformed value is an error naming its parameter."""

from __future__ import annotations

import operator
from datetime import timedelta
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from django.utils import timezone

from hangar.core.filters import COMPARISONS
from hangar.launches.filters import ATTEMPT_COUNTS, LaunchFilter, UpcomingLaunchFilter
from hangar.ll2.schema import openapi
from tests import factories as f
from tests import launch_factories as lf
from tests import models as m
from tests import people_factories as pf

PAGING_AND_SHAPE = {"limit", "offset", "ordering", "search", "mode", "format"}
FILTERSETS = {
    "/2.3.0/launches/": LaunchFilter,
    "/2.3.0/launches/upcoming/": UpcomingLaunchFilter,
    "/2.3.0/launches/previous/": LaunchFilter,
}
COMPARE = {
    "exact": operator.eq,
    "gt": operator.gt,
    "gte": operator.ge,
    "lt": operator.lt,
    "lte": operator.le,
}


def filtered(filterset, data):
    """The filterset as a request's query string gives it its values (lists repeated)."""
    return filterset(data=QueryDict(urlencode(data, doseq=True)), queryset=m.Launch.objects.all())


def counts(index: int | None) -> dict:
    """Distinct attempt counts for the ``index``-th launch; none for ``None``."""
    return {
        name: None if index is None else 10 * index + position
        for position, name in enumerate(ATTEMPT_COUNTS)
    }


def build_catalog() -> SimpleNamespace:
    """Six launches from two locations on two bodies, by three providers, on two rockets, with
    missions to low Earth orbit, a suborbital hop and the Moon, crewed and uncrewed spacecraft
    flights, boosters, video links and programs; two of them within a day of now."""
    c = SimpleNamespace()
    c.spacex = f.agency(name="SpaceX")
    c.nasa = f.agency(name="NASA")
    c.rocketlab = f.agency(name="Rocket Lab")
    moon = lf.celestial_body(id=2, name="Moon")
    mars = lf.celestial_body(id=3, name="Mars")
    earth_site = lf.location(name="Cape")
    mars_site = lf.location(name="Jezero", celestial_body=mars)
    pad_1, pad_2 = lf.pad(location=earth_site), lf.pad(location=earth_site)
    mars_pad = lf.pad(location=mars_site)
    falcon = lf.launcher_config(
        name="Falcon 9", full_name="Falcon 9 Block 5", manufacturer=c.spacex
    )
    electron = lf.launcher_config(
        name="Electron", full_name="Electron KS", manufacturer=c.rocketlab
    )
    lunar = m.Orbit.objects.create(id=30, name="Lunar Orbit", abbrev="LO", celestial_body=moon)
    leo_mission = lf.mission(agencies=[c.nasa])
    c.hop = lf.mission(orbit=lf.suborbital())
    moon_mission = lf.mission(orbit=lunar, agencies=[c.rocketlab])
    c.programs = [lf.program(), lf.program()]
    now = timezone.now()
    plan = [
        (f.at("2020-03-05T10:00:00"), 3, pad_1, c.spacex, falcon, leo_mission, c.programs[:1]),
        (f.at("2021-07-15T12:00:00"), 4, pad_2, c.spacex, falcon, c.hop, c.programs),
        (f.at("2022-03-20T00:30:00"), 1, mars_pad, c.rocketlab, electron, moon_mission, ()),
        (f.at("2023-12-05T23:00:00"), None, pad_1, c.nasa, electron, None, c.programs[1:]),
        (now - timedelta(hours=2), 6, pad_2, c.spacex, falcon, leo_mission, ()),
        (now + timedelta(days=3), 2, pad_1, c.rocketlab, electron, None, ()),
    ]
    c.launches = [
        lf.launch(
            net,
            status,
            pad,
            provider,
            config,
            mission,
            programs,
            launch_designator=f"{net.year}-{index:03d}A",
            window_start=net - timedelta(hours=1),
            window_end=net + timedelta(hours=index),
            last_updated=net + timedelta(days=index),
            **counts(None if index == 3 else index),
        )
        for index, (net, status, pad, provider, config, mission, programs) in enumerate(plan)
    ]
    add_flights_boosters_and_links(c)
    return c


def add_flights_boosters_and_links(c: SimpleNamespace) -> None:
    """Crewed and uncrewed flights, a booster flown twice, and video links of launches and of
    a mission."""
    first, second, third, _, recent, _ = c.launches
    c.crew_dragon = f.config(name="Crew Dragon")
    c.endeavour = f.spacecraft(name="Endeavour", spacecraft_config=c.crew_dragon)
    c.cargo = f.spacecraft(name="Cargo Dragon C209")
    pf.crew(f.flight(c.endeavour, None, launch=first), "launch", [pf.seat()])
    f.flight(c.cargo, None, launch=second)
    pf.crew(f.flight(c.endeavour, None, launch=recent), "launch", [pf.seat()])
    f.flight(c.cargo, None, launch=recent)
    reused = lf.launcher(serial_number="B1058")
    lf.first_stage(first, reused)
    lf.first_stage(second, reused)
    lf.first_stage(second, lf.launcher(serial_number="B1060"))
    lf.first_stage(third, lf.launcher(serial_number="B1062"))
    m.VidURL.objects.create(launch=first, url="https://video.example/first")
    m.VidURL.objects.create(launch=third, url="https://video.example/third")
    m.VidURL.objects.create(mission=c.hop, url="https://video.example/mission")


@pytest.fixture
def catalog(db):
    return build_catalog()


# --- what each parameter should pick, computed from the rows ------------------------------------


def provider_agencies(launch) -> set:
    agencies = {launch.launch_service_provider}
    if launch.mission:
        agencies |= set(launch.mission.agencies.all())
    return agencies


def flown_spacecraft(launch) -> list:
    return [flight.spacecraft for flight in launch.spacecraft_flights.all()]


def orbit(launch):
    return launch.mission.orbit if launch.mission else None


def video_urls(launch) -> set[str]:
    return set(m.VidURL.objects.filter(launch=launch).values_list("url", flat=True))


def serials(launch) -> set[str]:
    return {stage.launcher.serial_number for stage in launch.rocket.launcher_stage.all()}


def identity_cases(c) -> dict:
    first, second, third = c.launches[:3]
    return {
        "id": [({"id": f"{first.pk},{third.pk}"}, lambda x: x.pk in {first.pk, third.pk})],
        "name": [({"name": second.name}, lambda x: x.name == second.name)],
        "slug": [({"slug": third.slug}, lambda x: x.slug == third.slug)],
        "launch_designator": [
            (
                {"launch_designator": f"{first.launch_designator},{third.launch_designator}"},
                lambda x: x.launch_designator in {first.launch_designator, third.launch_designator},
            )
        ],
        "status": [({"status": 4}, lambda x: x.status_id == 4)],
        "status__ids": [({"status__ids": "1,3"}, lambda x: x.status_id in {1, 3})],
    }


def agency_cases(c) -> dict:
    return {
        "lsp__id": [
            (
                {"lsp__id": f"{c.nasa.pk},{c.rocketlab.pk}"},
                lambda x: x.launch_service_provider in {c.nasa, c.rocketlab},
            )
        ],
        "lsp__name": [
            ({"lsp__name": "SpaceX"}, lambda x: x.launch_service_provider.name == "SpaceX")
        ],
        "related_lsp__id": [
            ({"related_lsp__id": str(c.nasa.pk)}, lambda x: c.nasa in provider_agencies(x)),
            (
                {"related_lsp__id": f"{c.rocketlab.pk},{c.nasa.pk}"},
                lambda x: bool({c.nasa, c.rocketlab} & provider_agencies(x)),
            ),
        ],
        "related_lsp__name": [
            ({"related_lsp__name": "NASA"}, lambda x: c.nasa in provider_agencies(x)),
        ],
    }


def rocket_cases(c) -> dict:
    falcon = c.launches[0].rocket.configuration

    def config(x):
        return x.rocket.configuration

    return {
        "launcher_config__id": [
            ({"launcher_config__id": str(falcon.pk)}, lambda x: config(x) == falcon)
        ],
        "rocket__configuration__id": [
            ({"rocket__configuration__id": falcon.pk}, lambda x: config(x) == falcon)
        ],
        "rocket__configuration__name": [
            ({"rocket__configuration__name": "Electron"}, lambda x: config(x).name == "Electron")
        ],
        "rocket__configuration__full_name": [
            (
                {"rocket__configuration__full_name": "Falcon 9 Block 5"},
                lambda x: config(x).full_name == "Falcon 9 Block 5",
            )
        ],
        "rocket__configuration__full_name__icontains": [
            (
                {"rocket__configuration__full_name__icontains": "block"},
                lambda x: "block" in config(x).full_name.lower(),
            )
        ],
        "rocket__configuration__manufacturer__name": [
            (
                {"rocket__configuration__manufacturer__name": "Rocket Lab"},
                lambda x: config(x).manufacturer.name == "Rocket Lab",
            )
        ],
        "rocket__configuration__manufacturer__name__icontains": [
            (
                {"rocket__configuration__manufacturer__name__icontains": "spacex"},
                lambda x: "spacex" in config(x).manufacturer.name.lower(),
            )
        ],
        "serial_number": [
            ({"serial_number": "B1058"}, lambda x: "B1058" in serials(x)),
            ({"serial_number": "B1060,B1062"}, lambda x: bool({"B1060", "B1062"} & serials(x))),
        ],
    }


def spacecraft_cases(c) -> dict:
    return {
        "rocket__spacecraftflight__spacecraft__id": [
            (
                {"rocket__spacecraftflight__spacecraft__id": c.cargo.pk},
                lambda x: c.cargo in flown_spacecraft(x),
            )
        ],
        "rocket__spacecraftflight__spacecraft__name": [
            (
                {"rocket__spacecraftflight__spacecraft__name": "Endeavour"},
                lambda x: c.endeavour in flown_spacecraft(x),
            )
        ],
        "rocket__spacecraftflight__spacecraft__name__icontains": [
            (
                {"rocket__spacecraftflight__spacecraft__name__icontains": "dragon"},
                lambda x: any("dragon" in s.name.lower() for s in flown_spacecraft(x)),
            )
        ],
        "spacecraft_config__ids": [
            (
                {"spacecraft_config__ids": f"{c.crew_dragon.pk},999999"},
                lambda x: any(s.spacecraft_config == c.crew_dragon for s in flown_spacecraft(x)),
            )
        ],
        "is_crewed": [
            (
                {"is_crewed": value},
                lambda x, crewed=crewed: (
                    crewed
                    == any(flight.launch_crew.exists() for flight in x.spacecraft_flights.all())
                ),
            )
            for value, crewed in (("true", True), ("false", False), ("FALSE", False))
        ],
    }


def place_cases(c) -> dict:
    pad = c.launches[0].pad
    cape = pad.location
    return {
        "pad": [({"pad": pad.pk}, lambda x: x.pad == pad)],
        "pad__location": [({"pad__location": cape.pk}, lambda x: x.pad.location == cape)],
        "location__ids": [
            ({"location__ids": f"{cape.pk},999999"}, lambda x: x.pad.location == cape)
        ],
        "pad__location__celestial_body__id": [
            (
                {"pad__location__celestial_body__id": 3},
                lambda x: x.pad.location.celestial_body_id == 3,
            )
        ],
    }


def mission_cases(c) -> dict:
    return {
        "mission__orbit__name": [
            (
                {"mission__orbit__name": "Low Earth Orbit"},
                lambda x: orbit(x) is not None and orbit(x).name == "Low Earth Orbit",
            )
        ],
        "mission__orbit__name__icontains": [
            (
                {"mission__orbit__name__icontains": "ORBIT"},
                lambda x: orbit(x) is not None and "orbit" in orbit(x).name.lower(),
            )
        ],
        "mission__orbit__celestial_body__id": [
            (
                {"mission__orbit__celestial_body__id": 2},
                lambda x: orbit(x) is not None and orbit(x).celestial_body_id == 2,
            )
        ],
        "include_suborbital": [
            ({"include_suborbital": "true"}, lambda x: True),
            (
                {"include_suborbital": "false"},
                lambda x: orbit(x) is None or orbit(x).name != "Sub-Orbital",
            ),
        ],
        "program": [
            (
                {"program": [str(c.programs[1].pk)]},
                lambda x: c.programs[1] in x.program.all(),
            ),
            (
                {"program": [str(p.pk) for p in c.programs]},
                lambda x: bool(set(c.programs) & set(x.program.all())),
            ),
            (
                {"program": f"{c.programs[0].pk},{c.programs[1].pk}"},
                lambda x: bool(set(c.programs) & set(x.program.all())),
            ),
        ],
        "video_url": [
            (
                {"video_url": "https://video.example/first,https://video.example/mission"},
                lambda x: "https://video.example/first" in video_urls(x),
            )
        ],
    }


def time_cases(c) -> dict:
    cases = {
        "day": [({"day": "5,20"}, lambda x: x.net.day in {5, 20})],
        "month": [({"month": "3"}, lambda x: x.net.month == 3)],
        "year": [({"year": "2021,2023"}, lambda x: x.net.year in {2021, 2023})],
    }
    middle = c.launches[2]
    for column, lookups in (
        ("net", ("gt", "gte", "lt", "lte")),
        ("window_start", ("gt", "gte", "lt", "lte")),
        ("window_end", ("gt", "gte", "lt", "lte")),
        ("last_updated", ("gte", "lte")),
    ):
        value = getattr(middle, column)
        for lookup in lookups:
            cases[f"{column}__{lookup}"] = [
                (
                    {f"{column}__{lookup}": value.isoformat()},
                    lambda x, column=column, compare=COMPARE[lookup], value=value: compare(
                        getattr(x, column), value
                    ),
                )
            ]
    return cases


def count_cases(c) -> dict:
    cases = {}
    middle = c.launches[2]
    for column in ATTEMPT_COUNTS:
        value = getattr(middle, column)
        for lookup in COMPARISONS:
            name = column if lookup == "exact" else f"{column}__{lookup}"
            cases[name] = [
                (
                    {name: value},
                    lambda x, column=column, compare=COMPARE[lookup], value=value: (
                        getattr(x, column) is not None and compare(getattr(x, column), value)
                    ),
                )
            ]
    return cases


def upcoming_cases(c) -> dict:
    return {
        "hide_recent_previous": [
            ({"hide_recent_previous": "true"}, lambda x: x.net >= timezone.now()),
            ({"hide_recent_previous": "false"}, lambda x: True),
        ]
    }


CASE_GROUPS = (
    identity_cases,
    agency_cases,
    rocket_cases,
    spacecraft_cases,
    place_cases,
    mission_cases,
    time_cases,
    count_cases,
    upcoming_cases,
)


def all_cases(c) -> dict:
    cases = {}
    for group in CASE_GROUPS:
        cases.update(group(c))
    return cases


def test_every_parameter_has_cases(catalog):
    assert set(all_cases(catalog)) == set(UpcomingLaunchFilter.base_filters)


@pytest.mark.parametrize(
    ("filterset", "name"),
    [(fs, name) for fs in (LaunchFilter, UpcomingLaunchFilter) for name in sorted(fs.base_filters)],
)
def test_each_filter_picks_what_the_rows_say(catalog, filterset, name):
    cases = all_cases(catalog)[name]
    every = set(m.Launch.objects.values_list("pk", flat=True))
    splits = False
    for data, picks in cases:
        chosen = filtered(filterset, data)
        assert chosen.is_valid(), chosen.errors
        got = list(chosen.qs.values_list("pk", flat=True))
        expected = {launch.pk for launch in m.Launch.objects.all() if picks(launch)}
        assert len(got) == len(set(got)), f"{data}: a launch listed twice"
        assert set(got) == expected, data
        splits = splits or 0 < len(expected) < len(every)
    assert splits, f"no case of {name} tells launches apart"


@pytest.mark.parametrize("path", sorted(FILTERSETS))
def test_the_filters_are_the_documented_parameters(path):
    documented = {p["name"] for p in openapi()["paths"][path]["get"]["parameters"]}
    offered = set(FILTERSETS[path].base_filters)
    assert offered.isdisjoint(PAGING_AND_SHAPE)
    assert offered | (documented & PAGING_AND_SHAPE) == documented


def test_every_filter_is_explained():
    for name, declared in UpcomingLaunchFilter.base_filters.items():
        assert declared.extra.get("help_text"), name


MALFORMED = [
    ("lsp__id", "1.5"),
    ("lsp__id", "1,abc"),
    ("related_lsp__id", "x"),
    ("net__gte", "yesterday"),
    ("window_end__lt", "9999-12-31T23:59:59-05:00"),
    ("last_updated__lte", "2024-13-01T00:00:00Z"),
    ("is_crewed", "maybe"),
    ("include_suborbital", "yes"),
    ("status__ids", "1,x"),
    ("status", "2147483648"),
    ("id", "not-a-uuid"),
    ("program", ["1", "x"]),
    ("day", "1.5"),
    ("year", "99999999999999999999999"),
    ("pad", "abc"),
    ("orbital_launch_attempt_count__gt", "1.5"),
    ("pad_launch_attempt_count_year", "ten"),
    ("rocket__spacecraftflight__spacecraft__id", "abc"),
    ("spacecraft_config__ids", "1;2"),
    ("hide_recent_previous", "maybe"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "value"), MALFORMED)
def test_a_malformed_value_is_an_error_naming_its_parameter(name, value):
    chosen = filtered(UpcomingLaunchFilter, {name: value, "slug": "a-valid-neighbour"})
    assert not chosen.is_valid()
    assert list(chosen.errors) == [name]


def test_hide_recent_previous_narrows_to_launches_from_now_on(catalog):
    recent, ahead = catalog.launches[4:]
    kept = filtered(UpcomingLaunchFilter, {"hide_recent_previous": "true"}).qs
    assert recent not in kept
    assert ahead in kept
