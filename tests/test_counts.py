"""Pages' counts kept per catalog version (``hangar.core.counts``), and pages in the second half
of the rows read from the end (``hangar.core.pagination``)."""

from __future__ import annotations

import copy

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hangar.core import counts
from hangar.ingest.importer import import_documents, import_files
from tests.conftest import SPACECRAFT_PAGE, sample

PAGE = "/2.3.0/spacecraft/?limit=2&ordering=id"


@pytest.fixture
def committed_page(transactional_db):
    """The sample page imported and committed: outside a transaction, counts are kept."""
    counts.forget()
    import_files([SPACECRAFT_PAGE])
    yield sample(SPACECRAFT_PAGE)
    counts.forget()


def count_queries(api, path: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        body = api.get(path).json()
    counted = sum("COUNT(" in query["sql"].upper() for query in queries.captured_queries)
    return body["count"], counted


def test_a_count_is_asked_once_per_catalog_version(api, committed_page):
    total = len(committed_page["response"]["results"])
    assert count_queries(api, PAGE) == (total, 1)
    assert count_queries(api, PAGE) == (total, 0)
    assert count_queries(api, PAGE + "&name=none") == (0, 1)


def test_an_import_that_adds_rows_is_counted_at_once(api, committed_page):
    total = len(committed_page["response"]["results"])
    count_queries(api, PAGE)
    more = copy.deepcopy(committed_page)
    added = copy.deepcopy(more["response"]["results"][0])
    added["id"], added["name"] = 999_999, "One more"
    added["url"] = added["url"].replace(f"/{more['response']['results'][0]['id']}/", "/999999/")
    more["response"]["results"] = [added]
    import_documents([("more.json", more)])
    assert count_queries(api, PAGE) == (total + 1, 1)


def test_within_a_transaction_every_count_is_asked(api, spacecraft_page, settings):
    settings.COUNT_CACHE = True
    assert count_queries(api, PAGE)[1] == 1
    assert count_queries(api, PAGE)[1] == 1


@pytest.mark.parametrize("ordering", ["id", "-id", "name", "-time_in_space", "-flights_count"])
def test_a_page_read_from_the_end_is_the_page_read_from_the_start(api, spacecraft_page, ordering):
    everything = api.get(f"/2.3.0/spacecraft/?limit=100&ordering={ordering}").json()["results"]
    ids = [craft["id"] for craft in everything]
    assert len(ids) > 6
    for offset in (len(ids) // 2 + 1, len(ids) - 3, len(ids) - 1):
        page = api.get(f"/2.3.0/spacecraft/?limit=4&offset={offset}&ordering={ordering}").json()
        assert [craft["id"] for craft in page["results"]] == ids[offset : offset + 4]
        assert page["count"] == len(ids)
