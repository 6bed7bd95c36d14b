"""``payloads/``, ``payload_flights/`` and ``config/payload_types/``, and the payload flights
docking events nest: every documented filter, search and ordering against expectations computed
from the factory rows, bad values, the schema of every mode, query counts, and the import round
trip."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from hangar.core.registry import registry
from hangar.ingest.importer import import_documents
from hangar.launches import stats
from tests import contract
from tests import factories as f
from tests import launch_factories as lf
from tests import models as m
from tests.test_golden import UPSTREAM

PAYLOADS = "/2.3.0/payloads/"
FLIGHTS = "/2.3.0/payload_flights/"
TYPES = "/2.3.0/config/payload_types/"
DOCKINGS = "/2.3.0/docking_events/"
CATALOG_SIZE = 100
LAUNCHES = 30


def launches(number: int) -> list:
    """Launches a day apart, each with a rocket, a pad, a provider and a mission."""
    start = f.at("2015-03-01T12:00:00")
    body = lf.celestial_body(id=f.next_id(), name="Earth", image=f.image(variants=1))
    # The orbit's body is the pads' one, which LL2 nests in full under the pad's location (the
    # orbit nests too little of it for an import to create it).
    orbit = m.Orbit.objects.create(id=f.next_id(), name="Low Earth Orbit", celestial_body=body)
    return [
        lf.launch(
            start + timedelta(days=i),
            pad_row=lf.pad(location=lf.location(celestial_body=body)),
            mission_row=lf.mission(orbit=orbit),
            name=f"Mission {i:02}",
        )
        for i in range(number)
    ]


def build(number: int) -> dict:
    """The payloads domain on its launches, with the statistics the importer computes."""
    catalog = lf.payload_catalog(number, launches(LAUNCHES))
    stats.refresh([stats.ALL])
    return catalog


@pytest.fixture(scope="module")
def catalog(django_db_setup, django_db_blocker):
    """The payloads domain, built once for the module in a transaction that is rolled back
    after its last test."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build(CATALOG_SIZE)
        transaction.set_rollback(True)


@pytest.fixture
def served(catalog, db, api):
    return api


def get_json(api, path: str, **params) -> dict:
    response = api.get(path, {"format": "json", **params})
    assert response.status_code == 200, response.content[:500]
    return response.json()


def all_ids(api, path: str, **params) -> list:
    """The ids of every record the list answers, page after page, in its order."""
    found, offset = [], 0
    while True:
        body = get_json(api, path, limit=100, offset=offset, **params)
        found += [record["id"] for record in body["results"]]
        if body["next"] is None:
            return found
        offset += 100


def matching(rows, keep) -> list:
    """The primary keys of ``rows`` that ``keep`` keeps, in id order (the default ordering)."""
    return sorted(row.pk for row in rows if keep(row))


def flights_of(catalog, payload) -> list:
    return [flight for flight in catalog["flights"] if flight.payload_id == payload.pk]


def searched(rows, search: str, texts) -> list:
    """What DRF's search finds: rows where every word of the search is in one of ``texts(row)``
    (case-insensitively)."""
    words = search.lower().split()
    return matching(
        rows,
        lambda row: all(any(word in (text or "").lower() for text in texts(row)) for word in words),
    )


def payload_texts(catalog):
    def texts(row):
        flights = flights_of(catalog, row)
        return [
            row.name,
            row.manufacturer.name,
            row.operator.name,
            *[flight.destination for flight in flights],
            *[flight.launch.name for flight in flights],
        ]

    return texts


# --- the import round trip -------------------------------------------------------------------


def served_documents(api, paths) -> dict:
    """Every path's list at its richest level (all records fit in one page), and the detail view
    of each record."""
    documents = {}
    for path in paths:
        mode = modes(path)[-1]
        documents[path] = get_json(api, path, limit=100, **({"mode": mode} if mode else {}))
        for record in documents[path]["results"]:
            detail = f"{path}{record['id']}/"
            documents[detail] = get_json(api, detail)
    return documents


# These come first: the module's catalog, once built, stays until the module's last test.
@pytest.mark.parametrize("path", [TYPES, PAYLOADS, FLIGHTS])
def test_each_endpoint_round_trips_through_import(api, db, path):
    """Serve what the factories made, forget it, import the page, and serve it again: the same
    documents."""
    with transaction.atomic():
        build(6)
        before = served_documents(api, [path])
        transaction.set_rollback(True)
    assert before[path]["results"]
    page = {"request": f"GET {path}", "response": before[path]}
    report = import_documents(
        [(path, json.loads(json.dumps(page).replace("http://testserver", UPSTREAM)))]
    )
    assert report.records == len(before[path]["results"])
    assert json.dumps(served_documents(api, [path])) == json.dumps(before)


