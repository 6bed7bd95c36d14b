"""Documents of other domains served in the shape of an official component.

Hangar keeps some records as the upstream document (a stored launch, a space station); they are
served by projecting the document onto the schema: its properties, in their order, nested objects
projected in turn, ``response_mode`` as the schema's level, and each ``url`` pointed at this
server.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from hangar.ll2.schema import component, resolve


def project(value: Any, schema: dict[str, Any], rewrite_url: Callable[[str], str]) -> Any:
    """Shape a stored document like the schema says: its properties, in their order, nested
    objects projected in turn, ``response_mode`` as the schema's level, and each ``url`` passed
    through ``rewrite_url``. Properties the document lacks are served as null, or as an empty
    list where the schema says the property is a list that is never null."""
    return projector(schema)(value, rewrite_url)


Projector = Callable[[Any, Callable[[str], str]], Any]


def projector(schema: dict[str, Any]) -> Projector:
    """``project`` for one schema, compiled once: a stored launch is projected on every flight
    of every page that nests it, so the schema is walked ahead of time, not per document."""
    if "$ref" in schema and len(schema) == 1:
        return _component_projector(schema["$ref"].rsplit("/", 1)[1])
    return _compile(schema)


def _identity(value: Any, rewrite_url) -> Any:
    return value


@cache
def _component_projector(name: str) -> Projector:
    # Components may nest themselves (a family's parent): bind lazily, through the cache.
    compiled: list[Projector] = []

    def project_component(value, rewrite_url):
        if not compiled:
            compiled.append(_compile(component(name)))
        return compiled[0](value, rewrite_url)

    return project_component


def _compile(schema: dict[str, Any]) -> Projector:
    if "$ref" in schema:
        return _component_projector(schema["$ref"].rsplit("/", 1)[1])
    if "allOf" in schema and len(schema["allOf"]) == 1:
        return _compile(schema["allOf"][0])
    if "oneOf" in schema:
        return _compile_one_of(schema)
    if schema.get("type") == "array" or "items" in schema:
        item = _compile(schema["items"])

        def project_array(value, rewrite_url):
            if not isinstance(value, list):
                return value
            return [item(entry, rewrite_url) for entry in value]

        return project_array
    if schema.get("type") == "number":
        return _project_number
    if "properties" in schema:
        return _compile_object(schema["properties"])
    return _identity


def _project_number(value, rewrite_url):
    if isinstance(value, int) and abs(value) >= 2**63:
        # PostgreSQL's jsonb gives 5.972168e+24 back as an integer too large for the JSON
        # renderer; the schema says it is a double.
        return float(value)
    return value


def _compile_one_of(schema: dict[str, Any]) -> Projector:
    mapping = schema.get("discriminator", {}).get("mapping", {})
    targets = {mode: projector({"$ref": ref}) for mode, ref in mapping.items()}
    fallback = projector(schema["oneOf"][0])

    def project_one_of(value, rewrite_url):
        mode = value.get("response_mode") if isinstance(value, dict) else None
        return targets.get(mode, fallback)(value, rewrite_url)

    return project_one_of


def _is_list(schema: dict[str, Any]) -> bool:
    """A list the schema never lets be null."""
    resolved = resolve(schema)
    is_array = resolved.get("type") == "array" or "items" in resolved
    return is_array and not (schema.get("nullable") or resolved.get("nullable"))


def _compile_object(properties: dict[str, Any]) -> Projector:
    plan = []
    for key, prop in properties.items():
        if key == "response_mode":
            plan.append((key, "mode", prop.get("default")))
        elif key == "url":
            plan.append((key, "url", None))
        elif _is_list(prop):
            # A document kept at a lower level lacks the lists of the higher one: none known.
            plan.append((key, "list", _compile(prop)))
        else:
            nested = _compile(prop)
            plan.append((key, "plain", None) if nested is _identity else (key, "nested", nested))

    def project_object(value, rewrite_url):
        if not isinstance(value, dict):
            return value
        shaped = {}
        get = value.get
        for key, kind, extra in plan:
            if kind == "plain":
                shaped[key] = get(key)
            elif kind == "nested":
                shaped[key] = extra(get(key), rewrite_url)
            elif kind == "list":
                items = get(key)
                shaped[key] = [] if items is None else extra(items, rewrite_url)
            elif kind == "mode":
                shaped[key] = extra
            else:
                url = get(key)
                shaped[key] = rewrite_url(url) if isinstance(url, str) else url
        return shaped

    return project_object
