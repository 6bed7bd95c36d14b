"""Settings, read from environment variables with defaults that work on a fresh machine.

Every setting a deployment may want to change is an environment variable; nothing needs a
settings file of its own. Without any variable set, Hangar runs on SQLite in ``var/``. Each
value is parsed by type (``environs``): a value that does not parse (``DEBUG=yes-please``,
``DATABASE_CONN_MAX_AGE=abc``) stops start-up with a message naming the variable, instead of
being taken for a default.
"""

import os
from pathlib import Path

import dj_database_url
from environs import Env, EnvError, validate

from hangar.core.rates import RATE_FORM, RATE_PATTERN

env = Env(expand_vars=False)
AT_LEAST_0, AT_LEAST_1 = validate.Range(min=0), validate.Range(min=1)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = env.path("HANGAR_VAR_DIR", BASE_DIR / "var")

DEBUG = env.bool("DEBUG", False)
# The default key only suits a local, single-user instance: ``hangar serve`` refuses it on any
# address but loopback. Production sets SECRET_KEY.
DEFAULT_SECRET_KEY = "hangar-local-only-insecure-key"
SECRET_KEY = env.str("SECRET_KEY", DEFAULT_SECRET_KEY)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "corsheaders",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "health_check",
    "django_prometheus",
    "django_guid",
    # The catalog's tables and migrations; the domains that declare them; what serves and
    # what feeds them.
    "hangar.catalog",
    "hangar.core",
    "hangar.images",
    "hangar.agencies",
    "hangar.places",
    "hangar.landings",
    "hangar.programs",
    "hangar.launchers",
    "hangar.launches",
    "hangar.payloads",
    "hangar.spacecraft",
    "hangar.people",
    "hangar.events",
    "hangar.dashboard",
    "hangar.ingest",
    # The curation admin at /admin/.
    "hangar.curation",
    "hangar.service",
]

MIDDLEWARE = [
    # First and last, so that the request metrics time everything in between.
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    # The request id, before anything that may log.
    "django_guid.middleware.guid_middleware",
    # One read replica for the whole request (with DATABASE_REPLICA_URLS).
    "hangar.core.routers.ReplicaReadsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The curation admin's logins. Sessions and users are read only by the pages that ask for
    # them, so the API's answers neither query them nor vary by cookie.
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "hangar.core.middleware.DatabaseUnavailableMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

# A read-only public API: dashboards in any browser may call it (no credentials involved).
# CORS_ALLOWED_ORIGINS (comma-separated) restricts it to the origins named.
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", [])
CORS_ALLOW_ALL_ORIGINS = not CORS_ALLOWED_ORIGINS
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]

# Behind a reverse proxy, urls in responses must carry the origin clients used.
USE_X_FORWARDED_HOST = env.bool("USE_X_FORWARDED_HOST", False)
if env.bool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The admin's messages (one shows a new API key, once) stay on the server, in the session,
# rather than in a cookie.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# Headers on every response (Django's security and clickjacking middleware): no content-type
# sniffing, the referrer kept to Hangar's own pages, no framing. HSTS goes only on a request
# that came over TLS, which behind a proxy is one it marks https (TRUST_X_FORWARDED_PROTO);
# plain http never gets it. HSTS_SECONDS=0 sends none.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_HSTS_SECONDS = env.int("HSTS_SECONDS", 365 * 24 * 3600, validate=AT_LEAST_0)

# ``hangar serve``: the address, the gunicorn workers, how often statistics are refreshed
# (``hangar refresh``; 0 for never), the access log ("-" for stdout, empty for none).
HANGAR_BIND = env.str("HANGAR_BIND", "127.0.0.1:8000")
HANGAR_WORKERS = env.int("HANGAR_WORKERS", 2 * (os.cpu_count() or 1) + 1, validate=AT_LEAST_1)
HANGAR_REFRESH_SECONDS = env.float("HANGAR_REFRESH_SECONDS", 60, validate=AT_LEAST_0)
HANGAR_ACCESS_LOG = env.str("HANGAR_ACCESS_LOG", "-")

# ``hangar sync``: the largest answer it reads (MiB, after decompression) and the most pages
# one list may take; the defaults of ``--max-body-mb`` and ``--max-pages``.
HANGAR_SYNC_MAX_BODY_MB = env.int("HANGAR_SYNC_MAX_BODY_MB", 64, validate=AT_LEAST_1)
HANGAR_SYNC_MAX_PAGES = env.int("HANGAR_SYNC_MAX_PAGES", 1000, validate=AT_LEAST_1)

ROOT_URLCONF = "hangar.urls"
WSGI_APPLICATION = "hangar.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

DATABASE_CONN_MAX_AGE = env.int("DATABASE_CONN_MAX_AGE", 60, validate=AT_LEAST_0)
DATABASE_CONNECT_TIMEOUT = env.int("DATABASE_CONNECT_TIMEOUT", 3, validate=AT_LEAST_1)
DATABASE_STATEMENT_TIMEOUT = env.int("DATABASE_STATEMENT_TIMEOUT", 20, validate=AT_LEAST_0)
DATABASE_BUSY_TIMEOUT = env.int("DATABASE_BUSY_TIMEOUT", 20, validate=AT_LEAST_0)


