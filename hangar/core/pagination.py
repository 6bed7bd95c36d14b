"""LL2's pagination: limit/offset, 10 by default, at most 100, links with sorted parameters."""

from rest_framework.pagination import LimitOffsetPagination


class LL2Pagination(LimitOffsetPagination):
    """DRF's limit/offset pagination, as LL2 runs it: an unparseable or zero ``limit`` falls back
    to the default, a larger one is capped, and ``next``/``previous`` carry the request's other
    parameters sorted by name."""

    default_limit = 10
    max_limit = 100
