"""Data steps of migration 0004 (the launch domain becomes relational).

Columns the launch domain requires are filled for the rows an earlier Hangar stored, from their
stored documents where those say it: a launch's ``last_updated`` and window default to its
``net`` (the epoch where even that is missing), and a landing location's celestial body is the
one its document names, created from it if needed (Earth, LL2's body 1, for a location stored
without one). The upgrade step then reads the full documents into the new tables."""

from datetime import UTC, datetime

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
EARTH = {"id": 1, "name": "Earth", "type": {"id": 1, "name": "Planet"}}


def instant(text):
    if not isinstance(text, str):
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def fill_launches(Launch) -> None:
    for launch in Launch.objects.all().iterator():
        document = launch.document or {}
        launch.net = launch.net or instant(document.get("net")) or EPOCH
        for name in ("last_updated", "window_start", "window_end"):
            setattr(launch, name, instant(document.get(name)) or launch.net)
        launch.save(update_fields=["net", "last_updated", "window_start", "window_end"])


def fill_landing_locations(LandingLocation, CelestialBody, CelestialBodyType) -> None:
    for location in LandingLocation.objects.all().iterator():
        body = (location.legacy_document or {}).get("celestial_body")
        if not isinstance(body, dict) or not isinstance(body.get("id"), int):
            body = EARTH
        kind = body.get("type") if isinstance(body.get("type"), dict) else EARTH["type"]
        body_type, _ = CelestialBodyType.objects.get_or_create(
            id=kind.get("id", 1), defaults={"name": str(kind.get("name") or "Planet")}
        )
        CelestialBody.objects.get_or_create(
            id=body["id"], defaults={"name": str(body.get("name") or "Earth"), "type": body_type}
        )
        location.celestial_body_id = body["id"]
        location.save(update_fields=["celestial_body"])


def fill_required_columns(apps, schema_editor) -> None:
    fill_launches(apps.get_model("catalog", "Launch"))
    fill_landing_locations(
        apps.get_model("catalog", "LandingLocation"),
        apps.get_model("catalog", "CelestialBody"),
        apps.get_model("catalog", "CelestialBodyType"),
    )
