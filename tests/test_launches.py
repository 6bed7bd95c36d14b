"""``launches/``, ``launches/upcoming/`` and ``launches/previous/`` against LL2's real
responses, and the windows, orderings and detail views of the three lists."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from hangar.ingest.importer import import_files
from tests import launch_factories as lf
from tests.conftest import DATA_DIR, SPUTNIK_LAUNCH, sample

UPSTREAM = "https://ll.thespacedevs.com"
DEV_UPSTREAM = "https://lldev.thespacedevs.com"


def served(document, origin: str = "http://testserver"):
    text = json.dumps(document).replace(UPSTREAM, origin).replace(DEV_UPSTREAM, origin)
    return json.loads(text)


@pytest.fixture
def clock(monkeypatch):
    """Freeze the instant requests describe (the windows of upcoming and previous, and
    ``hide_recent_previous``)."""

    def freeze(text: str) -> datetime:
        instant = datetime.fromisoformat(text.replace("Z", "+00:00"))

        monkeypatch.setattr(timezone, "now", lambda: instant)
        return instant

    return freeze


def shape(document):
    """The keys of a document in order, at every level (numbers compare by value: a saved
    response may write the float 84.0 as 84)."""
    if isinstance(document, dict):
        return [(key, shape(value)) for key, value in document.items()]
    if isinstance(document, list):
        return [shape(item) for item in document]
    return None


def same_documents(actual, expected) -> None:
    assert actual == expected
    assert shape(actual) == shape(expected)


def test_the_detailed_sputnik_launch_matches_ll2(api, db):
    import_files([SPUTNIK_LAUNCH])
    expected = served(sample(SPUTNIK_LAUNCH)["response"])
    response = api.get(f"/2.3.0/launches/{expected['id']}/")
    assert response.status_code == 200
    same_documents(response.json(), expected)


def test_the_first_two_launches_match_ll2_in_normal_mode(api, db):
    path = DATA_DIR / "launches-normal-list.json"
    import_files([path])
    response = api.get("/2.3.0/launches/?limit=2")
    same_documents(response.json()["results"], served(sample(path)["response"]["results"]))


@pytest.mark.parametrize(
    ("name", "request_path"),
    [
        ("launches-upcoming-spacex-list.json", "/2.3.0/launches/upcoming/?limit=5&mode=list"),
        ("launches-previous-spacex-list.json", "/2.3.0/launches/previous/?limit=5&mode=list"),
        ("launches-spacex-list.json", "/2.3.0/launches/?limit=5&mode=list"),
    ],
)
def test_spacex_pages_match_ll2_at_their_own_time(api, db, clock, name, request_path):
    """Captured at one moment (between the newest ``last_updated`` and the first launch
    leaving the upcoming window). List mode names no provider, so the page is asked for
    without ``lsp__id``: Hangar holds only these launches."""
    path = DATA_DIR / name
    import_files([path])
    clock("2026-08-23T00:00:00Z")
    response = api.get(request_path)
    same_documents(response.json()["results"], served(sample(path)["response"]["results"]))


def test_the_development_servers_upcoming_page_matches_in_normal_mode(api, db, clock):
    path = DATA_DIR / "launches-upcoming-dev-normal.json"
    import_files([path])
    clock("2025-12-30T00:00:00Z")
    response = api.get("/2.3.0/launches/upcoming/?limit=10")
    same_documents(response.json()["results"], served(sample(path)["response"]["results"]))


def test_a_launch_of_the_last_day_is_in_both_windows(api, db, clock):
    now = clock("2026-01-10T12:00:00Z")
    yesterday = lf.launch(now - timedelta(hours=23), name="B")
    old = lf.launch(now - timedelta(hours=25), name="A")
    ahead = lf.launch(now + timedelta(hours=1), status_id=1, name="C")
    upcoming = [r["id"] for r in api.get("/2.3.0/launches/upcoming/").json()["results"]]
    previous = [r["id"] for r in api.get("/2.3.0/launches/previous/").json()["results"]]
    assert upcoming == [str(yesterday.pk), str(ahead.pk)]
    assert previous == [str(yesterday.pk), str(old.pk)]
    hidden = api.get("/2.3.0/launches/upcoming/?hide_recent_previous=True").json()["results"]
    assert [r["id"] for r in hidden] == [str(ahead.pk)]


def test_home_assistants_call_answers_the_next_launch(api, db, clock):
    now = clock("2026-01-10T12:00:00Z")
    lf.launch(now - timedelta(hours=2), name="Just flew")
    following = lf.launch(now + timedelta(hours=3), status_id=1, name="Next")
    lf.launch(now + timedelta(days=3), status_id=1, name="Later")
    body = api.get("/2.3.0/launches/upcoming/?limit=1&hide_recent_previous=True&format=json").json()
    assert body["count"] == 2
    assert [r["id"] for r in body["results"]] == [str(following.pk)]


def test_ties_at_one_instant_come_in_name_then_id_order_in_upcoming(api, db, clock):
    now = clock("2026-01-10T12:00:00Z")
    at = now + timedelta(days=1)
    rows = [lf.launch(at, status_id=1, name=name) for name in ("Charlie", "Alpha", "Bravo")]
    body = api.get("/2.3.0/launches/upcoming/").json()
    assert [r["name"] for r in body["results"]] == ["Alpha", "Bravo", "Charlie"]
    assert {r["id"] for r in body["results"]} == {str(row.pk) for row in rows}


def test_detail_views_answer_from_their_window(api, db, clock):
    now = clock("2026-01-10T12:00:00Z")
    old = lf.launch(now - timedelta(days=3))
    ahead = lf.launch(now + timedelta(days=3), status_id=1)
    assert api.get(f"/2.3.0/launches/upcoming/{ahead.pk}/").status_code == 200
    assert api.get(f"/2.3.0/launches/upcoming/{old.pk}/").status_code == 404
    assert api.get(f"/2.3.0/launches/previous/{old.pk}/").status_code == 200
    assert api.get(f"/2.3.0/launches/previous/{ahead.pk}/").status_code == 404
    for launch in (old, ahead):
        body = api.get(f"/2.3.0/launches/{launch.pk}/").json()
        assert body["response_mode"] == "detailed"


def test_a_launch_links_to_its_pad_location_configuration_and_programs(api, db):
    program = lf.program()
    launch = lf.launch(datetime(2024, 1, 1, tzinfo=UTC), programs=[program])
    body = api.get(f"/2.3.0/launches/{launch.pk}/?format=json").json()
    for url in (
        body["pad"]["url"],
        body["pad"]["location"]["url"],
        body["rocket"]["configuration"]["url"],
        body["program"][0]["url"],
        body["launch_service_provider"]["url"],
    ):
        assert url.startswith("http://testserver/2.3.0/")
        assert api.get(url.removeprefix("http://testserver")).status_code == 200, url


def test_an_unknown_launch_is_a_json_404(api, db):
    response = api.get("/2.3.0/launches/00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404
    assert "detail" in response.json()


def test_an_unknown_mode_is_a_400_naming_it(api, db):
    response = api.get("/2.3.0/launches/upcoming/?mode=huge")
    assert response.status_code == 400
    assert "mode" in response.json()


@pytest.mark.parametrize(
    ("name", "request_path"),
    [("agency-121-normal.json", "/2.3.0/agencies/?id=121&mode=normal")],
)
def test_pages_of_the_launch_domains_neighbours_match_ll2(api, db, name, request_path):
    """SpaceX's launch and landing figures are kept as imported while Hangar holds fewer of its
    launches than they count. (The stations' page, which depends on the instant, is tested in
    ``test_stations.py``.)"""
    path = DATA_DIR / name
    import_files([path])
    response = api.get(request_path)
    same_documents(response.json()["results"], served(sample(path)["response"]["results"]))
