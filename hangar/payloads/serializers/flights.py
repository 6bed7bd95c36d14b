"""Detailed payload flights, which list the docking events they made as the chaser: on their
endpoint, nested in their landing, and in their launch's rocket."""

from hangar.payloads.serializers.payloads import PayloadDetailed, PayloadFlightFields
from hangar.spacecraft.serializers.flights import DockingEventForChaserNormal


class PayloadFlightDetailed(PayloadFlightFields):
    payload = PayloadDetailed(read_only=True)
    docking_events = DockingEventForChaserNormal(
        many=True, read_only=True, source="docking_event_list"
    )


class PayloadFlightDetailedSerializerNoLanding(PayloadFlightDetailed):
    """The detailed payload flight nested in its own landing: the same, without the landing."""

    landing = None


class PayloadFlightSerializerNoLaunch(PayloadFlightDetailed):
    """The detailed payload flight nested in its launch's rocket: the same, without the
    launch."""

    launch = None
