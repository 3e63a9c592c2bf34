"""Demo organisations and accounts (example content; password `samenwerken`)."""

from .models import Organisation, Sector, User
from .roles import ADMINISTRATORS, TRAINERS
from .services import groups_ensure

DEMO_PASSWORD = "samenwerken"

DEMO_ORGANISATIONS = [
    {"name": "Gemeente Rivierstad (voorbeeld)", "sector": Sector.GOVERNMENT, "is_platform_member": True},
    {
        "name": "Bouwcombinatie De Brug (voorbeeld)",
        "sector": Sector.CONSTRUCTION,
        "is_platform_member": False,
    },
]


def seed(log, context) -> dict:
    groups = groups_ensure()
    organisations = {}
    for data in DEMO_ORGANISATIONS:
        organisation, _created = Organisation.objects.update_or_create(
            name=data["name"],
            defaults={"sector": data["sector"], "is_platform_member": data["is_platform_member"]},
        )
        organisations[data["name"]] = organisation
    member, non_member = organisations.values()

    accounts = [
        (
            "deelnemer@example.org",
            "Sanne",
            "de Vries",
            "Beleidsadviseur sociaal domein",
            member,
            User.Role.PROFESSIONAL,
            [],
        ),
        (
            "trainer@example.org",
            "Ahmed",
            "Bakker",
            "Trainer samenwerken",
            None,
            User.Role.PROFESSIONAL,
            [TRAINERS],
        ),
        (
            "coordinator@example.org",
            "Marieke",
            "Jansen",
            "Programmamanager",
            member,
            User.Role.COORDINATOR,
            [],
        ),
        (
            "beheerder@example.org",
            "Joost",
            "van Dijk",
            "Platformbeheerder",
            None,
            User.Role.PROFESSIONAL,
            [ADMINISTRATORS],
        ),
    ]
    users = {}
    for email, first, last, job, organisation, role, group_names in accounts:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(email=email)
            user.set_password(DEMO_PASSWORD)
        user.first_name, user.last_name, user.job_title = first, last, job
        user.organisation, user.organisation_role = organisation, role
        user.is_superuser = user.is_staff = ADMINISTRATORS in group_names
        user.save()
        user.groups.add(*(groups[name] for name in group_names))
        _verify_email(user)
        users[email] = user
    log(f"accounts: {len(users)} demo accounts, {len(organisations)} organisations")
    return {"users": users, "organisations": organisations, "groups": groups}


def _verify_email(user: User) -> None:
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
