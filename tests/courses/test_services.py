"""The progress rules, tested without HTTP."""

import pytest
from wagtail.models import Page

from courses import services
from courses.factories import build_course, lessons_of
from courses.models import Enrolment, ItemProgress, JournalEntry
from courses.selectors import course_statuses, journey_for
from modules.models import LessonPage

pytestmark = pytest.mark.django_db


def test_completing_every_required_lesson_completes_the_course_once(professional, course, lessons):
    services.enrolment_create(user=professional, course=course)
    for lesson in lessons:
        services.item_complete(user=professional, item=lesson)
    enrolment = Enrolment.objects.get(user=professional, course=course)
    first_date = enrolment.completed_at
    assert first_date is not None
    services.item_complete(user=professional, item=lessons[0])  # recompleting changes nothing
    enrolment.refresh_from_db()
    assert enrolment.completed_at == first_date
    assert ItemProgress.objects.filter(user=professional).count() == len(lessons)


def test_percentage_counts_required_published_lessons_only(professional, course, lessons):
    services.enrolment_create(user=professional, course=course)
    optional = lessons[3]
    optional.is_required = False
    optional.save_revision().publish()
    services.item_complete(user=professional, item=lessons[0])
    assert journey_for(user=professional, course=course).percent == 33  # 1 of 3 required
    lessons[2].unpublish()
    assert journey_for(user=professional, course=course).percent == 50  # 1 of 2 published required
    status = course_statuses(user=professional, courses=[course])[course.pk]
    assert status.state == "busy" and status.percent == 50


def test_a_completion_is_kept_when_a_trainer_adds_a_lesson(professional, course, lessons):
    services.enrolment_create(user=professional, course=course)
    for lesson in lessons:
        services.item_complete(user=professional, item=lesson)
    module = lessons[0].get_parent()
    new = module.add_child(instance=LessonPage(title="Nieuwe les", summary="Nieuw", body=[]))
    new.save_revision().publish()
    journey = journey_for(user=professional, course=course)
    assert journey.completed_at is not None
    assert journey.item(new.pk).is_new
    assert course_statuses(user=professional, courses=[course])[course.pk].state == "done"


def test_completing_without_enrolment_is_refused_and_records_nothing(professional, lessons):
    with pytest.raises(services.JourneyError, match="Schrijf je eerst in"):
        services.item_complete(user=professional, item=lessons[0])
    assert not ItemProgress.objects.exists()


def test_sequential_release_locks_later_lessons(professional):
    course = build_course(title="Op volgorde", modules=1, lessons=3, sequential=True)
    first, second, third = lessons_of(course)
    services.enrolment_create(user=professional, course=course)
    journey = journey_for(user=professional, course=course)
    assert [i.locked for i in journey.items] == [False, True, True]
    with pytest.raises(services.JourneyError, match=first.title):
        services.item_complete(user=professional, item=second)
    assert not ItemProgress.objects.filter(item=second).exists()
    services.item_complete(user=professional, item=first)
    journey = journey_for(user=professional, course=course)
    assert [i.locked for i in journey.items] == [False, False, True]
    assert journey.next_item.id == second.pk


def test_unpublished_lesson_cannot_be_completed(professional, course, lessons):
    services.enrolment_create(user=professional, course=course)
    lessons[1].unpublish()
    lesson = Page.objects.get(pk=lessons[1].pk).specific
    with pytest.raises(services.JourneyError):
        services.item_complete(user=professional, item=lesson)
    assert not ItemProgress.objects.filter(item=lesson).exists()


def test_prerequisites_are_enforced_with_an_explanation(professional, course, lessons):
    advanced = build_course(title="Vervolg", modules=1, lessons=1)
    advanced.prerequisites.add(course)
    advanced.save_revision().publish()
    with pytest.raises(services.JourneyError, match="Startcondities"):
        services.enrolment_create(user=professional, course=advanced)
    services.enrolment_create(user=professional, course=course)
    for lesson in lessons:
        services.item_complete(user=professional, item=lesson)
    assert services.enrolment_create(user=professional, course=advanced).is_active


def test_leaving_keeps_progress_and_reenrolling_restores_it(professional, course, lessons):
    services.enrolment_create(user=professional, course=course)
    services.item_complete(user=professional, item=lessons[0])
    services.enrolment_leave(user=professional, course=course)
    assert not journey_for(user=professional, course=course).is_enrolled
    services.enrolment_create(user=professional, course=course)
    assert journey_for(user=professional, course=course).percent == 25
    assert Enrolment.objects.count() == 1


def test_journal_saves_privately_and_keeps_the_question(professional, course, lessons):
    services.enrolment_create(user=professional, course=course)
    lesson = lessons[0]
    block = next(b for b in lesson.body if b.block_type == "reflection")
    services.journal_save(user=professional, lesson=lesson, block_id=block.id, answer="Mijn antwoord")
    services.journal_save(user=professional, lesson=lesson, block_id=block.id, answer="Beter antwoord")
    entry = JournalEntry.objects.get()
    assert entry.answer == "Beter antwoord" and entry.question == block.value["question"]
    with pytest.raises(services.JourneyError):
        services.journal_save(user=professional, lesson=lesson, block_id="bestaat-niet", answer="x")
    with pytest.raises(services.JourneyError):
        services.journal_save(user=professional, lesson=lesson, block_id=block.id, answer="   ")