def database(variable: str, url: str) -> dict:
    """Django's settings for the database at ``url``, read from ``variable``: a url that does
    not parse stops start-up naming the variable."""
    try:
        config = dj_database_url.parse(url, conn_max_age=DATABASE_CONN_MAX_AGE)
    except (ValueError, dj_database_url.ParseError) as error:
        message = f'Environment variable "{variable}" invalid: not a database url ({error})'
        raise EnvError(message) from None
    if config["ENGINE"] == "django.db.backends.sqlite3":
        Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        # WAL lets readers go on while an import or sync writes.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            # How long a statement waits for a lock another process holds (an import writing).
            "timeout": DATABASE_BUSY_TIMEOUT,
        }
    else:
        # A database that is down or stalled must not hold a request past gunicorn's 30 s
        # worker timeout: give up connecting after DATABASE_CONNECT_TIMEOUT seconds, and have
        # the server cancel any statement after DATABASE_STATEMENT_TIMEOUT seconds (0: never).
        # The request then answers 503 (``hangar.core.middleware``).
        statement_ms = DATABASE_STATEMENT_TIMEOUT * 1000
        config.setdefault("OPTIONS", {}).update(
            {
                "connect_timeout": DATABASE_CONNECT_TIMEOUT,
                "options": f"-c statement_timeout={statement_ms}",
            }
        )
    return config


DATABASES = {
    "default": database(
        "DATABASE_URL", env.str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'hangar.sqlite3'}")
    )
}
IS_SQLITE = DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
if IS_SQLITE and env.bool("DATABASE_READ_ONLY", False):
    # A file Hangar may not write (a read-only mount, a published snapshot; serve it with
    # HANGAR_REFRESH_SECONDS=0): SQLite opens it read-only and, since nothing changes it while
    # served, immutable, so that it needs no journal, -wal or -shm file beside it.
    database_path = Path(DATABASES["default"]["NAME"]).resolve()
    DATABASES["default"]["NAME"] = f"{database_path.as_uri()}?mode=ro&immutable=1"
    DATABASES["default"]["OPTIONS"] = {"uri": True}

# Read replicas (DATABASE_REPLICA_URLS, comma-separated): databases ``replica_1`` ... that hold
# a copy of the primary, kept by the database's own replication. ``hangar.core.routers`` sends
# the reads of each API request to one of them; every write, every migration and every command
# uses the primary (``default``). In tests a replica is the primary's test database.
DATABASE_REPLICAS = []
REPLICA_URLS = [url.strip() for url in env.list("DATABASE_REPLICA_URLS", []) if url.strip()]
for number, url in enumerate(REPLICA_URLS, start=1):
    alias = f"replica_{number}"
    DATABASES[alias] = database("DATABASE_REPLICA_URLS", url) | {"TEST": {"MIRROR": "default"}}
    DATABASE_REPLICAS.append(alias)
