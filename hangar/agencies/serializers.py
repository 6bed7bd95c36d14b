"""Agencies as every domain nests them, their types and countries. Columns are served as the
models type them (``hangar.core.serializers``)."""

from hangar.agencies import models
from hangar.core.fields import DocumentField, ResourceUrlField, ResponseModeField
from hangar.core.serializers import SchemaSerializer, SharedSerializer
from hangar.images.serializers import Image


class AgencyType(SchemaSerializer):
    model = models.AgencyType


class Country(SchemaSerializer):
    model = models.Country


class AgencyMini(SharedSerializer):
    model = models.Agency
    response_mode = ResponseModeField()
    url = ResourceUrlField("agencies")
    type = AgencyType(read_only=True)


class AgencyNormal(AgencyMini):
    country = Country(many=True, read_only=True, source="countries_in_order")
    image = Image(read_only=True, allow_null=True)
    logo = Image(read_only=True, allow_null=True)
    social_logo = Image(read_only=True, allow_null=True)


class AgencyDetailed(AgencyNormal):
    """The normal agency with its launch and landing figures and links, as configurations,
    families and mission patches nest it at their detailed level."""

    social_media_links = DocumentField("SocialMediaLink", many=True)
