"""The IDOR matrix: every URL that takes an id, slug, code or token × every role.

The URL patterns come from the URL configuration itself (Django's resolver, recursively, and the routes of
every routable page model), so a new pattern with a parameter and no entry in MATRIX fails
`test_every_url_with_a_parameter_has_an_entry`, naming the pattern. Patterns of third-party apps are in
NOT_OURS, with the reason why the framework covers them.

One world is built per module (an owner with a course, a quiz attempt, a FitnessScan result, a case draft and
a certificate, and the eight other roles); each test rolls back to it. A cross-owner request must be refused
with the entry's status and must neither show the owner's secret nor change the owner's data (compared
before and after, for GET and for POST).

Adding an entry (for instance a membership request or invitation URL): give its pattern key (the
namespaced URL name, or "PageModel:route" for a routable page) an `Entry` with the URL of an object of the
owner, the roles that may see it and how the others are refused; extend `World` and `world_build` with the
object, and `owner_snapshot` with the data a refused POST could change.
"""

from __future__ import annotations

import collections
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.core import signing
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, include, path, reverse
from django.urls.resolvers import RoutePattern
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import get_page_models

from accounts.factories import OrganisationFactory, UserFactory
from accounts.models import Organisation, User
from accounts.roles import ADMINISTRATORS, TRAINERS
from accounts.services import group_grant_page_permissions, groups_ensure

ROLES = (
    "anonymous",
    "owner",
    "other_professional",
    "other_organisation_member",
    "coordinator",
    "other_coordinator",
    "other_trainer",
    "trainer",
    "administrator",
)
LOGGED_IN = frozenset(ROLES) - {"anonymous"}
ALL = frozenset(ROLES)
SECRET = "Geheim-7f3a"  # in every object of the owner that a page could show

# --------------------------------------------------------------------------- the world


@dataclass
class World:
    users: dict[str, User]
    organisation: Organisation
    course: object
    other_course: object
    lesson: object
    block_id: str
    quiz: object
    question: object
    open_attempt: object
    done_attempt: object
    scan_page: object
    scan_response: object
    case_index: object
    case: object
    certificate: object
    membership_request: object
    invitation_token: str
    draft_image_name: str
    draft_image_content: bytes
    journal_entry: object
    open_response: object
    notification: object
    feedback_round: object
    respondent_token: str
    collaboration: object = None  # led by the owner: a closed round with results, an open one
    collaboration_invitation: object = None
    collaboration_action: object = None
    collaboration_token: str = ""
    group: object = None
    meeting: object = None


def _collaboration_build(owner: User, invited: User) -> dict:
    from datetime import timedelta

    from django.utils import timezone

    from collaborations import services as collaboration_services
    from collaborations.factories import collaboration_create, participant_add, round_answer_all, round_open
    from collaborations.models import Action, Participant, Remark

    collaboration = collaboration_create(
        regisseur=owner, partners=("Externe partner",), name="Wijkteams Eigenstad"
    )
    collaboration.description = f"Beschrijving {SECRET}"
    collaboration.save()
    own = Participant.objects.get(user=owner)
    first = round_open(collaboration=collaboration)
    for participant in [own, participant_add(partner=own.partner), participant_add(partner=own.partner)]:
        round_answer_all(round_=first, participant=participant)
    Remark.objects.create(round=first, participant=own, factor=first.statements.first().factor, text=SECRET)
    collaboration_services.round_close(round_=first, by=owner)
    round_open(collaboration=collaboration)
    (invitation,) = collaboration_services.participants_invite(
        partner=own.partner, by=owner, emails=[invited.email]
    )
    action = Action.objects.create(
        collaboration=collaboration,
        description=f"Actie {SECRET}",
        factor=first.statements.first().factor,
        partner=own.partner,
        due_date=timezone.localdate() + timedelta(days=7),
    )
    return {
        "collaboration": collaboration,
        "collaboration_invitation": invitation,
        "collaboration_action": action,
        "collaboration_token": collaboration_services.invitation_token(invitation=invitation),
    }


