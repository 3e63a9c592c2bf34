"""The engine's database side, through the FitnessScan's concrete answer model."""

import pytest
from django.db.models import Avg, Count

from fitnessscan.factories import scan_page_create
from fitnessscan.models import ScanAnswer
from fitnessscan.selectors import scan_steps
from fitnessscan.services import response_create
from questionnaires import aggregates, privacy, scoring, services
from questionnaires.forms import StepForm, initial_answers, statement_field_name
from questionnaires.steps import first_incomplete_step, progress_percentage


@pytest.fixture
def steps(db):
    from successfactors.demo import seed

    factors = seed(lambda *args: None, {})["factors"]
    return scan_steps(page=scan_page_create(factors=factors, statements_per_factor=3))


def test_database_scores_equal_the_python_scoring(steps):
    statements = [s for step in steps for s in step.statements]
    response = response_create(page=steps[0].statements[0].page, user=None)
    values = [1, 2, 3, 4, 5, None]
    answers = {s.key: values[index % len(values)] for index, s in enumerate(statements)}
    assert services.answers_save(
        model=ScanAnswer, owner={"response": response}, statements=statements, answers=answers
    ) == len(statements)

    in_database = dict(
        ScanAnswer.objects.values("factor_id")
        .annotate(score=Avg(aggregates.statement_score()), counted=Count(aggregates.statement_score()))
        .values_list("factor_id", "score")
    )
    in_python = scoring.factor_scores(
        (
            scoring.ScoredAnswer(factor_id=s.factor_id, value=answers[s.key], reverse_scored=s.reverse_scored)
            for s in statements
        ),
        factor_ids=[step.factor.pk for step in steps],
    )
    assert in_database == pytest.approx(in_python)


def test_an_answer_off_the_scale_stores_nothing(steps):
    statements = steps[0].statements
    response = response_create(page=statements[0].page, user=None)
    with pytest.raises(services.AnswerOutsideScale):
        services.answers_save(
            model=ScanAnswer,
            owner={"response": response},
            statements=statements,
            answers={statements[0].key: 4, statements[1].key: 9},
        )
    assert not ScanAnswer.objects.exists()


def test_saving_again_keeps_one_answer_per_statement(steps):
    statements = steps[0].statements
    response = response_create(page=statements[0].page, user=None)
    for value in (2, 5):
        services.answers_save(
            model=ScanAnswer,
            owner={"response": response},
            statements=statements,
            answers={s.key: value for s in statements},
        )
    assert list(ScanAnswer.objects.values_list("value", flat=True).distinct()) == [5]


def test_step_form_refuses_a_statement_of_another_step_and_refills(steps):
    first, second = steps[0], steps[1]
    data = {statement_field_name(s): "4" for s in first.statements}
    data[statement_field_name(second.statements[0])] = "3"
    form = StepForm(data, statements=first.statements)
    assert not form.is_valid()
    assert form.has_error("__all__", code="foreign_statement")
    answered = {first.statements[0].key: None}
    assert initial_answers(first.statements, answered) == {statement_field_name(first.statements[0]): "x"}
    assert first_incomplete_step(steps=steps, answered=answered) == 1
    assert progress_percentage(steps=steps, answered=answered) == 4


def test_privacy_threshold():
    assert not privacy.is_visible(2, minimum=3)
    assert privacy.is_visible(3, minimum=3)
    assert privacy.hidden_reason_count(1, minimum=3) == 2
