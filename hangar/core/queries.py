"""Helpers for the query builders of every domain (``hangar/<domain>/queries.py``).

A builder describes one nested object at ``path`` (``""`` for the resource itself), so that every
place that nests it loads it the same way; to-many relations are prefetched into plain lists
(``to_attr``), which the serializers read: Django's prefetch cache would build a queryset per
object."""


def at(path: str, name: str) -> str:
    """``name`` below ``path``, as a lookup path (``spacecraft__image``)."""
    return f"{path}__{name}" if path else name
