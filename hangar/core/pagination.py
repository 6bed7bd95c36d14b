"""LL2's pagination: limit/offset, 10 by default, at most 100, links with sorted parameters."""

from rest_framework.pagination import LimitOffsetPagination

from hangar.core.counts import count_of


class LL2Pagination(LimitOffsetPagination):
    """DRF's limit/offset pagination, as LL2 runs it: an unparseable or zero ``limit`` falls back
    to the default, a larger one is capped, and ``next``/``previous`` carry the request's other
    parameters sorted by name.

    The count is kept per catalog version (``hangar.core.counts``). A page in the second half
    of the rows is read from the end, in the reverse order, so that the database skips the
    rows after it rather than every row before it: the last page costs what the first does.
    A resource's ``first_rows`` narrows the rows read before the page is cut from them."""

    default_limit = 10
    max_limit = 100

    def get_count(self, queryset):
        try:
            return count_of(queryset)
        except AttributeError:  # not a queryset
            return len(queryset)

    def paginate_queryset(self, queryset, request, view=None, ids: bool = False):
        """The rows of the page, or with ``ids`` their primary keys only (which is all a page
        assembled from kept documents reads: ``hangar.core.documents``)."""
        self.request = request
        self.limit = self.get_limit(request)
        if self.limit is None:
            return None
        self.count = self.get_count(queryset)
        self.offset = self.get_offset(request)
        if self.count > self.limit and self.template is not None:
            self.display_page_controls = True
        if self.count == 0 or self.offset > self.count:
            return []
        narrow = getattr(getattr(view, "resource", None), "first_rows", None) or keep_all
        if self.offset > self.count // 2 and getattr(queryset, "ordered", False):
            return self.read_from_the_end(queryset, narrow, ids)
        stop = self.offset + self.limit
        return list(selected(narrow(queryset, stop), ids)[self.offset : stop])

    def read_from_the_end(self, queryset, narrow, ids: bool) -> list:
        remaining = self.count - self.offset  # rows from this page's first to the last
        taken = min(self.limit, remaining)
        narrowed = narrow(queryset.reverse(), remaining)
        rows = list(selected(narrowed, ids)[remaining - taken : remaining])
        rows.reverse()
        return rows


def selected(queryset, ids: bool):
    """The rows of ``queryset``, or only their primary keys (nothing fetched beside them)."""
    if not ids:
        return queryset
    return queryset.prefetch_related(None).values_list("pk", flat=True)


def keep_all(queryset, rows: int):
    return queryset
