"""Verified membership: an account joins an organisation only by a confirmed address on its domain, by its
coordinator's approval of a request, or by its coordinator's invitation (security issue 18, hole 4)."""

import re
import time
from datetime import timedelta
from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from accounts import services
from accounts.factories import OrganisationFactory, UserFactory
from accounts.models import MembershipInvitation, MembershipRequest, Organisation, User

pytestmark = pytest.mark.django_db

PASSWORD = "Samen-Werken-2026!"
REPORT = "/mijn/organisatie/"
SHARE = "/praktijkvoorbeelden/delen/"
PROFILE = "/accounts/profiel/"


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Waterschap Voorbeeld", email_domains="waterschap.example")


@pytest.fixture
def coordinator(organisation):
    return UserFactory(
        organisation=organisation, organisation_role=User.Role.COORDINATOR, email="coord@waterschap.example"
    )


@pytest.fixture
def coordinator_client(coordinator):
    client = Client()
    client.force_login(coordinator)
    return client


def sign_up(client, email, organisation=None):
    data = {
        "email": email,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "first_name": "Nina",
        "last_name": "Nieuw",
    }
    if organisation is not None:
        data["organisation"] = organisation.pk
    response = client.post("/accounts/signup/", data)
    assert response.status_code == 302
    return User.objects.get(email__iexact=email)


def confirm_address(client, mailoutbox, email):
    """Follows the confirmation link in the last mail to `email`, as its owner would."""
    mail = [mail for mail in mailoutbox if mail.to == [email]][-1]
    path = re.search(r"/accounts/confirm-email/[^/\s]+/", mail.body).group(0)
    assert client.post(path).status_code == 302


def invitation_link(mail) -> str:
    return re.search(r"/accounts/uitnodiging/[^/\s]+/", mail.body).group(0)


# --------------------------------------------------------------------------- choosing is not joining


def test_signup_with_a_chosen_organisation_is_no_membership(
    client, organisation, coordinator_client, mailoutbox, django_capture_on_commit_callbacks
):
    from cases.factories import CaseIndexPageFactory
    from courses.factories import build_course
    from courses.services import enrolment_create
    from fitnessscan.factories import completed_response_create, scan_page_create
    from fitnessscan.selectors import organisation_scan_profile
    from home.demo import ensure_home
    from successfactors.demo import seed as seed_factors

    organisation.is_platform_member = True
    organisation.save()
    user = sign_up(client, "nina@elders.example", organisation)
    confirm_address(client, mailoutbox, "nina@elders.example")  # a real person, just not vouched for
    user.refresh_from_db()
    assert user.organisation is None
    assert MembershipRequest.objects.get(user=user).status == MembershipRequest.Status.PENDING

    # Not in the coordinator's report, though enrolled in a course.
    course = build_course(title="Startcondities", modules=1, lessons=1)
    enrolment_create(user=user, course=course)
    html = coordinator_client.get(REPORT).content.decode()
    progress = html.split("Voortgang</h2>")[1]
    assert "Nina Nieuw" not in progress and "1 deelnemer van je organisatie" in html
    # ... only among the requests to decide.
    assert "nina@elders.example" in html.split("Voortgang</h2>")[0]

    # Cannot share a case.
    CaseIndexPageFactory(parent=ensure_home())
    client.force_login(user)
    response = client.get(SHARE)
    assert response.status_code == 200 and 'name="title"' not in response.content.decode()
    assert client.post(SHARE, {"title": "Poging", "save": "draft"}).status_code == 403

    # Not in the FitnessScan profile of the organisation.
    page = scan_page_create(factors=seed_factors(lambda *args: None, {})["factors"])
    completed_response_create(page=page, user=user)
    assert organisation_scan_profile(organisation=organisation, page=page).respondents == 0


def test_the_profile_does_not_set_the_organisation(client, organisation):
    user = UserFactory(organisation=None)
    client.force_login(user)
    client.post(
        PROFILE,
        {"first_name": "A", "last_name": "B", "organisation": organisation.pk, "preferred_language": "nl"},
    )
    user.refresh_from_db()
    assert user.organisation is None


# --------------------------------------------------------------------------- (a) the organisation's domain


