"""The invitation e-mail of a collaboration, sent once by tasks.send_invitation."""

from django.conf import settings
from django.urls import reverse

from accounts.emails import _send, _send_once, absolute
from accounts.models import User

from .models import Invitation


def invitation_mail_send(*, invitation_id: int) -> bool:
    from .services import invitation_token

    queryset = Invitation.objects.filter(
        pk=invitation_id, accepted_at__isnull=True, withdrawn_at__isnull=True
    )
    invitation = queryset.select_related("collaboration", "partner", "invited_by").first()
    if invitation is None:
        return False
    account = User.objects.filter(email__iexact=invitation.email).first()
    token = invitation_token(invitation=invitation)
    return _send_once(
        queryset,
        "sent_at",
        lambda: _send(
            to=invitation.email,
            language=account.preferred_language if account else settings.LANGUAGE_CODE,
            template="collaborations/emails/invitation",
            context={
                "collaboration": invitation.collaboration,
                "partner": invitation.partner,
                "invited_by": invitation.invited_by,
                "has_account": account is not None,
                "accept_url": absolute(reverse("collaborations:invitation", args=[token])),
            },
        ),
    )
