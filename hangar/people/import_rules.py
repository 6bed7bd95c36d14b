"""What an import must respect for astronauts, beyond upserting rows: statistics Hangar computes
win over imported ones, and the statistics of every astronaut whose crews or spacewalks a batch
touches are recomputed. Registered with the ``astronauts/`` resource."""

from __future__ import annotations

from django.db.models import Q

from hangar.core.registry import Refresh, WriteRule
from hangar.launches.models import Launch
from hangar.people import models as m
from hangar.people import stats
from hangar.spacecraft.models import SpacecraftFlight

# Figures as the upstream delivered them, kept while Hangar has no crews to compute them from.
FLIGHT_STATISTICS = (
    "in_space",
    "time_in_space_s",
    "flights_count",
    "landings_count",
    "first_flight",
    "last_flight",
)


def prepare_astronauts(rows: dict, existing: dict, batch, now_epoch: int) -> None:
    """Once Hangar computes an astronaut's flight figures, a record does not overwrite them;
    until then an imported time in space of an astronaut in space keeps growing from now."""
    for pk, row in rows.items():
        current = existing.get(pk)
        if current is not None and current.has_flight_data:
            for column in FLIGHT_STATISTICS:
                row.pop(column, None)
        elif "in_space" in row:
            row["open_flights"] = 1 if row["in_space"] else 0
        growing = {"time_in_space_s", "open_flights"} & row.keys()
        if current is None or any(getattr(current, name) != row[name] for name in growing):
            row["stats_as_of"] = now_epoch


def affected_astronauts(batch) -> set:
    """Astronauts whose statistics the batch may change: its own, those of the seats it
    holds, and those in the crews of the flights, launches and spacewalks it touches. Asked
    before and after writing, so that a seat moved out of a crew refreshes its astronaut."""
    seats = batch.rows.get(m.AstronautFlight, {})
    found = batch.ids(m.Astronaut) | {entry.values.get("astronaut_id") for entry in seats.values()}
    flights = SpacecraftFlight.objects.filter(
        Q(id__in=batch.ids(SpacecraftFlight)) | Q(launch_id__in=batch.ids(Launch))
    ).values("id")
    for table in (m.LaunchCrewMember, m.LandingCrewMember):
        found |= set(
            table.objects.filter(Q(flight_id__in=flights) | Q(seat_id__in=list(seats))).values_list(
                "seat__astronaut_id", flat=True
            )
        )
    found |= set(
        m.SpacewalkCrewMember.objects.filter(
            Q(spacewalk_id__in=batch.ids(m.Spacewalk)) | Q(seat_id__in=list(seats))
        ).values_list("seat__astronaut_id", flat=True)
    )
    return found - {None}


WRITE_RULES = (WriteRule(m.Astronaut, prepare_astronauts),)
STATISTICS = Refresh(
    "astronauts", affected_astronauts, stats.refresh_astronauts, due=stats.refresh_due
)