def test_confirming_an_address_on_the_domain_joins(client, organisation, mailoutbox):
    user = sign_up(client, "Jan@Waterschap.Example")
    assert user.organisation is None  # not before the address is confirmed
    confirm_address(client, mailoutbox, "jan@waterschap.example")
    user.refresh_from_db()
    assert user.organisation == organisation and user.organisation_role == User.Role.PROFESSIONAL


def test_a_confirmed_domain_address_ends_an_open_request(client, organisation, mailoutbox):
    other = OrganisationFactory(name="Gemeente Elders")
    user = sign_up(client, "piet@waterschap.example", other)
    confirm_address(client, mailoutbox, "piet@waterschap.example")
    user.refresh_from_db()
    assert user.organisation == organisation
    assert not MembershipRequest.objects.filter(user=user, status=MembershipRequest.Status.PENDING).exists()


def test_an_unconfirmed_address_on_the_domain_does_not_join(organisation):
    user = UserFactory(organisation=None, email="kees@waterschap.example", email_verified=False)
    assert services.membership_join_by_domain(user=user, email=user.email) is None
    assert services.membership_join_by_any_domain(user=user) is None
    user.refresh_from_db()
    assert user.organisation is None
    # Requesting membership does not shortcut it either: it waits for the coordinator.
    assert services.membership_request(user=user, organisation=organisation) is not None


def test_a_member_of_another_organisation_is_not_moved_by_a_second_address(organisation):
    elsewhere = OrganisationFactory(name="Gemeente Elders")
    user = UserFactory(organisation=elsewhere)
    EmailAddress.objects.create(user=user, email="tweede@waterschap.example", verified=True)
    assert services.membership_join_by_domain(user=user, email="tweede@waterschap.example") is None
    user.refresh_from_db()
    assert user.organisation == elsewhere


def test_a_request_with_a_confirmed_domain_address_joins_at_once(client, organisation):
    user = UserFactory(organisation=None, email="anna@waterschap.example")
    client.force_login(user)
    response = client.post("/accounts/profiel/lidmaatschap/aanvragen/", {"organisation": organisation.pk})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.organisation == organisation
    assert not MembershipRequest.objects.exists()


def test_domains_are_checked_and_normalised():
    OrganisationFactory(name="Gemeente A", email_domains="gemeente-a.example")
    organisation = Organisation(name="B", email_domains="@B-Org.Example\nb-org.example, wijk.b-org.example")
    organisation.full_clean()
    assert organisation.email_domains == "b-org.example\nwijk.b-org.example"
    for bad, message in [
        ("gmail.com", "publieke maildienst"),
        ("gemeente-a.example", "al een domein van Gemeente A"),
        ("geen domein", "geen domeinnaam"),
        ("example.org", "publieke maildienst"),
    ]:
        with pytest.raises(ValidationError) as error:
            Organisation(name="C", email_domains=bad).full_clean()
        assert message in str(error.value.message_dict["email_domains"])


def test_administrators_edit_the_domains_in_the_admin(client, organisation):
    from accounts.services import groups_ensure

    administrator = UserFactory(organisation=None)
    administrator.groups.add(groups_ensure()["Administrators"])
    client.force_login(administrator)
    url = f"/admin/snippets/accounts/organisation/edit/{organisation.pk}/"
    html = client.get(url).content.decode()
    assert 'name="email_domains"' in html and "waterschap.example" in html
    response = client.post(
        url, {"name": organisation.name, "sector": organisation.sector, "email_domains": "hotmail.com"}
    )
    assert response.status_code == 200 and "publieke maildienst" in response.content.decode()
    client.post(
        url, {"name": organisation.name, "sector": organisation.sector, "email_domains": "ws.example"}
    )
    organisation.refresh_from_db()
    assert organisation.domain_list == ["ws.example"]


# --------------------------------------------------------------------------- (b) a request, decided


@pytest.fixture
def requester(organisation):
    user = UserFactory(
        organisation=None, email="aanvrager@elders.example", first_name="Femke", last_name="Mulder"
    )
    services.membership_request(user=user, organisation=organisation)
    return user


