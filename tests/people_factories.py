"""Factories of the astronauts domain's records: astronauts, the seats crews are made of, and
crews of spacecraft flights. Nothing here computes statistics: call
``hangar.people.stats.refresh_astronauts`` after building crews, as the importer does."""

from __future__ import annotations

from datetime import date, timedelta

from tests import models as m
from tests.factories import agency, country, image, next_id


def astronaut_status(id: int = 1, name: str = "Active") -> m.AstronautStatus:
    return m.AstronautStatus.objects.get_or_create(id=id, defaults={"name": name})[0]


def astronaut_type(id: int = 2, name: str = "Government") -> m.AstronautType:
    return m.AstronautType.objects.get_or_create(id=id, defaults={"name": name})[0]


def role(id: int = 1, name: str = "Commander") -> m.AstronautRole:
    return m.AstronautRole.objects.get_or_create(id=id, defaults={"role": name})[0]


def social_media(id: int = 1, name: str = "X") -> m.SocialMedia:
    return m.SocialMedia.objects.get_or_create(
        id=id, defaults={"name": name, "url": "https://x.com"}
    )[0]


def astronaut(nationality=(), links: int = 0, **fields) -> m.Astronaut:
    """An astronaut; without statistics of its own unless given (``refresh_astronauts``
    computes them from its crews)."""
    pk = fields.pop("id", None) or next_id()
    fields.setdefault("name", f"Astronaut {pk}")
    fields.setdefault("status", astronaut_status())
    fields.setdefault("type", astronaut_type())
    fields.setdefault("date_of_birth", date(1960, 1, 1))
    row = m.Astronaut.objects.create(id=pk, **fields)
    if nationality:
        row.nationality.set(nationality)
    for _ in range(links):
        m.SocialMediaLink.objects.create(
            id=next_id(),
            astronaut=row,
            social_media=social_media(),
            url=f"https://x.com/astronaut{pk}",
        )
    return row


def seat(astronaut=None, role=None) -> m.AstronautFlight:
    """A seat: ``astronaut`` (a new one by default) in ``role`` (the commander's)."""
    return m.AstronautFlight.objects.create(
        id=next_id(),
        astronaut=astronaut if astronaut is not None else new_astronaut(),
        role=role if role is not None else default_role(),
    )


# ``seat``'s parameters hide the factories of the same names.
new_astronaut, default_role = astronaut, role


def crew(flight: m.SpacecraftFlight, kind: str, seats) -> list[m.AstronautFlight]:
    """Put ``seats`` in the ``kind`` crew (``launch``, ``onboard``, ``landing``) of ``flight``,
    in order."""
    table = {
        "launch": m.LaunchCrewMember,
        "onboard": m.OnboardCrewMember,
        "landing": m.LandingCrewMember,
    }[kind]
    seats = list(seats)
    table.objects.bulk_create(
        table(flight=flight, seat=one, position=index) for index, one in enumerate(seats)
    )
    return seats


def people_catalog(number: int, built: dict) -> dict:
    """``number`` (or more) astronauts, each with nationalities, social media links, an image
    and an agency, in the crews of every spacecraft flight of the catalog (``built["flights"]``,
    three per spacecraft, the last of which is still up): flight ``j`` carries astronaut
    ``j % number`` in its launch and onboard crews, and in its landing crew once it has landed,
    so that some astronauts are in space and some have several flights."""
    from hangar.people import stats

    nations = [country(id=1), country(id=2, name="Canada")]
    people = [
        astronaut(
            nationality=nations[: 1 + index % 2],
            links=1 + index % 2,
            agency=agency(images=True, countries=1),
            image=image(variants=1),
            date_of_birth=date(1950, 1, 1) + timedelta(days=97 * index),
            date_of_death=date(2020, 5, 5) if index % 7 == 6 else None,
        )
        for index in range(number)
    ]
    roles = [role(id=1, name="Commander"), role(id=2, name="Pilot")]
    for pk in range(1, number + 1):
        astronaut_status(id=pk, name=f"Status {pk}")
        astronaut_type(id=pk, name=f"Type {pk}")
        role(id=pk, name=f"Role {pk}")
    for index, flown in enumerate(built.get("flights", [])):
        one = seat(people[index % number], roles[index % 2])
        crew(flown, "launch", [one])
        crew(flown, "onboard", [one])
        if flown.mission_end is not None:
            crew(flown, "landing", [one])
    stats.refresh_astronauts([person.pk for person in people])
    return {"astronauts": people}
