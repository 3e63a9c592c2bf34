"""The 360° feedback round: start, invite, answer through single-use links, rate yourself, the report."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts.factories import UserFactory
from feedback import round_services as services
from feedback.factories import round_statements_create
from feedback.models import FeedbackRound, Respondent, RoundAnswer
from notifications.models import Notification
from questionnaires.forms import statement_field_name

pytestmark = pytest.mark.django_db

EMAILS = "a@example.org\nb@example.org\nc@example.org"


@pytest.fixture
def statements(db):
    return round_statements_create(per_factor=2, factors=3)


@pytest.fixture
def owner(db):
    return UserFactory(email="sanne@example.org", first_name="Sanne", last_name="de Vries")


def links_in_mail() -> list[str]:
    return [re.search(r"http://\S+/feedbackronde/antwoord/\S+/", m.body).group(0) for m in mail.outbox]


def start(client, owner, emails=EMAILS, title="Mijn samenwerking in de wijk"):
    client.force_login(owner)
    return client.post("/feedbackronde/", {"title": title, "emails": emails})


def answer_form(statements, value="4", **extra) -> dict:
    return {**{statement_field_name(s): value for s in statements}, **extra}


def path_of(link: str) -> str:
    return link[link.index("/feedbackronde/") :]


def test_a_round_from_start_to_report(client, owner, statements, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = start(client, owner)
    feedback_round = FeedbackRound.objects.get(owner=owner)
    assert response["Location"] == f"/feedbackronde/{feedback_round.pk}/zelf/"
    links = links_in_mail()
    assert len(links) == 3 and sorted(m.to[0] for m in mail.outbox) == [
        "a@example.org",
        "b@example.org",
        "c@example.org",
    ]
    assert (
        client.post(f"/feedbackronde/{feedback_round.pk}/zelf/", answer_form(statements, "5")).status_code
        == 302
    )

    anonymous = client.__class__()
    for number, link in enumerate(links[:2]):
        page = anonymous.get(path_of(link))
        assert page.status_code == 200 and "Feedback voor Sanne de Vries" in page.content.decode()
        sent = anonymous.post(
            path_of(link), answer_form(statements, "3", goes_well=f"Luistert goed {number}")
        )
        assert sent.status_code == 200 and "Bedankt" in sent.content.decode()
    report = client.get(f"/feedbackronde/{feedback_round.pk}/").content.decode()
    assert "zodra nog 1 persoon heeft geantwoord" in report and "Luistert goed" not in report

    with django_capture_on_commit_callbacks(execute=True):
        anonymous.post(path_of(links[2]), answer_form(statements, "2", could_be_better="Vaker terugkoppelen"))
    report = client.get(f"/feedbackronde/{feedback_round.pk}/").content.decode()
    assert "Luistert goed 0" in report and "Vaker terugkoppelen" in report and "<svg" in report
    assert "a@example.org" not in report  # without names
    assert Notification.objects.filter(user=owner, kind="feedback_round").count() == 1
    # Self 100 (all 5), others (3, 3, 2 → 50, 50, 25) 41.67 → 42 per factor.
    assert re.search(r"<td class=\"num\">100</td><td class=\"num\">42</td><td class=\"num\">58</td>", report)


def test_a_used_expired_or_unknown_link_stores_nothing(
    client, owner, statements, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        start(client, owner)
    first, second = links_in_mail()[:2]
    anonymous = client.__class__()
    assert anonymous.post(path_of(first), answer_form(statements, "4")).status_code == 200
    again = anonymous.post(path_of(first), answer_form(statements, "1"))
    assert again.status_code == 410 and "Deze link is gebruikt" in again.content.decode()
    assert set(RoundAnswer.objects.values_list("value", flat=True)) == {4}
    Respondent.objects.filter(email="b@example.org").update(expires_at=timezone.now() - timedelta(days=1))
    expired = anonymous.post(path_of(second), answer_form(statements, "1"))
    assert expired.status_code == 410 and "Deze link is verlopen" in expired.content.decode()
    unknown = anonymous.get("/feedbackronde/antwoord/niet-echt/")
    assert unknown.status_code == 404 and "Deze link is niet bekend" in unknown.content.decode()
    assert RoundAnswer.objects.count() == len(statements)


def test_an_incomplete_answer_comes_back_with_what_was_typed(
    client, owner, statements, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        start(client, owner)
    link = path_of(links_in_mail()[0])
    data = answer_form(statements[:1], "4", goes_well="Mijn getypte tekst")
    page = client.__class__().post(link, data)
    assert page.status_code == 400 and "Mijn getypte tekst" in page.content.decode()
    assert Respondent.objects.get(email="a@example.org").answered_at is None


@pytest.mark.parametrize(
    ("emails", "message"),
    [
        ("a@example.org\nb@example.org", "Nodig minstens 3"),
        ("a@example.org\nb@example.org\nsanne@example.org", "niet je eigen adres"),
        ("a@example.org\nb@example.org\nA@example.org", "staat twee keer in de lijst"),
        ("a@example.org\nb@example.org\ngeen-adres", "is geen e-mailadres"),
    ],
)
def test_bad_invitations_are_refused_with_a_message(client, owner, statements, emails, message):
    response = start(client, owner, emails=emails)
    html = response.content.decode()
    assert response.status_code == 400 and message in html and "a@example.org" in html
    assert not FeedbackRound.objects.exists() and mail.outbox == []


def test_the_report_is_the_owners_and_a_shared_trainers_only(client, owner, statements):
    from django.contrib.auth.models import Group

    from accounts.roles import TRAINERS
    from accounts.services import groups_ensure

    feedback_round = services.round_start(owner=owner, title="Ronde", emails=EMAILS.split("\n"))
    groups_ensure()
    trainer, other = UserFactory(), UserFactory()
    trainer.groups.add(Group.objects.get(name=TRAINERS))
    url = f"/feedbackronde/{feedback_round.pk}/"
    for outsider in (trainer, other):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
        assert client.get(url + "zelf/").status_code == 404
        assert client.post(url + "delen/", {"trainer": str(outsider.pk)}).status_code == 404
    client.force_login(owner)
    assert client.post(url + "delen/", {"trainer": str(other.pk)}).status_code == 302  # not a trainer
    assert FeedbackRound.objects.get().shared_with is None
    client.post(url + "delen/", {"trainer": str(trainer.pk)})
    client.force_login(trainer)
    assert client.get(url).status_code == 200 and client.get(url + "zelf/").status_code == 404
    client.force_login(owner)
    client.post(url + "delen/", {"trainer": ""})  # revoked
    client.force_login(trainer)
    assert client.get(url).status_code == 404


def test_the_report_takes_the_same_queries_for_3_and_12_respondents(client, owner, statements):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def measure(count: int) -> int:
        emails = [f"r{count}-{n}@example.org" for n in range(count)]
        feedback_round = services.round_start(owner=owner, title=f"Ronde {count}", emails=emails)
        for respondent in feedback_round.respondents.filter(is_self=False):
            services.respondent_answer(
                respondent=respondent,
                statements=statements,
                answers={s.key: 4 for s in statements},
                goes_well="Goed",
                could_be_better="Beter",
            )
        client.force_login(owner)
        url = f"/feedbackronde/{feedback_round.pk}/"
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    assert measure(3) == measure(12)
