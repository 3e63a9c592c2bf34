from django.urls import path

from . import views

app_name = "programmes"

# Under /mijn/, beside the learner's own pages.
urlpatterns = [
    path("groepen/", views.group_list, name="groups"),
    path("groepen/<int:group_id>/", views.group_detail, name="group"),
    path("groepen/<int:group_id>/voortgang/", views.group_progress, name="group_progress"),
    path("groepen/<int:group_id>/voortgang.csv", views.group_progress_csv, name="group_progress_csv"),
    path("groepen/<int:group_id>/mededeling/", views.announcement_post, name="announcement"),
    path("bijeenkomsten/<int:meeting_id>/aanmelden/", views.meeting_register, name="register"),
    path("bijeenkomsten/<int:meeting_id>/afmelden/", views.meeting_unregister, name="unregister"),
    path("bijeenkomsten/<int:meeting_id>/aanwezigheid/", views.meeting_attendance, name="attendance"),
    path("bijeenkomsten/<int:meeting_id>.ics", views.meeting_ics, name="meeting_ics"),
    path("agenda/", views.calendar_settings, name="calendar"),
    path("agenda/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("inschrijven/", views.bulk_enrolment, name="bulk"),
]
