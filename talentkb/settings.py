"""Settings for talentkb, read from the environment.

Development needs nothing set: SQLite in the project folder, DEBUG on, a
throw-away secret key. Production sets SECRET_KEY, DEBUG=0, ALLOWED_HOSTS and
DATABASE_URL (PostgreSQL); `manage.py check --deploy` is then silent.
"""
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from None


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production-0123456789"
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost" if not DEBUG else "*")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_filters",
    "simple_history",
    "talentkb.vendor_apps.AxesConfig",  # axes, named in the editor's language
    "csp",
    "django_tasks",  # Django's Tasks API (django.tasks from 6.0), for long work: see TASKS below
    "talentkb.vendor_apps.TasksDatabaseConfig",  # django_tasks_db, its database queue; installed always, so the queue's tables exist
    # The layers, bottom up: each imports only those listed before it
    # (pyproject.toml, [tool.importlinter]); talentkb holds the public pages.
    "districts",
    "programs",
    "policies",
    "talentkb",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Public pages for anonymous visitors, whole (talentkb/pagecache.py): before the session,
    # CSRF and auth middleware, so that a hit skips them and a store sees the cookies they set.
    "talentkb.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # More files in one upload of the admin's add form than Django reads: the form again, with a
    # message. Read before the CSRF check reads the form (in process_view), where it would be a 400.
    "policies.admin.uploads.too_many_files",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as axes asks: it turns a login refused for lockout into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "talentkb.urls"
WSGI_APPLICATION = "talentkb.wsgi.application"

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
            ],
        },
    },
]

# SQLite in the project folder unless DATABASE_URL names another database.
DATABASES = {"default": dj_database_url.parse(os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}


def keep_connections(database: dict) -> None:
    """A PostgreSQL connection is kept for a minute between requests (CONN_MAX_AGE, in
    seconds; 0 opens one per request), checked before it is reused. Opening one costs
    a new server process, ~8 ms: at 150,000 articles it made a cached page's p95 87-118 ms
    instead of 14-26 (docs/performance.md). An SQLite file opens in microseconds."""
    postgres = database["ENGINE"] == "django.db.backends.postgresql"
    database["CONN_MAX_AGE"] = envint("CONN_MAX_AGE", 60 if postgres else 0)
    database["CONN_HEALTH_CHECKS"] = True


keep_connections(DATABASES["default"])
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Imports may run side by side (commands, the admin, jobs). SQLite's
    # default deferred transactions let two writers deadlock ("database is
    # locked"); IMMEDIATE ones queue for the write lock instead, waiting up to
    # the timeout (seconds).
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 30})
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL indexes Chinese (pg_trgm, tsvector) only in a UTF-8 database
    # with a UTF-8 ctype; the test database is copied from such a template,
    # which scripts/test.sh creates (template0, UTF8, C.UTF-8).
    DATABASES["default"]["TEST"] = {
        "TEMPLATE": os.environ.get("DATABASE_TEST_TEMPLATE", "talentkb_template"),
        "CHARSET": "UTF8",
    }
    # PostgreSQL's JIT compiler pays off in long analytical queries, not in a
    # page's: at 150,000 articles it spent 2.7 s compiling of the finder's 4.7 s
    # ranking (docs/performance.md, "Finder without the page cache").
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = f"{_options.get('options', '')} -c jit=off".strip()

# Nothing lives in an app server's memory that another server would need:
# sessions are rows of the database (Django's default session engine) and the
# caches are tables of it (CACHES, below; migrations policies 0010 and 0015), so
# any number of app servers can stand behind a load balancer
# (docs/deployment.md). A per-process memory cache would let one server serve
# what another has already changed.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# A read replica of PostgreSQL for the public pages (docs/deployment.md):
# their GETs read from it, every write and the staff side use the primary.
# Jobs must then run on the queue (TASKS_BACKEND=database), not inside a
# public request, where they would read back from the replica what they have
# just written on the primary.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(os.environ["DATABASE_REPLICA_URL"])
    keep_connections(DATABASES["replica"])
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    if DATABASES["replica"]["ENGINE"] == "django.db.backends.postgresql":
        _options = DATABASES["replica"].setdefault("OPTIONS", {})
        _options["options"] = f"{_options.get('options', '')} -c jit=off".strip()
    DATABASE_ROUTERS = ["talentkb.routers.ReadReplicaRouter"]
    MIDDLEWARE.insert(MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
                      "talentkb.routers.public_reads")

