"""Anonymous results are kept in the session; logging in (also right after signing up) saves them to
the account."""

from django.contrib import messages
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils.translation import ngettext

from . import session
from .services import responses_claim


@receiver(user_logged_in, dispatch_uid="fitnessscan_claim_session_responses")
def claim_session_responses(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    ids = session.all_response_ids(request.session)
    if ids:
        claimed = responses_claim(user=user, response_ids=ids)
        session.forget_all(request.session)
        if claimed:
            messages.success(
                request,
                ngettext(
                    "Your FitnessScan has been saved to your account.",
                    "Your %(count)d FitnessScans have been saved to your account.",
                    claimed,
                )
                % {"count": claimed},
                fail_silently=True,
            )
