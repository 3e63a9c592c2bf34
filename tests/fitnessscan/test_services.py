import pytest

from fitnessscan import selectors, services
from fitnessscan.factories import completed_response_create
from fitnessscan.models import ScanAnswer, ScanResponse, ScanStatement


def all_statements(steps):
    return [statement for step in steps for statement in step.statements]


def test_steps_follow_the_factors_with_their_statements(steps, factors):
    assert [step.factor.number for step in steps] == list(range(1, 9))
    assert all(len(step.statements) == 2 for step in steps)
    assert [step.number for step in steps] == list(range(1, 9))


def test_saving_a_step_again_updates_instead_of_duplicating(scan_page, steps, professional):
    response = services.response_create(page=scan_page, user=professional)
    first, second = steps[0].statements
    services.step_save(
        response=response, statements=steps[0].statements, answers={first.key: 2, second.key: None}
    )
    services.step_save(response=response, statements=steps[0].statements, answers={first.key: 5})
    assert selectors.response_answers(response=response) == {first.key: 5, second.key: None}
    assert ScanAnswer.objects.filter(response=response).count() == 2


def test_saving_refuses_values_off_the_scale(scan_page, steps, professional):
    response = services.response_create(page=scan_page, user=professional)
    with pytest.raises(ValueError):
        services.step_save(
            response=response, statements=steps[0].statements, answers={steps[0].statements[0].key: 7}
        )
    assert not ScanAnswer.objects.exists()


def test_first_incomplete_step(scan_page, steps, professional):
    answered = {s.key: 3 for s in steps[0].statements + steps[1].statements}
    assert selectors.first_incomplete_step(steps=steps, answered=answered) == 3
    answered.pop(steps[0].statements[1].key)
    assert selectors.first_incomplete_step(steps=steps, answered=answered) == 1
    assert (
        selectors.first_incomplete_step(steps=steps, answered={s.key: 1 for s in all_statements(steps)})
        is None
    )


def test_completing_scores_with_reverse_items_and_dont_know(scan_page, steps, professional):
    response = services.response_create(page=scan_page, user=professional)
    answers = {}
    for step in steps:
        normal, reverse = step.statements
        answers[normal.key] = 5  # 100
        answers[reverse.key] = 2  # reverse-scored: counts as 4 → 75
    # Factor 8: only "don't know" → no score.
    for statement in steps[7].statements:
        answers[statement.key] = None
    services.step_save(response=response, statements=all_statements(steps), answers=answers)
    services.response_complete(response=response, statements=all_statements(steps))
    scores = dict(response.factor_scores.values_list("factor__number", "score"))
    assert scores == {1: 88, 2: 88, 3: 88, 4: 88, 5: 88, 6: 88, 7: 88, 8: None}
    response.refresh_from_db()
    assert response.overall_score == 88 and response.completed_at is not None


def test_completing_with_unanswered_statements_is_refused(scan_page, steps, professional):
    response = services.response_create(page=scan_page, user=professional)
    services.step_save(
        response=response, statements=steps[0].statements, answers={s.key: 3 for s in steps[0].statements}
    )
    with pytest.raises(services.ScanIncomplete):
        services.response_complete(response=response, statements=all_statements(steps))
    assert ScanResponse.objects.get(pk=response.pk).completed_at is None


def test_editing_the_scan_keeps_old_results_readable(scan_page, steps, professional, factors):
    response = completed_response_create(page=scan_page, user=professional, value=4)
    statement = ScanStatement.objects.filter(page=scan_page).first()
    original_text = statement.text
    page = scan_page.get_latest_revision_as_object()
    edited = page.statements.get(pk=statement.pk)  # the in-memory cluster of the revision
    edited.text = "Een heel andere stelling"
    edited.reverse_scored = not edited.reverse_scored
    page.save_revision().publish()
    ScanStatement.objects.filter(page=scan_page).exclude(pk=statement.pk).delete()

    answer = response.answers.get(statement_key=statement.key)
    assert answer.statement_text == original_text
    assert answer.reverse_scored == statement.reverse_scored
    assert ScanStatement.objects.get(pk=statement.pk).key == statement.key  # the identity survived
    result = selectors.scan_result(response=response)
    assert [row.score for row in result.rows] == [50] * 8  # 4 → 75 and, reverse-scored, 25


def test_claiming_gives_anonymous_responses_to_the_user(scan_page, professional, coordinator):
    anonymous = completed_response_create(page=scan_page, user=None)
    someone_elses = completed_response_create(page=scan_page, user=coordinator)
    claimed = services.responses_claim(
        user=professional, response_ids=[str(anonymous.pk), str(someone_elses.pk), "not-a-uuid"]
    )
    assert claimed == 1
    assert ScanResponse.objects.get(pk=anonymous.pk).user == professional
    assert ScanResponse.objects.get(pk=someone_elses.pk).user == coordinator


def test_result_compares_with_the_previous_scan_and_picks_the_weakest(scan_page, steps, professional):
    from datetime import timedelta

    from django.utils import timezone

    completed_response_create(
        page=scan_page, user=professional, value=3, completed_at=timezone.now() - timedelta(days=30)
    )
    response = services.response_create(page=scan_page, user=professional)
    answers = {}
    for step in steps:
        normal, reverse = step.statements
        favourable = 1 if step.number in (2, 5, 7) else 4
        answers[normal.key] = favourable
        answers[reverse.key] = 6 - favourable
    services.step_save(response=response, statements=all_statements(steps), answers=answers)
    services.response_complete(response=response, statements=all_statements(steps))

    result = selectors.scan_result(response=response)
    assert result.previous_response is not None
    assert [row.factor.number for row in result.weakest] == [2, 5, 7]
    assert [row.score for row in result.weakest] == [0, 0, 0]
    assert all(row.band == "laag" and row.advice.band == "laag" for row in result.weakest)
    assert result.rows[0].score == 75 and result.rows[0].previous_score == 50 and result.rows[0].change == 25
    assert result.rows[1].change == -50
