"""Settings for Provenance: one module, driven by environment variables.

Every variable has a default that works on a fresh machine (SQLite under var/,
debug on). Production sets DEBUG=false, SECRET_KEY, ALLOWED_HOSTS and
DATABASE_URL; `.env.example` lists every variable read here.
"""

from __future__ import annotations

import os
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

# Lets classes that django-stubs types as generic (ModelAdmin[Label], ModelForm[Document]…)
# be subscripted at runtime too.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)
TESTING = "pytest" in sys.modules or env_bool("TESTING", False)
# Refuse model writes made by pages, tasks and commands outside an action
# (provenance/write_guard.py). On in tests and debug; production only if set.
WRITE_GUARD = env_bool("WRITE_GUARD", TESTING or DEBUG)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    # A fixed key is fine for a local, debug-only instance and keeps sessions across restarts.
    SECRET_KEY = "insecure-dev-key-only-for-local-debug-use-never-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The address the app is served on, for ids and links made outside a request (exports
# from the command line). Unset, a request's own address is used (provenance.site).
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks_db",
    "axes",
    # Listed so its docs page uses the Swagger UI files it ships (served as static files)
    # rather than loading them from a CDN.
    "ninja",
    "provenance",
    "audit",
    "accounts",
    "comparisons",
    "documents",
    "discovery",
    "annotations",
    "checks",
    "feeds",
    "alerts",
    "api",
]

MIDDLEWARE = [
    # First, so every write a request makes (views, other middleware) is watched.
    "provenance.write_guard.WriteGuardMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "provenance.site.RequestSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "accounts.idle.IdleTimeoutMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "api.middleware.ApiProblemMiddleware",
    # Near the end, as django-axes asks: it turns a refused sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
    # Last, so that it sees the views' exceptions first: a locked SQLite database is a 503
    # (a response axes then passes through unchanged).
    "provenance.busy.LockedDatabaseMiddleware",
]

if not DEBUG:
    # In production WhiteNoise serves the collected static files; runserver does it in debug.
    MIDDLEWARE.insert(2, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "provenance.urls"
WSGI_APPLICATION = "provenance.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "provenance.context_processors.roles",
            ],
        },
    },
]

VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))
# Everything this process creates is private to its user: the SQLite file and its WAL,
# uploads, collected files, logs (files 0600, directories 0700). Set here, the one module
# every entry point (manage.py, wsgi, the workers, tests) loads before touching a file.
os.umask(0o077)
# The default SQLite file (and test databases) live here; a fresh clone has no var/ yet.
VAR_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
# A var/ made before this rule (world-readable) is closed at once; its contents follow.
if VAR_DIR.stat().st_uid == os.getuid():
    VAR_DIR.chmod(0o700)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'provenance.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while the background worker writes.
    # synchronous=NORMAL is safe with WAL; tests skip fsync altogether.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        f"PRAGMA journal_mode=WAL; PRAGMA synchronous={'OFF' if TESTING else 'NORMAL'}"
    )
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
    # A writer waits this long for another to finish, then the request answers 503 with
    # Retry-After (provenance/busy.py). More than a few writers at once: use PostgreSQL.
    DATABASES["default"]["OPTIONS"]["timeout"] = float(
        os.environ.get("SQLITE_BUSY_TIMEOUT_SECONDS", "10")
    )
