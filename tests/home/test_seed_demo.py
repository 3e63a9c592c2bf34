import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from accounts.models import Organisation, User
from successfactors.models import SuccessFactor

pytestmark = pytest.mark.django_db


def counts():
    return (
        User.objects.count(),
        Organisation.objects.count(),
        Page.objects.count(),
        SuccessFactor.objects.count(),
    )


def test_seed_demo_is_idempotent(seeded):
    before = counts()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == before
    # Organisations: Gemeente Rivierstad, Bouwcombinatie De Brug and the care provider of the demo
    # collaboration (collaborations/demo.py).
    assert before[0] >= 4 and before[1] == 3 and before[3] == 8


def test_seed_demo_refuses_without_permission_for_demo_content(db, settings):
    settings.ALLOW_DEMO_CONTENT = False
    with pytest.raises(CommandError, match="refuses"):
        call_command("seed_demo")
    assert User.objects.count() == 0


def test_demo_roles(seeded):
    from accounts import roles

    assert roles.is_trainer(User.objects.get(email="trainer@example.org"))
    assert roles.is_coordinator(User.objects.get(email="coordinator@example.org"))
    assert roles.is_administrator(User.objects.get(email="beheerder@example.org"))
    professional = User.objects.get(email="deelnemer@example.org")
    assert roles.is_platform_member(professional)
    assert not roles.is_trainer(professional) and not roles.is_coordinator(professional)
