"""The official LL2 2.3.0 OpenAPI document, bundled, and what Hangar reads from it.

Hangar uses it for four things: the endpoint descriptions its browsable pages show, the property
order of every response serializer (``hangar.core.serializers``), the shape of documents it keeps
for other domains (``projection``), and the contract tests.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from hangar.ll2.links import API_PREFIX

SCHEMA_PATH = Path(__file__).with_name("openapi-2.3.0.json")


@cache
def openapi() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def component(name: str) -> dict[str, Any]:
    return openapi()["components"]["schemas"][name]


def endpoint_description(path: str) -> str:
    """The markdown description the schema gives a list endpoint (``spacecraft/``)."""
    operation = openapi()["paths"].get(f"{API_PREFIX}{path}", {}).get("get", {})
    return operation.get("description", "")


def resolve(schema: dict[str, Any]) -> dict[str, Any]:
    """Follow ``$ref`` and single-member ``allOf`` to the schema they stand for."""
    while True:
        if "$ref" in schema:
            schema = component(schema["$ref"].rsplit("/", 1)[1])
        elif "allOf" in schema and len(schema["allOf"]) == 1:
            schema = schema["allOf"][0]
        else:
            return schema


def properties(name: str) -> list[str]:
    """The property names of a component, in the schema's order."""
    return list(resolve(component(name)).get("properties", {}))


def default_mode(name: str) -> str | None:
    """The ``response_mode`` a component declares (LL2's label for its level of detail)."""
    prop = resolve(component(name)).get("properties", {}).get("response_mode", {})
    return prop.get("default")


def nullable(name: str, prop: str) -> bool:
    """Whether property ``prop`` of component ``name`` may be null, as the document says or as
    the corrections of ``corrections.py`` say where the document is wrong."""
    from hangar.ll2.corrections import corrected_nullable

    declared = resolve(component(name))["properties"][prop]
    return bool(declared.get("nullable")) or corrected_nullable(name, prop)
