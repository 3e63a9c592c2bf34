"""Demo feedback (example content, from demo_data/feedback.json): a reflection thread of the demo
professional with the trainer's feedback and a reply, reflections and an open answer of colleagues
waiting in the demo trainer's queue, and so unread notifications. Made through the same services as in the
browser; a second run adds nothing."""

from __future__ import annotations

import json
from pathlib import Path

from accounts.models import User
from courses import services as course_services
from courses.models import CoursePage, JournalEntry, JournalMessage
from modules.factories import attempt_answers
from modules.models import Attempt, LessonPage, QuestionKind, QuizPage
from modules.quiz_services import attempt_start, attempt_submit

DEMO_DATA = Path(__file__).resolve().parent / "demo_data" / "feedback.json"


def _feedback_lesson(course: CoursePage) -> tuple[LessonPage, str] | None:
    """The course's first lesson whose reflection asks for the trainer's feedback."""
    for lesson in LessonPage.objects.live().descendant_of(course).order_by("path"):
        for block in lesson.body:
            if block.block_type == "reflection" and block.value.get("trainer_feedback"):
                return lesson, block.id
    return None


def _thread(data: dict, trainer: User, lesson: LessonPage, block_id: str) -> int:
    professional = User.objects.filter(email=data["professional"]).first()
    if professional is None:
        return 0
    entry = JournalEntry.objects.filter(user=professional, lesson=lesson, block_id=block_id).first()
    if entry is None or not entry.feedback_requested or JournalMessage.objects.filter(entry=entry).exists():
        return 0
    course_services.journal_feedback_give(
        entry=entry,
        trainer=trainer,
        body=data["feedback"],
        expected_waiting_since=entry.awaiting_feedback_since,
    )
    course_services.journal_reply(entry=entry, user=professional, text=data["reply"])
    return 1


def _waiting_reflections(items: list[dict], lesson: LessonPage, block_id: str) -> int:
    written = 0
    for item in items:
        user = User.objects.filter(email=item["professional"]).first()
        if user is None or JournalEntry.objects.filter(user=user, lesson=lesson, block_id=block_id).exists():
            continue
        try:
            course_services.journal_save(user=user, lesson=lesson, block_id=block_id, answer=item["answer"])
        except course_services.JourneyError:
            continue  # not enrolled or the lesson is still locked for them
        written += 1
    return written


def _waiting_answers(items: list[dict], quiz: QuizPage) -> int:
    submitted = 0
    if not quiz.questions.filter(kind=QuestionKind.OPEN, is_active=True).exists():
        return 0
    for item in items:
        user = User.objects.filter(email=item["professional"]).first()
        if user is None or Attempt.objects.filter(quiz=quiz, user=user).exists():
            continue
        attempt = attempt_start(quiz=quiz, user=user)
        data = attempt_answers(attempt, right=True, open_text=item["open_answer"])
        attempt_submit(attempt=attempt, quiz=quiz, user=user, data=data)
        submitted += 1
    return submitted


ROUNDS_DATA = Path(__file__).resolve().parent / "demo_data" / "feedbackronde.json"


def _statements(rows: list) -> list:
    from successfactors.models import SuccessFactor

    from .models import RoundStatement

    factors = {f.number: f for f in SuccessFactor.objects.all()}
    statements = []
    for position, (number, text, reverse_scored) in enumerate(rows):
        if number not in factors:
            continue
        statement, _created = RoundStatement.objects.get_or_create(
            text=text,
            defaults={"factor": factors[number], "reverse_scored": reverse_scored, "sort_order": position},
        )
        statements.append(statement)
    return statements


def _rounds(rounds: list, statements: list) -> int:
    """A completed round (self and four others) and a running one (two of three answered), through the
    same services as in the browser; the invitations go out as they would."""
    from . import round_services

    made = 0
    for spec in rounds:
        owner = User.objects.filter(email=spec["owner"]).first()
        if owner is None or owner.feedback_rounds.filter(title=spec["title"]).exists():
            continue
        emails = [r["email"] for r in spec["respondents"]]
        feedback_round = round_services.round_start(owner=owner, title=spec["title"], emails=emails)
        round_services.self_rating_save(
            feedback_round=feedback_round,
            statements=statements,
            answers=dict(zip([s.key for s in statements], spec["self"], strict=False)),
        )
        by_email = {r.email: r for r in feedback_round.respondents.filter(is_self=False)}
        for item in spec["respondents"]:
            if item["answers"] is None:
                continue  # still waiting
            round_services.respondent_answer(
                respondent=by_email[item["email"]],
                statements=statements,
                answers=dict(zip([s.key for s in statements], item["answers"], strict=False)),
                goes_well=item["goes_well"],
                could_be_better=item["could_be_better"],
            )
        made += 1
    return made


def seed(log, context) -> dict:
    rounds_data = json.loads(ROUNDS_DATA.read_text(encoding="utf-8"))
    statements = _statements(rounds_data["statements"])
    made = _rounds(rounds_data["rounds"], statements) if statements else 0
    log(f"feedback rounds: {len(statements)} statements, {made} new demo rounds")
    data = json.loads(DEMO_DATA.read_text(encoding="utf-8"))
    trainer = User.objects.filter(email=data["trainer"]).first()
    course = context.get("courses", {}).get(data["course"])
    found = _feedback_lesson(course) if course is not None else None
    if trainer is None or found is None:
        log("feedback: no demo course with a reflection for the trainer; skipped")
        return {}
    lesson, block_id = found
    threads = _thread(data["thread"], trainer, lesson, block_id)
    reflections = _waiting_reflections(data["waiting_reflections"], lesson, block_id)
    quiz = context.get("quizzes", {}).get(data["quiz_module"])
    answers = _waiting_answers(data["waiting_answers"], quiz) if quiz is not None else 0
    log(
        f"feedback: {threads} new feedback thread, {reflections} reflections and {answers} open answers waiting"
    )
    return {}
