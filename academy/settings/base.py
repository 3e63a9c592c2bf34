"""Settings safe for production: everything that differs per machine comes from the environment.

`dev` and `test` only relax these; `production` adds the checks a deployment needs.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
# Demo accounts have a published password: only the embedded and test settings allow them.
ALLOW_DEMO_CONTENT = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "academy",
    "accounts",
    "home",
    "successfactors",
    "courses",
    "modules",
    "handelingsrepertoire",
    "cases",
    "questionnaires",
    "fitnessscan",
    "collaborations",
    "packages",
    "notifications",
    "feedback",
    "programmes",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.PlatformUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_htmx",
    "template_partials",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Django's admin for superusers only, logging in through allauth (accounts/admin_site.py).
    "accounts.admin_site.SuperuserAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "academy.middleware.ResponseHeadersMiddleware",
    "academy.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "academy.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "academy.middleware.PreferredLanguageMiddleware",
    "academy.middleware.CachedSiteMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "accounts.middleware.AdministratorMFAMiddleware",
    # Last: it answers anonymous visitors from the cache, after the language, CSRF cookie and messages.
    "academy.pages.PageShellMiddleware",
]

ROOT_URLCONF = "academy.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "academy.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the development server and a test browser read while a request writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# Argon2 first (Django's recommendation); PBKDF2 stays so existing hashes verify and are rehashed at login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "accounts.validators.UserAttributeSimilarityValidator"},
    {"NAME": "accounts.validators.MinimumLengthValidator"},
    {"NAME": "accounts.validators.CommonPasswordValidator"},
    {"NAME": "accounts.validators.NumericPasswordValidator"},
]

# Django's and allauth's backends, with a cheaper way to load the logged-in user (accounts/backends.py).
AUTHENTICATION_BACKENDS = [
    "accounts.backends.ModelBackend",
    "accounts.backends.AuthenticationBackend",
]

# Accounts: login by e-mail address, no usernames.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
# Mandatory: organisation membership rests on confirmed addresses (accounts/services.py).
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
# The owner hears of every change to how they log in (password, address, two-factor), by e-mail.
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
# Counted in the shared cache (Redis in production), so they hold across workers and app servers.
# Tight per account: 5 failures per 5 minutes lock the address (a password reset lifts it). Generous
# per address: an office of hundreds of professionals logs in behind one public IP at nine o'clock, so
# every login POST may come from there (`login`) and typos add up (`login_failed` per ip).
ACCOUNT_RATE_LIMITS = {
    "login": "600/m/ip",
    "login_failed": "5/5m/key,120/m/ip,1000/h/ip",
}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/mijn/"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
# Two-factor authentication: an authenticator app (TOTP) plus recovery codes, no WebAuthn. Trainer and
# administrator accounts are made in the CMS without an allauth-verified address; they must still be able
# to enrol. Production requires it of administrators (accounts/middleware.py).
MFA_ADAPTER = "accounts.adapter.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Academie voor Samenwerken"
MFA_ALLOW_UNVERIFIED_EMAIL = True
MFA_REQUIRED_FOR_ADMINISTRATORS = False

# Internationalisation: Dutch first, English second.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
WAGTAIL_CONTENT_LANGUAGES = [("nl", "Nederlands")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Private files (certificates, images of unpublished cases) live apart from MEDIA_ROOT, which the web server
# serves to anyone; views that check permission serve them (academy/storage.py). Empty: "private-media"
# next to MEDIA_ROOT.
PRIVATE_MEDIA_ROOT = os.environ.get("PRIVATE_MEDIA_ROOT", "")
# Behind nginx: the `internal` location that maps to PRIVATE_MEDIA_ROOT (e.g. "/_private/"), so that nginx
# sends the bytes after the view's check (X-Accel-Redirect). Empty: the view streams the file itself.
PRIVATE_MEDIA_ACCEL_PREFIX = os.environ.get("PRIVATE_MEDIA_ACCEL_PREFIX", "")
STORAGES = {
    "default": {"BACKEND": "academy.storage.MediaStorage"},
    "private": {"BACKEND": "academy.storage.PrivateStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Cache: Redis when configured, otherwise the process's own memory. Redis failures fail open
# (a page renders uncached) rather than turning into errors.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "academy.cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "TIMEOUT": 60 * 60,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "academy",
            "TIMEOUT": 60 * 60,
        }
    }

# Celery: a real broker when one is configured, otherwise tasks run eagerly in-process.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 120
CELERY_TASK_SOFT_TIME_LIMIT = 90
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE = {
    "inactivity-reminders": {
        "task": "courses.tasks.send_inactivity_reminders",
        "schedule": crontab(hour=9, minute=0),
    },
    "collaboration-rounds-close": {
        "task": "collaborations.tasks.close_due_rounds",
        "schedule": crontab(hour=0, minute=15),
    },
}

# The collaboration scan shows a partner's scores only when at least this many of its participants
# answered (k-anonymity); fewer count only in the collaboration's total.
COLLABORATION_MIN_RESPONDENTS = int(os.environ.get("COLLABORATION_MIN_RESPONDENTS", "3"))

# Mail: EMAIL_URL style configuration kept simple; the embedded mode prints to the console.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Academie voor Samenwerken <noreply@example.org>")

# Wagtail
WAGTAIL_SITE_NAME = "Academie voor Samenwerken"
# The site's public address, the one setting for every absolute link outside a request: certificates,
# instrument sheet PDFs, e-mails, the CMS's own e-mails and the Wagtail Site record (`make run` sets it from
# PORT). WAGTAILADMIN_BASE_URL is still read as the older name.
SITE_URL = (
    os.environ.get("SITE_URL") or os.environ.get("WAGTAILADMIN_BASE_URL") or "http://127.0.0.1:8000"
).rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
# Submission mails go to the groups of the approval task (moderators and administrators) only: with
# superusers added, an administrator got one mail for the workflow and a second one for its task.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_FINDERS = []
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
# Read from the header before any pixel is decoded: a few kilobytes of PNG can claim 36 megapixels, which
# cost a second of CPU and 170 MB to decode (the same limit as the case upload, cases/uploads.py).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 16_000_000
# Saves of the case share form (each may carry an image upload) per member per hour (cases/services.py).
CASE_SAVES_PER_HOUR = 30
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_I18N_ENABLED = False
# Documents: only office formats, always downloaded (never shown inline from the site's origin), through
# Wagtail's view, never straight from /media/documents/. Our sendfile backend adds a policy under which
# nothing in a document can run; Wagtail's own header (without `sandbox`) would replace it.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# One way in: the CMS logs in through allauth's form (and its throttling, MFA and password reset).
WAGTAILADMIN_LOGIN_URL = "cms_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
# Wagtail's account page would change the address without allauth's confirmation: addresses change in allauth.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
# mp4 and webm: the lesson's video block plays an uploaded video through the same view.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "txt", "csv", "mp4", "webm"]
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = False
SENDFILE_BACKEND = "academy.storage"

SESSION_COOKIE_HTTPONLY = True
# Sessions live in the database: one indexed query per logged-in request. Reading them from the cache
# would cost a cache round trip, and a page's budget is one (academy/pages.py).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
CSRF_FAILURE_VIEW = "academy.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
# SAMEORIGIN, not DENY: Wagtail's live preview shows the page in a frame of the admin (a page of our
# own origin), which DENY would blank. Django's deploy check warns about anything but DENY (W019); it
# is silenced because SAMEORIGIN is what the preview needs and no other origin may frame us: the CSP's
# `frame-ancestors 'self'` below says the same to browsers that read it.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# Content-Security-Policy (django-csp 4; academy.middleware.ContentSecurityPolicyMiddleware). The public
# site has no inline script, no event-handler attribute and no style attribute: everything comes from
# our own static files. Nonces are not used: pages are cached as shells (academy/shell.py), and a nonce
# kept in a cached shell would be the same for every visitor. `data:` images (they cannot run script)
# are allowed for small inline icons.
_CSP_COMMON = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {**_CSP_COMMON, "script-src": ["'self'"], "style-src": ["'self'"]},
}
# The Wagtail admin (and Django's) still write inline scripts and style attributes, so under /admin/
# the middleware uses this policy instead: inline code is allowed there, only for logged-in editors,
# on pages that are never cached as shells. `blob:` is for the image previews of uploads.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **_CSP_COMMON,
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
    },
}
# Browser features the academy never uses, refused for it and anything it embeds (Permissions-Policy).
PERMISSIONS_POLICY_DISABLED_FEATURES = [
    "accelerometer",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "usb",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
