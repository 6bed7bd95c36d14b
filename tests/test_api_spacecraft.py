"""``/2.3.0/spacecraft/``: filters, search, ordering, pagination, modes, errors and query counts."""

import io

import pytest
from django.core.management import call_command

from hangar.ll2 import schema as contract
from hangar.ll2.durations import parse_seconds
from hangar.spacecraft import stats
from tests import factories as f

LIST = "/2.3.0/spacecraft/"


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [record["id"] for record in response.json()["results"]]


def properties(component: str) -> list[str]:
    """Property names of a schema component, in the schema's order."""
    return list(contract.component(component)["properties"])


def urls(value):
    """Every ``url`` string anywhere in a response body."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "url" and isinstance(item, str):
                yield item
            else:
                yield from urls(item)
    elif isinstance(value, list):
        for item in value:
            yield from urls(item)


# --- filters -------------------------------------------------------------------------------


@pytest.fixture
def fleet(db):
    """Spacecraft that differ in every filtered field."""
    capsule, shuttle = f.config(name="Crew Dragon"), f.config(name="Space Shuttle")
    active, retired = f.status(id=1, name="Active"), f.status(id=2, name="Retired")
    return {
        "endeavour": f.spacecraft(
            id=1, name="Endeavour", spacecraft_config=shuttle, status=retired
        ),
        "endeavour_c206": f.spacecraft(
            id=2, name="Crew Dragon C206 Endeavour", spacecraft_config=capsule, in_space=True
        ),
        "resilience": f.spacecraft(id=3, name="Resilience", spacecraft_config=capsule),
        "placeholder": f.spacecraft(
            id=4, name="Dragon 2 placeholder", spacecraft_config=capsule, is_placeholder=True
        ),
        "active": active,
        "capsule": capsule,
    }


@pytest.mark.parametrize("spelling", ["true", "True", "1"])
def test_in_space_true_in_any_spelling_keeps_spacecraft_in_space(api, fleet, spelling):
    assert ids(api.get(LIST, {"in_space": spelling})) == [2]


@pytest.mark.parametrize("spelling", ["false", "False", "0"])
def test_in_space_false_in_any_spelling_keeps_spacecraft_on_the_ground(api, fleet, spelling):
    assert ids(api.get(LIST, {"in_space": spelling})) == [1, 3, 4]


@pytest.mark.parametrize("spelling", ["true", "True", "1"])
def test_is_placeholder_true_keeps_placeholders(api, fleet, spelling):
    assert ids(api.get(LIST, {"is_placeholder": spelling})) == [4]


@pytest.mark.parametrize("spelling", ["false", "False", "0"])
def test_is_placeholder_false_keeps_real_spacecraft(api, fleet, spelling):
    assert ids(api.get(LIST, {"is_placeholder": spelling})) == [1, 2, 3]


def test_name_filter_matches_the_exact_name_only(api, fleet):
    assert ids(api.get(LIST, {"name": "Endeavour"})) == [1]
    assert ids(api.get(LIST, {"name": "Endeav"})) == []


def test_spacecraft_config_filter_matches_the_configuration_id(api, fleet):
    assert ids(api.get(LIST, {"spacecraft_config": fleet["capsule"].id})) == [2, 3, 4]


def test_status_filter_matches_the_status_id(api, fleet):
    assert ids(api.get(LIST, {"status": 2})) == [1]
    assert ids(api.get(LIST, {"status": fleet["active"].id})) == [2, 3, 4]


def test_filters_combine(api, fleet):
    query = {"spacecraft_config": fleet["capsule"].id, "is_placeholder": "false"}
    assert ids(api.get(LIST, query)) == [2, 3]


@pytest.mark.parametrize(
    "parameter, value",
    [
        ("in_space", "maybe"),
        ("is_placeholder", "yes"),
        ("status", "abc"),
        ("spacecraft_config", "1.5"),
    ],
)
def test_invalid_filter_value_is_a_400_naming_the_parameter(api, fleet, parameter, value):
    response = api.get(LIST, {parameter: value})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert list(response.json()) == [parameter]


@pytest.mark.parametrize("mode", ["list", "foo"])
def test_unknown_mode_is_a_400_naming_the_parameter(api, fleet, mode):
    response = api.get(LIST, {"mode": mode})
    assert response.status_code == 400
    assert list(response.json()) == ["mode"]
    assert mode in response.json()["mode"][0]


# --- spacecraft flights: what clients send beyond the document ------------------------------

FLIGHTS = "/2.3.0/spacecraft_flights/"


@pytest.fixture
def flights(fleet):
    """Flights of a spacecraft up now (one ended long ago, one under way) and of one on the
    ground (one ended lately, one whose end Hangar does not hold)."""
    up, down = fleet["endeavour_c206"], fleet["resilience"]
    return {
        "up_ended": f.flight(up, f.ago(days=900), mission_end=f.ago(days=800), id=11),
        "up_now": f.flight(up, f.ago(days=30), id=12),
        "down_ended": f.flight(down, f.ago(days=200), mission_end=f.ago(days=100), id=13),
        "down_open": f.flight(down, f.ago(days=500), id=14),
    }


def test_flights_up_now_are_those_of_spacecraft_in_space_not_yet_ended(api, flights):
    query = {"spacecraft__in_space": "true", "mission_end__isnull": "true"}
    assert ids(api.get(FLIGHTS, query)) == [12]
    assert ids(api.get(FLIGHTS, {"spacecraft__in_space": "false"})) == [13, 14]
    assert ids(api.get(FLIGHTS, {"mission_end__isnull": "false"})) == [11, 13]


def test_flights_ordered_by_mission_end_descending_put_unended_ones_first(api, flights):
    assert ids(api.get(FLIGHTS, {"ordering": "-mission_end"})) == [12, 14, 13, 11]
    assert ids(api.get(FLIGHTS, {"ordering": "mission_end"})) == [11, 13, 12, 14]


# --- search --------------------------------------------------------------------------------


def test_search_matches_the_name_case_insensitively(api, fleet):
    assert ids(api.get(LIST, {"search": "eNDEAV"})) == [1, 2]


def test_search_matches_the_configuration_name(api, fleet):
    assert ids(api.get(LIST, {"search": "shuttle"})) == [1]
    assert ids(api.get(LIST, {"search": "crew drag"})) == [2, 3, 4]


def test_search_without_match_is_an_empty_page(api, fleet):
    response = api.get(LIST, {"search": "Soyuz"})
    assert response.json() == {"count": 0, "next": None, "previous": None, "results": []}


# --- ordering ------------------------------------------------------------------------------

STORED_COLUMN = {
    "flights_count": "flights_count",
    "mission_ends_count": "mission_ends_count",
    "time_docked": "time_docked_s",
    "time_in_space": "time_in_space_s",
}


@pytest.mark.parametrize("field", sorted(STORED_COLUMN))
def test_ordering_ascending_puts_nulls_last_and_breaks_ties_by_id(api, db, field):
    # id: value; 3 and 5 tie, 6 has none.
    for pk, value in {5: 1, 3: 1, 4: 2, 6: None, 2: 0}.items():
        f.spacecraft(id=pk, **{STORED_COLUMN[field]: value})
    assert ids(api.get(LIST, {"ordering": field})) == [2, 3, 5, 4, 6]


@pytest.mark.parametrize("field", sorted(STORED_COLUMN))
def test_ordering_descending_puts_nulls_first_and_breaks_ties_by_id(api, db, field):
    for pk, value in {5: 1, 3: 1, 4: 2, 6: None, 2: 0}.items():
        f.spacecraft(id=pk, **{STORED_COLUMN[field]: value})
    assert ids(api.get(LIST, {"ordering": f"-{field}"})) == [6, 4, 3, 5, 2]


def test_ordering_by_id_both_ways(api, db):
    for pk in (3, 1, 2):
        f.spacecraft(id=pk)
    assert ids(api.get(LIST, {"ordering": "id"})) == [1, 2, 3]
    assert ids(api.get(LIST, {"ordering": "-id"})) == [3, 2, 1]


def test_default_order_is_by_id_and_an_unknown_ordering_field_is_ignored(api, db):
    for pk in (3, 1, 2):
        f.spacecraft(id=pk, name=f"{4 - pk}")
    assert ids(api.get(LIST)) == [1, 2, 3]
    assert ids(api.get(LIST, {"ordering": "name"})) == [1, 2, 3]


def test_an_unknown_ordering_field_is_dropped_and_the_offered_ones_still_apply(api, db):
    for pk, flights in {1: 2, 2: 3, 3: 1}.items():
        f.spacecraft(id=pk, name=f"{4 - pk}", flights_count=flights)
    assert ids(api.get(LIST, {"ordering": "name,-flights_count"})) == [2, 1, 3]
    assert ids(api.get(LIST, {"ordering": "-flights_count,unknown,-id"})) == [2, 1, 3]


def test_time_in_space_ordering_uses_live_values_of_spacecraft_still_up(api, db):
    # Stored two hours ago, the one still up had 1 h in space and the landed one 2 h; by now
    # the one still up has 3 h.
    up, landed = f.spacecraft(id=1), f.spacecraft(id=2)
    f.flight(up, f.ago(hours=3))
    f.flight(landed, f.ago(hours=10), f.ago(hours=8))
    stats.refresh_spacecraft([up.id, landed.id], now=f.ago(hours=2))
    up.refresh_from_db()
    assert (up.time_in_space_s, up.open_flights) == (3600, 1)

    assert ids(api.get(LIST, {"ordering": "time_in_space"})) == [2, 1]
    assert ids(api.get(LIST, {"ordering": "-time_in_space"})) == [1, 2]


def test_time_docked_ordering_uses_live_values_of_open_dockings(api, db):
    docked, departed = f.spacecraft(id=1), f.spacecraft(id=2)
    f.docking_event(f.flight(docked, f.ago(days=1)), f.ago(hours=3))
    f.docking_event(f.flight(departed, f.ago(days=1)), f.ago(hours=10), f.ago(hours=8))
    stats.refresh_spacecraft([docked.id, departed.id], now=f.ago(hours=2))

    assert ids(api.get(LIST, {"ordering": "time_docked"})) == [2, 1]
    assert ids(api.get(LIST, {"ordering": "-time_docked"})) == [1, 2]


# --- pagination ----------------------------------------------------------------------------


@pytest.fixture
def many(db):
    shared = f.config()
    for pk in range(1, 26):
        f.spacecraft(id=pk, spacecraft_config=shared)


def test_first_page_has_no_previous_and_a_next_with_limit(api, many):
    body = api.get(LIST).json()
    assert body["count"] == 25
    assert [r["id"] for r in body["results"]] == list(range(1, 11))
    assert body["previous"] is None
    assert body["next"] == "http://testserver/2.3.0/spacecraft/?limit=10&offset=10"


def test_links_are_absolute_with_sorted_parameters(api, many):
    body = api.get(LIST, {"ordering": "-id", "offset": 10, "format": "json", "limit": 5}).json()
    assert body["next"] == (
        "http://testserver/2.3.0/spacecraft/?format=json&limit=5&offset=15&ordering=-id"
    )
    assert body["previous"] == (
        "http://testserver/2.3.0/spacecraft/?format=json&limit=5&offset=5&ordering=-id"
    )


def test_previous_drops_offset_when_it_would_be_zero(api, many):
    body = api.get(LIST, {"offset": 10, "search": "Space"}).json()
    assert body["previous"] == "http://testserver/2.3.0/spacecraft/?limit=10&search=Space"


def test_last_page_has_no_next(api, many):
    body = api.get(LIST, {"offset": 20}).json()
    assert [r["id"] for r in body["results"]] == list(range(21, 26))
    assert body["next"] is None
    assert body["previous"] == "http://testserver/2.3.0/spacecraft/?limit=10&offset=10"


def test_offset_past_the_end_is_empty_with_the_right_count(api, many):
    body = api.get(LIST, {"offset": 100}).json()
    assert body["results"] == []
    assert body["count"] == 25
    assert body["next"] is None


@pytest.mark.parametrize("limit", ["0", "abc", "-3"])
def test_unusable_limit_falls_back_to_ten(api, many, limit):
    body = api.get(LIST, {"limit": limit}).json()
    assert len(body["results"]) == 10
    assert "limit=10" in body["next"]


def test_limit_is_capped_at_one_hundred(api, db):
    shared = f.config()
    for pk in range(1, 106):
        f.spacecraft(id=pk, spacecraft_config=shared)
    body = api.get(LIST, {"limit": 500}).json()
    assert len(body["results"]) == 100
    assert body["next"] == "http://testserver/2.3.0/spacecraft/?limit=100&offset=100"


# --- modes ---------------------------------------------------------------------------------


@pytest.fixture
def flown(db):
    """One spacecraft with everything nested: images, families, agencies, flights, landings."""
    (craft,) = f.rich_spacecraft(1)
    stats.refresh_spacecraft([craft.id])
    return craft


def assert_response_mode(obj: dict, component: str) -> None:
    assert list(obj) == properties(component)
    if "response_mode" in obj:
        default = contract.component(component)["properties"]["response_mode"]["default"]
        assert obj["response_mode"] == default


def assert_config_keys(config: dict, level: str) -> None:
    assert_response_mode(config, f"SpacecraftConfig{level}")
    assert_response_mode(config["agency"], "AgencyMini" if level == "Normal" else "AgencyNormal")
    assert_response_mode(config["image"], "Image")
    assert_response_mode(config["image"]["variants"][0], "ImageVariant")
    assert [family["response_mode"] for family in config["family"]] == ["normal", "normal"]
    for family in config["family"]:
        assert_response_mode(family, f"SpacecraftConfigFamily{level}")
    if level == "Detailed":
        assert_response_mode(config["agency"]["country"][0], "Country")
        assert_response_mode(config["agency"]["logo"], "Image")


def test_normal_mode_has_the_keys_of_spacecraft_normal(api, flown):
    (record,) = api.get(LIST).json()["results"]
    assert_response_mode(record, "SpacecraftNormal")
    assert_response_mode(record["image"], "Image")
    assert_config_keys(record["spacecraft_config"], "Normal")


def test_explicit_normal_mode_is_the_default(api, flown):
    assert api.get(LIST, {"mode": "normal"}).json() == api.get(LIST).json()


def test_detailed_mode_has_the_keys_of_spacecraft_endpoint_detailed(api, flown):
    (record,) = api.get(LIST, {"mode": "detailed"}).json()["results"]
    assert_response_mode(record, "SpacecraftEndpointDetailed")
    assert_config_keys(record["spacecraft_config"], "Detailed")
    assert len(record["flights"]) == 2
    flight = record["flights"][0]
    assert_response_mode(flight, "SpacecraftFlightNormal")
    assert_response_mode(flight["spacecraft"], "SpacecraftNormal")
    assert_config_keys(flight["spacecraft"]["spacecraft_config"], "Normal")
    assert_response_mode(flight["landing"], "Landing")
    assert list(flight["launch"]) == properties("LaunchNormal")


@pytest.mark.parametrize("query", [{}, {"mode": "normal"}, {"mode": "detailed"}])
def test_detail_view_is_always_detailed(api, flown, query):
    body = api.get(f"{LIST}{flown.id}/", query).json()
    assert_response_mode(body, "SpacecraftEndpointDetailed")
    assert_config_keys(body["spacecraft_config"], "Detailed")
    listed = api.get(LIST, {"mode": "detailed"}).json()["results"][0]
    assert body == listed


# --- errors, methods, headers, formats -----------------------------------------------------


def test_unknown_id_is_a_json_404(api, db):
    response = api.get(f"{LIST}999/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


def test_non_numeric_id_is_a_json_404(api, db):
    response = api.get(f"{LIST}abc/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Not found: /2.3.0/spacecraft/abc/"}


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("path", [LIST, f"{LIST}1/"])
def test_writes_are_405(api, fleet, method, path):
    response = getattr(api, method)(path)
    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert "detail" in response.json()


@pytest.mark.parametrize("path", [LIST, f"{LIST}1/"])
def test_responses_allow_get_and_vary_on_accept(api, fleet, path):
    response = api.get(path)
    assert response["Allow"] == "GET"
    # Origin too, since any origin may read the API (CORS).
    assert [v.strip().lower() for v in response["Vary"].split(",")] == ["accept", "origin"]
    page = api.get(f"{path}?format=api").content.decode()
    assert '<b>Allow:</b> <span class="lit">GET</span>' in page
    assert '<b>Vary:</b> <span class="lit">Accept</span>' in page


def test_format_json_answers_json(api, fleet):
    response = api.get(LIST, {"format": "json"})
    assert response["Content-Type"] == "application/json"
    assert response.json()["count"] == 4


def test_format_api_answers_the_browsable_page(api, fleet):
    response = api.get(LIST, {"format": "api"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "HTTP 200 OK" in page
    assert "Crew Dragon C206 Endeavour" in page


def test_format_api_page_shows_the_endpoint_description_from_the_schema(api, fleet):
    page = api.get(LIST, {"format": "api"}).content.decode()
    assert "Levels of detail in the response" in page
    assert "Fields searched" in page


@pytest.mark.parametrize("mode", ["normal", "detailed"])
def test_every_url_is_absolute_and_carries_the_format(api, flown, mode):
    body = api.get(LIST, {"mode": mode, "format": "json"}).json()
    found = list(urls(body))
    assert len(found) >= 5
    for url in found:
        assert url.startswith("http://testserver/2.3.0/")
        assert url.endswith("/?format=json")


def test_urls_have_no_query_without_format(api, flown):
    body = api.get(f"{LIST}{flown.id}/").json()
    assert body["url"] == f"http://testserver/2.3.0/spacecraft/{flown.id}/"
    for url in urls(body):
        assert url.startswith("http://testserver/2.3.0/")
        assert url.endswith("/")


# --- query counts --------------------------------------------------------------------------

# A list page: count, spacecraft, then one query per prefetched relation.
NORMAL_PAGE_QUERIES = 5
DETAILED_PAGE_QUERIES = 16
DETAIL_QUERIES = 15  # the detailed page without its count


@pytest.mark.parametrize("number", [10, 100])
@pytest.mark.parametrize(
    "mode, expected", [("normal", NORMAL_PAGE_QUERIES), ("detailed", DETAILED_PAGE_QUERIES)]
)
def test_a_page_costs_the_same_queries_whatever_its_size(
    api, db, settings, django_assert_num_queries, number, mode, expected
):
    crafts = f.rich_spacecraft(number)
    stats.refresh_spacecraft([craft.id for craft in crafts])
    with django_assert_num_queries(expected):
        response = api.get(LIST, {"mode": mode, "limit": 100})
    assert len(response.json()["results"]) == number


def test_detail_view_query_count(api, flown, settings, django_assert_num_queries):
    with django_assert_num_queries(DETAIL_QUERIES):
        assert api.get(f"{LIST}{flown.id}/").status_code == 200


def test_the_first_request_costs_what_any_request_costs(api, flown, django_assert_num_queries):
    with django_assert_num_queries(NORMAL_PAGE_QUERIES):
        api.get(LIST)


def test_a_flight_that_launched_since_the_last_refresh_is_served_without_writing(api, db):
    craft = f.spacecraft(id=1)
    f.flight(craft, f.ago(hours=1))
    # Stored two hours ago, when the flight was still to come.
    stats.refresh_spacecraft([craft.id], now=f.ago(hours=2))
    craft.refresh_from_db()
    assert (craft.flights_count, craft.in_space) == (0, False)

    body = api.get(f"{LIST}1/").json()
    assert (body["flights_count"], body["in_space"]) == (1, True)
    assert 3_599 <= parse_seconds(body["time_in_space"]) <= 3_610
    craft.refresh_from_db()
    assert (craft.flights_count, craft.in_space) == (0, False)  # a read never writes

    call_command("refresh", stdout=io.StringIO())
    craft.refresh_from_db()
    assert (craft.flights_count, craft.in_space) == (1, True)


def test_any_origin_may_read_the_api(api, db):
    response = api.get("/2.3.0/spacecraft/", HTTP_ORIGIN="https://dashboard.example")
    assert response["Access-Control-Allow-Origin"] == "*"


def test_urls_follow_the_forwarded_origin_behind_a_proxy(api, db, settings, spacecraft_page):
    settings.USE_X_FORWARDED_HOST = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.ALLOWED_HOSTS = ["hangar.example"]
    body = api.get(
        "/2.3.0/spacecraft/?limit=1",
        HTTP_X_FORWARDED_HOST="hangar.example",
        HTTP_X_FORWARDED_PROTO="https",
    ).json()
    assert body["results"][0]["url"].startswith("https://hangar.example/2.3.0/spacecraft/")
    assert body["next"].startswith("https://hangar.example/2.3.0/spacecraft/?")


def test_a_stale_spacecraft_costs_two_queries_however_often_a_response_nests_it(
    api, db, django_assert_num_queries
):
    craft = f.rich_spacecraft(1, flights=3)[0]
    f.flight(craft, f.ago(hours=1))
    stats.refresh_spacecraft([craft.id], now=f.ago(hours=2))  # before the last flight began
    fresh = api.get(f"{LIST}{craft.id}/")  # computed for the request: its flights and dockings
    with django_assert_num_queries(DETAIL_QUERIES + 2):
        assert api.get(f"{LIST}{craft.id}/").json()["flights_count"] == 4
    assert fresh.status_code == 200
