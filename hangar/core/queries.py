"""Helpers for the query builders of every domain (``hangar/<domain>/queries.py``).

A builder describes one nested object at ``path`` (``""`` for the resource itself), so that every
place that nests it loads it the same way; to-many relations are prefetched into plain lists
(``to_attr``), which the serializers read: Django's prefetch cache would build a queryset per
object."""

from django.db.models import Lookup


def at(path: str, name: str) -> str:
    """``name`` below ``path``, as a lookup path (``spacecraft__image``)."""
    return f"{path}__{name}" if path else name


class AnyOf(Lookup):
    """``column = ANY(array)``, the array an expression such as PostgreSQL's ``ArraySubquery``:
    ``queryset.filter(AnyOf(F("pk"), ArraySubquery(ids)))``. Unlike ``pk__in=ids``, which the
    planner may join after the rest, the array is computed once, first, and the column looked
    up in its index."""

    lookup_name = "any_of"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = compiler.compile(self.rhs)
        return f"{lhs} = ANY({rhs})", (*lhs_params, *rhs_params)
