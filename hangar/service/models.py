"""API keys: who may call the API beyond the anonymous budget when throttling is on.

A key is shown once, when it is issued, and stored only as its SHA-256 digest beside a short
visible prefix (to tell keys apart in ``hangar keys list`` and ``api-throttle/``): a copy of
the database does not give anyone a key. Keys are 40 hexadecimal digits, the form LL2's keys
take, so that clients which check the form accept them.
"""

import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import models

from hangar.core.rates import RATE_FORM, is_rate

PREFIX_LENGTH = 8


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def validate_rate(value: str) -> None:
    if value and not is_rate(value):
        raise ValidationError(f"{value!r} is not a rate: expected {RATE_FORM}.")


class ApiKeyQuerySet(models.QuerySet):
    def new_plain_key(self) -> str:
        """A new plain key, in the form of LL2's."""
        return secrets.token_hex(20)

    def issue(self, name: str, rate: str = "") -> str:
        """A new key named ``name`` (at ``rate``, else the default key rate): the plain key,
        which nothing stores and nothing shows again."""
        key = self.new_plain_key()
        api_key = self.model(name=name, prefix=key[:PREFIX_LENGTH], key_hash=digest(key), rate=rate)
        api_key.full_clean()
        api_key.save()
        return key

    def presented(self, key: str):
        """The key a client sent, revoked or not; ``None`` when no key is that one."""
        return self.filter(key_hash=digest(key)).first()

    def named(self, name_or_prefix: str):
        """The keys a name or a visible prefix designates."""
        return self.filter(models.Q(name=name_or_prefix) | models.Q(prefix=name_or_prefix))


class ApiKey(models.Model):
    name = models.CharField(max_length=100, unique=True, help_text="Who or what uses the key.")
    prefix = models.CharField(
        max_length=PREFIX_LENGTH, db_index=True, help_text="The key's first characters."
    )
    key_hash = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the key, hex.")
    rate = models.CharField(
        max_length=32,
        blank=True,
        validators=[validate_rate],
        help_text="N/second|minute|hour|day; empty for THROTTLE_KEY_RATE.",
    )
    created = models.DateTimeField(auto_now_add=True)
    revoked = models.BooleanField(default=False)

    objects = ApiKeyQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = "API key"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}...)"
