"""Settings shared by every environment. Configuration comes only from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

env = os.environ.copy()

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    return env.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "daphne",  # first: `runserver` then serves WebSockets too (live sessions)
    "caching",
    "accounts",
    "home",
    "figures",
    "lessons",
    "quizzes",
    "workshops",
    "live",
    "attendance",
    "attestations",
    "convocations",
    "satisfaction",
    "reporting",
    "recall",
    "jobs",
    "django_tasks_db",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "csp",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    # Wagtail's admin writes times with humanize's `naturaltime` ("il y a 3 secondes"), whose
    # French is only loaded when the app is installed (else "3 seconds ago").
    "django.contrib.humanize",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.SiteCSPMiddleware",
    "config.middleware.PermissionsPolicyMiddleware",
    "config.middleware.RejectNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML compressed per response (the page cache keeps it plain). Against BREACH, Django
    # masks the CSRF token on every response and pads the gzip header at random.
    "django.middleware.gzip.GZipMiddleware",
    "caching.pagecache.AnonymousPageCacheMiddleware",
    "typography.french.FrenchTypographyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

# Security headers. The public site runs under a strict policy: no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],  # as X-Frame-Options says (see SiteCSPMiddleware)
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail marks its preview views as same-origin itself

# Login throttling for the site and the admin, counted in the database (every worker and server
# sees the same counts): per e-mail and address, and per address across accounts.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "workshops.backends.ModelBackend",  # also says whether the user is a trainer
]
AXES_ENABLED = True
# In the shared Redis cache when there is one; else in the database, which every process shares.
AXES_HANDLER = "accounts.throttling.AddressAwareHandler"
AXES_FAILURE_LIMIT = int(env.get("AXES_FAILURE_LIMIT", "5"))
AXES_USERNAME_CALLABLE = "accounts.throttling.username_from_credentials"
# Failures from one address on any accounts (password spraying), within the same 15 minutes;
# high enough for a room of learners behind one address.
LOGIN_ADDRESS_FAILURE_LIMIT = int(env.get("LOGIN_ADDRESS_FAILURE_LIMIT", "40"))
# Sign-ups an hour: from one address (a whole workshop room may sign up at once), and e-mails
# sent to one mailbox.
SIGNUP_LIMITS = {"per_ip": int(env.get("SIGNUP_LIMIT_PER_IP", "30")), "per_email": 3}
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"  # the e-mail, posted as "username" by both login forms
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
# The client's address, for every throttle and axes' records (caching.rate.client_address):
# PROXY_COUNT is the number of reverse proxies in front that append to X-Forwarded-For.
PROXY_COUNT = int(env.get("PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "caching.rate.client_address"

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "caching.context_processors.content_version",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

# Background work. Wagtail's own tasks (the reference index that usage reports and cache purges
# read) stay on "default" and run at once, as before. Long work (ZIPs and PDFs, e-mails, purges)
# goes to "background": a table of the database, which `manage.py run_worker` empties (`make run`
# starts one beside the site; production runs it as its own process).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# Jobs (their files) and the queue's finished rows are deleted this many days after they were
# made, by `manage.py purge_expired_data`.
JOB_RETENTION_DAYS = int(env.get("JOB_RETENTION_DAYS", "7"))

# Live sessions: the channel layer carries "something changed" between the app servers and the
# sockets. Redis when there is one (several ASGI servers share a session), else one process's
# memory (`make run`: runserver serves pages and sockets alike).
if env.get("REDIS_URL"):
    CHANNEL_LAYERS = {
        "default": {
            # channels_redis's layer, whose pool waits for a free connection rather than fail
            # (live.layers): a room reconnecting at once (a Wi-Fi blip) makes a thousand group
            # changes together, more than any number of connections worth opening.
            "BACKEND": "live.layers.RedisChannelLayer",
            "CONFIG": {
                "hosts": [
                    {
                        "address": env["REDIS_URL"],
                        "max_connections": 100,
                        # Each socket waits for its messages with a 5 s blocking pop: redis-py 8's
                        # default 5 s read timeout would end it (channels_redis issue 422).
                        "socket_timeout": 10,
                    }
                ],
                "prefix": f"{env.get('CACHE_KEY_PREFIX', 'atelier')}:live",
                # The messages to every socket of one server share one queue in Redis, whose
                # capacity this is (the default, 100, drops the rest): a room of 1,000 phones
                # on one server, each told of its answer, a question, a reconnection…
                "capacity": 10_000,
                # Longer than any workshop; each socket joins its groups again when it reconnects.
                "group_expiry": 12 * 3600,
            },
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
# Joins to a live session per IP address and minute (a room behind one address joins at once).
LIVE_JOINS_PER_MINUTE = int(env.get("LIVE_JOINS_PER_MINUTE", "120"))
# Codes typed or opened that lead to no open session, per IP address and minute: past it, every
# code from that address is refused for the minute, right or wrong (nobody finds codes by trying).
LIVE_WRONG_CODES_PER_MINUTE = int(env.get("LIVE_WRONG_CODES_PER_MINUTE", "30"))
# A live session ends by itself after this many minutes without a join, an answer or a control
# of the trainer, and at the end of its day (midnight, Paris); its results are recorded then.
LIVE_IDLE_MINUTES = int(env.get("LIVE_IDLE_MINUTES", "30"))

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env.get("CONN_MAX_AGE", "600")),
        # Off: no "SELECT 1" before each request's first query. A connection a database restart
        # broke fails one request (the French 503 page) and is then replaced.
        conn_health_checks=env_bool("DB_HEALTH_CHECKS"),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default serves a room (twenty phones writing at once): a transaction takes
    # the write lock when it begins, so writers queue instead of failing when one upgrades its
    # read lock ("database is locked"); they wait up to 20 s for it; and in WAL mode readers
    # never wait for the writer (NORMAL: durable at each checkpoint, safe against corruption).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
# Private pages and documents: the site's own sign-in and password forms, not Wagtail's bare ones.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "home/password_required.html"
WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE = "home/document_password_required.html"
LOGIN_REDIRECT_URL = "accounts:space"
LOGOUT_REDIRECT_URL = "/"

# A French site: no language negotiation (no LocaleMiddleware); the Wagtail admin still speaks
# each editor's chosen language.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français"))]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français"), ("en", "English")]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# "default" holds cached pages and template fragments: Redis when REDIS_URL is set (several app
# servers), else each process's memory. "shared" holds what every worker and server must read
# alike (the content generation, sign-up throttling): Redis, else a table of the database.
if env.get("REDIS_URL"):
    REDIS_CACHE = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": env["REDIS_URL"],
        "KEY_PREFIX": env.get("CACHE_KEY_PREFIX", "atelier"),
        "OPTIONS": {"IGNORE_EXCEPTIONS": True},
    }
    CACHES = {"default": REDIS_CACHE, "shared": REDIS_CACHE}
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "shared": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "caching_shared",
        },
    }

# Sessions live in the database; with a shared cache, they are also read from it (a memory cache
# of each process would let one server read a session another has changed or ended).
SESSION_ENGINE = (
    "caching.sessions" if env.get("REDIS_URL") else "django.contrib.sessions.backends.db"
)

EMAIL_BACKEND = env.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = int(env.get("EMAIL_TIMEOUT", "30"))  # a silent SMTP server must not hold the worker
DEFAULT_FROM_EMAIL = env.get(
    "DEFAULT_FROM_EMAIL", "Atelier Réseaux <ne-pas-repondre@atelier-reseaux.fr>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Quiz attempts made without an account, and live sessions' guests, are deleted after this many
# days (RGPD), by `manage.py purge_expired_data` (daily).
ANONYMOUS_ATTEMPT_RETENTION_DAYS = int(env.get("ANONYMOUS_ATTEMPT_RETENTION_DAYS", "30"))
# Sign-in records (e-mail, address, browser) and sign-ups never activated: run
# `manage.py purge_expired_data` daily. Expired sessions go at the same time.
LOGIN_RECORDS_RETENTION_DAYS = int(env.get("LOGIN_RECORDS_RETENTION_DAYS", "30"))
UNACTIVATED_ACCOUNT_RETENTION_DAYS = 7
# A trainer's invitation to a workshop: its personal link admits its addressee for this many
# days (the trainer can send it again); an expired one is deleted by the same daily purge.
INVITATION_VALID_DAYS = int(env.get("INVITATION_VALID_DAYS", "30"))
# The reminder of a day of sessions goes the day before, from this hour (Paris).
CONVOCATION_REMINDER_HOUR = int(env.get("CONVOCATION_REMINDER_HOUR", "10"))
# The "à froid" satisfaction questionnaire: e-mailed this many weeks after a workshop's last
# session; its personal link works this many days; one reminder after this many days.
SATISFACTION_COLD_WEEKS = int(env.get("SATISFACTION_COLD_WEEKS", "6"))
SATISFACTION_LINK_DAYS = int(env.get("SATISFACTION_LINK_DAYS", "30"))
SATISFACTION_REMINDER_DAYS = int(env.get("SATISFACTION_REMINDER_DAYS", "7"))
# Review of missed questions: the e-mail a learner asked for ("N questions à revoir
# aujourd'hui") goes from this hour (Paris), on the days some are due.
REVIEW_REMINDER_HOUR = int(env.get("REVIEW_REMINDER_HOUR", "8"))
# The admin's sign-in form, with its labels in French.
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.AdminLoginForm"
# Training evidence, kept after an account is deleted (a legal obligation), in whole years
# counted from 31 December of the year of the action's last payment (Workshop.last_payment_year,
# by default the year of its last session), as the certificate of completion says ("pendant une
# durée de trois ans à compter de la fin de l'année du dernier paiement"): attestations and
# certificates, with the learners' quiz attempts of the workshop (pseudonymised once their
# account is deleted), 3 years; attendance sheets, the certificates' proofs, 6 years and never
# fewer than the certificates.
CERTIFICATE_RETENTION_YEARS = int(env.get("CERTIFICATE_RETENTION_YEARS", "3"))
ATTENDANCE_RETENTION_YEARS = max(
    int(env.get("ATTENDANCE_RETENTION_YEARS", "6")), CERTIFICATE_RETENTION_YEARS
)

# Attestations and certificates are signed electronically (PAdES) with the training body's
# certificate when these name its PEM files (workshops.signing); unset, they are unsigned.
SIGNING_CERTIFICATE = env.get("SIGNING_CERTIFICATE", "")
SIGNING_KEY = env.get("SIGNING_KEY", "")
SIGNING_KEY_PASSWORD = env.get("SIGNING_KEY_PASSWORD", "")

# Attendance: a learner signs from a little before the session starts until a little after it
# ends; the trainer countersigns at its end. The room's code changes every ROOM_CODE_SECONDS.
SIGNING_OPENS_BEFORE_MINUTES = int(env.get("SIGNING_OPENS_BEFORE_MINUTES", "15"))
SIGNING_CLOSES_AFTER_MINUTES = int(env.get("SIGNING_CLOSES_AFTER_MINUTES", "15"))
COUNTERSIGNING_OPENS_BEFORE_END_MINUTES = 30
COUNTERSIGNING_CLOSES_AFTER_END_MINUTES = 120
ROOM_CODE_SECONDS = 30

WAGTAIL_SITE_NAME = "Atelier Réseaux"
# The site's public address (https://host in production): canonical links, the sitemap,
# e-mails and PDFs give it, never a request's Host header. `migrate` sets the default Wagtail
# Site to it (caching.addresses).
SITE_URL = env.get("SITE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = env.get("WAGTAILADMIN_BASE_URL", SITE_URL)
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "french"}
}
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "pptx", "odp", "txt", "csv"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # through Django, never straight from storage
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024  # Wagtail refuses larger uploads itself
# A document's file behind published content is replaced by a moderator only (lessons.documents).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "lessons.documents.DocumentForm"
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
TAGGIT_CASE_INSENSITIVE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Background tasks and page events are logged at INFO, one line each: too chatty.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},  # one line per step of every PDF
    },
}
