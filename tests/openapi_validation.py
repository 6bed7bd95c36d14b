"""Validate a served JSON body against a response schema of an OpenAPI 3.0 document.

OpenAPI 3.0 is not JSON Schema: ``nullable: true`` stands beside a ``type`` (or a ``$ref``) where
JSON Schema spells ``null`` as a type of its own, and ``discriminator`` is no JSON Schema keyword.
``json_schema`` rewrites a document's schemas into JSON Schema (2020-12) so ``jsonschema`` can
check a body against them."""

from __future__ import annotations

from typing import Any

from jsonschema import Draft202012Validator


def json_schema(node: Any) -> Any:
    """The JSON Schema spelling of an OpenAPI 3.0 schema (and of everything it nests)."""
    if isinstance(node, list):
        return [json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {
        key: json_schema(value)
        for key, value in node.items()
        if key not in ("nullable", "discriminator", "example")
    }
    if not node.get("nullable"):
        return converted
    if "type" in converted and not any(k in converted for k in ("$ref", "allOf", "oneOf")):
        converted["type"] = [converted["type"], "null"]
        if "enum" in converted and None not in converted["enum"]:
            converted["enum"] = [*converted["enum"], None]
        return converted
    return {"anyOf": [converted, {"type": "null"}]}


def response_validator(document: dict, path: str, status: str = "200") -> Draft202012Validator:
    """A validator of the JSON body that ``GET path`` answers with ``status``."""
    operation = document["paths"][path]["get"]
    schema = operation["responses"][status]["content"]["application/json"]["schema"]
    root = {"components": json_schema(document["components"]), **json_schema(schema)}
    return Draft202012Validator(root)


def violations(validator: Draft202012Validator, body: Any, limit: int = 5) -> list[str]:
    """The first ``limit`` places where ``body`` disagrees with the schema, readably."""
    found = []
    for error in validator.iter_errors(body):
        where = "/".join(str(part) for part in error.absolute_path)
        found.append(f"{where or '(top)'}: {error.message[:200]}")
        if len(found) == limit:
            break
    return found
