"""Bulk enrolment: a list of addresses (pasted or a CSV file) enrolled in a group or a course.

Two steps. The preview classifies every line (enrolled, invited, already enrolled, invalid, duplicate,
another organisation's member) and saves nothing. The confirmation classifies the same text again — the
data may have changed in between — and applies it in one transaction: all lines or none.

Who may do what: a coordinator enrols the professionals of their own organisation (another
organisation's member is refused) in any course or open group; a trainer enrols anyone in the groups
they run.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import roles
from accounts.models import User
from accounts.services import INVITATIONS_PER_SUBMIT, MembershipError, membership_invite
from courses.models import CoursePage, Enrolment
from courses.services import JourneyError, enrolment_create

from .models import LearningGroup
from .selectors import group_member_ids, groups_managed_by, open_groups
from .services import GroupError, group_add_member, group_invite

MAX_LINES = 2000
MAX_FILE_BYTES = 1_000_000
EMAIL_HEADERS = {"email", "e-mail", "e-mailadres", "emailadres", "mail", "email address", "e-mail address"}
NAME_HEADERS = {"name", "naam", "volledige naam"}


class BulkFileError(Exception):
    """The file as a whole cannot be read; the message says why and what to do."""


OUTCOMES = {
    "enrol": gettext_lazy("Will be enrolled"),
    "invite": gettext_lazy("New: gets an invitation by e-mail"),
    "already": gettext_lazy("Already enrolled"),
    "invalid": gettext_lazy("Not a valid e-mail address"),
    "duplicate": gettext_lazy("Appears earlier in the list"),
    "other_organisation": gettext_lazy("Member of another organisation: not enrolled"),
}
SAVED_OUTCOMES = {"enrol", "invite"}


@dataclass
class BulkRow:
    line: int
    email: str
    name: str
    outcome: str = ""
    user: User | None = None

    @property
    def label(self) -> str:
        return str(OUTCOMES[self.outcome])

    @property
    def is_problem(self) -> bool:
        return self.outcome in {"invalid", "duplicate", "other_organisation"}


@dataclass(frozen=True)
class BulkTarget:
    key: str
    label: str
    group: LearningGroup | None = None
    course: CoursePage | None = None


def decode_upload(data: bytes) -> str:
    if len(data) > MAX_FILE_BYTES:
        raise BulkFileError(_("The file is larger than 1 MB. Split it into smaller files."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BulkFileError(
            _("The file is not UTF-8 text. Save it as “CSV UTF-8” in your spreadsheet program and try again.")
        ) from None


def parse_lines(text: str) -> list[BulkRow]:
    """The rows of a pasted list or CSV (comma, semicolon or tab separated). A first line with column
    names chooses the e-mail and name columns; without it the first column is the address."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise BulkFileError(_("The list is empty: paste or upload at least one e-mail address."))
    data_lines = len(lines) - ("@" not in lines[0])  # a first line without an address names the columns
    if data_lines > MAX_LINES:
        raise BulkFileError(
            _("The list has %(count)s lines; at most %(max)s can be enrolled at a time. Split it up.")
            % {"count": data_lines, "max": MAX_LINES}
        )
    delimiter = max((";", ",", "\t"), key=lambda d: lines[0].count(d))
    records = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    header = [cell.strip().lower() for cell in records[0]]
    email_column, name_column, first = 0, None, 1
    if any(cell in EMAIL_HEADERS for cell in header):
        email_column = next(i for i, cell in enumerate(header) if cell in EMAIL_HEADERS)
        name_column = next((i for i, cell in enumerate(header) if cell in NAME_HEADERS), None)
        first = 2
        records = records[1:]
    elif "@" not in lines[0] and len(header) > 1:
        raise BulkFileError(
            _(
                "The first line has column names but no column “e-mail”. Name the column with the addresses “e-mail”."
            )
        )
    elif len(header) > 1:
        name_column = 1
    rows = []
    for number, record in enumerate(records, start=first):
        email = record[email_column].strip() if len(record) > email_column else ""
        name = record[name_column].strip() if name_column is not None and len(record) > name_column else ""
        rows.append(BulkRow(line=number, email=email[:254], name=name[:200]))
    return rows


