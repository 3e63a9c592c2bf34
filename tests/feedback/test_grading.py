"""A trainer grades open answers in the admin: one page, one submit, the next item; the attempt follows."""

import pytest
from django.core import mail
from wagtail.test.utils.form_data import rich_text

from courses.models import ItemProgress
from modules.manual_grading import AlreadyGraded, GradeInput, response_grade
from modules.models import Attempt, QuestionResponse, RubricCriterion
from notifications.models import Notification

from .conftest import open_response, professional_in, submitted_attempt

pytestmark = pytest.mark.django_db


def grade_url(response) -> str:
    return f"/admin/te-beoordelen/antwoord/{response.pk}/"


def post_grade(client, response, *, points="1", feedback="<p>Goed gezien.</p>", graded_at="", **extra):
    data = {"points": points, "feedback": rich_text(feedback), "graded_at": graded_at, **extra}
    return client.post(grade_url(response), data)


def test_an_open_answer_waits_and_the_trainers_grade_completes_the_quiz(
    client, trainer, quiz, professional, django_capture_on_commit_callbacks
):
    attempt = submitted_attempt(quiz, professional)
    assert (attempt.awaiting_grading, attempt.score, attempt.passed) == (True, None, None)
    assert not ItemProgress.objects.filter(user=professional, item=quiz, completed_at__isnull=False).exists()
    response = open_response(attempt)
    client.force_login(trainer)
    page = client.get(grade_url(response))
    assert page.status_code == 200 and "Vertrouwen zat in één persoon." in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        answer = post_grade(client, response, feedback="<p>Mooi <strong>concreet</strong> voorbeeld.</p>")
    assert answer.status_code == 302 and answer["Location"] == "/admin/te-beoordelen/"  # nothing else waits
    attempt.refresh_from_db()
    assert (attempt.awaiting_grading, attempt.score, attempt.passed) == (False, 100.0, True)
    assert ItemProgress.objects.get(user=professional, item=quiz).completed_at is not None
    notification = Notification.objects.get(user=professional)
    assert notification.kind == "grade" and notification.url == quiz.attempt_url(attempt, "review")
    assert [m.to for m in mail.outbox if "Toets" in m.body] == [[professional.email]]
    # The professional reads the feedback in the review of the attempt.
    client.force_login(professional)
    review = client.get(quiz.attempt_url(attempt, "review")).content.decode()
    # Wagtail's editor stores bold as <b>.
    assert "Mooi <b>concreet</b> voorbeeld." in review and "Feedback van de trainer" in review


def test_grading_opens_the_next_waiting_item(client, trainer, quiz, professional, course):
    first = open_response(submitted_attempt(quiz, professional))
    second = open_response(submitted_attempt(quiz, professional_in(course, "bas@example.org")))
    client.force_login(trainer)
    response = post_grade(client, first)
    assert response["Location"] == grade_url(second)


@pytest.mark.parametrize("points", ["2", "-1", "", "veel"])
def test_a_score_outside_the_range_comes_back_with_what_was_typed(
    client, trainer, quiz, professional, points
):
    response = open_response(submitted_attempt(quiz, professional))
    client.force_login(trainer)
    page = post_grade(client, response, points=points, feedback="<p>Bewaard commentaar</p>")
    html = page.content.decode()
    assert page.status_code == 400
    assert "Bewaard commentaar" in html and (not points or f'value="{points}"' in html)
    assert QuestionResponse.objects.get(pk=response.pk).graded_at is None


def test_a_rubric_needs_every_criterion_within_its_points(client, trainer, quiz, professional):
    response = open_response(submitted_attempt(quiz, professional))
    question = response.question
    question.points = 4
    question.save()
    herkenning = RubricCriterion.objects.create(question=question, name="Herkenning", points=2)
    onderbouwing = RubricCriterion.objects.create(question=question, name="Onderbouwing", points=2)
    client.force_login(trainer)
    missing = client.post(
        grade_url(response), {f"criterion_{herkenning.pk}": "2", "feedback": rich_text(""), "graded_at": ""}
    )
    assert missing.status_code == 400 and "Dit is een verplicht veld." in missing.content.decode()
    too_high = client.post(
        grade_url(response),
        {f"criterion_{herkenning.pk}": "3", f"criterion_{onderbouwing.pk}": "1", "feedback": rich_text("")},
    )
    assert too_high.status_code == 400 and 'value="3"' in too_high.content.decode()
    done = client.post(
        grade_url(response),
        {f"criterion_{herkenning.pk}": "2", f"criterion_{onderbouwing.pk}": "1", "feedback": rich_text("")},
    )
    assert done.status_code == 302
    response.refresh_from_db()
    assert response.points_scored == 3.0 and response.criterion_scores == {
        str(herkenning.pk): 2.0,
        str(onderbouwing.pk): 1.0,
    }
    attempt = Attempt.objects.get(pk=response.attempt_id)
    assert attempt.points_possible == 5 and attempt.score == 80.0


