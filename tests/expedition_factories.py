"""Factories of the expeditions domain's records: expeditions aboard stations, spacewalks, their
crews (seats of ``tests.people_factories``)."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests import models as m
from tests import people_factories as pf
from tests.factories import ago, at, later, next_id


def duration_of(start: datetime | None, end: datetime | None, given: int | None) -> int | None:
    """What the importer stores: ``end`` - ``start`` where both are known, else as given."""
    if start is not None and end is not None:
        return int((end - start).total_seconds())
    return given


def crew_of(model, parent: str, row, seats) -> None:
    for position, seat in enumerate(seats):
        model.objects.create(**{parent: row}, seat=seat, position=position)


def expedition(station: m.SpaceStation, crew=(), mission_patches=(), **fields) -> m.Expedition:
    """An expedition aboard ``station``; ``crew`` is a list of seats, in order."""
    pk = fields.pop("id", None) or next_id()
    fields.setdefault("name", f"Expedition {pk}")
    fields.setdefault("start", datetime.fromisoformat("2001-01-01T00:00:00+00:00"))
    row = m.Expedition.objects.create(id=pk, spacestation=station, **fields)
    row.mission_patches.set(mission_patches)
    crew_of(m.ExpeditionCrewMember, "expedition", row, crew)
    return row


def spacewalk(crew=(), program=(), **fields) -> m.Spacewalk:
    """A spacewalk; ``duration_s`` as the importer computes it unless ``start`` or ``end`` is
    unknown."""
    pk = fields.pop("id", None) or next_id()
    fields.setdefault("name", f"Spacewalk {pk}")
    fields["duration_s"] = duration_of(
        fields.get("start"), fields.get("end"), fields.get("duration_s")
    )
    row = m.Spacewalk.objects.create(id=pk, **fields)
    row.program.set(program)
    crew_of(m.SpacewalkCrewMember, "spacewalk", row, crew)
    return row


def expedition_catalog(number: int, built: dict) -> dict:
    """``number`` expeditions on the catalog's stations (``built["stations"]``), each with a crew
    of two seats (of the catalog's astronauts where it holds them) and a mission patch; every
    tenth is under way now (one of those with no end known), the others ended. ``number``
    spacewalks, each with a crew of one of its expedition's astronauts, a program, the station
    and the expedition, a spacecraft flight of the catalog and one shared event; durations
    vary, and every tenth has no end (its duration as imported). Astronauts' statistics are
    refreshed as the importer would."""
    from hangar.people import stats
    from tests.event_factories import rich_event

    stations = built["stations"]
    people = built.get("astronauts") or [pf.astronaut() for _ in range(number)]
    # The first patches (the first page of ``mission_patches/``) are worn by expeditions, and
    # none of the last, which the query-count tests page through, so that those pages nest
    # alike whatever other domains add.
    patches = list(m.MissionPatch.objects.order_by("id")[:number]) or [None]
    programs = built.get("programs") or [None]
    # One flight of each spacecraft, all nesting alike (each spacecraft's first flight).
    flights = (built.get("flights") or [None])[::3]
    expeditions = []
    for index in range(number):
        if index % 10 == 9:
            start = ago(days=20 + index)
            end = None if index % 20 == 9 else later(days=30 + index)
        else:
            start = at("2001-01-01T00:00:00") + timedelta(days=30 * index)
            end = start + timedelta(days=180)
        crew = [pf.seat(people[(2 * index + k) % len(people)]) for k in range(2)]
        patch = patches[index % len(patches)]
        expeditions.append(
            expedition(
                stations[index % len(stations)],
                crew=crew,
                mission_patches=[patch] if patch else [],
                name=f"Expedition {index:03}",
                start=start,
                end=end,
            )
        )
    # Dated half a day ago: first in both ``events/upcoming/`` and ``events/previous/``.
    shared_event = rich_event(ago(hours=12), {}, name="Spacewalk briefing")
    walks = []
    for index, one in enumerate(expeditions):
        start = one.start + timedelta(days=3)
        end = None if index % 10 == 3 else start + timedelta(hours=5, minutes=index)
        program = programs[index % len(programs)]
        walks.append(
            spacewalk(
                crew=[pf.seat(one.crew_members.first().seat.astronaut)],
                program=[program] if program else [],
                name=f"{one.name} EVA {index % 3 + 1}",
                start=start,
                end=end,
                duration_s=3600 * (index % 4) if end is None else None,
                location=("ISS, Quest airlock", "Pirs")[index % 2],
                spacestation=one.spacestation,
                expedition=one,
                spacecraft_flight=flights[index % len(flights)],
                event=shared_event,
            )
        )
    stats.refresh_astronauts(sorted({person.pk for person in people}))
    return {"expeditions": expeditions, "spacewalks": walks, "spacewalk_event": shared_event}
