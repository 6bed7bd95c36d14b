"""The official LL2 2.3.0 OpenAPI document, bundled, and what Hangar reads from it.

Hangar uses it for three things: the endpoint descriptions its browsable pages show, the shape of
documents it keeps for other domains (a stored launch is served by projecting it onto
``LaunchNormal``), and the contract tests.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

SCHEMA_PATH = Path(__file__).with_name("openapi-2.3.0.json")
API_PREFIX = "/2.3.0/"


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


def project(value: Any, schema: dict[str, Any], rewrite_url) -> Any:
    """Shape a stored document like the schema says: its properties, in their order, nested
    objects projected in turn, ``response_mode`` as the schema's level, and each ``url`` passed
    through ``rewrite_url``. Properties the document lacks are served as null."""
    schema = resolve(schema)
    if value is None:
        return None
    if "oneOf" in schema:
        mode = value.get("response_mode") if isinstance(value, dict) else None
        mapping = schema.get("discriminator", {}).get("mapping", {})
        target = mapping.get(mode) or schema["oneOf"][0]["$ref"]
        return project(value, {"$ref": target}, rewrite_url)
    if schema.get("type") == "array" or "items" in schema:
        if not isinstance(value, list):
            return value
        return [project(item, schema["items"], rewrite_url) for item in value]
    if schema.get("type") == "number" and isinstance(value, int) and abs(value) >= 2**63:
        # PostgreSQL's jsonb gives 5.972168e+24 back as an integer too large for the JSON
        # renderer; the schema says it is a double.
        return float(value)
    properties = schema.get("properties")
    if properties is None or not isinstance(value, dict):
        return value
    shaped = {}
    for key, prop in properties.items():
        if key == "response_mode":
            shaped[key] = prop.get("default")
        elif key == "url" and isinstance(value.get(key), str):
            shaped[key] = rewrite_url(value[key])
        else:
            shaped[key] = project(value.get(key), prop, rewrite_url)
    return shaped
