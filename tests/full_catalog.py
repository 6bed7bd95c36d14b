"""The catalog the OpenAPI tests run over: every bundled file of real LL2 records and a few
synthetic records of every kind, so that every list and detail view has something to serve."""

import pytest
from django.db import transaction

from hangar.ingest.importer import import_files
from tests import factories as f
from tests.conftest import DATA_DIR, SPUTNIK_LAUNCH, sample


@pytest.fixture(scope="module")
def full_catalog(django_db_setup, django_db_blocker):
    """Built once for the module in a transaction rolled back after its last test."""
    with django_db_blocker.unblock(), transaction.atomic():
        import_files(sorted(DATA_DIR.glob("*.json")))
        f.rich_catalog(3, sample(SPUTNIK_LAUNCH)["response"])
        yield
        transaction.set_rollback(True)
