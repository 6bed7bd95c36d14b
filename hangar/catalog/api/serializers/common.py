"""Serializers shared by every resource: lookups, images, agencies.

One serializer per LL2 schema component, named after it, with fields in the schema's order.
"""

from rest_framework import serializers

from hangar.catalog.api.fields import ResourceUrlField, ResponseModeField, SharedSerializer


class LookupSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)


class AgencyType(LookupSerializer):
    pass


class SpacecraftStatus(LookupSerializer):
    pass


class SpacecraftConfigType(LookupSerializer):
    pass


class ImageVariantType(LookupSerializer):
    pass


class LandingType(LookupSerializer):
    abbrev = serializers.CharField(read_only=True)
    description = serializers.CharField(read_only=True, allow_null=True)


class Country(LookupSerializer):
    alpha_2_code = serializers.CharField(read_only=True)
    alpha_3_code = serializers.CharField(read_only=True)
    nationality_name = serializers.CharField(read_only=True)
    nationality_name_composed = serializers.CharField(read_only=True)


class ImageLicense(LookupSerializer):
    priority = serializers.IntegerField(read_only=True)
    link = serializers.CharField(read_only=True, allow_null=True)


class ImageVariant(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    type = ImageVariantType(read_only=True)
    image_url = serializers.CharField(read_only=True)


class Image(SharedSerializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    image_url = serializers.CharField(read_only=True)
    thumbnail_url = serializers.CharField(read_only=True)
    credit = serializers.CharField(read_only=True, allow_null=True)
    license = ImageLicense(read_only=True)
    single_use = serializers.BooleanField(read_only=True)
    variants = ImageVariant(many=True, read_only=True, source="variant_list")


class AgencyMini(SharedSerializer):
    response_mode = ResponseModeField("list")
    id = serializers.IntegerField(read_only=True)
    url = ResourceUrlField("agencies")
    name = serializers.CharField(read_only=True)
    abbrev = serializers.CharField(read_only=True)
    type = AgencyType(read_only=True, allow_null=True)


class AgencyNormal(SharedSerializer):
    response_mode = ResponseModeField("normal")
    id = serializers.IntegerField(read_only=True)
    url = ResourceUrlField("agencies")
    name = serializers.CharField(read_only=True)
    abbrev = serializers.CharField(read_only=True)
    type = AgencyType(read_only=True, allow_null=True)
    featured = serializers.BooleanField(read_only=True)
    country = Country(many=True, read_only=True, source="country_list")
    description = serializers.CharField(read_only=True, allow_null=True)
    administrator = serializers.CharField(read_only=True, allow_null=True)
    founding_year = serializers.IntegerField(read_only=True, allow_null=True)
    launchers = serializers.CharField(read_only=True)
    spacecraft = serializers.CharField(read_only=True)
    parent = serializers.CharField(read_only=True, allow_null=True)
    image = Image(read_only=True, allow_null=True)
    logo = Image(read_only=True, allow_null=True)
    social_logo = Image(read_only=True, allow_null=True)
