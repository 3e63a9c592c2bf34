"""The one place that says who a user is on the platform. Views and templates ask here."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Organisation, User

TRAINERS = "Trainers"
MODERATORS = "Moderators"
ADMINISTRATORS = "Administrators"


def _group_names(user: User) -> set[str]:
    # Cached on the instance: a page asks several role questions per request.
    if not hasattr(user, "_group_names_cache"):
        user._group_names_cache = set(user.groups.values_list("name", flat=True))
    return user._group_names_cache


def is_administrator(user: User) -> bool:
    return user.is_authenticated and (user.is_superuser or ADMINISTRATORS in _group_names(user))


def is_trainer(user: User) -> bool:
    return user.is_authenticated and (TRAINERS in _group_names(user) or is_administrator(user))


def is_moderator(user: User) -> bool:
    return user.is_authenticated and (MODERATORS in _group_names(user) or is_administrator(user))


def is_coordinator(user: User) -> bool:
    return (
        user.is_authenticated
        and user.organisation_id is not None
        and user.organisation_role == user.Role.COORDINATOR
    )


def coordinates(user: User, organisation: Organisation) -> bool:
    return is_coordinator(user) and user.organisation_id == organisation.pk


def is_platform_member(user: User) -> bool:
    """Users of member organisations may share best-practice cases."""
    return user.is_authenticated and user.organisation_id is not None and user.organisation.is_platform_member
