from collections import Counter

from django.core.management import call_command
from wagtail.models import Page

from accounts.models import User
from fitnessscan.demo import COURSES_PER_FACTOR
from fitnessscan.models import FactorAdvice, FitnessScanPage, ScanAnswer, ScanResponse, ScanStatement
from fitnessscan.selectors import organisation_scan_profile


def counts():
    return (
        ScanStatement.objects.count(),
        FactorAdvice.objects.count(),
        ScanResponse.objects.count(),
        ScanAnswer.objects.count(),
        User.objects.count(),
    )


def test_the_demo_scan_with_advice_and_earlier_results_seeded_once(seeded):
    page = FitnessScanPage.objects.live().get()
    per_factor = Counter(page.statements.values_list("factor__number", flat=True))
    assert sorted(per_factor) == list(range(1, 9)) and min(per_factor.values()) >= 3
    assert page.statements.filter(reverse_scored=True).count() >= 8
    advice = Counter(page.advice.values_list("factor__number", "band"))
    assert len(advice) == 24 and set(advice.values()) == {1}
    for slug in {slug for slugs in COURSES_PER_FACTOR.values() for slug in slugs}:
        course = Page.objects.live().filter(slug=slug, content_type__model="coursepage").first()
        if course is not None:  # the courses demo provides them
            assert (
                FactorAdvice.objects.filter(course=course).exists()
                or FactorAdvice.objects.filter(second_course=course).exists()
            )

    # The coordinator sees a profile; the professional has an earlier scan to compare with.
    coordinator = User.objects.get(email="coordinator@example.org")
    profile = organisation_scan_profile(organisation=coordinator.organisation)
    assert profile.is_visible and profile.respondents >= 8
    professional = User.objects.get(email="deelnemer@example.org")
    assert ScanResponse.objects.filter(user=professional, completed_at__isnull=False).count() == 1
    assert not ScanResponse.objects.filter(completed_at__isnull=True).exists()
    assert User.objects.get(email="lid1@example.org").check_password("samenwerken")

    # Seeding twice changes nothing (one test: seeding is the slow part).
    before = counts()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == before
