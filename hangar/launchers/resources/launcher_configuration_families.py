"""``launcher_configuration_families/``: families of configurations (Falcon, Soyuz), made by
one or more manufacturers, with their stored launch and landing figures."""

from django.db.models import Q
from django_filters import rest_framework as filters

from hangar.core.filters import COMPARISONS, DigitsFilter, DocumentedFilterSet, IdFilter
from hangar.core.registry import Mode, Resource, register
from hangar.launchers import queries
from hangar.launchers.collect import launcher_family
from hangar.launchers.inputs import LauncherConfigFamilyIn
from hangar.launchers.models import LauncherConfigFamily
from hangar.launchers.resources.launcher_configurations import LAUNCH_FIGURES
from hangar.launchers.serializers import (
    LauncherConfigFamilyDetailed,
    LauncherConfigFamilyMini,
    LauncherConfigFamilyNormal,
)


def manufacturer_filter(lookup: str, filter_class=filters.CharFilter, **kwargs):
    """A filter on the family's manufacturers (a many-to-many): a family matches once however
    many of its manufacturers do."""
    return filter_class(field_name=f"manufacturer__{lookup}", distinct=True, **kwargs)


class LauncherConfigFamilyFilter(DocumentedFilterSet):
    manufacturer__id = manufacturer_filter("id", IdFilter, help_text="Id of a manufacturer.")
    manufacturer__id__contains = manufacturer_filter(
        "id", DigitsFilter, help_text="A manufacturer's id contains these digits."
    )
    manufacturer__name = manufacturer_filter("name", help_text="Exact name of a manufacturer.")
    manufacturer__name__contains = manufacturer_filter(
        "name", lookup_expr="contains", help_text="A manufacturer's name contains the value."
    )
    manufacturer__abbrev = manufacturer_filter(
        "abbrev", help_text="Exact abbreviation of a manufacturer."
    )
    manufacturer__abbrev__contains = manufacturer_filter(
        "abbrev",
        lookup_expr="contains",
        help_text="A manufacturer's abbreviation contains the value.",
    )
    manufacturer__country_code = filters.CharFilter(
        method="filter_country_code",
        help_text="ISO 3166-1 alpha-3 (or alpha-2) country codes of a manufacturer, "
        "separated by commas.",
    )

    class Meta:
        model = LauncherConfigFamily
        fields = {
            "name": ["exact", "contains"],
            "maiden_flight": COMPARISONS,
            **dict.fromkeys(LAUNCH_FIGURES, COMPARISONS),
        }

    def filter_country_code(self, queryset, name, value):
        codes = [code.strip().upper() for code in value.split(",") if code.strip()]
        matching = LauncherConfigFamily.objects.filter(
            Q(manufacturer__countries__alpha_3_code__in=codes)
            | Q(manufacturer__countries__alpha_2_code__in=codes)
        ).values("id")
        return queryset.filter(id__in=matching)


register(
    Resource(
        path="launcher_configuration_families/",
        model=LauncherConfigFamily,
        modes={
            "list": Mode(LauncherConfigFamilyMini, queries.families_mini),
            "normal": Mode(LauncherConfigFamilyNormal, queries.families_normal),
            "detailed": Mode(LauncherConfigFamilyDetailed, queries.families_detailed),
        },
        filterset=LauncherConfigFamilyFilter,
        search_fields=("manufacturer__abbrev", "manufacturer__name", "name"),
        ordering_fields=tuple(sorted((*LAUNCH_FIGURES, "name"))),
        input=LauncherConfigFamilyIn,
        collect=launcher_family,
        rank=31,
    )
)
