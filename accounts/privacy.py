"""The professional's rights under the AVG/GDPR: all their data as JSON, and erasure of their account.

Each app that stores personal data has a `privacy.py` with `export(user) -> dict` and `erase(user)`;
this module only orchestrates. Erasure keeps anonymous data only where aggregates need it (quiz
statistics, FitnessScan profiles) and revokes certificates.
"""

import importlib
import importlib.util

from django.db import transaction
from django.utils import timezone

from .models import User

PRIVACY_MODULES = [
    "courses.privacy",
    "modules.privacy",
    "cases.privacy",
    "fitnessscan.privacy",
    "collaborations.privacy",
    "programmes.privacy",
]


def _modules():
    for name in PRIVACY_MODULES:
        if importlib.util.find_spec(name) is not None:
            yield name.split(".")[0], importlib.import_module(name)


def user_data_export(*, user: User) -> dict:
    data = {
        "exported_at": timezone.now().isoformat(),
        "profile": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "job_title": user.job_title,
            "organisation": user.organisation.name if user.organisation else None,
            "organisation_role": user.organisation_role,
            "preferred_language": user.preferred_language,
            "reminders_enabled": user.reminders_enabled,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "membership_requests": [
            {
                "organisation": request.organisation.name,
                "status": request.status,
                "requested_at": request.created_at.isoformat(),
                "decided_at": request.decided_at.isoformat() if request.decided_at else None,
            }
            for request in user.membership_requests.select_related("organisation")
        ],
    }
    for app, module in _modules():
        data[app] = module.export(user)
    return data


@transaction.atomic
def user_erase(*, user: User) -> None:
    """Removes the account and the personal data of every app; what remains is anonymous."""
    for _app, module in _modules():
        module.erase(user)
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user=user).delete()
    user.delete()
