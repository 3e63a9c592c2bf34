import re

import pytest

from accounts.factories import UserFactory
from collaborations import selectors, services
from collaborations.factories import collaboration_create, participant_add, round_answer_all, round_open
from collaborations.models import Action, Answer, Collaboration, Invitation, Participant, Remark
from questionnaires.forms import statement_field_name

BASE = "/samenwerkingsverbanden/"


@pytest.fixture
def client_regisseur(client, regisseur):
    client.force_login(regisseur)
    return client


def test_starting_a_collaboration_in_the_browser(client_regisseur, factors, regisseur):
    response = client_regisseur.post(
        BASE + "nieuw/", {"name": "Energiecoalitie", "sector": "energie", "start_date": "2026-01-05"}
    )
    collaboration = Collaboration.objects.get(name="Energiecoalitie")
    assert response.url == f"{BASE}{collaboration.pk}/"
    assert collaboration.regisseur == regisseur
    bad = client_regisseur.post(BASE + "nieuw/", {"name": "", "sector": "energie", "start_date": "gisteren"})
    assert bad.status_code == 400
    assert "gisteren" in bad.content.decode()


def test_another_users_collaboration_is_a_404_everywhere(client, collaboration, partners):
    round_ = round_open(collaboration=collaboration)
    invitation = services.participants_invite(
        partner=partners["Zorggroep"], by=collaboration.regisseur, emails=["x@example.org"]
    )[0]
    other_regisseur = UserFactory()
    collaboration_create(regisseur=other_regisseur, name="Ander verband")
    client.force_login(other_regisseur)
    pk = collaboration.pk
    for url in [
        f"{BASE}{pk}/",
        f"{BASE}{pk}/metingen/{round_.number}/",
        f"{BASE}{pk}/metingen/{round_.number}/stap/1/",
        f"{BASE}{pk}/acties/",
        f"{BASE}{pk}/metingen/{round_.number}/reset-agenda.pdf",
    ]:
        assert client.get(url).status_code == 404, url
    for url in [
        f"{BASE}{pk}/uitnodigen/",
        f"{BASE}{pk}/uitnodigingen/{invitation.pk}/intrekken/",
        f"{BASE}{pk}/metingen/",
        f"{BASE}{pk}/acties/",
    ]:
        assert client.post(url, {"emails": "y@example.org", "closes_on": "2099-01-01"}).status_code == 404, (
            url
        )
    assert Invitation.objects.get(pk=invitation.pk).withdrawn_at is None


def test_a_participant_who_is_not_the_regisseur_cannot_manage(client, collaboration, partners):
    participant = participant_add(partner=partners["Zorggroep"])
    client.force_login(participant.user)
    assert client.get(f"{BASE}{collaboration.pk}/").status_code == 200
    assert (
        client.post(f"{BASE}{collaboration.pk}/uitnodigen/", {"emails": "y@example.org"}).status_code == 404
    )


def test_malformed_addresses_come_back_and_the_valid_ones_are_invited(
    client_regisseur, collaboration, partners
):
    response = client_regisseur.post(
        f"{BASE}{collaboration.pk}/uitnodigen/",
        {
            "partner": partners["Zorggroep"].pk,
            "emails": "goed@example.org\nfout@@example\nook.goed@example.org",
        },
    )
    assert response.status_code == 200
    assert set(Invitation.objects.values_list("email", flat=True)) == {
        "goed@example.org",
        "ook.goed@example.org",
    }
    assert "fout@@example" in response.content.decode()


def test_joining_by_link_and_bad_links(client, collaboration, partners):
    user = UserFactory(email="nieuw@example.org")
    invitation = services.participants_invite(
        partner=partners["Zorggroep"], by=collaboration.regisseur, emails=[user.email]
    )[0]
    url = f"{BASE}uitnodiging/{services.invitation_token(invitation=invitation)}/"
    assert client.get(url).status_code == 200  # anonymous: log in or sign up
    stranger = UserFactory()
    client.force_login(stranger)
    assert client.post(url).status_code == 403
    client.force_login(user)
    assert client.post(url).url == f"{BASE}{collaboration.pk}/"
    assert Participant.objects.filter(user=user, partner=partners["Zorggroep"]).exists()
    assert client.get(url).status_code == 410  # used
    assert client.get(f"{BASE}uitnodiging/nonsense/").status_code == 404
    assert not Participant.objects.filter(user=stranger).exists()


def test_answering_a_step_with_a_remark_and_bad_input(client_regisseur, collaboration, regisseur):
    round_ = round_open(collaboration=collaboration)
    steps = selectors.round_steps(round_=round_)
    url = f"{BASE}{collaboration.pk}/metingen/{round_.number}/stap/1/"
    data = {statement_field_name(s): "4" for s in steps[0].statements}
    off_scale = {**data, statement_field_name(steps[0].statements[0]): "9"}
    assert client_regisseur.post(url, off_scale).status_code == 400
    foreign = {**data, statement_field_name(steps[1].statements[0]): "3"}
    assert client_regisseur.post(url, foreign).status_code == 400
    assert not Answer.objects.exists()

    response = client_regisseur.post(url, {**data, "remark": "Het contract knelt"})
    assert response.url.endswith("/stap/2/")
    assert Answer.objects.count() == len(steps[0].statements)
    assert Remark.objects.get().text == "Het contract knelt"
    again = client_regisseur.get(url).content.decode()
    assert len(re.findall(r'value="4"[^>]*checked', again)) == len(steps[0].statements)
    assert "Het contract knelt" in again

    services.round_close(round_=round_, by=regisseur)
    closed = client_regisseur.post(url, {**data, statement_field_name(steps[0].statements[0]): "1"})
    assert closed.status_code == 302
    assert set(Answer.objects.values_list("value", flat=True)) == {4}


