"""Hangar answers what LL2 answered, field for field, for the real records bundled with it."""

import json

from tests.conftest import SPACECRAFT_PAGE, sample

UPSTREAM = "https://ll.thespacedevs.com"


def as_served(results: list, origin: str, fmt: str | None) -> list:
    text = json.dumps(results).replace(UPSTREAM, origin)
    text = text.replace("?format=api", f"?format={fmt}" if fmt else "")
    return json.loads(text)


def test_spacecraft_page_matches_ll2_with_format_json(api, spacecraft_page):
    response = api.get("/2.3.0/spacecraft/?ordering=-id&format=json")
    expected = as_served(spacecraft_page["response"]["results"], "http://testserver", "json")
    assert response.status_code == 200
    assert response.json()["results"] == expected
    # Same keys in the same order, at every level.
    assert json.dumps(response.json()["results"]) == json.dumps(expected)


def test_spacecraft_page_matches_ll2_without_format(api, spacecraft_page):
    response = api.get("/2.3.0/spacecraft/?ordering=-id")
    expected = as_served(spacecraft_page["response"]["results"], "http://testserver", None)
    assert json.dumps(response.json()["results"]) == json.dumps(expected)


def test_each_spacecraft_of_the_page_answers_at_its_url(api, spacecraft_page):
    for record in sample(SPACECRAFT_PAGE)["response"]["results"]:
        response = api.get(f"/2.3.0/spacecraft/{record['id']}/?format=json")
        body = response.json()
        assert response.status_code == 200
        assert body["response_mode"] == "detailed"
        assert body["name"] == record["name"]
        assert body["time_in_space"] == record["time_in_space"]
        assert body["flights"] == []


def test_agency_44_matches_ll2(api, db):
    """The saved NASA response carries a placeholder description at its top level and the real
    one in its nested copies; one agency has one description, so the top level's is served
    everywhere."""
    from hangar.ingest.importer import import_files
    from tests.conftest import AGENCY_44

    import_files([AGENCY_44])
    expected = json.loads(
        AGENCY_44.read_text(encoding="utf-8").replace(UPSTREAM, "http://testserver")
    )
    expected = expected["response"]
    for config in expected["spacecraft_list"]:
        config["agency"]["description"] = expected["description"]
    for config in expected["launcher_list"]:
        for family in config["families"]:
            for maker in family["manufacturer"]:
                if maker["id"] == expected["id"]:
                    maker["description"] = expected["description"]
    response = api.get("/2.3.0/agencies/44/")
    assert response.status_code == 200
    assert json.dumps(response.json()) == json.dumps(expected)
