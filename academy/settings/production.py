"""Production: base plus the checks and hardening a deployment needs."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters in production."
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Secure cookies travel over https only; SECURE_COOKIES=false is for a local run over plain http
# (`make serve`), where a login would otherwise never keep its session.
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_REFERRER_POLICY = "same-origin"
# Administrators log in with an authenticator app: without one they are sent to its setup first.
MFA_REQUIRED_FOR_ADMINISTRATORS = True
# The client's address for the login limits per IP is the one the TLS proxy appends to X-Forwarded-For;
# otherwise every visitor would share the proxy's address and its limit.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))

# Redis as broker: a message a worker took but never acknowledged (the worker died) is handed to another
# worker after the visibility timeout. It must exceed the longest countdown of a retry, or a waiting task
# would be handed out twice. The socket timeouts keep a request from hanging on a broker that vanished.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "3600")),
    "socket_connect_timeout": 5,
    "socket_timeout": 30,
}
