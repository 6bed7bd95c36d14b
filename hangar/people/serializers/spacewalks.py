"""Spacewalks at every level: as an expedition or an astronaut lists them, and as the
``spacewalks/`` endpoint serves them.

``duration`` is the stored ``duration_s`` (``end`` - ``start`` where both are known, computed at
import, else as imported). The crew is the ordered ``SpacewalkCrewMember`` rows that
``hangar.people.queries.crew_prefetch("crew_members")`` loads into ``crew_list``; the nested
station, expedition, flight, event and programs are loaded by
``hangar.people.queries_expeditions``."""

from hangar.core.fields import DurationField, ResourceUrlField, ResponseModeField
from hangar.core.serializers import SchemaSerializer
from hangar.people import models
from hangar.people.serializers.crew import AstronautFlight


class SpacewalkList(SchemaSerializer):
    model = models.Spacewalk
    response_mode = ResponseModeField()
    url = ResourceUrlField("spacewalks")
    duration = DurationField(source="duration_s", allow_null=True)


class SpacewalkNormal(SpacewalkList):
    """The spacewalk an astronaut's detailed view lists: with its crew (its ``response_mode``
    says ``list``, as the document has it)."""

    crew = AstronautFlight(many=True, read_only=True, source="crew_list")
