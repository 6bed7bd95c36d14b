"""Access control as LL2 does it: DRF's throttles, off unless ``THROTTLE_ENABLED`` (a
self-hosted mirror limits no one).

On, each anonymous client is counted by IP address (``THROTTLE_ANON_RATE``) and each API key by
itself (its own rate, else ``THROTTLE_KEY_RATE``), in the ``throttle`` cache. The key, when a
request brings one, is ``request.auth``: any object with a ``pk``, a visible ``prefix`` and a
``rate`` (empty for the default); the authentication that finds it lives with the key's table.
DRF's views import this module while they are defined: it must not import them.
"""

import math

from django.conf import settings
from django.core.cache import caches
from rest_framework.throttling import SimpleRateThrottle


class HangarThrottle(SimpleRateThrottle):
    """A sliding window of ``rate``, with its rate read from the settings at each request (the
    throttles are made anew for every request) and the switch obeyed."""

    cache = caches["throttle"]
    rate_setting = ""

    def get_rate(self) -> str:
        return getattr(settings, self.rate_setting)

    def allow_request(self, request, view) -> bool:
        if not settings.THROTTLE_ENABLED:
            return True
        return super().allow_request(request, view)

    def ident(self, request) -> str:
        """Who is counted, as ``api-throttle/`` shows it."""
        raise NotImplementedError

    def usage(self, request, view) -> dict:
        """LL2's figures for the caller: the limit, its window, the requests counted in the
        window now, and the seconds until the oldest of them leaves it (0 with none)."""
        now = self.timer()
        history = self.cache.get(self.get_cache_key(request, view), [])
        counted = [moment for moment in history if moment > now - self.duration]
        return {
            "your_request_limit": self.num_requests,
            "limit_frequency_secs": self.duration,
            "current_use": len(counted),
            "next_use_secs": math.ceil(counted[-1] + self.duration - now) if counted else 0,
            "ident": self.ident(request),
        }


class AnonymousThrottle(HangarThrottle):
    """Requests without an API key, per client IP address (``THROTTLE_NUM_PROXIES`` says
    which entry of X-Forwarded-For is the client's)."""

    scope = "anon"
    rate_setting = "THROTTLE_ANON_RATE"

    def get_cache_key(self, request, view):
        if request.auth is not None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def ident(self, request) -> str:
        return self.get_ident(request) or ""


class ApiKeyThrottle(HangarThrottle):
    """Requests with an API key, per key, at the key's own rate when it has one."""

    scope = "key"
    rate_setting = "THROTTLE_KEY_RATE"

    def adopt_rate_of(self, request) -> None:
        own_rate = getattr(request.auth, "rate", "")
        if own_rate:
            self.rate = own_rate
            self.num_requests, self.duration = self.parse_rate(own_rate)

    def allow_request(self, request, view) -> bool:
        self.adopt_rate_of(request)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        if request.auth is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}

    def ident(self, request) -> str:
        return f"key {request.auth.prefix}"


def throttle_of(request) -> HangarThrottle:
    """The throttle that counts ``request``'s caller."""
    if request.auth is None:
        return AnonymousThrottle()
    throttle = ApiKeyThrottle()
    throttle.adopt_rate_of(request)
    return throttle
