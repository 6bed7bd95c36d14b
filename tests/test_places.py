"""``celestial_bodies/``, ``locations/``, ``pads/`` and ``config/celestial_body_types/``: the
real Sputnik 1 pad, every documented filter, search and ordering against expectations computed
from the factory rows, bad values, the contract and query counts of every mode, and the import
round trip."""

from __future__ import annotations

import json
import operator

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from hangar.core.registry import registry
from hangar.ingest.importer import import_documents
from tests import contract
from tests import launch_factories as lf
from tests import models as m
from tests.conftest import SPUTNIK_LAUNCH, sample
from tests.test_golden import UPSTREAM, as_served

BODIES = "/2.3.0/celestial_bodies/"
LOCATIONS = "/2.3.0/locations/"
PADS = "/2.3.0/pads/"
BODY_TYPES = "/2.3.0/config/celestial_body_types/"
CATALOG_SIZE = 100
COMPARE = {
    "exact": operator.eq,
    "gt": operator.gt,
    "gte": operator.ge,
    "lt": operator.lt,
    "lte": operator.le,
}


def all_ids(api, path: str, **params) -> list:
    """The ids of every record the list answers, page after page, in its order."""
    found, offset = [], 0
    while True:
        response = api.get(path, {"limit": 100, "offset": offset, "format": "json", **params})
        assert response.status_code == 200, response.content[:500]
        body = response.json()
        found += [record["id"] for record in body["results"]]
        if body["next"] is None:
            return found
        offset += 100


def matching(rows, keep) -> list:
    """The primary keys of ``rows`` that ``keep`` keeps, in id order (the default ordering)."""
    return sorted(row.pk for row in rows if keep(row))


def ordered(rows, value, descending: bool) -> list:
    """``rows`` ordered as Hangar orders them by ``value(row)``: nulls last ascending and first
    descending, ties by ascending id (Python's sort is stable, in reverse too)."""
    present = sorted((row for row in rows if value(row) is not None), key=lambda row: row.pk)
    present.sort(key=value, reverse=descending)
    absent = sorted(row.pk for row in rows if value(row) is None)
    ids = [row.pk for row in present]
    return absent + ids if descending else ids + absent


