"""Filters of each endpoint, and the ordering every list shares (with an ``id`` tie-break)."""

from datetime import UTC

from django import forms
from django.db.models import F, Q
from django_filters import rest_framework as filters
from django_filters.fields import IsoDateTimeField
from rest_framework.filters import OrderingFilter

from hangar.catalog.models import Agency, SpaceStation


class StrictBooleanField(forms.Field):
    """``true``/``false`` (any case, or ``1``/``0``); anything else is an error, not ignored."""

    def to_python(self, value):
        if value in (None, ""):
            return None
        text = str(value).strip().lower()
        if text in {"true", "1"}:
            return True
        if text in {"false", "0"}:
            return False
        raise forms.ValidationError(
            "Enter true or false, not %(value)r.", code="invalid", params={"value": value}
        )


class BooleanFilter(filters.BooleanFilter):
    field_class = StrictBooleanField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.TextInput)
        super().__init__(*args, **kwargs)


class IdField(forms.IntegerField):
    """An integer id the database can compare: ``1.5``, ``abc`` or 2**70 is an error."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", -(2**63))
        kwargs.setdefault("max_value", 2**63 - 1)
        super().__init__(*args, **kwargs)


class IdFilter(filters.NumberFilter):
    field_class = IdField


class InstantField(IsoDateTimeField):
    """An ISO 8601 instant that exists in UTC (``9999-12-31T23:59:59-05:00`` does not)."""

    def to_python(self, value):
        instant = super().to_python(value)
        try:
            return instant.astimezone(UTC) if instant else instant
        except OverflowError:
            raise forms.ValidationError(
                "Enter an instant between years 1 and 9999 in UTC.", code="invalid"
            ) from None


class InstantFilter(filters.IsoDateTimeFilter):
    field_class = InstantField


COMPARISONS = ["exact", "gt", "gte", "lt", "lte"]
LOOKUP_WORDS = {
    "exact": "equals",
    "gt": "is greater than",
    "gte": "is at least",
    "lt": "is less than",
    "lte": "is at most",
    "contains": "contains",
}


class DocumentedFilterSet(filters.FilterSet):
    """Filters generated from ``Meta.fields`` get a help text too, for the OpenAPI document and
    the browsable page."""

    @classmethod
    def filter_for_field(cls, field, field_name, lookup_expr=None):
        generated = super().filter_for_field(field, field_name, lookup_expr)
        words = LOOKUP_WORDS.get(lookup_expr or "exact", lookup_expr)
        generated.extra.setdefault(
            "help_text", f"Records whose {field_name.replace('__', ' ')} {words} the value."
        )
        return generated


class SpacecraftFilter(filters.FilterSet):
    in_space = BooleanFilter(help_text="Spacecraft in space now (true) or not (false).")
    is_placeholder = BooleanFilter(help_text="Placeholder records (true) or real ones (false).")
    name = filters.CharFilter(help_text="Exact name of the spacecraft, e.g. Endeavour.")
    spacecraft_config = IdFilter(
        field_name="spacecraft_config_id", help_text="Id of the spacecraft's configuration."
    )
    status = IdFilter(field_name="status_id", help_text="Id of the spacecraft's status.")


class SpacecraftConfigFilter(filters.FilterSet):
    agency = IdFilter(field_name="agency_id", help_text="Id of the agency that builds it.")
    human_rated = BooleanFilter(help_text="Configurations rated to carry humans.")
    in_use = BooleanFilter(help_text="Configurations still in use.")
    name = filters.CharFilter(help_text="Exact name of the configuration.")


class SpacecraftConfigFamilyFilter(filters.FilterSet):
    manufacturer = IdFilter(field_name="manufacturer_id", help_text="Id of the manufacturer.")
    name = filters.CharFilter(help_text="Exact name of the family.")


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
            **{
                name: COMPARISONS
                for name in [
                    "attempted_landings",
                    "consecutive_successful_landings",
                    "consecutive_successful_launches",
                    "failed_landings",
                    "failed_launches",
                    "pending_launches",
                    "successful_landings",
                    "successful_launches",
                    "total_launch_count",
                ]
            },
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


class IdListFilter(filters.BaseInFilter, IdFilter):
    """Comma-separated integer ids (``1,2,3``)."""


class UUIDListFilter(filters.BaseInFilter, filters.UUIDFilter):
    """Comma-separated UUIDs."""


class NothingHeldFilter(filters.CharFilter):
    """A filter on a domain Hangar does not hold (first stages, launchers): given any value, no
    record of Hangar's matches."""

    def filter(self, qs, value):
        return qs.none() if value else qs


