"""Settings for Wel(l)Fare Legami, read from the environment (django-environ).

With no environment at all the defaults are those of a safe production installation, except that a missing
SECRET_KEY or ALLOWED_HOSTS stops start-up with a clear message. `make run` switches DEBUG on for development.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# Settings come only from the real environment: no `.env` file is read, so a file left in the folder can never
# switch a deployment to DEBUG. Development turns DEBUG on explicitly (`make run` passes DEBUG=1; by hand:
# `DEBUG=1 python manage.py ...`).
DEBUG = env.bool("DEBUG", default=False)

if DEBUG:
    SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production-0123456789")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
else:
    SECRET_KEY = env("SECRET_KEY", default="")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
    if not SECRET_KEY:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. With DEBUG off, set the SECRET_KEY environment variable "
            "(a long random string), or set DEBUG=1 for local development."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS is not set. With DEBUG off, set ALLOWED_HOSTS to the comma-separated host names "
            "this site answers to (e.g. ALLOWED_HOSTS=wellfare.example.it)."
        )

INSTALLED_APPS = [
    "governance.admin_apps.SystemAdminConfig",  # the admin, for system administrators only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "simple_history",
    "axes",
    "csp",
    "governance",
    "patti",
    "laboratori",
    "imprese",
    "civic_center",
    "wellfare_lab",
    "fundraising",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "governance.middleware.NoStoreForAuthenticatedMiddleware",
    "governance.middleware.ProjectYearsMiddleware",
    # AxesMiddleware must be last: it turns a lockout into the lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "wellfare.urls"
WSGI_APPLICATION = "wellfare.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "governance.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default under concurrent writes: writers wait for each other instead of failing with
    # "database is locked". IMMEDIATE takes the write lock when a transaction begins (a deferred transaction that
    # read first cannot wait for it: SQLite answers SQLITE_BUSY at once); WAL lets readers go on during a write.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": env.int("SQLITE_TIMEOUT", default=20),
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

# --- Authentication, sessions, lockout -------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

SESSION_COOKIE_AGE = 60 * 60  # expire after 60 idle minutes...
SESSION_SAVE_EVERY_REQUEST = True  # ...because every request renews it
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
# Lock the *user* after 5 failures (issue #2). Locking by IP address too would lock out a whole municipal office
# behind one NAT address after a few typos by different colleagues, hence axes.W006 is silenced on purpose.
AXES_LOCKOUT_PARAMETERS = ["username"]
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
# Failure counters live in the database (shared by every app server) and add a per-address limit, well above an
# office's typos, against password spraying across many usernames from one address (governance/login_limits.py).
AXES_HANDLER = "governance.login_limits.UsernameAndAddressHandler"
AXES_ADDRESS_FAILURE_LIMIT = env.int("AXES_ADDRESS_FAILURE_LIMIT", default=30)
AXES_CLIENT_IP_CALLABLE = "governance.login_limits.client_ip"

# --- Security headers -------------------------------------------------------------------------------
SECURE_COOKIES = env.bool("SECURE_COOKIES", default=not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_PROXY", default=False) else None
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- Internationalisation ---------------------------------------------------------------------------
LANGUAGE_CODE = "it"
# The interface is Italian and offers no language switch (ARCHITECTURE.md, "Language"): English reached only the shell
# and turned numbers into English format under Italian text. The translation machinery stays (USE_I18N, locale/,
# {% translate %}) for a complete translation later; add ("en", "English") here, the `i18n/` URL and a switch then.
LANGUAGES = [("it", "Italiano")]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["wellfare.formats"]  # "1 dicembre 2017" (wellfare/formats/it/formats.py)
TIME_ZONE = "Europe/Rome"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

# --- Static and uploaded files ----------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("bootstrap-italia", BASE_DIR / "node_modules" / "bootstrap-italia" / "dist"),
]
# Uploaded documents live outside the static root and are served only through scoped views.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
UPLOAD_MAX_BYTES = 10 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env("STATICFILES_BACKEND", default="whitenoise.storage.CompressedManifestStaticFilesStorage")
    },
}

# --- E-mail -----------------------------------------------------------------------------------------
EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Wel(l)Fare Legami <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)  # seconds: a mail server that hangs is reported, not waited for
# The application's public address, for links in e-mails (convocations, reminders).
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

# --- Forms ------------------------------------------------------------------------------------------
FORMS_URLFIELD_ASSUME_HTTPS = True  # Django 6.0 default, opted into now
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Audit trail -----------------------------------------------------------------------------------
# No "revert" button in the admin's history: records change only through the services (governance.admin_site).
SIMPLE_HISTORY_REVERT_DISABLED = True

# --- Programme --------------------------------------------------------------------------------------
# Demo accounts are created only with DEBUG on (seed_wellfare --demo refuses otherwise).
WELLFARE_DEMO_PASSWORD = env("WELLFARE_DEMO_PASSWORD", default="")
# Closed pacts' identities are anonymised this many days after the household's last pact closed (anonymise_patti).
PATTI_RETENTION_DAYS = env.int("PATTI_RETENTION_DAYS", default=5 * 365)

# --- Operations: request logs, health --------------------------------------------------------------
# One JSON line per request (request id, route pattern, status, duration; never a query string, a form value or a
# raw path), to daily files `requests-YYYY-MM-DD.jsonl` in REQUEST_LOG_DIR or, unset, to standard error (journald).
# `purge_request_logs` deletes files older than REQUEST_LOG_RETENTION_DAYS (at least 183 days: six months).
REQUEST_LOG_DIR = env("REQUEST_LOG_DIR", default="")
REQUEST_LOG_RETENTION_DAYS = env.int("REQUEST_LOG_RETENTION_DAYS", default=365)
REQUEST_LOG_MIN_RETENTION_DAYS = 183
MIDDLEWARE.insert(0, "governance.request_log.RequestLogMiddleware")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe the app server directly, over plain HTTP

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "governance.request_log.RequestIdFilter"},
        "no_raw_path": {"()": "governance.request_log.NoRawPathFilter"},
    },
    "formatters": {"json": {"()": "governance.request_log.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json", "filters": ["request_id", "no_raw_path"]},
        "requests": (
            {
                "class": "governance.request_log.DailyFileHandler",
                "directory": REQUEST_LOG_DIR,
                "formatter": "json",
                "filters": ["request_id"],
            }
            if REQUEST_LOG_DIR
            else {"class": "logging.StreamHandler", "formatter": "json", "filters": ["request_id"]}
        ),
    },
    "loggers": {
        "wellfare.requests": {
            "handlers": ["requests"],
            "level": env("REQUEST_LOG_LEVEL", default="INFO"),
            "propagate": False,
        },
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
