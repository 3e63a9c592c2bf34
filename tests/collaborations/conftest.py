import pytest

from accounts.factories import UserFactory
from collaborations.factories import collaboration_create


@pytest.fixture
def factors(db):
    from successfactors.demo import seed

    return seed(lambda *args: None, {})["factors"]


@pytest.fixture
def regisseur(db):
    return UserFactory()


@pytest.fixture
def collaboration(factors, regisseur):
    return collaboration_create(regisseur=regisseur)


@pytest.fixture
def partners(collaboration):
    return {p.name: p for p in collaboration.partners.all()}


@pytest.fixture(autouse=True)
def english():
    """Messages are matched in English here; the Dutch ones are checked by the translation test."""
    from django.utils import translation

    with translation.override("en"):
        yield
