"""``landings/``, ``config/landing_types/`` and ``config/landing_locations/``: every documented
filter and search against expectations computed from the factory rows (landings of first
stages and of spacecraft flights), bad values, query counts of every mode, and the import round
trip."""

from __future__ import annotations

import operator

import pytest
from django.db import transaction

from hangar.launches import stats
from tests import contract
from tests import factories as f
from tests import launch_factories as lf
from tests import models as m
from tests.test_places import (
    all_ids,
    fresh,
    matching,
    ordered,
    page_queries,
    round_trip,
    searched,
)

LANDINGS = "/2.3.0/landings/"
TYPES = "/2.3.0/config/landing_types/"
LANDING_LOCATIONS = "/2.3.0/config/landing_locations/"
CATALOG_SIZE = 100


def attribute(path: str):
    """``row.a.b.c`` for ``a__b__c``, or None where a link of the chain is missing."""

    def read(row):
        value = row
        for name in path.split("__"):
            try:
                value = getattr(value, name)
            except Exception:  # a reverse one-to-one that does not exist
                return None
            if value is None:
                return None
        return value

    return read


def plain_landings(number: int) -> None:
    """``number`` landings at the landing locations of a small places catalog, of no stage or
    flight (those are not imported with a landing), with the statistics refreshed as an import
    refreshes them."""
    places = lf.places_catalog(number)
    for i, where in enumerate(places["landing_locations"]):
        m.Landing.objects.create(
            id=f.next_id(),
            attempt=True,
            success=i % 2 == 0,
            description=f"Landing {i}",
            downrange_distance=None if i == 0 else 600.5 * i,
            landing_location=where,
            type_id=1 + i,
        )
    stats.refresh({stats.ALL})


# --- import round trip (before the module's catalog exists, so that only its records are served)


def test_the_landings_domain_round_trips_through_import(api, db):
    round_trip(api, [TYPES, LANDING_LOCATIONS, LANDINGS], lambda: plain_landings(3))