def world_build() -> World:
    from cases.factories import CaseIndexPageFactory
    from cases.services import CaseContent, case_save
    from courses import services as course_services
    from courses.factories import build_course, course_index, lessons_of
    from courses.models import Certificate, Enrolment
    from fitnessscan.factories import completed_response_create, scan_page_create
    from home.demo import ensure_home
    from modules import quiz_services
    from modules.factories import attempt_answers, build_quiz
    from modules.models import ModulePage, Question, QuestionKind
    from successfactors.demo import seed as seed_factors

    groups = groups_ensure()
    home = ensure_home()
    organisation = OrganisationFactory(name="Gemeente Eigenstad")
    elsewhere = OrganisationFactory(name="Waterschap Elders")
    coordinator = User.Role.COORDINATOR
    users = {
        "owner": UserFactory(
            email="eigenaar@example.org", first_name="Eva", last_name=SECRET, organisation=organisation
        ),
        "other_professional": UserFactory(email="collega@example.org", organisation=organisation),
        "other_organisation_member": UserFactory(email="elders@example.org", organisation=elsewhere),
        "coordinator": UserFactory(
            email="coordinator@example.org", organisation=organisation, organisation_role=coordinator
        ),
        "other_coordinator": UserFactory(
            email="coordinator-elders@example.org", organisation=elsewhere, organisation_role=coordinator
        ),
        "trainer": UserFactory(email="trainer@example.org", organisation=None),
        "other_trainer": UserFactory(email="andere-trainer@example.org", organisation=None),
        "administrator": UserFactory(
            email="beheer@example.org", organisation=None, is_superuser=True, is_staff=True
        ),
    }
    for role in ("trainer", "other_trainer"):
        users[role].groups.add(groups[TRAINERS])
    users["administrator"].groups.add(Group.objects.get(name=ADMINISTRATORS))
    # As in the demo: the trainers' group edits every course page; reports follow the course's trainers.
    group_grant_page_permissions(
        group=groups[TRAINERS], page=course_index(), codenames=["add_page", "change_page", "publish_page"]
    )

    course = build_course(title="Eigen cursus", modules=1, lessons=1, offers_certificate=True)
    course.trainers.add(users["trainer"])
    course.save_revision().publish()
    other_course = build_course(title="Andere cursus", modules=1, lessons=1)
    other_course.trainers.add(users["other_trainer"])
    other_course.save_revision().publish()
    lesson = lessons_of(course)[0]
    block_id = next(block.id for block in lesson.body if block.block_type == "reflection")
    quiz = build_quiz(
        module=ModulePage.objects.child_of(course).first(),
        questions=2,
        kinds=[QuestionKind.SINGLE_CHOICE, QuestionKind.OPEN],
        max_attempts=5,
    )
    question = Question.objects.filter(quiz=quiz).order_by("sort_order").first()

    for role in ("owner", "other_professional"):
        course_services.enrolment_create(user=users[role], course=course)
    owner = users["owner"]
    # The reflection asks for the trainer's feedback; the trainer gave it (and so the owner was notified).
    from feedback.factories import reflections_ask_feedback

    reflections_ask_feedback(lesson)
    journal_entry = course_services.journal_save(
        user=owner, lesson=lesson, block_id=block_id, answer=f"Reflectie {SECRET}"
    )
    course_services.journal_feedback_give(
        entry=journal_entry,
        trainer=users["trainer"],
        body="<p>Feedback</p>",
        expected_waiting_since=journal_entry.awaiting_feedback_since,
    )
    done = quiz_services.attempt_start(quiz=quiz, user=owner)
    quiz_services.attempt_submit(
        attempt=done, quiz=quiz, user=owner, data=attempt_answers(done, open_text=f"Antwoord {SECRET}")
    )
    from feedback import round_services
    from feedback.factories import round_statements_create
    from modules.models import QuestionResponse
    from notifications.models import Notification

    round_statements_create(per_factor=1, factors=3)
    feedback_round = round_services.round_start(
        owner=owner, title=f"Ronde {SECRET}", emails=["r1@example.org", "r2@example.org", "r3@example.org"]
    )
    respondent_token = round_services.respondent_token(
        feedback_round.respondents.filter(is_self=False).first()
    )
    open_response = QuestionResponse.objects.get(attempt=done, question__kind=QuestionKind.OPEN)
    notification = Notification.objects.get(user=owner)
    open_attempt = quiz_services.attempt_start(quiz=quiz, user=owner)
    quiz_services.attempt_save_answers(
        attempt=open_attempt, quiz=quiz, user=owner, data=attempt_answers(open_attempt, open_text=SECRET)
    )

    factors = seed_factors(lambda *args: None, {})["factors"]
    scan_page = scan_page_create(factors=factors, statements_per_factor=1, with_advice=False)
    scan_response = completed_response_create(page=scan_page, user=owner)

    case_index = CaseIndexPageFactory(parent=home)
    case = case_save(
        user=owner,
        index=case_index,
        case=None,
        content=CaseContent(
            title=f"Concept {SECRET}",
            summary="Samenvatting.",
            sector="sociaal-domein",
            collaboration_kind="netwerk",
            context="<p>Context.</p>",
        ),
        submit=False,
    )
    enrolment = Enrolment.objects.get(user=owner, course=course)
    certificate = Certificate.objects.create(
        enrolment=enrolment,
        holder_name=f"Eva {SECRET}",
        course_title=course.title,
        completed_at=enrolment.enrolled_at,
    )
    # A professional without an organisation asks to join the owner's organisation; the trainer (no
    # organisation either) is invited to it by its coordinator.
    from accounts.models import MembershipInvitation, MembershipRequest
    from accounts.services import invitation_token

    requester = UserFactory(email="aanvrager@example.org", last_name=SECRET, organisation=None)
    membership_request = MembershipRequest.objects.create(user=requester, organisation=organisation)
    invitation = MembershipInvitation.objects.create(
        organisation=organisation, email=users["trainer"].email, invited_by=users["coordinator"]
    )
    # An image of the owner's unpublished case, kept private until publication.
    import io

    from PIL import Image

    from cases.services import case_image_store
    from cases.uploads import CleanImage

    png = io.BytesIO()
    Image.new("RGB", (4, 3), "orange").save(png, "PNG")
    draft_image = case_image_store(
        user=owner,
        image=CleanImage(content=png.getvalue(), extension="png", width=4, height=3, original_name="o.png"),
        alt_text="Overleg",
    )
    # A learning group run by the trainer with the owner as its member, and a meeting the owner registered for.
    from programmes.factories import add_meeting, build_group
    from programmes.models import CalendarFeed, MeetingRegistration

    group = build_group(course=course, trainers=[users["trainer"]], members=[owner], name=f"Groep {SECRET}")
    meeting = add_meeting(group, title=f"Bijeenkomst {SECRET}", description=SECRET)
    MeetingRegistration.objects.create(meeting=meeting, user=owner)
    CalendarFeed.objects.create(user=owner)
    return World(
        journal_entry=journal_entry,
        feedback_round=feedback_round,
        respondent_token=respondent_token,
        open_response=open_response,
        notification=notification,
        **_collaboration_build(owner, users["trainer"]),
        group=group,
        meeting=meeting,
        draft_image_name=draft_image.file.name,
        draft_image_content=png.getvalue(),
        membership_request=membership_request,
        invitation_token=invitation_token(invitation=invitation),
        users=users,
        organisation=organisation,
        course=course,
        other_course=other_course,
        lesson=lesson,
        block_id=block_id,
        quiz=quiz,
        question=question,
        open_attempt=open_attempt,
        done_attempt=done,
        scan_page=scan_page,
        scan_response=scan_response,
        case_index=case_index,
        case=case,
        certificate=certificate,
    )


