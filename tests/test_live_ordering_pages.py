"""Pages of ``spacecraft/`` ordered by a duration that grows while a spacecraft is up.

Such a page is read from candidates (``queries.first_rows_by_live_durations``): the first rows
of the settled spacecraft by their index, and the first of those with something still open.
Every page, from the front and from the end, must be the one a full sort gives."""

import time

import pytest

from hangar.spacecraft import queries
from hangar.spacecraft.models import Spacecraft
from tests import factories as f

LIST = "/2.3.0/spacecraft/"
HOUR = 3600


@pytest.fixture
def mixed(db):
    """Settled spacecraft with ties and gaps in their figures, some without any, and spacecraft
    whose time in space (docked) grew past settled ones since it was stored an hour ago."""
    config = f.config(name="Orion")
    other = f.config(name="Soyuz")
    stored = int(time.time()) - HOUR
    settled = [5 * HOUR, 2 * HOUR, None, 2 * HOUR, 0, 7 * HOUR, None, 3 * HOUR, 2 * HOUR, HOUR]
    for pk, value in enumerate(settled, start=1):
        f.spacecraft(
            id=pk,
            spacecraft_config=config if pk % 2 else other,
            time_in_space_s=value,
            time_docked_s=value and value // 2,
            stats_as_of=stored,
        )
    # id: (stored time in space, open flights, open dockings); an hour later each open one has
    # grown by an hour: 11 passes 5 h, 12 ties with nobody (4 h), 13 (two open) reaches 6 h.
    growing = {11: (4 * HOUR + 60, 1, 1), 12: (3 * HOUR, 1, 0), 13: (4 * HOUR + 30, 2, 1)}
    for pk, (value, flights, dockings) in growing.items():
        f.spacecraft(
            id=pk,
            spacecraft_config=config if pk % 2 else other,
            in_space=True,
            time_in_space_s=value,
            time_docked_s=value // 3,
            open_flights=flights,
            open_dockings=dockings,
            stats_as_of=stored,
        )


def expected(ordering: str, **filters) -> list[int]:
    """The full sort, in Python: nulls last ascending and first descending, then ``id``."""
    now = int(time.time())
    rows = list(Spacecraft.objects.filter(**filters))

    def live(craft, name):
        stored, counter = queries.LIVE_DURATIONS[f"{name}_live"]
        value = getattr(craft, stored)
        return (
            None if value is None else value + getattr(craft, counter) * (now - craft.stats_as_of)
        )

    for term in reversed([*ordering.split(","), "id"]):
        name = term.lstrip("-")
        descending = term.startswith("-")
        if name == "id":
            rows.sort(key=lambda craft: craft.id, reverse=descending)
            continue
        # Nulls sort as the largest value: last ascending, first descending.
        rows.sort(
            key=lambda craft, name=name: (live(craft, name) is None, live(craft, name) or 0),
            reverse=descending,
        )
    return [craft.id for craft in rows]


def every_page(api, limit: int, **params) -> list[int]:
    found, offset = [], 0
    while True:
        body = api.get(LIST, {**params, "limit": limit, "offset": offset}).json()
        found += [record["id"] for record in body["results"]]
        offset += limit
        if offset >= body["count"]:
            return found


ORDERINGS = [
    "-time_in_space",
    "time_in_space",
    "-time_docked",
    "time_docked",
    "-time_in_space,time_docked",
]


@pytest.mark.parametrize("ordering", ORDERINGS)
@pytest.mark.parametrize("limit", [1, 2, 5])
def test_every_page_of_a_live_ordering_is_the_full_sorts(api, mixed, ordering, limit):
    assert every_page(api, limit, ordering=ordering) == expected(ordering)


@pytest.mark.parametrize("ordering", ["-time_in_space", "time_docked"])
def test_a_live_ordering_keeps_the_filters_and_the_search(api, mixed, ordering):
    odd = expected(ordering, spacecraft_config__name="Orion")
    assert every_page(api, 2, ordering=ordering, search="orion") == odd
    up = expected(ordering, in_space=True)
    assert every_page(api, 1, ordering=ordering, in_space="true") == up


def test_the_growing_spacecraft_lead_when_they_passed_the_settled_ones(api, mixed):
    body = api.get(LIST, {"ordering": "-time_in_space", "limit": 5}).json()
    # Nulls first, then 7 h, 13 (live 6 h), 11 (live 5 h 1 min).
    assert [record["id"] for record in body["results"]] == [3, 7, 6, 13, 11]


def test_other_orderings_are_left_as_they_are(db):
    queryset = queries.spacecraft_normal().order_by("-flights_count", "id")
    assert queries.first_rows_by_live_durations(queryset, 10) is queryset


def test_a_deep_page_is_sorted_whole(db):
    queryset = queries.with_live_durations(queries.spacecraft_normal(), 0).order_by(
        "-time_in_space_live", "id"
    )
    assert queries.first_rows_by_live_durations(queryset, 10) is not queryset
    deep = queries.LIVE_CANDIDATES_AT_MOST + 1
    assert queries.first_rows_by_live_durations(queryset, deep) is queryset