def test_the_profile_shows_a_pending_request_that_can_be_withdrawn(client, requester):
    client.force_login(requester)
    html = client.get(PROFILE).content.decode()
    assert (
        "Lidmaatschap van Waterschap Voorbeeld: aangevraagd, wacht op goedkeuring van de coördinator" in html
    )
    assert client.post("/accounts/profiel/lidmaatschap/intrekken/").status_code == 302
    assert not MembershipRequest.objects.exists()
    assert "wacht op goedkeuring" not in client.get(PROFILE).content.decode()


def test_a_bad_request_from_the_profile_is_no_500(client):
    client.force_login(UserFactory(organisation=None))
    response = client.post("/accounts/profiel/lidmaatschap/aanvragen/", {"organisation": "999999"})
    assert response.status_code == 400 and "Selecteer een geldige keuze" in response.content.decode()
    assert client.get("/accounts/profiel/lidmaatschap/aanvragen/").status_code == 405
    assert not MembershipRequest.objects.exists()


def test_the_coordinator_approves_a_request_and_the_requester_gets_a_mail(
    coordinator_client, requester, organisation, mailoutbox, django_capture_on_commit_callbacks
):
    pending = MembershipRequest.objects.get()
    html = coordinator_client.get(REPORT).content.decode()
    assert "Femke Mulder" in html and f"/accounts/aanvraag/{pending.pk}/goedkeuren/" in html
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(f"/accounts/aanvraag/{pending.pk}/goedkeuren/")
    assert response.status_code == 302 and response["Location"] == REPORT
    requester.refresh_from_db()
    assert requester.organisation == organisation
    pending.refresh_from_db()
    assert (
        pending.status == MembershipRequest.Status.APPROVED
        and pending.decided_by.email == "coord@waterschap.example"
    )
    [mail] = mailoutbox
    assert mail.to == ["aanvrager@elders.example"]
    assert "Waterschap Voorbeeld" in mail.subject and "goedgekeurd" in mail.body
    # Decided once: a second click changes nothing and sends nothing.
    assert coordinator_client.post(f"/accounts/aanvraag/{pending.pk}/afwijzen/").status_code == 404
    assert len(mailoutbox) == 1


def test_the_coordinator_rejects_a_request(
    coordinator_client, requester, mailoutbox, django_capture_on_commit_callbacks
):
    pending = MembershipRequest.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        assert coordinator_client.post(f"/accounts/aanvraag/{pending.pk}/afwijzen/").status_code == 302
    requester.refresh_from_db()
    assert requester.organisation is None
    assert MembershipRequest.objects.get().status == MembershipRequest.Status.REJECTED
    [mail] = mailoutbox
    assert mail.to == ["aanvrager@elders.example"] and "niet goedgekeurd" in mail.body
    assert f"/accounts/aanvraag/{pending.pk}/" not in coordinator_client.get(REPORT).content.decode()


def test_only_the_organisations_own_coordinator_decides(client, requester, mailoutbox):
    pending = MembershipRequest.objects.get()
    another = OrganisationFactory(name="Gemeente Elders")
    other_coordinator = UserFactory(organisation=another, organisation_role=User.Role.COORDINATOR)
    colleague = UserFactory(organisation=pending.organisation)  # a member, not the coordinator
    for user in (other_coordinator, colleague, requester):
        client.force_login(user)
        assert client.post(f"/accounts/aanvraag/{pending.pk}/goedkeuren/").status_code == 404
        assert client.post(f"/accounts/aanvraag/{pending.pk}/afwijzen/").status_code == 404
    client.logout()
    assert client.post(f"/accounts/aanvraag/{pending.pk}/goedkeuren/").status_code == 302  # to the login
    pending.refresh_from_db()
    requester.refresh_from_db()
    assert pending.status == MembershipRequest.Status.PENDING and requester.organisation is None
    # The service says no too, whoever calls it.
    with pytest.raises(PermissionDenied):
        services.membership_approve(coordinator=other_coordinator, membership_request=pending)
    assert mailoutbox == []


