"""The error answers of Hangar's OpenAPI document: what each operation can answer besides its
``200``, with the bodies it serves.

Every error body but a ``400``'s is LL2's ``{"detail": "..."}`` (``Error``); a ``400`` names
each parameter it refused with a list of messages (``ValidationError``:
``{"in_space": ["Enter true or false, not 'maybe'."]}``). A ``429`` and a ``503`` say in
``Retry-After`` how many seconds to wait."""

from __future__ import annotations

from typing import Any

from drf_spectacular.plumbing import ResolvedComponent

ERROR = {
    "type": "object",
    "description": "An error, in words.",
    "properties": {"detail": {"type": "string", "description": "What was wrong."}},
    "required": ["detail"],
}
VALIDATION_ERROR = {
    "type": "object",
    "description": "Each parameter refused, with what was wrong with its value.",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
    "example": {"in_space": ["Enter true or false, not 'maybe'."]},
}
RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds to wait before trying again.",
        "schema": {"type": "integer"},
    }
}

# Status -> (response component, description, body component, headers).
RESPONSES = {
    "400": (
        "BadParameter",
        "A parameter's value is malformed (a filter, `mode`): the body names each one.",
        "ValidationError",
        None,
    ),
    "404": (
        "NotFound",
        "No record has this id, or the path or the `format` asked for is not one Hangar serves.",
        "Error",
        None,
    ),
    "405": ("MethodNotAllowed", "Any method but `GET`, `HEAD` and `OPTIONS`.", "Error", None),
    "406": (
        "NotAcceptable",
        "The `Accept` header asks for no media type Hangar serves (it serves JSON and, with "
        "`?format=api`, HTML).",
        "Error",
        None,
    ),
    "429": (
        "Throttled",
        "Too many requests (when request throttling is on): wait `Retry-After` seconds.",
        "Error",
        RETRY_AFTER,
    ),
    "503": (
        "DatabaseUnavailable",
        "The database is down or too slow: try again after `Retry-After` seconds.",
        "Error",
        RETRY_AFTER,
    ),
}
BODIES = {"Error": ERROR, "ValidationError": VALIDATION_ERROR}

# Query parameters whose bad values are not refused: LL2 falls back to its default for an
# unparseable ``limit`` or ``offset``, drops an ``ordering`` field it does not offer, and
# searches for any text.
LENIENT_PARAMETERS = {"limit", "offset", "ordering", "search"}


def error_codes(operation: dict[str, Any], reads_database: bool) -> list[str]:
    """The error statuses an operation can answer: a ``400`` only where a query parameter can be
    refused, a ``503`` only where the answer is read from the database."""
    refusable = [
        parameter
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "query" and parameter["name"] not in LENIENT_PARAMETERS
    ]
    codes = ["400"] if refusable else []
    codes += ["404", "405", "406", "429"]
    return [*codes, "503"] if reads_database else codes


def error_responses(registry, codes: list[str]) -> dict[str, Any]:
    """The responses of ``codes``, each a reference to a component of the document's registry
    (registered the first time an operation asks for it)."""
    responses = {}
    for code in codes:
        name, description, body, headers = RESPONSES[code]
        body_component = ResolvedComponent(body, ResolvedComponent.SCHEMA, BODIES[body], body)
        registry.register_on_missing(body_component)
        response = {
            "description": description,
            "content": {"application/json": {"schema": body_component.ref}},
        }
        if headers:
            response["headers"] = headers
        component = ResolvedComponent(name, ResolvedComponent.RESPONSE, response, name)
        registry.register_on_missing(component)
        responses[code] = component.ref
    return responses