def owner_snapshot(world: World) -> dict:
    """All the owner's data a refused request could change (or that an allowed one on *its own* data must
    leave alone)."""
    from accounts.models import MembershipRequest
    from cases.models import CasePage
    from courses.models import Certificate, Enrolment, ItemProgress, JournalEntry, JournalMessage
    from feedback.models import FeedbackRound, Respondent
    from fitnessscan.models import ScanResponse
    from modules.models import Attempt, Question, QuestionResponse
    from notifications.models import Notification
    from programmes.models import Announcement, CalendarFeed, GroupMembership, MeetingRegistration

    owner = world.users["owner"]

    def rows(queryset, *fields):
        return sorted(queryset.values_list(*fields), key=repr)

    return {
        "user": rows(
            User.objects.filter(pk=owner.pk),
            "email",
            "first_name",
            "last_name",
            "is_active",
            "organisation_id",
            "reminders_enabled",
        ),  # fmt: skip
        "organisation": rows(Organisation.objects.filter(pk=world.organisation.pk), "name", "sector"),
        "enrolments": rows(Enrolment.objects.filter(user=owner), "course_id", "status", "completed_at"),
        "progress": rows(ItemProgress.objects.filter(user=owner), "item_id", "completed_at"),
        "journal": rows(JournalEntry.objects.filter(user=owner), "block_id", "answer"),
        "attempts": rows(Attempt.objects.filter(user=owner), "uuid", "submitted_at", "score"),
        "answers": rows(QuestionResponse.objects.filter(attempt__user=owner), "pk", "answer"),
        "questions": rows(Question.objects.filter(quiz=world.quiz), "pk", "text", "sort_order", "is_active"),
        "scan": rows(ScanResponse.objects.filter(user=owner), "pk", "completed_at"),
        "cases": rows(CasePage.objects.filter(submitted_by=owner), "pk", "title", "latest_revision_id"),
        "certificates": rows(Certificate.objects.all(), "code", "revoked_at", "revoke_reason"),
        "membership": rows(
            User.objects.filter(organisation=world.organisation), "pk", "organisation_role"
        ),  # fmt: skip
        "membership_requests": rows(MembershipRequest.objects.all(), "pk", "status"),
        "journal_messages": rows(JournalMessage.objects.filter(entry__user=owner), "pk", "body"),
        "grades": rows(QuestionResponse.objects.filter(attempt__user=owner), "pk", "graded_at", "feedback"),
        "notifications": rows(Notification.objects.filter(user=owner), "pk", "read_at"),
        "feedback_rounds": rows(FeedbackRound.objects.filter(owner=owner), "pk", "title", "shared_with_id"),
        "feedback_answers": rows(Respondent.objects.filter(round__owner=owner), "pk", "answered_at"),
        "learning_groups": rows(GroupMembership.objects.filter(user=owner), "group_id"),
        "meeting_registrations": rows(
            MeetingRegistration.objects.filter(user=owner), "meeting_id", "attended"
        ),
        "announcements": rows(Announcement.objects.filter(group=world.group), "pk", "title"),
        "calendar_feed": rows(CalendarFeed.objects.filter(user=owner), "token"),
        **_collaboration_snapshot(world, rows),
    }


