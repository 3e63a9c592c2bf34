"""Tests: fast hashing, in-memory mail, no manifest needed. Only relaxes base."""

import os

from .base import *  # noqa: F403
from .base import CACHES, REDIS_URL, STORAGES

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_USE_FINDERS = True
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
ACCOUNT_RATE_LIMITS = False
ALLOW_DEMO_CONTENT = True
WHITENOISE_AUTOREFRESH = True

# Under pytest-xdist each worker clears the cache between tests: on Redis (`make test-production`) give
# every worker a database of its own (2, 3, …; 0 and 1 are the plain cache and the Celery broker).
_XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _XDIST_WORKER.startswith("gw"):
    CACHES["default"]["LOCATION"] = REDIS_URL.rsplit("/", 1)[0] + f"/{2 + int(_XDIST_WORKER[2:])}"
