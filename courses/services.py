"""Writes of the professional's journey: enrolment, progress, completion and the learning journal.

Every rule is checked here, on the server, whatever the page showed: enrolment, publication, lock state,
prerequisites. Double clicks and two tabs are harmless: unique constraints plus conditional updates.
"""

from __future__ import annotations

import contextlib
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from academy.pagecache import cached
from academy.sanitizer import FEEDBACK, sanitize_html
from modules.models import LearningItemPage, LessonPage

from .models import CoursePage, Enrolment, ItemProgress, JournalEntry, JournalMessage
from .selectors import Journey, journey_for, live_prerequisites
from .signals import course_completed

MAX_ANSWER_LENGTH = 5000
MAX_MESSAGE_LENGTH = 20_000  # sanitised HTML of a trainer's feedback
# Last activity is recorded to the minute: a page view within this window does not write again.
ACTIVITY_RESOLUTION = timedelta(minutes=1)


class JourneyError(Exception):
    """A request the rules do not allow; the message is shown to the professional as it is."""


def course_of(item: LearningItemPage) -> CoursePage:
    """The course an item belongs to: the ancestor two levels up (course → module → item)."""
    course_path = item.path[: (item.depth - 2) * LearningItemPage.steplen]
    return cached(f"course:{course_path}", lambda: CoursePage.objects.get(path=course_path))


def missing_prerequisites(*, user, course: CoursePage) -> list[CoursePage]:
    prerequisites = live_prerequisites(course)
    if not prerequisites:
        return []
    completed = set(
        Enrolment.objects.filter(user=user, course__in=prerequisites, completed_at__isnull=False).values_list(
            "course_id", flat=True
        )
    )
    return [course for course in prerequisites if course.pk not in completed]


def enrolment_create(*, user, course: CoursePage) -> Enrolment:
    if not course.live:
        raise JourneyError(_("This course is not published."))
    missing = missing_prerequisites(user=user, course=course)
    if missing:
        raise JourneyError(
            _("First complete %(courses)s: this course builds on it.")
            % {"courses": ", ".join(f"“{c.title}”" for c in missing)}
        )
    try:
        with transaction.atomic():
            enrolment, created = Enrolment.objects.get_or_create(user=user, course=course)
    except IntegrityError:  # a second tab enrolled at the same moment
        enrolment, created = Enrolment.objects.get(user=user, course=course), False
    if not created and not enrolment.is_active:
        enrolment.status = Enrolment.Status.ACTIVE
        enrolment.save(update_fields=["status"])
    if created:
        from academy.tasks import enqueue

        from .tasks import send_enrolment_confirmation

        enqueue(send_enrolment_confirmation, enrolment.pk)
    return enrolment


def enrolment_leave(*, user, course: CoursePage) -> None:
    """Leaving keeps progress and journal, so a professional who comes back continues where they were."""
    Enrolment.objects.filter(user=user, course=course).update(status=Enrolment.Status.LEFT)


def _require_open_item(*, journey: Journey, item: LearningItemPage) -> None:
    if not item.live:
        raise JourneyError(_("This lesson is not published."))
    if not journey.is_enrolled:
        raise JourneyError(_("Enrol in the course “%(course)s” first.") % {"course": journey.course.title})
    state = journey.item(item.pk)
    if state is None:
        raise JourneyError(_("This lesson is not published."))
    if state.locked:
        blocking = journey.blocking_item(item.pk)
        raise JourneyError(
            _("This lesson opens when you have finished “%(previous)s”.") % {"previous": blocking.title}
        )


def item_start(*, user, item: LearningItemPage, journey: Journey) -> None:
    """Records that a professional opened an item (once) and when they were last active."""
    now = timezone.now()
    if journey.item(item.pk) and not journey.item(item.pk).started:
        try:
            with transaction.atomic():
                ItemProgress.objects.create(user=user, item=item, course=journey.course)
        except IntegrityError:
            pass  # opened in two tabs at once
    last = journey.enrolment.last_activity_at
    if last is None or now - last > ACTIVITY_RESOLUTION:
        Enrolment.objects.filter(pk=journey.enrolment.pk).update(last_activity_at=now)


def quiz_record_pass(sender=None, *, user, quiz: LearningItemPage, **kwargs) -> None:
    """Receiver of modules.signals.quiz_passed: a passed quiz is a completed item (see apps.py)."""
    # Not enrolled (e.g. a trainer trying the quiz): there is no progress to record.
    with contextlib.suppress(JourneyError):
        item_complete(user=user, item=quiz)


def item_complete(*, user, item: LearningItemPage, course: CoursePage | None = None) -> Journey:
    """Marks an item done. Recompleting changes nothing; the first completion date is kept."""
    course = course or course_of(item)
    journey = journey_for(user=user, course=course)
    _require_open_item(journey=journey, item=item)
    now = timezone.now()
    with transaction.atomic():
        progress, _created = ItemProgress.objects.get_or_create(
            user=user, item=item, defaults={"course": course}
        )
        ItemProgress.objects.filter(pk=progress.pk, completed_at__isnull=True).update(completed_at=now)
        Enrolment.objects.filter(pk=journey.enrolment.pk).update(last_activity_at=now)
    course_check_completion(user=user, course=course)
    return journey_for(user=user, course=course)


