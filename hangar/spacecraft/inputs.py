"""The spacecraft domain as LL2 serves it, validated. Columns are typed as the models type them
(``hangar.core.inputs.Record``); what is declared here is what is not a plain column: nested
records, durations kept in seconds, documents of other domains."""

from rest_framework import serializers

from hangar.agencies.inputs import AgencyIn
from hangar.core.inputs import Duration, Integer, Lookup, Record, Text
from hangar.images.inputs import ImageIn
from hangar.landings.inputs import LandingIn
from hangar.launches.inputs import LaunchIn
from hangar.payloads.inputs import PayloadFlightIn, PayloadIn
from hangar.people.inputs import AstronautFlightIn
from hangar.spacecraft import models


class SpacecraftStatusIn(Lookup):
    model = models.SpacecraftStatus
    required_columns = ("name",)


class SpacecraftConfigTypeIn(Lookup):
    model = models.SpacecraftConfigType
    required_columns = ("name",)


class SpaceStationStatusIn(Lookup):
    model = models.SpaceStationStatus


class SpaceStationTypeIn(Lookup):
    model = models.SpaceStationType


class SpacecraftConfigFamilyIn(Record):
    model = models.SpacecraftConfigFamily
    components = (
        "SpacecraftConfigFamilyMini",
        "SpacecraftConfigFamilyNormal",
        "SpacecraftConfigFamilyDetailed",
        "SpacecraftConfigFamilyEndpointDetailed",
    )
    required_columns = ("name",)
    id = Integer(required=True)
    manufacturer = AgencyIn(required=False)

    def get_fields(self):
        fields = super().get_fields()
        # A family's parent is a family (one level less detailed).
        fields["parent"] = SpacecraftConfigFamilyIn(allow_null=True, required=False)
        return fields

    def validate(self, attrs):
        parent = attrs.get("parent")
        if parent and parent["id"] == attrs["id"]:
            raise serializers.ValidationError({"parent": "A family cannot be its own parent."})
        return attrs


class SpacecraftConfigIn(Record):
    model = models.SpacecraftConfig
    components = ("SpacecraftConfigNormal", "SpacecraftConfigDetailed")
    required_columns = ("name",)
    id = Integer(required=True)
    url = Text()
    type = SpacecraftConfigTypeIn(required=True)
    agency = AgencyIn(required=True)
    family = SpacecraftConfigFamilyIn(many=True, allow_null=True, required=False)
    image = ImageIn(allow_null=True, required=False)
    fastest_turnaround = Duration(allow_null=True, source="fastest_turnaround_s")


class SpacecraftIn(Record):
    model = models.Spacecraft
    components = ("SpacecraftNormal", "SpacecraftDetailed", "SpacecraftEndpointDetailed")
    required_columns = ("name",)
    id = Integer(required=True)
    url = Text()
    image = ImageIn(allow_null=True, required=False)
    time_in_space = Duration(allow_null=True, source="time_in_space_s")
    time_docked = Duration(allow_null=True, source="time_docked_s")
    status = SpacecraftStatusIn(required=True)
    spacecraft_config = SpacecraftConfigIn(required=True)
    fastest_turnaround = Duration(allow_null=True, source="fastest_turnaround_s")

    def get_fields(self):
        fields = super().get_fields()
        # The detailed form lists the spacecraft's flights, each naming the spacecraft again.
        fields["flights"] = SpacecraftFlightIn(many=True, required=False)
        return fields


class SpacecraftFlightIn(Record):
    model = models.SpacecraftFlight
    components = ("SpacecraftFlightMini", "SpacecraftFlightNormal", "SpacecraftFlightDetailed")
    id = Integer(required=True)
    url = Text()
    spacecraft = SpacecraftIn(required=True)
    launch = LaunchIn(required=True)
    landing = LandingIn(allow_null=True, required=False)
    # The seats of each crew, in LL2's order.
    launch_crew = AstronautFlightIn(many=True, required=False)
    onboard_crew = AstronautFlightIn(many=True, required=False)
    landing_crew = AstronautFlightIn(many=True, required=False)

    def get_fields(self):
        fields = super().get_fields()
        # The detailed form lists the dockings the flight made as the chaser.
        fields["docking_events"] = DockingEventIn(many=True, required=False)
        return fields


class SpaceStationIn(Record):
    """A station at any level. The endpoint's levels add its active expeditions
    (``inputs_stations.SpaceStationEndpointIn``); the detailed one lists its docking ports, each
    with what is docked at it, and the dockings in progress."""

    model = models.SpaceStation
    components = (
        "SpaceStationMini",
        "SpaceStationNormal",
        "SpaceStationDetailed",
        "SpaceStationEndpoint",
        "SpaceStationDetailedEndpoint",
    )
    required_columns = ("name",)
    id = Integer(required=True)
    url = Text()
    image = ImageIn(allow_null=True, required=False)
    status = SpaceStationStatusIn(required=False)
    type = SpaceStationTypeIn(required=False)
    owners = AgencyIn(many=True, allow_null=True, required=False)

    def get_fields(self):
        fields = super().get_fields()
        fields["docking_location"] = StationDockingLocationIn(many=True, required=False)
        fields["active_docking_events"] = DockingEventIn(many=True, required=False)
        return fields


class DockingLocationIn(Record):
    """A docking port, with the station, spacecraft configuration or payload it belongs to."""

    model = models.DockingLocation
    components = ("DockingLocation",)
    required_columns = ("name",)
    id = Integer(required=True)
    spacestation = SpaceStationIn(allow_null=True, required=False)
    spacecraft = SpacecraftConfigIn(allow_null=True, required=False)
    payload = PayloadIn(allow_null=True, required=False)


class DockingEventIn(Record):
    model = models.DockingEvent
    components = (
        "DockingEventEndpointNormal",
        "DockingEventEndpointDetailed",
        "DockingEventForChaserNormal",
    )
    required_columns = ("docking",)
    id = Integer(required=True)
    url = Text()
    docking_location = DockingLocationIn(required=True)
    space_station_target = SpaceStationIn(allow_null=True, required=False)
    flight_vehicle_target = SpacecraftFlightIn(allow_null=True, required=False)
    payload_flight_target = PayloadFlightIn(allow_null=True, required=False)
    flight_vehicle_chaser = SpacecraftFlightIn(allow_null=True, required=False)
    space_station_chaser = SpaceStationIn(allow_null=True, required=False)
    payload_flight_chaser = PayloadFlightIn(allow_null=True, required=False)


class StationDockingEventIn(DockingEventIn):
    """A docking nested in a station's detail: its target is the station, and under a docking
    port, the port is where it docked."""

    docking_location = DockingLocationIn(required=False)


class StationDockingLocationIn(Lookup):
    """A docking port nested in its station's detail, with the docking in progress there."""

    model = models.DockingLocation
    required_columns = ("name",)
    currently_docked = StationDockingEventIn(allow_null=True, required=False)
