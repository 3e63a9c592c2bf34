from django.urls import path

from . import views

app_name = "feedback_round"

urlpatterns = [
    path("", views.rounds, name="rounds"),
    path("<int:round_id>/", views.report, name="report"),
    path("<int:round_id>/zelf/", views.self_rating, name="self"),
    path("<int:round_id>/delen/", views.share, name="share"),
    path("antwoord/<str:token>/", views.answer, name="answer"),
]
