"""Demo leergang (example content): a programme of the three demo courses, a running group with the demo
professional in it (one deadline passed, one to come, a past meeting with attendance, one ahead, an
announcement), and a second group the demo professional cannot see.

Dates are counted from the day the demo is first seeded, so a fresh `make run` always shows a group in
progress; a second run leaves the groups as they are."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.contrib.auth.models import Permission
from django.utils import timezone

from accounts.roles import ADMINISTRATORS, TRAINERS
from accounts.services import group_grant_page_permissions
from courses.demo_progress import INTERPRETATIEVERSCHILLEN, LEIDINGGEVEN, STARTCONDITIES
from home.demo import ensure_child

from .models import (
    Announcement,
    GroupDeadline,
    GroupMembership,
    LearningGroup,
    Meeting,
    MeetingRegistration,
    ProgrammeCourse,
    ProgrammeIndexPage,
    ProgrammePage,
)
from .services import group_add_member

PROGRAMME_SLUG = "samenwerken-in-de-praktijk"
RUNNING_GROUP = "Leergroep Rivierstad – najaar"
OTHER_GROUP = "Leergroep De Brug – bouwteams"

RUNNING_MEMBERS = [
    "deelnemer@example.org",
    "collega1@example.org",
    "collega2@example.org",
    "collega3@example.org",
    "collega4@example.org",
]
OTHER_MEMBERS = ["extern@example.org", "brug1@example.org", "brug2@example.org", "brug3@example.org"]

GROUP_PERMISSIONS = ["add_learninggroup", "change_learninggroup", "view_learninggroup"]


def seed(log, context) -> dict:
    home = context["home"]
    index = ensure_child(
        home,
        ProgrammeIndexPage,
        slug="leergangen",
        title="Leergangen",
        show_in_menus=True,
        search_description="Leergangen met een trainer: een groep, deadlines en live bijeenkomsten.",
        intro=(
            "<p>Een leergang volg je niet alleen. Een trainer neemt je groep in een paar maanden mee door "
            "een reeks cursussen, met deadlines en bijeenkomsten waarin jullie oefenen met echte casussen.</p>"
        ),
    )
    trainers_group = context["groups"][TRAINERS]
    group_grant_page_permissions(
        group=trainers_group, page=index, codenames=["add_page", "change_page", "publish_page"]
    )
    for name in (TRAINERS, ADMINISTRATORS):
        context["groups"][name].permissions.add(
            *Permission.objects.filter(content_type__app_label="programmes", codename__in=GROUP_PERMISSIONS)
        )
    courses = context["courses"]
    programme = index.get_children().filter(slug=PROGRAMME_SLUG).first()
    if programme is None:
        programme = ProgrammePage(
            slug=PROGRAMME_SLUG,
            title="Leergang Samenwerken in de praktijk",
            intro=(
                "<p>In vier maanden leer je met een vaste groep collega's uit het sociaal domein hoe je een "
                "samenwerking goed start, hoe je verschillen van uitleg bespreekbaar maakt vóórdat ze een "
                "conflict worden, en hoe je leiding geeft als niemand de baas is.</p>"
                "<p>Tussen de cursussen door komt de groep bij elkaar om eigen casussen te bespreken.</p>"
                "<p><em>Voorbeeldleergang van de demo-omgeving.</em></p>"
            ),
            audience="Beleidsadviseurs, projectleiders en teamleiders die met andere organisaties samenwerken",
            duration="Vier maanden, ongeveer twee uur per week",
        )
        index.add_child(instance=programme)
        for position, slug in enumerate((STARTCONDITIES, INTERPRETATIEVERSCHILLEN, LEIDINGGEVEN)):
            programme.programme_courses.add(ProgrammeCourse(course=courses[slug], sort_order=position))
        programme.success_factors.set([context["factors"][n] for n in (1, 3, 6) if n in context["factors"]])
        programme.save_revision().publish()
    programme = ProgrammePage.objects.get(pk=programme.pk)

    users = {u.email: u for u in _users(RUNNING_MEMBERS + OTHER_MEMBERS + ["trainer@example.org"])}
    trainer = users["trainer@example.org"]
    today = timezone.localdate()
    running = LearningGroup.objects.filter(name=RUNNING_GROUP).first()
    if running is None:
        running = LearningGroup.objects.create(
            name=RUNNING_GROUP,
            programme=programme,
            start_date=today - timedelta(weeks=4),
            end_date=today + timedelta(weeks=12),
            capacity=16,
        )
        running.trainers.set([trainer])
        running.save()
        for week, slug in ((2, STARTCONDITIES), (8, INTERPRETATIEVERSCHILLEN), (14, LEIDINGGEVEN)):
            GroupDeadline.objects.create(group=running, course=courses[slug], week=week)
        past = Meeting.objects.create(
            group=running,
            title="Startbijeenkomst: wat zijn jouw startcondities?",
            starts_at=_at(today - timedelta(weeks=3), 13, 30),
            duration_minutes=180,
            location="Stadskantoor Rivierstad, zaal De Waal",
            description="Kennismaking, verwachtingen en het eerste gesprek over de startcondities van jouw samenwerking.",
        )
        Meeting.objects.create(
            group=running,
            title="Intervisie: een verschil van uitleg aan tafel",
            starts_at=_at(today + timedelta(days=10), 9, 30),
            duration_minutes=150,
            online_url="https://vergaderen.example.org/leergroep-rivierstad",
            capacity=12,
            description="Neem een casus mee waarin partners een afspraak verschillend uitlegden. We oefenen het gesprek.",
        )
        # The demo professional joins without the automatic enrolment, so that the course flow the README
        # describes (enrol in “Omgaan met interpretatieverschillen en conflict” yourself) stays open.
        GroupMembership.objects.create(group=running, user=users[RUNNING_MEMBERS[0]])
        for email in RUNNING_MEMBERS[1:]:
            group_add_member(group=running, user=users[email])
        for email, attended in (
            ("deelnemer@example.org", True),
            ("collega1@example.org", True),
            ("collega2@example.org", False),
        ):
            MeetingRegistration.objects.create(meeting=past, user=users[email], attended=attended)
        Announcement.objects.create(
            group=running,
            author=trainer,
            title="Welkom in de leergroep",
            body=(
                "Fijn dat jullie erbij zijn. Rond vóór de deadline de cursus Startcondities af: in de "
                "intervisie bouwen we daarop voort. Vragen? Stel ze gerust na de bijeenkomst."
            ),
            emailed_at=timezone.now(),  # the demo sends no mail
        )
    other = LearningGroup.objects.filter(name=OTHER_GROUP).first()
    if other is None:
        other = LearningGroup.objects.create(
            name=OTHER_GROUP,
            course=courses[INTERPRETATIEVERSCHILLEN],
            start_date=today - timedelta(weeks=1),
            end_date=today + timedelta(weeks=8),
        )
        other.trainers.set([trainer])
        other.save()
        GroupDeadline.objects.create(group=other, course=courses[INTERPRETATIEVERSCHILLEN], week=6)
        Meeting.objects.create(
            group=other,
            title="Bouwteamoverleg zonder juristen",
            starts_at=_at(today + timedelta(days=14), 14, 0),
            duration_minutes=120,
            location="Bouwkeet De Brug, Havenweg 12",
        )
        for email in OTHER_MEMBERS:
            group_add_member(group=other, user=users[email])
    log("programmes: 1 programme, 2 learning groups")
    return {"programme": programme, "learning_groups": [running, other]}


def _users(emails):
    from accounts.models import User

    return User.objects.filter(email__in=emails)


def _at(day, hour, minute):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))
