"""Builders for quizzes, questions and (many) attempts, for tests and the benchmark.

`modules` does not know about courses: give `build_quiz` a module page, e.g. from courses.factories.
"""

from __future__ import annotations

import random
import uuid
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone

from .models import Attempt, ModulePage, Option, Question, QuestionKind, QuestionResponse, QuizPage

KIND_CYCLE = [
    QuestionKind.SINGLE_CHOICE,
    QuestionKind.MULTIPLE_RESPONSE,
    QuestionKind.TRUE_FALSE,
    QuestionKind.SHORT_ANSWER,
    QuestionKind.NUMERIC,
    QuestionKind.MATCHING,
    QuestionKind.ORDERING,
    QuestionKind.OPEN,
]

# Per type: (text, credit, extra fields) of the options a generated question gets.
SAMPLE_OPTIONS: dict[str, list[tuple[str, int, dict]]] = {
    QuestionKind.SINGLE_CHOICE: [
        ("Samen afspreken", 100, {}),
        ("Alles vastleggen", 0, {}),
        ("Afwachten", 0, {}),
    ],
    QuestionKind.MULTIPLE_RESPONSE: [("Vertrouwen", 50, {}), ("Afspraken", 50, {}), ("Toeval", -50, {})],
    QuestionKind.TRUE_FALSE: [("Waar", 100, {}), ("Onwaar", 0, {})],
    QuestionKind.SHORT_ANSWER: [("startconditie*", 100, {}), ("afspraak", 50, {})],
    QuestionKind.NUMERIC: [
        ("", 100, {"value": 8.0, "tolerance": 0.0}),
        ("", 50, {"minimum": 6.0, "maximum": 10.0}),
    ],
    QuestionKind.MATCHING: [
        ("Blauwe wereld", 100, {"match_text": "Contract"}),
        ("Oranje wereld", 100, {"match_text": "Vertrouwen"}),
        ("Startcondities", 100, {"match_text": "Afspraken vooraf"}),
        ("", 0, {"match_text": "Aanbesteding"}),
    ],
    QuestionKind.ORDERING: [
        ("Verkennen", 0, {}),
        ("Afspreken", 0, {}),
        ("Uitvoeren", 0, {}),
        ("Evalueren", 0, {}),
    ],
    QuestionKind.OPEN: [],
}


def add_question(
    quiz: QuizPage, kind: str, *, name: str = "", text: str = "", options=None, **fields
) -> Question:
    """A question with the sample options of its type (or the `options` given as (text, credit, extra))."""
    position = Question.objects.filter(quiz=quiz).count()
    question = Question.objects.create(
        quiz=quiz,
        kind=kind,
        sort_order=position,
        name=name or f"Vraag {position + 1}",
        text=text or f"<p>Vraag {position + 1} ({kind})?</p>",
        **fields,
    )
    for order, (option_text, credit, extra) in enumerate(
        SAMPLE_OPTIONS[kind] if options is None else options
    ):
        Option.objects.create(
            question=question, sort_order=order, text=option_text, credit=Decimal(credit), **extra
        )
    return question


def build_quiz(
    *,
    module: ModulePage,
    title: str = "Toets",
    questions: int = 8,
    kinds=None,
    publish: bool = True,
    **fields,
) -> QuizPage:
    quiz = module.add_child(instance=QuizPage(title=title, live=publish, **fields))
    if publish:
        quiz.save_revision().publish()
    kinds = list(kinds or KIND_CYCLE)
    for n in range(questions):
        add_question(quiz, kinds[n % len(kinds)])
    return quiz


