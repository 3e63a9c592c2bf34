from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from academy import views
from accounts import views as account_views
from courses import views as course_views
from home import views as home_views

urlpatterns = [
    path("healthz/", views.healthz, name="healthz"),
    path("django-admin/", admin.site.urls),
    # Before Wagtail's own login view, which would accept unlimited guesses: the CMS logs in via allauth.
    path("admin/login/", account_views.cms_login, name="cms_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("taal/", set_language, name="set_language"),
    path("zoeken/", home_views.search, name="search"),
    path("mijn/", include("courses.urls")),
    path("certificaat/<str:code>/", course_views.certificate_verify, name="certificate_verify"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler500 = "academy.views.server_error"
