import pytest

from handelingsrepertoire.factories import build_instrument, instrument_index


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def factors(db):
    from successfactors.demo import seed

    return seed(lambda message: None, {})["factors"]


@pytest.fixture
def index(db):
    return instrument_index()


@pytest.fixture
def instrument(index, factors):
    return build_instrument(index=index, title="Startgesprek", factors=[factors[2], factors[3]])


@pytest.fixture
def trainer_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(email="trainer@example.org", password="samenwerken")
    client.force_login(user)
    return client
