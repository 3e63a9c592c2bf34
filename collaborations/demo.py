"""The demo collaboration (example content): "Wijkteams Rivierstad" between Gemeente Rivierstad, a
care provider and a housing corporation, two closed rounds with visible gaps, an action list and an
open third round for the demo professional, who is its regisseur. The statement set comes from
demo_data/statements.json; the answers are generated from a profile per partner (seeded, so every
run gives the same demo)."""

import json
import random
from datetime import timedelta
from pathlib import Path

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from accounts.models import Organisation, Sector, User
from accounts.roles import ADMINISTRATORS, TRAINERS
from successfactors.models import SuccessFactor

from .models import (
    Action,
    Answer,
    Collaboration,
    CollaborationStatement,
    Participant,
    Partner,
    Remark,
    Round,
    RoundStatement,
    World,
)

DATA = Path(__file__).parent / "demo_data" / "statements.json"
NAME = "Wijkteams Rivierstad"
DESCRIPTION = (
    "De gemeente, de zorgaanbieder en de woningcorporatie werken sinds 2024 samen in vier wijkteams. "
    "De afspraken staan op papier, maar in de wijk loopt het stroef: casussen blijven liggen tussen de "
    "organisaties en het vertrouwen is broos. Met de Samenwerkingsscan zoeken de partners uit waar het "
    "vastzit. (Voorbeeldinhoud.)"
)
CARE_PROVIDER = "Zorggroep De Oever (voorbeeld)"
HOUSING = "Woonstichting Rivierland (voorbeeld)"

# Demo participants per partner: (e-mail, first name, last name). Two for the housing corporation:
# fewer than k = 3, so its scores stay hidden and count only in the total.
PEOPLE = {
    "gemeente": [
        ("wijkteam.gemeente1@example.org", "Yusuf", "Demir"),
        ("wijkteam.gemeente2@example.org", "Linda", "Kok"),
        ("wijkteam.gemeente3@example.org", "Pieter", "Smit"),
    ],
    "zorg": [
        ("wijkteam.zorg1@example.org", "Ingrid", "Visser"),
        ("wijkteam.zorg2@example.org", "Mohamed", "El Amrani"),
        ("wijkteam.zorg3@example.org", "Anouk", "de Boer"),
        ("wijkteam.zorg4@example.org", "Ruud", "Meijer"),
    ],
    "wonen": [
        ("wijkteam.wonen1@example.org", "Esther", "Bos"),
        ("wijkteam.wonen2@example.org", "Kees", "Mulder"),
    ],
}

# The mean answer (1–5, as it counts) per partner, round, factor and world: the gemeente trusts its
# agreements, the care provider misses trust and a clear way of deciding; round 2 improved on trust
# and conflict after the reset meeting, continuity got worse.
BASE = {"gemeente": (3.9, 3.1), "zorg": (3.0, 3.4), "wonen": (3.2, 3.0)}
ACCENTS = {
    1: {
        "gemeente": {8: (4.6, 2.0), 6: (3.8, 2.4)},
        "zorg": {3: (3.1, 1.8), 5: (1.9, 2.6), 6: (2.8, 2.0)},
        "wonen": {8: (3.0, 2.2)},
    },
    2: {
        "gemeente": {8: (4.4, 2.8), 6: (3.9, 3.2), 7: (3.3, 2.6)},
        "zorg": {3: (3.2, 2.9), 5: (2.6, 2.8), 6: (3.0, 2.9), 7: (2.6, 2.4)},
        "wonen": {8: (3.2, 2.8)},
    },
}

