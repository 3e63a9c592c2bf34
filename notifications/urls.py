from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("alles-gelezen/", views.mark_all_read, name="mark_all_read"),
    path("instellingen/", views.mail_preferences, name="preferences"),
    path("<int:notification_id>/open/", views.notification_open, name="open"),
]