def course_check_completion(*, user, course: CoursePage) -> bool:
    """Records the course as completed once, when every live required item is done.

    A completion once earned is kept: lessons a trainer adds later show as new, not as a lost completion.
    """
    journey = journey_for(user=user, course=course)
    required = [item for item in journey.items if item.is_required]
    if not journey.enrolment or not required or not all(item.done for item in required):
        return False
    updated = Enrolment.objects.filter(pk=journey.enrolment.pk, completed_at__isnull=True).update(
        completed_at=timezone.now()
    )
    if updated:
        enrolment = Enrolment.objects.get(pk=journey.enrolment.pk)
        course_completed.send(sender=Enrolment, enrolment=enrolment)
    return bool(updated)


def journal_save(*, user, lesson: LessonPage, block_id: str, answer: str) -> JournalEntry:
    answer = answer.strip()
    if not answer:
        raise JourneyError(_("Write an answer before saving."))
    if len(answer) > MAX_ANSWER_LENGTH:
        raise JourneyError(
            _("Your answer is too long: at most %(max)d characters.") % {"max": MAX_ANSWER_LENGTH}
        )
    block = next(
        (block for block in lesson.body if block.block_type == "reflection" and block.id == block_id),
        None,
    )
    if block is None:
        raise JourneyError(_("This reflection question no longer exists in the lesson."))
    course = course_of(lesson)
    journey = journey_for(user=user, course=course)
    _require_open_item(journey=journey, item=lesson)
    feedback_requested = bool(block.value.get("trainer_feedback"))
    entry, _created = JournalEntry.objects.update_or_create(
        user=user,
        lesson=lesson,
        block_id=block_id,
        defaults={
            "answer": answer,
            "question": block.value["question"],
            "course": course,
            "feedback_requested": feedback_requested,
            # A new or changed answer waits for the trainer (again) when the question asks for feedback.
            "awaiting_feedback_since": timezone.now() if feedback_requested else None,
        },
    )
    return entry


# --- Feedback on the journal: the trainer responds, the professional replies ------------------------


class FeedbackAlreadyGiven(JourneyError):
    pass


def _message_html(text: str) -> str:
    """A reply typed in a plain text area, as the sanitised paragraphs the thread shows."""
    from django.utils.html import linebreaks

    return sanitize_html(linebreaks(text.strip(), autoescape=True), profile=FEEDBACK)


def journal_feedback_give(
    *, entry: JournalEntry, trainer, body: str, expected_waiting_since
) -> JournalMessage:
    """The trainer's feedback (rich text, sanitised) under a journal entry; the professional is told.

    Conditional on the entry still waiting as the trainer saw it: two trainers answering at once give one
    response, and the second is told."""
    html = sanitize_html(body, profile=FEEDBACK)
    if not strip_tags(html).strip():
        raise JourneyError(_("Write your feedback before sending it."))
    if len(html) > MAX_MESSAGE_LENGTH:
        raise JourneyError(
            _("The feedback is too long: at most %(max)d characters.") % {"max": MAX_MESSAGE_LENGTH}
        )
    with transaction.atomic():
        claimed = JournalEntry.objects.filter(pk=entry.pk, awaiting_feedback_since=expected_waiting_since)
        if expected_waiting_since is None or not claimed.update(awaiting_feedback_since=None):
            raise FeedbackAlreadyGiven(_("Another trainer responded to this reflection meanwhile."))
        message = JournalMessage.objects.create(entry=entry, author=trainer, from_trainer=True, body=html)
        from notifications.models import Kind
        from notifications.services import notify

        notify(
            user_id=entry.user_id,
            kind=Kind.FEEDBACK,
            subject=entry.lesson.title,
            url=reverse("courses:dashboard") + f"#journal-{entry.pk}",
            event_key=f"journal-feedback:{message.pk}",
        )
    entry.awaiting_feedback_since = None
    return message


def journal_reply(*, entry: JournalEntry, user, text: str) -> JournalMessage:
    """The professional's reply to the trainer's feedback; it waits for the trainer again."""
    if entry.user_id != user.pk:
        raise JourneyError(_("This is not your journal."))
    if not entry.feedback_requested or not entry.messages.filter(from_trainer=True).exists():
        raise JourneyError(_("You can reply once the trainer has responded."))
    text = text.strip()
    if not text:
        raise JourneyError(_("Write your reply before sending it."))
    if len(text) > MAX_ANSWER_LENGTH:
        raise JourneyError(
            _("Your reply is too long: at most %(max)d characters.") % {"max": MAX_ANSWER_LENGTH}
        )
    with transaction.atomic():
        message = JournalMessage.objects.create(
            entry=entry, author=user, from_trainer=False, body=_message_html(text)
        )
        JournalEntry.objects.filter(pk=entry.pk, awaiting_feedback_since__isnull=True).update(
            awaiting_feedback_since=timezone.now()
        )
    return message
