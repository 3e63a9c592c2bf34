from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("organisatie/", views.organisation_progress, name="organisation"),
    path("organisatie/voortgang.csv", views.organisation_progress_csv, name="organisation_csv"),
    path("cursus/<int:course_id>/inschrijven/", views.enrol, name="enrol"),
    path("cursus/<int:course_id>/uitschrijven/", views.leave, name="leave"),
    path("cursus/<int:course_id>/verder/", views.continue_course, name="continue"),
    path("les/<int:item_id>/afronden/", views.complete_item, name="complete"),
    path("herinneringen-uit/<str:token>/", views.reminders_off, name="reminders_off"),
    path("certificaat/<str:code>.pdf", views.certificate_download, name="certificate_download"),
    path("reflectie/<int:lesson_id>/<str:block_id>/", views.save_reflection, name="reflection"),
    path("journaal/<int:entry_id>/reactie/", views.journal_reply, name="journal_reply"),
]
