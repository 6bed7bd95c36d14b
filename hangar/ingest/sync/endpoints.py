"""The LL2 endpoints Hangar mirrors, shared by ``hangar sync`` and ``hangar export``, read
from the registry: every listed resource Hangar imports, in rank order (spacecraft first: they
are what a user of the mirror asks for most, and their detailed form already nests every flight,
launch, landing, configuration, family and agency it refers to; the other endpoints add what no
spacecraft nests), each in the mode that carries everything Hangar stores of its records.

An endpoint that is one object (``dashboard/starship/``) is one request.
An endpoint the other side does not serve (404) is skipped with a note. Registering a resource
makes it part of the mirror and of the export without touching this code.
"""

from __future__ import annotations

from dataclasses import dataclass

from hangar.core.registry import registry

PAGE_SIZE = 100  # LL2's largest page: fewest requests per record
# The most pages one list may take: 100,000 records at 100 a page, thirteen times LL2's
# longest list (launches). A list whose first page announces more is refused.
PAGES_PER_LIST = 1000


@dataclass(frozen=True)
class Endpoint:
    path: str  # relative to /2.3.0/, with its trailing slash
    mode: str | None = None
    single: bool = False  # one object (``dashboard/starship/``): one request, no pages

    @property
    def resource(self) -> str:
        """The importer's name for the records of this endpoint (``config/countries``)."""
        return self.path.rstrip("/")

    @property
    def slug(self) -> str:
        return self.resource.replace("/", "-")

    def params(self, offset: int = 0) -> dict[str, str]:
        params = {} if self.single else {"limit": str(PAGE_SIZE), "offset": str(offset)}
        if self.mode:
            params["mode"] = self.mode
        return params

    def label(self) -> str:
        return f"{self.path}?mode={self.mode}" if self.mode else self.path


def endpoints() -> tuple[Endpoint, ...]:
    return tuple(Endpoint(r.path, r.richest_mode, r.single) for r in registry.mirrored())


def importable(endpoint: Endpoint) -> bool:
    """Whether this Hangar's importer reads the records of ``endpoint``."""
    return endpoint.resource in registry.importers()
