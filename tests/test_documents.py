"""The document store (``hangar.core.documents``): pages assembled from kept objects are the
bytes the serializers give, for every endpoint, mode, origin and format; kept objects cost one
query a page and none a detail view; a commit, time and the switch are obeyed."""

from __future__ import annotations

import copy
from datetime import timedelta

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hangar.core import counts, documents
from hangar.core.models import bump_catalog_version
from hangar.core.registry import registry
from hangar.ingest.importer import import_documents, import_files
from hangar.spacecraft.models import Spacecraft
from tests import factories as f
from tests.conftest import DATA_DIR, SPACECRAFT_PAGE, SPUTNIK_LAUNCH, sample


@pytest.fixture
def instant(monkeypatch):
    """The instant every request answers for, set by the test."""
    clock = {"now": timezone.now().replace(microsecond=0)}
    monkeypatch.setattr(timezone, "now", lambda: clock["now"])
    return clock


@pytest.fixture
def committed(transactional_db):
    """A catalog committed outside any transaction, where documents are kept."""
    counts.forget()
    documents.STORE.clear()
    yield
    documents.STORE.clear()
    counts.forget()


def serialized(api, url: str, **headers):
    with override_settings(DOCUMENT_CACHE=False):
        return api.get(url, **headers)


def assert_same_answer(api, url: str, **headers) -> None:
    expected = serialized(api, url, **headers)
    for attempt in ("rendered", "kept"):
        answer = api.get(url, **headers)
        assert (answer.status_code, answer.content) == (
            expected.status_code,
            expected.content,
        ), f"{url} ({attempt})"


def test_every_endpoint_and_mode_answers_the_same_bytes(api, committed, instant):
    import_files(sorted(DATA_DIR.glob("*.json")))
    f.rich_catalog(3, sample(SPUTNIK_LAUNCH)["response"])
    for resource in registry.resources():
        if resource.single:
            continue
        if resource.listed:
            for mode in resource.modes:
                assert_same_answer(api, f"/2.3.0/{resource.path}?mode={mode}&limit=100")
            page = api.get(f"/2.3.0/{resource.path}?limit=2&format=json").json()["results"]
            ids = [record["id"] for record in page]
        else:
            ids = list(resource.model.objects.order_by("pk").values_list("pk", flat=True)[:2])
        for pk in ids:
            assert_same_answer(api, f"/2.3.0/{resource.path}{pk}/?format=json")


def test_origin_format_offset_and_ordering_are_each_requests_own(api, committed, instant):
    import_files([SPACECRAFT_PAGE])
    for url, headers in [
        ("/2.3.0/spacecraft/?limit=5&format=json", {}),
        ("/2.3.0/spacecraft/?limit=5", {}),
        ("/2.3.0/spacecraft/?limit=5", {"HTTP_HOST": "mirror.example"}),
        ("/2.3.0/spacecraft/?limit=5", {"HTTP_X_FORWARDED_PROTO": "https"}),
        ("/2.3.0/spacecraft/?limit=3&offset=7&ordering=-name", {}),
        ("/2.3.0/spacecraft/?limit=4&offset=9&ordering=-time_in_space", {}),
        ("/2.3.0/spacecraft/?search=dragon&mode=detailed", {}),
        ("/2.3.0/spacecraft/233/", {"HTTP_HOST": "mirror.example"}),
        ("/2.3.0/spacecraft/999999/", {}),
    ]:
        assert_same_answer(api, url, **headers)


def test_text_that_reads_like_a_placeholder_is_served_as_it_is(api, committed, instant):
    import_files([SPACECRAFT_PAGE])
    text = "\\u0000R, \\u0000S and \\u0000L1:2:3 at the end: \\u0000S"
    Spacecraft.objects.filter(pk=233).update(name="\\u0000R", description=text)
    bump_catalog_version()
    for url in ("/2.3.0/spacecraft/233/", "/2.3.0/spacecraft/?limit=100&format=json"):
        assert_same_answer(api, url)
    assert api.get("/2.3.0/spacecraft/233/").json()["description"] == text


def test_a_malformed_key_is_a_404_as_it_is_without_documents(api, committed, instant):
    import_files([SPUTNIK_LAUNCH])
    for key in ("-" * 36, "0" * 36):
        assert_same_answer(api, f"/2.3.0/launches/{key}/")
        assert api.get(f"/2.3.0/launches/{key}/").status_code == 404


def test_kept_objects_cost_one_query_a_page_and_none_a_detail_view(api, committed, instant):
    import_files([SPACECRAFT_PAGE])
    page = "/2.3.0/spacecraft/?limit=100&mode=detailed&format=json"
    api.get(page)
    api.get("/2.3.0/spacecraft/233/")
    with CaptureQueriesContext(connection) as queries:
        assert api.get(page).status_code == 200
    assert len(queries) == 1  # the primary keys of the page; its count is kept too
    with CaptureQueriesContext(connection) as queries:
        assert api.get("/2.3.0/spacecraft/233/").status_code == 200
    assert len(queries) == 0
    with CaptureQueriesContext(connection) as queries:
        assert api.get(page + "&offset=1").status_code == 200
    assert len(queries) == 1  # the same count, other primary keys, every object kept


def test_a_commit_is_served_at_once(api, committed, instant):
    page = sample(SPACECRAFT_PAGE)
    import_files([SPACECRAFT_PAGE])
    assert api.get("/2.3.0/spacecraft/233/").json()["name"] != "Renamed"
    changed = copy.deepcopy(page)
    changed["response"]["results"] = [
        dict(record, name="Renamed")
        for record in page["response"]["results"]
        if record["id"] == 233
    ]
    import_documents([("changed.json", changed)])
    assert api.get("/2.3.0/spacecraft/233/").json()["name"] == "Renamed"
    assert_same_answer(api, "/2.3.0/spacecraft/?limit=100")


def test_a_growing_duration_is_of_the_instant_of_each_answer(api, committed, instant):
    import_files([SPACECRAFT_PAGE])
    as_of = int(instant["now"].timestamp())
    Spacecraft.objects.filter(pk=233).update(
        time_in_space_s=1000, open_flights=1, stats_as_of=as_of
    )
    bump_catalog_version()
    url = "/2.3.0/spacecraft/233/"
    before = api.get(url).json()["time_in_space"]
    instant["now"] += timedelta(seconds=90)
    after = api.get(url)
    assert (before, after.json()["time_in_space"]) == ("PT16M40S", "PT18M10S")
    assert after.content == serialized(api, url).content


def test_the_switch_serializes_every_object(api, committed, instant):
    import_files([SPACECRAFT_PAGE])
    page = "/2.3.0/spacecraft/?limit=100&mode=detailed"
    api.get(page)
    with override_settings(DOCUMENT_CACHE=False), CaptureQueriesContext(connection) as queries:
        api.get(page)
    assert len(queries) > 2


def test_nothing_is_kept_inside_a_transaction(api, spacecraft_page):
    documents.STORE.clear()
    api.get("/2.3.0/spacecraft/233/")
    assert not any(generation.documents for generation in documents.STORE.generations.values())
