"""How Hangar's own OpenAPI document describes what drf-spectacular cannot see by itself: the
shape of every mode of a list, the one object an endpoint answers where the official document
says an array, and the error answers of every operation (``openapi_errors``)."""

from django_filters.filters import NumberFilter
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.extensions import OpenApiSerializerExtension, OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import PolymorphicProxySerializer

from hangar.core.filters import DigitsFilter, IdField
from hangar.core.openapi_errors import error_codes, error_responses
from hangar.core.serializers import component_exists
from hangar.ll2.corrections import ONE_OBJECT
from hangar.ll2.schema import default_mode, endpoint_description


class ModeSerializers(PolymorphicProxySerializer):
    """The response of a list with ``?mode=``: an object of the serializer of one of its modes."""


class ModeSerializersExtension(OpenApiSerializerExtension):
    """``anyOf`` the modes' components, told apart by ``response_mode``. Not drf-spectacular's
    ``oneOf``: two modes may share a component (``launches/``'s ``normal`` and ``list`` in some
    documents), and a reader that ignores the discriminator must still accept the object."""

    target_class = ModeSerializers

    def get_name(self):
        return self.target.component_name

    def map_serializer(self, auto_schema, direction):
        refs, mapping = [], {}
        for mode, serializer in self.target.serializers.items():
            ref = auto_schema.resolve_serializer(serializer, direction).ref
            mapping[mode] = ref["$ref"]
            if ref not in refs:
                refs.append(ref)
        return {
            "anyOf": refs,
            "discriminator": {"propertyName": "response_mode", "mapping": mapping},
        }


class DocumentFieldExtension(OpenApiSerializerFieldExtension):
    """A document kept as imported is served in the shape of its component (a list of them with
    ``many=True``), which Hangar's document holds under the same name."""

    target_class = "hangar.core.fields.DocumentField"

    def map_serializer_field(self, auto_schema, direction):
        return self.target.schema


class StrictFilterExtension(DjangoFilterExtension):
    """Filter parameters typed as Hangar reads them: an id or count (``IdField``) is a whole
        number within its bounds, not django-filter's decimal; ``id__contains`` is digits; a decimal
    is at most django-filter's cap."""

    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        parameters = super().resolve_filter_field(
            auto_schema, model, filterset_class, field_name, filter_field
        )
        for parameter in parameters:
            schema = parameter["schema"]
            value = schema.get("items", schema)  # one value of a comma-separated list
            if issubclass(filter_field.field_class, IdField):
                value["type"] = "integer"
                value["minimum"] = filter_field.extra.get("min_value", -(2**63))
                value["maximum"] = filter_field.extra.get("max_value", 2**63 - 1)
            elif isinstance(filter_field, DigitsFilter):
                value["pattern"] = "^[0-9]+$"
            elif isinstance(filter_field, NumberFilter):
                # django-filter refuses a decimal above its cap, against endless comparisons.
                validator = filter_field.get_max_validator()
                if validator is not None:
                    value["maximum"] = validator.limit_value
        return parameters


class LL2AutoSchema(AutoSchema):
    """Each operation is described as the official schema describes it (modes, filters, search,
    ordering), which is also what its browsable page shows, with the errors it can answer."""

    def get_description(self):
        resource = getattr(self.view, "resource", None)
        if resource is not None:
            return endpoint_description(resource.path)
        return super().get_description()

    def _is_list_view(self, serializer=None) -> bool:
        """An endpoint that is one object answers it, not an array (where the official document
        is wrong, ``corrections.ONE_OBJECT``)."""
        resource = getattr(self.view, "resource", None)
        if resource is not None and resource.path in ONE_OBJECT:
            return False
        return super()._is_list_view(serializer)

    def get_response_serializers(self):
        """A list with several modes answers the serializer of the mode asked for."""
        resource = getattr(self.view, "resource", None)
        if resource is None or len(resource.modes) < 2 or self.view.action != "list":
            return super().get_response_serializers()
        name = "".join(part.title() for part in resource.name.replace("/", "_").split("_"))
        return ModeSerializers(
            component_name=f"{name}AnyMode",
            serializers={name: mode.serializer for name, mode in resource.modes.items()},
            resource_type_field_name=None,
        )

    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is not None:
            reads_database = getattr(self.view, "resource", None) is not None
            codes = error_codes(operation, reads_database)
            operation["responses"].update(error_responses(registry, codes))
        return operation


def pin_response_modes(result, generator, request, public):
    """Each component's ``response_mode`` is the one value its level always serves (the official
    document's default for it), so a reader tells the modes of a list apart by it."""
    for name, schema in result.get("components", {}).get("schemas", {}).items():
        prop = schema.get("properties", {}).get("response_mode")
        if prop is None or not component_exists(name):
            continue
        mode = default_mode(name)
        if mode is not None:
            prop["enum"] = [mode]
    return result
