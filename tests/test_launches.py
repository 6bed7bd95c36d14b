"""Launches belong to another domain: Hangar answers those its flights refer to, from the
document it stored, whatever level of detail that document came at."""

from datetime import UTC, datetime

from tests import factories


def test_a_launch_known_only_from_a_flight_answers_with_empty_lists(api, db):
    launch = factories.launch(datetime(2020, 5, 30, 19, 22, tzinfo=UTC), name="Demo-2")
    body = api.get(f"/2.3.0/launches/{launch.pk}/").json()
    assert body["name"] == "Demo-2"
    assert body["response_mode"] == "detailed"
    for name in ("updates", "info_urls", "vid_urls", "timeline", "mission_patches"):
        assert body[name] == [], name
    assert body["url"] == f"http://testserver/2.3.0/launches/{launch.pk}/"


def test_launches_are_not_listed(api, db):
    assert api.get("/2.3.0/launches/").status_code == 404


def test_an_unknown_launch_is_a_json_404(api, db):
    response = api.get("/2.3.0/launches/00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404
    assert "detail" in response.json()
