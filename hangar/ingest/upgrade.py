"""The upgrade step of the relational catalog: documents an earlier Hangar stored of launches,
landing locations, payload flights, space stations and docking locations, and the crews of
spacecraft flights, are read into the tables, once.

It runs after every ``hangar migrate`` (which ``make run``, ``hangar serve`` deployments and
upgrades all run) and does nothing when no such document is left. The documents are imported as
the records they are, through the importer, in one transaction with the emptying of the
documents: either the tables hold what the documents said and the documents are gone, or
nothing changed and the command says why (the documents stay for the next attempt)."""

from __future__ import annotations

from datetime import UTC, datetime

from django.apps import apps
from django.db import transaction

from hangar.core.collect import Collector
from hangar.core.registry import registry
from hangar.ingest.importer import ImportRefused, collect, flatten_errors, write_and_refresh
from hangar.ingest.write import RowsRefused
from hangar.people.collect import crew
from hangar.people.inputs import AstronautFlightIn

LEGACY = (
    # model, column, the resource its documents are records of
    ("Launch", "document", "launches"),
    ("LandingLocation", "legacy_document", "config/landing_locations"),
    ("DockingEvent", "legacy_payload_flight_target", "payload_flights"),
    ("DockingEvent", "legacy_payload_flight_chaser", "payload_flights"),
    ("SpaceStation", "legacy_document", "space_stations"),
    ("DockingLocation", "legacy_document", "config/docking_locations"),
)


# The crews of spacecraft flights, stored as the lists of seats LL2 serves
# (``legacy_launch_crew``...), read into the ordered crew tables.
LEGACY_CREWS = ("launch_crew", "onboard_crew", "landing_crew")


class UpgradeRefused(Exception):
    pass


def without_stale_copies(resource: str, document: dict) -> dict:
    """A stored station document repeats docking events, flights and launches that the
    catalog already holds as rows, kept current by every sync since: its older copies of them
    are left out, so that they cannot win over the rows (a vehicle long gone docked again)."""
    if resource != "space_stations":
        return document
    trimmed = {key: value for key, value in document.items() if key != "active_docking_events"}
    if isinstance(document.get("docking_location"), list):
        trimmed["docking_location"] = [
            {key: value for key, value in port.items() if key != "currently_docked"}
            if isinstance(port, dict)
            else port
            for port in document["docking_location"]
        ]
    return trimmed


def legacy_documents() -> list[tuple[str, object]]:
    documents = []
    for model_name, column, resource in LEGACY:
        model = apps.get_model("catalog", model_name)
        rows = model.objects.exclude(**{f"{column}__isnull": True}).exclude(**{column: {}})
        for pk, document in rows.values_list("pk", column):
            if isinstance(document, dict) and document:
                document = without_stale_copies(resource, document)
                source = f"stored {model._meta.verbose_name} {pk}: {column}"
                documents.append(
                    (source, {"request": f"GET /2.3.0/{resource}/", "response": document})
                )
    return documents


def legacy_crews() -> list[tuple[str, object, str, list]]:
    """``(source, flight id, crew, seats)`` of every stored crew that is not empty."""
    flights = apps.get_model("catalog", "SpacecraftFlight")
    found = []
    for name in LEGACY_CREWS:
        column = f"legacy_{name}"
        for pk, seats in flights.objects.exclude(**{column: []}).values_list("pk", column):
            if seats:
                found.append((f"stored spacecraft flight {pk}: {column}", pk, name, seats))
    return found


def collect_crews(batch, crews) -> None:
    """Validate the stored crews as the seats they are and add them to the batch, each
    related to its flight in its order; refused whole if one does not validate."""
    flights = apps.get_model("catalog", "SpacecraftFlight")
    errors = []
    for source, pk, name, seats in crews:
        serializer = AstronautFlightIn(data=seats, many=True)
        if not serializer.is_valid():
            errors += [f"{source}{line}" for line in flatten_errors(serializer.errors)]
            continue
        crew(Collector(batch, source), flights, name, pk, serializer.validated_data, 1)
    if errors:
        raise UpgradeRefused("\n".join(errors))


def upgrade_documents(now=None) -> int:
    """Read the stored documents (and crews) into the tables; the number of documents read."""
    documents, crews = legacy_documents(), legacy_crews()
    if not documents and not crews:
        return 0
    now = now or datetime.now(UTC)
    try:
        batch, _ = collect(documents)
    except ImportRefused as refused:
        raise UpgradeRefused("\n".join(refused.errors)) from None
    collect_crews(batch, crews)
    try:
        with transaction.atomic():
            write_and_refresh(batch, registry.refreshes(), now)
            for model_name, column, _ in LEGACY:
                model = apps.get_model("catalog", model_name)
                empty = None if model._meta.get_field(column).null else {}
                model.objects.update(**{column: empty})
            apps.get_model("catalog", "SpacecraftFlight").objects.update(
                **{f"legacy_{name}": [] for name in LEGACY_CREWS}
            )
    except RowsRefused as refused:
        raise UpgradeRefused("\n".join(refused.lines)) from None
    return len(documents) + len(crews)


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
