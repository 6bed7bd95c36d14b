"""The whole API: every path of the official 2.3.0 document answers, Hangar serves no path the
document lacks, and the API root lists every endpoint."""

import json
import re
import uuid

import pytest
from django.db import transaction
from drf_spectacular.generators import SchemaGenerator

from hangar.ll2.schema import SCHEMA_PATH
from tests import factories as f
from tests.conftest import SPUTNIK_LAUNCH, sample

DOCUMENT_PATHS = sorted(json.loads(SCHEMA_PATH.read_text())["paths"])
LISTS = [path for path in DOCUMENT_PATHS if not path.endswith("{id}/")]
DETAILS = [path for path in DOCUMENT_PATHS if path.endswith("{id}/")]
# Paths that answer something else than a page: the caller's budgets, one dashboard object.
NOT_PAGES = {"/2.3.0/api-throttle/": list, "/2.3.0/dashboard/starship/": dict}


@pytest.fixture(scope="module")
def catalog(django_db_setup, django_db_blocker):
    """A few records of every kind, built once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield f.rich_catalog(2, sample(SPUTNIK_LAUNCH)["response"])
        transaction.set_rollback(True)


@pytest.fixture
def served(catalog, db, api):
    return api


def test_hangar_serves_exactly_the_paths_of_the_document():
    served = set(SchemaGenerator().get_schema(request=None, public=True)["paths"])
    assert sorted(set(DOCUMENT_PATHS) - served) == []
    assert sorted(served - set(DOCUMENT_PATHS)) == []
    assert len(DOCUMENT_PATHS) == 116


@pytest.mark.parametrize("path", LISTS)
def test_every_list_path_answers(served, path):
    response = served.get(path, {"format": "json"})
    assert response.status_code == 200, response.content[:300]
    body = response.json()
    if path in NOT_PAGES:
        assert isinstance(body, NOT_PAGES[path])
    else:
        assert body["count"] == len(body["results"]) or body["next"]


@pytest.mark.parametrize("path", DETAILS)
def test_every_detail_path_answers_for_a_record_and_not_for_a_stranger(served, path):
    listed = path.removesuffix("{id}/")
    results = served.get(listed, {"format": "json", "limit": 1}).json()["results"]
    if results:
        record = served.get(f"{listed}{results[0]['id']}/", {"format": "json"})
        assert record.status_code == 200, record.content[:300]
    stranger = uuid.uuid4() if re.search(r"launches", path) else 2_000_000_000
    missing = served.get(f"{listed}{stranger}/", {"format": "json"})
    assert missing.status_code == 404
    assert "detail" in missing.json()


def test_the_api_root_lists_every_endpoint(served):
    root = served.get("/2.3.0/", {"format": "json"}).json()
    assert sorted(f"/2.3.0/{name}/" for name in root) == LISTS
