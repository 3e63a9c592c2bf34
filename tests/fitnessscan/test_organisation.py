import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.factories import OrganisationFactory, UserFactory
from fitnessscan.factories import completed_response_create
from fitnessscan.selectors import MIN_RESPONDENTS, organisation_scan_profile

URL = "/fitnessscan/organisatie/"


def results_for(page, organisation, count, value=4):
    for _ in range(count):
        completed_response_create(page=page, user=UserFactory(organisation=organisation), value=value)


def test_profile_needs_five_respondents(scan_page, organisation):
    assert MIN_RESPONDENTS == 5
    results_for(scan_page, organisation, 4)
    profile = organisation_scan_profile(organisation=organisation, page=scan_page)
    assert profile.respondents == 4 and not profile.is_visible and profile.factors == []
    results_for(scan_page, organisation, 1)
    profile = organisation_scan_profile(organisation=organisation, page=scan_page)
    assert profile.respondents == 5 and profile.is_visible and len(profile.factors) == 8


def test_someone_who_took_it_three_times_counts_once(scan_page, organisation, professional):
    results_for(scan_page, organisation, 4)
    for _ in range(3):
        completed_response_create(page=scan_page, user=professional)
    assert organisation_scan_profile(organisation=organisation, page=scan_page).respondents == 5


def test_profile_numbers(scan_page, organisation):
    results_for(scan_page, organisation, 3, value=5)  # factor scores: 100 and (reverse) 0 → 50
    results_for(scan_page, organisation, 2, value=3)  # 50 and 50 → 50
    results_for(scan_page, OrganisationFactory(), 5, value=None)  # don't know: no score
    results_for(scan_page, OrganisationFactory(), 5, value=4)  # 75 and 25 → 50
    profile = organisation_scan_profile(organisation=organisation, page=scan_page)
    first = profile.factors[0]
    assert first.mean == 50 and first.spread == 0 and first.platform_mean == 50
    # Answers as they count (reverse-scored mirrored): 3 × (5, 5→1) and 2 × (3, 3).
    assert [share.count for share in first.distribution] == [3, 0, 4, 0, 3]
    assert first.dont_know.count == 0
    assert [round(share.percentage) for share in first.distribution] == [30, 0, 40, 0, 30]


def test_spread_is_computed(scan_page, organisation, steps):
    from fitnessscan import services

    for value in (1, 2, 3, 4, 5):
        response = services.response_create(page=scan_page, user=UserFactory(organisation=organisation))
        statements = [s for step in steps for s in step.statements]
        answers = {s.key: (6 - value if s.reverse_scored else value) for s in statements}
        services.step_save(response=response, statements=statements, answers=answers)
        services.response_complete(response=response, statements=statements)
    first = organisation_scan_profile(organisation=organisation, page=scan_page).factors[0]
    assert first.mean == 50
    assert first.spread == pytest.approx(35.36, abs=0.01)  # population sd of 0, 25, 50, 75, 100


def test_only_coordinators_see_it(client, scan_page, professional, coordinator):
    assert client.get(URL).status_code == 302  # log in first
    client.force_login(professional)
    response = client.get(URL)
    assert response.status_code == 403
    body = response.content.decode()
    assert "Alleen de coördinator van een organisatie ziet het FitnessScan-profiel" in body
    client.force_login(coordinator)
    assert client.get(URL).status_code == 200


def test_below_the_threshold_a_message_and_no_numbers(client, scan_page, organisation, coordinator):
    results_for(scan_page, organisation, 4, value=5)
    client.force_login(coordinator)
    body = client.get(URL).content.decode()
    assert "<table" not in body and 'role="img"' not in body
    assert "minstens 5 mensen" in body


def test_the_profile_shows_only_the_own_organisation(client, scan_page, organisation, coordinator):
    results_for(scan_page, organisation, 5, value=2)
    other = OrganisationFactory(name="Andere Organisatie")
    results_for(scan_page, other, 6, value=5)
    other_user = UserFactory(organisation=other, email="uniek-ander@example.org")
    completed_response_create(page=scan_page, user=other_user)
    client.force_login(coordinator)
    body = client.get(URL).content.decode()
    assert organisation.name in body and "Andere Organisatie" not in body
    assert "uniek-ander" not in body
    profile = organisation_scan_profile(organisation=organisation, page=scan_page)
    assert profile.respondents == 5
    assert [share.count for share in profile.factors[0].distribution] == [0, 5, 0, 5, 0]


def test_never_individual_answers(client, scan_page, organisation, coordinator):
    results_for(scan_page, organisation, 5)
    client.force_login(coordinator)
    body = client.get(URL).content.decode()
    assert "Stelling 1 over" not in body  # no statements, so no individual answers to them
    assert "gebruiker" not in body  # nobody's e-mail address


def test_profile_query_count_does_not_grow(client, scan_page, organisation, coordinator):
    client.force_login(coordinator)
    client.get(URL)  # the first request of a site creates its settings row
    counts = []
    for added in (5, 25):
        results_for(scan_page, organisation, added)
        with CaptureQueriesContext(connection) as selector_queries:
            assert organisation_scan_profile(organisation=organisation, page=scan_page).is_visible
        with CaptureQueriesContext(connection) as page_queries:
            assert client.get(URL).status_code == 200
        counts.append((len(selector_queries), len(page_queries)))
    assert counts[0] == counts[1]  # 5 and 30 respondents: the same queries
    assert counts[0][0] == 5  # respondents, factors, own scores, platform scores, answer distribution
    assert counts[0][1] <= 25  # the whole page, site navigation included


def test_a_factor_scored_by_fewer_than_five_people_shows_no_mean(scan_page, organisation):
    results_for(scan_page, organisation, 3, value=4)
    results_for(scan_page, organisation, 2, value=None)  # "don't know" throughout
    profile = organisation_scan_profile(organisation=organisation, page=scan_page)
    assert profile.is_visible
    first = profile.factors[0]
    assert first.mean is None and first.spread is None and first.scored_respondents == 3
    assert first.dont_know.count == 4  # the distribution covers all five people's answers