def test_a_request_from_an_unconfirmed_account_is_not_shown_or_approved(coordinator_client, organisation):
    user = UserFactory(organisation=None, email="onbevestigd@elders.example", email_verified=False)
    pending = services.membership_request(user=user, organisation=organisation)
    assert "onbevestigd@elders.example" not in coordinator_client.get(REPORT).content.decode()
    assert coordinator_client.post(f"/accounts/aanvraag/{pending.pk}/goedkeuren/").status_code == 404
    user.refresh_from_db()
    assert user.organisation is None


def test_a_confirmed_second_address_does_not_vouch_for_the_shown_one(
    coordinator_client, coordinator, organisation
):
    """The coordinator sees the account's address: that one must be confirmed, not just any of its addresses."""
    user = UserFactory(organisation=None, email="wethouder@rivier.example", email_verified=False)
    EmailAddress.objects.create(user=user, email="iemand@elders.example", verified=True, primary=False)
    pending = services.membership_request(user=user, organisation=organisation)
    assert "wethouder@rivier.example" not in coordinator_client.get(REPORT).content.decode()
    assert coordinator_client.post(f"/accounts/aanvraag/{pending.pk}/goedkeuren/").status_code == 404
    with pytest.raises(services.MembershipError):
        services.membership_approve(coordinator=coordinator, membership_request=pending)
    user.refresh_from_db()
    assert user.organisation is None


def test_leaving_the_organisation_from_the_profile(client, coordinator, organisation):
    client.force_login(coordinator)
    assert "Waterschap Voorbeeld verlaten" in client.get(PROFILE).content.decode()
    assert client.post("/accounts/profiel/lidmaatschap/opzeggen/").status_code == 302
    coordinator.refresh_from_db()
    assert coordinator.organisation is None and coordinator.organisation_role == User.Role.PROFESSIONAL
    assert client.get(REPORT).status_code == 403


# --------------------------------------------------------------------------- (c) an invitation


def invite(coordinator_client, django_capture_on_commit_callbacks, text):
    with django_capture_on_commit_callbacks(execute=True):
        return coordinator_client.post(REPORT, {"emails": text})


def test_an_invitation_link_works_once_for_the_invited_address(
    client, coordinator_client, organisation, mailoutbox, django_capture_on_commit_callbacks
):
    response = invite(
        coordinator_client, django_capture_on_commit_callbacks, "wim@elders.example\n\nzus@elders.example\n"
    )
    assert response.status_code == 302
    assert sorted(mail.to[0] for mail in mailoutbox) == ["wim@elders.example", "zus@elders.example"]
    mail = next(mail for mail in mailoutbox if mail.to == ["wim@elders.example"])
    assert "Waterschap Voorbeeld" in mail.subject and "30 dagen" in mail.body
    link = invitation_link(mail)
    assert "wim@elders.example" in coordinator_client.get(REPORT).content.decode()  # not yet accepted

    # Anonymous: told to log in or sign up with that address, and nothing happens.
    html = client.get(link).content.decode()
    assert "Waterschap Voorbeeld" in html and "/accounts/login/?next=/accounts/uitnodiging/" in html
    assert (
        client.post(link).status_code == 200
        and not MembershipInvitation.objects.filter(accepted_at__isnull=False).exists()
    )

    # Another account (another address) cannot use it.
    intruder = UserFactory(organisation=None, email="indringer@elders.example")
    client.force_login(intruder)
    response = client.post(link)
    assert response.status_code == 403 and "naar een ander e-mailadres" in response.content.decode()
    intruder.refresh_from_db()
    assert intruder.organisation is None

    # The invited address, unconfirmed: not yet.
    wim = UserFactory(organisation=None, email="wim@elders.example", email_verified=False)
    client.force_login(wim)
    assert client.post(link).status_code == 403
    EmailAddress.objects.filter(user=wim).update(verified=True)
    assert client.post(link).status_code == 302
    wim.refresh_from_db()
    assert wim.organisation == organisation

    # Once only.
    services.membership_leave(user=wim)
    response = client.post(link)
    assert response.status_code == 410 and "al gebruikt" in response.content.decode()
    wim.refresh_from_db()
    assert wim.organisation is None


