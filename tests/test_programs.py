"""``programs/``, ``mission_patches/`` and ``config/program_types/``: the real Starlink program,
programs as launches nest them, every documented filter, search and ordering of the patches,
bad values, query counts, and the import round trip."""

from __future__ import annotations

import json

import pytest
from django.db import transaction

from hangar.ingest.importer import import_documents, import_files
from tests import launch_factories as lf
from tests import models as m
from tests.conftest import DATA_DIR, sample
from tests.test_golden import UPSTREAM
from tests.test_launchers import (
    all_ids,
    check_pages_and_details,
    matching,
    ordered,
    page_modes,
    page_queries,
    round_trip,
    searched,
)

PROGRAM_25 = DATA_DIR / "program-25.json"
LAUNCHES = DATA_DIR / "launches-normal-results.json"
PROGRAMS = "/2.3.0/programs/"
PATCHES = "/2.3.0/mission_patches/"
TYPES = "/2.3.0/config/program_types/"
CATALOG_SIZE = 100


def sample_response(path):
    return sample(path)["response"]


# --- the real Starlink program, and programs as launches nest them ----------------------------


def test_program_25_matches_ll2(api, db):
    import_files([PROGRAM_25])
    expected = json.loads(
        json.dumps(sample_response(PROGRAM_25)).replace(UPSTREAM, "http://testserver")
    )
    response = api.get(f"{PROGRAMS}25/")
    assert response.status_code == 200
    assert json.dumps(response.json()) == json.dumps(expected)


def test_program_25_patch_lists_its_program_at_the_detailed_level(api, db):
    import_files([PROGRAM_25])
    patch = api.get(f"{PATCHES}7/").json()
    assert patch["response_mode"] == "detailed"
    assert patch["agency"]["response_mode"] == "normal"  # AgencyDetailed says "normal"
    assert [program["id"] for program in patch["program"]] == [25]
    assert patch["program"][0]["mission_patches"][0]["id"] == 7
    # The sample holds no launch or expedition that wears the patch.
    assert (patch["launches"], patch["expeditions"]) == ([], [])
    listed = api.get(PROGRAMS, {"mode": "list"}).json()["results"]
    normal = api.get(f"{PROGRAMS}25/").json()
    assert listed == [
        {"response_mode": "list"}
        | {key: normal[key] for key in ("id", "url", "name", "image", "info_url", "wiki_url")}
    ]


def test_programs_nested_in_launches_import_as_programs(api, db):
    """A launch's ``program`` list is ``ProgramNormal`` objects: imported as they are, they are
    served as they were given."""
    nested = {
        program["id"]: program
        for launch in sample_response(LAUNCHES)
        for program in launch["program"]
    }
    import_documents(
        [("launch programs", {"request": f"GET {PROGRAMS}", "response": list(nested.values())})]
    )
    for pk, program in nested.items():
        expected = json.loads(json.dumps(program).replace(UPSTREAM, "http://testserver"))
        assert json.dumps(api.get(f"{PROGRAMS}{pk}/").json()) == json.dumps(expected)


def test_a_program_given_only_at_the_list_level_lacks_its_type(api, db):
    from hangar.ingest.importer import ImportRefused

    mini = {"id": 3, "url": f"{UPSTREAM}/2.3.0/programs/3/", "name": "Gemini", "image": None}
    with pytest.raises(ImportRefused, match="program 3: type: required"):
        import_documents([("mini", mini)])


def test_programs_round_trip_through_import(api, db):
    round_trip(api, [TYPES, PROGRAMS, PATCHES], lambda: lf.launcher_catalog(3))


# --- mission patches: filters, search and ordering -------------------------------------------