def _collaboration_snapshot(world: World, rows) -> dict:
    from collaborations.models import Action, Answer, Collaboration, Invitation, Partner, Round

    collaboration = world.collaboration
    return {
        "collaboration": rows(Collaboration.objects.filter(pk=collaboration.pk), "name", "regisseur_id"),
        "collaboration_partners": rows(
            Partner.objects.filter(collaboration=collaboration), "pk", "archived_at"
        ),
        "collaboration_invitations": rows(
            Invitation.objects.filter(collaboration=collaboration), "pk", "withdrawn_at", "accepted_at"
        ),
        "collaboration_rounds": rows(Round.objects.filter(collaboration=collaboration), "pk", "closed_at"),
        "collaboration_actions": rows(
            Action.objects.filter(collaboration=collaboration), "pk", "description", "status"
        ),
        "collaboration_answers": rows(
            Answer.objects.filter(round__collaboration=collaboration), "pk", "value"
        ),
    }


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once; every test runs in a savepoint inside this transaction and rolls back to it."""
    from django.test.utils import override_settings

    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with django_db_blocker.unblock(), media, transaction.atomic():
        built = world_build()
        yield built
        transaction.set_rollback(True)


# --------------------------------------------------------------------------- the matrix

# How a refusal looks: a status, or "login" (a redirect to a login page), or "admin-home" (Wagtail's
# answer to an admin user without the permission: a redirect to the dashboard with a message), or
# "page-without-secret" (a 200 that explains the feature without the owner's object, e.g. "become a member").
Refusal = int | str


@dataclass(frozen=True)
class Entry:
    url: Callable[[World], str]
    allowed: frozenset[str]  # roles that may see (and use) it
    refused: frozenset[Refusal] = frozenset({404})  # how the other logged-in roles are refused
    anonymous: frozenset[Refusal] = frozenset({"login"})
    per_role: dict[str, frozenset[Refusal]] = field(default_factory=dict)  # refusals that differ by role
    ok: frozenset[int] = frozenset({200})  # what an allowed role gets
    get: bool = True  # False: a POST-only view (GET answers 405 or the login redirect)
    post: Callable[[World], dict] | None = None  # state-changing: POST tried for every refused role
    post_ok: frozenset[int] | None = None  # set: allowed roles POST too and get one of these
    self_scoped: bool = False  # the id names a public object; the action touches the requester's own rows
    note: str = ""


def _collab(w: World, name: str, *args) -> str:
    return reverse(f"collaborations:{name}", args=[w.collaboration.pk, *args])


def no_data(world: World) -> dict:
    return {}


def _fs(*values) -> frozenset:
    return frozenset(values)


def _quiz_route(name: str, attempt: str = "open_attempt") -> Callable[[World], str]:
    return lambda w: (
        w.quiz.url + w.quiz.reverse_subpage(name, kwargs={"attempt_id": getattr(w, attempt).uuid})
    )


def _scan_route(name: str) -> Callable[[World], str]:
    return lambda w: (
        w.scan_page.url + w.scan_page.reverse_subpage(name, kwargs={"response_id": w.scan_response.pk})
    )


def _case_route(name: str) -> Callable[[World], str]:
    return lambda w: w.case_index.url + w.case_index.reverse_subpage(name, kwargs={"case_id": w.case.pk})


def _draft_image_url(w: World) -> str:
    # Each test has its own MEDIA_ROOT (tests/conftest.py): put the file where this test's storage looks.
    from django.core.files.base import ContentFile
    from wagtail.images import get_image_model

    storage = get_image_model()._meta.get_field("file").storage
    if not storage.exists(w.draft_image_name):
        storage.save(w.draft_image_name, ContentFile(w.draft_image_content))
    return reverse("draft_image", args=[w.draft_image_name])


ADMIN_ROLES = _fs("trainer", "other_trainer", "administrator")
NO_ADMIN_ACCESS = {
    role: _fs("login")
    for role in (
        "owner",
        "other_professional",
        "other_organisation_member",
        "coordinator",
        "other_coordinator",
    )
}
TRAINER_ONLY = {**NO_ADMIN_ACCESS, "trainer": _fs("admin-home"), "other_trainer": _fs("admin-home")}
CASE_FORM = {"title": "Overgenomen", "summary": "x", "sector": "sociaal-domein", "collaboration_kind": "netwerk",
             "context": "<p>x</p>", "save": "draft"}  # fmt: skip

MATRIX: dict[str, Entry] = {
    # ----- organisation membership (accounts/urls.py)
    "accounts:membership_approve": Entry(
        url=lambda w: reverse("accounts:membership_approve", args=[w.membership_request.pk]),
        allowed=_fs("coordinator"), get=False, post=no_data, post_ok=_fs(302),
        note="only the coordinator of the organisation asked decides; anyone else: 404",
    ),
    "accounts:membership_reject": Entry(
        url=lambda w: reverse("accounts:membership_reject", args=[w.membership_request.pk]),
        allowed=_fs("coordinator"), get=False, post=no_data, post_ok=_fs(302),
        note="only the coordinator of the organisation asked decides; anyone else: 404",
    ),
    "accounts:membership_invitation": Entry(
        url=lambda w: reverse("accounts:membership_invitation", args=[w.invitation_token]),
        allowed=_fs("trainer"), refused=_fs(403, "page-without-secret"),
        anonymous=_fs("page-without-secret"), post=no_data, post_ok=_fs(302),
        note="the link shows what it is for; only the invited address can accept it (403 for others)",
    ),
    # ----- collaborations (collaborations/urls.py): participants only, the regisseur manages
    "collaborations:detail": Entry(url=lambda w: _collab(w, "detail"), allowed=_fs("owner")),
    "collaborations:partner_add": Entry(
        url=lambda w: _collab(w, "partner_add"), allowed=_fs("owner"), get=False,
        post=lambda w: {"name": "Overgenomen partner"}, post_ok=_fs(302),
    ),
    "collaborations:partner_remove": Entry(
        url=lambda w: _collab(w, "partner_remove", w.collaboration.partners.get(name="Externe partner").pk),
        allowed=_fs("owner"), get=False, post=no_data, post_ok=_fs(302),
    ),
    "collaborations:invite": Entry(
        url=lambda w: _collab(w, "invite"), allowed=_fs("owner"), get=False,
        post=lambda w: {"partner": w.collaboration_invitation.partner_id, "emails": "overgenomen@example.org"},
        post_ok=_fs(302),
    ),
    "collaborations:invitation_resend": Entry(
        url=lambda w: _collab(w, "invitation_resend", w.collaboration_invitation.pk),
        allowed=_fs("owner"), get=False, post=no_data, post_ok=_fs(302),
    ),
    "collaborations:invitation_withdraw": Entry(
        url=lambda w: _collab(w, "invitation_withdraw", w.collaboration_invitation.pk),
        allowed=_fs("owner"), get=False, post=no_data, post_ok=_fs(302),
    ),
    "collaborations:hand_over": Entry(
        url=lambda w: _collab(w, "hand_over"), allowed=_fs("owner"), get=False,
        post=lambda w: {"participant": w.collaboration.participants.exclude(user=w.users["owner"]).first().pk},
        post_ok=_fs(302),
    ),
    "collaborations:round_open": Entry(
        url=lambda w: _collab(w, "round_open"), allowed=_fs("owner"), get=False,
        post=lambda w: {"closes_on": "2099-01-01"}, post_ok=_fs(400),
        note="a round is open already: the regisseur gets the form back",
    ),
    "collaborations:round_close": Entry(
        url=lambda w: _collab(w, "round_close", 2), allowed=_fs("owner"), get=False, post=no_data, post_ok=_fs(302),
    ),
    "collaborations:results": Entry(url=lambda w: _collab(w, "results", 1), allowed=_fs("owner")),
    "collaborations:reset_agenda": Entry(url=lambda w: _collab(w, "reset_agenda", 1), allowed=_fs("owner")),
    "collaborations:step": Entry(
        url=lambda w: _collab(w, "step", 2, 1), allowed=_fs("owner"),
        post=lambda w: {"remark": "Overgenomen"},
    ),
    "collaborations:actions": Entry(
        url=lambda w: _collab(w, "actions"), allowed=_fs("owner"),
        post=lambda w: {"description": "Overgenomen", "factor": w.collaboration_action.factor_id,
                        "partner": w.collaboration_action.partner_id, "due_date": "2099-01-01", "status": "open"},
    ),
    "collaborations:action_edit": Entry(
        url=lambda w: _collab(w, "action_edit", w.collaboration_action.pk), allowed=_fs("owner"),
        post=lambda w: {"description": "Overgenomen", "factor": w.collaboration_action.factor_id,
                        "partner": w.collaboration_action.partner_id, "due_date": "2099-01-01", "status": "klaar"},
    ),
    "collaborations:invitation": Entry(
        url=lambda w: reverse("collaborations:invitation", args=[w.collaboration_token]),
        allowed=_fs("trainer"), refused=_fs(403, "page-without-secret"),
        anonymous=_fs("page-without-secret"), post=no_data, post_ok=_fs(302),
        note="the link shows what it is for; only the invited address can join with it (403 for others)",
    ),
    # ----- the professional's own pages (courses/urls.py)
    "courses:enrol": Entry(
        url=lambda w: reverse("courses:enrol", args=[w.other_course.pk]),
        allowed=LOGGED_IN, get=False, post=no_data, post_ok=_fs(302), self_scoped=True,
        note="a published course; enrolling enrols the requester",
    ),
    "courses:leave": Entry(
        url=lambda w: reverse("courses:leave", args=[w.course.pk]),
        allowed=LOGGED_IN, get=False, post=no_data, post_ok=_fs(302), self_scoped=True,
        note="leaving touches the requester's own enrolment only",
    ),
    "courses:continue": Entry(
        url=lambda w: reverse("courses:continue", args=[w.course.pk]),
        allowed=LOGGED_IN, ok=_fs(302), self_scoped=True, note="redirects to the requester's next item",
    ),
    "courses:complete": Entry(
        url=lambda w: reverse("courses:complete", args=[w.lesson.pk]),
        allowed=LOGGED_IN, get=False, post=no_data, post_ok=_fs(302), self_scoped=True,
        note="completes the lesson for the requester (refused with a message when not enrolled)",
    ),
    "courses:reflection": Entry(
        url=lambda w: reverse("courses:reflection", args=[w.lesson.pk, w.block_id]),
        allowed=LOGGED_IN, get=False, post=lambda w: {"answer": "Overgenomen"}, post_ok=_fs(302),
        self_scoped=True, note="saves the requester's own journal entry",
    ),
    "courses:journal_reply": Entry(
        url=lambda w: reverse("courses:journal_reply", args=[w.journal_entry.pk]),
        allowed=_fs("owner"), get=False, post=lambda w: {"text": "Overgenomen"}, post_ok=_fs(302),
        note="a reply under the trainer's feedback on the requester's own journal entry; anyone else's: 404",
    ),
    # ----- the 360° feedback round (feedback/urls.py)
    "feedback_round:report": Entry(
        url=lambda w: reverse("feedback_round:report", args=[w.feedback_round.pk]),
        allowed=_fs("owner"), note="the owner's report, and a trainer's only once the owner shares it",
    ),
    "feedback_round:self": Entry(
        url=lambda w: reverse("feedback_round:self", args=[w.feedback_round.pk]),
        allowed=_fs("owner"), post=no_data, note="the owner's own rating",
    ),
    "feedback_round:share": Entry(
        url=lambda w: reverse("feedback_round:share", args=[w.feedback_round.pk]),
        allowed=_fs("owner"), get=False, post=lambda w: {"trainer": str(w.users["trainer"].pk)},
        note="only the owner shares (or stops sharing) the report",
    ),
    "feedback_round:answer": Entry(
        url=lambda w: reverse("feedback_round:answer", args=[w.respondent_token]),
        allowed=ALL, note="the link is the capability: a respondent needs no account (a forged one: 404)",
    ),
    # ----- notifications (notifications/urls.py)
    "notifications:open": Entry(
        url=lambda w: reverse("notifications:open", args=[w.notification.pk]),
        allowed=_fs("owner"), get=False, post=no_data, post_ok=_fs(302),
        note="opens (marks read) the requester's own notification; anyone else's: 404",
    ),
    "courses:reminders_off": Entry(
        url=lambda w: reverse(
            "courses:reminders_off", args=[signing.dumps(w.users["owner"].pk, salt="iets-anders")]
        ),
        allowed=_fs(), refused=_fs(400), anonymous=_fs(400), post=no_data,
        note="the token is the capability (a link in the owner's e-mail); a forged token is refused",
    ),
    "courses:certificate_download": Entry(
        url=lambda w: reverse("courses:certificate_download", args=[w.certificate.code]),
        allowed=_fs("owner", "administrator"), note="the holder, and administrators who answer questions about it",
    ),
    # ----- learning groups (programmes/urls.py): members and the group's trainers; anyone else 404
    "programmes:group": Entry(
        url=lambda w: reverse("programmes:group", args=[w.group.pk]),
        allowed=_fs("owner", "trainer", "administrator"), note="a group: its members, its trainers, administrators",
    ),
    "programmes:group_progress": Entry(
        url=lambda w: reverse("programmes:group_progress", args=[w.group.pk]),
        allowed=_fs("trainer", "administrator"), note="the progress matrix: the group's trainers only",
    ),
    "programmes:group_progress_csv": Entry(
        url=lambda w: reverse("programmes:group_progress_csv", args=[w.group.pk]),
        allowed=_fs("trainer", "administrator"), note="the matrix as CSV: the group's trainers only",
    ),
    "programmes:announcement": Entry(
        url=lambda w: reverse("programmes:announcement", args=[w.group.pk]),
        allowed=_fs("trainer", "administrator"), get=False,
        post=lambda w: {"title": "Overgenomen", "body": "Overgenomen"}, post_ok=_fs(302),
        note="posting to the group: its trainers only",
    ),
    "programmes:register": Entry(
        url=lambda w: reverse("programmes:register", args=[w.meeting.pk]),
        allowed=_fs("owner", "trainer", "administrator"), get=False, post=no_data, post_ok=_fs(302),
        self_scoped=True, note="registers the requester (a trainer is told only members register)",
    ),
    "programmes:unregister": Entry(
        url=lambda w: reverse("programmes:unregister", args=[w.meeting.pk]),
        allowed=_fs("owner", "trainer", "administrator"), get=False, post=no_data, post_ok=_fs(302),
        self_scoped=True, note="removes the requester's own registration only",
    ),
    "programmes:attendance": Entry(
        url=lambda w: reverse("programmes:attendance", args=[w.meeting.pk]),
        allowed=_fs("trainer", "administrator"), post=lambda w: {"present": []}, post_ok=_fs(302),
        note="recording attendance: the group's trainers only",
    ),
    "programmes:meeting_ics": Entry(
        url=lambda w: reverse("programmes:meeting_ics", args=[w.meeting.pk]),
        allowed=_fs("owner", "trainer", "administrator"), note="a meeting's .ics: whoever sees the group",
    ),
    "programmes:calendar_feed": Entry(
        url=lambda w: reverse("programmes:calendar_feed", args=["geraden-token"]),
        allowed=_fs(), refused=_fs(404), anonymous=_fs(404),
        note="the secret token is the capability (calendar apps cannot log in); a guessed one is 404",
    ),
    "draft_image": Entry(
        url=_draft_image_url,
        allowed=_fs("owner", "trainer", "other_trainer", "administrator"), refused=_fs(404), anonymous=_fs(404),
        note="an unpublished case's image: its uploader, and the CMS users who may choose images of the cases "
        "collection (trainers, moderators, administrators; Wagtail's image chooser shows it to them anyway)",
    ),
    "certificate_verify": Entry(
        url=lambda w: reverse("certificate_verify", args=[w.certificate.code]),
        allowed=ALL, note="public by design: the verification page of a certificate",
    ),
    # ----- Wagtail serving a page: a draft is nobody's page yet
    "wagtail_serve": Entry(
        url=lambda w: w.case_index.url + w.case.slug + "/",
        allowed=_fs(), anonymous=_fs(404), note="the owner's unpublished case draft under the case index",
    ),
    # ----- routable pages
    "CaseIndexPage:edit": Entry(
        url=_case_route("edit"), allowed=_fs("owner"), post=lambda w: CASE_FORM,
        per_role={
            role: _fs("page-without-secret", 403) for role in ("trainer", "other_trainer", "administrator")
        },
        note="non-members (trainers, administrators) see the 'take part' page; members a 404",
    ),
    "CaseIndexPage:preview": Entry(url=_case_route("preview"), allowed=_fs("owner"), anonymous=_fs(404)),
    "QuizPage:attempt": Entry(
        url=_quiz_route("attempt"), allowed=_fs("owner"), post=lambda w: {},
        refused=_fs(403), per_role={"other_professional": _fs(404)},
        note="not enrolled: 403 (item unavailable); enrolled but not the owner's attempt: 404",
    ),
    "QuizPage:save": Entry(
        url=_quiz_route("save"), allowed=_fs("owner"), get=False, post=lambda w: {"save": "1"}, refused=_fs(403), per_role={"other_professional": _fs(404)},
    ),
    "QuizPage:submit": Entry(
        url=_quiz_route("submit"), allowed=_fs("owner"), get=False, post=no_data, refused=_fs(403), per_role={"other_professional": _fs(404)},
    ),
    "QuizPage:review": Entry(
        url=_quiz_route("review", "done_attempt"), allowed=_fs("owner"),
        refused=_fs(403), per_role={"other_professional": _fs(404)},
    ),
    "FitnessScanPage:step": Entry(
        url=lambda w: w.scan_page.url + w.scan_page.reverse_subpage("step", kwargs={"number": 1}),
        allowed=ALL, ok=_fs(200, 302), self_scoped=True,
        note="a step of the requester's own open scan (anonymous: kept in the session)",
    ),
    "FitnessScanPage:result": Entry(url=_scan_route("result"), allowed=_fs("owner"), anonymous=_fs(404)),
    "FitnessScanPage:result_pdf": Entry(
        url=_scan_route("result_pdf"), allowed=_fs("owner"), anonymous=_fs(404)
    ),
    # ----- the project's admin views (*/admin_views.py, registered in */wagtail_hooks.py)
    "course_package_export": Entry(
        url=lambda w: reverse("course_package_export", args=[w.course.pk]),
        allowed=_fs("trainer", "administrator"), refused=_fs(403), per_role=NO_ADMIN_ACCESS,
        note="a course's package (its whole content, drafts included): its trainers and administrators",
    ),
    "course_report": Entry(
        url=lambda w: reverse("course_report", args=[w.course.pk]),
        allowed=_fs("trainer", "administrator"), refused=_fs(403), per_role=NO_ADMIN_ACCESS,
        note="the course's trainers and administrators; another course's trainer 403",
    ),
    "feedback_reflection": Entry(
        url=lambda w: reverse("feedback_reflection", args=[w.journal_entry.pk]),
        allowed=_fs("trainer", "administrator"), per_role=NO_ADMIN_ACCESS,
        post=lambda w: {"feedback": '{"blocks": [], "entityMap": {}}', "waiting_since": ""},
        note="feedback on a reflection: the course's trainers and administrators; another course's trainer 404",
    ),
    "feedback_answer": Entry(
        url=lambda w: reverse("feedback_answer", args=[w.open_response.pk]),
        allowed=_fs("trainer", "administrator"), per_role=NO_ADMIN_ACCESS,
        post=lambda w: {"points": "0", "graded_at": ""},
        note="grading an open answer: the course's trainers and administrators; another course's trainer 404",
    ),
    "quiz_statistics": Entry(
        url=lambda w: reverse("quiz_statistics", args=[w.quiz.pk]) + "?format=csv",
        allowed=_fs("trainer", "administrator"), refused=_fs(403), per_role=NO_ADMIN_ACCESS,
    ),
    "quiz_questions": Entry(
        url=lambda w: reverse("quiz_questions", args=[w.quiz.pk]),
        allowed=ADMIN_ROLES, per_role=NO_ADMIN_ACCESS,
        note="editing follows Wagtail's page permissions: the trainers' group edits every course",
    ),
    "quiz_question_move": Entry(
        url=lambda w: reverse("quiz_question_move", args=[w.quiz.pk, w.question.pk]),
        allowed=ADMIN_ROLES, get=False, post=lambda w: {"direction": "down"}, per_role=NO_ADMIN_ACCESS,
    ),
    "quiz_gift_import": Entry(
        url=lambda w: reverse("quiz_gift_import", args=[w.quiz.pk]),
        allowed=ADMIN_ROLES, per_role=NO_ADMIN_ACCESS, post=lambda w: {"gift": "::X:: Overgenomen {}"},
    ),
    "quiz_gift_export": Entry(
        url=lambda w: reverse("quiz_gift_export", args=[w.quiz.pk]),
        allowed=ADMIN_ROLES, per_role=NO_ADMIN_ACCESS,
    ),
    "wagtailsnippets_modules_question:edit": Entry(
        url=lambda w: reverse("wagtailsnippets_modules_question:edit", args=[w.question.pk]),
        allowed=ADMIN_ROLES, per_role=NO_ADMIN_ACCESS, post=lambda w: {"name": "Overgenomen"},
    ),
    "wagtailsnippets_modules_question:delete": Entry(
        url=lambda w: reverse("wagtailsnippets_modules_question:delete", args=[w.question.pk]),
        allowed=ADMIN_ROLES, ok=_fs(302), per_role=NO_ADMIN_ACCESS, post=no_data,
        note="an answered question cannot be deleted: the trainer is sent back to the question bank",
    ),
    "wagtailsnippets_accounts_organisation:edit": Entry(
        url=lambda w: reverse("wagtailsnippets_accounts_organisation:edit", args=[w.organisation.pk]),
        allowed=_fs("administrator"), per_role=TRAINER_ONLY, post=lambda w: {"name": "Overgenomen"},
    ),
    "wagtailsnippets_accounts_organisation:delete": Entry(
        url=lambda w: reverse("wagtailsnippets_accounts_organisation:delete", args=[w.organisation.pk]),
        allowed=_fs("administrator"), per_role=TRAINER_ONLY, post=no_data,
    ),
    "certificates:edit": Entry(
        url=lambda w: reverse("certificates:edit", args=[w.certificate.pk]),
        allowed=_fs("administrator"), per_role=TRAINER_ONLY,
        post=lambda w: {"revoke": "on", "revoke_reason": "Overgenomen"},
    ),
    "certificates:inspect": Entry(
        url=lambda w: reverse("certificates:inspect", args=[w.certificate.pk]),
        allowed=_fs("administrator"), per_role=TRAINER_ONLY,
    ),
    "certificates:delete": Entry(
        url=lambda w: reverse("certificates:delete", args=[w.certificate.pk]),
        allowed=_fs("administrator"), per_role=TRAINER_ONLY, post=no_data,
    ),
}  # fmt: skip

# Patterns of third-party apps, by the module of their view: the framework checks the permissions.
NOT_OURS: dict[str, str] = {
    "wagtail.admin.": "Wagtail admin internals: page, workflow, collection and revision permissions of "
    "Wagtail (trainers get page permissions on the course index only; professionals no admin access)",
    "wagtail.snippets.": "Wagtail snippet views, checked by the snippet's permission policy (model "
    "permissions; the organisation and question snippets have entries above)",
    "wagtail.images.": "Wagtail images: collection permissions (trainers and administrators only)",
    "wagtail.documents.views.serve": "Wagtail document serving: lesson material, public unless its collection "
    "is private (private media is served by its own permission-checking views)",
    "wagtail.documents.": "Wagtail documents admin: collection permissions",
    "wagtail.users.": "Wagtail user and group admin: model permissions (administrators only)",
    "wagtail.sites.": "Wagtail sites admin: superusers only",
    "wagtail.contrib.": "Wagtail settings, redirects and form submissions: model permissions",
    "wagtail.views": "Wagtail's page serving and password-protected pages (wagtail_serve has an entry)",
    "django.contrib.admin.": "Django's admin: is_staff and model permissions (superusers only here)",
    "django.contrib.contenttypes.": "Django admin's 'view on site' shortcut: redirects to a public URL",
    "django.views.generic.base": "Django admin redirects (RedirectView) to its own checked URLs",
    "allauth.": "allauth: e-mail confirmation and password reset keys are the capability, checked by allauth",
}


def _route_has_parameter(pattern) -> bool:
    if isinstance(pattern.pattern, RoutePattern):
        return bool(pattern.pattern.converters)
    return pattern.pattern.regex.groups > 0  # a regular expression: its groups are the parameters


def url_patterns_with_parameters(patterns=None) -> dict[str, str]:
    """Key (namespaced name, or the route when unnamed) → the view's module, for every Django URL pattern
    whose full route takes a parameter, and every routable-page route with one ("Model:name")."""
    found: dict[str, str] = {}

    def walk(patterns, namespace: str, inherited: bool):
        for pattern in patterns:
            has_parameter = inherited or _route_has_parameter(pattern)
            if isinstance(pattern, URLResolver):
                inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
                walk(pattern.url_patterns, inner, has_parameter)
            elif isinstance(pattern, URLPattern) and has_parameter:
                key = namespace + (pattern.name or str(pattern.pattern))
                found[key] = pattern.callback.__module__

    walk(get_resolver().url_patterns if patterns is None else patterns, "", False)
    for model in get_page_models():
        if issubclass(model, RoutablePageMixin):
            for pattern in model.get_subpage_urls():
                if _route_has_parameter(pattern):
                    found[f"{model.__name__}:{pattern.name or pattern.callback.__name__}"] = model.__module__
    return found


def missing_entries(patterns=None) -> tuple[list[str], int]:
    """The patterns with a parameter that have no entry and are not a third party's; how many are."""
    missing, allowlisted = [], 0
    for key, module in sorted(url_patterns_with_parameters(patterns).items()):
        if key in MATRIX:
            continue
        if any(module == prefix or module.startswith(prefix) for prefix in NOT_OURS):
            allowlisted += 1
            continue
        missing.append(f"{key} (view in {module})")
    return missing, allowlisted


