from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.factories import UserFactory
from collaborations import selectors, services
from collaborations.factories import participant_add, round_answer_all, round_open
from collaborations.models import Answer, CollaborationStatement, Invitation, Participant, Partner, Round


def test_starting_makes_the_regisseur_a_participant_of_their_own_organisation(collaboration, regisseur):
    participation = Participant.objects.get(collaboration=collaboration, user=regisseur)
    assert participation.partner.organisation == regisseur.organisation
    assert collaboration.partners.count() == 3


def test_only_the_regisseur_adds_partners(collaboration, partners):
    other = participant_add(partner=partners["Zorggroep"])
    with pytest.raises(services.CollaborationError):
        services.partner_add(collaboration=collaboration, by=other.user, name="Nog een partner")
    with pytest.raises(services.CollaborationError):
        services.partner_add(collaboration=collaboration, by=collaboration.regisseur, name="zorggroep")


def test_invitations_are_mailed_after_commit_once_per_address(
    collaboration, partners, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitations = services.participants_invite(
            partner=partners["Zorggroep"],
            by=collaboration.regisseur,
            emails=["a@example.org", "A@example.org ", "b@example.org"],
        )
    assert len(invitations) == 2
    assert len(mailoutbox) == 2
    assert "/samenwerkingsverbanden/uitnodiging/" in mailoutbox[0].body
    again = services.participants_invite(
        partner=partners["Zorggroep"], by=collaboration.regisseur, emails=["a@example.org"]
    )
    assert again == []


def _invitation(collaboration, partner, email):
    (invitation,) = services.participants_invite(partner=partner, by=collaboration.regisseur, emails=[email])
    return invitation, services.invitation_token(invitation=invitation)


def test_accepting_joins_once_for_the_invited_address(collaboration, partners):
    user = UserFactory(email="invited@example.org")
    invitation, token = _invitation(collaboration, partners["Zorggroep"], user.email)
    participant = services.invitation_accept(user=user, token=token)
    assert participant.partner == partners["Zorggroep"]
    with pytest.raises(services.InvitationRefused, match="already been used"):
        services.invitation_accept(user=user, token=token)


def test_someone_elses_withdrawn_or_expired_link_joins_nothing(collaboration, partners):
    stranger = UserFactory(email="stranger@example.org")
    invitation, token = _invitation(collaboration, partners["Zorggroep"], "invited@example.org")
    with pytest.raises(services.InvitationRefused) as refused:
        services.invitation_accept(user=stranger, token=token)
    assert refused.value.status == 403

    services.invitation_withdraw(invitation=invitation, by=collaboration.regisseur)
    with pytest.raises(services.InvitationRefused, match="withdrawn"):
        services.invitation_for_token(token=token)

    old, old_token = _invitation(collaboration, partners["Woonstichting"], "old@example.org")
    Invitation.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    with pytest.raises(services.InvitationRefused, match="expired"):
        services.invitation_for_token(token=old_token)
    with pytest.raises(services.InvitationRefused, match="not valid"):
        services.invitation_for_token(token=old_token[:-3] + "xyz")
    assert not Participant.objects.filter(user=stranger).exists()


def test_resending_replaces_the_link(collaboration, partners):
    invitation, token = _invitation(collaboration, partners["Zorggroep"], "invited@example.org")
    fresh = services.invitation_resend(invitation=invitation, by=collaboration.regisseur)
    with pytest.raises(services.InvitationRefused):
        services.invitation_for_token(token=token)
    assert services.invitation_for_token(token=services.invitation_token(invitation=fresh)).pk == fresh.pk


def test_a_round_keeps_the_statements_it_was_opened_with(collaboration):
    round_ = round_open(collaboration=collaboration)
    statement = CollaborationStatement.objects.first()
    statement.text = "Een andere tekst"
    statement.save()
    assert not round_.statements.filter(text="Een andere tekst").exists()
    assert round_.statements.count() == CollaborationStatement.objects.count()
    with pytest.raises(services.CollaborationError):
        round_open(collaboration=collaboration)


def test_answers_off_the_scale_or_in_a_closed_round_store_nothing(collaboration, regisseur):
    round_ = round_open(collaboration=collaboration)
    participation = Participant.objects.get(user=regisseur)
    step = selectors.round_steps(round_=round_)[0]
    with pytest.raises(ValueError):
        services.step_answer(
            round_=round_,
            participant=participation,
            statements=step.statements,
            answers={step.statements[0].key: 7},
        )
    assert not Answer.objects.exists()
    services.round_close(round_=round_, by=regisseur)
    with pytest.raises(services.CollaborationError, match="closed"):
        services.step_answer(
            round_=round_,
            participant=participation,
            statements=step.statements,
            answers={step.statements[0].key: 3},
        )
    assert not Answer.objects.exists()


def test_one_answer_per_statement_even_when_saved_twice(collaboration, regisseur):
    round_ = round_open(collaboration=collaboration)
    participation = Participant.objects.get(user=regisseur)
    round_answer_all(round_=round_, participant=participation, value=2)
    round_answer_all(round_=round_, participant=participation, value=5)
    assert Answer.objects.count() == round_.statements.count()
    assert set(Answer.objects.values_list("value", flat=True)) == {5}
    answer = Answer.objects.first()
    answer.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        answer.save()


def test_removing_a_partner_with_answers_archives_it(collaboration, partners):
    round_ = round_open(collaboration=collaboration)
    participant = participant_add(partner=partners["Zorggroep"])
    round_answer_all(round_=round_, participant=participant)
    assert services.partner_remove(partner=partners["Zorggroep"], by=collaboration.regisseur) == "archived"
    assert Answer.objects.filter(partner=partners["Zorggroep"]).exists()
    assert services.partner_remove(partner=partners["Woonstichting"], by=collaboration.regisseur) == "deleted"
    assert not Partner.objects.filter(name="Woonstichting").exists()


def test_rounds_close_at_their_date(collaboration):
    round_ = round_open(collaboration=collaboration, days=1)
    assert services.rounds_close_due(today=timezone.localdate() + timedelta(days=1)) == 0
    assert services.rounds_close_due(today=timezone.localdate() + timedelta(days=2)) == 1
    assert Round.objects.get(pk=round_.pk).closed_at is not None


def test_the_regisseur_role_can_be_handed_over(collaboration, partners):
    successor = participant_add(partner=partners["Zorggroep"])
    services.regisseur_hand_over(
        collaboration=collaboration, by=collaboration.regisseur, participant=successor
    )
    collaboration.refresh_from_db()
    assert collaboration.regisseur == successor.user
