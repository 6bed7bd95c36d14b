"""``launcher_configurations/``: rocket models (Falcon 9 Block 5), with their families,
manufacturer, programs and launch and landing figures.

The figures are stored columns (computed from the launches Hangar holds, else kept as
imported), so that filtering and ordering by them is one query."""

from django import forms
from django.db.models import QuerySet
from django_filters import rest_framework as filters

from hangar.core.filters import (
    COMPARISONS,
    BooleanFilter,
    DocumentedFilterSet,
    IdField,
)
from hangar.core.registry import Mode, Resource, register
from hangar.launchers import queries
from hangar.launchers.collect import launcher_config
from hangar.launchers.inputs import LauncherConfigIn
from hangar.launchers.models import LauncherConfig
from hangar.launchers.serializers import (
    LauncherConfigDetailed,
    LauncherConfigList,
    LauncherConfigNormal,
)

# The figures LL2 publishes for configurations and families, filtered and ordered on as numbers.
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


class RepeatedIdsField(forms.Field):
    """Integer ids given as a repeated parameter (``families=1&families=2``, as the official
    document declares it), each value possibly a comma-separated list too."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        texts = [part for text in value or [] for part in str(text).split(",") if part.strip()]
        return [IdField().clean(text.strip()) for text in texts]


class RelatedIdsFilter(filters.Filter):
    """Records related (through the many-to-many ``field_name``) to any of the ids given, or
    with ``every=True`` to every one of them."""

    field_class = RepeatedIdsField

    def __init__(self, *args, every: bool = False, **kwargs):
        self.every = every
        super().__init__(*args, **kwargs)

    def filter(self, qs: QuerySet, value) -> QuerySet:
        if not value:
            return qs
        model = qs.model
        groups = [[pk] for pk in value] if self.every else [value]
        for ids in groups:
            related = model.objects.filter(**{f"{self.field_name}__in": ids}).values("id")
            qs = qs.filter(id__in=related)
        return qs


class LauncherConfigFilter(DocumentedFilterSet):
    active = BooleanFilter(help_text="Configurations still flying (true) or retired (false).")
    is_placeholder = BooleanFilter(help_text="Placeholder records (true) or real ones (false).")
    families = RelatedIdsFilter(
        field_name="families",
        help_text="Configurations in any of these families (ids; repeat the parameter).",
    )
    families__contains = RelatedIdsFilter(
        field_name="families",
        every=True,
        help_text="Configurations in every one of these families (ids; repeat the parameter).",
    )
    program = RelatedIdsFilter(
        field_name="program",
        help_text="Configurations of any of these programs (ids; repeat the parameter).",
    )
    program__contains = RelatedIdsFilter(
        field_name="program",
        every=True,
        help_text="Configurations of every one of these programs (ids; repeat the parameter).",
    )

    class Meta:
        model = LauncherConfig
        fields = {
            "name": ["exact", "contains"],
            "full_name": ["exact", "contains"],
            "manufacturer__name": ["exact", "contains"],
            "maiden_flight": COMPARISONS,
            **dict.fromkeys(LAUNCH_FIGURES, COMPARISONS),
        }


register(
    Resource(
        path="launcher_configurations/",
        model=LauncherConfig,
        modes={
            "list": Mode(LauncherConfigList, queries.launcher_configs_list),
            "normal": Mode(LauncherConfigNormal, queries.launcher_configs_normal),
            "detailed": Mode(LauncherConfigDetailed, queries.launcher_configs_detailed),
        },
        filterset=LauncherConfigFilter,
        search_fields=("full_name", "manufacturer__abbrev", "manufacturer__name", "name"),
        ordering_fields=tuple(
            sorted(
                (
                    *LAUNCH_FIGURES,
                    "gto_capacity",
                    "launch_cost",
                    "launch_mass",
                    "leo_capacity",
                    "maiden_flight",
                    "name",
                )
            )
        ),
        input=LauncherConfigIn,
        collect=launcher_config,
        rank=30,
    )
)