def test_results_page_and_reset_agenda(client_regisseur, collaboration, partners, regisseur):
    round_ = round_open(collaboration=collaboration)
    own = Participant.objects.get(user=regisseur).partner
    for partner, count in ((own, 3), (partners["Zorggroep"], 3), (partners["Woonstichting"], 1)):
        people = list(Participant.objects.filter(partner=partner))
        people += [participant_add(partner=partner) for _ in range(count - len(people))]
        for person in people:
            round_answer_all(round_=round_, participant=person, value=4 if partner == own else 2)
    # An open round shows no results yet.
    assert client_regisseur.get(f"{BASE}{collaboration.pk}/metingen/1/").status_code == 302
    services.round_close(round_=round_, by=regisseur)
    page = client_regisseur.get(f"{BASE}{collaboration.pk}/metingen/1/").content.decode()
    assert 'class="heat-map"' in page
    assert "Woonstichting is hidden" in page or "Woonstichting is verborgen" in page
    pdf = client_regisseur.get(f"{BASE}{collaboration.pk}/metingen/1/reset-agenda.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_actions_are_editable_by_participants_with_an_overdue_marker(
    client, collaboration, partners, factors
):
    participant = participant_add(partner=partners["Zorggroep"])
    client.force_login(participant.user)
    url = f"{BASE}{collaboration.pk}/acties/"
    data = {
        "description": "Gezamenlijke casusbespreking",
        "factor": factors[3].pk,
        "partner": partners["Zorggroep"].pk,
        "due_date": "2020-01-01",
        "status": "open",
    }
    assert client.post(url, data).status_code == 302
    action = Action.objects.get()
    assert "overdue" in client.get(url).content.decode() or "te laat" in client.get(url).content.decode()
    other = collaboration_create(regisseur=UserFactory(), name="Ander")
    foreign_partner = other.partners.first()
    assert client.post(f"{url}{action.pk}/", {**data, "partner": foreign_partner.pk}).status_code == 400
    assert client.post(f"{url}{action.pk}/", {**data, "status": "klaar"}).status_code == 302
    assert Action.objects.get().done_at is not None


def test_coordinator_sees_the_organisations_collaborations_without_results(client, collaboration, regisseur):
    from accounts.models import User

    coordinator = UserFactory(organisation=regisseur.organisation, organisation_role=User.Role.COORDINATOR)
    client.force_login(coordinator)
    page = client.get(BASE).content.decode()
    assert collaboration.name in page
    assert client.get(f"{BASE}{collaboration.pk}/").status_code == 404


@pytest.mark.parametrize("people", [1, 8])
def test_the_regisseurs_overview_queries_do_not_grow(
    client_regisseur, collaboration, partners, people, django_assert_max_num_queries
):
    round_ = round_open(collaboration=collaboration)
    for partner in partners.values():
        for _ in range(people):
            round_answer_all(round_=round_, participant=participant_add(partner=partner))
        services.participants_invite(
            partner=partner,
            by=collaboration.regisseur,
            emails=[f"p{partner.pk}-{n}@example.org" for n in range(people)],
        )
    with django_assert_max_num_queries(20):
        page = client_regisseur.get(f"{BASE}{collaboration.pk}/")
    assert page.status_code == 200
    with django_assert_max_num_queries(8):
        assert client_regisseur.get(BASE).status_code == 200


def test_answering_resumes_where_the_participant_left_off(client_regisseur, collaboration, regisseur):
    round_ = round_open(collaboration=collaboration)
    participation = Participant.objects.get(user=regisseur)
    first = selectors.round_steps(round_=round_)[0]
    services.step_answer(
        round_=round_,
        participant=participation,
        statements=first.statements,
        answers={s.key: 3 for s in first.statements},
    )
    assert (
        f"/metingen/{round_.number}/stap/2/"
        in client_regisseur.get(f"{BASE}{collaboration.pk}/").content.decode()
    )


def test_erasing_an_account_keeps_the_answers_and_hands_over_the_lead(collaboration, partners, regisseur):
    from accounts.privacy import user_data_export, user_erase

    round_ = round_open(collaboration=collaboration)
    own = Participant.objects.get(user=regisseur)
    round_answer_all(round_=round_, participant=own)
    successor = participant_add(partner=partners["Zorggroep"])
    assert user_data_export(user=regisseur)["collaborations"]["participations"][0]["regisseur"] is True
    answers = Answer.objects.count()
    user_erase(user=regisseur)
    collaboration.refresh_from_db()
    assert collaboration.regisseur == successor.user
    assert Answer.objects.count() == answers
    assert Participant.objects.get(pk=own.pk).user is None


def test_trainers_edit_the_statement_set_in_the_cms(client, factors):
    from accounts.roles import TRAINERS
    from accounts.services import groups_ensure
    from collaborations.demo import _grant_cms_permissions, statements_seed

    statements_seed()
    groups_ensure()
    _grant_cms_permissions()
    trainer = UserFactory(organisation=None)
    from django.contrib.auth.models import Group

    trainer.groups.add(Group.objects.get(name=TRAINERS))
    client.force_login(trainer)
    listing = client.get("/admin/snippets/collaborations/collaborationstatement/")
    assert listing.status_code == 200
    assert "Ons gezamenlijke doel staat op papier" in listing.content.decode()
