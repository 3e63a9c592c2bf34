"""The coordinator's page: every professional of the organisation, totals per course, a safe CSV."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.factories import OrganisationFactory, UserFactory
from accounts.models import User
from courses import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Gemeente A")


@pytest.fixture
def coordinator(organisation):
    return UserFactory(organisation=organisation, organisation_role=User.Role.COORDINATOR)


def test_every_professional_is_listed_also_those_not_enrolled(
    client, coordinator, organisation, course, lessons
):
    busy = UserFactory(organisation=organisation, first_name="Bezig", last_name="Lid")
    UserFactory(organisation=organisation, first_name="Nog", last_name="Nergens")
    stranger = UserFactory(first_name="Vreemde", last_name="Buitenstaander")
    services.enrolment_create(user=busy, course=course)
    services.item_complete(user=busy, item=lessons[0])
    services.enrolment_create(user=stranger, course=course)
    client.force_login(coordinator)
    html = client.get("/mijn/organisatie/").content.decode()
    assert "Bezig Lid" in html and "Nog Nergens" in html and "Nergens ingeschreven" in html
    assert "Buitenstaander" not in html
    assert "Totalen per cursus" in html
    assert f'<th scope="row">{course.title}</th><td>1</td><td>1</td><td>0</td>' in html


def test_csv_export_lists_everyone_and_neutralises_formulas(client, coordinator, organisation, course):
    UserFactory(organisation=organisation, first_name="=cmd|' /C calc'!A0", last_name="X")
    UserFactory(first_name="Vreemde", last_name="Buitenstaander")
    client.force_login(coordinator)
    response = client.get("/mijn/organisatie/voortgang.csv")
    text = response.content.decode("utf-8-sig")
    assert "'=cmd" in text and "\n=cmd" not in text
    assert "Buitenstaander" not in text
    professional = UserFactory(organisation=organisation)
    client.force_login(professional)
    assert client.get("/mijn/organisatie/voortgang.csv").status_code == 403


def test_coordinator_page_queries_do_not_grow_with_members(client, coordinator, organisation, course):
    client.force_login(coordinator)

    def count():
        client.get("/mijn/organisatie/")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/mijn/organisatie/").status_code == 200
        return len(captured)

    for _n in range(2):
        services.enrolment_create(user=UserFactory(organisation=organisation), course=course)
    small = count()
    for _n in range(8):
        services.enrolment_create(user=UserFactory(organisation=organisation), course=course)
        UserFactory(organisation=organisation)
    assert count() == small
