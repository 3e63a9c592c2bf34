"""Writes of the 360° feedback round: start it, invite, answer through a single-use link, rate yourself,
share the report with a trainer. Every rule is checked here, whatever the form showed."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from django.core import signing
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from questionnaires.services import answers_save

from .models import MINIMUM_RESPONDENTS, FeedbackRound, Respondent, RoundAnswer, RoundStatement

LINK_SALT = "feedback.respondent"
LINK_VALID_DAYS = 21
MAX_OPEN_ANSWER = 2000
MAX_RESPONDENTS = 30


class RoundError(Exception):
    """The request is refused; the message is shown as it is."""


class LinkInvalid(RoundError):
    def __init__(self, reason: str, message: str):
        self.reason = reason  # unknown, expired, used
        super().__init__(message)


def respondent_token(respondent: Respondent) -> str:
    return signing.dumps(respondent.pk, salt=LINK_SALT)


def active_statements():
    return RoundStatement.objects.filter(is_active=True).select_related("factor")


def round_start(*, owner, title: str, emails: list[str]) -> FeedbackRound:
    """A new round with the professional's own rating and an invitation per address (mailed after commit)."""
    title = title.strip()
    if not title:
        raise RoundError(_("Give the round a title."))
    cleaned: list[str] = []
    for raw in emails:
        address = raw.strip().lower()
        if not address:
            continue
        try:
            validate_email(address)
        except Exception:  # noqa: BLE001 — Django's ValidationError, shown with the address
            raise RoundError(
                _("“%(address)s” is not an e-mail address.") % {"address": address[:100]}
            ) from None
        if address == owner.email.lower():
            raise RoundError(_("You rate yourself in the round; do not invite your own address."))
        if address in cleaned:
            raise RoundError(_("“%(address)s” is in the list twice.") % {"address": address})
        cleaned.append(address)
    if len(cleaned) < MINIMUM_RESPONDENTS:
        raise RoundError(
            _(
                "Invite at least %(count)d colleagues or partners: their scores show from %(count)d answers on."
            )
            % {"count": MINIMUM_RESPONDENTS}
        )
    if len(cleaned) > MAX_RESPONDENTS:
        raise RoundError(_("Invite at most %(count)d people.") % {"count": MAX_RESPONDENTS})
    if not active_statements().exists():
        raise RoundError(_("The trainers have not written the statements of the feedback round yet."))
    expires = timezone.now() + timedelta(days=LINK_VALID_DAYS)
    with transaction.atomic():
        feedback_round = FeedbackRound.objects.create(owner=owner, title=title[:200])
        Respondent.objects.create(round=feedback_round, is_self=True)
        respondents = Respondent.objects.bulk_create(
            [Respondent(round=feedback_round, email=address, expires_at=expires) for address in cleaned]
        )
        from academy.tasks import enqueue

        from .tasks import respondent_invitation_task

        for respondent in respondents:
            enqueue(respondent_invitation_task, respondent.pk)
    return feedback_round


def respondent_from_token(token: str, *, now=None) -> Respondent:
    """The respondent a link belongs to; an unknown, expired or used link raises `LinkInvalid`."""
    now = now or timezone.now()
    try:
        respondent_id = signing.loads(token, salt=LINK_SALT, max_age=timedelta(days=LINK_VALID_DAYS + 1))
    except signing.SignatureExpired:
        raise LinkInvalid("expired", _("This link has expired.")) from None
    except signing.BadSignature:
        raise LinkInvalid("unknown", _("This link is not known.")) from None
    respondent = (
        Respondent.objects.select_related("round__owner").filter(pk=respondent_id, is_self=False).first()
    )
    if respondent is None:
        raise LinkInvalid("unknown", _("This link is not known."))
    if respondent.answered_at is not None:
        raise LinkInvalid("used", _("This link has been used: the answers were sent. Thank you."))
    if respondent.expires_at is not None and respondent.expires_at < now:
        raise LinkInvalid("expired", _("This link has expired."))
    return respondent


def _open_text(value: str) -> str:
    text = (value or "").replace("\r\n", "\n").strip()
    if len(text) > MAX_OPEN_ANSWER:
        raise RoundError(_("An answer is too long: at most %(max)d characters.") % {"max": MAX_OPEN_ANSWER})
    return text


def respondent_answer(
    *, respondent: Respondent, statements, answers: Mapping, goes_well: str, could_be_better: str
) -> None:
    """Stores a respondent's answers once: a second submit from the same link changes nothing."""
    goes_well, could_be_better = _open_text(goes_well), _open_text(could_be_better)
    with transaction.atomic():
        claimed = Respondent.objects.filter(pk=respondent.pk, answered_at__isnull=True).update(
            answered_at=timezone.now(), goes_well=goes_well, could_be_better=could_be_better
        )
        if not claimed:
            raise LinkInvalid("used", _("This link has been used: the answers were sent. Thank you."))
        answers_save(
            model=RoundAnswer, owner={"respondent": respondent}, statements=statements, answers=answers
        )
        feedback_round = respondent.round
        answered = feedback_round.respondents.filter(is_self=False, answered_at__isnull=False).count()
        if answered == MINIMUM_RESPONDENTS:
            from notifications.models import Kind
            from notifications.services import notify

            notify(
                user_id=feedback_round.owner_id,
                kind=Kind.FEEDBACK_ROUND,
                subject=feedback_round.title,
                url=f"/feedbackronde/{feedback_round.pk}/",
                event_key=f"feedback-round:{feedback_round.pk}",
            )


def self_rating_save(*, feedback_round: FeedbackRound, statements, answers: Mapping) -> None:
    """The professional's own rating; they may change it (one answer per statement)."""
    own = feedback_round.respondents.get(is_self=True)
    with transaction.atomic():
        answers_save(model=RoundAnswer, owner={"respondent": own}, statements=statements, answers=answers)
        Respondent.objects.filter(pk=own.pk).update(answered_at=timezone.now())


def round_share(*, feedback_round: FeedbackRound, trainer) -> None:
    """Shares the report with one trainer, or (None) stops sharing."""
    from accounts import roles

    if trainer is not None and not roles.is_trainer(trainer):
        raise RoundError(_("Choose one of the trainers."))
    FeedbackRound.objects.filter(pk=feedback_round.pk).update(shared_with=trainer)
    feedback_round.shared_with = trainer


def respondent_invitation_send(*, respondent_id: int) -> bool:
    """Mails the invitation with the respondent's link, once."""
    from django.conf import settings
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.utils import translation

    claimed = Respondent.objects.filter(
        pk=respondent_id, invitation_sent_at__isnull=True, is_self=False
    ).update(invitation_sent_at=timezone.now())
    if not claimed:
        return False
    respondent = Respondent.objects.select_related("round__owner").get(pk=respondent_id)
    owner = respondent.round.owner
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    try:
        with translation.override(owner.preferred_language or settings.LANGUAGE_CODE):
            context = {
                "owner": owner,
                "respondent": respondent,
                "link": f"{base}/feedbackronde/antwoord/{respondent_token(respondent)}/",
            }
            subject = " ".join(render_to_string("feedback/emails/invitation_subject.txt", context).split())
            body = render_to_string("feedback/emails/invitation.txt", context)
        send_mail(subject, body, None, [respondent.email])
    except Exception:
        Respondent.objects.filter(pk=respondent_id).update(invitation_sent_at=None)
        raise
    return True
