import json
from pathlib import Path

import pytest
from rest_framework.test import APIClient

from hangar.ingest.importer import import_files

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SPACECRAFT_PAGE = DATA_DIR / "spacecraft-list-offset350-ordering-id.json"
AGENCY_44 = DATA_DIR / "agency-44-detailed.json"
SPUTNIK_LAUNCH = DATA_DIR / "launch-detailed-sputnik-1.json"


def sample(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def spacecraft_page(db):
    import_files([SPACECRAFT_PAGE])
    return sample(SPACECRAFT_PAGE)
