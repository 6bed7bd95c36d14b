"""Filter types every endpoint uses (strict booleans, ids, instants, comma lists), filtersets
that document themselves, and the ordering every list shares (with an ``id`` tie-break)."""

import re
from datetime import UTC
from functools import cache

from django import forms
from django.db import models
from django.db.models import CharField, F
from django.db.models.functions import Cast
from django_filters import rest_framework as filters
from django_filters.fields import IsoDateTimeField
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.widgets import QueryArrayWidget
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


WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")


class IdField(forms.IntegerField):
    """A whole number the database can compare, written as one: a sign and ASCII digits.
    ``1.5``, ``1.0``, ``1e3``, ``12abc``, ``1_000`` (which Python's ``int`` reads as 1000) or
    2**70 is an error, not a number guessed from the text."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", -(2**63))
        kwargs.setdefault("max_value", 2**63 - 1)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if value not in self.empty_values and not WHOLE_NUMBER.fullmatch(str(value).strip()):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class IdFilter(filters.NumberFilter):
    field_class = IdField


class DigitsFilter(filters.CharFilter):
    """Records whose integer column contains these digits as text (LL2's ``id__contains``):
    ``04`` is a pattern of two characters, not the number 4, so the column is compared as text.
    Anything but digits is an error."""

    field_class = forms.RegexField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("regex", r"^[0-9]+$")
        kwargs.setdefault("error_messages", {"invalid": "Enter digits only."})
        super().__init__(*args, **kwargs)

    def filter(self, queryset, value):
        if value in ("", None):
            return queryset
        alias = f"{self.field_name}_text"
        queryset = queryset.annotate(**{alias: Cast(self.field_name, CharField())})
        queryset = queryset.filter(**{f"{alias}__contains": value})
        return queryset.distinct() if self.distinct else queryset


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


INSTANT_WORDS = {
    "exact": "is",
    "gt": "is after",
    "gte": "is at or after",
    "lt": "is before",
    "lte": "is at or before",
}


def instant(field_name: str, lookup: str, subject: str) -> InstantFilter:
    """``field_name`` compared with an ISO 8601 instant (``instant("net", "gt", "NET")``),
    its help worded for the browsable page."""
    return InstantFilter(
        field_name=field_name,
        lookup_expr=lookup,
        help_text=f"{subject} {INSTANT_WORDS[lookup]} this instant (ISO 8601).",
    )


class RepeatedListWidget(QueryArrayWidget):
    """Values given as a repeated parameter (``?p=1&p=2``), each of which may also be a comma
    list (``?p=1,2``)."""

    def value_from_datadict(self, data, files, name):
        values = super().value_from_datadict(data, files, name)
        return [part.strip() for value in values for part in value.split(",") if part.strip()]


COMPARISONS = ["exact", "gt", "gte", "lt", "lte"]
LOOKUP_WORDS = {
    "exact": "equals",
    "gt": "is greater than",
    "gte": "is at least",
    "lt": "is less than",
    "lte": "is at most",
    "contains": "contains",
}


# Integer columns of every size. django-filter's default for them is ``NumberFilter``, which
# reads a decimal: ``founding_year=1945.7`` would match 1945 (a wrong answer) and
# ``1e1000000`` would build a million-digit integer (a slow one).
WHOLE_NUMBER_COLUMNS = (
    models.AutoField,
    models.BigAutoField,
    models.SmallAutoField,
    models.IntegerField,
    models.BigIntegerField,
    models.SmallIntegerField,
    models.PositiveIntegerField,
    models.PositiveSmallIntegerField,
    models.PositiveBigIntegerField,
)


class DocumentedFilterSet(filters.FilterSet):
    """The base of every filterset: filters generated from ``Meta.fields`` never guess, and
    document themselves.

    An integer column gets ``IdFilter`` (``1.5``, ``1e3``, ``12abc`` or 2**70 is a 400, not a
    truncated or endless comparison; its ``__in`` lookup is a list of whole numbers), a boolean
    column (and every ``__isnull``) the strict ``true``/``false`` that refuses ``maybe``, an
    instant column ``InstantFilter``. Float columns keep django-filter's decimals. Each
    generated filter gets a help text, for the OpenAPI document and the browsable page."""

    FILTER_DEFAULTS = {
        **filters.FilterSet.FILTER_DEFAULTS,
        **{column: {"filter_class": IdFilter} for column in WHOLE_NUMBER_COLUMNS},
        models.BooleanField: {"filter_class": BooleanFilter},
        models.DateTimeField: {"filter_class": InstantFilter},
    }

    @classmethod
    def filter_for_field(cls, field, field_name, lookup_expr=None):
        generated = super().filter_for_field(field, field_name, lookup_expr)
        words = LOOKUP_WORDS.get(lookup_expr or "exact", lookup_expr)
        generated.extra.setdefault(
            "help_text", f"Records whose {field_name.replace('__', ' ')} {words} the value."
        )
        return generated


class IdListFilter(filters.BaseInFilter, IdFilter):
    """Comma-separated integer ids (``1,2,3``)."""


class UUIDListFilter(filters.BaseInFilter, filters.UUIDFilter):
    """Comma-separated UUIDs."""


class TextListFilter(filters.BaseInFilter, filters.CharFilter):
    """Comma-separated texts, each matched exactly (``B1049,B1060``)."""


class NothingHeldFilter(filters.CharFilter):
    """A filter on a domain Hangar does not hold (first stages, launchers): given any value, no
    record of Hangar's matches."""

    def filter(self, qs, value):
        return qs.none() if value else qs


class TieBreakOrderingFilter(OrderingFilter):
    """DRF's ordering, made total: every ordering ends with ``id`` so that limit/offset pages
    never repeat or skip a record. Nulls sort last ascending and first descending on every
    database, as PostgreSQL does. A view maps public names to the column or annotation that
    holds the value through ``ordering_columns``.

    A field the endpoint does not offer (``ordering=unknown``, ``ordering=name,-flights_count``
    where ``name`` is not offered) is dropped and the offered ones still apply, as DRF, and so
    LL2, drops it; it is not a 400. Hangar answers every request that LL2 answers, and real
    clients send fields the official document does not list: those LL2 honours, an endpoint
    offers (``spacecraft_flights/?ordering=-mission_end``), and a 400 for the others would
    break a client that works against LL2."""

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


class NamedFilterBackend(DjangoFilterBackend):
    """django-filter's backend, which builds the filterset (a copy of every filter, and a form
    class) only for a request that names one of its filters: most pages name none, and the
    filterset would change nothing of theirs, at a cost close to the page's own."""

    def filter_queryset(self, request, queryset, view):
        filterset_class = getattr(view, "filterset_class", None)
        if filterset_class is not None and not names_a_filter(request, filterset_class, queryset):
            return queryset
        return super().filter_queryset(request, queryset, view)


def names_a_filter(request, filterset_class, queryset) -> bool:
    """Whether a query parameter may be read by one of the filters: its name, the name and a
    suffix (``net_after``, a range's ``_min``), or the name with brackets."""
    names = filter_names(filterset_class, queryset.model)
    for parameter in request.query_params:
        base = parameter.removesuffix("[]")
        if base in names or any(base.startswith(f"{name}_") for name in names):
            return True
    return False


@cache
def filter_names(filterset_class, model) -> frozenset[str]:
    """The names of the filters of a filterset as built for ``model``'s rows, those its
    ``__init__`` adds included (``events/``'s ``date__lt``)."""
    return frozenset(filterset_class(data={}, queryset=model._default_manager.none()).filters)
