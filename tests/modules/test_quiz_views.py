"""The quiz through HTTP: overview, attempt form, auto-save, submit, review; bad input and other people."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.factories import UserFactory
from courses import services as course_services
from courses.models import ItemProgress
from modules.factories import add_question, attempt_answers, build_quiz
from modules.models import Attempt, Option, Question, QuestionResponse, ReviewMode
from modules.quiz_services import field_name

pytestmark = pytest.mark.django_db

FEEDBACK_MARKER = "GEHEIME-FEEDBACK"
GENERAL_MARKER = "ALGEMENE-TOELICHTING"


@pytest.fixture
def pro_client(client, professional):
    client.force_login(professional)
    return client


def start(client, quiz) -> tuple[Attempt, str]:
    response = client.post(quiz.url + "start/")
    assert response.status_code == 303, response.content[:500]
    attempt = Attempt.objects.latest("pk")
    assert response["Location"] == quiz.attempt_url(attempt)
    return attempt, response["Location"]


def as_post(data) -> dict:
    """A QueryDict as test-client data, keeping every value of a multi-valued field."""
    return dict(data.lists()) if hasattr(data, "lists") else data


def submit(client, quiz, attempt, data, **extra):
    return client.post(quiz.attempt_url(attempt, "submit"), as_post(data), **extra)


def form_html(html: str) -> str:
    return re.search(r'<form method="post" action="[^"]*/inleveren/".*?</form>', html, re.DOTALL).group(0)


def test_anonymous_and_not_enrolled(client, quiz):
    response = client.get(quiz.url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(UserFactory())
    assert client.get(quiz.url).status_code == 403
    assert client.post(quiz.url + "start/").status_code == 403
    assert not Attempt.objects.exists()


def test_overview_explains_the_rules(pro_client, quiz):
    quiz.max_attempts, quiz.time_limit_minutes = 3, 20
    quiz.save()
    html = pro_client.get(quiz.url).content.decode()
    assert "8 vragen" in html
    assert "Je slaagt met een score van 70% of meer." in html
    assert "Je hebt 3 pogingen." in html and "20 minuten" in html
    assert "Start de toets" in html


def test_start_and_reload_show_the_same_attempt(pro_client, quiz):
    attempt, url = start(pro_client, quiz)
    first = pro_client.get(url).content.decode()
    again = pro_client.get(url).content.decode()
    order = re.findall(r'name="(q-[0-9a-f-]{36})"', first)
    assert order and order == re.findall(r'name="(q-[0-9a-f-]{36})"', again)
    assert re.findall(r'value="([0-9a-f-]{36})"', first) == re.findall(r'value="([0-9a-f-]{36})"', again)
    _attempt, url_again = start(pro_client, quiz)  # "start" again continues the open attempt
    assert url_again == url and Attempt.objects.count() == 1


def test_the_attempt_carries_no_hint_of_the_right_answers(pro_client, quiz):
    for question in Question.objects.filter(quiz=quiz):
        question.general_feedback = f"<p>{GENERAL_MARKER}</p>"
        question.save()
    Option.objects.filter(question__quiz=quiz).update(feedback=FEEDBACK_MARKER)
    Option.objects.filter(question__quiz=quiz, question__kind="short_answer").update(text="geheimwoord*")
    Option.objects.filter(question__quiz=quiz, question__kind="numeric").update(value=987654)
    attempt, url = start(pro_client, quiz)
    html = pro_client.get(url).content.decode()
    form = form_html(html)
    assert FEEDBACK_MARKER not in html and GENERAL_MARKER not in html
    hidden = re.findall(r'<input[^>]*type="hidden"[^>]*>', form)
    assert len(hidden) == 1 and 'name="csrfmiddlewaretoken"' in hidden[0]
    for word in ("correct", "credit", "fraction", "is_right"):
        assert word not in form.lower(), word
    # No data attributes but htmx's own (data-hx-*: where to save an answer, nothing about it).
    assert re.findall(r"\sdata-(?!hx-)[\w-]+", form) == []
    assert "application/json" not in html and "<script" not in form
    # Accepted short answers and numeric values are never sent.
    assert "geheimwoord" not in html and "987654" not in html
    # A matching question names its right-hand items by place, never by the id of a pair's option.
    matching = Question.objects.get(quiz=quiz, kind="matching")
    for option in matching.options.all():
        assert f'value="{option.uuid}"' not in form


def test_autosave_with_htmx_keeps_the_answer_for_a_reload(pro_client, quiz):
    attempt, url = start(pro_client, quiz)
    response = next(
        r for r in attempt.responses.select_related("question") if r.question.kind == "single_choice"
    )
    choice = response.option_order[2]
    saved = pro_client.post(
        quiz.attempt_url(attempt, "save"),
        {"question": str(response.question.uuid), field_name(response.question): choice},
        HTTP_HX_REQUEST="true",
    )
    assert saved.status_code == 200
    assert "Opgeslagen om" in saved.content.decode()
    assert "<html" not in saved.content.decode()
    assert saved["Vary"].count("HX-Request") == 1
    assert f'value="{choice}" checked' in pro_client.get(url).content.decode()


def test_autosave_of_a_bad_number_says_why_and_keeps_the_saved_answer(pro_client, quiz):
    attempt, _url = start(pro_client, quiz)
    response = next(r for r in attempt.responses.select_related("question") if r.question.kind == "numeric")
    QuestionResponse.objects.filter(pk=response.pk).update(answer={"text": "8", "number": 8.0})
    saved = pro_client.post(
        quiz.attempt_url(attempt, "save"),
        {"question": str(response.question.uuid), field_name(response.question): "acht"},
        HTTP_HX_REQUEST="true",
    )
    assert "“acht” is geen getal" in saved.content.decode()
    response.refresh_from_db()
    assert response.answer == {"text": "8", "number": 8.0}


def test_save_button_without_javascript(pro_client, quiz):
    attempt, url = start(pro_client, quiz)
    data = attempt_answers(attempt)
    response = pro_client.post(quiz.attempt_url(attempt, "save"), as_post(data))
    assert response.status_code == 303 and response["Location"] == url
    assert QuestionResponse.objects.filter(attempt=attempt, answer__isnull=False).count() == 8


def test_bad_input_on_submit_comes_back_with_what_was_typed(pro_client, quiz):
    attempt, _url = start(pro_client, quiz)
    data = attempt_answers(attempt)
    numeric = Question.objects.get(quiz=quiz, kind="numeric")
    data[field_name(numeric)] = "ongeveer acht"
    response = submit(pro_client, quiz, attempt, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "is geen getal" in html
    assert 'value="ongeveer acht"' in html
    assert 'value="Startcondities"' in html or "Startcondities" in html  # the other answers stay
    assert Attempt.objects.get(pk=attempt.pk).submitted_at is None
    assert not QuestionResponse.objects.filter(attempt=attempt, answer__isnull=False).exists()


def test_tampered_option_is_refused(pro_client, quiz):
    attempt, _url = start(pro_client, quiz)
    data = attempt_answers(attempt)
    single = Question.objects.get(quiz=quiz, kind="single_choice")
    data[field_name(single)] = str(Option.objects.exclude(question=single).first().uuid)
    html = submit(pro_client, quiz, attempt, data).content.decode()
    assert "niet een van de antwoorden" in html
    assert Attempt.objects.get(pk=attempt.pk).submitted_at is None


def test_unanswered_questions_are_named_and_can_be_submitted_anyway(pro_client, quiz):
    attempt, _url = start(pro_client, quiz)
    html = submit(pro_client, quiz, attempt, {}).content.decode()
    assert "hebben nog geen antwoord" in html and 'href="#vraag-8"' in html
    assert 'name="confirm" value="unanswered"' in html
    response = submit(pro_client, quiz, attempt, {"confirm": "unanswered"})
    assert response.status_code == 303
    assert Attempt.objects.get(pk=attempt.pk).score == 0.0


def test_submit_passes_shows_the_review_and_marks_the_quiz_done(
    pro_client, professional, quiz, course, django_capture_on_commit_callbacks
):
    for option in Option.objects.filter(question__quiz=quiz, credit=100):
        option.feedback = FEEDBACK_MARKER
        option.save()
    Question.objects.filter(quiz=quiz, kind="open").update(is_active=False)  # graded at once
    attempt, _url = start(pro_client, quiz)
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(pro_client, quiz, attempt, attempt_answers(attempt))
    assert response.status_code == 303 and response["Location"] == quiz.attempt_url(attempt, "review")
    html = pro_client.get(response["Location"]).content.decode()
    assert "100%" in html and "Geslaagd" in html
    assert FEEDBACK_MARKER in html and "Goed" in html
    assert ItemProgress.objects.get(user=professional, item=quiz).completed_at is not None
    assert 'status--done">Afgerond' in pro_client.get(course.url).content.decode()
    # A double click or a replay gets the same result.
    again = submit(pro_client, quiz, attempt, {})
    assert again["Location"] == quiz.attempt_url(attempt, "review")
    assert Attempt.objects.get(pk=attempt.pk).score == 100.0


@pytest.mark.parametrize(
    ("mode", "passed", "shows_answers"),
    [
        (ReviewMode.AFTER_ATTEMPT, False, True),
        (ReviewMode.AFTER_PASSING, False, False),
        (ReviewMode.AFTER_PASSING, True, True),
        (ReviewMode.NEVER, True, False),
    ],
)
def test_review_follows_the_quiz_setting(pro_client, quiz, mode, passed, shows_answers):
    quiz.review_mode = mode
    quiz.save()
    Option.objects.filter(question__quiz=quiz).update(feedback=FEEDBACK_MARKER)
    Question.objects.filter(quiz=quiz, kind="open").update(is_active=False)  # graded at once
    attempt, _url = start(pro_client, quiz)
    data = attempt_answers(attempt, right=passed)
    data["confirm"] = "unanswered"
    submit(pro_client, quiz, attempt, data)
    html = pro_client.get(quiz.attempt_url(attempt, "review")).content.decode()
    assert (FEEDBACK_MARKER in html) is shows_answers
    assert ("Jouw antwoorden" in html) is shows_answers


def test_other_professionals_attempt_is_a_404(client, quiz, course, professional):
    client.force_login(professional)
    attempt, _url = start(client, quiz)
    other = UserFactory()
    course_services.enrolment_create(user=other, course=course)
    client.force_login(other)
    for name in ("attempt", "review"):
        assert client.get(quiz.attempt_url(attempt, name)).status_code == 404
    for name in ("save", "submit"):
        assert client.post(quiz.attempt_url(attempt, name), {}).status_code == 404
    assert client.get(quiz.url + "poging/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert Attempt.objects.get(pk=attempt.pk).submitted_at is None


def test_no_new_attempt_when_the_attempts_are_used_up(pro_client, quiz):
    quiz.max_attempts = 1
    quiz.save()
    attempt, _url = start(pro_client, quiz)
    submit(pro_client, quiz, attempt, {"confirm": "unanswered"})
    response = pro_client.post(quiz.url + "start/", follow=True)
    assert "Je hebt je 1 poging" in response.content.decode()
    assert Attempt.objects.count() == 1
    assert "Je hebt al je pogingen" in pro_client.get(quiz.url).content.decode()


def test_get_on_post_routes(pro_client, quiz):
    assert pro_client.get(quiz.url + "start/").status_code == 405


def test_preview_shows_every_question_with_its_answers(admin_client, quiz):
    quiz.save_revision()
    response = admin_client.get(f"/admin/pages/{quiz.pk}/view_draft/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("quiz-review") >= 8
    assert "Samen afspreken" in html and "juiste antwoord" in html


def http_submit_queries(client, module, course, user, questions: int) -> int:
    quiz = build_quiz(module=module, title=f"Budget {questions}", questions=questions)
    client.get(quiz.url)  # warm caches as in normal traffic
    attempt, _url = start(client, quiz)
    data = attempt_answers(attempt)
    with CaptureQueriesContext(connection) as captured:
        response = submit(client, quiz, attempt, data)
    assert response.status_code == 303
    return len(captured)


def test_http_submit_queries_do_not_grow_with_the_number_of_questions(
    pro_client, professional, module, course
):
    assert http_submit_queries(pro_client, module, course, professional, 5) == http_submit_queries(
        pro_client, module, course, professional, 20
    )


def test_retired_and_added_questions_keep_old_attempts_reviewable(pro_client, quiz):
    attempt, _url = start(pro_client, quiz)
    submit(pro_client, quiz, attempt, attempt_answers(attempt))
    question = Question.objects.filter(quiz=quiz).first()
    question.is_active = False
    question.name = "Herschreven"
    question.save()
    add_question(quiz, "true_false")
    html = pro_client.get(quiz.attempt_url(attempt, "review")).content.decode()
    assert html.count('class="card quiz-question quiz-review') == 8


def test_the_review_writes_every_score_in_one_number_format(pro_client, quiz):
    import re

    from modules.models import QuestionResponse

    attempt, _url = start(pro_client, quiz)
    response = submit(pro_client, quiz, attempt, attempt_answers(attempt))
    # A sum of partial credits in floating point, as a multiple-choice question can give.
    QuestionResponse.objects.filter(attempt=attempt).update(points_scored=0.1 + 0.2 + 0.7)
    Attempt.objects.filter(pk=attempt.pk).update(points_scored=0.1 + 0.2 + 0.7 + 6.0000000001)
    html = pro_client.get(response["Location"]).content.decode()
    scores = re.findall(r"([\d,]+) van ([\d,]+) punten", html)
    assert scores
    assert not [score for score in scores if ",00" in score[0] or ",00" in score[1]]
    assert ("1", "1") in scores