def attempt_answers(attempt: Attempt, *, right: bool = True, open_text: str = "Mijn antwoord.") -> QueryDict:
    """The form a professional would post for this attempt: every answer right, or every answer wrong."""
    from .quiz_services import field_name

    data = QueryDict(mutable=True)
    responses = attempt.responses.select_related("question").prefetch_related("question__options")
    for response in responses:
        question, name = response.question, field_name(response.question)
        options = list(question.options.all())
        kind = question.kind
        if kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.TRUE_FALSE):
            best = max(o.credit for o in options)
            pick = next(o for o in options if (o.credit == best) == right)
            data[name] = str(pick.uuid)
        elif kind == QuestionKind.MULTIPLE_RESPONSE:
            data.setlist(name, [str(o.uuid) for o in options if (o.credit > 0) == right])
        elif kind == QuestionKind.SHORT_ANSWER:
            accepted = next(o.text for o in options if o.credit == 100)
            data[name] = accepted.replace("*", "") if right else "weet ik niet"
        elif kind == QuestionKind.NUMERIC:
            answer = next(o for o in options if o.credit == 100)
            number = answer.value if answer.value is not None else answer.minimum
            data[name] = f"{number:g}".replace(".", ",") if right else "-999"
        elif kind == QuestionKind.MATCHING:
            texts = {str(o.uuid): o.match_text for o in options}
            for option in options:
                if option.text:
                    right_place = [texts.get(oid) for oid in response.match_order].index(
                        option.match_text
                    ) + 1
                    wrong_place = right_place % len(response.match_order) + 1
                    data[f"{name}-{option.uuid}"] = str(right_place if right else wrong_place)
        elif kind == QuestionKind.ORDERING:
            count = len(options)
            for place, option in enumerate(options, start=1):
                data[f"{name}-{option.uuid}"] = str(place if right else count - place + 1)
        elif kind == QuestionKind.OPEN:
            data[name] = open_text
    return data


def attempts_bulk_create(*, quiz: QuizPage, count: int, per_user: int = 2, seed: int = 0) -> int:
    """`count` submitted attempts with graded answers, in a few bulk inserts (for the statistics benchmark).

    Each professional has an 'ability' so that scores correlate across questions, as in real quizzes.
    """
    rng = random.Random(seed)  # noqa: S311 (test data)
    user_model = get_user_model()
    questions = list(Question.objects.filter(quiz=quiz, is_active=True).prefetch_related("options"))
    tag = uuid.uuid4().hex[:8]
    users = user_model.objects.bulk_create(
        [
            user_model(email=f"quiz-{tag}-{n}@example.org", password="!")  # noqa: S106 (unusable password)
            for n in range((count + per_user - 1) // per_user)
        ]
    )
    now = timezone.now()
    with transaction.atomic():
        attempts, plans = [], []
        for n in range(count):
            user = users[n // per_user]
            ability = rng.random()
            fractions = []
            for question in questions:
                if not question.is_graded:
                    fractions.append(None)
                    continue
                difficulty = 0.2 + 0.6 * (questions.index(question) % 5) / 4
                right = rng.random() < (ability + (1 - difficulty)) / 2
                fractions.append(1.0 if right else (0.5 if rng.random() < 0.2 else 0.0))
            scored = sum((f or 0) * q.points for f, q in zip(fractions, questions, strict=True))
            possible = sum(q.points for q in questions if q.is_graded)
            score = round(100 * scored / possible, 2) if possible else 100.0
            attempts.append(
                Attempt(
                    quiz=quiz,
                    user=user,
                    number=n % per_user + 1,
                    started_at=now,
                    submitted_at=now,
                    points_scored=scored,
                    points_possible=possible,
                    score=score,
                    passed=score >= quiz.passing_score,
                )
            )
            plans.append(fractions)
        Attempt.objects.bulk_create(attempts, batch_size=2000)
        responses = [
            QuestionResponse(
                attempt=attempt,
                question=question,
                position=position,
                answer={"generated": True},
                fraction=fraction,
                points_scored=None if fraction is None else fraction * question.points,
            )
            for attempt, fractions in zip(attempts, plans, strict=True)
            for position, (question, fraction) in enumerate(zip(questions, fractions, strict=True))
        ]
        QuestionResponse.objects.bulk_create(responses, batch_size=5000)
        through = QuestionResponse.chosen_options.through
        options = {q.pk: list(q.options.all()) for q in questions}
        chosen = []
        for response in responses:
            choices = options[response.question_id]
            if (
                response.question.kind
                not in (
                    QuestionKind.SINGLE_CHOICE,
                    QuestionKind.TRUE_FALSE,
                    QuestionKind.MULTIPLE_RESPONSE,
                    QuestionKind.SHORT_ANSWER,
                )
                or not choices
            ):
                continue
            right = [o for o in choices if o.credit > 0]
            wrong = [o for o in choices if o.credit <= 0] or right
            picks = right if response.fraction == 1.0 else [rng.choice(wrong)]
            if response.question.kind != QuestionKind.MULTIPLE_RESPONSE:
                picks = picks[:1]
            chosen.extend(through(questionresponse_id=response.pk, option_id=o.pk) for o in picks)
        through.objects.bulk_create(chosen, batch_size=5000)
    return count
