"""``payloads/``: satellites, probes and other payloads, with their type, manufacturer, operator
and programs."""

from django_filters import rest_framework as filters

from hangar.core.filters import DocumentedFilterSet, IdFilter
from hangar.core.registry import Mode, Resource, register
from hangar.payloads.collect import payload
from hangar.payloads.inputs import PayloadIn
from hangar.payloads.models import Payload
from hangar.payloads.queries import payloads as queries
from hangar.payloads.serializers.payloads import PayloadDetailed, PayloadMini, PayloadNormal


class PayloadFilter(DocumentedFilterSet):
    manufacturer__id = IdFilter(field_name="manufacturer_id", help_text="Id of the manufacturer.")
    manufacturer__name = filters.CharFilter(help_text="Exact name of the manufacturer.")
    operator = IdFilter(field_name="operator_id", help_text="Id of the operator.")
    operator__id = IdFilter(field_name="operator_id", help_text="Id of the operator.")
    operator__name = filters.CharFilter(help_text="Exact name of the operator.")
    program__id = IdFilter(field_name="program", help_text="Id of a program of the payload.")

    class Meta:
        model = Payload
        fields = {"name": ["exact"]}


register(
    Resource(
        path="payloads/",
        model=Payload,
        modes={
            "list": Mode(PayloadMini, queries.payloads_mini),
            "normal": Mode(PayloadNormal, queries.payloads_normal),
            "detailed": Mode(PayloadDetailed, queries.payloads_detailed),
        },
        filterset=PayloadFilter,
        # LL2 reaches a payload's flights as ``payloadflight`` and their launch through the
        # rocket; Hangar's flights point at their launch.
        search_fields=(
            "flights__destination",
            "flights__launch__name",
            "manufacturer__name",
            "name",
            "operator__name",
        ),
        ordering_fields=("id", "name", "payloadflight__rocket__launch__net"),
        ordering_columns={"payloadflight__rocket__launch__net": "first_launch_net"},
        annotate=queries.with_first_launch,
        input=PayloadIn,
        collect=payload,
        rank=62,
    )
)
