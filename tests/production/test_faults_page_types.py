"""Faults over every page type, not only the home page: with Redis unreachable every page is served (0 ×
500), with the database unreachable every page is the 503 page (never a 500).

test_reliability.py stops a real Redis under four pages and test_database_unavailable.py has the 503 page
itself; here the same faults meet the lesson shell, the quiz, the cases, the FitnessScan, the search, the
professional's and the coordinator's pages, the admin reports and the POSTs. Neither fault needs a server: an
unused port of 127.0.0.1 is a Redis that is down, a patched connect is a PostgreSQL that is down, so these
run in the embedded suite too.
"""

from __future__ import annotations

import time
from unittest import mock

import pytest
from django.db import OperationalError, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client
from django.urls import reverse
from services import free_port

from accounts.factories import OrganisationFactory, UserFactory
from accounts.models import User

REFUSED = OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')


@pytest.fixture
def site(db):
    """One object of every page type, and the people who see them."""
    from accounts.roles import TRAINERS
    from accounts.services import groups_ensure
    from cases.factories import CaseIndexPageFactory, CasePageFactory
    from courses import services as course_services
    from courses.factories import build_course, course_index, lessons_of
    from courses.models import Certificate, Enrolment
    from fitnessscan.factories import scan_page_create
    from handelingsrepertoire.factories import build_instrument, instrument_index
    from home.demo import ensure_home
    from modules.factories import build_quiz
    from modules.models import ModulePage
    from successfactors.demo import seed as seed_factors

    groups = groups_ensure()
    home = ensure_home()
    organisation = OrganisationFactory(name="Storingsgemeente")
    professional = UserFactory(email="storing@example.org", organisation=organisation)
    coordinator = UserFactory(organisation=organisation, organisation_role=User.Role.COORDINATOR)
    trainer = UserFactory(organisation=None)
    trainer.groups.add(groups[TRAINERS])
    course = build_course(title="Storing", modules=1, lessons=2)
    course.trainers.add(trainer)
    course.save_revision().publish()
    lessons = lessons_of(course)
    quiz = build_quiz(module=ModulePage.objects.child_of(course).first(), questions=3)
    course_services.enrolment_create(user=professional, course=course)
    enrolment = Enrolment.objects.get(user=professional)
    certificate = Certificate.objects.create(
        enrolment=enrolment,
        holder_name="Storing",
        course_title=course.title,
        completed_at=enrolment.enrolled_at,
    )
    instrument = build_instrument(title="Een instrument")
    case_index = CaseIndexPageFactory(parent=home)
    case = CasePageFactory(parent=case_index)
    scan = scan_page_create(factors=seed_factors(lambda *args: None, {})["factors"])
    block_id = next(block.id for block in lessons[0].body if block.block_type == "reflection")
    pages = {
        "anonymous": [
            "/",
            course_index().url,
            course.url,
            instrument_index().url,
            instrument.url,
            case_index.url,
            case_index.url + "?q=samen",
            case.url,
            scan.url,
            reverse("search") + "?q=samenwerken",
            reverse("certificate_verify", args=[certificate.code]),
            "/accounts/login/",
            "/bestaat-niet/",
        ],
        "professional": [
            reverse("courses:dashboard"),
            reverse("accounts:profile"),
            lessons[0].url,
            quiz.url,
            course.url,
            case_index.url + "mijn/",
        ],
        "coordinator": [reverse("courses:organisation")],
        "trainer": ["/admin/", reverse("course_reports"), reverse("course_report", args=[course.pk])],
    }
    posts = {
        "professional": [
            (reverse("courses:complete", args=[lessons[0].pk]), {}),
            (
                reverse("courses:reflection", args=[lessons[0].pk, block_id]),
                {"answer": "Tijdens een storing."},
            ),
            (quiz.url + "start/", {}),
        ],
    }
    users = {"professional": professional, "coordinator": coordinator, "trainer": trainer}
    return pages, posts, users


def _clients(users) -> dict[str, Client]:
    clients = {"anonymous": Client(raise_request_exception=False)}
    for role, user in users.items():
        clients[role] = Client(raise_request_exception=False)
        clients[role].force_login(user)
    return clients


def test_every_page_type_is_served_while_redis_is_unreachable(site, settings):
    pages, posts, users = site
    clients = _clients(users)  # logged in before: the sessions are in the database as well
    settings.CACHES = {
        "default": {
            "BACKEND": "academy.cache.FailOpenRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }
    answers, started = [], time.monotonic()
    for role, paths in pages.items():
        for path in paths:
            answers.append((role, "GET", path, clients[role].get(path).status_code))
    for role, requests in posts.items():
        for path, data in requests:
            answers.append((role, "POST", path, clients[role].post(path, data).status_code))

    failed = [answer for answer in answers if answer[3] >= 500]
    assert failed == [], failed
    served = [answer for answer in answers if answer[3] in (200, 302, 303)]
    assert len(served) == len(answers) - 1, answers  # all but the page that does not exist
    assert time.monotonic() - started < 30  # a dead cache costs no timeouts per request


def test_every_page_type_is_the_503_page_while_the_database_is_unreachable(site):
    pages, posts, users = site
    clients = _clients(users)
    connections.close_all()  # the next query has to connect, and cannot
    answers = []
    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", side_effect=REFUSED):
        for role, paths in pages.items():
            for path in paths:
                response = clients[role].get(path)
                answers.append((role, "GET", path, response.status_code, response.content.decode()))
        for role, requests in posts.items():
            for path, data in requests:
                response = clients[role].post(path, data)
                answers.append((role, "POST", path, response.status_code, response.content.decode()))

    wrong = [answer[:4] for answer in answers if answer[3] != 503]
    assert wrong == []
    assert all("De academie is tijdelijk niet beschikbaar" in answer[4] for answer in answers)
