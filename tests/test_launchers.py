"""``launcher_configurations/``, ``launcher_configuration_families/``, ``launchers/`` and
``config/launcher_statuses/``: the real Falcon 9 page, every documented filter, search and
ordering against expectations computed from the factory rows, bad values, query counts, and
the import round trip."""

from __future__ import annotations

import json
import operator
from datetime import date

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from hangar.core.registry import registry
from hangar.ingest.importer import import_documents, import_files
from hangar.launchers.resources.launcher_configurations import LAUNCH_FIGURES
from tests import launch_factories as lf
from tests import models as m
from tests.conftest import AGENCY_44, DATA_DIR, sample
from tests.test_golden import UPSTREAM, as_served

FALCON_9 = DATA_DIR / "launcher-configurations-falcon9.json"
CONFIGS = "/2.3.0/launcher_configurations/"
FAMILIES = "/2.3.0/launcher_configuration_families/"
LAUNCHERS = "/2.3.0/launchers/"
STATUSES = "/2.3.0/config/launcher_statuses/"
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


def ordered(rows, name: str, descending: bool) -> list:
    """``rows`` ordered as Hangar orders them: nulls last ascending and first descending, ties
    by ascending id (Python's sort is stable, in reverse too)."""
    value = operator.attrgetter(name)
    present = sorted((row for row in rows if value(row) is not None), key=lambda row: row.pk)
    present.sort(key=value, reverse=descending)
    absent = sorted(row.pk for row in rows if value(row) is None)
    ids = [row.pk for row in present]
    return absent + ids if descending else ids + absent