# --- payloads: filters, search, ordering ----------------------------------------------------


def test_every_payload_filter_keeps_what_the_rows_say(served, catalog):
    rows = catalog["payloads"]
    some = rows[23]
    program = catalog["programs"][3]
    cases = [
        (
            {"manufacturer__id": some.manufacturer_id},
            lambda r: r.manufacturer_id == some.manufacturer_id,
        ),
        (
            {"manufacturer__name": some.manufacturer.name},
            lambda r: r.manufacturer == some.manufacturer,
        ),
        ({"name": some.name}, lambda r: r.name == some.name),
        ({"operator": some.operator_id}, lambda r: r.operator_id == some.operator_id),
        ({"operator__id": some.operator_id}, lambda r: r.operator_id == some.operator_id),
        ({"operator__name": "Operator 4"}, lambda r: r.operator.name == "Operator 4"),
        ({"program__id": program.pk}, lambda r: program in r.program.all()),
        (
            {"operator__name": "Operator 8", "program__id": program.pk},
            lambda r: r.operator.name == "Operator 8" and program in r.program.all(),
        ),
    ]
    for params, keep in cases:
        expected = matching(rows, keep)
        assert expected, params
        for mode in ("list", "normal", "detailed"):
            assert all_ids(served, PAYLOADS, mode=mode, **params) == expected, (params, mode)


def test_unknown_ids_and_names_match_nothing(served, catalog):
    assert all_ids(served, PAYLOADS, manufacturer__id=999_999_999) == []
    assert all_ids(served, PAYLOADS, operator__name="Nobody") == []
    assert all_ids(served, FLIGHTS, payload=999_999_999) == []


@pytest.mark.parametrize(
    "search",
    ["relay", "builder 017", "operator 3", "iss", "low earth", "mission 07", "payload 04 iss"],
)
def test_payload_search_looks_in_the_documented_fields(served, catalog, search):
    expected = searched(catalog["payloads"], search, payload_texts(catalog))
    assert expected
    assert all_ids(served, PAYLOADS, search=search) == expected


def first_net(catalog, payload):
    nets = [flight.launch.net for flight in flights_of(catalog, payload)]
    return min(nets) if nets else None


def ordered(rows, value, descending: bool) -> list:
    """``rows`` ordered as Hangar orders them: nulls last ascending and first descending, ties
    by ascending id (Python's sort is stable, in reverse too)."""
    present = sorted((row for row in rows if value(row) is not None), key=lambda row: row.pk)
    present.sort(key=value, reverse=descending)
    absent = sorted(row.pk for row in rows if value(row) is None)
    ids = [row.pk for row in present]
    return absent + ids if descending else ids + absent


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("name", ["id", "name", "payloadflight__rocket__launch__net"])
def test_payload_ordering_by_each_documented_field(served, catalog, name, descending):
    values = {
        "id": lambda row: row.pk,
        "name": lambda row: row.name,
        "payloadflight__rocket__launch__net": lambda row: first_net(catalog, row),
    }
    expected = ordered(catalog["payloads"], values[name], descending)
    ordering = f"-{name}" if descending else name
    assert all_ids(served, PAYLOADS, ordering=ordering, mode="list") == expected


def test_a_payload_flown_twice_is_listed_once_at_its_first_flight(served, catalog):
    twice = catalog["payloads"][10]
    nets = sorted(flight.launch.net for flight in flights_of(catalog, twice))
    assert len(nets) == 2
    found = all_ids(served, PAYLOADS, ordering="payloadflight__rocket__launch__net")
    assert found.count(twice.pk) == 1
    assert all_ids(served, PAYLOADS, search=twice.name) == [twice.pk]


# --- payload flights and payload types ------------------------------------------------------


def test_payload_flights_filter_by_payload(served, catalog):
    for payload in (catalog["payloads"][10], catalog["payloads"][11], catalog["payloads"][15]):
        expected = sorted(flight.pk for flight in flights_of(catalog, payload))
        for mode in ("list", "normal", "detailed"):
            assert all_ids(served, FLIGHTS, payload=payload.pk, mode=mode) == expected
    assert len(all_ids(served, FLIGHTS)) == len(catalog["flights"])


def test_payload_types_search_and_ordering(served, catalog):
    rows = list(m.PayloadType.objects.all())
    assert all_ids(served, TYPES, search="type 7") == searched(rows, "type 7", lambda r: [r.name])
    assert all_ids(served, TYPES, ordering="-id")[:3] == [100, 99, 98]
    names = sorted(m.PayloadType.objects.values_list("name", "id"))
    assert all_ids(served, TYPES, ordering="name") == [pk for _, pk in names]


