"""Rendered objects, kept and assembled into answers: what a page costs when no answer is kept.

The response cache (``hangar.core.cache``) keeps whole answers; any other page (another filter,
offset or ordering, the first request after an import) used to serialize every object it shows,
a tree of nested serializers and the queries behind it. The document store keeps each object as
rendered at its level (``spacecraft`` 12 in ``detailed`` mode, the bytes of its JSON), in each
process's memory, so that a page is its count, one query for the primary keys of its rows, and
the kept objects joined together. Only the objects no page has shown yet are serialized, in
one query and its prefetches, as before.

A document is rendered once for every request that may show it:

- the origin that LL2 writes at the start of every url is a placeholder (``PlaceholderLinks``),
  filled in for each answer (``fill_in``); the ``format`` it carries at their end is part of the
  key;
- a duration that grows is a marker (``hangar.core.live``), filled in for the second of the answer;
- it holds for one catalog version and until the horizon (``hangar.core.horizon``): a generation
  of documents is dropped whole when an import, sync, refresh or edit commits, and when time
  changes an answer though the catalog has not.

Documents are kept for the JSON renderer only (the browsable page renders as it always did), and
never inside a transaction, whose rows may hold writes that no version counts.
``DOCUMENT_CACHE=false`` serializes every object of every answer.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

import orjson
from django.conf import settings
from django.db import DatabaseError, connections, router
from prometheus_client import Counter

from hangar.core.horizon import KeptHorizon
from hangar.core.live import LiveBody
from hangar.core.models import read_catalog_version
from hangar.core.renderers import OrjsonRenderer, Prerendered, fallback
from hangar.ll2.links import Links

ROOT = "\x00R"
# The placeholder as rendered, with the quote that opens its string: no text of the catalog
# renders so (a NUL character is refused on import; a backslash renders doubled).
RENDERED_ROOT = b'"\\u0000R'
# Query parameters a detail view reads besides its path (any other, a filter, goes through the
# filters as DRF's detail views do, and is answered without the store).
DETAIL_PARAMETERS = frozenset({"format", "mode"})
OBJECTS = Counter(
    "hangar_documents",
    "Objects of API answers, by whether the document store held them or rendered them",
    ["result"],
)
KEPT, RENDERED = OBJECTS.labels("kept"), OBJECTS.labels("rendered")


class PlaceholderLinks(Links):
    """The links of a document rendered for every origin, with the ``format`` of a request."""

    def __init__(self, suffix: str) -> None:
        self.root, self.suffix = ROOT, suffix


@dataclass
class Generation:
    """The documents of one catalog version of one database, until its horizon."""

    version: int
    since: float
    until: float
    documents: OrderedDict = field(default_factory=OrderedDict)
    size: int = 0


class DocumentStore:
    """Each process's documents, the oldest dropped first past the byte budget
    (``DOCUMENT_CACHE_MAX_MB``)."""

    def __init__(self) -> None:
        self.generations: dict[str, Generation] = {}
        self.horizons: dict[str, KeptHorizon] = {}
        self.lock = threading.Lock()

    def generation(self, database: str, version: int, now: float) -> Generation | None:
        """The documents of ``version`` at the instant ``now``; ``None`` for a request older
        than the documents in force (it answers for an instant before their horizon began)."""
        current = self.generations.get(database)
        if current is not None and current.version == version:
            if current.since <= now < current.until:
                return current
            if now < current.since:
                return None
        horizon = self.horizons.setdefault(database, KeptHorizon())
        current = Generation(version, now, horizon.at(version, now))
        with self.lock:
            self.generations[database] = current
        return current

    def put(self, generation: Generation, key: tuple, body: bytes) -> None:
        # One budget for the process, shared by the databases it reads (replicas).
        budget = settings.DOCUMENT_CACHE_MAX_MB * 1024 * 1024 // len(settings.DATABASES)
        if len(body) > budget:
            return
        with self.lock:
            documents = generation.documents
            previous = documents.pop(key, None)
            if previous is not None:
                generation.size -= len(previous)
            documents[key] = body
            generation.size += len(body)
            while generation.size > budget:
                _, dropped = documents.popitem(last=False)
                generation.size -= len(dropped)

    def clear(self) -> None:
        with self.lock:
            self.generations.clear()
            self.horizons.clear()


STORE = DocumentStore()


@dataclass
class Documents:
    """The documents one request reads and renders: its view, and the generation in force."""

    view: object
    generation: Generation
    links: Links  # the request's

    @classmethod
    def usable(cls, view) -> Documents | None:
        """The documents of ``view``'s request, or ``None`` when it must be serialized."""
        request = view.request
        if not settings.DOCUMENT_CACHE or view.resource.single:
            return None
        if type(request.accepted_renderer) is not OrjsonRenderer:
            return None
        if "indent" in (request.accepted_media_type or ""):
            return None
        database = router.db_for_read(view.resource.model)
        if connections[database].in_atomic_block:
            return None
        try:
            version = read_catalog_version(database)
        except DatabaseError:
            return None
        generation = STORE.generation(database, version, view.now.timestamp())
        if generation is None:
            return None
        return cls(view, generation, Links(request))

    def key(self, pk) -> tuple:
        return (self.view.resource.path, self.view.mode, self.links.suffix, pk)

    def of_page(self, ids: list) -> list[bytes]:
        """The documents of the rows ``ids``, in that order."""
        documents = self.generation.documents
        found = {pk: documents.get(self.key(pk)) for pk in ids}
        missing = [pk for pk, body in found.items() if body is None]
        KEPT.inc(len(found) - len(missing))
        if missing:
            rows = self.view.get_queryset().filter(pk__in=missing)
            found.update(self.render(rows))
        # A row a commit removed since its primary key was read is left out, as a page read
        # after that commit would leave it.
        return [found[pk] for pk in ids if found[pk] is not None]

    def of_object(self, pk) -> bytes:
        """The document of the object the detail view names (a 404 when there is none)."""
        body = self.generation.documents.get(self.key(pk))
        if body is not None:
            KEPT.inc()
            return body
        return self.render([self.view.get_object()])[pk]

    def render(self, instances) -> dict:
        view = self.view
        context = view.get_serializer_context()
        context["links"] = PlaceholderLinks(self.links.suffix)
        context["live_markers"] = True
        # One serializer for every object, as a list's serializer has one child.
        serializer = view.get_serializer_class()(context=context)
        rendered = {}
        for instance in instances:
            body = orjson.dumps(serializer.to_representation(instance), default=fallback)
            rendered[instance.pk] = body
            STORE.put(self.generation, self.key(instance.pk), body)
        RENDERED.inc(len(rendered))
        return rendered

    def answer(self, body: bytes) -> Prerendered:
        """``body`` with the request's origin and format, and for a request the response
        cache does not compute, its growing durations as of the instant of the request."""
        body = fill_in(body, self.links)
        if getattr(self.view, "cache_state", None) is None:
            body = LiveBody.split(body).render(self.view.now_epoch())
        return Prerendered(body)


def fill_in(body: bytes, links: Links) -> bytes:
    """A body assembled from documents, with ``links``'s origin at the start of its urls."""
    return body.replace(RENDERED_ROOT, orjson.dumps(links.root)[:-1])


def page_of(head: bytes, documents: list[bytes]) -> bytes:
    """A page: ``head``, the rendered page with no results (``..."results":[]}``), holding
    ``documents``."""
    if not head.endswith(b"[]}"):
        raise ValueError("a page's results must come last")
    return b"".join((head[:-2], b",".join(documents), b"]}"))
