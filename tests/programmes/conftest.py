import pytest

from accounts.factories import OrganisationFactory, UserFactory
from courses.factories import build_course
from programmes.factories import add_deadline, add_meeting, build_group, build_programme, trainer_user


@pytest.fixture
def courses(db):
    return [build_course(title=f"Cursus {n}", modules=1, lessons=2) for n in (1, 2)]


@pytest.fixture
def programme(courses):
    return build_programme(title="Leergang Samenwerken", courses=courses)


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Gemeente Rivierstad")


@pytest.fixture
def member(organisation):
    return UserFactory(email="lid@example.org", organisation=organisation)


@pytest.fixture
def outsider(db):
    return UserFactory(email="buiten@example.org")


@pytest.fixture
def trainer(db):
    return trainer_user(email="trainer@example.org")


@pytest.fixture
def group(programme, courses, trainer, member):
    group = build_group(programme=programme, trainers=[trainer], members=[member], name="Leergroep Voorjaar")
    add_deadline(group, courses[0], week=1)  # passed: the group started two weeks ago
    add_deadline(group, courses[1], week=4)  # in two weeks
    return group


@pytest.fixture
def meeting(group):
    return add_meeting(group, days_from_now=7, title="Intervisie", capacity=2, location="Stadskantoor")


@pytest.fixture
def other_group(programme, trainer, outsider):
    return build_group(programme=programme, trainers=[trainer], members=[outsider], name="Andere groep")
