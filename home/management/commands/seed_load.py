"""`make load` (scripts/load.py): the load test's own professionals, and the pages its virtual users open.

The accounts are professionals of the demo member organisation with a confirmed address, enrolled in
every course. Their password comes from the environment (scripts/load.py makes a new one per run) and is
hashed once for all of them: 200 Argon2 hashings would take longer than the accounts' creation itself.
Run again, the command removes the accounts of the last run (and their progress) and makes them anew.
"""

import json
import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

LOAD_DOMAIN = "load.example.org"  # reserved (RFC 2606): no mail ever leaves for it


def load_email(number: int) -> str:
    return f"belasting{number:04d}@{LOAD_DOMAIN}"


class Command(BaseCommand):
    help = "Makes the load test's professionals and writes the URLs its virtual users open (JSON)."

    def add_arguments(self, parser):
        parser.add_argument("--accounts", type=int, default=200)
        parser.add_argument("--targets", required=True, help="where the JSON with the URLs is written")

    def handle(self, *args, **options):
        if not getattr(settings, "ALLOW_DEMO_CONTENT", False):
            raise CommandError("seed_load runs with the embedded (dev) settings, like seed_demo.")
        password = os.environ.get("LOAD_PASSWORD", "")
        if len(password) < 16:
            raise CommandError("Set LOAD_PASSWORD to a random password of at least 16 characters.")
        with transaction.atomic():
            emails = self.make_accounts(options["accounts"], password)
        targets = {**pages_to_visit(), "accounts": emails}
        with open(options["targets"], "w", encoding="utf-8") as handle:
            json.dump(targets, handle, indent=1)
        self.stdout.write(
            f"{len(emails)} load-test professionals; {len(targets['lessons'])} lessons, "
            f"{len(targets['quizzes'])} quizzes, {len(targets['courses'])} courses to visit"
        )

    def make_accounts(self, count: int, password: str) -> list[str]:
        from allauth.account.models import EmailAddress

        from accounts.models import Organisation, User
        from courses.models import CoursePage, Enrolment

        User.objects.filter(email__endswith=f"@{LOAD_DOMAIN}").delete()
        hashed = User(email=load_email(0))
        hashed.set_password(password)
        organisation = Organisation.objects.filter(is_platform_member=True).order_by("pk").first()
        users = User.objects.bulk_create(
            User(
                email=load_email(number),
                first_name="Belasting",
                last_name=f"{number:04d}",
                organisation=organisation,
                organisation_role=User.Role.PROFESSIONAL,
                password=hashed.password,
            )
            for number in range(1, count + 1)
        )
        EmailAddress.objects.bulk_create(
            EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users
        )
        course_ids = list(CoursePage.objects.live().values_list("pk", flat=True))
        Enrolment.objects.bulk_create(
            Enrolment(user=user, course_id=course_id) for user in users for course_id in course_ids
        )
        return [user.email for user in users]


def pages_to_visit() -> dict:
    """Every kind of page a visitor opens. Lessons and quizzes only of courses without a fixed order:
    in a sequential course the later items are locked (403) until the earlier ones are done."""
    from django.urls import reverse

    from accounts.models import Sector
    from cases.models import CaseIndexPage, CasePage
    from courses.models import CourseIndexPage, CoursePage, Level
    from fitnessscan.models import FitnessScanPage
    from handelingsrepertoire.models import InstrumentIndexPage, InstrumentPage
    from home.models import HomePage
    from modules.models import LessonPage, ModulePage, QuizPage

    courses = list(CoursePage.objects.live().order_by("path"))
    open_courses = [course for course in courses if not course.sequential]

    def within_open_courses(model):
        return [
            page
            for course in open_courses
            for page in model.objects.live().descendant_of(course).order_by("path")
        ]

    catalogue = CourseIndexPage.objects.live().first()
    filters = [f"?niveau={value}" for value, _label in Level.choices]
    filters += [f"?sector={value}" for value, _label in Sector.choices]
    return {
        "home": HomePage.objects.live().first().url,
        "catalogue": catalogue.url,
        "catalogue_filtered": [catalogue.url + query for query in filters],
        "courses": [course.url for course in courses],
        "modules": [page.url for page in ModulePage.objects.live().order_by("path")],
        "lessons": [
            {"url": page.url, "complete": reverse("courses:complete", args=[page.pk])}
            for page in within_open_courses(LessonPage)
        ],
        "quizzes": [page.url for page in within_open_courses(QuizPage)],
        "instrument_index": InstrumentIndexPage.objects.live().first().url,
        "instruments": [page.url for page in InstrumentPage.objects.live().order_by("path")],
        "case_index": CaseIndexPage.objects.live().first().url,
        "cases": [page.url for page in CasePage.objects.live().order_by("path")],
        "fitnessscan": FitnessScanPage.objects.live().first().url,
        "dashboard": reverse("courses:dashboard"),
        "login": reverse("account_login"),
    }
