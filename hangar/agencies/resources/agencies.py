"""``agencies/``: every agency, with the launcher and spacecraft configurations it builds at the
detailed level.

Its launch and landing figures are computed by the launch domain (``hangar.launches.stats``)."""

from django.db.models import Prefetch, Q, QuerySet
from django_filters import rest_framework as filters

from hangar.agencies.collect import agency
from hangar.agencies.inputs import AgencyIn
from hangar.agencies.models import Agency
from hangar.agencies.queries import agencies_mini, agencies_normal
from hangar.agencies.serializers import AgencyDetailed, AgencyMini, AgencyNormal
from hangar.core.filters import COMPARISONS, BooleanFilter, DocumentedFilterSet, IdFilter
from hangar.core.registry import Mode, Resource, register
from hangar.launchers.collect import launcher_config
from hangar.launchers.inputs import LauncherConfigIn
from hangar.launchers.queries import launcher_configs_detailed_no_manufacturer
from hangar.launchers.serializers import LauncherConfigDetailedSerializerNoManufacturer
from hangar.spacecraft.collect import spacecraft_config
from hangar.spacecraft.inputs import SpacecraftConfigIn
from hangar.spacecraft.queries import spacecraft_configs_detailed
from hangar.spacecraft.serializers.configs import SpacecraftConfigDetailed

# The figures LL2 publishes for an agency, filtered and ordered on as numbers.
LAUNCH_FIGURES = (
    "attempted_landings",
    "consecutive_successful_landings",
    "consecutive_successful_launches",
    "failed_landings",
    "failed_launches",
    "pending_launches",
    "successful_landings",
    "successful_launches",
    "total_launch_count",
)


class AgencyEndpointDetailed(AgencyDetailed):
    launcher_list = LauncherConfigDetailedSerializerNoManufacturer(
        many=True, read_only=True, source="launcher_config_list"
    )
    spacecraft_list = SpacecraftConfigDetailed(many=True, read_only=True, source="config_list")


def agencies_endpoint_detailed() -> QuerySet[Agency]:
    """The agency loaded as at the normal level (the detailed one adds only columns), and the
    detailed launcher and spacecraft configurations it builds, by name."""
    return agencies_normal().prefetch_related(
        Prefetch(
            "launcher_configs",
            queryset=launcher_configs_detailed_no_manufacturer().order_by("name", "id"),
            to_attr="launcher_config_list",
        ),
        Prefetch(
            "spacecraft_configs",
            queryset=spacecraft_configs_detailed().order_by("name", "id"),
            to_attr="config_list",
        ),
    )


class AgencyFilter(DocumentedFilterSet):
    featured = BooleanFilter(help_text="Featured agencies.")
    spacecraft = BooleanFilter(
        method="filter_builds_spacecraft",
        help_text="Agencies that build spacecraft configurations of the catalog.",
    )
    country_code = filters.CharFilter(
        method="filter_country_code",
        help_text="ISO 3166-1 alpha-3 (or alpha-2) country codes, separated by commas.",
    )
    parent__id = IdFilter(method="filter_parent", help_text="Id of the parent agency.")
    type__id = IdFilter(field_name="type_id", help_text="Id of the agency type.")

    class Meta:
        model = Agency
        fields = {
            "id": ["exact"],
            "name": ["exact", "contains"],
            "abbrev": ["exact", "contains"],
            "description": ["exact", "contains"],
            "founding_year": COMPARISONS,
            **dict.fromkeys(LAUNCH_FIGURES, COMPARISONS),
        }

    def filter_builds_spacecraft(self, queryset, name, value):
        builders = Agency.objects.filter(spacecraft_configs__isnull=False).values("id")
        return queryset.filter(id__in=builders) if value else queryset.exclude(id__in=builders)

    def filter_country_code(self, queryset, name, value):
        codes = [code.strip().upper() for code in value.split(",") if code.strip()]
        matching = Agency.objects.filter(
            Q(countries__alpha_3_code__in=codes) | Q(countries__alpha_2_code__in=codes)
        ).values("id")
        return queryset.filter(id__in=matching)

    def filter_parent(self, queryset, name, value):
        return queryset.filter(parent__in=Agency.objects.filter(id=value).values("name"))


class AgencyEndpointIn(AgencyIn):
    """An agency as its own endpoint serves it: the detailed form lists the launcher and
    spacecraft configurations it builds. (The launcher list is kept as the configurations it
    names, not in the agency's row: ``source`` keeps it out of the agency's columns.)"""

    launcher_list = LauncherConfigIn(many=True, required=False, source="launcher_configs")
    spacecraft_list = SpacecraftConfigIn(many=True, required=False)


def collect_agency(c, data: dict, depth: int):
    for config in data.get("launcher_configs", []):
        launcher_config(c, config, depth + 1, manufacturer=data["id"])
    for config in data.get("spacecraft_list", []):
        spacecraft_config(c, config, depth + 1)
    return agency(c, data, depth)


register(
    Resource(
        path="agencies/",
        model=Agency,
        modes={
            "list": Mode(AgencyMini, agencies_mini),
            "normal": Mode(AgencyNormal, agencies_normal),
            "detailed": Mode(AgencyEndpointDetailed, agencies_endpoint_detailed),
        },
        filterset=AgencyFilter,
        search_fields=("abbrev", "name"),
        ordering_fields=tuple(sorted((*LAUNCH_FIGURES, "featured", "id", "name"))),
        input=AgencyEndpointIn,
        collect=collect_agency,
        rank=40,
    )
)
