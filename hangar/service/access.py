"""The API key a request brings (``Authorization: Token KEY``, as LL2 takes it).

Read only when throttling is on: with it off, Hangar limits no one and ignores the header, so
that a client configured with its LL2 key works against a mirror unchanged. On, a known key
makes the request counted against that key (``hangar.core.throttling``); an unknown or revoked
one is a 401 saying which."""

from django.conf import settings
from drf_spectacular.extensions import OpenApiAuthenticationExtension
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


class ApiKeyScheme(OpenApiAuthenticationExtension):
    """In ``/schema/``, under the official document's name for it; optional, since a request
    without a key is answered too."""

    target_class = ApiKeyAuthentication
    name = "Token_Authentication"

    def get_security_requirement(self, auto_schema):
        return [{self.name: []}, {}]

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "An API key made with `hangar keys create`, sent as "
            "`Authorization: Token KEY`; it raises the request limit when the server limits "
            "requests (THROTTLE_ENABLED), and is ignored otherwise.",
        }
