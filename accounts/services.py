from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from . import roles
from .models import Organisation, User

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


def user_update_profile(*, user: User, organisation: Organisation | None, **fields) -> User:
    """Saves a user's own profile. Moving to another organisation drops a coordinator role:
    a coordinator is appointed for one organisation, not carried along."""
    # Read the stored value: a bound ModelForm has already copied the new one onto `user`.
    stored_organisation_id = User.objects.values_list("organisation_id", flat=True).get(pk=user.pk)
    if (organisation.pk if organisation else None) != stored_organisation_id:
        user.organisation_role = User.Role.PROFESSIONAL
    user.organisation = organisation
    for name, value in fields.items():
        setattr(user, name, value)
    user.save()
    return user
