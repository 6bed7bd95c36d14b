"""The viewset every LL2 endpoint shares, and the one class built per registered resource.

``?mode=`` selects a serializer and its queryset from the resource's modes; the detail view
always answers at the most detailed level; the browsable page shows the description the official
schema gives the endpoint. A ``single`` resource is served by ``LL2ObjectViewSet``: its one
route (the router's list route) answers the object its mode builds, not a page. A GET reads:
statistics that grow with time are computed at read time (see
``hangar.core.fields.LiveDurationField``), never written.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.utils import formatting

from hangar.core.cache.keys import ENVIRON_KEY
from hangar.core.documents import DETAIL_PARAMETERS, Documents, page_of
from hangar.core.registry import Resource
from hangar.core.renderers import OrjsonRenderer
from hangar.ll2.links import Links
from hangar.ll2.schema import endpoint_description


class LL2GenericViewSet(viewsets.GenericViewSet):
    resource: Resource

    @property
    def allowed_methods(self):
        return ["GET"]

    def get_view_description(self, html=False):
        """The browsable page shows the endpoint's description from the official schema."""
        text = endpoint_description(self.resource.path)
        return formatting.markup_description(text) if html else text

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.mode = self.requested_mode()
        # A request the response cache computes answers for the instant the cache serves it.
        self.cache_state = request.META.get(ENVIRON_KEY)
        if self.cache_state is not None:
            self.now = datetime.fromtimestamp(self.cache_state["now"], UTC)
        else:
            self.now = timezone.now()

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        state = getattr(self, "cache_state", None)
        if state is not None and response.status_code == 200:
            state["cacheable"] = True
        return response

    def requested_mode(self) -> str:
        modes = self.resource.modes
        if self.action != "list" or len(modes) == 1:
            # Endpoints without modes (lookups) ignore the parameter, as LL2's do.
            return self.resource.detail_mode
        mode = self.request.query_params.get("mode", self.resource.default_mode)
        if mode not in modes:
            raise ValidationError(
                {"mode": [f"Unknown mode {mode!r}; this endpoint has: {', '.join(modes)}."]}
            )
        return mode

    def current_mode(self) -> str:
        """The mode of this request; outside a request (the OpenAPI document), the default
        level for lists and the detailed one for single objects."""
        if hasattr(self, "mode"):
            return self.mode
        resource = self.resource
        if getattr(self, "action", None) == "list" and resource.default_mode in resource.modes:
            return resource.default_mode
        return resource.detail_mode

    def get_serializer_class(self):
        return self.resource.modes[self.current_mode()].serializer

    def get_queryset(self, rows_only: bool = False):
        """The records of the request's mode, with what its serializer reads; with
        ``rows_only``, the same rows with nothing joined or prefetched, which is all a page
        assembled from kept documents reads of them."""
        mode = self.resource.modes[self.current_mode()]
        queryset = rows_of(mode, self.resource.model) if rows_only else mode.queryset()
        if self.resource.scope is not None:
            self.now_epoch()
            queryset = self.resource.scope(queryset, self.now)
        if self.needs_annotations():
            queryset = self.resource.annotate(queryset, self.now_epoch())
            if self.orders_by(set(queryset.query.annotations)):
                # A value of the instant (time in space, still growing) orders the list:
                # the order may change any second.
                self.keep_for_this_second_only()
        if mode.at_instant is not None and not rows_only:
            queryset = mode.at_instant(queryset, self.now_epoch())
        return queryset

    def needs_annotations(self) -> bool:
        resource = self.resource
        if resource.annotate is None:
            return False
        if not resource.annotated_for_ordering_only:
            return True
        columns = set(resource.ordering_columns.values())
        by_default = {term.lstrip("-") for term in resource.default_ordering}
        return self.orders_by(columns) or bool(columns & by_default)

    def orders_by(self, columns: set[str]) -> bool:
        """Whether ``?ordering=`` names one of ``columns``."""
        requested = self.request.query_params.get("ordering", "") if self.request else ""
        names = (name.strip().lstrip("-") for name in requested.split(","))
        return any(self.resource.ordering_columns.get(name, name) in columns for name in names)

    def keep_for_this_second_only(self) -> None:
        state = getattr(self, "cache_state", None)
        if state is not None:
            state["this_second_only"] = True

    def now_epoch(self) -> int:
        """The instant the response describes, fixed once per request."""
        if not hasattr(self, "now"):
            self.now = timezone.now()
        return int(self.now.timestamp())

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["links"] = Links(self.request)
        context["now_epoch"] = self.now_epoch()
        # Growing durations as markers the response cache fills in for each copy it serves.
        context["live_markers"] = getattr(self, "cache_state", None) is not None
        context["shared"] = {}
        return context