@pytest.mark.parametrize(
    "path, parameter, value",
    [
        (PAYLOADS, "manufacturer__id", "abc"),
        (PAYLOADS, "operator", "1.5"),
        (PAYLOADS, "operator__id", "x"),
        (PAYLOADS, "program__id", "2**70"),
        (PAYLOADS, "mode", "everything"),
        (FLIGHTS, "payload", "abc"),
        (FLIGHTS, "mode", "brief"),
    ],
)
def test_a_malformed_value_is_a_400_naming_the_parameter(api, db, path, parameter, value):
    response = api.get(path, {parameter: value})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert list(body) == [parameter]
    assert isinstance(body[parameter], list) and body[parameter][0]


# --- the schema of every level, and what the levels nest -----------------------------------


def modes(path: str) -> list:
    resource = next(r for r in registry.resources() if f"/2.3.0/{r.path}" == path)
    return list(resource.modes) if len(resource.modes) > 1 else [None]


@pytest.mark.parametrize(
    "path, mode", [(path, mode) for path in (PAYLOADS, FLIGHTS, TYPES) for mode in modes(path)]
)
def test_every_mode_matches_the_schema(served, path, mode):
    params = {"mode": mode} if mode else {}
    count = get_json(served, path, limit=1)["count"]
    for offset in (0, count - 100):
        body = get_json(served, path, limit=100, offset=offset, **params)
        assert len(body["results"]) == 100
        contract.check_response(path, body, mode)


@pytest.mark.parametrize("path", [PAYLOADS, FLIGHTS, TYPES])
def test_detail_views_match_the_schema(served, path):
    count = get_json(served, path, limit=1)["count"]
    for offset in (0, count // 2, count - 1):
        record = get_json(served, path, limit=1, offset=offset)["results"][0]
        detail = f"{path}{record['id']}/"
        contract.check_response(detail, get_json(served, detail))


def test_detailed_payload_flight_lists_its_dockings_as_the_chaser(served, catalog):
    flight = catalog["flights"][3]
    body = get_json(served, f"{FLIGHTS}{flight.pk}/")
    assert body["response_mode"] == "detailed"
    assert body["payload"]["response_mode"] == "detailed"
    assert body["payload"]["program"][0]["response_mode"] == "normal"
    expected = [e.pk for e in catalog["events"] if e.payload_flight_chaser_id == flight.pk]
    assert [event["id"] for event in body["docking_events"]] == expected
    event = body["docking_events"][0]
    assert event["space_station_target"]["id"] == catalog["station"].pk
    assert event["payload_flight_target"] is None


def test_docking_events_nest_their_payload_flights(served, catalog):
    target = next(e for e in catalog["events"] if e.payload_flight_target_id)
    chaser = next(e for e in catalog["events"] if e.payload_flight_chaser_id)
    normal = get_json(served, f"{DOCKINGS}{target.pk}/")
    assert normal["payload_flight_target"]["id"] == target.payload_flight_target_id
    assert normal["payload_flight_target"]["response_mode"] == "list"
    detailed = get_json(served, f"{DOCKINGS}{chaser.pk}/")
    assert detailed["payload_flight_chaser"]["id"] == chaser.payload_flight_chaser_id
    assert detailed["payload_flight_chaser"]["response_mode"] == "normal"
    assert detailed["payload_flight_chaser"]["payload"]["response_mode"] == "normal"
    listed = get_json(served, DOCKINGS, limit=100, mode="normal")["results"]
    contract.check_response(DOCKINGS, {"count": 100, "results": listed}, "normal")


def test_docking_events_search_the_payload_name(served, catalog):
    flight = catalog["flights"][6]
    expected = sorted(
        e.pk
        for e in catalog["events"]
        if flight.pk in (e.payload_flight_chaser_id, e.payload_flight_target_id)
    )
    assert len(expected) == 2
    assert all_ids(served, DOCKINGS, search=flight.payload.name) == expected


# --- query counts ----------------------------------------------------------------------------


def page_queries(api, path: str, mode: str | None, limit: int, count: int) -> int:
    params = {"limit": limit, "offset": count - limit, "format": "json"}
    if mode:
        params["mode"] = mode
    with CaptureQueriesContext(connection) as queries:
        response = api.get(path, params)
    assert response.status_code == 200
    assert len(response.json()["results"]) == limit
    return len(queries)


@pytest.mark.parametrize(
    "path, mode", [(path, mode) for path in (PAYLOADS, FLIGHTS, TYPES) for mode in modes(path)]
)
def test_a_page_of_ten_costs_what_a_page_of_a_hundred_does(served, path, mode):
    count = get_json(served, path, limit=1)["count"]
    assert count >= 100
    assert page_queries(served, path, mode, 10, count) == page_queries(
        served, path, mode, 100, count
    )
