import pytest
from django.core.management import call_command


@pytest.fixture
def seeded(db):
    """The demo content as `make run` loads it."""
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def dutch(settings):
    settings.LANGUAGE_CODE = "nl"
