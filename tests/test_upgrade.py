"""The upgrade step: launch documents an earlier Hangar stored are read into the tables once,
and a document that cannot be read changes nothing and says why."""

import pytest

from hangar.ingest.upgrade import UpgradeRefused, upgrade_documents
from hangar.ingest.write import same
from tests import factories as f
from tests import models as m
from tests.conftest import SPUTNIK_LAUNCH, sample


def stored_sputnik() -> m.Launch:
    document = sample(SPUTNIK_LAUNCH)["response"]
    return f.launch(f.at("1957-10-04T19:28:34"), id=document["id"], document=document)


def test_a_stored_launch_document_is_read_into_the_tables(api, db):
    launch = stored_sputnik()
    assert upgrade_documents() == 1
    launch.refresh_from_db()
    assert launch.document == {}
    assert launch.pad.name == "1/5"
    assert launch.rocket.configuration.full_name == "Sputnik 8K74PS"
    assert m.PayloadFlight.objects.filter(launch=launch).count() == 1
    body = api.get(f"/2.3.0/launches/{launch.pk}/").json()
    assert body["mission"]["name"] == "Sputnik 1"
    assert upgrade_documents() == 0  # once


def test_a_document_that_cannot_be_read_changes_nothing(db):
    launch = stored_sputnik()
    broken = {**launch.document, "net": "yesterday"}
    m.Launch.objects.filter(pk=launch.pk).update(document=broken)
    with pytest.raises(UpgradeRefused, match="net"):
        upgrade_documents()
    launch.refresh_from_db()
    # Numbers compared by value: PostgreSQL's jsonb gives some floats back as integers.
    assert same(launch.document, broken)
    assert not m.Pad.objects.exists()
