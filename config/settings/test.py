"""Tests: fast hashing, no collectstatic, e-mails kept in memory."""

import os

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, STORAGES

SECRET_KEY = "test-only-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# As a site without Redis: pages in memory, the content generation in the database.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "caching_shared",
    },
}
# A public address other than the test client's host: nothing may take the request's.
SITE_URL = "https://atelier-reseaux.test"
WAGTAILADMIN_BASE_URL = SITE_URL
# Serve static files from the apps' folders, as in development, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Background tasks run at once, inside the request, so the test client sees their result; the
# worker itself is tested with real processes (tests/production).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
# Files the tests make (documents, jobs' results) stay out of the project's media folder.
MEDIA_ROOT = BASE_DIR / "tmp" / "media"

# Login throttling is tested on its own, with AXES_ENABLED switched back on.
AXES_ENABLED = False

# Live sessions: one process's channel layer (the production tests use Redis).
CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# Connections opened by the live sessions' worker threads close after each call, so that none
# outlives the test database (which PostgreSQL refuses to drop while one is open).
DATABASES["default"]["CONN_MAX_AGE"] = 0

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file, as `make run` has: the embedded default's locking and WAL are what is tested, and
    # concurrent connections (a second request, a live session's threads) really write at once.
    # One per run: two runs in one checkout never share it.
    (BASE_DIR / "tmp").mkdir(exist_ok=True)
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "tmp" / f"test-{os.getpid()}.sqlite3")}
