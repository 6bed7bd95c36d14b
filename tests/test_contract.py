"""Every endpoint of the spacecraft domain, in every mode, answers what the official 2.3.0 schema
declares for its operation (``tests/contract.py``), at a query cost that does not grow with the
page; and the checker itself accepts LL2's own responses and catches what it should."""

import copy

import pytest
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from hangar.core.urls import router
from hangar.ingest.importer import import_files
from hangar.ll2 import schema as ll2
from hangar.ll2.corrections import TARGETS
from tests import contract
from tests import factories as f
from tests import launch_factories as lf
from tests import models as m
from tests.conftest import AGENCY_44, SPACECRAFT_PAGE, SPUTNIK_LAUNCH, sample

CATALOG_SIZE = 100  # every list endpoint holds at least a full page of 100


@pytest.fixture(scope="module")
def catalog(django_db_setup, django_db_blocker):
    """The bundled real records and a synthetic catalog of every kind of record, built once for
    the module in a transaction that is rolled back after its last test."""
    with django_db_blocker.unblock(), transaction.atomic():
        import_files([SPACECRAFT_PAGE, AGENCY_44, SPUTNIK_LAUNCH])
        yield f.rich_catalog(CATALOG_SIZE, sample(SPUTNIK_LAUNCH)["response"])
        transaction.set_rollback(True)


@pytest.fixture
def served(catalog, db, api):
    """The API over the module's catalog."""
    return api


def get_json(api, path: str, **params) -> dict:
    response = api.get(path, {"format": "json", **params})
    assert response.status_code == 200, response.content[:500]
    return response.json()


LIST_MODES = [(path, mode) for path in contract.LIST_PATHS for mode in contract.list_modes(path)]


def mode_params(mode: str | None) -> dict:
    return {"mode": mode} if mode else {}


# --- every endpoint, every mode, and the detail views ---------------------------------------


@pytest.mark.parametrize("path, mode", LIST_MODES)
def test_full_page_matches_the_schema(served, path, mode):
    body = get_json(served, path, limit=100, **mode_params(mode))
    assert len(body["results"]) == 100
    contract.check_response(path, body, mode)


@pytest.mark.parametrize("path, mode", LIST_MODES)
def test_last_page_matches_the_schema(served, path, mode):
    count = get_json(served, path, limit=1, **mode_params(mode))["count"]
    body = get_json(served, path, limit=100, offset=count - 5, **mode_params(mode))
    assert body["next"] is None and len(body["results"]) == 5
    contract.check_response(path, body, mode)


