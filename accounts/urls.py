from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profiel/", views.profile, name="profile"),
    path("profiel/gegevens/", views.data_export, name="data_export"),
    path("profiel/verwijderen/", views.delete_account, name="delete_account"),
    path("profiel/lidmaatschap/aanvragen/", views.membership_request, name="membership_request"),
    path("profiel/lidmaatschap/intrekken/", views.membership_withdraw, name="membership_withdraw"),
    path("profiel/lidmaatschap/opzeggen/", views.membership_leave, name="membership_leave"),
    path("uitnodiging/<str:token>/", views.membership_invitation, name="membership_invitation"),
    path(
        "aanvraag/<int:request_id>/goedkeuren/",
        views.membership_decide,
        {"approve": True},
        name="membership_approve",
    ),
    path(
        "aanvraag/<int:request_id>/afwijzen/",
        views.membership_decide,
        {"approve": False},
        name="membership_reject",
    ),
]
