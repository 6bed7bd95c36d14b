"""``pads/``: launch pads, each at a location, with the agencies that use it.
``total_launch_count``, ``orbital_launch_attempt_count`` and ``fastest_turnaround`` are stored
columns."""

from hangar.core.filters import (
    COMPARISONS,
    DigitsFilter,
    DocumentedFilterSet,
    IdFilter,
    IdListFilter,
)
from hangar.core.registry import Mode, Resource, register
from hangar.places import queries
from hangar.places.collect import pad
from hangar.places.inputs import PadIn
from hangar.places.models import Pad
from hangar.places.serializers import Pad as PadSerializer

BOUNDS = ["gt", "gte", "lt", "lte"]


class PadFilter(DocumentedFilterSet):
    agencies_ids = IdListFilter(
        method="filter_agencies", help_text="Pads any of these agencies use (ids, comma-separated)."
    )
    id__contains = DigitsFilter(field_name="id", help_text="Pads whose id contains these digits.")
    location__id = IdFilter(field_name="location_id", help_text="Id of the pad's location.")

    class Meta:
        model = Pad
        fields = {
            "id": ["exact"],
            "name": ["exact", "contains"],
            "latitude": BOUNDS,
            "longitude": BOUNDS,
            "location__name": ["exact", "contains"],
            "orbital_launch_attempt_count": COMPARISONS,
            "total_launch_count": COMPARISONS,
        }

    def filter_agencies(self, queryset, name, value):
        return queryset.filter(id__in=Pad.objects.filter(agencies__in=value).values("id"))


register(
    Resource(
        path="pads/",
        model=Pad,
        modes={"normal": Mode(PadSerializer, queries.pads)},
        filterset=PadFilter,
        search_fields=(
            "location__name",
            "name",
            "orbital_launch_attempt_count",
            "total_launch_count",
        ),
        ordering_fields=(
            "id",
            "location__id",
            "location__name",
            "name",
            "orbital_launch_attempt_count",
            "total_launch_count",
        ),
        input=PadIn,
        collect=pad,
        rank=43,
    )
)
