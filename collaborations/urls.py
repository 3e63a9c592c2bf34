from django.urls import path

from . import views

app_name = "collaborations"

urlpatterns = [
    path("", views.collaboration_list, name="list"),
    path("nieuw/", views.collaboration_start, name="start"),
    path("uitnodiging/<str:token>/", views.invitation, name="invitation"),
    path("<int:pk>/", views.collaboration_detail, name="detail"),
    path("<int:pk>/partners/", views.partner_add, name="partner_add"),
    path("<int:pk>/partners/<int:partner_id>/verwijderen/", views.partner_remove, name="partner_remove"),
    path("<int:pk>/uitnodigen/", views.participants_invite, name="invite"),
    path(
        "<int:pk>/uitnodigingen/<int:invitation_id>/opnieuw/",
        views.invitation_change,
        {"resend": True},
        name="invitation_resend",
    ),
    path(
        "<int:pk>/uitnodigingen/<int:invitation_id>/intrekken/",
        views.invitation_change,
        {"resend": False},
        name="invitation_withdraw",
    ),
    path("<int:pk>/regisseur/", views.regisseur_hand_over, name="hand_over"),
    path("<int:pk>/metingen/", views.round_open, name="round_open"),
    path("<int:pk>/metingen/<int:number>/", views.results, name="results"),
    path("<int:pk>/metingen/<int:number>/sluiten/", views.round_close, name="round_close"),
    path("<int:pk>/metingen/<int:number>/stap/<int:step_number>/", views.step, name="step"),
    path("<int:pk>/metingen/<int:number>/reset-agenda.pdf", views.reset_agenda_pdf, name="reset_agenda"),
    path("<int:pk>/acties/", views.actions, name="actions"),
    path("<int:pk>/acties/<int:action_id>/", views.actions, name="action_edit"),
]