@pytest.fixture(scope="module")
def catalog(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield lf.landings_catalog(CATALOG_SIZE)
        transaction.set_rollback(True)


@pytest.fixture
def served(catalog, db, api):
    return api


# --- filters, search and ordering --------------------------------------------------------------

FILTER_CASES = 14


def filter_cases(c) -> list:
    rows = fresh(m.Landing, c["landings"])
    flight = attribute("spacecraft_flight")
    stage = attribute("firststage")
    crafts = [c["flights"][1].spacecraft, c["flights"][4].spacecraft]
    configs = [craft.spacecraft_config_id for craft in crafts]
    launches = [str(c["flights"][2].launch_id), str(c["flights"][7].launch_id)]
    stage_launches = [str(s.rocket.launch.pk) for s in c["stages"][3:5]]
    boosters = [s.launcher for s in c["stages"][6:9]]
    where = [c["landing_locations"][2].pk, c["landing_locations"][5].pk]
    return [
        ("attempt", "true", matching(rows, lambda r: r.attempt)),
        ("attempt", "false", matching(rows, lambda r: not r.attempt)),
        ("success", "true", matching(rows, lambda r: r.success is True)),
        ("success", "false", matching(rows, lambda r: r.success is False)),
        (
            "landing_location__ids",
            ",".join(map(str, where)),
            matching(rows, lambda r: r.landing_location_id in where),
        ),
        ("landing_type__ids", "1,3", matching(rows, lambda r: r.type_id in {1, 3})),
        (
            "spacecraft__ids",
            ",".join(str(craft.pk) for craft in crafts),
            matching(rows, lambda r: flight(r) is not None and flight(r).spacecraft in crafts),
        ),
        (
            "spacecraft_config__ids",
            ",".join(map(str, configs)),
            matching(
                rows,
                lambda r: (
                    flight(r) is not None and flight(r).spacecraft.spacecraft_config_id in configs
                ),
            ),
        ),
        (
            "spacecraft_launch__ids",
            ",".join(launches),
            matching(
                rows, lambda r: flight(r) is not None and str(flight(r).launch_id) in launches
            ),
        ),
        (
            "firststage_launch__ids",
            ",".join(stage_launches),
            matching(
                rows,
                lambda r: stage(r) is not None and str(stage(r).rocket.launch.pk) in stage_launches,
            ),
        ),
        (
            "launcher__ids",
            ",".join(str(b.pk) for b in boosters),
            matching(rows, lambda r: stage(r) is not None and stage(r).launcher in boosters),
        ),
        (
            "launcher_config__ids",
            f"{boosters[0].launcher_config_id}",
            matching(
                rows,
                lambda r: (
                    stage(r) is not None
                    and stage(r).launcher.launcher_config_id == boosters[0].launcher_config_id
                ),
            ),
        ),
        (
            "launcher_serial_numbers",
            f"{boosters[1].serial_number},{boosters[2].serial_number}",
            matching(
                rows,
                lambda r: (
                    stage(r) is not None
                    and stage(r).launcher.serial_number
                    in {boosters[1].serial_number, boosters[2].serial_number}
                ),
            ),
        ),
        (
            "launcher_serial_numbers",
            "B9999",
            [],
        ),
    ]


@pytest.mark.parametrize("index", range(FILTER_CASES))
def test_every_landing_filter(served, catalog, index):
    name, value, expected = filter_cases(catalog)[index]
    assert all_ids(served, LANDINGS, mode="list", **{name: value}) == expected
    assert expected or value == "B9999", "a case that matches nothing proves nothing"


def test_the_cases_cover_every_documented_filter(catalog, db):
    from hangar.landings.resources.landings import LandingFilter

    cases = filter_cases(catalog)
    assert len(cases) == FILTER_CASES
    assert {name for name, _, _ in cases} == set(LandingFilter.base_filters)


SEARCHED = (
    "firststage__launcher__launcher_config__name",
    "firststage__launcher__serial_number",
    "firststage__rocket__launch__name",
    "landing_location__abbrev",
    "landing_location__name",
    "spacecraft_flight__launch__name",
    "spacecraft_flight__spacecraft__name",
    "spacecraft_flight__spacecraft__serial_number",
    "spacecraft_flight__spacecraft__spacecraft_config__name",
)


@pytest.mark.parametrize(
    "search",
    [
        "lz-003",
        "zone 005",
        "B1002",
        "stage launch 004",
        "booster rocket 006",
        "capsule 003",
        "c005",
    ],
)
def test_search(served, catalog, search):
    rows = fresh(m.Landing, catalog["landings"])
    expected = searched(rows, search, *map(attribute, SEARCHED))
    assert expected
    assert all_ids(served, LANDINGS, mode="list", search=search) == expected


def test_search_reaches_the_spacecraft_configuration_and_launch(served, catalog):
    flight = catalog["flights"][3]
    for text in (flight.spacecraft.spacecraft_config.name, flight.launch.name):
        assert flight.landing_id in all_ids(served, LANDINGS, mode="list", search=text)


@pytest.mark.parametrize("field", ["downrange_distance", "id"])
@pytest.mark.parametrize("descending", [False, True])
def test_every_documented_ordering(served, catalog, field, descending):
    rows = fresh(m.Landing, catalog["landings"])
    ordering = f"-{field}" if descending else field
    found = all_ids(served, LANDINGS, mode="list", ordering=ordering)
    assert found == ordered(rows, operator.attrgetter(field), descending)


def test_lookups_search_by_name_and_order_by_id_and_name(served, catalog):
    zones = fresh(m.LandingLocation, catalog["landing_locations"])
    assert all_ids(served, LANDING_LOCATIONS, search="zone 01") == searched(
        zones, "zone 01", operator.attrgetter("name")
    )
    assert all_ids(served, LANDING_LOCATIONS, ordering="-name") == ordered(
        zones, operator.attrgetter("name"), True
    )
    kinds = list(m.LandingType.objects.order_by("id"))
    assert all_ids(served, TYPES, ordering="-id") == [row.pk for row in reversed(kinds)]


@pytest.mark.parametrize(
    "parameter, value",
    [
        ("attempt", "maybe"),
        ("landing_type__ids", "splashdown"),
        ("firststage_launch__ids", "abc"),
        ("launcher__ids", "1,x"),
        ("launcher_config__ids", "1.5"),
        ("spacecraft_launch__ids", "12"),
        ("mode", "everything"),
    ],
)
def test_a_bad_value_is_a_400_naming_the_parameter(served, parameter, value):
    response = served.get(LANDINGS, {parameter: value})
    assert response.status_code == 400
    assert list(response.json()) == [parameter]


# --- what is served, and what it costs ----------------------------------------------------------


@pytest.mark.parametrize(
    "path, mode, checked",
    [
        # First stages are served as null for now, which the contract (one of first stage,
        # spacecraft flight and payload flight set) refuses for their landings.
        (LANDINGS, "list", False),
        (LANDINGS, "normal", False),
        (LANDINGS, "detailed", False),
        (TYPES, None, True),
        (LANDING_LOCATIONS, None, True),
    ],
)
def test_a_page_of_ten_and_of_a_hundred_cost_the_same_queries(served, path, mode, checked):
    small, large = page_queries(served, path, mode, check=checked)
    assert small == large


def test_a_spacecraft_landing_matches_the_schema_at_every_level(served, catalog):
    landing = catalog["flights"][0].landing
    detail = f"{LANDINGS}{landing.pk}/"
    contract.check_response(detail, served.get(detail, {"format": "json"}).json())
    for mode in ("list", "normal", "detailed"):
        page = served.get(
            LANDINGS,
            {
                "format": "json",
                "mode": mode,
                "spacecraft__ids": landing.spacecraft_flight.spacecraft_id,
            },
        )
        contract.check_response(LANDINGS, page.json(), mode)


def test_a_landing_location_nests_its_location_body_and_image(served, catalog):
    zone = catalog["landing_locations"][4]
    body = served.get(LANDING_LOCATIONS, {"format": "json", "search": zone.name}).json()
    (served_zone,) = body["results"]
    assert served_zone["abbrev"] == zone.abbrev
    assert served_zone["location"]["id"] == zone.location_id
    assert "celestial_body" not in served_zone["location"]
    assert served_zone["celestial_body"]["id"] == zone.celestial_body_id
    assert served_zone["celestial_body"]["response_mode"] == "normal"
    assert served_zone["image"]["id"] == zone.image_id
