import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, WorkflowState

from accounts.models import User
from cases.models import CaseIndexPage, CasePage, CaseSubmission

pytestmark = pytest.mark.django_db


def counts():
    return (
        CasePage.objects.count(),
        CaseSubmission.objects.count(),
        WorkflowState.objects.count(),
        get_image_model().objects.count(),
    )


def test_demo_cases(seeded, client):
    index = CaseIndexPage.objects.get()
    live = list(CasePage.objects.live().child_of(index).prefetch_related("success_factors"))
    assert len(live) >= 8
    assert {"sociaal-domein", "bouw-infra", "energie", "mobiliteit"} <= {case.sector for case in live}
    for case in live:
        assert case.summary and case.organisation_names and case.success_factors.all()
        assert all(
            getattr(case, field)
            for field in ("context", "challenge", "approach", "result", "lessons_learned")
        )
        assert "Voorbeeldcasus" in case.context  # clearly example content
    assert any(case.gallery_images.exists() for case in live)
    if Page.objects.filter(content_type__model="instrumentpage").exists():
        assert all(case.instrument_links.exists() for case in live)

    deelnemer = User.objects.get(email="deelnemer@example.org")
    (waiting,) = CasePage.objects.filter(live=False, submitted_by=deelnemer)
    state = WorkflowState.objects.get(object_id=str(waiting.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Praktijkvoorbeeld beoordelen"

    assert client.get(index.url).status_code == 200
    assert client.get(live[0].url).status_code == 200

    before = counts()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == before
