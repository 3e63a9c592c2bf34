"""Bulk enrolment: a preview per line, nothing saved until confirmed, all lines or none."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.factories import OrganisationFactory, UserFactory
from accounts.models import MembershipInvitation, User
from courses.models import Enrolment
from programmes.models import GroupInvitation, GroupMembership

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(organisation):
    return UserFactory(
        email="coordinator@example.org", organisation=organisation, organisation_role=User.Role.COORDINATOR
    )


@pytest.fixture
def colleagues(organisation):
    return [UserFactory(email=f"collega{n}@example.org", organisation=organisation) for n in (1, 2)]


FIVE_LINES = "e-mail;naam\ncollega1@example.org;Eén\ncollega2@example.org;Twee\nnieuw1@example.org;Nieuw\nnieuw2@example.org\ngeen-adres\n"


def post(client, group, text, action="preview", **extra):
    return client.post(
        "/mijn/inschrijven/", {"target": f"group:{group.pk}", "text": text, "action": action, **extra}
    )


def test_coordinator_previews_then_confirms_five_addresses(client, coordinator, colleagues, group):
    client.force_login(coordinator)
    assert client.get("/mijn/inschrijven/").status_code == 200
    response = post(client, group, FIVE_LINES)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Voorbeeld: er is nog niets opgeslagen" in html
    assert html.count("Wordt ingeschreven") == 3  # two rows and the summary
    assert "Nieuw: krijgt een uitnodiging per e-mail: 2" in html
    assert "Geen geldig e-mailadres" in html
    assert not GroupMembership.objects.filter(user__in=colleagues).exists()  # nothing saved by a preview
    response = post(client, group, FIVE_LINES, action="confirm")
    assert "De lijst is verwerkt." in response.content.decode()
    assert GroupMembership.objects.filter(group=group, user__in=colleagues).count() == 2
    assert Enrolment.objects.filter(user=colleagues[0]).count() == 2  # the programme's courses
    assert set(GroupInvitation.objects.values_list("email", flat=True)) == {
        "nieuw1@example.org",
        "nieuw2@example.org",
    }
    assert MembershipInvitation.objects.filter(organisation=coordinator.organisation).count() == 2
    again = post(client, group, FIVE_LINES).content.decode()
    assert "Al ingeschreven: 2" in again


def test_another_organisations_member_is_refused_for_a_coordinator(client, coordinator, group, outsider):
    client.force_login(coordinator)
    html = post(client, group, f"{outsider.email}\n{outsider.email.upper()}\n").content.decode()
    assert "Lid van een andere organisatie: niet ingeschreven" in html
    assert "Staat al eerder in de lijst" in html
    post(client, group, outsider.email, action="confirm")
    assert not GroupMembership.objects.filter(user=outsider, group=group).exists()


def test_trainer_enrols_anyone_in_their_own_group_only(client, trainer, group, other_group, outsider):
    client.force_login(trainer)
    post(client, group, outsider.email, action="confirm")
    assert GroupMembership.objects.filter(user=outsider, group=group).exists()
    from programmes.factories import trainer_user

    client.force_login(trainer_user(email="ander@example.org"))
    response = post(client, group, "iemand@example.org", action="confirm")
    assert response.status_code == 400  # not a choice for this trainer
    assert not GroupInvitation.objects.exists()


def test_a_professional_may_not_enrol_in_bulk(client, member):
    client.force_login(member)
    assert client.get("/mijn/inschrijven/").status_code == 403


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        ("e-mail\nán@example.org\n".encode("latin-1"), "geen UTF-8-tekst"),
        (b"naam;functie\nAn;adviseur\n", "geen kolom “e-mail”"),
        (("e-mail\n" + "".join(f"p{n}@example.org\n" for n in range(10_000))).encode(), "10000 regels"),
        (b"\n\n", "De lijst is leeg"),
    ],
)
def test_a_bad_file_gets_a_clear_report_and_saves_nothing(client, coordinator, group, upload, message):
    client.force_login(coordinator)
    for action in ("preview", "confirm"):
        response = client.post(
            "/mijn/inschrijven/",
            {
                "target": f"group:{group.pk}",
                "action": action,
                "file": SimpleUploadedFile("lijst.csv", upload),
            },
        )
        assert response.status_code == 400
        assert message in response.content.decode()
    assert GroupMembership.objects.filter(group=group).count() == 1  # the member from the fixture
    assert not GroupInvitation.objects.exists() and not MembershipInvitation.objects.exists()


def test_a_list_over_capacity_saves_nothing(client, coordinator, colleagues, group):
    group.capacity = 2
    group.save()
    client.force_login(coordinator)
    html = post(client, group, "collega1@example.org\ncollega2@example.org").content.decode()
    assert "De groep heeft nog plaats voor 1 deelnemers, de lijst voegt er 2 toe." in html
    response = post(client, group, "collega1@example.org\ncollega2@example.org", action="confirm")
    assert response.status_code == 400
    assert GroupMembership.objects.filter(group=group).count() == 1


def test_what_was_typed_comes_back_without_a_target(client, coordinator, group):
    client.force_login(coordinator)
    response = client.post("/mijn/inschrijven/", {"target": "", "text": "<b>iemand@example.org</b>"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "&lt;b&gt;iemand@example.org&lt;/b&gt;" in html and "<b>iemand" not in html


def test_coordinator_enrols_in_a_single_course(client, coordinator, colleagues, courses):
    client.force_login(coordinator)
    client.post(
        "/mijn/inschrijven/",
        {"target": f"course:{courses[0].pk}", "text": "collega1@example.org", "action": "confirm"},
    )
    assert Enrolment.objects.filter(user=colleagues[0], course=courses[0]).exists()


def test_other_organisation_coordinator_cannot_reach_our_people(client, colleagues, group):
    other = UserFactory(
        organisation=OrganisationFactory(name="Ander"), organisation_role=User.Role.COORDINATOR
    )
    client.force_login(other)
    post(client, group, "collega1@example.org", action="confirm")
    assert not GroupMembership.objects.filter(user=colleagues[0]).exists()
