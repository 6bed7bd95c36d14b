"""The contract of LL2 2.3.0, checked with ``jsonschema`` against the bundled official schema.

``problems(body, component)`` lists everything wrong with a response body: a missing required
field, a wrong type, a null where the schema allows none, a field the schema does not declare
(every object with properties is closed), properties out of the schema's order at any depth, and a
``response_mode`` other than the component's declared default. Formats (uri, date-time) are not
checked. ``operation_component(path, mode)`` reads which component an operation answers with.

The OpenAPI 3.0 dialect is converted to JSON Schema (2020-12) once: ``$ref`` points into a
registry of converted components, ``nullable`` becomes a ``null`` alternative, a discriminated
``oneOf`` picks its member by ``response_mode``, and OpenAPI-only keywords are dropped.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from hangar.core.registry import registry
from hangar.ll2 import schema as contract
from hangar.ll2.corrections import ONE_OBJECT, ONE_OF_GROUPS, corrected_nullable
from hangar.ll2.links import API_PREFIX

REGISTRY_URI = "urn:ll2:2.3.0"
COMPONENT_REF = "#/components/schemas/"
OPENAPI_ONLY = {"nullable", "readOnly", "writeOnly", "example", "discriminator", "format"}
SCALAR_KEYWORDS = {"type", "maxLength", "pattern", "minimum", "maximum", "title", "description"}

DEFAULT_MODE = "normal"

# Every list endpoint Hangar serves, as the registry declares them.
LIST_PATHS = [
    f"{API_PREFIX}{resource.path}" for resource in registry.resources() if resource.listed
]


def component_ref(name: str) -> str:
    return f"{REGISTRY_URI}#/$defs/{name}"


def name_of(ref: str) -> str:
    return ref.removeprefix(COMPONENT_REF)


def allow_null(schema: dict[str, Any]) -> dict[str, Any]:
    """A scalar gets ``null`` among its types; anything else becomes ``null`` or itself."""
    if isinstance(schema.get("type"), str) and set(schema) <= SCALAR_KEYWORDS:
        return {**schema, "type": [schema["type"], "null"]}
    return {"anyOf": [{"type": "null"}, schema]}


def convert(node: Any, component: str = "") -> Any:
    """One OpenAPI 3.0 schema node as JSON Schema; ``component`` names the enclosing component
    (for the corrections above)."""
    if isinstance(node, list):
        return [convert(item, component) for item in node]
    if not isinstance(node, dict):
        return node
    if "discriminator" in node:
        return discriminated(node["discriminator"])
    converted: dict[str, Any] = {}
    for key, value in node.items():
        if key in OPENAPI_ONLY:
            continue
        if key == "$ref":
            converted[key] = component_ref(name_of(value))
        elif key == "properties":
            converted[key] = {
                prop: allow_null(convert(schema, component))
                if corrected_nullable(component, prop)
                else convert(schema, component)
                for prop, schema in value.items()
            }
            converted["additionalProperties"] = False
        else:
            converted[key] = convert(value, component)
    return allow_null(converted) if node.get("nullable") else converted


def discriminated(discriminator: dict[str, Any]) -> dict[str, Any]:
    """A ``oneOf`` member chosen by the value of the discriminating property."""
    name, mapping = discriminator["propertyName"], discriminator["mapping"]
    return {
        "type": "object",
        "required": [name],
        "properties": {name: {"enum": list(mapping)}},
        "allOf": [
            {
                "if": {"properties": {name: {"const": value}}},
                "then": {"$ref": component_ref(name_of(ref))},
            }
            for value, ref in mapping.items()
        ],
    }


@cache
def definitions() -> dict[str, Any]:
    """Every component of the schema, converted."""
    schemas = contract.openapi()["components"]["schemas"]
    return {name: convert(schema, name) for name, schema in schemas.items()}


@cache
def registry() -> Registry:
    resource = Resource.from_contents({"$defs": definitions()}, default_specification=DRAFT202012)
    return Registry().with_resource(REGISTRY_URI, resource)


@cache
def validator(component: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": component_ref(component)}, registry=registry())


def page_validator(page_component: str, item_component: str) -> Draft202012Validator:
    """A list page whose results are all of ``item_component`` (one mode's member)."""
    page = definitions()[page_component]
    schema = {**page, "properties": {**page["properties"]}}
    schema["properties"]["results"] = {
        "type": "array",
        "items": {"$ref": component_ref(item_component)},
    }
    return Draft202012Validator(schema, registry=registry())


# --- what jsonschema does not see: order, response_mode, one member of each group ------------


def follow(schema: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The component a schema node stands for (through ``$ref`` and single ``allOf``)."""
    name = ""
    while True:
        if "$ref" in schema:
            name = name_of(schema["$ref"])
            schema = contract.component(name)
        elif "allOf" in schema and len(schema["allOf"]) == 1:
            schema = schema["allOf"][0]
        else:
            return name, schema


def schema_problems(body: Any, schema: dict[str, Any], where: str) -> list[str]:
    """Properties in the schema's order, ``response_mode`` as declared and exactly one member
    of every ``ONE_OF_GROUPS`` group set, at every depth."""
    if body is None:
        return []
    name, schema = follow(schema)
    if "oneOf" in schema:
        mapping = schema.get("discriminator", {}).get("mapping", {})
        target = mapping.get(body.get("response_mode")) if isinstance(body, dict) else None
        return schema_problems(body, {"$ref": target}, where) if target else []
    if "items" in schema and isinstance(body, list):
        found = []
        for index, item in enumerate(body):
            found += schema_problems(item, schema["items"], f"{where}[{index}]")
        return found
    properties = schema.get("properties")
    if properties is None or not isinstance(body, dict):
        return []
    found = []
    served = [key for key in body if key in properties]
    declared = [key for key in properties if key in body]
    if served != declared:
        found.append(f"{where}: properties out of order: {served} (schema: {declared})")
    declared_mode = properties.get("response_mode", {}).get("default")
    if declared_mode is not None and body.get("response_mode") != declared_mode:
        found.append(
            f"{where}.response_mode: {body.get('response_mode')!r}, declared {declared_mode!r}"
        )
    for group in ONE_OF_GROUPS.get(name, []):
        present = [key for key in group if body.get(key) is not None]
        if len(present) != 1:
            found.append(f"{where}: exactly one of {list(group)} must be set, not {present}")
    for key, prop in properties.items():
        if key in body:
            found += schema_problems(body[key], prop, f"{where}.{key}")
    return found


def format_error(error) -> str:
    """Where and what; for a nullable value, why the non-null alternative failed."""
    while error.context:
        not_null = [e for e in error.context if e.relative_schema_path[0] != 0]
        error = best_match(not_null or error.context)
    where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
    return f"{where}: {error.message[:200]}"


def problems(body: Any, component: str) -> list[str]:
    """Everything wrong with ``body`` as an instance of ``component``."""
    found = [format_error(e) for e in validator(component).iter_errors(body)]
    return found + schema_problems(body, {"$ref": f"{COMPONENT_REF}{component}"}, "$")


def page_problems(body: Any, page_component: str, item_component: str) -> list[str]:
    found = [
        format_error(e) for e in page_validator(page_component, item_component).iter_errors(body)
    ]
    for index, item in enumerate(body.get("results", []) if isinstance(body, dict) else []):
        item_schema = {"$ref": f"{COMPONENT_REF}{item_component}"}
        found += schema_problems(item, item_schema, f"$.results[{index}]")
    return found


def check(body: Any, component: str) -> None:
    found = problems(body, component)
    assert not found, f"{component}: {len(found)} problems:\n" + "\n".join(found[:40])


# --- which component an operation answers with ---------------------------------------------


@cache
def path_patterns() -> list[tuple[re.Pattern, str]]:
    """Every path of the schema as a regular expression (``{id}`` matches one segment); fixed
    paths first, so that ``launches/upcoming/`` is not taken for ``launches/{id}/``."""
    patterns = []
    for template in sorted(contract.openapi()["paths"], key=lambda path: "{" in path):
        regex = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template))
        patterns.append((re.compile(f"^{regex}$"), template))
    return patterns


def operation_schema(path: str) -> tuple[str, dict[str, Any]]:
    """The template and 200 response schema of ``GET path`` (``/2.3.0/spacecraft/5/``)."""
    for pattern, template in path_patterns():
        if pattern.match(path):
            one_object = ONE_OBJECT.get(template.removeprefix(API_PREFIX))
            if one_object is not None:  # the document declares an array of them
                return template, {"$ref": f"{COMPONENT_REF}{one_object}"}
            operation = contract.openapi()["paths"][template]["get"]
            content = operation["responses"]["200"]["content"]["application/json"]
            return template, content["schema"]
    raise AssertionError(f"{path} is not a path of the 2.3.0 schema")


def operation_component(path: str, mode: str | None = None) -> tuple[str, str | None]:
    """``(component, item_component)``: a detail path answers ``(component, None)``; a list path
    answers its page component and the member of its results for ``mode`` (LL2's default,
    ``normal``, when none is given)."""
    _, schema = operation_schema(path)
    page = name_of(schema["$ref"])
    results = contract.component(page).get("properties", {}).get("results")
    if results is None:
        return page, None
    item = results["items"]
    member = contract.component(name_of(item["$ref"]))
    if "oneOf" not in member:
        return page, name_of(item["$ref"])
    mapping = member["discriminator"]["mapping"]
    chosen = mapping.get(mode or DEFAULT_MODE)
    if chosen is None:
        raise AssertionError(f"{path} has no mode {mode!r} in the schema: {list(mapping)}")
    return page, name_of(chosen)


def list_modes(path: str) -> list[str | None]:
    """The modes a list path documents (``[None]`` for one without modes)."""
    _, schema = operation_schema(path)
    results = contract.component(name_of(schema["$ref"]))["properties"]["results"]
    member = contract.component(name_of(results["items"]["$ref"]))
    return list(member["discriminator"]["mapping"]) if "oneOf" in member else [None]


def response_problems(path: str, body: Any, mode: str | None = None) -> list[str]:
    """Everything wrong with the body of ``GET path`` (``?mode=`` given apart)."""
    component, item = operation_component(path, mode)
    if item is None:
        return problems(body, component)
    return page_problems(body, component, item)


def check_response(path: str, body: Any, mode: str | None = None) -> None:
    found = response_problems(path, body, mode)
    assert not found, f"GET {path} mode={mode}: {len(found)} problems:\n" + "\n".join(found[:40])