REMARKS = {
    1: [
        (3, "Ik weet vaak niet wie ik bij de gemeente moet bellen; het loopt via te veel schijven."),
        (3, "Vertrouwen is er wel tussen de mensen in de wijk, maar niet tussen de organisaties."),
        (5, "Besluiten over een casus blijven hangen tussen het wijkteam en de afdeling inkoop."),
        (6, "Bij onenigheid over de indicatie krijgen we een brief in plaats van een telefoontje."),
        (8, "Het contract is helder, maar in de wijk werkt niemand ermee."),
    ],
    2: [
        (3, "Sinds de gezamenlijke casusbespreking bel ik de gemeente gewoon zelf."),
        (6, "De escalatieladder helpt: we lossen het nu vaker aan tafel op."),
        (7, "Twee vaste gezichten zijn vertrokken en we merken meteen dat het stroever gaat."),
    ],
}

ACTIONS = [
    ("Maandelijkse gezamenlijke casusbespreking per wijk", 3, "zorg", 40, Action.Status.DONE),
    ("Escalatieladder opstellen en bespreken in het kernteam", 6, "gemeente", 60, Action.Status.DONE),
    ("Beslisroute voor spoedcasussen vastleggen", 5, "gemeente", 90, Action.Status.BUSY),
    ("Inwerkprogramma voor nieuwe wijkteamleden van alle partners", 7, "zorg", -14, Action.Status.OPEN),
    ("Contractafspraken vertalen naar een werkkaart voor de wijk", 8, "wonen", 30, Action.Status.OPEN),
]


def statements_seed() -> int:
    """The statement set of the scan (once; trainers edit it in the CMS afterwards)."""
    if CollaborationStatement.objects.exists():
        return 0
    data = json.loads(DATA.read_text(encoding="utf-8"))["statements"]
    factors = {f.number: f for f in SuccessFactor.objects.all()}
    rows = []
    for number, worlds in data.items():
        for world, statements in worlds.items():
            for order, (text, reverse) in enumerate(statements):
                rows.append(
                    CollaborationStatement(
                        factor=factors[int(number)],
                        world=world,
                        text=text,
                        reverse_scored=reverse,
                        sort_order=order,
                    )
                )
    CollaborationStatement.objects.bulk_create(rows)
    return len(rows)


def _grant_cms_permissions() -> None:
    codenames = [f"{action}_collaborationstatement" for action in ("add", "change", "delete", "view")]
    permissions = Permission.objects.filter(content_type__app_label="collaborations", codename__in=codenames)
    for group in Group.objects.filter(name__in=[TRAINERS, ADMINISTRATORS]):
        group.permissions.add(*permissions)


def _user(email, first, last, organisation) -> User:
    from accounts.demo import DEMO_PASSWORD, _verify_email

    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email, first_name=first, last_name=last, organisation=organisation)
        user.set_password(DEMO_PASSWORD)
        user.save()
        _verify_email(user)
    return user


def _round_copy(round_: Round, statements) -> list[RoundStatement]:
    return RoundStatement.objects.bulk_create(
        RoundStatement(
            round=round_,
            key=s.key,
            factor_id=s.factor_id,
            world=s.world,
            text=s.text,
            reverse_scored=s.reverse_scored,
            position=index,
        )
        for index, s in enumerate(statements)
    )


def _answers(round_: Round, statements, participants_by_key, factors_by_id, rng) -> list[Answer]:
    rows = []
    for key, participants in participants_by_key.items():
        for participant in participants:
            for statement in statements:
                number = factors_by_id[statement.factor_id].number
                blue, orange = ACCENTS[round_.number].get(key, {}).get(number, BASE[key])
                mean = blue if statement.world == World.BLUE else orange
                counted = min(5, max(1, round(rng.gauss(mean, 0.6))))
                value = (
                    None if rng.random() < 0.04 else (6 - counted if statement.reverse_scored else counted)
                )
                rows.append(
                    Answer(
                        round=round_,
                        participant=participant,
                        partner_id=participant.partner_id,
                        world=statement.world,
                        statement_key=statement.key,
                        statement_text=statement.text,
                        factor_id=statement.factor_id,
                        reverse_scored=statement.reverse_scored,
                        value=value,
                        answered_at=round_.opened_at + timedelta(days=3),
                    )
                )
    return rows


