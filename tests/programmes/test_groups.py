"""What members and trainers of a learning group see and do."""

import pytest
from django.core import mail

from accounts.factories import UserFactory
from courses import services as journey
from courses.factories import lessons_of
from courses.models import Enrolment
from programmes.factories import add_meeting
from programmes.models import Announcement, MeetingRegistration

pytestmark = pytest.mark.django_db


def login(client, user):
    client.force_login(user)
    return client


def test_joining_a_group_enrols_in_its_courses(group, member, courses):
    assert set(Enrolment.objects.filter(user=member).values_list("course_id", flat=True)) == {
        c.pk for c in courses
    }


def test_member_sees_group_deadlines_and_meetings_on_the_dashboard(client, group, meeting, member):
    html = login(client, member).get("/mijn/").content.decode()
    assert "Mijn leergroepen" in html and "Leergroep Voorjaar" in html
    assert "te laat" in html  # course 1, week 1: passed and not completed
    assert "deadline over 13 dagen" in html  # course 2, end of week 4 of a group that started 2 weeks ago
    assert "Intervisie" in html


def test_completed_course_is_no_longer_late(client, group, member, courses):
    for lesson in lessons_of(courses[0]):
        journey.item_complete(user=member, item=lesson)
    html = login(client, member).get("/mijn/").content.decode()
    assert "te laat" not in html


def test_someone_in_no_group_sees_no_group_section(client, outsider):
    assert "Mijn leergroepen" not in login(client, outsider).get("/mijn/").content.decode()


def test_a_member_cannot_open_another_group(client, group, other_group, member):
    login(client, member)
    assert client.get(f"/mijn/groepen/{group.pk}/").status_code == 200
    assert client.get(f"/mijn/groepen/{other_group.pk}/").status_code == 404
    assert client.get(f"/mijn/groepen/{group.pk}/voortgang/").status_code == 404  # the trainer's page
    assert client.get("/mijn/groepen/999999/").status_code == 404


def test_register_and_unregister_for_a_meeting(client, group, meeting, member):
    login(client, member)
    response = client.post(f"/mijn/bijeenkomsten/{meeting.pk}/aanmelden/", follow=True)
    assert "Je bent aangemeld voor “Intervisie”" in response.content.decode()
    assert MeetingRegistration.objects.filter(meeting=meeting, user=member).exists()
    client.post(f"/mijn/bijeenkomsten/{meeting.pk}/aanmelden/")  # twice: still one
    assert MeetingRegistration.objects.filter(meeting=meeting).count() == 1
    client.post(f"/mijn/bijeenkomsten/{meeting.pk}/afmelden/")
    assert not MeetingRegistration.objects.filter(meeting=meeting, user=member).exists()


def test_a_full_meeting_refuses_with_a_message(client, group, meeting, member):
    for _n in range(2):
        other = UserFactory()
        from programmes.services import group_add_member

        group_add_member(group=group, user=other)
        MeetingRegistration.objects.create(meeting=meeting, user=other)
    response = login(client, member).post(f"/mijn/bijeenkomsten/{meeting.pk}/aanmelden/", follow=True)
    assert "Deze bijeenkomst is vol." in response.content.decode()
    assert not MeetingRegistration.objects.filter(meeting=meeting, user=member).exists()


def test_a_past_meeting_refuses_with_a_message(client, group, member):
    past = add_meeting(group, days_from_now=-3, title="Start")
    response = login(client, member).post(f"/mijn/bijeenkomsten/{past.pk}/aanmelden/", follow=True)
    assert "Deze bijeenkomst heeft al plaatsgevonden." in response.content.decode()
    assert not MeetingRegistration.objects.exists()


def test_another_groups_meeting_is_a_404(client, other_group, member):
    foreign = add_meeting(other_group, title="Niet voor jou")
    login(client, member)
    assert client.post(f"/mijn/bijeenkomsten/{foreign.pk}/aanmelden/").status_code == 404
    assert client.get(f"/mijn/bijeenkomsten/{foreign.pk}.ics").status_code == 404
    assert not MeetingRegistration.objects.exists()


