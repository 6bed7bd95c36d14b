"""Agencies as LL2 serves them nested in other records, validated; columns are typed as the
models type them. The detailed endpoint's own record is in ``resources/agencies.py``."""

from hangar.agencies import models
from hangar.core.inputs import Integer, Lookup, Raw, Record, Text
from hangar.images.inputs import ImageIn


class AgencyTypeIn(Lookup):
    model = models.AgencyType


class CountryIn(Lookup):
    model = models.Country


class AgencyIn(Record):
    model = models.Agency
    components = ("AgencyMini", "AgencyNormal", "AgencyEndpointDetailed")
    required_columns = ("name",)
    id = Integer(required=True)
    url = Text()
    type = AgencyTypeIn(required=False)
    country = CountryIn(many=True, required=False)
    image = ImageIn(allow_null=True, required=False)
    logo = ImageIn(allow_null=True, required=False)
    social_logo = ImageIn(allow_null=True, required=False)
    # A document of the launch domain, kept as it is.
    social_media_links = Raw()
