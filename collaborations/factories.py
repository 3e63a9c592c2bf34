"""Test data for the collaboration scan: a collaboration with partners, participants and rounds."""

from datetime import timedelta

from django.utils import timezone

from accounts.factories import UserFactory

from . import selectors, services
from .demo import statements_seed
from .models import Participant, Partner


def collaboration_create(*, regisseur, partners=("Zorggroep", "Woonstichting"), name="Wijkteams"):
    """A collaboration led by `regisseur`, with named outside partners besides the regisseur's own."""
    statements_seed()
    collaboration = services.collaboration_start(
        regisseur=regisseur, name=name, sector="sociaal-domein", start_date=timezone.localdate()
    )
    for partner_name in partners:
        services.partner_add(collaboration=collaboration, by=regisseur, name=partner_name)
    return collaboration


def participant_add(*, partner: Partner, user=None) -> Participant:
    return Participant.objects.create(
        collaboration=partner.collaboration, partner=partner, user=user or UserFactory()
    )


def round_answer_all(*, round_, participant, value: int | None = 4, values_by_world: dict | None = None):
    """Answers every step of a round with the same value (or one per world)."""
    for step in selectors.round_steps(round_=round_):
        answers = {s.key: (values_by_world or {}).get(s.world, value) for s in step.statements}
        services.step_answer(
            round_=round_, participant=participant, statements=step.statements, answers=answers
        )


def round_open(*, collaboration, days: int = 14):
    return services.round_open(
        collaboration=collaboration,
        by=collaboration.regisseur,
        closes_on=timezone.localdate() + timedelta(days=days),
    )
