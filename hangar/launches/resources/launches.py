"""``launches/{id}/``: the stored launch a spacecraft flight refers to. Lists come with the
launch domain's tables."""

from hangar.core.registry import Mode, Resource, register
from hangar.launches.collect import launch
from hangar.launches.inputs import LaunchIn
from hangar.launches.models import Launch
from hangar.launches.serializers import LaunchDetailed

register(
    Resource(
        path="launches/",
        model=Launch,
        modes={"detailed": Mode(LaunchDetailed, Launch.objects.all)},
        listed=False,
        lookup_value_regex=r"[0-9a-fA-F-]{36}",
        input=LaunchIn,
        collect=launch,
        rank=60,
    )
)
