from datetime import timedelta

from django.contrib.auth.models import Group, Permission
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from academy.tasks import enqueue

from . import roles
from .models import MembershipInvitation, MembershipRequest, Organisation, User, email_domain

ADMIN_ACCESS = ("wagtailadmin", "access_admin")


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def groups_ensure() -> dict[str, Group]:
    """Creates the platform's groups with admin access; idempotent."""
    groups = {}
    for name in (roles.TRAINERS, roles.MODERATORS, roles.ADMINISTRATORS):
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(_permission(*ADMIN_ACCESS))
        groups[name] = group
    # Trainers and administrators upload images and documents for lessons and instruments.
    root_collection = Collection.get_first_root_node()
    for name in (roles.TRAINERS, roles.ADMINISTRATORS):
        for app_label, codename in [
            ("wagtailimages", "add_image"),
            ("wagtailimages", "change_image"),
            ("wagtailimages", "choose_image"),
            ("wagtaildocs", "add_document"),
            ("wagtaildocs", "change_document"),
            ("wagtaildocs", "choose_document"),
        ]:
            GroupCollectionPermission.objects.get_or_create(
                group=groups[name], collection=root_collection, permission=_permission(app_label, codename)
            )
    admin_group = groups[roles.ADMINISTRATORS]
    for app_label, codename in [
        ("accounts", "add_user"),
        ("accounts", "change_user"),
        ("accounts", "delete_user"),
        ("accounts", "view_user"),
        ("accounts", "add_organisation"),
        ("accounts", "change_organisation"),
        ("accounts", "delete_organisation"),
        ("accounts", "view_organisation"),
        ("courses", "view_certificate"),
        ("courses", "change_certificate"),
    ]:
        admin_group.permissions.add(_permission(app_label, codename))
    return groups


def group_grant_page_permissions(*, group: Group, page: Page, codenames: list[str]) -> None:
    """Gives a group Wagtail permissions on a page and its descendants; idempotent."""
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", codename)
        )


def user_update_profile(*, user: User, **fields) -> User:
    """Saves a user's own profile. The organisation is not among the fields: see membership below."""
    for name, value in fields.items():
        setattr(user, name, value)
    user.save()
    return user


# -- Membership ------------------------------------------------------------------------------------------
#
# An account belongs to an organisation only when the organisation vouched for it: a confirmed address on
# one of its e-mail domains, its coordinator's approval of a request, or its coordinator's invitation.
# Membership lets someone share cases and puts them in the coordinator's report and FitnessScan profile,
# so nothing a person types about themselves makes them a member.

INVITATION_SALT = "accounts.membership-invitation"
INVITATION_VALID_FOR = timedelta(days=30)
INVITATIONS_PER_SUBMIT = 200
# Each invitation is a mail from our domain to an address a coordinator typed: a cap keeps a careless or
# stolen coordinator account from turning the academy into a mail cannon.
INVITATIONS_PER_DAY = 1000


class MembershipError(Exception):
    """A membership rule said no; the message is for the person who tried."""

    status = 400


class InvitationRefused(MembershipError):
    def __init__(self, message: str, *, status: int):
        super().__init__(message)
        self.status = status


def verified_emails(*, user: User) -> set[str]:
    from allauth.account.models import EmailAddress

    return {
        email.lower()
        for email in EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    }


def organisation_for_email(*, email: str) -> Organisation | None:
    domain = email_domain(email)
    if not domain:
        return None
    # A handful of organisations register domains; reading them beats a LIKE over a free-text column.
    for organisation in Organisation.objects.exclude(email_domains=""):
        if domain in organisation.domain_list:
            return organisation
    return None


@transaction.atomic
def membership_join(*, user: User, organisation: Organisation) -> User:
    """Makes `user` a member of `organisation`. Only the three ways in below (and administrators) call
    this. A coordinator role is not carried to another organisation; open requests end."""
    if user.organisation_id != organisation.pk:
        user.organisation_role = User.Role.PROFESSIONAL
    user.organisation = organisation
    user.save(update_fields=["organisation", "organisation_role"])
    MembershipRequest.objects.filter(user=user, status=MembershipRequest.Status.PENDING).delete()
    return user


@transaction.atomic
def membership_leave(*, user: User) -> User:
    user.organisation = None
    user.organisation_role = User.Role.PROFESSIONAL
    user.save(update_fields=["organisation", "organisation_role"])
    return user


def membership_join_by_domain(*, user: User, email: str) -> Organisation | None:
    """Joins the organisation whose domain `email` is on, once that address of `user` is confirmed.
    Someone who already belongs to an organisation is not moved: a second address is no request to leave."""
    if user.organisation_id is not None or email.lower() not in verified_emails(user=user):
        return None
    organisation = organisation_for_email(email=email)
    if organisation is not None:
        membership_join(user=user, organisation=organisation)
    return organisation


def membership_join_by_any_domain(*, user: User) -> Organisation | None:
    for email in sorted(verified_emails(user=user)):
        organisation = membership_join_by_domain(user=user, email=email)
        if organisation is not None:
            return organisation
    return None


