"""``locations/``: spaceports, each on a celestial body; the detailed level lists its pads.
``total_launch_count`` and ``total_landing_count`` are stored columns."""

from django.db.models import Q
from django_filters import rest_framework as filters

from hangar.core.filters import COMPARISONS, DocumentedFilterSet
from hangar.core.registry import Mode, Resource, register
from hangar.places import queries
from hangar.places.collect import location
from hangar.places.inputs import LocationIn
from hangar.places.models import Location
from hangar.places.serializers import Location as LocationSerializer
from hangar.places.serializers import LocationSerializerWithPads


class LocationFilter(DocumentedFilterSet):
    country_code = filters.CharFilter(
        method="filter_country_code",
        help_text="ISO 3166-1 alpha-3 (or alpha-2) country codes, separated by commas.",
    )

    class Meta:
        model = Location
        fields = {
            "id": ["exact"],
            "name": ["exact", "contains"],
            "total_landing_count": COMPARISONS,
            "total_launch_count": COMPARISONS,
        }

    def filter_country_code(self, queryset, name, value):
        codes = [code.strip().upper() for code in value.split(",") if code.strip()]
        return queryset.filter(
            Q(country__alpha_3_code__in=codes) | Q(country__alpha_2_code__in=codes)
        )


register(
    Resource(
        path="locations/",
        model=Location,
        modes={
            "normal": Mode(LocationSerializer, queries.locations_normal),
            "detailed": Mode(LocationSerializerWithPads, queries.locations_with_pads),
        },
        filterset=LocationFilter,
        search_fields=("country__alpha_3_code", "name"),
        ordering_fields=("total_landing_count", "total_launch_count"),
        input=LocationIn,
        collect=location,
        rank=42,
    )
)