def test_a_service_refuses_a_missing_criterion_or_a_score_out_of_range(trainer, quiz, professional):
    from modules.manual_grading import GradingError

    response = open_response(submitted_attempt(quiz, professional))
    with pytest.raises(GradingError):
        response_grade(response=response, grader=trainer, grade=GradeInput(points=5), expected_graded_at=None)
    RubricCriterion.objects.create(question=response.question, name="Herkenning", points=1)
    with pytest.raises(GradingError):
        response_grade(
            response=response, grader=trainer, grade=GradeInput(criterion_scores={}), expected_graded_at=None
        )
    assert QuestionResponse.objects.get(pk=response.pk).graded_at is None


def test_two_trainers_grading_at_once_give_one_grade(client, trainer, quiz, professional):
    response = open_response(submitted_attempt(quiz, professional))
    response_grade(response=response, grader=trainer, grade=GradeInput(points=1), expected_graded_at=None)
    with pytest.raises(AlreadyGraded):
        response_grade(response=response, grader=trainer, grade=GradeInput(points=0), expected_graded_at=None)
    # In the admin: the second trainer's form was loaded before the first grade.
    client.force_login(trainer)
    late = post_grade(client, response, points="0", graded_at="")
    assert late.status_code == 302 and late["Location"] == grade_url(response)
    response.refresh_from_db()
    assert response.points_scored == 1.0
    page = client.get(late["Location"]).content.decode()
    assert "Een andere trainer heeft dit antwoord intussen beoordeeld" in page


def test_a_regrade_recomputes_the_attempt(client, trainer, quiz, professional):
    response = open_response(submitted_attempt(quiz, professional))
    first = response_grade(
        response=response, grader=trainer, grade=GradeInput(points=0), expected_graded_at=None
    )
    attempt = Attempt.objects.get(pk=response.attempt_id)
    assert (attempt.score, attempt.passed) == (50.0, False)
    client.force_login(trainer)
    assert post_grade(client, response, points="1", graded_at=first.graded_at.isoformat()).status_code == 302
    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed) == (100.0, True)
    assert Notification.objects.filter(user=professional, kind="grade").count() == 2


def test_feedback_is_sanitised(client, trainer, quiz, professional):
    response = open_response(submitted_attempt(quiz, professional))
    client.force_login(trainer)
    hostile = (
        '<p>Let op <a href="javascript:alert(1)">hier</a> <em>goed</em></p>'
        '<script>alert(1)</script><p style="color:red">rood</p>'
    )
    # Straight to the service too: the sanitiser sits in it, whatever the form sends.
    response_grade(
        response=response,
        grader=trainer,
        grade=GradeInput(points=1, feedback=hostile),
        expected_graded_at=None,
    )
    response.refresh_from_db()
    assert "script" not in response.feedback and "javascript" not in response.feedback
    assert "style" not in response.feedback and "<em>goed</em>" in response.feedback


def test_another_courses_trainer_gets_a_404_and_a_professional_no_admin(client, trainers, quiz, professional):
    response = open_response(submitted_attempt(quiz, professional))
    client.force_login(trainers[1])
    assert client.get(grade_url(response)).status_code == 404
    assert post_grade(client, response).status_code == 404
    assert client.get("/admin/te-beoordelen/antwoord/999999/").status_code == 404
    client.force_login(professional)
    assert client.get(grade_url(response)).status_code == 302  # to the login: no access to the admin
    assert QuestionResponse.objects.get(pk=response.pk).graded_at is None