@pytest.fixture(scope="module")
def catalog(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield lf.launcher_catalog(CATALOG_SIZE)
        transaction.set_rollback(True)


@pytest.fixture
def served(catalog, db, api):
    return api


def patch_cases(c) -> list:
    patches = list(m.MissionPatch.objects.select_related("agency").order_by("id"))
    one, two = patches[3], patches[4]
    maker = c["makers"][6]
    return [
        ({"id": one.pk}, [one.pk]),
        ({"ids": f"{one.pk},{two.pk}"}, [one.pk, two.pk]),
        ({"name": "Patch 012"}, matching(patches, lambda r: r.name == "Patch 012")),
        ({"name__contains": "tch 03"}, matching(patches, lambda r: "tch 03" in r.name)),
        ({"agency__id": maker.pk}, matching(patches, lambda r: r.agency_id == maker.pk)),
        ({"agency__name": maker.name}, matching(patches, lambda r: r.agency.name == maker.name)),
        (
            {"agency__name__contains": "er 05"},
            matching(patches, lambda r: "er 05" in r.agency.name),
        ),
    ]


def test_every_documented_patch_filter_keeps_what_the_rows_say(served, catalog):
    from hangar.programs.resources.mission_patches import MissionPatchFilter

    cases = patch_cases(catalog)
    for params, expected in cases:
        assert expected, params
        assert all_ids(served, PATCHES, **params) == expected, params
    assert set(MissionPatchFilter.base_filters) == {name for params, _ in cases for name in params}


def test_patch_search_looks_in_name_and_agency_name(served, catalog):
    patches = list(m.MissionPatch.objects.select_related("agency"))
    for term in ("maker 04", "patch 07"):
        expected = searched(patches, term, lambda r: r.agency.name, lambda r: r.name)
        assert expected
        assert all_ids(served, PATCHES, search=term) == expected


@pytest.mark.parametrize("name", ["agency__name", "id", "name", "priority"])
def test_patch_ordering_by_each_documented_field(served, catalog, name):
    patches = list(m.MissionPatch.objects.select_related("agency"))
    attribute = "agency.name" if name == "agency__name" else name
    for descending in (False, True):
        term = f"-{name}" if descending else name
        assert all_ids(served, PATCHES, ordering=term) == ordered(patches, attribute, descending)


def test_programs_offer_no_filter_search_or_ordering(served, catalog):
    """The official document lists none for ``programs/``: the list stays in id order."""
    everything = sorted(program.pk for program in catalog["programs"])
    assert all_ids(served, PROGRAMS, search="Program 001", ordering="-name") == everything


def test_program_types_search_and_ordering(served, catalog):
    types = list(m.ProgramType.objects.all())
    expected = sorted(searched(types, "type 1", lambda r: r.name), reverse=True)
    assert all_ids(served, TYPES, search="type 1", ordering="-id") == expected


@pytest.mark.parametrize(
    "path, parameter, value",
    [
        (PATCHES, "agency__id", "spacex"),
        (PATCHES, "ids", "1,x"),
        (PATCHES, "id", "1.5"),
        (PATCHES, "mode", "list"),
        (PROGRAMS, "mode", "detailed"),
    ],
)
def test_a_malformed_value_is_a_400_naming_the_parameter(api, db, path, parameter, value):
    response = api.get(path, {parameter: value})
    assert response.status_code == 400
    assert list(response.json()) == [parameter]


@pytest.mark.parametrize("path, mode", page_modes([PROGRAMS, PATCHES, TYPES]))
def test_a_page_of_ten_costs_what_a_page_of_a_hundred_does(served, path, mode):
    count = served.get(path, {"limit": 1}).json()["count"]
    assert count >= 100
    assert page_queries(served, path, mode, 10, count) == page_queries(
        served, path, mode, 100, count
    )


@pytest.mark.parametrize("path, mode", page_modes([PROGRAMS, PATCHES, TYPES]))
def test_pages_and_detail_views_match_the_schema(served, path, mode):
    check_pages_and_details(served, path, mode)


def test_nested_lists_come_in_name_order(served, catalog):
    program = catalog["programs"][20]
    extra = lf.f.agency(name="Aardvark Aerospace")
    program.agencies.add(extra)
    body = served.get(f"{PROGRAMS}{program.pk}/").json()
    assert [agency["name"] for agency in body["agencies"]] == ["Aardvark Aerospace", "Maker 020"]
