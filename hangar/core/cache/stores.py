"""Where answers are kept: each process's memory, and Redis when ``CACHE_URL`` is set."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches

from hangar.core.cache.entries import Entry

logger = logging.getLogger(__name__)
LONGEST_KEPT = 24 * 3600  # seconds an answer stays in Redis at most


class LocalStore:
    """The answers of this process, the least recently served dropped first beyond
    ``max_bytes``."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        # Each entry with its size when kept (a gzipped copy made later is not counted).
        self.entries: OrderedDict[str, tuple[Entry, int]] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key: str, now: float) -> Entry | None:
        with self.lock:
            kept = self.entries.get(key)
            if kept is None:
                return None
            entry = kept[0]
            if not entry.holds_at(now):
                self._drop(key)
                return None
            self.entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: Entry) -> None:
        size = entry.size
        if size > self.max_bytes:
            return
        with self.lock:
            if key in self.entries:
                self._drop(key)
            self.entries[key] = (entry, size)
            self.size += size
            while self.size > self.max_bytes:
                self._drop(next(iter(self.entries)))

    def _drop(self, key: str) -> None:
        self.size -= self.entries.pop(key)[1]

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.size = 0


class SharedStore:
    """Answers in Django's default cache (Redis), for every instance. Redis failing costs
    only the computation: the answer is computed, and the failure logged."""

    def __init__(self) -> None:
        self.cache = caches["default"]

    def get(self, key: str, now: float) -> Entry | None:
        try:
            entry = self.cache.get(key)
        except Exception as error:  # any failure of the client means "not kept"
            logger.warning("Response cache: Redis unavailable (%s)", error)
            return None
        if entry is None or not entry.holds_at(now):
            return None
        return entry

    def put(self, key: str, entry: Entry, now: float) -> None:
        timeout = max(1, min(LONGEST_KEPT, int(entry.expires - now) + 1))
        shared = Entry(entry.headers, entry.body, entry.etag, entry.expires)
        try:
            self.cache.set(key, shared, timeout)
        except Exception as error:
            logger.warning("Response cache: answer not shared, Redis unavailable (%s)", error)


def shared_store() -> SharedStore | None:
    return SharedStore() if settings.CACHE_URL else None
