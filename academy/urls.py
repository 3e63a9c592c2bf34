import re

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from academy import views
from academy.storage import serve_public_media
from accounts import views as account_views
from cases import views as case_views
from courses import views as course_views
from home import views as home_views

urlpatterns = [
    path("healthz/", views.healthz, name="healthz"),
    path("django-admin/", admin.site.urls),
    # Before Wagtail's own login view, which would accept unlimited guesses: the CMS logs in via allauth.
    path("admin/login/", account_views.cms_login, name="cms_login"),
    # Wagtail's own login for private pages is Django's plain LoginView: no throttling, no second factor.
    path("_util/login/", account_views.site_login_redirect),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("taal/", set_language, name="set_language"),
    path("zoeken/", home_views.search, name="search"),
    path("mijn/meldingen/", include("notifications.urls")),
    path("feedbackronde/", include("feedback.urls")),
    path("mijn/", include("programmes.urls")),
    path("mijn/", include("courses.urls")),
    path("samenwerkingsverbanden/", include("collaborations.urls")),
    path("certificaat/<str:code>/", course_views.certificate_verify, name="certificate_verify"),
]

# Private files are served by views that check who asks: draft case images here, certificates under /mijn/.
urlpatterns += [path("bestanden/concept/<path:name>", case_views.draft_image, name="draft_image")]

if settings.DEBUG:
    # The development server serves public media, as the web server does in production; documents only
    # through Wagtail's document view (a download with a strict policy), private files never.
    urlpatterns += [
        re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$", serve_public_media)
    ]

urlpatterns += [path("", include(wagtail_urls))]

handler500 = "academy.views.server_error"