def test_trainer_records_attendance(client, group, member, trainer):
    past = add_meeting(group, days_from_now=-1, title="Start")
    MeetingRegistration.objects.create(meeting=past, user=member)
    login(client, trainer)
    assert (
        member.get_full_name() in client.get(f"/mijn/bijeenkomsten/{past.pk}/aanwezigheid/").content.decode()
    )
    client.post(f"/mijn/bijeenkomsten/{past.pk}/aanwezigheid/", {"present": [str(member.pk), "x"]})
    assert MeetingRegistration.objects.get(meeting=past, user=member).attended is True
    client.force_login(member)
    assert "aanwezig" in client.get(f"/mijn/groepen/{group.pk}/").content.decode()
    assert client.get(f"/mijn/bijeenkomsten/{past.pk}/aanwezigheid/").status_code == 404


def test_trainer_posts_an_announcement_that_members_get_by_mail(
    client, group, member, trainer, django_capture_on_commit_callbacks
):
    login(client, trainer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/mijn/groepen/{group.pk}/mededeling/", {"title": "Welkom", "body": "Tot dinsdag!"}, follow=True
        )
    assert "Tot dinsdag!" in response.content.decode()
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert "Welkom" in mail.outbox[0].subject
    client.force_login(member)
    assert "Tot dinsdag!" in client.get(f"/mijn/groepen/{group.pk}/").content.decode()
    assert (
        client.post(f"/mijn/groepen/{group.pk}/mededeling/", {"title": "x", "body": "y"}).status_code == 404
    )


def test_an_empty_announcement_comes_back_with_what_was_typed(client, group, trainer):
    response = login(client, trainer).post(f"/mijn/groepen/{group.pk}/mededeling/", {"title": "Alleen titel"})
    assert response.status_code == 400
    assert 'value="Alleen titel"' in response.content.decode()
    assert not Announcement.objects.exists()


def test_trainer_matrix_marks_late_items_and_exports_safely(client, group, member, trainer, courses):
    member.first_name = '=HYPERLINK("http://x")'
    member.save()
    login(client, trainer)
    html = client.get(f"/mijn/groepen/{group.pk}/voortgang/").content.decode()
    assert "te laat" in html and courses[0].title in html
    response = client.get(f"/mijn/groepen/{group.pk}/voortgang.csv")
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "'=HYPERLINK" in text and "\n=HYPERLINK" not in text
    assert text.splitlines()[1].endswith(";1")  # one late course


def test_another_trainer_cannot_see_the_group(client, group):
    from programmes.factories import trainer_user

    login(client, trainer_user(email="ander@example.org"))
    assert client.get(f"/mijn/groepen/{group.pk}/voortgang/").status_code == 404
    assert client.get(f"/mijn/groepen/{group.pk}/voortgang.csv").status_code == 404


def test_programme_pages_list_their_courses(client, programme, courses):
    assert programme.title in client.get("/leergangen/").content.decode()
    html = client.get(programme.url).content.decode()
    assert courses[0].title in html and courses[1].title in html


def test_a_group_invitation_is_accepted_when_the_address_is_confirmed(group):
    from allauth.account.models import EmailAddress
    from allauth.account.signals import email_confirmed

    from programmes.services import group_invite

    group_invite(group=group, email="Nieuw@Example.org", invited_by=None)
    user = UserFactory(email="nieuw@example.org", email_verified=False)
    address = EmailAddress.objects.get(user=user)
    email_confirmed.send(sender=EmailAddress, request=None, email_address=address)
    assert group.memberships.filter(user=user).exists()


def test_data_export_and_erasure_cover_groups_and_meetings(group, meeting, member):
    from accounts.privacy import user_data_export, user_erase
    from programmes.services import meeting_register

    meeting_register(user=member, meeting=meeting)
    data = user_data_export(user=member)["programmes"]
    assert data["learning_groups"][0]["group"] == "Leergroep Voorjaar"
    assert data["meeting_registrations"][0]["meeting"] == "Intervisie"
    user_erase(user=member)
    assert not MeetingRegistration.objects.exists()
    assert not group.memberships.exists()
