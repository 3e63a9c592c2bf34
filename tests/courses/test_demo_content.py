"""The demo courses and the demo progress, as `seed_demo` loads them."""

import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from accounts.models import User
from courses.models import CoursePage, Enrolment, ItemProgress, JournalEntry
from courses.selectors import course_statuses, journey_for, organisation_progress_for
from modules.models import LessonPage, ModulePage

pytestmark = pytest.mark.django_db

STARTCONDITIES = "startcondities-voor-samenwerking"
INTERPRETATIEVERSCHILLEN = "omgaan-met-interpretatieverschillen-en-conflict"
LEIDINGGEVEN = "leidinggeven-zonder-hierarchie"
COURSE_SLUGS = [STARTCONDITIES, INTERPRETATIEVERSCHILLEN, LEIDINGGEVEN]
BLOCK_TYPES = {"heading", "text", "image", "video", "callout", "reflection", "checklist", "quote", "download"}


def lessons_of(course: CoursePage) -> list[LessonPage]:
    return list(LessonPage.objects.descendant_of(course).order_by("path"))


def block_types(lessons: list[LessonPage]) -> set[str]:
    return {block.block_type for lesson in lessons for block in lesson.body}


def test_three_live_tagged_example_courses_of_three_modules_with_three_or_four_lessons(seeded):
    courses = CoursePage.objects.live()
    assert sorted(courses.values_list("slug", flat=True)) == sorted(COURSE_SLUGS)
    for course in courses:
        modules = ModulePage.objects.child_of(course)
        assert modules.count() == 3 and all(module.live for module in modules)
        for module in modules:
            lessons = LessonPage.objects.child_of(module)
            assert 3 <= lessons.count() <= 4
            assert all(lesson.live for lesson in lessons)

    trainer = User.objects.get(email="trainer@example.org")
    for course in CoursePage.objects.live():
        assert "voorbeeldcursus" in course.intro
        assert course.success_factors.exists()
        assert list(course.trainers.all()) == [trainer]
        assert "<li>" in course.learning_goals
    assert all(lesson.success_factors.exists() for lesson in LessonPage.objects.all())

    startcondities = CoursePage.objects.get(slug=STARTCONDITIES)
    interpretatie = CoursePage.objects.get(slug=INTERPRETATIEVERSCHILLEN)
    leidinggeven = CoursePage.objects.get(slug=LEIDINGGEVEN)
    assert (startcondities.level, startcondities.sequential) == ("basis", False)
    assert (interpretatie.level, interpretatie.sequential) == ("gevorderd", True)
    assert not interpretatie.prerequisites.exists()
    assert list(leidinggeven.prerequisites.all()) == [startcondities]


def test_every_block_type_is_used_and_each_course_has_the_full_set(seeded):
    used = block_types(list(LessonPage.objects.all()))
    assert used >= BLOCK_TYPES
    # Blocks that link instruments and cases are used when the lesson offers them and demo pages exist.
    offered = set(LessonPage.body.field.stream_block.child_blocks)
    for block_type, model in [("instrument", "instrumentpage"), ("case", "casepage")]:
        if block_type in offered and Page.objects.live().filter(content_type__model=model).exists():
            assert block_type in used

    for course in CoursePage.objects.live():
        lessons = lessons_of(course)
        assert block_types(lessons) >= {"reflection", "checklist", "quote", "video", "download", "heading"}
        callout_kinds = {
            block.value["kind"]
            for lesson in lessons
            for block in lesson.body
            if block.block_type == "callout"
        }
        assert {"blauw", "oranje"} <= callout_kinds
        assert sum(not lesson.is_required for lesson in lessons) <= 1
        for lesson in lessons:
            assert any(block.block_type == "text" for block in lesson.body), lesson.title
            for block in lesson.body:
                if block.block_type == "video":
                    assert len(block.value["transcript"].split()) > 100
                if block.block_type == "image":
                    assert block.value["image"] is not None and block.value["alt_text"]
                if block.block_type == "download":
                    assert block.value["document"].file_size > 0


def test_demo_progress_one_course_for_the_professional_and_colleagues_for_the_coordinator(seeded):
    coordinator = User.objects.get(email="coordinator@example.org")
    rows = organisation_progress_for(organisation=coordinator.organisation)["rows"]
    emails = {row.enrolment.user.email for row in rows}
    assert {f"collega{number}@example.org" for number in range(1, 7)} <= emails
    assert "extern@example.org" not in emails
    assert Enrolment.objects.filter(user__email="extern@example.org").exists()
    completed = [
        row
        for row in rows
        if row.enrolment.course.slug == STARTCONDITIES and row.enrolment.completed_at is not None
    ]
    assert len(completed) == 1

    professional = User.objects.get(email="deelnemer@example.org")
    startcondities = CoursePage.objects.get(slug=STARTCONDITIES)
    journey = journey_for(user=professional, course=startcondities)
    first_module, _second_module, _third_module = journey.modules
    # Every lesson of the first module is done (its quiz is the quiz demo's business).
    assert all(item.done for item in first_module.items if item.kind == "lessonpage")
    assert first_module.percent > 0
    assert any(item.status == "busy" for item in journey.items)  # one item started, not finished
    assert JournalEntry.objects.get(user=professional).answer
    statuses = course_statuses(user=professional, courses=list(CoursePage.objects.live()))
    enrolled = {course_id: status for course_id, status in statuses.items() if status.enrolled}
    assert list(enrolled) == [startcondities.pk]
    assert enrolled[startcondities.pk].state == "busy"
    assert 0 < enrolled[startcondities.pk].percent < 100


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "users": User.objects.count(),
        "enrolments": Enrolment.objects.count(),
        "completed courses": Enrolment.objects.filter(completed_at__isnull=False).count(),
        "progress": ItemProgress.objects.count(),
        "completed items": ItemProgress.objects.filter(completed_at__isnull=False).count(),
        "journal": JournalEntry.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
    }


def test_seeding_twice_changes_no_counts(seeded):
    before = counts()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == before