DATABASE_ROUTERS = ["hangar.core.routers.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# The partial indexes of spacecraft in space carry their durations as covering columns
# (``INCLUDE``) on PostgreSQL; SQLite builds the same indexes without them, which is all it
# needs, so its warning about it would only be noise on every command.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", VAR_DIR / "static")
# ``make setup`` collects the static files (browsable page, docs page); before that, find them
# in the installed apps so that a bare ``hangar serve`` still shows styled pages.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = not (STATIC_ROOT / "rest_framework").is_dir()

# The response cache (``hangar.core.cache``): answers are kept until the catalog
# changes or time changes them, in each process's memory (RESPONSE_CACHE_MAX_MB per process)
# and, with CACHE_URL=redis://..., in Redis as well, shared by every instance.
# RESPONSE_CACHE=false computes every answer. CACHE_CONTROL_MAX_AGE is how long clients may
# reuse an answer without asking again (0: always ask, with If-None-Match).
RESPONSE_CACHE = env.bool("RESPONSE_CACHE", True)
RESPONSE_CACHE_MAX_MB = env.int("RESPONSE_CACHE_MAX_MB", 256, validate=AT_LEAST_0)
CACHE_CONTROL_MAX_AGE = env.int("CACHE_CONTROL_MAX_AGE", 0, validate=AT_LEAST_0)
# Each object as rendered at each level, kept per catalog version in each process and
# assembled into pages (``hangar.core.documents``); DOCUMENT_CACHE=false serializes every object.
DOCUMENT_CACHE = env.bool("DOCUMENT_CACHE", True)
DOCUMENT_CACHE_MAX_MB = env.int("DOCUMENT_CACHE_MAX_MB", 256, validate=AT_LEAST_0)
# Pages' counts, kept per catalog version in each process (``hangar.core.counts``).
COUNT_CACHE = env.bool("COUNT_CACHE", True)
COUNT_CACHE_SIZE = env.int("COUNT_CACHE_SIZE", 4096, validate=AT_LEAST_1)
CACHE_URL = env.str(
    "CACHE_URL",
    "",
    validate=validate.Regexp(r"^$|^(rediss?|unix)://", error="expected a redis:// url"),
)
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "hangar",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 2, "SOCKET_TIMEOUT": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Access control, off by default: a self-hosted mirror limits no one. THROTTLE_ENABLED=true
# limits each anonymous client (by IP address) to THROTTLE_ANON_RATE and each API key
# (``Authorization: Token KEY``, made with ``hangar keys create``) to its own rate or
# THROTTLE_KEY_RATE; an unknown or revoked key is then a 401. THROTTLE_NUM_PROXIES is how many
# reverse proxies in front of Hangar append to X-Forwarded-For (0: the client is the peer
# address). The counts live in the ``throttle`` cache: Redis with CACHE_URL (shared by every
# instance), else each process's memory.
THROTTLE_ENABLED = env.bool("THROTTLE_ENABLED", False)
RATE = validate.Regexp(RATE_PATTERN, error=f"expected {RATE_FORM}")
THROTTLE_ANON_RATE = env.str("THROTTLE_ANON_RATE", "15/hour", validate=RATE)
THROTTLE_KEY_RATE = env.str("THROTTLE_KEY_RATE", "300/hour", validate=RATE)
THROTTLE_NUM_PROXIES = env.int("THROTTLE_NUM_PROXIES", 0, validate=AT_LEAST_0)
if CACHE_URL:
    # Redis out of reach must not turn every request into a 500: the throttle then counts
    # nothing and lets requests through.
    CACHES["throttle"] = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": CACHE_URL,
        "KEY_PREFIX": "hangar-throttle",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 2, "SOCKET_TIMEOUT": 2, "IGNORE_EXCEPTIONS": True},
    }
else:
    CACHES["throttle"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "hangar-throttle",
    }

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": [
        "hangar.core.renderers.OrjsonRenderer",
        "hangar.core.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": [],
    # Both step aside unless THROTTLE_ENABLED is set (read per request, so that it is the
    # setting, not the moment a view was imported, that decides).
    "DEFAULT_AUTHENTICATION_CLASSES": ["hangar.service.access.ApiKeyAuthentication"],
    "DEFAULT_THROTTLE_CLASSES": [
        "hangar.core.throttling.AnonymousThrottle",
        "hangar.core.throttling.ApiKeyThrottle",
    ],
    "NUM_PROXIES": THROTTLE_NUM_PROXIES,
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_PAGINATION_CLASS": "hangar.core.pagination.LL2Pagination",
    "DEFAULT_FILTER_BACKENDS": [
        "hangar.core.filters.NamedFilterBackend",
        "rest_framework.filters.SearchFilter",
        "hangar.core.filters.TieBreakOrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "hangar.core.openapi.LL2AutoSchema",
    "URL_FORMAT_OVERRIDE": "format",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Hangar - Launch Library 2 compatible API",
    "DESCRIPTION": "A self-hosted, wire-compatible server of the Launch Library 2 (2.3.0) API: "
    "launches, agencies, pads, rockets, spacecraft, astronauts, stations and events.",
    "VERSION": "2.3.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": False,
    "SCHEMA_PATH_PREFIX": r"/2\.3\.0",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "hangar.core.openapi.pin_response_modes",
    ],
}

# Each request has an id: the client's (or the proxy's) X-Request-ID when it is a UUID, in any
# of its spellings (nginx's $request_id is one), a new one otherwise. Every log line written
# while the request runs carries it, and the response echoes it in X-Request-ID.
DJANGO_GUID = {
    "GUID_HEADER_NAME": "X-Request-ID",
    "RETURN_HEADER": True,
    "EXPOSE_HEADER": True,
}

# LOG_FORMAT=text (the default) writes each record's message as it is; LOG_FORMAT=json one JSON
# object per line, with the timestamp (UTC), level, logger, message and request id, for a
# log collector to read.
LOG_FORMAT = env.str("LOG_FORMAT", "text", validate=validate.OneOf(["text", "json"]))
LOG_FORMATTERS = {
    "text": {"format": "%(message)s"},
    "json": {
        "()": "pythonjsonlogger.json.JsonFormatter",
        "fmt": "%(levelname)s %(name)s %(message)s %(request_id)s",
        "rename_fields": {"levelname": "level", "name": "logger"},
        "timestamp": True,
    },
}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {
            "()": "django_guid.log_filters.CorrelationId",
            "correlation_id_field": "request_id",
        }
    },
    "formatters": {LOG_FORMAT: LOG_FORMATTERS[LOG_FORMAT]},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {
        "handlers": ["console"],
        "level": env.log_level("LOG_LEVEL", "WARNING"),
    },
    # Whether each request brought its id is not worth a line per request at INFO.
    "loggers": {"django_guid": {"level": "WARNING"}},
}
