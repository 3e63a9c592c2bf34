import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, Revision

from accounts.roles import TRAINERS
from handelingsrepertoire import demo
from handelingsrepertoire.models import InstrumentPage, Phase
from home.models import HomePage
from successfactors.models import SuccessFactor

pytestmark = pytest.mark.django_db


def test_the_demo_covers_every_success_factor_and_phase_and_a_second_run_changes_nothing(seeded):
    sheets = InstrumentPage.objects.live().prefetch_related("success_factors")
    assert sheets.count() >= 12
    assert {factor.number for sheet in sheets for factor in sheet.success_factors.all()} == set(range(1, 9))
    assert {sheet.phase for sheet in sheets} == set(Phase.values)
    assert all(sheet.related_instruments.exists() or sheet.related_from.exists() for sheet in sheets)

    before = (Page.objects.count(), Revision.objects.count())
    context = {
        "home": HomePage.objects.get(),
        "groups": {TRAINERS: Group.objects.get(name=TRAINERS)},
        "factors": {factor.number: factor for factor in SuccessFactor.objects.all()},
    }
    result = demo.seed(lambda message: None, context)
    assert len(result["instruments"]) == len(demo.INSTRUMENTS)
    assert (Page.objects.count(), Revision.objects.count()) == before
