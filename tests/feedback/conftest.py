import pytest
from django.contrib.auth.models import Group

from accounts.factories import UserFactory
from accounts.roles import TRAINERS
from accounts.services import groups_ensure
from courses import services as course_services
from courses.factories import build_course, lessons_of
from feedback.factories import reflections_ask_feedback
from modules import quiz_services
from modules.factories import attempt_answers, build_quiz
from modules.models import ModulePage, QuestionKind


@pytest.fixture
def trainers(db):
    groups_ensure()
    group = Group.objects.get(name=TRAINERS)
    own, other = UserFactory(email="trainer@example.org"), UserFactory(email="andere@example.org")
    for user in (own, other):
        user.groups.add(group)
    return own, other


@pytest.fixture
def trainer(trainers):
    return trainers[0]


@pytest.fixture
def course(trainers):
    course = build_course(title="Startcondities", modules=1, lessons=1)
    course.trainers.add(trainers[0])
    course.save_revision().publish()
    return course


@pytest.fixture
def other_course(trainers):
    course = build_course(title="Andere cursus", modules=1, lessons=1)
    course.trainers.add(trainers[1])
    course.save_revision().publish()
    return course


@pytest.fixture
def lesson(course):
    return lessons_of(course)[0]


@pytest.fixture
def block_id(lesson):
    return reflections_ask_feedback(lesson)


@pytest.fixture
def quiz(course):
    module = ModulePage.objects.child_of(course).first()
    return build_quiz(
        module=module, title="Toets", questions=2, kinds=[QuestionKind.SINGLE_CHOICE, QuestionKind.OPEN]
    )


def professional_in(course, email: str):
    user = UserFactory(email=email, first_name="Sanne", last_name="de Vries")
    course_services.enrolment_create(user=user, course=course)
    return user


@pytest.fixture
def professional(course):
    return professional_in(course, "sanne@example.org")


def submitted_attempt(quiz, user, text="Vertrouwen zat in één persoon."):
    attempt = quiz_services.attempt_start(quiz=quiz, user=user)
    return quiz_services.attempt_submit(
        attempt=attempt, quiz=quiz, user=user, data=attempt_answers(attempt, open_text=text)
    )


def open_response(attempt):
    return attempt.responses.select_related("question", "attempt").get(question__kind=QuestionKind.OPEN)
