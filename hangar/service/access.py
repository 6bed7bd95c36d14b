"""The API key a request brings (``Authorization: Token KEY``, as LL2 takes it).

Read only when throttling is on: with it off, Hangar limits no one and ignores the header, so
that a client configured with its LL2 key works against a mirror unchanged. On, a known key
makes the request counted against that key (``hangar.core.throttling``); an unknown or revoked
one is a 401 saying which."""

from django.conf import settings
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from hangar.service.models import ApiKey


class ApiKeyAuthentication(TokenAuthentication):
    keyword = "Token"

    def authenticate(self, request):
        if not settings.THROTTLE_ENABLED:
            return None
        return super().authenticate(request)

    def authenticate_credentials(self, key):
        api_key = ApiKey.objects.presented(key)
        if api_key is None:
            raise AuthenticationFailed("Invalid API key: no key of this server is that one.")
        if api_key.revoked:
            raise AuthenticationFailed(f"API key {api_key.prefix}... has been revoked.")
        # No user: a key identifies a client to count, not an account.
        return (None, api_key)
