"""Demo organisations and accounts (example content; password `samenwerken`). Seed data sets the demo
accounts' organisations directly; on the site, membership comes only from a domain, approval or invitation."""

from .models import MembershipRequest, Organisation, Sector, User
from .roles import ADMINISTRATORS, TRAINERS
from .services import groups_ensure

DEMO_PASSWORD = "samenwerken"

DEMO_ORGANISATIONS = [
    {
        "name": "Gemeente Rivierstad (voorbeeld)",
        "sector": Sector.GOVERNMENT,
        "is_platform_member": True,
        # A reserved domain (RFC 2606): whoever confirms an address there joins Gemeente Rivierstad.
        "email_domains": "rivierstad.example",
    },
    {
        "name": "Bouwcombinatie De Brug (voorbeeld)",
        "sector": Sector.CONSTRUCTION,
        "is_platform_member": False,
        "email_domains": "",
    },
]


def seed(log, context) -> dict:
    groups = groups_ensure()
    organisations = {}
    for data in DEMO_ORGANISATIONS:
        organisation, _created = Organisation.objects.update_or_create(
            name=data["name"],
            defaults={key: value for key, value in data.items() if key != "name"},
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
    _pending_request(member)
    log(f"accounts: {len(users) + 1} demo accounts, {len(organisations)} organisations")
    return {"users": users, "organisations": organisations, "groups": groups}


# Someone who asked to join Gemeente Rivierstad, so the coordinator has a request to decide.
PENDING_REQUEST = ("aanvraag@example.org", "Femke", "Mulder", "Jeugdconsulent")


def _pending_request(organisation: Organisation) -> User:
    """The demo request, made once: a request the coordinator decided on is not asked again."""
    email, first, last, job = PENDING_REQUEST
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email, first_name=first, last_name=last, job_title=job)
        user.set_password(DEMO_PASSWORD)
        user.save()
        MembershipRequest.objects.create(user=user, organisation=organisation)
    _verify_email(user)
    return user


def _verify_email(user: User) -> None:
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