class SpacecraftFlightFilter(filters.FilterSet):
    spacecraft = IdFilter(field_name="spacecraft_id", help_text="Id of the spacecraft.")


class DockingEventFilter(filters.FilterSet):
    docking__gt = InstantFilter(
        field_name="docking", lookup_expr="gt", help_text="Docked after this instant."
    )
    docking__gte = InstantFilter(
        field_name="docking", lookup_expr="gte", help_text="Docked at or after this instant."
    )
    docking__lt = InstantFilter(
        field_name="docking", lookup_expr="lt", help_text="Docked before this instant."
    )
    docking__lte = InstantFilter(
        field_name="docking", lookup_expr="lte", help_text="Docked at or before this instant."
    )
    docking_location__id = IdFilter(
        field_name="docking_location_id", help_text="Id of the docking location."
    )
    flight_vehicle_chaser__id = IdFilter(
        field_name="flight_vehicle_chaser_id", help_text="Id of the chasing spacecraft flight."
    )
    space_station_target__id = IdFilter(
        field_name="space_station_target_id", help_text="Id of the target space station."
    )


class LandingFilter(filters.FilterSet):
    attempt = BooleanFilter(help_text="Landings attempted (true) or not (false).")
    success = BooleanFilter(help_text="Landings that succeeded (true) or failed (false).")
    landing_location__ids = IdListFilter(
        field_name="landing_location_id", help_text="Landing location ids, comma-separated."
    )
    landing_type__ids = IdListFilter(
        field_name="type_id", help_text="Landing type ids, comma-separated."
    )
    spacecraft__ids = IdListFilter(
        field_name="spacecraft_flight__spacecraft_id", help_text="Spacecraft ids, comma-separated."
    )
    spacecraft_config__ids = IdListFilter(
        field_name="spacecraft_flight__spacecraft__spacecraft_config_id",
        help_text="Spacecraft configuration ids, comma-separated.",
    )
    spacecraft_launch__ids = UUIDListFilter(
        field_name="spacecraft_flight__launch_id",
        help_text="Launch ids (UUIDs) of the spacecraft flights, comma-separated.",
    )
    firststage_launch__ids = NothingHeldFilter(help_text="First-stage launches (not held).")
    launcher__ids = NothingHeldFilter(help_text="Launchers (not held).")
    launcher_config__ids = NothingHeldFilter(help_text="Launcher configurations (not held).")
    launcher_serial_numbers = NothingHeldFilter(help_text="Launcher serial numbers (not held).")


class SpaceStationFilter(DocumentedFilterSet):
    owners = IdListFilter(field_name="owners", distinct=True, help_text="Owner agency ids.")
    owner__ids = IdListFilter(
        field_name="owners", distinct=True, help_text="Owner agency ids, comma-separated."
    )
    status = IdFilter(field_name="status_id", help_text="Id of the station's status.")
    status__ids = IdListFilter(field_name="status_id", help_text="Status ids, comma-separated.")
    type = IdFilter(field_name="type_id", help_text="Id of the station's type.")

    class Meta:
        model = SpaceStation
        fields = {
            "id": ["exact"],
            "name": ["exact", "contains"],
            "onboard_crew": COMPARISONS,
            "docked_vehicles": COMPARISONS,
        }


class TieBreakOrderingFilter(OrderingFilter):
    """DRF's ordering, made total: every ordering ends with ``id`` so that limit/offset pages
    never repeat or skip a record. Nulls sort last ascending and first descending on every
    database, as PostgreSQL does. A view maps public names to the column or annotation that
    holds the value through ``ordering_columns``."""

    def filter_queryset(self, request, queryset, view):
        ordering = self.get_ordering(request, queryset, view) or ["id"]
        columns = getattr(view, "ordering_columns", {})
        terms, has_id = [], False
        for term in ordering:
            name = term.lstrip("-")
            has_id = has_id or name == "id"
            column = F(columns.get(name, name))
            if term.startswith("-"):
                terms.append(column.desc(nulls_first=True))
            else:
                terms.append(column.asc(nulls_last=True))
        if not has_id:
            terms.append(F("id").asc())
        return queryset.order_by(*terms)
