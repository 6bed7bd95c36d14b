"""A launch as its own endpoint serves it in detail: with the spacecraft and payload flights its
rocket carries, which other domains hold and which nest the launch in turn (so they are read
here, above both)."""

from hangar.core.collect import Collector
from hangar.launches.collect import launch
from hangar.launches.inputs import LaunchIn, RocketIn
from hangar.payloads.collect import payload_flight
from hangar.payloads.inputs import PayloadFlightIn
from hangar.spacecraft.collect import spacecraft_flight
from hangar.spacecraft.inputs import SpacecraftFlightIn


class StageFlightIn(SpacecraftFlightIn):
    """A spacecraft flight nested in its launch's rocket, which does not repeat the launch."""

    launch = None


class StagePayloadFlightIn(PayloadFlightIn):
    """A payload flight nested in its launch's rocket, which does not repeat the launch."""

    launch = None


class RocketDetailedIn(RocketIn):
    spacecraft_stage = StageFlightIn(many=True, required=False)
    payloads = StagePayloadFlightIn(many=True, required=False)


class LaunchRecordIn(LaunchIn):
    rocket = RocketDetailedIn(allow_null=True, required=False)


def launch_record(c: Collector, data: dict, depth: int):
    pk = launch(c, data, depth)
    carried = data.get("rocket") or {}
    for flight in carried.get("spacecraft_stage", []):
        spacecraft_flight(c, flight, depth + 2, launch_id=pk)
    for flight in carried.get("payloads", []):
        payload_flight(c, flight, depth + 2, launch_id=pk)
    return pk
