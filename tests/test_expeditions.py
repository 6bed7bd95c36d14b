"""``expeditions/`` and ``spacewalks/``: every documented filter, search and ordering field against
what the rows say, ``is_active`` at the instant of the request, spacewalk durations, the
expeditions a mission patch lists, and the import round trip. (Every mode's shape and query
count is checked over the whole catalog by ``test_contract.py``.)"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from hangar.launches import stats as launch_stats
from hangar.spacecraft import stats as spacecraft_stats
from tests import expedition_factories as ef
from tests import factories as f
from tests import launch_factories as lf
from tests import models as m
from tests import people_factories as pf
from tests.test_launchers import all_ids, matching, ordered, round_trip, searched

EXPEDITIONS = "/2.3.0/expeditions/"
SPACEWALKS = "/2.3.0/spacewalks/"
SIZE = 12


def small_catalog(number: int) -> dict:
    """Stations with owners, astronauts with agencies and nationalities, a spacecraft flight,
    programs and patches, and the expeditions and spacewalks of ``expedition_catalog``."""
    agencies = [f.agency(name=f"Agency {index}", abbrev=f"AG{index}") for index in range(3)]
    nations = [f.country(id=1), f.country(id=2, name="Canada")]
    nations[1].nationality_name = "Canadian"
    nations[1].save()
    stations = [f.space_station(owners=[agencies[i % 3]], name=f"Station {i}") for i in range(3)]
    people = [
        pf.astronaut(
            name=f"Astronaut {index:02}",
            agency=agencies[index % 3],
            nationality=[nations[index % 2]],
        )
        for index in range(number)
    ]
    # One flight: a round trip serves what the exported spacewalks name, and a configuration's
    # figures count only the flights Hangar holds.
    craft = f.spacecraft()
    start = f.at("2001-01-01T00:00:00")
    flights = [f.flight(craft, start, start + timedelta(days=30))]
    patches = [lf.mission_patch(name=f"Patch {i}") for i in range(3)]
    programs = [lf.program(name=f"Program {i}") for i in range(3)]
    # Statistics as the importer computes them, so that what is served survives a round trip.
    spacecraft_stats.refresh_spacecraft([craft.pk])
    launch_stats.refresh([launch_stats.ALL])
    built = {
        "stations": stations,
        "astronauts": people,
        "flights": flights,
        "patches": patches,
        "programs": programs,
    }
    return {**built, **ef.expedition_catalog(number, built)}


@pytest.fixture(scope="module")
def catalog(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield small_catalog(SIZE)
        transaction.set_rollback(True)


@pytest.fixture
def served(catalog, db, api):
    return api


def crew_astronauts(row) -> list:
    return [member.seat.astronaut for member in row.crew_members.all()]


def expeditions() -> list:
    return list(m.Expedition.objects.all())


def spacewalks() -> list:
    return list(m.Spacewalk.objects.all())


# --- expeditions ----------------------------------------------------------------------------


def expedition_cases(c) -> list:
    rows = expeditions()
    person = crew_astronauts(rows[2])[0]
    middle = rows[SIZE // 2]
    cases = [
        ({"crew__astronaut": person.pk}, lambda r: person in crew_astronauts(r)),
        (
            {"crew__astronaut__agency": person.agency_id},
            lambda r: any(a.agency_id == person.agency_id for a in crew_astronauts(r)),
        ),
        ({"name": rows[3].name}, lambda r: r.name == rows[3].name),
        (
            {"space_station": c["stations"][1].pk},
            lambda r: r.spacestation_id == c["stations"][1].pk,
        ),
    ]
    for name, value in (("start", middle.start), ("end", middle.end)):
        for lookup, keep in (
            ("gt", lambda a, b: a > b),
            ("gte", lambda a, b: a >= b),
            ("lt", lambda a, b: a < b),
            ("lte", lambda a, b: a <= b),
        ):
            cases.append(
                (
                    {f"{name}__{lookup}": value.isoformat()},
                    lambda r, n=name, k=keep, v=value: (
                        getattr(r, n) is not None and k(getattr(r, n), v)
                    ),
                )
            )
    return [(params, matching(rows, keep)) for params, keep in cases]


def test_every_documented_expedition_filter_keeps_what_the_rows_say(served, catalog):
    from hangar.people.resources.expeditions import ExpeditionFilter

    cases = expedition_cases(catalog)
    for params, expected in cases:
        assert expected, params
        assert all_ids(served, EXPEDITIONS, **params) == expected, params
    documented = {name for params, _ in cases for name in params}
    assert set(ExpeditionFilter.base_filters) == documented | {"is_active"}


def test_is_active_holds_the_expeditions_under_way_now(served, catalog):
    now = timezone.now()
    rows = expeditions()
    active = matching(rows, lambda r: r.start <= now and (r.end is None or r.end > now))
    assert active and len(active) < len(rows)
    assert any(r.end is None for r in rows if r.pk in active)
    assert all_ids(served, EXPEDITIONS, is_active="true") == active
    assert all_ids(served, EXPEDITIONS, is_active="false") == sorted(
        set(r.pk for r in rows) - set(active)
    )


def test_an_expedition_ending_now_is_no_longer_active(served, catalog):
    one = catalog["expeditions"][9]
    m.Expedition.objects.filter(pk=one.pk).update(end=timezone.now() - timedelta(seconds=1))
    assert one.pk not in all_ids(served, EXPEDITIONS, is_active="true")
    m.Expedition.objects.filter(pk=one.pk).update(start=timezone.now() + timedelta(days=1))
    assert one.pk not in all_ids(served, EXPEDITIONS, is_active="true")


def test_expedition_search_goes_through_the_crew_and_lists_each_once(served, catalog):
    rows = expeditions()

    def texts(attribute):
        return lambda r: " ".join(attribute(a) or "" for a in crew_astronauts(r))

    fields = [
        texts(lambda a: a.agency.abbrev),
        texts(lambda a: a.agency.name),
        texts(lambda a: a.name),
        texts(lambda a: " ".join(n.nationality_name for n in a.nationality.all())),
        lambda r: r.name,
    ]
    for term in ("AG1", "agency 2", "astronaut 03", "canadian", "expedition 004"):
        expected = searched(rows, term, *fields)
        assert expected, term
        assert all_ids(served, EXPEDITIONS, search=term) == expected, term


@pytest.mark.parametrize("name", ["end", "id", "start"])
def test_expedition_ordering_by_each_documented_field(served, catalog, name):
    rows = expeditions()
    for descending in (False, True):
        term = f"-{name}" if descending else name
        assert all_ids(served, EXPEDITIONS, ordering=term) == ordered(rows, name, descending)


def test_detailed_expedition_lists_its_crew_in_order_and_its_spacewalks(served, catalog):
    one = catalog["expeditions"][5]
    body = served.get(f"{EXPEDITIONS}{one.pk}/").json()
    assert body["response_mode"] == "detailed"
    assert [seat["id"] for seat in body["crew"]] == [
        member.seat_id for member in one.crew_members.all()
    ]
    assert [walk["id"] for walk in body["spacewalks"]] == [catalog["spacewalks"][5].pk]
    assert [owner["id"] for owner in body["spacestation"]["owners"]] == [
        owner.pk for owner in one.spacestation.owners.all()
    ]
    normal = served.get(EXPEDITIONS, {"ids": one.pk, "name": one.name}).json()["results"][0]
    assert normal["response_mode"] == "normal" and "crew" not in normal


def test_a_mission_patch_lists_the_expeditions_that_wear_it(served, catalog):
    patch = catalog["patches"][1]
    body = served.get(f"/2.3.0/mission_patches/{patch.pk}/").json()
    wearing = sorted(patch.expeditions.all(), key=lambda r: (r.start, r.pk))
    assert wearing
    assert [one["id"] for one in body["expeditions"]] == [r.pk for r in wearing]
    assert body["expeditions"][0]["response_mode"] == "normal"


# --- spacewalks -----------------------------------------------------------------------------


def spacewalk_cases(c) -> list:
    rows = spacewalks()
    walk, other = rows[4], rows[7]
    person = crew_astronauts(walk)[0]
    owner = c["stations"][2].owners.get()
    program = c["programs"][1]
    flight = walk.spacecraft_flight
    start = rows[SIZE // 2].start
    end = rows[SIZE // 2].end

    def compared(name, lookup, value):
        keep = {"gt": "__gt__", "gte": "__ge__", "lt": "__lt__", "lte": "__le__", "": "__eq__"}
        return lambda r: (
            getattr(r, name) is not None and getattr(getattr(r, name), keep[lookup])(value)
        )

    cases = [
        ({"astronaut__ids": person.pk}, lambda r: person in crew_astronauts(r)),
        (
            {"day": f"{walk.start.day},{other.start.day}"},
            lambda r: r.start.day in {walk.start.day, other.start.day},
        ),
        ({"month": walk.start.month}, lambda r: r.start.month == walk.start.month),
        ({"year": walk.start.year}, lambda r: r.start.year == walk.start.year),
        ({"end": end.isoformat()}, compared("end", "", end)),
        ({"event__ids": c["spacewalk_event"].pk}, lambda r: r.event_id == c["spacewalk_event"].pk),
        ({"id": walk.pk}, lambda r: r.pk == walk.pk),
        ({"ids": f"{walk.pk},{other.pk}"}, lambda r: r.pk in {walk.pk, other.pk}),
        (
            {"launch__ids": str(flight.launch_id)},
            lambda r: r.spacecraft_flight_id == flight.pk,
        ),
        ({"name": walk.name}, lambda r: r.name == walk.name),
        ({"name__contains": "EVA 2"}, lambda r: "EVA 2" in r.name),
        (
            {"owner__ids": owner.pk},
            lambda r: r.spacestation is not None and owner in r.spacestation.owners.all(),
        ),
        ({"program__ids": program.pk}, lambda r: program in r.program.all()),
        ({"program__name": program.name}, lambda r: program in r.program.all()),
        (
            {"program__name__contains": "ram 2"},
            lambda r: any("ram 2" in p.name for p in r.program.all()),
        ),
        (
            {"spacestation__ids": c["stations"][0].pk},
            lambda r: r.spacestation_id == c["stations"][0].pk,
        ),
    ]
    for name, value in (("start", start), ("end", end)):
        for lookup in ("gt", "gte", "lt", "lte"):
            cases.append(({f"{name}__{lookup}": value.isoformat()}, compared(name, lookup, value)))
    return [(params, matching(rows, keep)) for params, keep in cases]


def test_every_documented_spacewalk_filter_keeps_what_the_rows_say(served, catalog):
    from hangar.people.resources.spacewalks import SpacewalkFilter

    cases = spacewalk_cases(catalog)
    for params, expected in cases:
        assert expected, params
        assert all_ids(served, SPACEWALKS, **params) == expected, params
    assert set(SpacewalkFilter.base_filters) == {name for params, _ in cases for name in params}


def test_spacewalk_search_looks_in_the_documented_fields(served, catalog):
    rows = spacewalks()
    fields = [
        lambda r: " ".join(a.name for a in crew_astronauts(r)),
        lambda r: r.location,
        lambda r: r.name,
        lambda r: " ".join(p.name for p in r.program.all()),
    ]
    for term in ("astronaut 04", "quest", "eva 3", "program 0"):
        expected = searched(rows, term, *fields)
        assert expected, term
        assert all_ids(served, SPACEWALKS, search=term) == expected, term


@pytest.mark.parametrize("name", ["duration", "end", "id", "name", "start"])
def test_spacewalk_ordering_by_each_documented_field(served, catalog, name):
    rows = spacewalks()
    attribute = "duration_s" if name == "duration" else name
    for descending in (False, True):
        term = f"-{name}" if descending else name
        assert all_ids(served, SPACEWALKS, ordering=term) == ordered(rows, attribute, descending)


def test_spacewalk_duration_is_end_minus_start_else_as_imported(served, catalog):
    known = catalog["spacewalks"][5]
    assert known.end - known.start == timedelta(hours=5, minutes=5)
    body = served.get(f"{SPACEWALKS}{known.pk}/").json()
    assert body["duration"] == "PT5H5M"
    open_ended = catalog["spacewalks"][3]
    assert open_ended.end is None
    listed = served.get(SPACEWALKS, {"ids": open_ended.pk, "mode": "list"}).json()["results"]
    assert listed[0]["duration"] == "PT3H"


def test_spacewalks_default_to_the_normal_mode(served, catalog):
    body = served.get(SPACEWALKS, {"limit": 1}).json()["results"][0]
    assert body["response_mode"] == "normal"
    assert body["event"]["id"] == catalog["spacewalk_event"].pk
    assert "slug" not in body["event"]  # EventMini


@pytest.mark.parametrize(
    "path, parameter, value",
    [
        (EXPEDITIONS, "is_active", "yes"),
        (EXPEDITIONS, "start__gt", "last year"),
        (EXPEDITIONS, "space_station", "ISS"),
        (SPACEWALKS, "launch__ids", "not-a-uuid"),
        (SPACEWALKS, "year", "1965,x"),
        (SPACEWALKS, "mode", "everything"),
    ],
)
def test_a_malformed_value_is_a_400_naming_the_parameter(api, db, path, parameter, value):
    response = api.get(path, {parameter: value})
    assert response.status_code == 400
    assert list(response.json()) == [parameter]


# --- import ---------------------------------------------------------------------------------


def test_expeditions_and_spacewalks_round_trip_through_import(api, db):
    round_trip(api, [EXPEDITIONS, SPACEWALKS], lambda: small_catalog(3))


def test_an_imported_spacewalk_gets_its_duration_from_start_and_end(api, db):
    from hangar.ingest.importer import import_documents

    walk = {
        "id": 7,
        "name": "EVA",
        "start": "2020-01-01T10:00:00Z",
        "end": "2020-01-01T16:30:15Z",
        "duration": "PT1H",
        "location": None,
    }
    unknown = {**walk, "id": 8, "end": None}
    import_documents([("walks", {"request": f"GET {SPACEWALKS}", "response": [walk, unknown]})])
    assert m.Spacewalk.objects.get(pk=7).duration_s == 6 * 3600 + 30 * 60 + 15
    assert m.Spacewalk.objects.get(pk=8).duration_s == 3600
