"""The LL2 list endpoints Hangar mirrors, as one table shared by ``hangar sync`` and
``hangar export``.

Each entry names a list endpoint and the mode that carries everything Hangar stores of its
records. Neither command needs to know which endpoints exist today: an endpoint the other side
does not serve (404) is skipped with a note, and one whose records this Hangar cannot import yet
is skipped before any request is spent on it. Adding an endpoint to Hangar makes it part of the
mirror and of the export without touching this code.
"""

from __future__ import annotations

from dataclasses import dataclass

PAGE_SIZE = 100  # LL2's largest page: fewest requests per record


@dataclass(frozen=True)
class Endpoint:
    path: str  # relative to /2.3.0/, with its trailing slash
    mode: str | None = None

    @property
    def resource(self) -> str:
        """The importer's name for the records of this endpoint (``config/countries``)."""
        return self.path.rstrip("/")

    @property
    def slug(self) -> str:
        return self.resource.replace("/", "-")

    def params(self, offset: int = 0) -> dict[str, str]:
        params = {"limit": str(PAGE_SIZE), "offset": str(offset)}
        if self.mode:
            params["mode"] = self.mode
        return params

    def label(self) -> str:
        return f"{self.path}?mode={self.mode}" if self.mode else self.path


# Spacecraft first: they are what a user of the mirror asks for most, and their detailed form
# already nests every flight, launch, landing, configuration, family and agency it refers to.
# The other endpoints add what no spacecraft nests: crews and docking events of flights
# (``spacecraft_flights`` detailed), agencies' and configurations' own figures, and lookups
# that nothing refers to yet.
ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint("spacecraft/", "detailed"),
    Endpoint("spacecraft_flights/", "detailed"),
    Endpoint("spacecraft_configurations/", "detailed"),
    Endpoint("spacecraft_configuration_families/", "detailed"),
    Endpoint("agencies/", "detailed"),
    Endpoint("docking_events/", "detailed"),
    Endpoint("space_stations/", "detailed"),
    Endpoint("landings/", "detailed"),
    Endpoint("config/spacecraft_statuses/"),
    Endpoint("config/spacecraft_configuration_types/"),
    Endpoint("config/agency_types/"),
    Endpoint("config/image_licenses/"),
    Endpoint("config/image_variant_types/"),
    Endpoint("config/docking_locations/"),
    Endpoint("config/countries/"),
)


def importable(endpoint: Endpoint) -> bool:
    """Whether this Hangar's importer reads the records of ``endpoint``."""
    from hangar.catalog.ll2.importer import RESOURCES

    return endpoint.resource in RESOURCES
