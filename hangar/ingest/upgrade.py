"""The upgrade step of the relational launch domain: documents an earlier Hangar stored of
launches, landing locations and payload flights are read into the tables, once.

It runs after every ``hangar migrate`` (which ``make run``, ``hangar serve`` deployments and
upgrades all run) and does nothing when no such document is left. The documents are imported as
the records they are, through the importer, in one transaction with the emptying of the
documents: either the tables hold what the documents said and the documents are gone, or
nothing changed and the command says why (the documents stay for the next attempt)."""

from __future__ import annotations

from datetime import UTC, datetime

from django.apps import apps
from django.db import transaction

from hangar.core.registry import registry
from hangar.ingest.importer import ImportRefused, collect, write_and_refresh
from hangar.ingest.write import RowsRefused

LEGACY = (
    # model, column, the resource its documents are records of
    ("Launch", "document", "launches"),
    ("LandingLocation", "legacy_document", "config/landing_locations"),
    ("DockingEvent", "legacy_payload_flight_target", "payload_flights"),
    ("DockingEvent", "legacy_payload_flight_chaser", "payload_flights"),
)


class UpgradeRefused(Exception):
    pass


def legacy_documents() -> list[tuple[str, object]]:
    documents = []
    for model_name, column, resource in LEGACY:
        model = apps.get_model("catalog", model_name)
        rows = model.objects.exclude(**{f"{column}__isnull": True}).exclude(**{column: {}})
        for pk, document in rows.values_list("pk", column):
            if isinstance(document, dict) and document:
                source = f"stored {model._meta.verbose_name} {pk}: {column}"
                documents.append(
                    (source, {"request": f"GET /2.3.0/{resource}/", "response": document})
                )
    return documents


def upgrade_documents(now=None) -> int:
    """Read the stored documents into the tables; the number of documents read."""
    documents = legacy_documents()
    if not documents:
        return 0
    now = now or datetime.now(UTC)
    try:
        batch, _ = collect(documents)
    except ImportRefused as refused:
        raise UpgradeRefused("\n".join(refused.errors)) from None
    try:
        with transaction.atomic():
            write_and_refresh(batch, registry.refreshes(), now)
            for model_name, column, _ in LEGACY:
                model = apps.get_model("catalog", model_name)
                empty = None if model._meta.get_field(column).null else {}
                model.objects.update(**{column: empty})
    except RowsRefused as refused:
        raise UpgradeRefused("\n".join(refused.lines)) from None
    return len(documents)


def after_migrate(sender, using, **kwargs) -> None:
    """``post_migrate``: upgrade what the migrations left as documents, and say so."""
    if sender.label != "catalog":
        return
    try:
        read = upgrade_documents()
    except UpgradeRefused as refused:
        print(f"The stored launch documents were not read into the tables:\n{refused}")
        return
    if read:
        print(f"Read {read} stored documents into the launch tables.")
