"""``hangar keys``: the API keys clients send as ``Authorization: Token KEY`` (counted at
their own rate when ``THROTTLE_ENABLED`` is on).

``hangar keys create NAME [--rate 1000/hour]`` prints the new key, once; ``hangar keys list``
shows the keys without their secrets; ``hangar keys revoke NAME_OR_PREFIX`` stops a key working.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from hangar.core.rates import RATE_FORM, is_rate
from hangar.service.models import ApiKey


class Command(BaseCommand):
    help = "Create, list and revoke API keys."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        create = actions.add_parser("create", help="issue a key and print it, once")
        create.add_argument("name", help="who or what will use the key (unique)")
        create.add_argument("--rate", default="", help=f"{RATE_FORM}; default THROTTLE_KEY_RATE")
        actions.add_parser("list", help="the keys, without their secrets")
        revoke = actions.add_parser("revoke", help="stop a key working")
        revoke.add_argument("name_or_prefix", help="the key's name or its visible prefix")

    def handle(self, *args, **options):
        getattr(self, options["action"])(options)

    def create(self, options):
        name, rate = options["name"], options["rate"]
        if rate and not is_rate(rate):
            raise CommandError(f"--rate {rate!r}: expected {RATE_FORM}.")
        if ApiKey.objects.filter(name=name).exists():
            raise CommandError(f"a key named {name!r} exists already.")
        try:
            key = ApiKey.objects.issue(name, rate)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        self.stdout.write(key)
        self.stderr.write(
            f"Key {name!r} created; it is shown only now. Send it as 'Authorization: Token KEY'."
        )

    def list(self, options):
        keys = ApiKey.objects.order_by("name", "id")
        if not keys:
            self.stderr.write("No API keys.")
            return
        self.stdout.write(f"{'prefix':10} {'rate':14} {'created':20} {'state':8} name")
        for key in keys:
            created = key.created.strftime("%Y-%m-%d %H:%M:%S")
            state = "revoked" if key.revoked else "active"
            rate = key.rate or "default"
            self.stdout.write(f"{key.prefix:10} {rate:14} {created:20} {state:8} {key.name}")

    def revoke(self, options):
        wanted = options["name_or_prefix"]
        matches = list(ApiKey.objects.named(wanted))
        if not matches:
            raise CommandError(f"no key has the name or prefix {wanted!r}.")
        if len(matches) > 1:
            names = ", ".join(repr(key.name) for key in matches)
            raise CommandError(f"{wanted!r} designates several keys ({names}): give a name.")
        [key] = matches
        if key.revoked:
            self.stderr.write(f"Key {key.name!r} was revoked already.")
            return
        key.revoked = True
        key.save(update_fields=["revoked"])
        self.stdout.write(f"Key {key.name!r} ({key.prefix}...) revoked.")