# Long work (importing a folder, re-extracting, building a large download) runs
# as a job (policies.jobs). By default in the process that asks for it, so that
# `make serve` needs nothing else; TASKS_BACKEND=database puts jobs on a queue
# in the database instead, which `manage.py db_worker` processes: any number of
# workers, on any number of machines sharing the database, take from one queue.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate")
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
if TASKS_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}, not {TASKS_BACKEND!r}")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND], "QUEUES": ["default"]}}
if "replica" in DATABASES and TASKS_BACKEND != "database":
    raise ImproperlyConfigured("DATABASE_REPLICA_URL needs TASKS_BACKEND=database: a job run inside a public "
                               "request would read from the replica what it has just written")

# Files built by jobs (large downloads), written under a temporary name and
# renamed when complete. With workers on several machines, a folder they and
# the app servers share.
JOB_FILES_DIR = Path(os.environ.get("JOB_FILES_DIR") or BASE_DIR / "job-files")
# Files jobs built are deleted this many hours after they were finished
# (when a new job starts, or by `manage.py prune_job_files`); a pruned
# download's page says so and the list builds it again on request.
JOB_FILES_MAX_AGE_HOURS = envint("JOB_FILES_MAX_AGE_HOURS", 24)
# A download of more rows than this is built as a file by a job and offered
# when complete; a smaller one streams at once (docs/api.md).
DOWNLOAD_STREAM_MAX_ROWS = envint("DOWNLOAD_STREAM_MAX_ROWS", 50_000)
# A large download asked for again within this many seconds of being built
# gets the same file rather than a new job.
DOWNLOAD_REUSE_SECONDS = envint("DOWNLOAD_REUSE_SECONDS", 600)

# The whole-page cache (talentkb/pagecache.py): anonymous GETs of the public pages, kept
# in a table of the database (shared by every app server), keyed by the data version so
# that any committed write makes every older entry unreachable. PAGE_CACHE=0 turns it off.
PAGE_CACHE = envbool("PAGE_CACHE", True)
PAGE_CACHE_SECONDS = envint("PAGE_CACHE_SECONDS", 600)
# The lists' counts and the districts' summaries kept per filter state and data version
# (talentkb/lists/counts.py): at most this many, so that a crawler cannot fill the table.
LIST_COUNTS_MAX_ENTRIES = envint("LIST_COUNTS_MAX_ENTRIES", 20_000)
PAGE_CACHE_TABLE = "talentkb_page_cache"  # created by the migration policies 0015
CACHES = {
    # In the database too (migration policies 0010_cache_table), so that app servers keep no state.
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "talentkb_cache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": PAGE_CACHE_TABLE,
        "TIMEOUT": PAGE_CACHE_SECONDS,
        # Past this many rows a store drops the expired ones, then a third of the rest.
        "OPTIONS": {"MAX_ENTRIES": envint("PAGE_CACHE_MAX_ENTRIES", 5000), "CULL_FREQUENCY": 3},
    },
}

# Axes counts failed logins and refuses a locked-out one before the model
# backend checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Brute-force protection (django-axes): after AXES_FAILURE_LIMIT wrong
# passwords for one username from one address, that pair is refused, even with
# the right password, for AXES_COOLOFF_MINUTES. Locking the pair rather than
# the username alone means a stranger cannot lock an editor out from elsewhere.
# Admins unlock in the admin (Axes → Access attempts) or with
# `manage.py axes_reset_username NAME`.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "errors/lockout.html"

# Content-Security-Policy (django-csp): everything from our own origin, no
# inline script or style (the templates keep both in static files), no
# plug-ins, no framing, forms posted only to us.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Chinese by default, English by a switch (the language cookie or /i18n/setlang/).
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# The largest article accepted, in bytes of its file (or of its pasted text in
# UTF-8), on every way in (policies.reading): a larger text is refused before it
# is read whole, rather than tying up a worker for minutes.
ARTICLE_MAX_BYTES = envint("ARTICLE_MAX_BYTES", 1024 * 1024)
# Uploads of announcements are read in memory and stored as text, never as
# files. The request may be somewhat larger than the article (form fields, and
# a pasted text that the reader then measures and refuses with a message).
DATA_UPLOAD_MAX_MEMORY_SIZE = 4 * ARTICLE_MAX_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE

if not DEBUG:
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Preloading is hard to undo (browsers keep the list for months): only
    # when the operator asks for it, after submitting the domain.
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
    SECURE_CONTENT_TYPE_NOSNIFF = True
    if not SECURE_HSTS_PRELOAD:
        # check --deploy warns (W021) when preload is off; off is our choice.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # Lockouts are logged ("AXES: Locking out …") whatever LOG_LEVEL says.
    "loggers": {"axes": {"level": "WARNING"}},
}
