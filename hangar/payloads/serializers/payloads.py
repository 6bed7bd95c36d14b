"""Payloads at every level, and the payload flights that do not list their docking events (what
a docking event nests as its target or chaser)."""

from hangar.agencies.serializers import AgencyDetailed, AgencyMini, AgencyNormal
from hangar.core.fields import ResourceUrlField, ResponseModeField
from hangar.core.serializers import SchemaSerializer, SharedSerializer
from hangar.images.serializers import Image
from hangar.landings.serializers import Landing
from hangar.launches.serializers.basic import LaunchMini, LaunchNormal
from hangar.payloads import models
from hangar.programs.serializers import ProgramMini, ProgramNormal


class PayloadType(SchemaSerializer):
    model = models.PayloadType


class PayloadMini(SharedSerializer):
    model = models.Payload
    response_mode = ResponseModeField()
    type = PayloadType(read_only=True)
    manufacturer = AgencyMini(read_only=True)
    operator = AgencyMini(read_only=True)
    image = Image(read_only=True, allow_null=True)


class PayloadNormal(PayloadMini):
    manufacturer = AgencyNormal(read_only=True)
    operator = AgencyNormal(read_only=True)
    program = ProgramMini(many=True, read_only=True, source="program_list")


class PayloadDetailed(PayloadNormal):
    manufacturer = AgencyDetailed(read_only=True)
    operator = AgencyDetailed(read_only=True)
    program = ProgramNormal(many=True, read_only=True, source="program_list")


class PayloadFlightFields(SchemaSerializer):
    """What every payload flight level shares; levels differ in how much of the payload and the
    launch they nest."""

    abstract = True
    model = models.PayloadFlight
    response_mode = ResponseModeField()
    url = ResourceUrlField("payload_flights")
    payload = PayloadNormal(read_only=True)
    launch = LaunchNormal(read_only=True)
    landing = Landing(read_only=True, allow_null=True)


class PayloadFlightMini(PayloadFlightFields):
    payload = PayloadMini(read_only=True)
    launch = LaunchMini(read_only=True)


class PayloadFlightNormal(PayloadFlightFields):
    pass


class PayloadFlightMiniSerializerNoLanding(PayloadFlightMini):
    """The payload flight nested in its own landing: the same, without the landing."""

    landing = None


class PayloadFlightNormalSerializerNoLanding(PayloadFlightNormal):
    landing = None
