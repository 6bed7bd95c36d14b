"""Launches as LL2 serves them (nested in flights, or on their own), validated."""

from rest_framework import serializers

from hangar.core.inputs import Instant, Lookup, Record, Text
from hangar.launches import models


class LaunchStatusIn(Lookup):
    model = models.LaunchStatus


class LaunchIn(Record):
    """Kept as its document, plus the columns Hangar computes from."""

    keep_document = True
    id = serializers.UUIDField(required=True)
    url = Text()
    name = Text(max_length=2048)
    net = Instant(allow_null=True)
    status = LaunchStatusIn(allow_null=True, required=False)
