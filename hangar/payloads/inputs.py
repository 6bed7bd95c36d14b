"""Payloads and their flights as LL2 serves them (on their endpoints, nested in docking events or
in a launch's rocket), validated. Columns are typed as the models type them
(``hangar.core.inputs.Record``); what is declared here is what nests, and a cost beyond 32
bits."""

from hangar.agencies.inputs import AgencyIn
from hangar.core.inputs import Integer, Lookup, Record, Text
from hangar.images.inputs import ImageIn
from hangar.landings.inputs import LandingIn
from hangar.launches.inputs import LaunchIn
from hangar.payloads import models
from hangar.programs.inputs import ProgramIn


class PayloadTypeIn(Lookup):
    model = models.PayloadType


class PayloadIn(Record):
    model = models.Payload
    components = ("PayloadMini", "PayloadNormal", "PayloadDetailed")
    required_columns = ("name",)
    id = Integer(required=True)
    type = PayloadTypeIn(required=True)
    manufacturer = AgencyIn(required=True)
    operator = AgencyIn(required=True)
    image = ImageIn(allow_null=True, required=False)
    program = ProgramIn(many=True, required=False)
    # Payloads can cost more than 32 bits of dollars (the document says int32).
    cost = Integer(allow_null=True, min_value=-(2**63), max_value=2**63 - 1)


class PayloadFlightIn(Record):
    """A payload flight at any level. Nested in its launch's rocket it does not repeat the
    launch, which the collector is then given."""

    model = models.PayloadFlight
    components = (
        "PayloadFlightMini",
        "PayloadFlightNormal",
        "PayloadFlightDetailed",
        "PayloadFlightSerializerNoLaunch",
    )
    id = Integer(required=True)
    url = Text()
    payload = PayloadIn(required=True)
    launch = LaunchIn(required=False)
    landing = LandingIn(allow_null=True, required=False)