class LL2ObjectViewSet(LL2GenericViewSet):
    """A resource that is one object (``dashboard/starship/``): the router mounts ``list`` at its
    path, with the mode switch of every list (a bad mode is a 400), and no detail route. It has
    no pages, filters, search or ordering: the mode's builder, ``queryset(now, params)``, decides
    what the object holds at the instant of the request and reads the query parameters it
    takes."""

    pagination_class = None
    filter_backends = ()

    def list(self, request, *args, **kwargs):
        build = self.resource.modes[self.mode].queryset
        return Response(self.get_serializer(build(self.now, request.query_params)).data)


@cache
def plain(mode) -> bool:
    """Whether the query of ``mode`` holds every row of its model (it only joins, prefetches
    and orders)."""
    query = mode.queryset().query
    return not (query.where.children or query.distinct or query.annotations or query.extra)


def rows_of(mode, model):
    """The rows of ``mode``'s query of ``model`` with nothing joined or prefetched (each copy
    of a queryset on the way would copy those whole)."""
    if plain(mode):
        return model._base_manager.all()
    return mode.queryset().select_related(None).prefetch_related(None)


class ListFromDocuments(mixins.ListModelMixin):
    """A page assembled from kept documents when it can be (``hangar.core.documents``)."""

    def list(self, request, *args, **kwargs):
        documents = Documents.usable(self)
        if documents is None:
            return super().list(request, *args, **kwargs)
        rows = self.get_queryset(rows_only=True)
        ids = self.paginator.paginate_queryset(self.filter_queryset(rows), request, self, ids=True)
        head = self.paginator.get_paginated_response([]).data
        body = page_of(OrjsonRenderer().render(head), documents.of_page(ids))
        return Response(documents.answer(body))


class RetrieveFromDocuments(mixins.RetrieveModelMixin):
    """A detail view answered with its kept document when it can be."""

    def retrieve(self, request, *args, **kwargs):
        documents = None
        if DETAIL_PARAMETERS.issuperset(request.query_params):
            documents = Documents.usable(self)
        if documents is None:
            return super().retrieve(request, *args, **kwargs)
        lookup = self.lookup_url_kwarg or self.lookup_field
        try:
            pk = self.resource.model._meta.pk.to_python(kwargs[lookup])
        except DjangoValidationError:  # no such key (the path's pattern is looser): a 404
            return super().retrieve(request, *args, **kwargs)
        return Response(documents.answer(documents.of_object(pk)))


def viewset_for(resource: Resource) -> type[LL2GenericViewSet]:
    """The read-only viewset of a registered resource: a list (unless the resource has detail
    views only) and a detail view, or the one object of a ``single`` resource."""
    bases = (RetrieveFromDocuments, LL2GenericViewSet)
    if resource.listed:
        bases = (ListFromDocuments, *bases)
    if resource.single:
        bases = (LL2ObjectViewSet,)
    name = "".join(part.title() for part in resource.name.replace("/", "_").split("_"))
    viewset = type(
        f"{name}ViewSet",
        bases,
        {
            "__doc__": endpoint_description(resource.path) or None,
            "__module__": __name__,
            "resource": resource,
            "modes": resource.modes,
            "filterset_class": resource.filterset,
            "search_fields": list(resource.search_fields),
            "ordering_fields": list(resource.ordering_fields),
            "ordering_columns": dict(resource.ordering_columns),
            "ordering": list(resource.default_ordering),
            "lookup_value_regex": resource.lookup_value_regex,
        },
    )
    if (resource.listed or resource.single) and len(resource.modes) > 1:
        parameter = OpenApiParameter(
            "mode", str, description="Level of detail of the response.", enum=list(resource.modes)
        )
        viewset = extend_schema_view(list=extend_schema(parameters=[parameter]))(viewset)
    return viewset
