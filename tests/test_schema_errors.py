"""Hangar's OpenAPI document lists the errors each operation answers, and the errors around it
are JSON: an unknown ``format`` of ``/schema/`` is a 404, an ``Accept`` Hangar cannot satisfy
a 406, each with LL2's ``{"detail": ...}`` body."""

import pytest


@pytest.fixture
def document(api, db):
    return api.get("/schema/").json()


def test_a_list_with_filters_documents_every_error_it_answers(document):
    responses = document["paths"]["/2.3.0/spacecraft/"]["get"]["responses"]
    assert set(responses) == {"200", "400", "404", "405", "406", "429", "503"}
    refused = document["components"]["responses"]["BadParameter"]["content"]
    assert refused["application/json"]["schema"] == {"$ref": "#/components/schemas/ValidationError"}
    throttled = document["components"]["responses"]["Throttled"]
    assert "Retry-After" in throttled["headers"]
    assert "Retry-After" in document["components"]["responses"]["DatabaseUnavailable"]["headers"]


def test_a_detail_view_refuses_no_parameter_and_api_throttle_reads_no_database(document):
    detail = document["paths"]["/2.3.0/spacecraft/{id}/"]["get"]["responses"]
    assert "400" not in detail and "404" in detail
    throttle = document["paths"]["/2.3.0/api-throttle/"]["get"]["responses"]
    assert "503" not in throttle


def test_the_modes_of_a_list_are_told_apart_by_response_mode(document):
    modes = document["components"]["schemas"]["SpacecraftAnyMode"]
    assert set(modes["discriminator"]["mapping"]) == {"normal", "detailed"}
    normal = document["components"]["schemas"]["SpacecraftNormal"]
    assert normal["properties"]["response_mode"]["enum"] == ["normal"]


@pytest.mark.parametrize("fmt", ["bogus", "xml", "csv"])
def test_an_unknown_schema_format_is_a_json_404(api, db, fmt):
    response = api.get(f"/schema/?format={fmt}")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


@pytest.mark.parametrize("path", ["/2.3.0/spacecraft/", "/2.3.0/api-throttle/", "/schema/"])
def test_an_accept_header_hangar_cannot_satisfy_is_a_json_406(api, db, path):
    response = api.get(path, HTTP_ACCEPT="text/csv")
    assert response.status_code == 406
    assert response["Content-Type"].startswith("application/json")
    assert "Accept" in response.json()["detail"]
