"""Development: DEBUG on, a fixed dev-only secret key, e-mails printed to the console."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, env, env_bool

DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = env.get("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
EMAIL_BACKEND = env.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
INSTALLED_APPS = ["whitenoise.runserver_nostatic", *INSTALLED_APPS]