@pytest.mark.parametrize("path", contract.LIST_PATHS)
def test_detail_views_match_the_schema(served, path):
    """The detail view of the first and last records (the bundled real ones and synthetic ones
    where the endpoint holds both), and of one in the middle."""
    count = get_json(served, path, limit=1)["count"]
    for offset in (0, count // 2, count - 1):
        record = get_json(served, path, limit=1, offset=offset)["results"][0]
        detail = f"{path}{record['id']}/"
        contract.check_response(detail, get_json(served, detail))


def test_stored_launch_matches_launch_detailed(served, catalog):
    sputnik = sample(SPUTNIK_LAUNCH)["response"]["id"]
    for launch_id in (sputnik, catalog["flights"][0].launch_id):
        path = f"/2.3.0/launches/{launch_id}/"
        contract.check_response(path, get_json(served, path))


def test_docking_events_cover_station_and_flight_targets(served):
    """The catalog exercises every kind of target and chaser (and so every branch of the
    contract): the spacecraft domain's dockings are the last ones, the payload flights' the
    first."""
    count = get_json(served, "/2.3.0/docking_events/", limit=1)["count"]
    last = get_json(served, "/2.3.0/docking_events/", limit=100, offset=count - 100)["results"]
    assert any(event["space_station_target"] for event in last)
    assert any(event["flight_vehicle_target"] for event in last)
    assert all(event["flight_vehicle_chaser"] for event in last)
    first = get_json(served, "/2.3.0/docking_events/", limit=100)["results"]
    assert any(event["payload_flight_chaser"] for event in first)


# --- query counts: a page costs the same whatever its size ---------------------------------

# Pinned from observation; a change means a join or prefetch was lost (or gained). Each count
# includes the page's COUNT(*) query.
PAGE_QUERIES = {
    ("/2.3.0/launches/", "list"): 3,
    ("/2.3.0/launches/", "normal"): 23,
    ("/2.3.0/launches/", "detailed"): 70,
    ("/2.3.0/launches/upcoming/", "list"): 3,
    ("/2.3.0/launches/upcoming/", "normal"): 23,
    ("/2.3.0/launches/upcoming/", "detailed"): 70,
    ("/2.3.0/launches/previous/", "list"): 3,
    ("/2.3.0/launches/previous/", "normal"): 11,
    ("/2.3.0/launches/previous/", "detailed"): 46,
    ("/2.3.0/updates/", None): 2,
    ("/2.3.0/config/first_stage_types/", None): 2,
    ("/2.3.0/config/infourl_types/", None): 2,
    ("/2.3.0/config/languages/", None): 2,
    ("/2.3.0/config/launch_statuses/", None): 2,
    ("/2.3.0/config/mission_types/", None): 2,
    ("/2.3.0/config/net_precisions/", None): 2,
    ("/2.3.0/config/notice_types/", None): 2,
    ("/2.3.0/config/orbits/", None): 2,
    ("/2.3.0/config/road_closure_statuses/", None): 2,
    ("/2.3.0/config/timeline_event_types/", None): 2,
    ("/2.3.0/config/vidurl_types/", None): 2,
    ("/2.3.0/spacecraft/", "normal"): 5,
    ("/2.3.0/spacecraft/", "detailed"): 38,
    ("/2.3.0/spacecraft_configurations/", "normal"): 4,
    ("/2.3.0/spacecraft_configurations/", "detailed"): 12,
    ("/2.3.0/spacecraft_configuration_families/", "list"): 2,
    ("/2.3.0/spacecraft_configuration_families/", "normal"): 2,
    ("/2.3.0/spacecraft_configuration_families/", "detailed"): 9,
    ("/2.3.0/spacecraft_flights/", "normal"): 29,
    ("/2.3.0/spacecraft_flights/", "detailed"): 59,
    ("/2.3.0/docking_events/", "normal"): 39,
    ("/2.3.0/docking_events/", "detailed"): 39,
    ("/2.3.0/agencies/", "list"): 2,
    ("/2.3.0/agencies/", "normal"): 6,
    ("/2.3.0/agencies/", "detailed"): 28,
    ("/2.3.0/space_stations/", "normal"): 8,
    ("/2.3.0/space_stations/", "detailed"): 25,
    # Crews: each of a detailed flight's three ordered crews is one prefetch of its seats
    # (with roles and astronauts) plus the astronauts' image variants, nationalities and
    # social media links.
    ("/2.3.0/astronauts/", "list"): 5,
    ("/2.3.0/astronauts/", "normal"): 5,
    ("/2.3.0/astronauts/", "detailed"): 61,
    ("/2.3.0/config/astronaut_roles/", None): 2,
    ("/2.3.0/config/astronaut_statuses/", None): 2,
    ("/2.3.0/config/astronaut_types/", None): 2,
    ("/2.3.0/landings/", "list"): 31,
    ("/2.3.0/landings/", "normal"): 31,
    ("/2.3.0/landings/", "detailed"): 65,
    ("/2.3.0/celestial_bodies/", "list"): 2,
    ("/2.3.0/celestial_bodies/", "normal"): 3,
    ("/2.3.0/celestial_bodies/", "detailed"): 5,
    ("/2.3.0/locations/", "normal"): 3,
    ("/2.3.0/locations/", "detailed"): 6,
    ("/2.3.0/pads/", None): 9,
    ("/2.3.0/config/celestial_body_types/", None): 2,
    ("/2.3.0/config/landing_types/", None): 2,
    ("/2.3.0/config/landing_locations/", None): 5,
    ("/2.3.0/config/spacecraft_statuses/", None): 2,
    ("/2.3.0/config/space_station_statuses/", None): 2,
    ("/2.3.0/config/spacecraft_configuration_types/", None): 2,
    ("/2.3.0/config/agency_types/", None): 2,
    ("/2.3.0/config/image_licenses/", None): 2,
    ("/2.3.0/config/image_variant_types/", None): 2,
    ("/2.3.0/config/docking_locations/", None): 2,
    ("/2.3.0/config/countries/", None): 2,
    ("/2.3.0/launcher_configurations/", "list"): 3,
    ("/2.3.0/launcher_configurations/", "normal"): 16,
    ("/2.3.0/launcher_configurations/", "detailed"): 16,
    ("/2.3.0/launcher_configuration_families/", "list"): 2,
    ("/2.3.0/launcher_configuration_families/", "normal"): 7,
    ("/2.3.0/launcher_configuration_families/", "detailed"): 7,
    ("/2.3.0/launchers/", "list"): 2,
    ("/2.3.0/launchers/", "normal"): 2,
    ("/2.3.0/launchers/", "detailed"): 3,
    ("/2.3.0/config/launcher_statuses/", None): 2,
    ("/2.3.0/programs/", "list"): 3,
    ("/2.3.0/programs/", "normal"): 5,
    ("/2.3.0/mission_patches/", "normal"): 2,
    ("/2.3.0/mission_patches/", "detailed"): 33,
    ("/2.3.0/config/program_types/", None): 2,
    ("/2.3.0/payloads/", "list"): 3,
    ("/2.3.0/payloads/", "normal"): 13,
    ("/2.3.0/payloads/", "detailed"): 15,
    ("/2.3.0/payload_flights/", "list"): 7,
    ("/2.3.0/payload_flights/", "normal"): 39,
    ("/2.3.0/payload_flights/", "detailed"): 43,
    ("/2.3.0/config/payload_types/", None): 2,
    ("/2.3.0/expeditions/", "normal"): 4,
    ("/2.3.0/expeditions/", "detailed"): 13,
    ("/2.3.0/spacewalks/", "list"): 2,
    ("/2.3.0/spacewalks/", "normal"): 39,
    ("/2.3.0/spacewalks/", "detailed"): 64,
    **{
        (f"/2.3.0/events/{window}", mode): count
        for window in ("", "upcoming/", "previous/")
        for mode, count in (("list", 5), ("normal", 6), ("detailed", 19))
    },
    ("/2.3.0/config/event_types/", None): 2,
}


def test_every_list_endpoint_and_mode_has_a_pinned_query_count():
    assert set(PAGE_QUERIES) == set(LIST_MODES)


@pytest.mark.parametrize("path, mode", LIST_MODES)
def test_a_page_of_ten_and_a_page_of_a_hundred_cost_the_same_queries(
    served, settings, django_assert_num_queries, path, mode
):
    """Both pages are taken from the end of the list, among synthetic records that all nest
    the same kinds of objects: a prefetch that finds nothing to load costs no query, so pages
    of records with different contents could differ for that reason alone."""
    count = get_json(served, path, limit=1)["count"]
    for limit in (10, 100):
        with django_assert_num_queries(PAGE_QUERIES[path, mode]):
            body = get_json(served, path, limit=limit, offset=count - limit, **mode_params(mode))
        assert len(body["results"]) == limit


# --- the checker: LL2's own responses pass, and each kind of deviation is caught -------------


def test_bundled_real_responses_pass_the_checker():
    page = sample(SPACECRAFT_PAGE)["response"]
    contract.check_response("/2.3.0/spacecraft/", page, "normal")
    contract.check(sample(AGENCY_44)["response"], "AgencyEndpointDetailed")
    contract.check(sample(SPUTNIK_LAUNCH)["response"], "LaunchDetailed")


def real_spacecraft() -> dict:
    return copy.deepcopy(sample(SPACECRAFT_PAGE)["response"]["results"][0])


def test_checker_catches_an_extra_field():
    body = {**real_spacecraft(), "serial": "X"}
    assert any("'serial' was unexpected" in p for p in contract.problems(body, "SpacecraftNormal"))


def test_checker_catches_a_missing_required_field():
    body = real_spacecraft()
    del body["spacecraft_config"]["agency"]["type"]
    found = contract.problems(body, "SpacecraftNormal")
    assert any("'type' is a required property" in p for p in found)


def test_checker_catches_a_null_where_none_is_allowed():
    body = real_spacecraft()
    body["status"] = None
    assert contract.problems(body, "SpacecraftNormal") == ["$.status: None is not of type 'object'"]


def test_checker_catches_a_wrong_type():
    body = real_spacecraft()
    body["spacecraft_config"]["id"] = "6"
    assert contract.problems(body, "SpacecraftNormal") == [
        "$.spacecraft_config.id: '6' is not of type 'integer'"
    ]


def test_checker_catches_properties_out_of_order_at_any_depth():
    body = real_spacecraft()
    agency = body["spacecraft_config"]["agency"]
    body["spacecraft_config"]["agency"] = dict(reversed(agency.items()))
    found = contract.problems(body, "SpacecraftNormal")
    assert len(found) == 1
    assert found[0].startswith("$.spacecraft_config.agency: properties out of order")


def test_checker_catches_a_response_mode_other_than_the_declared_default():
    body = real_spacecraft()
    body["spacecraft_config"]["agency"]["response_mode"] = "normal"
    assert contract.problems(body, "SpacecraftNormal") == [
        "$.spacecraft_config.agency.response_mode: 'normal', declared 'list'"
    ]


def test_checker_picks_the_member_of_a_page_by_mode():
    page = sample(SPACECRAFT_PAGE)["response"]
    found = contract.response_problems("/2.3.0/spacecraft/", page, "detailed")
    assert any("'flights' is a required property" in p for p in found)


def test_checker_allows_null_only_where_the_corrections_say():
    flight = {
        "id": 1,
        "url": "http://testserver/2.3.0/spacecraft_flights/1/",
        "destination": None,
        "mission_end": None,
        "spacecraft": real_spacecraft(),
        "launch": None,
        "landing": None,
        "duration": None,
        "turn_around_time": None,
        "response_mode": "normal",
    }
    assert contract.problems(flight, "SpacecraftFlightNormal") == [
        "$.launch: None is not of type 'object'"
    ]


def test_checker_wants_exactly_one_target_and_one_chaser():
    event = {name: None for name in ll2.component("DockingEventForChaserNormal")}
    found = contract.schema_problems(
        event, {"$ref": "#/components/schemas/DockingEventForChaserNormal"}, "$"
    )
    assert found == [f"$: exactly one of {list(TARGETS)} must be set, not []"]


# --- filters, search and ordering, as each path's description documents them ---------------


def ids(api, path: str, **params) -> list:
    return [record["id"] for record in get_json(api, path, limit=100, **params)["results"]]


def expected(queryset, *ordering) -> list:
    return list(queryset.order_by(*ordering, "id").values_list("id", flat=True)[:100])


def aboard(station) -> int:
    """The crew aboard ``station`` now, counted from its expeditions as the endpoint does."""
    now = timezone.now()
    members = m.ExpeditionCrewMember.objects.filter(
        expedition__spacestation=station, expedition__start__lte=now
    ).exclude(expedition__end__lte=now)
    if not m.ExpeditionCrewMember.objects.filter(expedition__spacestation=station).exists():
        return station.onboard_crew
    return members.values("seat__astronaut").distinct().count()


def craft(catalog, index: int = 0):
    return catalog["spacecraft"][index]


def a_name(model) -> str:
    return model.objects.order_by("id").values_list("name", flat=True)[10]


def named_like(model, search: str):
    """What DRF's search on ``name`` finds: records whose name contains every term."""
    queryset = model.objects.all()
    for term in search.split():
        queryset = queryset.filter(name__icontains=term)
    return queryset


# (path, parameters, records expected in the API's order) for each documented filter, search
# and ordering of an endpoint; the expectation is read from the database with the ORM.
CASES = {
    "spacecraft in_space": (
        "/2.3.0/spacecraft/",
        lambda c: {"in_space": "false"},
        lambda c: expected(m.Spacecraft.objects.filter(in_space=False)),
    ),
    "spacecraft search": (
        "/2.3.0/spacecraft/",
        lambda c: {"search": "progress ms-0"},
        lambda c: [235, 236, 237, 238, 239, 240, 241, 242, 243],
    ),
    "spacecraft ordering": (
        "/2.3.0/spacecraft/",
        lambda c: {"ordering": "-flights_count"},
        lambda c: expected(m.Spacecraft.objects, F("flights_count").desc(nulls_first=True)),
    ),
    "configurations agency": (
        "/2.3.0/spacecraft_configurations/",
        lambda c: {"agency": 44, "human_rated": "true"},
        lambda c: expected(m.SpacecraftConfig.objects.filter(agency=44, human_rated=True)),
    ),
    "configurations search by agency": (
        "/2.3.0/spacecraft_configurations/",
        lambda c: {"search": "NASA"},
        lambda c: expected(m.SpacecraftConfig.objects.filter(agency__abbrev="NASA")),
    ),
    "configurations ordering": (
        "/2.3.0/spacecraft_configurations/",
        lambda c: {"ordering": "-name"},
        lambda c: expected(m.SpacecraftConfig.objects, "-name"),
    ),
    "families manufacturer": (
        "/2.3.0/spacecraft_configuration_families/",
        lambda c: {"manufacturer": craft(c).spacecraft_config.families.first().manufacturer_id},
        lambda c: [craft(c).spacecraft_config.families.first().pk],
    ),
    "families search by manufacturer": (
        "/2.3.0/spacecraft_configuration_families/",
        lambda c: {"search": craft(c).spacecraft_config.families.first().manufacturer.name},
        lambda c: [craft(c).spacecraft_config.families.first().pk],
    ),
    "families ordering": (
        "/2.3.0/spacecraft_configuration_families/",
        lambda c: {"ordering": "name", "mode": "list"},
        lambda c: expected(m.SpacecraftConfigFamily.objects, "name"),
    ),
    "flights spacecraft": (
        "/2.3.0/spacecraft_flights/",
        lambda c: {"spacecraft": craft(c, 7).pk},
        lambda c: expected(craft(c, 7).flights),
    ),
    "docking events station target": (
        "/2.3.0/docking_events/",
        lambda c: {"space_station_target__id": c["stations"][3].pk},
        lambda c: expected(m.DockingEvent.objects.filter(space_station_target=c["stations"][3])),
    ),
    "docking events chaser and time": (
        "/2.3.0/docking_events/",
        lambda c: {"flight_vehicle_chaser__id": c["flights"][4].pk, "docking__gte": "2001-01-01"},
        lambda c: expected(c["flights"][4].docking_events),
    ),
    "docking events search": (
        "/2.3.0/docking_events/",
        lambda c: {"search": "station-042"},
        lambda c: expected(m.DockingEvent.objects.filter(space_station_target__name="Station-042")),
    ),
    "docking events ordering": (
        "/2.3.0/docking_events/",
        lambda c: {"ordering": "-departure"},
        lambda c: expected(m.DockingEvent.objects, F("departure").desc(nulls_first=True)),
    ),
    "agencies filters": (
        "/2.3.0/agencies/",
        lambda c: {"country_code": "USA", "founding_year__lt": 1960, "featured": "true"},
        lambda c: [44],
    ),
    "agencies search": (
        "/2.3.0/agencies/",
        lambda c: {"search": "nasa"},
        lambda c: [44],
    ),
    "agencies ordering": (
        "/2.3.0/agencies/",
        lambda c: {"ordering": "-total_launch_count", "mode": "list"},
        lambda c: expected(m.Agency.objects, F("total_launch_count").desc(nulls_first=True)),
    ),
    "stations owner": (
        "/2.3.0/space_stations/",
        lambda c: {
            "owner__ids": c["stations"][5].owners.get().pk,
            "onboard_crew": aboard(c["stations"][5]),
        },
        lambda c: [c["stations"][5].pk],
    ),
    "stations search by owner": (
        "/2.3.0/space_stations/",
        lambda c: {"search": c["stations"][6].owners.get().name},
        lambda c: [c["stations"][6].pk],
    ),
    "stations ordering": (
        "/2.3.0/space_stations/",
        lambda c: {"ordering": "-name"},
        lambda c: expected(m.SpaceStation.objects, "-name"),
    ),
    "landings spacecraft": (
        "/2.3.0/landings/",
        lambda c: {"spacecraft__ids": f"{craft(c, 1).pk},{craft(c, 2).pk}", "attempt": "true"},
        lambda c: expected(
            m.Landing.objects.filter(spacecraft_flight__spacecraft__in=[craft(c, 1), craft(c, 2)])
        ),
    ),
    "landings search": (
        "/2.3.0/landings/",
        lambda c: {"search": craft(c, 3).name},
        lambda c: expected(m.Landing.objects.filter(spacecraft_flight__spacecraft=craft(c, 3))),
    ),
    "landings ordering": (
        "/2.3.0/landings/",
        lambda c: {"ordering": "-downrange_distance", "mode": "list"},
        lambda c: expected(m.Landing.objects, F("downrange_distance").desc(nulls_first=True)),
    ),
    **{
        f"{model.__name__} search and ordering": (
            path,
            lambda c, model=model: {"search": a_name(model), "ordering": "-id"},
            lambda c, model=model: expected(named_like(model, a_name(model)), "-id"),
        )
        for path, model in [
            ("/2.3.0/config/spacecraft_statuses/", m.SpacecraftStatus),
            ("/2.3.0/config/spacecraft_configuration_types/", m.SpacecraftConfigType),
            ("/2.3.0/config/agency_types/", m.AgencyType),
            ("/2.3.0/config/image_licenses/", m.ImageLicense),
            ("/2.3.0/config/image_variant_types/", m.ImageVariantType),
            ("/2.3.0/config/docking_locations/", m.DockingLocation),
            ("/2.3.0/config/countries/", m.Country),
        ]
    },
}


@pytest.mark.parametrize("case", CASES)
def test_documented_filter_search_and_ordering(served, catalog, case):
    path, params, answer = CASES[case]
    found = ids(served, path, **params(catalog))
    assert found == answer(catalog)
    assert found, "a case that matches nothing proves nothing"


@pytest.mark.parametrize(
    "path, parameter, value",
    [
        ("/2.3.0/spacecraft/", "in_space", "maybe"),
        ("/2.3.0/spacecraft_configurations/", "agency", "NASA"),
        ("/2.3.0/spacecraft_configuration_families/", "manufacturer", "1.5"),
        ("/2.3.0/spacecraft_flights/", "spacecraft", "abc"),
        ("/2.3.0/docking_events/", "docking__gt", "yesterday"),
        ("/2.3.0/agencies/", "founding_year__gte", "1950s"),
        ("/2.3.0/space_stations/", "owner__ids", "1,x"),
        ("/2.3.0/landings/", "landing_type__ids", "splashdown"),
        *[(path, "mode", "everything") for path in contract.LIST_PATHS[:8]],
    ],
)
def test_bad_value_is_a_400_json_body_naming_the_parameter(served, path, parameter, value):
    response = served.get(path, {parameter: value})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert list(body) == [parameter]
    assert isinstance(body[parameter], list) and body[parameter][0]


def test_docking_events_search_the_payload_name_of_a_payload_flight(served, catalog):
    event = catalog["flights"][9].docking_events.get()
    payload = lf.payload(name="Cygnus NG-21")
    payload_flight = lf.payload_flight(payload, catalog["flights"][9].launch)
    m.DockingEvent.objects.filter(pk=event.pk).update(payload_flight_chaser=payload_flight)
    assert ids(served, "/2.3.0/docking_events/", search="cygnus ng") == [event.pk]


def test_landings_search_the_abbreviation_of_the_landing_location(served, catalog):
    body = m.LandingLocation.objects.get(id=1).celestial_body
    m.LandingLocation.objects.create(id=2, name="Kazakh steppe", abbrev="KZST", celestial_body=body)
    landing = m.Landing.objects.filter(spacecraft_flight__spacecraft=craft(catalog, 4)).first()
    m.Landing.objects.filter(pk=landing.pk).update(landing_location_id=2)
    assert ids(served, "/2.3.0/landings/", search="kzst", mode="list") == [landing.pk]


# Documented filters Hangar does not offer, and why.
FILTERS_NOT_OFFERED = {}
# Filters Hangar offers beyond the document, because LL2 honours them and clients call them.
FILTERS_BEYOND_THE_DOCUMENT = {
    ("/2.3.0/expeditions/", "is_active"),
    # The flights up now, as a watch face asks for them.
    ("/2.3.0/spacecraft_flights/", "spacecraft__in_space"),
    ("/2.3.0/spacecraft_flights/", "mission_end__isnull"),
}
PAGING_AND_SHAPE = {"limit", "offset", "ordering", "search", "mode", "format"}


@pytest.mark.parametrize("path", contract.LIST_PATHS)
def test_every_documented_filter_is_offered(path):
    viewsets = {f"/2.3.0/{prefix}/": viewset for prefix, viewset, _ in router.registry}
    operation = ll2.openapi()["paths"][path]["get"]
    documented = {parameter["name"] for parameter in operation.get("parameters", [])}
    filterset = viewsets[path].filterset_class
    offered = set(filterset.base_filters) if filterset else set()
    missing = documented - PAGING_AND_SHAPE - offered
    assert missing == {name for where, name in FILTERS_NOT_OFFERED if where == path}
    beyond = {name for where, name in FILTERS_BEYOND_THE_DOCUMENT if where == path}
    assert offered - beyond <= documented
