"""``dashboard/starship/``: one object in each mode, as the official document's
``StarshipDashboard*`` components declare it; what it holds at a frozen instant, in which order;
its query cost, the same whatever the catalog's size; and a served dashboard imported into an
empty catalog serves the same object again."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.test import Client
from django.utils import timezone

from hangar.core.registry import registry
from hangar.ingest.export import ExportReport, export_endpoint
from hangar.ingest.importer import import_documents
from hangar.ingest.sync.endpoints import Endpoint, endpoints
from hangar.ingest.sync.plan import Stream, full_plan, streams_of
from hangar.launches import stats as launch_stats
from hangar.ll2.corrections import ONE_OBJECT
from tests import contract
from tests import factories as f
from tests import models as m
from tests.dashboard_factories import dashboard_catalog, starship_launch

PATH = "/2.3.0/dashboard/starship/"
NOW = f.at("2024-05-15T12:00:00")  # the instant every test here is served at
MODES = {
    "list": "StarshipDashboardList",
    "normal": "StarshipDashboardNormal",
    "detailed": "StarshipDashboardDetailed",
}


@pytest.fixture
def frozen(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)


def build() -> dict:
    built = dashboard_catalog(1, {}, now=NOW)
    launch_stats.refresh([launch_stats.ALL], NOW)
    return built


def get(api, **params) -> dict:
    response = api.get(PATH, {"format": "json", **params})
    assert response.status_code == 200, response.content[:500]
    return response.json()


# --- import round trip (first: it needs the empty catalog the module starts with) ------------


def test_a_served_dashboard_imported_into_an_empty_catalog_serves_the_same(db, api, frozen):
    assert not m.Program.objects.exists(), "this test runs on an empty catalog"
    with transaction.atomic():
        build()
        served = {mode: get(api, mode=mode) for mode in MODES}
        transaction.set_rollback(True)
    assert not m.Launch.objects.exists()
    # The detailed level nests events at the normal level, which has no duration: the list
    # level's dashboard gives it (a mirror reads it from ``events/``).
    documents = [
        (f"dashboard-{mode}.json", {"request": f"GET {PATH}?mode={mode}", "response": served[mode]})
        for mode in ("detailed", "list")
    ]
    assert import_documents(documents, now=NOW).records == 2
    for mode, body in served.items():
        assert get(api, mode=mode) == body, mode


# --- the module's catalog ------------------------------------------------------------------


@pytest.fixture(scope="module")
def catalog(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build()
        transaction.set_rollback(True)


@pytest.fixture
def served(catalog, db, api, frozen):
    return api


@pytest.mark.parametrize("mode", MODES)
def test_each_mode_is_one_object_of_its_component(served, mode):
    body = get(served, mode=mode)
    contract.check(body, MODES[mode])
    contract.check_response(PATH, body)
    assert body["upcoming"]["launches"] and body["previous"]["events"]


def test_the_default_mode_is_normal(served):
    assert get(served)["response_mode"] == "normal"


def test_a_bad_mode_is_a_400_naming_the_parameter(served):
    response = served.get(PATH, {"mode": "everything"})
    assert response.status_code == 400
    assert list(response.json()) == ["mode"]


def ids(items: list) -> list:
    return [item["id"] for item in items]


def test_launches_and_events_ahead_and_behind_in_order(served, catalog):
    body = get(served, mode="list")
    ahead, behind = catalog["starship_ahead"], catalog["starship_behind"]
    recent = behind[0]  # an hour ago: in both windows
    assert ids(body["upcoming"]["launches"]) == [str(r.pk) for r in [recent, *ahead]]
    assert ids(body["previous"]["launches"]) == [str(r.pk) for r in behind]
    assert ids(body["upcoming"]["events"]) == [e.pk for e in catalog["starship_events_ahead"]]
    assert ids(body["previous"]["events"]) == [e.pk for e in catalog["starship_events_behind"]]


def test_boosters_spacecraft_and_updates_of_the_program(served, catalog):
    body = get(served)
    launches = [*catalog["starship_ahead"], *catalog["starship_behind"]]
    boosters = m.FirstStage.objects.filter(rocket__launch__in=launches).values_list("launcher_id")
    assert ids(body["vehicles"]) == sorted(pk for (pk,) in boosters)
    assert ids(body["orbiters"]) == [catalog["starship_flight"].spacecraft_id]
    # Each launch has an update at its net; the program's own are 3 and 5 hours old.
    of = {launch.net: m.Update.objects.get(launch=launch).pk for launch in launches}
    newest = [
        of[NOW + timedelta(days=7)],
        of[NOW + timedelta(days=1)],
        of[NOW - timedelta(hours=1)],
    ]
    assert ids(body["updates"]) == [*newest, *(u.pk for u in catalog["starship_updates"])]


def test_open_road_closures_todays_notices_and_live_streams(served, catalog):
    body = get(served)
    assert ids(body["road_closures"]) == [c.pk for c in catalog["road_closures"][1:]]
    assert ids(body["notices"]) == [n.pk for n in catalog["notices"][1:]]
    assert [s["url"] for s in body["live_streams"]] == [s.url for s in catalog["live_streams"]]
    assert list(body["live_streams"][0]) == ["title", "description", "image", "url"]


def test_limit_sets_the_length_of_every_list(served):
    body = get(served, limit=1)
    lists = [body[name] for name in ("updates", "road_closures", "notices", "vehicles")]
    lists += [
        body[side][kind] for side in ("upcoming", "previous") for kind in ("launches", "events")
    ]
    assert all(len(items) == 1 for items in lists)
    assert get(served, limit="many") == get(served)  # ignored, as LL2's pagination ignores it


# Queries per mode: the program's lists one each (with their prefetches), and for launches and
# events the ids of each window and one load of both.
QUERIES = {"list": 20, "normal": 40, "detailed": 84}


@pytest.mark.parametrize("mode", MODES)
def test_the_query_count_does_not_grow_with_the_catalog(
    served, catalog, django_assert_num_queries, mode
):
    with django_assert_num_queries(QUERIES[mode]):
        get(served, mode=mode)
    for days in (3, 4, 5):
        starship_launch(NOW + timedelta(days=days))
        starship_launch(NOW - timedelta(days=days))
    craft = f.rich_spacecraft(1, flights=0)[0]
    f.flight(craft, None, launch=catalog["starship_behind"][2])
    with django_assert_num_queries(QUERIES[mode]):
        body = get(served, mode=mode)
    assert len(body["previous"]["launches"]) == 6 and len(body["orbiters"]) == 2


def test_the_browsable_page_shows_the_documents_description(served):
    response = served.get(PATH, {"format": "api"})
    assert response.status_code == 200
    assert "Levels of detail in the response" in response.content.decode()


def test_the_api_root_lists_the_dashboard(served):
    root = served.get("/2.3.0/", {"format": "json"}).json()
    assert PATH in root["dashboard/starship"]


def test_the_one_object_endpoints_are_those_the_corrections_name():
    assert {r.path for r in registry.resources() if r.single} == set(ONE_OBJECT)


def test_the_sync_and_the_export_take_the_dashboard_in_one_request(served, tmp_path):
    endpoint = Endpoint("dashboard/starship/", "detailed", single=True)
    assert endpoint in endpoints() and endpoint.params() == {"mode": "detailed"}
    stream = Stream("dashboard-starship", PATH.removeprefix("/2.3.0/"), endpoint.params(), True)
    assert stream in streams_of(full_plan(0))
    report = ExportReport()
    export_endpoint(Client(), tmp_path, 0, endpoint, report)
    written = list(tmp_path.glob("*.json"))
    assert report.files == len(written) == 1
    assert report.lines == ["dashboard/starship/?mode=detailed: 1 object."]
