"""Reads of membership: what the profile shows and what the coordinator decides on."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from .models import MembershipInvitation, MembershipRequest, Organisation, User
from .services import INVITATION_VALID_FOR


def membership_request_pending(*, user: User) -> MembershipRequest | None:
    return (
        MembershipRequest.objects.select_related("organisation")
        .filter(user=user, status=MembershipRequest.Status.PENDING)
        .first()
    )


def membership_requests_to_decide(*, organisation: Organisation) -> QuerySet[MembershipRequest]:
    """The open requests for an organisation, from accounts whose address — the one the coordinator sees — is
    confirmed: an unconfirmed account could carry anyone's name (and a second, confirmed address is not it)."""
    verified = EmailAddress.objects.filter(
        user=OuterRef("user"), email__iexact=OuterRef("user__email"), verified=True
    )
    return (
        MembershipRequest.objects.filter(organisation=organisation, status=MembershipRequest.Status.PENDING)
        .filter(Exists(verified))
        .select_related("user")
    )


def membership_invitations_open(*, organisation: Organisation) -> QuerySet[MembershipInvitation]:
    return MembershipInvitation.objects.filter(
        organisation=organisation,
        accepted_at__isnull=True,
        created_at__gte=timezone.now() - INVITATION_VALID_FOR,
    )