def seed(log, context) -> dict:
    created = statements_seed()
    _grant_cms_permissions()
    if Collaboration.objects.filter(name=NAME).exists():
        log(f"collaborations: {NAME} already there ({created} statements added)")
        return {}
    users = context.get("users") or {}
    regisseur = users.get("deelnemer@example.org") or User.objects.get(email="deelnemer@example.org")
    gemeente = regisseur.organisation
    care, _c = Organisation.objects.get_or_create(
        name=CARE_PROVIDER, defaults={"sector": Sector.SOCIAL, "is_platform_member": True}
    )
    now = timezone.now()
    collaboration = Collaboration.objects.create(
        name=NAME,
        description=DESCRIPTION,
        sector=Sector.SOCIAL,
        start_date=(now - timedelta(days=640)).date(),
        regisseur=regisseur,
        created_at=now - timedelta(days=330),
    )
    partners = {
        "gemeente": Partner.objects.create(
            collaboration=collaboration, organisation=gemeente, name=gemeente.name
        ),
        "zorg": Partner.objects.create(collaboration=collaboration, organisation=care, name=care.name),
        "wonen": Partner.objects.create(collaboration=collaboration, name=HOUSING),
    }
    participants = {key: [] for key in partners}
    Participant.objects.create(collaboration=collaboration, partner=partners["gemeente"], user=regisseur)
    for key, people in PEOPLE.items():
        organisation = {"gemeente": gemeente, "zorg": care}.get(key)
        for email, first, last in people:
            participants[key].append(
                Participant.objects.create(
                    collaboration=collaboration,
                    partner=partners[key],
                    user=_user(email, first, last, organisation),
                )
            )

    statements = list(
        CollaborationStatement.objects.filter(is_active=True).order_by(
            "factor__number", "world", "sort_order", "pk"
        )
    )
    factors_by_id = {f.pk: f for f in SuccessFactor.objects.all()}
    factors_by_number = {f.number: f for f in factors_by_id.values()}
    rng = random.Random(13)  # noqa: S311  # demo data, not security
    rounds = []
    for number, (opened_days_ago, closed_days_ago) in enumerate([(300, 279), (90, 69)], start=1):
        round_ = Round.objects.create(
            collaboration=collaboration,
            number=number,
            opened_at=now - timedelta(days=opened_days_ago),
            closes_on=(now - timedelta(days=closed_days_ago)).date(),
            closed_at=now - timedelta(days=closed_days_ago),
        )
        copied = _round_copy(round_, statements)
        Answer.objects.bulk_create(_answers(round_, copied, participants, factors_by_id, rng))
        all_participants = [p for group in participants.values() for p in group]
        Remark.objects.bulk_create(
            Remark(
                round=round_, participant=all_participants[index], factor=factors_by_number[factor], text=text
            )
            for index, (factor, text) in enumerate(REMARKS[number])
        )
        rounds.append(round_)
    for description, factor, key, due_in_days, status in ACTIONS:
        Action.objects.create(
            collaboration=collaboration,
            description=description,
            factor=factors_by_number[factor],
            partner=partners[key],
            due_date=(now + timedelta(days=due_in_days - 200)).date()
            if status == Action.Status.DONE
            else (now + timedelta(days=due_in_days)).date(),
            status=status,
            created_at=now - timedelta(days=250),
            done_at=now - timedelta(days=120) if status == Action.Status.DONE else None,
        )
    third = Round.objects.create(
        collaboration=collaboration,
        number=3,
        opened_at=now - timedelta(days=2),
        closes_on=(now + timedelta(days=19)).date(),
    )
    _round_copy(third, statements)
    log(
        f"collaborations: {NAME} with 3 partners, {sum(map(len, participants.values())) + 1} participants, 3 rounds"
    )
    return {"collaboration": collaboration}
