"""Agencies at the endpoint's detailed level: the normal fields, the figures kept as imported,
and the configurations the agency builds."""

from rest_framework import serializers

from hangar.catalog.api.fields import DocumentField, ResponseModeField
from hangar.catalog.api.serializers.common import AgencyNormal
from hangar.catalog.api.serializers.configs import SpacecraftConfigDetailed


class AgencyEndpointDetailed(AgencyNormal):
    response_mode = ResponseModeField("detailed")
    total_launch_count = serializers.IntegerField(read_only=True, allow_null=True)
    consecutive_successful_launches = serializers.IntegerField(read_only=True, allow_null=True)
    successful_launches = serializers.IntegerField(read_only=True, allow_null=True)
    failed_launches = serializers.IntegerField(read_only=True, allow_null=True)
    pending_launches = serializers.IntegerField(read_only=True, allow_null=True)
    consecutive_successful_landings = serializers.IntegerField(read_only=True, allow_null=True)
    successful_landings = serializers.IntegerField(read_only=True, allow_null=True)
    failed_landings = serializers.IntegerField(read_only=True, allow_null=True)
    attempted_landings = serializers.IntegerField(read_only=True, allow_null=True)
    successful_landings_spacecraft = serializers.IntegerField(read_only=True, allow_null=True)
    failed_landings_spacecraft = serializers.IntegerField(read_only=True, allow_null=True)
    attempted_landings_spacecraft = serializers.IntegerField(read_only=True, allow_null=True)
    successful_landings_payload = serializers.IntegerField(read_only=True, allow_null=True)
    failed_landings_payload = serializers.IntegerField(read_only=True, allow_null=True)
    attempted_landings_payload = serializers.IntegerField(read_only=True, allow_null=True)
    info_url = serializers.CharField(read_only=True, allow_null=True)
    wiki_url = serializers.CharField(read_only=True, allow_null=True)
    social_media_links = DocumentField("SocialMediaLink", many=True)
    launcher_list = DocumentField("LauncherConfigDetailedSerializerNoManufacturer", many=True)
    spacecraft_list = SpacecraftConfigDetailed(many=True, read_only=True, source="config_list")
