"""The floor of the official document: what a stored document lacks to be served as a component
without a null where the document allows none.

Hangar keeps some records as the upstream document and serves them by projection
(``projection.py``): a property the document lacks is served as null, a list it lacks as an
empty list. A document that arrived at a lower level (a station nested as ``SpaceStationMini``)
would so be served with nulls at a higher one; the importer refuses it unless the catalog holds a
richer copy to merge it with.
"""

from __future__ import annotations

from typing import Any

from hangar.ll2.corrections import corrected_nullable
from hangar.ll2.schema import component, resolve

# Filled in by the projection or from the record's columns, whatever the document says.
SUPPLIED = {"response_mode", "id", "name"}


def missing(document: Any, name: str) -> list[str]:
    """The properties (``status``, ``spacestation.url``) ``document`` lacks, or holds as null,
    that component ``name`` never lets be null."""
    return _missing(document, name, "", top=True)


def _missing(value: Any, name: str, where: str, top: bool = False) -> list[str]:
    if not isinstance(value, dict):
        return []
    found = []
    for prop, schema in resolve(component(name)).get("properties", {}).items():
        path = f"{where}{prop}"
        if (top and prop in SUPPLIED) or prop == "response_mode":
            continue
        target = resolve(schema)
        if target.get("type") == "array" or "items" in target:
            continue  # served as an empty list when absent
        if value.get(prop) is None:
            if not (schema.get("nullable") or corrected_nullable(name, prop)):
                found.append(path)
            continue
        nested = component_name(schema)
        if nested is not None:
            found += _missing(value[prop], nested, f"{path}.")
    return found


def component_name(schema: dict[str, Any]) -> str | None:
    """The component a property refers to (through a single ``allOf``), if any."""
    while "allOf" in schema and len(schema["allOf"]) == 1:
        schema = schema["allOf"][0]
    ref = schema.get("$ref")
    return ref.rsplit("/", 1)[1] if ref else None
