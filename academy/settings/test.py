"""Tests: fast hashing, in-memory mail, no manifest needed. Only relaxes base."""

from .base import *  # noqa: F403
from .base import STORAGES

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_USE_FINDERS = True
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
ACCOUNT_RATE_LIMITS = False
ALLOW_DEMO_CONTENT = True
WHITENOISE_AUTOREFRESH = True