def test_every_url_with_a_parameter_has_an_entry():
    missing, allowlisted = missing_entries()
    assert not missing, (
        "URL patterns with a parameter and no entry in tests/security/test_idor_matrix.py MATRIX: "
        + ", ".join(missing)
    )
    assert allowlisted > 50  # the walk reaches Wagtail's admin
    stale = sorted(set(MATRIX) - set(url_patterns_with_parameters()))
    assert not stale, f"entries in MATRIX without a URL pattern: {stale}"


def test_a_new_url_with_a_parameter_and_no_entry_is_named():
    def invitation(request, token):
        raise AssertionError("never called")

    new = [path("lid-worden/<str:token>/", invitation, name="group_invitation")]
    nested = [path("leergroep/", include((new, "programmes")))]

    assert missing_entries([*get_resolver().url_patterns, *nested])[0] == [
        f"programmes:group_invitation (view in {__name__})"
    ]


# --------------------------------------------------------------------------- running it

COUNTS: collections.Counter = collections.Counter()


@pytest.fixture(autouse=True)
def quick_certificate_pdf(monkeypatch):
    """What the PDF says is not the matrix's business: a stub instead of seconds of WeasyPrint."""
    import courses.certificates

    pdf = SimpleNamespace(content=b"%PDF-1.4\n%%EOF\n")
    monkeypatch.setattr(courses.certificates, "html_to_pdf", lambda html: pdf, raising=False)


