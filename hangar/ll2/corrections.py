"""Where the official 2.3.0 document is wrong, in one place: the contract tests, the system check
that keeps null out of non-null fields, and the importer read it from here."""

from __future__ import annotations

# Where the 2.3.0 document is wrong: real responses carry null in these fields of
# every spacecraft flight component, and the authors' 2.4.0 document marks them nullable. The
# bundled Sputnik 1 response shows the same null ``landing`` in a payload flight.
FLIGHT_NULLABLE = {"duration", "turn_around_time", "landing"}

# A first stage's booster has no flight before its first one, and not every stage attempts a
# landing: the document declares both never null, which no booster's first flight can honour.
FIRST_STAGE_NULLABLE = {"landing", "previous_flight"}

# The document also declares every member of these groups required and never null, but a record
# has exactly one of them (a docking has one chaser and one target, a landing belongs to one
# first stage, spacecraft flight or payload flight, a docking port to one station, spacecraft or
# payload): the others are null. The checker allows null in each member and asserts that exactly
# one member of every group is set, which is stricter than the document, not looser.
TARGETS = ("space_station_target", "flight_vehicle_target", "payload_flight_target")
CHASERS = ("flight_vehicle_chaser", "space_station_chaser", "payload_flight_chaser")
ONE_OF_GROUPS = {
    "DockingEventEndpointNormal": [TARGETS, CHASERS],
    "DockingEventEndpointDetailed": [TARGETS, CHASERS],
    "DockingEventForChaserNormal": [TARGETS],
    "DockingEventDetailedSerializerForSpacestation": [CHASERS],
    "DockingLocation": [("spacestation", "spacecraft", "payload")],
    **{
        name: [("firststage", "spacecraftflight", "payloadflight")]
        for name in ("LandingEndpointList", "LandingEndpointNormal", "LandingEndpointDetailed")
    },
}

# The document declares that ``dashboard/starship/`` answers an array of the polymorphic
# dashboard; LL2 answers one object (Home Assistant's client reads
# ``response["previous"]["launches"]``). Path below /2.3.0/ -> the component of that object.
ONE_OBJECT = {"dashboard/starship/": "PolymorphicStarshipDashboardEndpoint"}

# A docking port of a station with nothing docked at it has no docking in progress to serve:
# ``currently_docked`` is null there (inferred), which the document declares never null.
FREE_PORT = ("DockingLocationSerializerForSpacestation", "currently_docked")


def corrected_nullable(component: str, prop: str) -> bool:
    """Whether the checker allows null in ``prop`` of ``component`` against the document."""
    if (component, prop) == FREE_PORT:
        return True
    if component.startswith("SpacecraftFlight") and prop in FLIGHT_NULLABLE:
        return True
    if component.startswith("PayloadFlight") and prop == "landing":
        return True
    if component.startswith("FirstStage") and prop in FIRST_STAGE_NULLABLE:
        return True
    return any(prop in group for group in ONE_OF_GROUPS.get(component, []))
