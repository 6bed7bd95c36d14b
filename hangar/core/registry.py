"""The one list of what Hangar serves and imports.

Each resource is declared once, in the package of its domain (``hangar/<domain>/resources/``),
as a ``Resource``: its path, model, modes (a serializer and a query for each), filters, search and
ordering fields, and how the importer validates and collects its records. Everything else reads
the registry: the router and the API root, the importer, the sync's crawl table, the export, the
tests' endpoint lists and the benchmark. Adding a resource is one module that calls
``register``, plus a migration for its tables.

Most resources are lists with detail views. A ``single`` resource (``dashboard/starship/``)
answers one object built for the instant of the request, with the same mode switch, and is
mirrored and exported with one request.

Domains also register what an import must do for them beyond upserting rows: ``WriteRule``
adjusts the rows of one model before they are written (computed statistics win over imported
ones), ``Refresh`` recomputes statistics for the records a batch touched.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from django.apps import apps
from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class Mode:
    """One level of detail of an endpoint: the serializer, and the query it needs (for a
    ``single`` resource, ``queryset(now, params)`` builds the one object it serves at the
    instant ``now``, for the request's query parameters)."""

    serializer: type
    queryset: Callable[..., Any]
    # What the level nests as of the instant of the request (a station's active expeditions,
    # the vehicles docked at its ports): ``at_instant(queryset, now_epoch)`` adds those
    # prefetches, which only this level needs.
    at_instant: Callable[[QuerySet, int], QuerySet] | None = None


@dataclass(frozen=True)
class Resource:
    """An LL2 endpoint (``spacecraft/``) and the records behind it."""

    path: str  # relative to /2.3.0/, with its trailing slash
    model: type[Model]
    # Least to most detailed; the last one answers the detail view (``spacecraft/12/``).
    modes: Mapping[str, Mode]
    filterset: type | None = None
    search_fields: tuple[str, ...] = ()
    ordering_fields: tuple[str, ...] = ()
    # Public ordering name -> the column or annotation that holds the value.
    ordering_columns: Mapping[str, str] = field(default_factory=dict)
    default_mode: str = "normal"
    # Annotations that depend on the instant of the request (live durations), for ordering.
    annotate: Callable[[QuerySet, int], QuerySet] | None = None
    # The annotations serve ``?ordering=`` alone (no filter or serializer reads them): a
    # request that does not order by one of ``ordering_columns`` is read without them.
    annotated_for_ordering_only: bool = False
    # For orderings no index can read (by such an annotation): ``first_rows(queryset, n)`` is
    # the ordered list narrowed to rows among which its first ``n`` are, so that a page does
    # not sort every record.
    first_rows: Callable[[QuerySet, int], QuerySet] | None = None
    # The records the endpoint holds at the instant of the request (``launches/upcoming/``:
    # those of the last day and later), lists and detail views alike.
    scope: Callable[[QuerySet, Any], QuerySet] | None = None
    # The order of a list without ``?ordering=`` (``id`` always breaks ties).
    default_ordering: tuple[str, ...] = ("id",)
    listed: bool = True  # False: detail views only
    # One object, not a list (``dashboard/starship/``): no pages, no detail views, no filters;
    # each mode's ``queryset(now, params)`` builds it. Declared with ``listed=False``.
    single: bool = False
    lookup_value_regex: str = r"[0-9]+"
    # The importer: the input serializer of one record, and the collector that walks the
    # validated record into the batch, ``collect(collector, data, depth) -> pk``.
    input: type | None = None
    collect: Callable[[Any, dict, int], Any] | None = None
    rank: int = 50  # order in the API root, the mirror and the export: lower first

    @property
    def name(self) -> str:
        """The importer's name for its records (``spacecraft``, ``config/countries``)."""
        return self.path.rstrip("/")

    @property
    def detail_mode(self) -> str:
        return list(self.modes)[-1]

    @property
    def richest_mode(self) -> str | None:
        """The mode that carries everything Hangar stores of a record (``None`` for an endpoint
        without modes), which the mirror and the export ask for."""
        return self.detail_mode if len(self.modes) > 1 else None

    @property
    def importable(self) -> bool:
        return self.input is not None and self.collect is not None


@dataclass(frozen=True)
class WriteRule:
    """Adjusts the rows of ``model`` a batch is about to write:
    ``prepare(rows, existing, batch, now_epoch)``, where ``rows`` maps primary keys to the values
    to write and ``existing`` the rows already held."""

    model: type[Model]
    prepare: Callable[[dict, dict, Any, int], None]


@dataclass(frozen=True)
class Refresh:
    """Statistics a domain stores: ``affected(batch)`` names the records whose figures a batch
    may change (asked before and after writing), ``refresh(ids, now)`` recomputes them, and
    ``due(now)`` recomputes those that time has changed (a planned flight has launched), for
    every import and sync and for ``hangar refresh``; it returns how many it recomputed."""

    name: str
    affected: Callable[[Any], set]
    refresh: Callable[[set, Any], None]
    due: Callable[[Any], int]


class Registry:
    def __init__(self) -> None:
        self._resources: dict[str, Resource] = {}
        self._write_rules: dict[type[Model], WriteRule] = {}
        self._refreshes: dict[str, Refresh] = {}
        self.discovered = False
        self.discovering = False

    def register(self, *resources: Resource) -> None:
        for resource in resources:
            if not resource.path.endswith("/") or resource.path.startswith("/"):
                raise ValueError(f"{resource.path!r}: a path relative to /2.3.0/ ending in '/'.")
            if resource.path in self._resources:
                raise ValueError(f"{resource.path} is registered twice.")
            if resource.default_mode not in resource.modes and len(resource.modes) > 1:
                raise ValueError(f"{resource.path}: no mode {resource.default_mode!r}.")
            if resource.single and resource.listed:
                raise ValueError(f"{resource.path}: a single object is not a list (listed=False).")
            self._resources[resource.path] = resource

    def add_write_rule(self, rule: WriteRule) -> None:
        self._write_rules[rule.model] = rule

    def add_refresh(self, refresh: Refresh) -> None:
        self._refreshes[refresh.name] = refresh

    def resources(self) -> list[Resource]:
        """Every resource, in rank order (then by path)."""
        self.discover()
        return sorted(self._resources.values(), key=lambda r: (r.rank, r.path))

    def importers(self) -> Mapping[str, Resource]:
        """The resources whose records ``hangar import`` reads, by record name."""
        return MappingProxyType({r.name: r for r in self.resources() if r.importable})

    def mirrored(self) -> list[Resource]:
        """The endpoints a mirror crawls and an export writes: the lists, page by page, and the
        single objects, one request each."""
        return [r for r in self.resources() if (r.listed or r.single) and r.importable]

    def write_rule(self, model: type[Model]) -> WriteRule | None:
        self.discover()
        return self._write_rules.get(model)

    def refreshes(self) -> list[Refresh]:
        self.discover()
        return list(self._refreshes.values())

    def discover(self) -> None:
        """Import the ``resources`` package of every installed Hangar app, each module of it in
        name order: importing a resource module registers it."""
        if self.discovered or self.discovering:
            return
        # A module that fails to import leaves the registry undiscovered (and says why), never
        # partial: the next call tries again.
        self.discovering = True
        try:
            for config in apps.get_app_configs():
                if not config.name.startswith("hangar."):
                    continue
                for module in resource_modules(config.name):
                    importlib.import_module(module)
            self.discovered = True
        finally:
            self.discovering = False


def resource_modules(package: str) -> Iterator[str]:
    try:
        resources = importlib.import_module(f"{package}.resources")
    except ModuleNotFoundError as error:
        if error.name != f"{package}.resources":
            raise
        return
    for info in sorted(pkgutil.iter_modules(resources.__path__), key=lambda i: i.name):
        yield f"{resources.__name__}.{info.name}"


registry = Registry()
register = registry.register
