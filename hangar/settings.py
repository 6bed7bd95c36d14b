"""Settings, read from environment variables with defaults that work on a fresh machine.

Every setting a deployment may want to change is an environment variable; nothing needs a
settings file of its own. Without any variable set, Hangar runs on SQLite in ``var/``.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("HANGAR_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# The default key only suits a local, single-user instance; production sets SECRET_KEY.
SECRET_KEY = os.environ.get("SECRET_KEY", "hangar-local-only-insecure-key")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "corsheaders",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "health_check",
    "django_prometheus",
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
    "hangar.service",
]

MIDDLEWARE = [
    # First and last, so that the request metrics time everything in between.
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "hangar.core.middleware.DatabaseUnavailableMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

# A read-only public API: dashboards in any browser may call it (no credentials involved).
# CORS_ALLOWED_ORIGINS (comma-separated) restricts it to the origins named.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", "")
CORS_ALLOW_ALL_ORIGINS = not CORS_ALLOWED_ORIGINS
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]

# Behind a reverse proxy, urls in responses must carry the origin clients used.
USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST", False)
if env_bool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Headers on every response (Django's security and clickjacking middleware): no content-type
# sniffing, the referrer kept to Hangar's own pages, no framing. HSTS goes only on a request
# that came over TLS, which behind a proxy is one it marks https (TRUST_X_FORWARDED_PROTO);
# plain http never gets it. HSTS_SECONDS=0 sends none.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", str(365 * 24 * 3600)))

ROOT_URLCONF = "hangar.urls"
WSGI_APPLICATION = "hangar.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'hangar.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
IS_SQLITE = DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
if IS_SQLITE and env_bool("DATABASE_READ_ONLY", False):
    # A file Hangar may not write (a read-only mount, a published snapshot; serve it with
    # HANGAR_REFRESH_SECONDS=0): SQLite opens it read-only and, since nothing changes it while
    # served, immutable, so that it needs no journal, -wal or -shm file beside it.
    database_path = Path(DATABASES["default"]["NAME"]).resolve()
    DATABASES["default"]["NAME"] = f"{database_path.as_uri()}?mode=ro&immutable=1"
    DATABASES["default"]["OPTIONS"] = {"uri": True}
elif IS_SQLITE:
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets readers go on while an import or sync writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        # How long a statement waits for a lock another process holds (an import writing).
        "timeout": int(os.environ.get("DATABASE_BUSY_TIMEOUT", "20")),
    }
else:
    # A database that is down or stalled must not hold a request past gunicorn's 30 s worker
    # timeout: give up connecting after DATABASE_CONNECT_TIMEOUT seconds, and have the server
    # cancel any statement after DATABASE_STATEMENT_TIMEOUT seconds (0: never). The request
    # then answers 503 (``hangar.core.middleware``).
    statement_ms = int(os.environ.get("DATABASE_STATEMENT_TIMEOUT", "20")) * 1000
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "connect_timeout": int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3")),
            "options": f"-c statement_timeout={statement_ms}",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
# ``make setup`` collects the static files (browsable page, docs page); before that, find them
# in the installed apps so that a bare ``hangar serve`` still shows styled pages.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = not (STATIC_ROOT / "rest_framework").is_dir()

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": [
        "hangar.core.renderers.OrjsonRenderer",
        "hangar.core.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_PAGINATION_CLASS": "hangar.core.pagination.LL2Pagination",
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.SearchFilter",
        "hangar.core.filters.TieBreakOrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "hangar.core.openapi.LL2AutoSchema",
    "URL_FORMAT_OVERRIDE": "format",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Hangar - Launch Library 2 compatible API",
    "DESCRIPTION": "A self-hosted, wire-compatible server for the Launch Library 2 (2.3.0) "
    "spacecraft catalog.",
    "VERSION": "2.3.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": False,
    "SCHEMA_PATH_PREFIX": r"/2\.3\.0",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