LOCKED_RETRY_AFTER_SECONDS = int(os.environ.get("LOCKED_RETRY_AFTER_SECONDS", "5"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if TESTING:
    # Personas are created for most tests; a fast hasher saves about a second each.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT failed sign-ins for one user
# name from one address, that pair is refused (even with the right password) for
# AXES_COOLOFF_MINUTES, counted again from each refused try. Its backend comes first
# and needs `request` in authenticate(); tests sign in with Client.force_login.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=float(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.lockout.locked_out"
# Behind AXES_PROXY_COUNT proxies the client's address (for lockouts and rate limits) is
# read from X-Forwarded-For, that many entries from the right; unset, only REMOTE_ADDR
# counts. Named CLIENT_PROXY_COUNT here: axes warns about its own old AXES_PROXY_COUNT.
CLIENT_PROXY_COUNT = (
    int(os.environ["AXES_PROXY_COUNT"]) if os.environ.get("AXES_PROXY_COUNT") else None
)
AXES_CLIENT_IP_CALLABLE = "accounts.client_ip.client_ip"

# A signed-in session ends after this many seconds without a request (0: never); see
# accounts/idle.py. SESSION_COOKIE_AGE still caps a session's whole life (two weeks).
SESSION_IDLE_TIMEOUT = int(os.environ.get("SESSION_IDLE_TIMEOUT", str(30 * 60)))
# Database sessions that skip a refresh when SQLite is locked (accounts/sessions.py).
SESSION_ENGINE = "accounts.sessions"

# Password-reset and invitation mail: printed in development, kept in memory in tests,
# sent by SMTP (EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS)
# otherwise. Django 6.1's MAILERS, which replaces the EMAIL_* settings.
_mail_backend = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.locmem.EmailBackend"
    if TESTING
    else "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
_smtp_options: dict[str, object] = {
    "host": os.environ.get("EMAIL_HOST", "localhost"),
    "port": int(os.environ.get("EMAIL_PORT", "25")),
    "username": os.environ.get("EMAIL_HOST_USER", ""),
    "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
    "use_tls": env_bool("EMAIL_USE_TLS", False),
    "timeout": 10,
}
MAILERS = {
    "default": {
        "BACKEND": _mail_backend,
        "OPTIONS": _smtp_options if _mail_backend.endswith("smtp.EmailBackend") else {},
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "provenance@localhost")
# How long an invitation or reset link works.
PASSWORD_RESET_TIMEOUT = int(os.environ.get("PASSWORD_RESET_TIMEOUT", str(3 * 24 * 3600)))
# Reset mail per address and per client address, in a window of this many seconds.
PASSWORD_RESET_PER_ADDRESS = int(os.environ.get("PASSWORD_RESET_PER_ADDRESS", "3"))
PASSWORD_RESET_PER_CLIENT = int(os.environ.get("PASSWORD_RESET_PER_CLIENT", "10"))
PASSWORD_RESET_RATE_WINDOW = int(os.environ.get("PASSWORD_RESET_RATE_WINDOW", "3600"))

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
# Django's defaults (0644) would ignore the umask for uploads.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

TASKS = {
    "default": {
        # Tests run tasks in-process unless they ask for the real worker.
        "BACKEND": os.environ.get(
            "TASKS_BACKEND",
            "django.tasks.backends.immediate.ImmediateBackend"
            if TESTING
            else "django_tasks_db.DatabaseBackend",
        ),
        "QUEUES": ["default"],
    }
}

# Uploads: the largest file we accept, in bytes (20 MB unless set).
UPLOAD_MAX_BYTES = int(os.environ.get("UPLOAD_MAX_BYTES", str(20 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = UPLOAD_MAX_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Comparisons of more words than this (both texts together) run on the background worker.
COMPARE_INLINE_MAX_WORDS = int(os.environ.get("COMPARE_INLINE_MAX_WORDS", "20000"))
# Background work (comparisons, indexing, imports) in flight with no heartbeat for this many
# seconds lost its worker: it is started again (see provenance/jobs.py).
JOB_STALE_AFTER_SECONDS = int(os.environ.get("JOB_STALE_AFTER_SECONDS", "900"))
# Workers (`manage.py run_worker`) record a heartbeat at most this often; /healthz calls a
# worker stale when its last beat is older than WORKER_STALE_AFTER_SECONDS (a worker busy
# with one long task beats only when it finishes it).
WORKER_BEAT_SECONDS = float(os.environ.get("WORKER_BEAT_SECONDS", "10"))
WORKER_STALE_AFTER_SECONDS = int(os.environ.get("WORKER_STALE_AFTER_SECONDS", "300"))
# URL fetching refuses loopback and private addresses unless this is on (tests only).
FETCH_ALLOW_PRIVATE = env_bool("FETCH_ALLOW_PRIVATE", False)
FETCH_TIMEOUT_SECONDS = float(os.environ.get("FETCH_TIMEOUT_SECONDS", "10"))
# The whole fetch of one URL, redirects and body included.
FETCH_DEADLINE_SECONDS = float(os.environ.get("FETCH_DEADLINE_SECONDS", "30"))
# Exact origins (scheme://host:port) fetched even though they are local: the demo's own
# feed and the feed tests' servers. Another port on the same host stays refused.
FETCH_ALLOW_ORIGINS = env_list("FETCH_ALLOW_ORIGINS")
# The demo feed (feeds.demo), served by the app itself from demo/feed/.
DEMO_FEED = env_bool("DEMO_FEED", False)
DEMO_FEED_STEP_SECONDS = int(os.environ.get("DEMO_FEED_STEP_SECONDS", "20"))
if (FETCH_ALLOW_ORIGINS or DEMO_FEED) and not DEBUG:
    raise ImproperlyConfigured(
        "FETCH_ALLOW_ORIGINS and DEMO_FEED are for the demo and tests; unset them in production."
    )
# Feeds (feeds/): the pause between two requests to one host, the failed polls in a row
# after which a feed is paused, the new entries read per poll, how often the worker looks
# for due feeds and how long one look may poll.
FEED_HOST_DELAY_SECONDS = float(os.environ.get("FEED_HOST_DELAY_SECONDS", "1"))
FEED_MAX_FAILURES = int(os.environ.get("FEED_MAX_FAILURES", "5"))
FEED_MAX_ENTRIES = int(os.environ.get("FEED_MAX_ENTRIES", "30"))
FEED_CHECK_SECONDS = int(os.environ.get("FEED_CHECK_SECONDS", "10"))
FEED_POLL_BUDGET_SECONDS = float(os.environ.get("FEED_POLL_BUDGET_SECONDS", "30"))

# Webhooks: how long one delivery attempt may take, and how many attempts before giving up
# (retried after 30 s, 2 min, 8 min, 32 min… in between).
WEBHOOK_TIMEOUT_SECONDS = float(os.environ.get("WEBHOOK_TIMEOUT_SECONDS", "10"))
WEBHOOK_MAX_ATTEMPTS = int(os.environ.get("WEBHOOK_MAX_ATTEMPTS", "5"))

# The API's budgets for expensive calls, per user: (calls, window in seconds).
API_RATE_LIMITS = {
    "fetch": (int(os.environ.get("API_RATE_FETCH", "20")), 3600),
    "discovery": (int(os.environ.get("API_RATE_DISCOVERY", "30")), 3600),
    "long_comparison": (int(os.environ.get("API_RATE_LONG_COMPARISON", "10")), 3600),
    "password": (int(os.environ.get("API_RATE_PASSWORD", "20")), 3600),
}

# The cache holds the API's rate-limit counters, so it must be one that every gunicorn
# process (and the next one after a restart) sees: the database's cache table by default
# (made by `migrate`, see api/apps.py), or CACHE_URL for a shared server such as Redis
# (redis://host:6379/0, which needs the `redis` package installed). Tests use each
# process's memory unless CACHE_URL is set: a transactional test's flush would not
# empty the cache table.
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    _cache: dict[str, Any] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": CACHE_URL,
    }
elif CACHE_URL.startswith("locmem://") or (TESTING and not CACHE_URL):
    _cache = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
elif CACHE_URL.startswith("db://") or not CACHE_URL:
    _cache = {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": CACHE_URL.removeprefix("db://") or "provenance_cache",
    }
else:
    raise ImproperlyConfigured(
        "CACHE_URL must start with redis://, rediss://, db:// or locmem:// "
        f"(got {CACHE_URL[:20]!r})."
    )
CACHES = {"default": _cache}

# Security: strict by default when not debugging; each can be relaxed by environment.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Same-origin keeps the Origin header on our own form posts (no-referrer makes Chromium send
# "Origin: null", which CSRF checking refuses) and sends nothing, token URLs included, elsewhere.
SECURE_REFERRER_POLICY = "same-origin"
# Our own page, in the site's look and plain words, when a form fails the CSRF check.
CSRF_FAILURE_VIEW = "provenance.own_pages.csrf_failure"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Content Security Policy, in debug too so that the browser tests meet the same one as
# production: scripts and styles only from our own files, never inline (no 'unsafe-inline'
# and no nonce: nothing needs one), nothing framed, forms posted only to us.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # Load balancers and supervisors probe over plain HTTP on the private side.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if env_bool("BEHIND_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # The handler's own level matters: Django's loggers propagate their INFO records to
    # the root, and (in debug) already print them once through Django's console handler.
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "level": os.environ.get("LOG_LEVEL", "WARNING"),
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# discovery
# Source discovery (the `discovery` app): fingerprint index, candidate ranking, thresholds.
# Word k-grams of the engine's comparison keys, winnowed with this window; changing
# either needs `manage.py reindex`. k=4, window 10 keeps ~93 postings per 600 words.
DISCOVERY_K = int(os.environ.get("DISCOVERY_K", "4"))
DISCOVERY_WINDOW = int(os.environ.get("DISCOVERY_WINDOW", "10"))
# A candidate is stored as a source when this share of the derivative was taken from it
# (derivative share plus paraphrased share, as the engine measures them).
DISCOVERY_THRESHOLD = float(os.environ.get("DISCOVERY_THRESHOLD", "0.2"))
# Below DISCOVERY_THRESHOLD, a text's single best candidate source is still stored when
# its reuse share reaches this and beats every other candidate (set it to the threshold
# or above to turn the rule off).
DISCOVERY_BEST_THRESHOLD = float(os.environ.get("DISCOVERY_BEST_THRESHOLD", "0.1"))
# Among releases, the best is kept from DISCOVERY_BEST_THRESHOLD only when it shares at
# least DISCOVERY_BEST_RELEASE_MARGIN times what any other release does (a same-subject
# release can come close to a story's own: too close to call names none).
DISCOVERY_BEST_RELEASE_MARGIN = float(os.environ.get("DISCOVERY_BEST_RELEASE_MARGIN", "1.5"))
DISCOVERY_TOP_CANDIDATES = int(os.environ.get("DISCOVERY_TOP_CANDIDATES", "5"))
# Besides those, the best-ranked releases (and statements) are always checked as sources,
# so that stories on one release, which share much with each other, cannot crowd it out.
DISCOVERY_TOP_RELEASES = int(os.environ.get("DISCOVERY_TOP_RELEASES", "3"))
# Later texts checked as derivatives of a new one: more than sources, since a release
# uploaded after its coverage must reach every story on it to become their origin (the
# real corpus has releases with 60 stories; only texts sharing grams or terms qualify).
DISCOVERY_TOP_DERIVATIVES = int(os.environ.get("DISCOVERY_TOP_DERIVATIVES", "100"))
DISCOVERY_MIN_SHARED = int(os.environ.get("DISCOVERY_MIN_SHARED", "2"))
# The second candidate source, for articles that paraphrase: each version stores its
# DISCOVERY_TERMS most distinctive content-word stems (in-document weight × rarity); a
# search looks up the article's DISCOVERY_QUERY_TERMS most distinctive ones. A version
# qualifies with DISCOVERY_MIN_SHARED fingerprints or DISCOVERY_MIN_TERMS terms; the
# ranking score is shared fingerprints + DISCOVERY_TERM_WEIGHT × shared terms.
DISCOVERY_TERMS = int(os.environ.get("DISCOVERY_TERMS", "32"))
DISCOVERY_QUERY_TERMS = int(os.environ.get("DISCOVERY_QUERY_TERMS", "60"))
DISCOVERY_MIN_TERMS = int(os.environ.get("DISCOVERY_MIN_TERMS", "3"))
DISCOVERY_TERM_WEIGHT = float(os.environ.get("DISCOVERY_TERM_WEIGHT", "1.0"))
# Keys (fingerprints or terms) held by more documents than this are boilerplate: no
# longer stored for new documents, and skipped by every search.
DISCOVERY_MAX_DF = int(os.environ.get("DISCOVERY_MAX_DF", "1000"))
DISCOVERY_MAX_ATTEMPTS = int(os.environ.get("DISCOVERY_MAX_ATTEMPTS", "3"))
# An index task claims up to this many pending uploads and indexes them in one
# transaction (the others' tasks then find them done and return at once).
DISCOVERY_INDEX_BATCH = int(os.environ.get("DISCOVERY_INDEX_BATCH", "200"))
# The `reports` role (a release a story reports without copying it): shared names and
# figures, each weighing ln(documents / documents holding its word), count from
# DISCOVERY_REPORTS_MIN_WEIGHT; the best release needs DISCOVERY_REPORTS_MIN_SCORE in
# all, DISCOVERY_REPORTS_MIN_ITEMS items and DISCOVERY_REPORTS_MIN_RATIO times the
# runner-up's score (calibrated on the real corpus: bench/reports_real.py).
DISCOVERY_REPORTS_MIN_WEIGHT = float(os.environ.get("DISCOVERY_REPORTS_MIN_WEIGHT", "2.0"))
# Subject words held by more documents than this count for nothing; a shared name or
# figure weighs DISCOVERY_REPORTS_ITEM_FACTOR times a subject word as rare.
DISCOVERY_REPORTS_MAX_TERM_DF = int(os.environ.get("DISCOVERY_REPORTS_MAX_TERM_DF", "50"))
DISCOVERY_REPORTS_ITEM_FACTOR = float(os.environ.get("DISCOVERY_REPORTS_ITEM_FACTOR", "1.5"))
DISCOVERY_REPORTS_MIN_SCORE = float(os.environ.get("DISCOVERY_REPORTS_MIN_SCORE", "50"))
DISCOVERY_REPORTS_MIN_RATIO = float(os.environ.get("DISCOVERY_REPORTS_MIN_RATIO", "3.0"))
DISCOVERY_REPORTS_MIN_ITEMS = int(os.environ.get("DISCOVERY_REPORTS_MIN_ITEMS", "2"))
if TESTING and DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory, so the db_worker subprocess of the integration test can open it;
    # the process id keeps parallel test runs on this tree apart.
    _test_db = VAR_DIR / f"test-{os.getpid()}.sqlite3"
    DATABASES["default"].setdefault("TEST", {})["NAME"] = str(_test_db)
    # Django deletes the test database but not WAL mode's companions; drop any left by
    # an earlier run that had this process id, so a new database never meets them.
    for _leftover in (Path(f"{_test_db}-wal"), Path(f"{_test_db}-shm")):
        _leftover.unlink(missing_ok=True)

# Article checks (checks/): the longest article accepted, how many candidate sources the
# engine compares, and the defaults of the admin-editable settings row (CheckSettings).
CHECK_MAX_CHARS = int(os.environ.get("CHECK_MAX_CHARS", "100000"))
# Checks one educator may start in an hour (a class link has its own allowance).
CHECK_HOURLY_LIMIT = int(os.environ.get("CHECK_HOURLY_LIMIT", "30"))
# Bounds on reading one document, enforced while it is read: its text's length, a PDF's
# pages, and the seconds a PDF may take.
EXTRACT_MAX_CHARS = int(os.environ.get("EXTRACT_MAX_CHARS", "1000000"))
PDF_MAX_PAGES = int(os.environ.get("PDF_MAX_PAGES", "500"))
EXTRACT_MAX_SECONDS = float(os.environ.get("EXTRACT_MAX_SECONDS", "5"))
CHECK_CANDIDATES = int(os.environ.get("CHECK_CANDIDATES", "5"))
CHECK_RETENTION_DAYS = int(os.environ.get("CHECK_RETENTION_DAYS", "30"))
CHECK_TOKEN_HOURLY_LIMIT = int(os.environ.get("CHECK_TOKEN_HOURLY_LIMIT", "60"))