@pytest.fixture(scope="module", autouse=True)
def summary():
    yield
    if COUNTS["tried"]:
        print(
            f"\nIDOR matrix: {len(MATRIX)} URL patterns × {len(ROLES)} roles: {COUNTS['tried']} requests "
            f"tried; {COUNTS['cross-owner']} cross-owner requests, {COUNTS['refused']} refused; {COUNTS['allowed']} allowed "
            f"requests answered as expected, {COUNTS['get of post-only']} GETs of POST-only views refused, "
            f"{COUNTS['5xx']} × 5xx"
        )


def _is_refused(response, refusals: frozenset) -> bool:
    location = response.get("Location", "")
    for refusal in refusals:
        if refusal == response.status_code:
            return True
        if refusal == "login" and response.status_code == 302 and "login" in location:
            return True
        if (
            refusal == "admin-home"
            and response.status_code == 302
            and location.rstrip("/").endswith("/admin")
        ):
            return True
        if refusal == "page-without-secret" and response.status_code == 200:
            return True
    return False


def _body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


CASES = [(key, role) for key in MATRIX for role in ROLES]


@pytest.mark.parametrize(("key", "role"), CASES, ids=[f"{k}-{r}" for k, r in CASES])
def test_the_matrix(world, db, key, role):
    entry = MATRIX[key]
    client = Client()
    if role != "anonymous":
        client.force_login(world.users[role])
    url = entry.url(world)
    allowed = role in entry.allowed
    refusals = entry.anonymous if role == "anonymous" else entry.per_role.get(role, entry.refused)
    check_owner = role != "owner"
    before = owner_snapshot(world) if check_owner else None
    problems = []

    def request(method: str):
        data = (entry.post(world) if entry.post else {}) if method == "post" else None
        response = getattr(client, method)(url, data) if data is not None else client.get(url)
        COUNTS["tried"] += 1
        if response.status_code >= 500:
            COUNTS["5xx"] += 1
            problems.append(f"{method.upper()} {url} as {role}: {response.status_code}")
        return response

    if entry.get:
        response = request("get")
        if allowed:
            if response.status_code not in entry.ok:
                problems.append(f"GET as {role} (allowed): {response.status_code}, expected {set(entry.ok)}")
            COUNTS["allowed"] += 1
        else:
            COUNTS["cross-owner"] += 1
            leaked = role != "owner" and SECRET in _body(response)  # the owner's own name is in the menu
            if _is_refused(response, refusals) and not leaked:
                COUNTS["refused"] += 1
            elif leaked:
                problems.append(f"GET as {role} shows the owner's data")
            else:
                problems.append(
                    f"GET as {role} not refused: {response.status_code} {response.get('Location', '')}, "
                    f"expected {set(refusals)}"
                )
    elif role != "anonymous":
        COUNTS["get of post-only"] += 1
        response = request("get")
        if not _is_refused(response, refusals | {405}):
            problems.append(f"GET of a POST-only view as {role}: {response.status_code}")

    if entry.post is not None and (not allowed or entry.post_ok is not None):
        response = request("post")
        if allowed:
            COUNTS["allowed"] += 1
            if response.status_code not in entry.post_ok:
                problems.append(f"POST as {role} (allowed): {response.status_code}, expected {entry.post_ok}")
        else:
            COUNTS["cross-owner"] += 1
            post_refusals = refusals - {"page-without-secret"} or refusals
            if _is_refused(response, post_refusals):
                COUNTS["refused"] += 1
            else:
                problems.append(
                    f"POST as {role} not refused: {response.status_code} {response.get('Location', '')}, "
                    f"expected {set(post_refusals)}"
                )

    if check_owner and (not allowed or entry.self_scoped):
        after = owner_snapshot(world)
        changed = [name for name in before if before[name] != after[name]]
        if changed:
            problems.append(f"{role} changed the owner's {changed}")
    assert not problems, f"{key}: " + "; ".join(problems)


def test_the_genuine_reminder_token_switches_off_only_its_owner(world, db, client):
    owner = world.users["owner"]
    token = signing.dumps(owner.pk, salt="courses.reminders-off")
    assert client.get(reverse("courses:reminders_off", args=[token])).status_code == 200
    assert client.post(reverse("courses:reminders_off", args=[token])).status_code == 200
    assert list(User.objects.filter(reminders_enabled=False).values_list("pk", flat=True)) == [owner.pk]


def test_a_guessed_id_is_a_404_not_a_500(world, db):
    client = Client()
    client.force_login(world.users["owner"])
    urls = [
        world.quiz.url + world.quiz.reverse_subpage("attempt", kwargs={"attempt_id": uuid.uuid4()}),
        world.scan_page.url + world.scan_page.reverse_subpage("result", kwargs={"response_id": uuid.uuid4()}),
        world.case_index.url + world.case_index.reverse_subpage("preview", kwargs={"case_id": 999999}),
        reverse("courses:certificate_download", args=["ONBEKEND"]),
        reverse("certificate_verify", args=["ONBEKEND"]),
    ]
    assert [client.get(url).status_code for url in urls] == [404] * len(urls)
