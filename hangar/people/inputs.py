"""Astronauts and the seats crews are made of, as LL2 serves them, validated. Columns are typed
as the models type them (``hangar.core.inputs.Record``); what is declared here is what is not a
plain column: nested records and durations kept in seconds. The endpoint's detailed record (with
its flights, landings and spacewalks) is in ``resources/astronauts.py``."""

from hangar.agencies.inputs import AgencyIn, CountryIn
from hangar.core.inputs import Duration, Integer, Lookup, Record, Text
from hangar.images.inputs import ImageIn
from hangar.people import models


class AstronautStatusIn(Lookup):
    model = models.AstronautStatus
    required_columns = ("name",)


class AstronautTypeIn(Lookup):
    model = models.AstronautType
    required_columns = ("name",)


class AstronautRoleIn(Lookup):
    model = models.AstronautRole
    required_columns = ("role",)


class SocialMediaIn(Record):
    model = models.SocialMedia
    components = ("SocialMedia",)
    id = Integer(required=True)
    logo = ImageIn(allow_null=True, required=False)


class SocialMediaLinkIn(Record):
    model = models.SocialMediaLink
    components = ("SocialMediaLink",)
    id = Integer(required=True)
    social_media = SocialMediaIn(required=True)


class AstronautIn(Record):
    """An astronaut at the normal, list (``AstronautDetailed``) or endpoint normal level. The
    statistics it gives are kept until Hangar holds the crews to compute them from."""

    model = models.Astronaut
    components = ("AstronautNormal", "AstronautDetailed", "AstronautEndpointNormal")
    required_columns = ("name",)
    id = Integer(required=True)
    url = Text()
    status = AstronautStatusIn(required=False)
    agency = AgencyIn(allow_null=True, required=False)
    image = ImageIn(allow_null=True, required=False)
    type = AstronautTypeIn(required=False)
    time_in_space = Duration(allow_null=True, source="time_in_space_s")
    eva_time = Duration(allow_null=True, source="eva_time_s")
    nationality = CountryIn(many=True, required=False)
    social_media_links = SocialMediaLinkIn(many=True, required=False)


class AstronautFlightIn(Record):
    """A seat in a crew: an astronaut in a role."""

    model = models.AstronautFlight
    components = ("AstronautFlight",)
    id = Integer(required=True)
    role = AstronautRoleIn(required=True)
    astronaut = AstronautIn(required=True)
