"""Hangar's own OpenAPI document (``/schema/``) types every property as it is served: each list
endpoint in each of its modes, the detail view of its first record, and the single objects, over
the bundled real records and a synthetic catalog of every kind of record, validate against the
response schema the document gives their operation."""

import pytest

from hangar.core.registry import registry
from tests.full_catalog import full_catalog  # noqa: F401 (a fixture)
from tests.openapi_validation import response_validator, violations

API = "/2.3.0/"
LISTED = [resource for resource in registry.resources() if resource.listed]
LIST_MODES = [(resource.path, mode) for resource in LISTED for mode in resource.modes]
SINGLE = [(r.path, mode) for r in registry.resources() if r.single for mode in r.modes]


@pytest.fixture(scope="module")
def document(django_db_setup, django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        response = Client().get("/schema/")
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def served(full_catalog, db, api):  # noqa: F811
    return api


def served_json(api, url: str, **params):
    response = api.get(url, params)
    assert response.status_code == 200, (url, response.content[:300])
    return response.json()


def assert_valid(document, template: str, body) -> None:
    found = violations(response_validator(document, f"{API}{template}"), body)
    assert not found, f"GET {template}: " + "\n".join(found)


@pytest.mark.parametrize("path, mode", LIST_MODES)
def test_every_list_and_mode_is_served_as_its_schema_says(served, document, path, mode):
    body = served_json(served, f"{API}{path}", mode=mode, limit=100)
    assert_valid(document, path, body)


@pytest.mark.parametrize("path", [resource.path for resource in LISTED])
def test_the_detail_view_of_each_list_is_served_as_its_schema_says(served, document, path):
    results = served_json(served, f"{API}{path}", limit=1)["results"]
    assert results, f"{path} holds no record in the test catalog"
    body = served_json(served, f"{API}{path}{results[0]['id']}/")
    assert_valid(document, f"{path}{{id}}/", body)


@pytest.mark.parametrize("path, mode", SINGLE)
def test_single_objects_are_served_as_their_schema_says(served, document, path, mode):
    assert_valid(document, path, served_json(served, f"{API}{path}", mode=mode))


def test_api_throttle_is_served_as_its_schema_says(served, document):
    assert_valid(document, "api-throttle/", served_json(served, f"{API}api-throttle/"))


def test_the_check_catches_a_property_served_otherwise(served, document):
    body = served_json(served, f"{API}agencies/", mode="detailed", limit=1)
    body["results"][0]["social_media_links"] = {}
    body["results"][0]["founding_year"] = "1958"
    found = violations(response_validator(document, f"{API}agencies/"), body)
    assert found and all(place.startswith("results/0") for place in found)
