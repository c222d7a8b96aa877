"""CoopStore settings, read from the environment.

With nothing set, CoopStore runs in its *embedded default*: a SQLite file under ``var/``,
Celery tasks run eagerly, media under ``var/media``, DEBUG on and a generated dev secret.
Setting ``DATABASE_URL``, ``REDIS_URL``, ``SECRET_KEY`` and ``ALLOWED_HOSTS`` runs it for real.
"""
from __future__ import annotations

import secrets
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"
VAR_DIR.mkdir(exist_ok=True)

env = environ.Env()


def _dev_secret() -> str:
    """A secret generated once per checkout so the embedded mode needs no configuration."""
    path = VAR_DIR / "dev-secret-key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


_SECRET_KEY_ENV = env.str("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=not _SECRET_KEY_ENV)
if not DEBUG and not _SECRET_KEY_ENV:
    # Production mode never runs on the generated dev secret: secrets come from the environment.
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment when DEBUG is off.")
SECRET_KEY = _SECRET_KEY_ENV or _dev_secret()
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "backend.kpi",  # before the admin: its admin/index.html links the KPI dashboard
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "mptt",
    "graphene_django",
    "graphene_django_graphiql_static",
    "django_filters",
    "phonenumber_field",
    "backend.accounts",
    "backend.cooperatives",
    "backend.orders",
    "backend.fairpay",
    "backend.payments",
    "backend.discounts",
    "backend.giftcards",
    "backend.graphql",
    "catalog",
    "catalog.spreadsheets",  # templates, static and locale of /coop/catalog/ import/export
    "fulfillment",
    "storefront",
    "backend.content",
    "backend.integrations",
    "backend.outbox",
    "backend.scale",  # seed_scale: scale data for benchmarks
    "backend.programmes",
    "backend.followup",
    "backend.business",
    "backend.rawabit",
]

MIDDLEWARE = [
    "backend.core.middleware.RequestObservabilityMiddleware",  # request id, access log, metrics
    "backend.core.middleware.RequestSizeLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "backend.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "backend.urls"
WSGI_APPLICATION = "backend.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "storefront.context_processors.storefront",
                "backend.content.context_processors.menus",
            ],
        },
    },
]

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'coopstore.sqlite3'}")
}
# Persistent connections (a connection per worker thread, reused for a minute), checked before
# each request's first query: after a PostgreSQL restart the dead connection is replaced
# instead of failing the request (tests/faults/test_postgres_restart.py).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable database fails a request in seconds instead of hanging its worker.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=5))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "storefront:login"

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("ar", "العربية"), ("en", "English")]
LANGUAGES_BIDI = ["ar"]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Africa/Casablanca"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "backend.core.static_storage.StaticFilesStorage"  # hashed names, source maps left out
    },
}
# Public base URL used to build absolute media URLs for API clients.
PUBLIC_URL = env.str("PUBLIC_URL", default="")

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "backend.core.cache_backends.RedisCache",
                          "LOCATION": REDIS_URL,
                          # a hung Redis must not hang requests (rate limits, /healthz)
                          "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2}}}
else:
    # Room for the pages, answers and listed products of the demo (the default is 300 keys).
    CACHES = {"default": {"BACKEND": "backend.core.cache_backends.LocMemCache",
                          "OPTIONS": {"MAX_ENTRIES": 20_000}}}

# Celery: work due after a commit goes through the outbox (backend/outbox), so a broker outage
# delays it; tasks are acknowledged late, one at a time, and redelivered if a worker dies.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="") or REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_QUEUE", default="celery")
CELERY_TASK_SERIALIZER = "json"
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_TIMEOUT = 2  # a publish to a dead broker fails fast (outbox keeps it)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # an unacknowledged task is redelivered after this long (longer than any task runs)
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
    "socket_connect_timeout": 2,
    "socket_timeout": 10,
}
OUTBOX_RELAY_INTERVAL = env.float("OUTBOX_RELAY_INTERVAL", default=30.0)
CHECKOUT_EXPIRY_HOURS = env.int("CHECKOUT_EXPIRY_HOURS", default=30 * 24)
CELERY_BEAT_SCHEDULE = {
    "outbox-relay": {"task": "backend.outbox.tasks.relay_outbox",
                     "schedule": OUTBOX_RELAY_INTERVAL},
    "outbox-purge": {"task": "backend.outbox.tasks.purge_outbox", "schedule": 24 * 3600},
    "orders-expire-checkouts": {"task": "backend.orders.tasks.checkouts_expire_task",
                                "schedule": 3600},
    "fairpay-weekly-payout-run": {
        "task": "backend.fairpay.tasks.payout_run_task",
        "schedule": 7 * 24 * 3600,
    },
    "fairpay-retry-pending-transfers": {
        "task": "backend.fairpay.tasks.payout_transfers_retry_task",
        "schedule": 3600,
    },
}

EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.filebased.EmailBackend",
)
EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", default=str(VAR_DIR / "emails"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="CoopStore <bonjour@coopstore.ma>")

GRAPHENE = {
    "SCHEMA": "backend.graphql.api.schema",
    "RELAY_CONNECTION_MAX_LIMIT": 100,
    "RELAY_CONNECTION_ENFORCE_FIRST_OR_LAST": False,
}

# CoopStore settings
DEFAULT_CHANNEL_SLUG = env.str("DEFAULT_CHANNEL_SLUG", default="maroc")
ROAD_FACTOR = env.float("ROAD_FACTOR", default=1.3)
THUMBNAIL_SIZES = (96, 256, 512, 1024)
MAX_IMAGE_PIXELS = env.int("MAX_IMAGE_PIXELS", default=40_000_000)

# Payments: Stripe is offered only when both keys are set; STRIPE_API_BASE points the client at
# any Stripe-compatible server (the tests' fake). The dummy gateway is for the demo only.
STRIPE_SECRET_KEY = env.str("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env.str("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env.str("STRIPE_WEBHOOK_SECRET", default="")
STRIPE_API_BASE = env.str("STRIPE_API_BASE", default="")
DUMMY_PAYMENTS_ENABLED = env.bool("DUMMY_PAYMENTS_ENABLED", default=DEBUG)

# Logs: one JSON object a line (LOG_FORMAT=json, the default without DEBUG) with the request id
# (backend/core/logs.py); readable text with DEBUG. One access line per request from
# backend.core.middleware (logger "coopstore.request").
LOG_FORMAT = env.str("LOG_FORMAT", default="text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "backend.core.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "backend.core.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["request_id"],
                             "formatter": "json" if LOG_FORMAT == "json" else "text"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"},
                # the access line replaces Django's own per-request warnings for 4xx
                "django.request": {"level": "ERROR"}},
}

# Observability: /metrics answers Bearer METRICS_TOKEN when set, loopback clients otherwise.
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")

# Request limits: bodies (the proxy allows 12 MB; photos are 10 MB at most), form fields and
# files; beyond them a clear 413 (RequestSizeLimitMiddleware) or 400 (Django's own checks).
MAX_REQUEST_BODY_BYTES = env.int("MAX_REQUEST_BODY_BYTES", default=12 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=2_621_440)
FILE_UPLOAD_MAX_MEMORY_SIZE = env.int("FILE_UPLOAD_MAX_MEMORY_SIZE", default=2_621_440)
DATA_UPLOAD_MAX_NUMBER_FIELDS = env.int("DATA_UPLOAD_MAX_NUMBER_FIELDS", default=2000)
DATA_UPLOAD_MAX_NUMBER_FILES = env.int("DATA_UPLOAD_MAX_NUMBER_FILES", default=20)

# GraphQL: Saleor's query cost limit (backend/graphql/cost.py); 0 turns it off.
GRAPHQL_QUERY_MAX_COMPLEXITY = env.int("GRAPHQL_QUERY_MAX_COMPLEXITY", default=50_000)

# Rate limits (backend/core/ratelimit.py), kept in the cache (Redis with REDIS_URL).
# TRUSTED_PROXY_COUNT: proxies in front that append to X-Forwarded-For (1 behind docker/'s nginx).
RATELIMIT_ENABLED = env.bool("RATELIMIT_ENABLED", default=True)
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# Security: on whenever DEBUG is off, each switch overridable from the environment.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
    CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
    SESSION_COOKIE_HTTPONLY = True
    # TLS ends at the proxy, which says so in X-Forwarded-Proto (docker/nginx.conf sets it).
    if env.bool("SECURE_PROXY_SSL_HEADER", default=True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    # Health checks and scrapes come over plain HTTP from inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^metrics$"]
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
