import pytest

from accounts.factories import UserFactory
from courses import services as course_services
from courses.factories import build_course
from modules.factories import build_quiz
from modules.models import ModulePage


@pytest.fixture
def course(db):
    return build_course(title="Startcondities", modules=1, lessons=1)


@pytest.fixture
def module(course):
    return ModulePage.objects.child_of(course).first()


@pytest.fixture
def quiz(module):
    return build_quiz(module=module, title="Toets startcondities", questions=8, shuffle_options=False)


@pytest.fixture
def professional(course):
    user = UserFactory(email="pro@example.org")
    course_services.enrolment_create(user=user, course=course)
    return user
