import pytest

from accounts.factories import UserFactory
from courses.factories import build_course, lessons_of


@pytest.fixture
def professional(db):
    return UserFactory(email="pro@example.org")


@pytest.fixture
def course(db):
    return build_course(title="Startcondities", modules=2, lessons=2)


@pytest.fixture
def lessons(course):
    return lessons_of(course)
