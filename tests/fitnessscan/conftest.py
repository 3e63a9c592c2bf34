import pytest

from accounts.factories import OrganisationFactory, UserFactory
from accounts.models import User
from fitnessscan.factories import scan_page_create
from fitnessscan.selectors import scan_steps


@pytest.fixture
def factors(db):
    from successfactors.demo import seed

    return seed(lambda *args: None, {})["factors"]


@pytest.fixture
def scan_page(factors):
    return scan_page_create(factors=factors)


@pytest.fixture
def steps(scan_page):
    return scan_steps(page=scan_page)


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Waterschap Voorbeeld")


@pytest.fixture
def professional(organisation):
    return UserFactory(organisation=organisation)


@pytest.fixture
def coordinator(organisation):
    return UserFactory(organisation=organisation, organisation_role=User.Role.COORDINATOR)