def targets_for(*, user) -> list[BulkTarget]:
    """What this user may enrol people in: trainers their groups, coordinators any course or open group."""
    targets: list[BulkTarget] = []
    if roles.is_coordinator(user):
        groups = list(open_groups())
    elif roles.is_trainer(user):
        groups = [g for g in groups_managed_by(user=user) if g in set(open_groups())]
    else:
        raise PermissionDenied
    targets += [BulkTarget(f"group:{g.pk}", _("Group: %(name)s") % {"name": g.name}, group=g) for g in groups]
    if roles.is_coordinator(user):
        targets += [
            BulkTarget(f"course:{c.pk}", _("Course: %(title)s") % {"title": c.title}, course=c)
            for c in CoursePage.objects.live().order_by("title")
        ]
    return targets


def target_for(*, user, key: str) -> BulkTarget | None:
    return next((t for t in targets_for(user=user) if t.key == key), None)


def classify(*, actor, target: BulkTarget, rows: list[BulkRow]) -> list[BulkRow]:
    """Says per row what the confirmation would do. Three queries for any number of rows."""
    seen: set[str] = set()
    valid = []
    for row in rows:
        try:
            validate_email(row.email)
        except ValidationError:
            row.outcome = "invalid"
            continue
        key = row.email.lower()
        if key in seen:
            row.outcome = "duplicate"
            continue
        seen.add(key)
        valid.append(row)
    users = {u.email.lower(): u for u in User.objects.filter(email__in=[r.email.lower() for r in valid])}
    if target.group is not None:
        enrolled = group_member_ids(group=target.group)
    else:
        enrolled = set(
            Enrolment.objects.filter(course=target.course, status=Enrolment.Status.ACTIVE).values_list(
                "user_id", flat=True
            )
        )
    coordinator_of = actor.organisation_id if roles.is_coordinator(actor) else None
    for row in valid:
        user = users.get(row.email.lower())
        row.user = user
        if user is None:
            row.outcome = "invite"
        elif coordinator_of is not None and user.organisation_id != coordinator_of:
            row.outcome = "other_organisation"
        elif user.pk in enrolled:
            row.outcome = "already"
        else:
            row.outcome = "enrol"
    return rows


def preview_problems(*, actor, target: BulkTarget, rows: list[BulkRow]) -> list[str]:
    """Reasons the whole list cannot be confirmed (the rows themselves are fine)."""
    problems = []
    invites = sum(row.outcome == "invite" for row in rows)
    if roles.is_coordinator(actor) and invites > INVITATIONS_PER_SUBMIT:
        problems.append(
            _("%(count)s new people: at most %(max)s invitations at a time.")
            % {"count": invites, "max": INVITATIONS_PER_SUBMIT}
        )
    group = target.group
    enrolling = sum(row.outcome in SAVED_OUTCOMES for row in rows)
    if group is not None and group.capacity is not None:
        free = group.capacity - len(group_member_ids(group=group))
        if enrolling > free:
            problems.append(
                _("The group has room for %(free)s more members, the list adds %(count)s.")
                % {"free": max(free, 0), "count": enrolling}
            )
    return problems


def summary(rows: list[BulkRow]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.outcome] = counts.get(row.outcome, 0) + 1
    return [(str(OUTCOMES[outcome]), counts[outcome]) for outcome in OUTCOMES if outcome in counts]


def bulk_enrol(*, actor, target: BulkTarget, text: str) -> list[BulkRow]:
    """Classifies the list again and applies it: all lines or none (an error rolls everything back)."""
    rows = classify(actor=actor, target=target, rows=parse_lines(text))
    problems = preview_problems(actor=actor, target=target, rows=rows)
    if problems:
        raise BulkFileError(" ".join(problems))
    new_addresses = [row.email.lower() for row in rows if row.outcome == "invite"]
    try:
        with transaction.atomic():
            for row in rows:
                if row.outcome != "enrol":
                    continue
                if target.group is not None:
                    group_add_member(group=target.group, user=row.user)
                else:
                    enrolment_create(user=row.user, course=target.course)
            if new_addresses and roles.is_coordinator(actor):
                membership_invite(coordinator=actor, emails=new_addresses)
            if new_addresses and target.group is not None:
                for email in new_addresses:
                    group_invite(group=target.group, email=email, invited_by=actor)
    except (GroupError, JourneyError, MembershipError) as error:
        raise BulkFileError(_("Nothing was saved: %(reason)s") % {"reason": error}) from error
    return rows
