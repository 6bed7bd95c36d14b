"""Import files too large to be decoded whole, read record by record.

A file of LL2 records decoded at once takes many times its size in memory (a 50 MB array of
small objects, over a gigabyte). Past ``WHOLE_FILE_LIMIT`` the importer reads the file twice
with an incremental parser instead: once to the start of its records (the links and request
that come before them say which resource they are), then one record at a time, so that what
it holds is one record, whatever the file's size.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import ijson

from hangar.core.batch import BatchError
from hangar.ll2.links import resource_of

# Larger files are read record by record; LL2's largest pages are a few megabytes.
WHOLE_FILE_LIMIT = 16 * 1024 * 1024
SCALARS = {"string", "number", "integer", "double", "boolean", "null"}
LINKS = {"request", "next", "previous", "response.next", "response.previous"}
OPENING, CLOSING = {"start_map", "start_array"}, {"end_map", "end_array"}
MAX_DEPTH = 1024  # orjson's limit


class LargeFile:
    """A file the importer reads as it goes; ``layout`` is that of ``importer.layout``."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def layout(self) -> tuple[tuple | None, Iterator, str | None]:
        prefix, links = self.scan()
        wrapped = prefix.startswith("response")
        fallback = None
        if wrapped:
            fallback = resource_of(str(links.get("request")).split(" ")[-1])
        page = "response." if wrapped else ""
        if prefix.endswith("results.item"):
            fallback = fallback or resource_of(
                links.get(f"{page}next") or links.get(f"{page}previous")
            )
            return fallback, self.items(prefix), "results"
        return fallback, self.items(prefix), "" if prefix.endswith("item") else None

    def scan(self) -> tuple[str, dict]:
        """Where the records start (an ``ijson`` prefix: ``results.item`` for a list page), and
        the links read before them. A file wrapped as ``{"request", "response"}`` gives its
        request first, as Hangar and LL2's samples do."""
        links: dict = {}
        keys: set = set()
        for prefix, event, value in self.events():
            wrapped = {"request", "response"} <= keys
            results = "response.results" if wrapped else "results"
            if prefix == "" and event == "map_key":
                if value == "response" and "request" not in keys and "count" not in keys:
                    raise BatchError(
                        f"{self.path}: a saved answer this large must give its request before "
                        "its response."
                    )
                keys.add(value)
            elif prefix in LINKS and event in SCALARS:
                links[prefix] = value
            elif prefix == "" and event in SCALARS:
                break
            elif prefix == "" and event == "start_array":
                return "item", links
            elif wrapped and prefix == "response" and event == "start_array":
                return "response.item", links
            elif prefix == results and event == "start_array":
                return f"{results}.item", links
            elif prefix == results and (event in SCALARS or event == "start_map"):
                raise BatchError(f"{self.path}: results: expected a list of records.")
        else:
            return ("response" if {"request", "response"} <= keys else ""), links
        raise BatchError(f"{self.path}: expected an LL2 object, list page or array of objects.")

    def events(self) -> Iterator[tuple]:
        """The file's parse events, refused past ``MAX_DEPTH`` levels of nesting (as orjson
        refuses a file decoded whole): the parser's memory grows with the square of the depth."""
        try:
            with self.path.open("rb") as file:
                depth = 0
                for prefix, event, value in ijson.parse(file, use_float=True):
                    if event in OPENING:
                        depth += 1
                        if depth > MAX_DEPTH:
                            raise BatchError(
                                f"{self.path}: not valid JSON: nested deeper than {MAX_DEPTH} "
                                "levels."
                            )
                    elif event in CLOSING:
                        depth -= 1
                    yield prefix, event, value
        except ijson.JSONError as error:
            raise BatchError(f"{self.path}: not valid JSON: {first_line(error)}.") from error
        except OSError as error:
            raise BatchError(f"{self.path}: cannot read: {error.strerror}.") from error

    def items(self, prefix: str) -> Iterator:
        yield from ijson.items(self.events(), prefix)


def first_line(error: Exception) -> str:
    """The parser's message without the excerpt it draws under it."""
    return (str(error).strip().splitlines() or ["unknown error"])[0]
