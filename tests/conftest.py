import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from rest_framework.test import APIClient

from hangar.ingest.importer import import_files
from tests.upstream import UpstreamHangar, build_database

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SPACECRAFT_PAGE = DATA_DIR / "spacecraft-list-offset350-ordering-id.json"
AGENCY_44 = DATA_DIR / "agency-44-detailed.json"
SPUTNIK_LAUNCH = DATA_DIR / "launch-detailed-sputnik-1.json"


def sample(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def api():
    return APIClient()


# Built once for the whole run rather than for a module: pytest-django runs the tests that use
# the database before the others, which splits a module like tests/test_sync.py in two, and a
# module-scoped copy would be built and started once for each part.
@pytest.fixture(scope="session")
def upstream_database(tmp_path_factory) -> Path:
    """A SQLite catalog of the bundled records and synthetic spacecraft (``tests/upstream.py``)."""
    return build_database(tmp_path_factory.mktemp("upstream-build"), datetime.now(UTC))


@pytest.fixture(scope="session")
def upstream(upstream_database, tmp_path_factory):
    """``hangar serve`` on a copy of ``upstream_database``; no test changes what it serves."""
    server = UpstreamHangar(tmp_path_factory.mktemp("upstream"), upstream_database).start()
    yield server
    server.stop()


@pytest.fixture
def spacecraft_page(db):
    import_files([SPACECRAFT_PAGE])
    return sample(SPACECRAFT_PAGE)
