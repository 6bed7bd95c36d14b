"""``launchers/``: boosters (B1062), each the first stage of the launches it flew, with its
stored flight and landing figures."""

from django_filters import rest_framework as filters

from hangar.core.filters import (
    COMPARISONS,
    BooleanFilter,
    DigitsFilter,
    DocumentedFilterSet,
    IdFilter,
    IdListFilter,
    InstantFilter,
)
from hangar.core.registry import Mode, Resource, register
from hangar.launchers import queries
from hangar.launchers.collect import launcher
from hangar.launchers.inputs import LauncherIn
from hangar.launchers.models import Launcher
from hangar.launchers.serializers import LauncherDetailed, LauncherMini, LauncherNormal


class LauncherFilter(DocumentedFilterSet):
    flight_proven = BooleanFilter(help_text="Boosters that have flown before (true) or not.")
    is_placeholder = BooleanFilter(help_text="Placeholder records (true) or real ones (false).")
    id__contains = DigitsFilter(field_name="id", help_text="The id contains these digits.")
    status = IdFilter(field_name="status_id", help_text="Id of the booster's status.")
    first_launch_date = InstantFilter(help_text="Boosters whose first launch was at this instant.")
    last_launch_date = InstantFilter(help_text="Boosters whose last launch was at this instant.")
    launcher_config__ids = IdListFilter(
        field_name="launcher_config_id", help_text="Launcher configuration ids, comma-separated."
    )
    launcher_config__manufacturer__name = filters.CharFilter(
        help_text="Exact name of the configuration's manufacturer."
    )
    launcher_config__manufacturer__name__contains = filters.CharFilter(
        field_name="launcher_config__manufacturer__name",
        lookup_expr="contains",
        help_text="The configuration's manufacturer's name contains the value.",
    )

    class Meta:
        model = Launcher
        fields = {
            "id": ["exact"],
            "serial_number": ["exact", "contains"],
            "flights": COMPARISONS,
            "attempted_landings": COMPARISONS,
            "successful_landings": COMPARISONS,
        }


register(
    Resource(
        path="launchers/",
        model=Launcher,
        modes={
            "list": Mode(LauncherMini, queries.launchers_normal),
            "normal": Mode(LauncherNormal, queries.launchers_normal),
            "detailed": Mode(LauncherDetailed, queries.launchers_detailed),
        },
        filterset=LauncherFilter,
        search_fields=("serial_number", "status__name"),
        ordering_fields=(
            "attempted_landings",
            "flight_proven",
            "flights",
            "id",
            "successful_landings",
        ),
        input=LauncherIn,
        collect=launcher,
        rank=32,
    )
)