@transaction.atomic
def membership_request(*, user: User, organisation: Organisation) -> MembershipRequest | None:
    """Asks `organisation`'s coordinator to let `user` in; replaces an open request for another one.
    Returns None when a confirmed address on the organisation's domain lets them in at once."""
    # One request at a time per account: two clicks at once would both pass the check below (PostgreSQL).
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.organisation_id == organisation.pk:
        raise MembershipError(
            _("You are already a member of %(organisation)s.") % {"organisation": organisation}
        )
    if any(organisation_for_email(email=email) == organisation for email in verified_emails(user=user)):
        membership_join(user=user, organisation=organisation)
        return None
    MembershipRequest.objects.filter(user=user, status=MembershipRequest.Status.PENDING).delete()
    return MembershipRequest.objects.create(user=user, organisation=organisation)


def membership_withdraw(*, user: User) -> bool:
    deleted, _rows = MembershipRequest.objects.filter(
        user=user, status=MembershipRequest.Status.PENDING
    ).delete()
    return bool(deleted)


def _decide(*, coordinator: User, membership_request: MembershipRequest, status: str) -> MembershipRequest:
    if not roles.coordinates(coordinator, membership_request.organisation):
        raise PermissionDenied
    decided = MembershipRequest.objects.filter(
        pk=membership_request.pk, status=MembershipRequest.Status.PENDING
    ).update(status=status, decided_at=timezone.now(), decided_by=coordinator)
    if not decided:
        raise MembershipError(_("This request has already been decided or withdrawn."))
    membership_request.refresh_from_db()
    from .tasks import send_membership_decision

    enqueue(send_membership_decision, membership_request.pk)
    return membership_request


@transaction.atomic
def membership_approve(*, coordinator: User, membership_request: MembershipRequest) -> MembershipRequest:
    """The coordinator lets the requester in; the requester gets an e-mail."""
    requester = membership_request.user
    if requester.email.lower() not in {email.lower() for email in verified_emails(user=requester)}:
        raise MembershipError(_("The requester has not confirmed their e-mail address yet."))
    decided = _decide(
        coordinator=coordinator,
        membership_request=membership_request,
        status=MembershipRequest.Status.APPROVED,
    )
    membership_join(user=decided.user, organisation=decided.organisation)
    return decided


@transaction.atomic
def membership_reject(*, coordinator: User, membership_request: MembershipRequest) -> MembershipRequest:
    return _decide(
        coordinator=coordinator,
        membership_request=membership_request,
        status=MembershipRequest.Status.REJECTED,
    )


@transaction.atomic
def membership_invite(*, coordinator: User, emails: list[str]) -> list[MembershipInvitation]:
    """Invites these addresses to the coordinator's organisation; each gets a mail with its own link.
    Addresses of current members are skipped."""
    if not roles.is_coordinator(coordinator):
        raise PermissionDenied
    organisation = coordinator.organisation
    wanted = list(dict.fromkeys(email.strip().lower() for email in emails if email.strip()))
    if len(wanted) > INVITATIONS_PER_SUBMIT:
        raise MembershipError(_("At most %(count)s addresses at a time.") % {"count": INVITATIONS_PER_SUBMIT})
    sent_today = MembershipInvitation.objects.filter(
        organisation=organisation, created_at__gte=timezone.now() - timedelta(days=1)
    ).count()
    if sent_today + len(wanted) > INVITATIONS_PER_DAY:
        raise MembershipError(
            _("Your organisation can send at most %(count)s invitations a day; try again tomorrow.")
            % {"count": INVITATIONS_PER_DAY}
        )
    members = {
        email.lower()
        for email in User.objects.filter(organisation=organisation).values_list("email", flat=True)
    }
    invitations = [
        MembershipInvitation.objects.create(organisation=organisation, email=email, invited_by=coordinator)
        for email in wanted
        if email not in members
    ]
    from .tasks import send_membership_invitation

    for invitation in invitations:
        enqueue(send_membership_invitation, invitation.pk)
    return invitations


def invitation_token(*, invitation: MembershipInvitation) -> str:
    return signing.dumps(invitation.pk, salt=INVITATION_SALT)


def invitation_for_token(*, token: str) -> MembershipInvitation:
    """The invitation a link stands for, if it can still be used; refused with a reason otherwise."""
    expired = InvitationRefused(
        _(
            "This invitation has expired: an invitation is valid for 30 days. Ask your coordinator for a "
            "new one."
        ),
        status=410,
    )
    try:
        pk = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_VALID_FOR)
    except signing.SignatureExpired:
        raise expired from None
    except signing.BadSignature:
        pk = None
    invitation = (
        MembershipInvitation.objects.select_related("organisation").filter(pk=pk).first()
        if isinstance(pk, int)
        else None
    )
    if invitation is None:
        raise InvitationRefused(
            _("This invitation link is not valid. Check that you copied all of it."), status=404
        )
    if invitation.accepted_at is not None:
        raise InvitationRefused(_("This invitation has already been used."), status=410)
    if invitation.created_at + INVITATION_VALID_FOR < timezone.now():
        raise expired
    return invitation


@transaction.atomic
def membership_accept_invitation(*, user: User, token: str) -> Organisation:
    """Joins the invitation's organisation, once, for an account that confirmed the invited address."""
    invitation = invitation_for_token(token=token)
    if invitation.email.lower() not in verified_emails(user=user):
        raise InvitationRefused(
            _(
                "This invitation was sent to another e-mail address. Log in with that address, or add it "
                "to your account and confirm it first."
            ),
            status=403,
        )
    claimed = MembershipInvitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(
        accepted_at=timezone.now(), accepted_by=user
    )
    if not claimed:
        raise InvitationRefused(_("This invitation has already been used."), status=410)
    membership_join(user=user, organisation=invitation.organisation)
    return invitation.organisation
