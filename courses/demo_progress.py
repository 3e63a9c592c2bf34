"""Demo progress (example content): who is enrolled where, and how far they are.

The demo professional is part-way through the first course and enrolled in no other, so the catalogue and
/mijn/ show both states. Six colleagues of the member organisation and one professional of the non-member
organisation give the trainer report and the coordinator view something to show. Everything goes through
the journey services, so the records are the ones a real professional would leave behind.
"""

from __future__ import annotations

from dataclasses import dataclass

from allauth.account.models import EmailAddress

from accounts.demo import DEMO_PASSWORD
from accounts.models import Organisation, User
from modules.models import LearningItemPage, LessonPage

from .models import CoursePage, Enrolment, ItemProgress, JournalEntry
from .selectors import journey_for
from .services import enrolment_create, item_complete, item_start, journal_save

STARTCONDITIES = "startcondities-voor-samenwerking"
INTERPRETATIEVERSCHILLEN = "omgaan-met-interpretatieverschillen-en-conflict"
LEIDINGGEVEN = "leidinggeven-zonder-hierarchie"

DEMO_PROFESSIONAL = "deelnemer@example.org"
ALL = None  # every required item: the course is completed


@dataclass(frozen=True)
class Plan:
    done: int | None  # how many required items are completed, in course order (ALL: every one)
    start_next: bool = False  # the professional has opened the next lesson without finishing it


@dataclass(frozen=True)
class Learner:
    email: str
    first_name: str
    last_name: str
    job_title: str
    member: bool  # of the platform-member organisation (else the non-member one)
    plans: dict[str, Plan]


LEARNERS = [
    Learner(
        DEMO_PROFESSIONAL,
        "Sanne",
        "de Vries",
        "Beleidsadviseur sociaal domein",
        True,
        {STARTCONDITIES: Plan(3, True)},
    ),
    Learner(
        "collega1@example.org",
        "Fatima",
        "El Amrani",
        "Projectleider jeugdhulp",
        True,
        {STARTCONDITIES: Plan(ALL), INTERPRETATIEVERSCHILLEN: Plan(2, True), LEIDINGGEVEN: Plan(1)},
    ),
    Learner(
        "collega2@example.org",
        "Pieter",
        "Hoekstra",
        "Contractmanager",
        True,
        {STARTCONDITIES: Plan(6, True), INTERPRETATIEVERSCHILLEN: Plan(0, True)},
    ),
    Learner("collega3@example.org", "Lotte", "Visser", "Wijkcoördinator", True, {STARTCONDITIES: Plan(2)}),
    Learner(
        "collega4@example.org",
        "Daan",
        "Mulder",
        "Adviseur mobiliteit",
        True,
        {INTERPRETATIEVERSCHILLEN: Plan(5, True)},
    ),
    Learner(
        "collega5@example.org",
        "Esther",
        "Smit",
        "Beleidsmedewerker energietransitie",
        True,
        {STARTCONDITIES: Plan(0)},
    ),
    Learner(
        "collega6@example.org",
        "Ruben",
        "de Jong",
        "Ketenregisseur Wmo",
        True,
        {STARTCONDITIES: Plan(4), INTERPRETATIEVERSCHILLEN: Plan(1)},
    ),
    Learner("extern@example.org", "Bram", "Kok", "Omgevingsmanager", False, {STARTCONDITIES: Plan(3, True)}),
]

JOURNAL_ANSWER = (
    "In onze samenwerking rond de wijkteams herken ik vooral het eerste patroon. Toen de teamleider van de "
    "GGD vorig jaar vertrok, bleek dat de afspraken over spoedverwijzingen alleen in haar hoofd zaten. Het "
    "duurde drie maanden voordat haar opvolger en wij weer op één lijn zaten. Ik wil voorstellen de "
    "werkafspraken op één A4 te zetten en ze in het eerstvolgende kernteamoverleg met alle partners te "
    "bespreken."
)


def ensure_professional(learner: Learner, organisation: Organisation) -> User:
    """The learner's account, created with the demo password when missing; existing accounts are kept."""
    user = User.objects.filter(email=learner.email).first()
    if user is None:
        user = User(
            email=learner.email,
            first_name=learner.first_name,
            last_name=learner.last_name,
            job_title=learner.job_title,
            organisation=organisation,
            organisation_role=User.Role.PROFESSIONAL,
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


def progress_follow(*, user: User, course: CoursePage, plan: Plan) -> None:
    """Enrols and walks through the course as the plan says: lessons completed in order, one opened."""
    enrolment_create(user=user, course=course)
    journey = journey_for(user=user, course=course)
    required = [item for item in journey.items if item.is_required]
    to_complete = required if plan.done is ALL else required[: plan.done]
    pages = LearningItemPage.objects.in_bulk([item.id for item in journey.items])
    for item in to_complete:
        item_complete(user=user, item=pages[item.id], course=course)
    if plan.start_next:
        journey = journey_for(user=user, course=course)
        if journey.next_item is not None:
            item_start(user=user, item=pages[journey.next_item.id], journey=journey)


def journal_write(*, user: User, course: CoursePage) -> bool:
    """One reflection answer in the journal, on the first completed lesson that asks a question."""
    if JournalEntry.objects.filter(user=user, course=course).exists():
        return False
    done = ItemProgress.objects.filter(user=user, course=course, completed_at__isnull=False)
    lessons = LessonPage.objects.filter(pk__in=done.values("item_id")).order_by("path")
    for lesson in lessons:
        block = next((block for block in lesson.body if block.block_type == "reflection"), None)
        if block is not None:
            journal_save(user=user, lesson=lesson, block_id=block.id, answer=JOURNAL_ANSWER)
            return True
    return False


def seed(log, context) -> dict:
    organisations = list(context["organisations"].values())
    member = next(organisation for organisation in organisations if organisation.is_platform_member)
    non_member = next(organisation for organisation in organisations if not organisation.is_platform_member)
    courses = context["courses"]
    users = {}
    enrolled = 0
    for learner in LEARNERS:
        user = context["users"].get(learner.email) or ensure_professional(
            learner, member if learner.member else non_member
        )
        users[learner.email] = user
        for slug, plan in learner.plans.items():
            course = courses[slug]
            # A second run, or a professional who already took part in the demo, is left as it is.
            if Enrolment.objects.filter(user=user, course=course).exists():
                continue
            progress_follow(user=user, course=course, plan=plan)
            enrolled += 1
    journal_write(user=users[DEMO_PROFESSIONAL], course=courses[STARTCONDITIES])
    log(f"course progress: {enrolled} new enrolments for {len(users)} demo professionals")
    return {"users": {**context["users"], **users}}
