"""The collaboration the benchmark measures (`make benchmark`): 10 partners × 50 participants × 5
closed rounds, every statement answered (about 80,000 answers). Built once, reused afterwards."""

import random
from datetime import timedelta

from django.utils import timezone

from accounts.models import User

from .demo import statements_seed
from .models import Answer, Collaboration, CollaborationStatement, Participant, Partner, Round, RoundStatement

NAME = "Benchmark-samenwerkingsverband"
PARTNERS, PER_PARTNER, ROUNDS = 10, 50, 5


def benchmark_collaboration() -> Collaboration:
    existing = Collaboration.objects.filter(name=NAME).first()
    if existing is not None:
        return existing
    statements_seed()
    rng = random.Random(11)  # noqa: S311 (reproducible test data)
    people = [
        User.objects.get_or_create(email=f"samenwerking{n}@bench.example.org")[0]
        for n in range(PARTNERS * PER_PARTNER)
    ]
    now = timezone.now()
    collaboration = Collaboration.objects.create(name=NAME, sector="overig", regisseur=people[0])
    partners = Partner.objects.bulk_create(
        Partner(collaboration=collaboration, name=f"Partner {n + 1}") for n in range(PARTNERS)
    )
    participants = Participant.objects.bulk_create(
        Participant(collaboration=collaboration, partner=partners[n // PER_PARTNER], user=person)
        for n, person in enumerate(people)
    )
    statements = list(CollaborationStatement.objects.filter(is_active=True))
    for number in range(1, ROUNDS + 1):
        opened = now - timedelta(days=60 * (ROUNDS - number + 1))
        round_ = Round.objects.create(
            collaboration=collaboration,
            number=number,
            opened_at=opened,
            closes_on=(opened + timedelta(days=21)).date(),
            closed_at=opened + timedelta(days=21),
        )
        RoundStatement.objects.bulk_create(
            RoundStatement(
                round=round_, key=s.key, factor_id=s.factor_id, world=s.world, text=s.text,
                reverse_scored=s.reverse_scored, position=index,
            )
            for index, s in enumerate(statements)
        )  # fmt: skip
        Answer.objects.bulk_create(
            (
                Answer(
                    round=round_, participant=p, partner_id=p.partner_id, world=s.world, statement_key=s.key,
                    statement_text=s.text, factor_id=s.factor_id, reverse_scored=s.reverse_scored,
                    value=rng.choice([1, 2, 3, 4, 5, None]),
                )
                for p in participants
                for s in statements
            ),
            batch_size=5000,
        )  # fmt: skip
    return collaboration
