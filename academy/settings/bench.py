"""The benchmark: production-like (no DEBUG, cached templates) on a local database, plus a bare view."""

import os

from .base import *  # noqa: F403
from .base import STORAGES

SECRET_KEY = os.environ.get("SECRET_KEY", "benchmark-only-insecure-key")  # noqa: S105
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "benchmarks.urls"
INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks"]  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WHITENOISE_USE_FINDERS = True
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
ALLOW_DEMO_CONTENT = True
LOGGING = {"version": 1, "disable_existing_loggers": True, "root": {"level": "CRITICAL", "handlers": []}}

# Keep the database connection between requests, as production does with PostgreSQL (base.py opens a new
# SQLite connection per request for the development server's threads).
DATABASES["default"]["CONN_MAX_AGE"] = 60  # noqa: F405