def comparisons(rows, column: str, lookups=tuple(COMPARE)) -> list[tuple[str, object, list]]:
    """One case per comparison of a numeric column, each with a value that keeps some rows:
    ``(parameter, value, expected ids)``."""
    values = sorted({getattr(row, column) for row in rows} - {None})
    assert len(values) > 2, column
    cases = []
    for lookup in lookups:
        value = {"gt": values[0], "lt": values[-1]}.get(lookup, values[len(values) // 2])
        name = column if lookup == "exact" else f"{column}__{lookup}"
        keep = lambda r, c=COMPARE[lookup], v=value: (  # noqa: E731
            getattr(r, column) is not None and c(getattr(r, column), v)
        )
        cases.append((name, value, matching(rows, keep)))
    return cases


def searched(rows, search: str, *texts) -> list:
    """What DRF's search over these fields finds: rows where every word of the search is in
    some field (case-insensitively)."""
    words = search.lower().split()
    return matching(
        rows,
        lambda row: all(
            any(word in str(text(row) if text(row) is not None else "").lower() for text in texts)
            for word in words
        ),
    )


def keys(value):
    """The keys of every object of a document, in order, at every depth."""
    if isinstance(value, dict):
        return [(key, keys(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [keys(item) for item in value]
    return None


def fresh(model, rows):
    """The rows as the database holds them now, with their relations."""
    return list(model.objects.filter(pk__in=[row.pk for row in rows]).order_by("id"))


def page_queries(api, path: str, mode: str | None, check: bool = True) -> list[int]:
    """The queries a page of 10 and a page of 100 cost, both taken from the end of the list
    (each checked against the schema unless ``check`` is false)."""
    params = {"format": "json", **({"mode": mode} if mode else {})}
    count = api.get(path, {**params, "limit": 1}).json()["count"]
    costs = []
    for limit in (10, 100):
        with CaptureQueriesContext(connection) as queries:
            response = api.get(path, {**params, "limit": limit, "offset": count - limit})
        assert response.status_code == 200
        assert len(response.json()["results"]) == limit
        if check:
            contract.check_response(path, response.json(), mode)
        costs.append(len(queries))
    return costs


def served_documents(api, paths) -> dict:
    """Every path's list at its richest level (all records fit in one page), and the detail view
    of each record."""
    documents = {}
    for path in paths:
        resource = next(r for r in registry.resources() if f"/2.3.0/{r.path}" == path)
        params = {"limit": 100, "format": "json"}
        if resource.richest_mode:
            params["mode"] = resource.richest_mode
        documents[path] = api.get(path, params).json()
        for record in documents[path]["results"]:
            detail = f"{path}{record['id']}/"
            documents[detail] = api.get(detail, {"format": "json"}).json()
    return documents


def round_trip(api, paths, build) -> None:
    """Serve what ``build`` made, forget it, import the pages served, and serve them again: the
    same documents."""
    with transaction.atomic():
        build()
        before = served_documents(api, paths)
        transaction.set_rollback(True)
    assert all(before[path]["results"] for path in paths)
    pages = [(path, {"request": f"GET {path}", "response": before[path]}) for path in paths]
    report = import_documents(
        [
            (name, json.loads(json.dumps(page).replace("http://testserver", UPSTREAM)))
            for name, page in pages
        ]
    )
    assert report.records == sum(len(before[path]["results"]) for path in paths)
    assert json.dumps(served_documents(api, paths)) == json.dumps(before)


@pytest.fixture(scope="module")
def catalog(django_db_setup, django_db_blocker):
    """The places domain, built once for the module in a transaction that is rolled back after
    its last test."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield lf.places_catalog(CATALOG_SIZE)
        transaction.set_rollback(True)


@pytest.fixture
def served(catalog, db, api):
    return api


# --- the real Sputnik 1 pad ------------------------------------------------------------------


def test_the_sputnik_pad_imports_and_answers_as_ll2_served_it(api, db):
    """The pad a detailed launch nests (``Pad``, its ``Location`` and the location's
    ``CelestialBodyDetailed``), imported on its own, is served back field for field."""
    pad = sample(SPUTNIK_LAUNCH)["response"]["pad"]
    import_documents([("pad.json", {"request": "GET /2.3.0/pads/32/", "response": pad})])
    expected = as_served([pad], "http://testserver", None)[0]
    response = api.get(f"{PADS}32/")
    assert response.status_code == 200
    # Equal values (LL2 writes the diameter 12742000.0 as 12742000), in the same key order.
    assert response.json() == expected
    assert keys(response.json()) == keys(expected)
    location = api.get(f"{LOCATIONS}15/").json()
    assert location["response_mode"] == "detailed"
    assert [p["id"] for p in location["pads"]] == [32]
    body = api.get(f"{BODIES}1/").json()
    assert [loc["name"] for loc in body["locations"]] == [pad["location"]["name"]]
    assert m.CelestialBody.objects.get().total_attempted_launches == 7232
    assert m.Pad.objects.get().fastest_turnaround_s == 23 * 3600 + 32 * 60 + 33


# --- import round trip (before the module's catalog exists, so that only its records are served)


def test_the_places_domain_round_trips_through_import(api, db):
    round_trip(api, [BODY_TYPES, BODIES, LOCATIONS, PADS], lambda: lf.places_catalog(3))


# --- filters, search and ordering --------------------------------------------------------------


# How many cases each list below holds: the tests are parametrized by index, since the
# expectations are read from the catalog, which exists only once the tests run.
LOCATION_CASES = 15
PAD_CASES = 27


def location_cases(c) -> list:
    rows = fresh(m.Location, c["locations"])
    code = lambda row: row.country.alpha_3_code if row.country else None  # noqa: E731
    named = rows[7].name
    return [
        ("country_code", "NZL", matching(rows, lambda r: code(r) == "NZL")),
        ("country_code", "kz, FRA", matching(rows, lambda r: code(r) in {"KAZ", "FRA"})),
        ("id", rows[3].pk, [rows[3].pk]),
        ("name", named, [rows[7].pk]),
        ("name__contains", "Site 01", matching(rows, lambda r: "Site 01" in r.name)),
        *comparisons(rows, "total_landing_count"),
        *comparisons(rows, "total_launch_count"),
    ]


def pad_cases(c) -> list:
    rows = fresh(m.Pad, c["pads"])
    own = rows[4].agencies.exclude(name="Shared Pad Agency").get()
    shared = m.Agency.objects.get(name="Shared Pad Agency")
    # Digits some pad ids contain, as the integer the filter reads (``07`` would be ``7``).
    digits = str(int(str(rows[0].pk)[-2:]))
    return [
        ("agencies_ids", f"{own.pk}", [rows[4].pk]),
        ("agencies_ids", f"{own.pk},{shared.pk}", [row.pk for row in rows]),
        ("id", rows[2].pk, [rows[2].pk]),
        ("id__contains", digits, matching(rows, lambda r: digits in str(r.pk))),
        *comparisons(rows, "latitude", ("gt", "gte", "lt", "lte")),
        *comparisons(rows, "longitude", ("gt", "gte", "lt", "lte")),
        ("location__id", rows[9].location_id, [rows[9].pk]),
        ("location__name", rows[9].location.name, [rows[9].pk]),
        (
            "location__name__contains",
            "Site 02",
            matching(rows, lambda r: "Site 02" in r.location.name),
        ),
        ("name", rows[11].name, [rows[11].pk]),
        ("name__contains", "LC-05", matching(rows, lambda r: "LC-05" in r.name)),
        *comparisons(rows, "orbital_launch_attempt_count"),
        *comparisons(rows, "total_launch_count"),
    ]


@pytest.mark.parametrize("index", range(LOCATION_CASES))
def test_every_location_filter(served, catalog, index):
    name, value, expected = location_cases(catalog)[index]
    assert expected, "a case that matches nothing proves nothing"
    assert all_ids(served, LOCATIONS, **{name: value}) == expected


def test_the_location_cases_cover_every_documented_filter(catalog, db):
    names = {name for name, _, _ in location_cases(catalog)}
    assert names == set(registry_filter(LOCATIONS))


@pytest.mark.parametrize("index", range(PAD_CASES))
def test_every_pad_filter(served, catalog, index):
    name, value, expected = pad_cases(catalog)[index]
    assert expected, "a case that matches nothing proves nothing"
    assert all_ids(served, PADS, **{name: value}) == expected


def test_the_pad_cases_cover_every_documented_filter(catalog, db):
    assert {name for name, _, _ in pad_cases(catalog)} == set(registry_filter(PADS))


def registry_filter(path: str) -> list[str]:
    resource = next(r for r in registry.resources() if f"/2.3.0/{r.path}" == path)
    return list(resource.filterset.base_filters)


def test_the_case_lists_are_as_long_as_the_parametrized_ranges(catalog, db):
    assert len(location_cases(catalog)) == LOCATION_CASES
    assert len(pad_cases(catalog)) == PAD_CASES


def test_searches(served, catalog):
    locations = fresh(m.Location, catalog["locations"])
    pads = fresh(m.Pad, catalog["pads"])
    bodies = fresh(m.CelestialBody, catalog["bodies"])
    country = lambda r: r.country.alpha_3_code if r.country else None  # noqa: E731
    assert all_ids(served, LOCATIONS, search="nzl") == searched(
        locations, "nzl", country, lambda r: r.name
    )
    assert all_ids(served, LOCATIONS, search="site 04") == searched(
        locations, "site 04", country, lambda r: r.name
    )
    pad_texts = (
        lambda r: r.location.name,
        lambda r: r.name,
        lambda r: r.orbital_launch_attempt_count,
        lambda r: r.total_launch_count,
    )
    for search in ("site 03", "lc-07", "7"):
        expected = searched(pads, search, *pad_texts)
        assert expected and all_ids(served, PADS, search=search) == expected
    body_texts = (lambda r: r.name, lambda r: r.type.name)
    for search in ("body 01", "type 2"):
        expected = searched(bodies, search, *body_texts)
        assert expected and all_ids(served, BODIES, search=search, mode="list") == expected


ORDERINGS = [
    (LOCATIONS, m.Location, "locations", "total_landing_count"),
    (LOCATIONS, m.Location, "locations", "total_launch_count"),
    (PADS, m.Pad, "pads", "id"),
    (PADS, m.Pad, "pads", "location__id"),
    (PADS, m.Pad, "pads", "location__name"),
    (PADS, m.Pad, "pads", "name"),
    (PADS, m.Pad, "pads", "orbital_launch_attempt_count"),
    (PADS, m.Pad, "pads", "total_launch_count"),
    (BODIES, m.CelestialBody, "bodies", "id"),
    (BODIES, m.CelestialBody, "bodies", "name"),
]


@pytest.mark.parametrize("path, model, key, field", ORDERINGS)
@pytest.mark.parametrize("descending", [False, True])
def test_every_documented_ordering(served, catalog, path, model, key, field, descending):
    rows = fresh(model, catalog[key])
    value = operator.attrgetter(field.replace("__", "."))
    ordering = f"-{field}" if descending else field
    assert all_ids(served, path, ordering=ordering) == ordered(rows, value, descending)


@pytest.mark.parametrize(
    "path, parameter, value",
    [
        (LOCATIONS, "total_launch_count", "1.5"),
        (LOCATIONS, "total_landing_count__gte", "many"),
        (LOCATIONS, "id", "x"),
        (LOCATIONS, "mode", "list"),
        (PADS, "agencies_ids", "1,x"),
        (PADS, "id__contains", "1.5"),
        (PADS, "latitude__gt", "north"),
        (PADS, "location__id", "Florida"),
        (PADS, "orbital_launch_attempt_count__lte", "2.5"),
        (BODIES, "mode", "everything"),
    ],
)
def test_a_bad_value_is_a_400_naming_the_parameter(served, path, parameter, value):
    response = served.get(path, {parameter: value})
    assert response.status_code == 400
    assert list(response.json()) == [parameter]


# --- contract and query counts ----------------------------------------------------------------


@pytest.mark.parametrize(
    "path, mode",
    [
        (BODIES, "list"),
        (BODIES, "normal"),
        (BODIES, "detailed"),
        (LOCATIONS, "normal"),
        (LOCATIONS, "detailed"),
        (PADS, None),
        (BODY_TYPES, None),
    ],
)
def test_a_page_of_ten_and_of_a_hundred_cost_the_same_queries(served, path, mode):
    small, large = page_queries(served, path, mode)
    assert small == large


def test_detail_views_match_the_schema(served, catalog):
    for path, key in ((BODIES, "bodies"), (LOCATIONS, "locations"), (PADS, "pads")):
        detail = f"{path}{catalog[key][5].pk}/"
        response = served.get(detail, {"format": "json"})
        contract.check_response(detail, response.json())