def test_an_expired_invitation_is_refused_with_a_clear_message(client, coordinator, organisation):
    invitation = MembershipInvitation.objects.create(organisation=organisation, email="laat@elders.example")
    with mock.patch("django.core.signing.time.time", return_value=time.time() - 31 * 24 * 3600):
        token = services.invitation_token(invitation=invitation)
    user = UserFactory(organisation=None, email="laat@elders.example")
    client.force_login(user)
    response = client.post(f"/accounts/uitnodiging/{token}/")
    assert response.status_code == 410
    assert "Deze uitnodiging is verlopen" in response.content.decode()
    # Expiry follows the invitation too, not only the link's signature.
    MembershipInvitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - timedelta(days=31)
    )
    fresh = services.invitation_token(invitation=invitation)
    assert client.post(f"/accounts/uitnodiging/{fresh}/").status_code == 410
    user.refresh_from_db()
    assert user.organisation is None


def test_a_tampered_invitation_link_is_a_404(client, organisation):
    invitation = MembershipInvitation.objects.create(organisation=organisation, email="x@elders.example")
    token = services.invitation_token(invitation=invitation)
    client.force_login(UserFactory(organisation=None, email="x@elders.example"))
    for bad in (token[:-2] + "xx", "nonsense", token.replace(token.split(":")[0], "OTk5OQ")):
        response = client.get(f"/accounts/uitnodiging/{bad}/")
        assert response.status_code == 404 and "niet geldig" in response.content.decode()


def test_bad_invitation_input_is_refused_and_nothing_is_sent(
    coordinator_client, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    response = invite(
        coordinator_client, django_capture_on_commit_callbacks, "goed@elders.example\ngeen-adres\n"
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Geen e-mailadres: geen-adres" in html and "goed@elders.example" in html  # input kept
    too_many = "\n".join(f"p{n}@elders.example" for n in range(201))
    assert invite(coordinator_client, django_capture_on_commit_callbacks, too_many).status_code == 400
    with mock.patch.object(services, "INVITATIONS_PER_DAY", 1):
        response = invite(
            coordinator_client, django_capture_on_commit_callbacks, "a@elders.example b@elders.example"
        )
    assert response.status_code == 200 and "hoogstens 1 uitnodigingen per dag" in response.content.decode()
    # A current member is not invited again.
    assert (
        invite(coordinator_client, django_capture_on_commit_callbacks, coordinator.email).status_code == 302
    )
    assert mailoutbox == [] and not MembershipInvitation.objects.exists()


def test_only_a_coordinator_invites(client, organisation, mailoutbox):
    client.force_login(UserFactory(organisation=organisation))
    assert client.post(REPORT, {"emails": "iemand@elders.example"}).status_code == 403
    with pytest.raises(PermissionDenied):
        services.membership_invite(coordinator=UserFactory(organisation=organisation), emails=["a@b.example"])
    assert not MembershipInvitation.objects.exists() and mailoutbox == []


# --------------------------------------------------------------------------- the demo


def test_demo_accounts_keep_their_organisations_and_log_in(demo_accounts):
    rivierstad = Organisation.objects.get(name="Gemeente Rivierstad (voorbeeld)")
    assert rivierstad.domain_list == ["rivierstad.example"]
    for email in ("deelnemer@example.org", "coordinator@example.org", "aanvraag@example.org"):
        client = Client()
        assert client.post("/accounts/login/", {"login": email, "password": "samenwerken"}).status_code == 302
        assert client.get("/mijn/").status_code == 200
    assert User.objects.get(email="deelnemer@example.org").organisation == rivierstad
    pending = MembershipRequest.objects.get(status=MembershipRequest.Status.PENDING)
    assert pending.user.email == "aanvraag@example.org" and pending.user.organisation is None
    coordinator = Client()
    coordinator.force_login(User.objects.get(email="coordinator@example.org"))
    assert "Femke Mulder" in coordinator.get(REPORT).content.decode()


def test_seeding_twice_does_not_ask_a_decided_request_again(demo_accounts):
    from accounts import demo

    MembershipRequest.objects.update(status=MembershipRequest.Status.REJECTED)
    demo.seed(lambda *args: None, {})
    assert MembershipRequest.objects.count() == 1
    assert not MembershipRequest.objects.filter(status=MembershipRequest.Status.PENDING).exists()
