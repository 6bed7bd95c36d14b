"""Property-based requests to every operation of Hangar's own OpenAPI document, generated from
it by Schemathesis and sent to the WSGI application in-process, over the full test catalog:
no answer is a server error, every status code is one the document lists for the operation,
and every body and header is as the document describes it. The run is deterministic (examples
derived from the test's name, not drawn at random) and bounded, so that it fits in CI."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from hangar.wsgi import application
from tests.full_catalog import full_catalog  # noqa: F401 (a fixture)

# LL2 refuses no ``limit`` or ``offset`` (an unparseable one falls back to the default) and
# ignores parameters it does not know, and so does Hangar: a negative example may rightly be
# answered ``200``. Negative examples are still sent, and every other check holds for them.
# The coverage phase (every boundary of every parameter) is left to the examples drawn, which
# keeps the run within a minute or so.
CONFIG = SchemathesisConfig.from_dict(
    {
        "checks": {"negative_data_rejection": {"enabled": False}},
        "phases": {"coverage": {"enabled": False}},
        # Django refuses a NUL character in any text parameter (a 400 that names it).
        "generation": {"allow-x00": False},
    }
)
schema = schemathesis.openapi.from_wsgi("/schema/", application, config=CONFIG)


@pytest.fixture
def connection_kept():
    """The catalog lives in one transaction, which Django's end-of-request cleanup would close
    on PostgreSQL: turned off while the test runs, as Django's own test client does."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=10,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_documented(case, full_catalog, db, connection_kept):  # noqa: F811
    # The in-process client does not decompress: ask for the body as it is, not gzipped.
    case.call_and_validate(headers={"Accept-Encoding": "identity"})