def comparisons(rows, columns) -> list[tuple[dict, object]]:
    """One case per comparison of each numeric or date column, each with a value that keeps
    some rows: ``(parameters, which rows they keep)``."""
    cases = []
    for column in columns:
        values = sorted({getattr(row, column) for row in rows} - {None})
        assert len(values) > 1, column
        for lookup, compare in COMPARE.items():
            value = {"gt": values[0], "lt": values[-1]}.get(lookup, values[len(values) // 2])
            name = column if lookup == "exact" else f"{column}__{lookup}"
            param = value.isoformat() if isinstance(value, date) else value
            cases.append(
                (
                    {name: param},
                    lambda r, c=compare, v=value, col=column: (
                        getattr(r, col) is not None and c(getattr(r, col), v)
                    ),
                )
            )
    return cases


def searched(rows, search: str, *texts) -> list:
    """What DRF's search over these fields finds: rows where every word of the search is in
    some field (case-insensitively)."""
    words = search.lower().split()
    return matching(
        rows,
        lambda row: all(any(word in (text(row) or "").lower() for text in texts) for word in words),
    )


@pytest.fixture(scope="module")
def catalog(django_db_setup, django_db_blocker):
    """The launchers and programs domains, built once for the module in a transaction that is
    rolled back after its last test."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield lf.launcher_catalog(CATALOG_SIZE)
        transaction.set_rollback(True)


@pytest.fixture
def served(catalog, db, api):
    return api


def fresh(model, rows):
    """The rows as the database holds them now, with their relations."""
    return list(model.objects.filter(pk__in=[row.pk for row in rows]).order_by("id"))


# --- the real Falcon 9 page ------------------------------------------------------------------


def test_falcon_9_configurations_match_ll2(api, db):
    """The page was saved without its query; its five records are compared in Hangar's order
    (by id), field for field and key for key."""
    import_files([FALCON_9])
    page = sample(FALCON_9)["response"]
    expected = sorted(as_served(page["results"], "http://testserver", None), key=lambda r: r["id"])
    response = api.get(CONFIGS, {"search": "Falcon 9"})
    assert response.status_code == 200
    assert response.json()["count"] == page["count"]
    assert json.dumps(response.json()["results"]) == json.dumps(expected)


def test_falcon_9_family_and_booster_levels(api, db):
    import_files([FALCON_9])
    family = api.get(f"{FAMILIES}176/").json()
    assert family["response_mode"] == "detailed"
    assert family["parent"]["name"] == "Falcon"
    assert [maker["abbrev"] for maker in family["manufacturer"]] == ["SpX"]
    listed = api.get(CONFIGS, {"mode": "list", "search": "Block 5"}).json()["results"]
    assert listed == [
        {
            "response_mode": "list",
            "id": 164,
            "url": "http://testserver/2.3.0/launcher_configurations/164/",
            "name": "Falcon 9",
            "families": [
                {"response_mode": "list", "id": 1, "name": "Falcon"},
                {"response_mode": "list", "id": 176, "name": "Falcon 9"},
            ],
            "full_name": "Falcon 9 Block 5",
            "variant": "Block 5",
        }
    ]


# --- the import round trip -------------------------------------------------------------------


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
    """Serve what ``build`` made, forget it, import what was served, and serve it again: the
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
    after = served_documents(api, paths)
    assert json.dumps(after) == json.dumps(before)


def test_launchers_domain_round_trips_through_import(api, db):
    round_trip(api, [STATUSES, FAMILIES, CONFIGS, LAUNCHERS], lambda: lf.launcher_catalog(3))


def test_agency_launcher_list_is_imported_as_configurations_it_manufactures(api, db):
    import_files([AGENCY_44])
    built = m.LauncherConfig.objects.filter(manufacturer_id=44).order_by("name", "id")
    assert [config.pk for config in built][:3] == [126, 162, 342]
    assert m.Agency.objects.get(pk=44).launcher_list == []  # the column is no longer written
    body = api.get(f"{CONFIGS}162/").json()
    assert body["manufacturer"]["id"] == 44
    assert [family["id"] for family in body["families"]] == [66, 188]
    assert [program["id"] for program in body["program"]] == [2]


def test_agency_launcher_list_follows_the_configurations(api, db):
    agency = lf.f.agency(images=True)
    lf.launcher_config(manufacturer=agency, name="Zeta")
    lf.launcher_config(manufacturer=agency, name="Alpha")
    body = api.get(f"/2.3.0/agencies/{agency.pk}/").json()
    assert [config["name"] for config in body["launcher_list"]] == ["Alpha", "Zeta"]
    assert "manufacturer" not in body["launcher_list"][0]


# --- filters, search and ordering ------------------------------------------------------------


def config_cases(c) -> tuple[list, list]:
    """The configurations, and ``(parameters, which rows they keep)`` for each filter."""
    configs = fresh(m.LauncherConfig, c["configs"])
    in_family = {r.pk: {f.pk for f in r.families.all()} for r in configs}
    in_program = {r.pk: {p.pk for p in r.program.all()} for r in configs}
    families = {c["families"][5].pk, c["families"][6].pk}
    programs = {c["programs"][8].pk, c["programs"][9].pk}
    maker = c["makers"][5].name
    return configs, [
        ({"active": "true"}, lambda r: r.active),
        ({"active": "false"}, lambda r: not r.active),
        ({"is_placeholder": "true"}, lambda r: r.is_placeholder),
        ({"families": sorted(families)}, lambda r: in_family[r.pk] & families),
        ({"families": ",".join(map(str, families))}, lambda r: in_family[r.pk] & families),
        ({"families__contains": sorted(families)}, lambda r: families <= in_family[r.pk]),
        ({"program": sorted(programs)}, lambda r: in_program[r.pk] & programs),
        ({"program__contains": sorted(programs)}, lambda r: programs <= in_program[r.pk]),
        ({"name": "Rocket 07"}, lambda r: r.name == "Rocket 07"),
        ({"name__contains": "ket 1"}, lambda r: "ket 1" in r.name),
        ({"full_name": "Rocket 07 Block 1"}, lambda r: r.full_name == "Rocket 07 Block 1"),
        ({"full_name__contains": "Block 2"}, lambda r: "Block 2" in r.full_name),
        ({"manufacturer__name": maker}, lambda r: r.manufacturer.name == maker),
        ({"manufacturer__name__contains": "er 01"}, lambda r: "er 01" in r.manufacturer.name),
        *comparisons(configs, (*LAUNCH_FIGURES, "maiden_flight")),
    ]


def family_cases(c) -> tuple[list, list]:
    families = fresh(m.LauncherConfigFamily, c["families"])
    makers = {r.pk: list(r.manufacturer.all()) for r in families}
    maker = c["makers"][7]
    digits = str(maker.pk)[-2:]

    def made(keep):
        return lambda r: any(keep(agency) for agency in makers[r.pk])

    def country(**codes):
        return made(lambda a: a.countries.filter(**codes).exists())

    return families, [
        ({"name": "Family 003"}, lambda r: r.name == "Family 003"),
        ({"name__contains": "ily 02"}, lambda r: "ily 02" in r.name),
        ({"manufacturer__id": maker.pk}, made(lambda a: a.pk == maker.pk)),
        ({"manufacturer__id__contains": digits}, made(lambda a: digits in str(a.pk))),
        ({"manufacturer__name": maker.name}, made(lambda a: a.name == maker.name)),
        ({"manufacturer__name__contains": "er 04"}, made(lambda a: "er 04" in a.name)),
        ({"manufacturer__abbrev": "MK12"}, made(lambda a: a.abbrev == "MK12")),
        ({"manufacturer__abbrev__contains": "K3"}, made(lambda a: "K3" in a.abbrev)),
        ({"manufacturer__country_code": "FRA"}, country(alpha_3_code="FRA")),
        ({"manufacturer__country_code": "us,xx"}, country(alpha_2_code="US")),
        *comparisons(families, (*LAUNCH_FIGURES, "maiden_flight")),
    ]


def launcher_cases(c) -> tuple[list, list]:
    boosters = fresh(m.Launcher, c["boosters"])
    booster = boosters[17]
    digits = str(booster.pk)[-2:]
    configs = [c["configs"][3].pk, c["configs"][4].pk]
    maker = c["makers"][9].name
    return boosters, [
        ({"flight_proven": "true"}, lambda r: r.flight_proven),
        ({"is_placeholder": "false"}, lambda r: not r.is_placeholder),
        ({"id": booster.pk}, lambda r: r.pk == booster.pk),
        ({"id__contains": digits}, lambda r: digits in str(r.pk)),
        ({"status": 2}, lambda r: r.status_id == 2),
        ({"serial_number": "B1017"}, lambda r: r.serial_number == "B1017"),
        ({"serial_number__contains": "B102"}, lambda r: "B102" in r.serial_number),
        ({"first_launch_date": "2013-01-01T00:00:00Z"}, lambda r: r.first_launch_date.year == 2013),
        ({"last_launch_date": "2021-06-01T00:00:00Z"}, lambda r: r.last_launch_date.year == 2021),
        (
            {"launcher_config__ids": f"{configs[0]},{configs[1]}"},
            lambda r: r.launcher_config_id in configs,
        ),
        (
            {"launcher_config__manufacturer__name": maker},
            lambda r: r.launcher_config.manufacturer.name == maker,
        ),
        (
            {"launcher_config__manufacturer__name__contains": "er 02"},
            lambda r: "er 02" in r.launcher_config.manufacturer.name,
        ),
        *comparisons(boosters, ("flights", "attempted_landings", "successful_landings")),
    ]


FILTER_CASES = {CONFIGS: config_cases, FAMILIES: family_cases, LAUNCHERS: launcher_cases}


@pytest.mark.parametrize("path", FILTER_CASES)
def test_every_documented_filter_keeps_what_the_rows_say(served, catalog, path):
    rows, cases = FILTER_CASES[path](catalog)
    for params, keep in cases:
        expected = matching(rows, keep)
        assert expected, f"{params} matches nothing and proves nothing"
        assert all_ids(served, path, mode="list", **params) == expected, params
    # Every filter the endpoint offers (every documented one) is among the cases.
    covered = {name for params, _ in cases for name in params}
    assert set(registry_resource(path).filterset.base_filters) == covered


def registry_resource(path: str):
    return next(r for r in registry.resources() if f"/2.3.0/{r.path}" == path)


SEARCHES = {
    CONFIGS: (
        "mk1",
        lambda c: fresh(m.LauncherConfig, c["configs"]),
        (
            lambda r: r.full_name,
            lambda r: r.manufacturer.abbrev,
            lambda r: r.manufacturer.name,
            lambda r: r.name,
        ),
    ),
    FAMILIES: (
        "maker 01",
        lambda c: fresh(m.LauncherConfigFamily, c["families"]),
        (
            lambda r: " ".join(a.abbrev for a in r.manufacturer.all()),
            lambda r: " ".join(a.name for a in r.manufacturer.all()),
            lambda r: r.name,
        ),
    ),
    LAUNCHERS: (
        "status 3",
        lambda c: fresh(m.Launcher, c["boosters"]),
        (lambda r: r.serial_number, lambda r: r.status.name),
    ),
}


@pytest.mark.parametrize("path", SEARCHES)
def test_search_looks_in_the_documented_fields(served, catalog, path):
    term, rows, texts = SEARCHES[path]
    expected = searched(rows(catalog), term, *texts)
    assert expected
    assert all_ids(served, path, search=term, mode="list") == expected


def test_search_by_serial_number(served, catalog):
    assert all_ids(served, LAUNCHERS, search="b1042") == [catalog["boosters"][42].pk]


ORDERINGS = [
    (path, name, rows)
    for path, rows in (
        (CONFIGS, "configs"),
        (FAMILIES, "families"),
        (LAUNCHERS, "boosters"),
    )
    for name in registry_resource(path).ordering_fields
]


@pytest.mark.parametrize("path, name, rows", ORDERINGS)
def test_ordering_by_each_documented_field(served, catalog, path, name, rows):
    records = fresh(registry_resource(path).model, catalog[rows])
    for descending in (False, True):
        term = f"-{name}" if descending else name
        assert all_ids(served, path, ordering=term, mode="list") == ordered(
            records, name, descending
        )


@pytest.mark.parametrize(
    "path, parameter, value",
    [
        (CONFIGS, "families", "falcon"),
        (CONFIGS, "program__contains", "1,x"),
        (CONFIGS, "maiden_flight__gte", "someday"),
        (CONFIGS, "total_launch_count__gt", "many"),
        (CONFIGS, "active", "maybe"),
        (CONFIGS, "mode", "everything"),
        (FAMILIES, "manufacturer__id", "spacex"),
        (FAMILIES, "manufacturer__id__contains", "1.5"),
        (FAMILIES, "failed_launches__lte", "none"),
        (FAMILIES, "maiden_flight", "1960"),
        (LAUNCHERS, "first_launch_date", "yesterday"),
        (LAUNCHERS, "launcher_config__ids", "1,x"),
        (LAUNCHERS, "status", "active"),
        (LAUNCHERS, "flights__gte", "2.5"),
        (LAUNCHERS, "id__contains", "x"),
        (LAUNCHERS, "flight_proven", "yes"),
    ],
)
def test_a_malformed_value_is_a_400_naming_the_parameter(api, db, path, parameter, value):
    response = api.get(path, {parameter: value})
    assert response.status_code == 400
    assert list(response.json()) == [parameter]


def test_unknown_ids_match_nothing_rather_than_fail(served, catalog):
    assert all_ids(served, CONFIGS, families=999_999_999) == []


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


def page_modes(paths) -> list:
    return [
        (path, mode)
        for path in paths
        for mode in (
            registry_resource(path).modes if len(registry_resource(path).modes) > 1 else [None]
        )
    ]


@pytest.mark.parametrize("path, mode", page_modes([CONFIGS, FAMILIES, LAUNCHERS, STATUSES]))
def test_a_page_of_ten_costs_what_a_page_of_a_hundred_does(served, path, mode):
    count = served.get(path, {"limit": 1}).json()["count"]
    assert count >= 100
    assert page_queries(served, path, mode, 10, count) == page_queries(
        served, path, mode, 100, count
    )


@pytest.mark.parametrize("path, mode", page_modes([CONFIGS, FAMILIES, LAUNCHERS, STATUSES]))
def test_pages_and_detail_views_match_the_schema(served, path, mode):
    check_pages_and_details(served, path, mode)


def check_pages_and_details(api, path: str, mode: str | None) -> None:
    """A full page at ``mode`` answers what the official schema declares, and so does the detail
    view of its first and last records."""
    from tests import contract

    params = {"limit": 100, "format": "json", **({"mode": mode} if mode else {})}
    body = api.get(path, params).json()
    assert len(body["results"]) == 100
    contract.check_response(path, body, mode)
    for record in (body["results"][0], body["results"][-1]):
        detail = f"{path}{record['id']}/"
        contract.check_response(detail, api.get(detail, {"format": "json"}).json())


def test_detail_views_answer_the_detailed_level(served, catalog):
    config = served.get(f"{CONFIGS}{catalog['configs'][50].pk}/").json()
    assert config["response_mode"] == "detailed"
    assert config["manufacturer"]["response_mode"] == "normal"  # AgencyDetailed says "normal"
    assert [f["parent"]["id"] for f in config["families"]] == [
        catalog["families"][48].pk,
        catalog["families"][49].pk,
    ]
    assert config["fastest_turnaround"] == "P50D"
    booster = served.get(f"{LAUNCHERS}{catalog['boosters'][5].pk}/").json()
    assert booster["launcher_config"]["response_mode"] == "list"
    assert booster["fastest_turnaround"] == "P6D"


def test_id_contains_compares_digits_as_text(api, db):
    """``04`` is two characters: it matches 104, not 4 or 40."""
    ours = (4, 40, 104)
    for pk in ours:
        lf.launcher(id=pk)
    found = all_ids(api, LAUNCHERS, id__contains="04")
    assert [pk for pk in found if pk in ours] == [104]
