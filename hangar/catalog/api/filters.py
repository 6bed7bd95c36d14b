"""Filters of each endpoint, and the ordering every list shares (with an ``id`` tie-break)."""

from django import forms
from django.db.models import F
from django_filters import rest_framework as filters
from rest_framework.filters import OrderingFilter


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


class IdFilter(filters.NumberFilter):
    """An integer id; ``1.5`` or ``abc`` is an error."""

    field_class = forms.IntegerField


class SpacecraftFilter(filters.FilterSet):
    in_space = BooleanFilter(help_text="Spacecraft in space now (true) or not (false).")
    is_placeholder = BooleanFilter(help_text="Placeholder records (true) or real ones (false).")
    name = filters.CharFilter(help_text="Exact name of the spacecraft, e.g. Endeavour.")
    spacecraft_config = IdFilter(
        field_name="spacecraft_config_id", help_text="Id of the spacecraft's configuration."
    )
    status = IdFilter(field_name="status_id", help_text="Id of the spacecraft's status.")


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
