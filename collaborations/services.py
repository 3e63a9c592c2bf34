"""Writes of the collaboration scan: starting a collaboration, partners, invitations and joining,
rounds and answers, actions. Every function takes the acting user and checks the rule it needs;
views only translate the exceptions into messages."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from academy.tasks import enqueue
from accounts.services import verified_emails
from questionnaires.services import answers_save

from .models import (
    Action,
    Answer,
    Collaboration,
    CollaborationStatement,
    Invitation,
    Participant,
    Partner,
    Remark,
    Round,
    RoundStatement,
)

if TYPE_CHECKING:
    from accounts.models import Organisation, User

INVITATION_SALT = "collaborations.invitation"
INVITATION_VALID_FOR = timedelta(days=30)
INVITATIONS_PER_SUBMIT = 200


class CollaborationError(Exception):
    """A request the rules refuse; the message is for the user."""


class InvitationRefused(CollaborationError):
    def __init__(self, message: str, *, status: int):
        super().__init__(message)
        self.status = status


def _require_regisseur(collaboration: Collaboration, user: User) -> None:
    if collaboration.regisseur_id != user.pk:
        raise CollaborationError(_("Only the regisseur of the collaboration can do this."))


# -- Collaboration and partners ----------------------------------------------------------------------


@transaction.atomic
def collaboration_start(
    *,
    regisseur: User,
    name: str,
    description: str = "",
    sector: str,
    start_date: date,
    own_partner_name: str = "",
) -> Collaboration:
    """Starts a collaboration led by `regisseur`, who takes part for their own organisation (or the
    outside organisation they name)."""
    collaboration = Collaboration.objects.create(
        regisseur=regisseur, name=name, description=description, sector=sector, start_date=start_date
    )
    organisation = regisseur.organisation
    partner = partner_add(
        collaboration=collaboration,
        by=regisseur,
        organisation=organisation,
        name=own_partner_name or (organisation.name if organisation else regisseur.display_name),
    )
    Participant.objects.create(collaboration=collaboration, partner=partner, user=regisseur)
    return collaboration


def partner_add(
    *, collaboration: Collaboration, by: User, organisation: Organisation | None = None, name: str = ""
) -> Partner:
    _require_regisseur(collaboration, by)
    name = (name or (organisation.name if organisation else "")).strip()
    if not name:
        raise CollaborationError(_("Choose an organisation or give the name of an outside organisation."))
    if Partner.objects.filter(collaboration=collaboration, name__iexact=name).exists():
        raise CollaborationError(_("%(name)s is already a partner.") % {"name": name})
    return Partner.objects.create(collaboration=collaboration, organisation=organisation, name=name)


@transaction.atomic
def partner_remove(*, partner: Partner, by: User) -> str:
    """Deletes a partner without participants or answers; one with answers is archived, so results
    stay whole. Returns "deleted" or "archived"."""
    _require_regisseur(partner.collaboration, by)
    if Answer.objects.filter(partner=partner).exists() or partner.participants.exists():
        Partner.objects.filter(pk=partner.pk).update(archived_at=timezone.now())
        partner.invitations.filter(accepted_at__isnull=True).update(withdrawn_at=timezone.now())
        return "archived"
    partner.delete()
    return "deleted"


@transaction.atomic
def regisseur_hand_over(*, collaboration: Collaboration, by: User, participant: Participant) -> None:
    _require_regisseur(collaboration, by)
    if participant.collaboration_id != collaboration.pk:
        raise CollaborationError(_("Only a participant can become the regisseur."))
    Collaboration.objects.filter(pk=collaboration.pk).update(regisseur=participant.user_id)
    collaboration.regisseur_id = participant.user_id


# -- Invitations -------------------------------------------------------------------------------------


@transaction.atomic
def participants_invite(*, partner: Partner, by: User, emails: list[str]) -> list[Invitation]:
    """Invites these addresses for `partner`, each with its own single-use link (mailed after commit).
    Addresses already taking part, or with an open invitation, are skipped."""
    collaboration = partner.collaboration
    _require_regisseur(collaboration, by)
    if partner.archived_at is not None:
        raise CollaborationError(_("This partner is archived."))
    wanted = list(dict.fromkeys(email.strip().lower() for email in emails if email.strip()))
    if len(wanted) > INVITATIONS_PER_SUBMIT:
        raise CollaborationError(
            _("At most %(count)s addresses at a time.") % {"count": INVITATIONS_PER_SUBMIT}
        )
    taking_part = {
        email.lower()
        for email in Participant.objects.filter(collaboration=collaboration).values_list(
            "user__email", flat=True
        )
    }
    pending = {
        email.lower()
        for email in Invitation.objects.filter(
            collaboration=collaboration, accepted_at__isnull=True, withdrawn_at__isnull=True
        ).values_list("email", flat=True)
    }
    invitations = Invitation.objects.bulk_create(
        Invitation(collaboration=collaboration, partner=partner, email=email, invited_by=by)
        for email in wanted
        if email not in taking_part and email not in pending
    )
    from .tasks import send_invitation

    for invitation in invitations:
        enqueue(send_invitation, invitation.pk)
    return invitations


def invitation_resend(*, invitation: Invitation, by: User) -> Invitation:
    """A fresh invitation (new link, new 30 days) replaces the old one, whose link stops working."""
    _require_regisseur(invitation.collaboration, by)
    if invitation.accepted_at is not None:
        raise CollaborationError(_("This invitation has already been accepted."))
    with transaction.atomic():
        Invitation.objects.filter(pk=invitation.pk).update(withdrawn_at=timezone.now())
        fresh = Invitation.objects.create(
            collaboration=invitation.collaboration,
            partner=invitation.partner,
            email=invitation.email,
            invited_by=by,
        )
        from .tasks import send_invitation

        enqueue(send_invitation, fresh.pk)
    return fresh


def invitation_withdraw(*, invitation: Invitation, by: User) -> None:
    _require_regisseur(invitation.collaboration, by)
    Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(withdrawn_at=timezone.now())


def invitation_token(*, invitation: Invitation) -> str:
    return signing.dumps(invitation.pk, salt=INVITATION_SALT)


def invitation_for_token(*, token: str) -> Invitation:
    """The invitation a link stands for, if it can still be used; refused with a reason otherwise."""
    expired = InvitationRefused(
        _(
            "This invitation has expired: an invitation is valid for 30 days. Ask the regisseur for a new one."
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
        Invitation.objects.select_related("collaboration", "partner").filter(pk=pk).first()
        if isinstance(pk, int)
        else None
    )
    if invitation is None:
        raise InvitationRefused(
            _("This invitation link is not valid. Check that you copied all of it."), status=404
        )
    if invitation.withdrawn_at is not None or invitation.partner.archived_at is not None:
        raise InvitationRefused(_("This invitation has been withdrawn by the regisseur."), status=410)
    if invitation.accepted_at is not None:
        raise InvitationRefused(_("This invitation has already been used."), status=410)
    if invitation.created_at + INVITATION_VALID_FOR < timezone.now():
        raise expired
    return invitation


@transaction.atomic
def invitation_accept(*, user: User, token: str) -> Participant:
    """Joins the collaboration for the invitation's partner, once, for an account that confirmed the
    invited address."""
    invitation = invitation_for_token(token=token)
    if invitation.email.lower() not in verified_emails(user=user):
        raise InvitationRefused(
            _(
                "This invitation was sent to another e-mail address. Log in with that address, or add it "
                "to your account and confirm it first."
            ),
            status=403,
        )
    if Participant.objects.filter(collaboration=invitation.collaboration, user=user).exists():
        raise InvitationRefused(_("You already take part in this collaboration."), status=409)
    claimed = Invitation.objects.filter(
        pk=invitation.pk, accepted_at__isnull=True, withdrawn_at__isnull=True
    ).update(accepted_at=timezone.now(), accepted_by=user)
    if not claimed:
        raise InvitationRefused(_("This invitation has already been used."), status=410)
    return Participant.objects.create(
        collaboration=invitation.collaboration, partner=invitation.partner, user=user
    )


# -- Rounds and answers ------------------------------------------------------------------------------


@transaction.atomic
def round_open(*, collaboration: Collaboration, by: User, closes_on: date) -> Round:
    """Opens the next round with the statements in use now (copied, so later edits change nothing)."""
    _require_regisseur(collaboration, by)
    if closes_on <= timezone.localdate():
        raise CollaborationError(_("The closing date must be in the future."))
    if Round.objects.filter(collaboration=collaboration, closed_at__isnull=True).exists():
        raise CollaborationError(_("Close the open round before opening the next one."))
    statements = list(
        CollaborationStatement.objects.filter(is_active=True).order_by(*CollaborationStatement._meta.ordering)
    )
    if not statements:
        raise CollaborationError(_("There are no statements to ask yet."))
    number = (
        Round.objects.filter(collaboration=collaboration).aggregate(last=Max("number"))["last"] or 0
    ) + 1
    try:
        round_ = Round.objects.create(collaboration=collaboration, number=number, closes_on=closes_on)
    except IntegrityError:
        raise CollaborationError(_("Close the open round before opening the next one.")) from None
    RoundStatement.objects.bulk_create(
        RoundStatement(
            round=round_,
            key=statement.key,
            factor_id=statement.factor_id,
            world=statement.world,
            text=statement.text,
            reverse_scored=statement.reverse_scored,
            position=index,
        )
        for index, statement in enumerate(statements)
    )
    return round_


def round_close(*, round_: Round, by: User | None = None) -> bool:
    """Closes a round (the regisseur, or the beat task at its date when `by` is None)."""
    if by is not None:
        _require_regisseur(round_.collaboration, by)
    closed = Round.objects.filter(pk=round_.pk, closed_at__isnull=True).update(closed_at=timezone.now())
    return bool(closed)


def rounds_close_due(*, today: date | None = None) -> int:
    """Closes every open round whose closing date has passed."""
    today = today or timezone.localdate()
    return Round.objects.filter(closed_at__isnull=True, closes_on__lt=today).update(closed_at=timezone.now())


@transaction.atomic
def step_answer(
    *,
    round_: Round,
    participant: Participant,
    statements: list[RoundStatement],
    answers: dict,
    remark: str = "",
) -> int:
    """Stores a participant's answers to one step (one success factor) of an open round, with the
    optional remark; refused when the round is closed. Returns the number of answers stored."""
    locked = Round.objects.select_for_update().filter(pk=round_.pk, closed_at__isnull=True).first()
    if locked is None:
        raise CollaborationError(_("This round is closed: answers can no longer be changed."))
    if participant.collaboration_id != round_.collaboration_id:
        raise CollaborationError(_("You do not take part in this collaboration."))
    stored = answers_save(
        model=Answer,
        owner={"round": round_, "participant": participant},
        statements=statements,
        answers=answers,
        fields_for=lambda statement: {"world": statement.world, "partner_id": participant.partner_id},
    )
    if statements:
        factor_id = statements[0].factor_id
        remark = remark.strip()
        if remark:
            Remark.objects.update_or_create(
                round=round_, participant=participant, factor_id=factor_id, defaults={"text": remark}
            )
        else:
            Remark.objects.filter(round=round_, participant=participant, factor_id=factor_id).delete()
    return stored


# -- Actions -----------------------------------------------------------------------------------------


def action_save(*, collaboration: Collaboration, by_participant: Participant, action: Action) -> Action:
    """Any participant may add or change an action of their collaboration."""
    if by_participant.collaboration_id != collaboration.pk or action.collaboration_id != collaboration.pk:
        raise CollaborationError(_("You do not take part in this collaboration."))
    if action.partner.collaboration_id != collaboration.pk:
        raise CollaborationError(_("Choose a partner of this collaboration."))
    if action.status == Action.Status.DONE and action.done_at is None:
        action.done_at = timezone.now()
    elif action.status != Action.Status.DONE:
        action.done_at = None
    action.save()
    return action
