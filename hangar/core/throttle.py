"""``api-throttle/``: LL2 clients ask how many requests they have left before calling."""

from django.conf import settings
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.utils import formatting
from rest_framework.views import APIView

from hangar.core.throttling import throttle_of
from hangar.ll2.schema import endpoint_description


class ApiThrottleSerializer(serializers.Serializer):
    your_request_limit = serializers.IntegerField()
    limit_frequency_secs = serializers.IntegerField()
    current_use = serializers.IntegerField()
    next_use_secs = serializers.IntegerField()
    ident = serializers.CharField()


class ApiThrottleView(APIView):
    """The caller's request budget. With throttling off (the default), Hangar limits no one: a
    limit no client reaches and no use counted. With it on, the caller's real limit, the
    requests counted in its window and when the oldest of them stops counting. Asking is not
    itself a use, as in LL2."""

    renderer_classes = api_settings.DEFAULT_RENDERER_CLASSES
    throttle_classes = ()
    unlimited = 2**31 - 1

    def get_view_description(self, html=False):
        text = endpoint_description("api-throttle/")
        return formatting.markup_description(text) if html else text

    @property
    def allowed_methods(self):
        return ["GET"]

    @extend_schema(responses=ApiThrottleSerializer(many=True))
    def get(self, request):
        if settings.THROTTLE_ENABLED:
            return Response([throttle_of(request).usage(request, self)])
        return Response(
            [
                {
                    "your_request_limit": self.unlimited,
                    "limit_frequency_secs": 3600,
                    "current_use": 0,
                    "next_use_secs": 0,
                    "ident": request.META.get("REMOTE_ADDR", ""),
                }
            ]
        )
