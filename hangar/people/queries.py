"""How astronauts and crews are loaded, at each level, wherever they are nested (``path``), and
the astronaut as events nest it (the endpoint's own querysets are in ``queries_astronauts``).

A crew is the ordered rows of a crew table (``launch_crew_members``, ``crew_members``): one
``crew_prefetch`` loads them with their seats, roles and astronauts into a list named after the
crew (``launch_crew_list``), which ``AstronautFlight(many=True, ...)`` reads.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from hangar.agencies.models import Country
from hangar.core.queries import at
from hangar.images.queries import image_joins, image_variants
from hangar.people import models
from hangar.people.models import Astronaut, SocialMediaLink


def astronaut_normal_joins(path: str = "") -> list[str]:
    """``AstronautNormal``: the status, the agency at the mini level, the image."""
    return [
        at(path, "status"),
        at(path, "agency__type"),
        *image_joins(at(path, "image")),
    ]


def astronaut_normal_prefetches(path: str = "") -> list:
    return [image_variants(at(path, "image"))]


def astronaut_detailed_joins(path: str = "") -> list[str]:
    """``AstronautDetailed`` (the list level, and every crew's astronaut)."""
    return [*astronaut_normal_joins(path), at(path, "type")]


def social_media_links() -> QuerySet[SocialMediaLink]:
    return (
        SocialMediaLink.objects.select_related("social_media", *image_joins("social_media__logo"))
        .prefetch_related(image_variants("social_media__logo"))
        .order_by("id")
    )


def astronaut_detailed_prefetches(path: str = "") -> list:
    return [
        *astronaut_normal_prefetches(path),
        Prefetch(
            at(path, "nationality"),
            queryset=Country.objects.order_by("id"),
            to_attr="nationality_list",
        ),
        Prefetch(
            at(path, "social_media_links"),
            queryset=social_media_links(),
            to_attr="social_media_list",
        ),
    ]


def crew_attr(lookup: str) -> str:
    """The list a crew is loaded into: ``launch_crew_members`` -> ``launch_crew_list``."""
    name = lookup.rsplit("__", 1)[-1]
    return name.removesuffix("_members") + "_list"


def crew_prefetch(lookup: str, model=None) -> Prefetch:
    """The ordered crew at ``lookup`` (a crew table's reverse relation, below any path:
    ``spacecraft_flight__launch_crew_members``), with all that ``AstronautFlight`` serves, into
    ``crew_attr(lookup)``. The crew table's ``model`` is taken from the relation's name where
    the name says it (a flight's three crews); ``crew_members`` (expeditions and spacewalks)
    needs it given, or a parent in the path (``expedition__crew_members``)."""
    *parents, name = lookup.split("__")
    if model is None:
        key = name if name != "crew_members" or not parents else f"{parents[-1]}__{name}"
        model = crew_model(key)
        if model is None:
            raise ValueError(
                f"crew_prefetch({lookup!r}): say which crew table it is, "
                "crew_prefetch(lookup, model=ExpeditionCrewMember)."
            )
    return Prefetch(lookup, queryset=crew_queryset(model), to_attr=crew_attr(lookup))


def crew_model(key: str):
    names = {
        "launch_crew_members": "LaunchCrewMember",
        "onboard_crew_members": "OnboardCrewMember",
        "landing_crew_members": "LandingCrewMember",
        "expedition__crew_members": "ExpeditionCrewMember",
        "expeditions__crew_members": "ExpeditionCrewMember",
        "spacewalk__crew_members": "SpacewalkCrewMember",
        "spacewalks__crew_members": "SpacewalkCrewMember",
    }
    return getattr(models, names[key]) if key in names else None


def crew_queryset(model) -> QuerySet:
    """The rows of the crew table ``model``, in LL2's order, with their seats."""
    return (
        model.objects.select_related("seat__role", *astronaut_detailed_joins("seat__astronaut"))
        .prefetch_related(*astronaut_detailed_prefetches("seat__astronaut"))
        .order_by("position", "id")
    )


def astronauts_normal() -> QuerySet[Astronaut]:
    """``AstronautNormal``, as events nest it."""
    return Astronaut.objects.select_related(*astronaut_normal_joins()).prefetch_related(
        *astronaut_normal_prefetches()
    )
