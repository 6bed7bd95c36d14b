"""The response cache: Hangar's answers kept and served again, never wrong.

``ResponseCache`` wraps the WSGI application (``hangar.wsgi``). It serves a list or detail
answer of the API from memory when it holds one computed for the same request (path, query
parameters in any order, format, origin and forwarded headers) at the same catalog version,
whose horizon has not passed; otherwise it asks the application and keeps the answer.

- The catalog version (``hangar.core.models``) is read from the database on every request, a
  one-row query: an import, sync or refresh committed through any process or instance is seen
  by the next request everywhere.
- The horizon (``hangar.core.horizon``) is when time changes an answer though the catalog has
  not (a launch leaves ``upcoming/``); an answer ordered by a duration that grows (``ordering=
  -time_in_space``) is kept for its second only.
- Durations that grow (``hangar.core.live``) are filled in for the second each copy is served.
- Every answer carries an ``ETag`` (``If-None-Match`` gets ``304 Not Modified``) and
  ``Cache-Control``; gzip when the client accepts it.
- Answers live in each process's memory, and in Redis too with ``CACHE_URL``, where every
  instance finds what any of them computed.

Only answers the API's viewsets mark as cacheable are kept (lists and detail views, status 200,
JSON); the browsable pages, the schema, ``api-throttle/`` and errors are always computed.
"""

from hangar.core.cache.middleware import ResponseCache

__all__ = ["ResponseCache"]
