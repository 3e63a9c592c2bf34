"""Reflections that ask for the trainer's feedback: the notice, the queue, the feedback, the reply."""

import pytest
from django.core import mail
from wagtail.test.utils.form_data import rich_text

from courses import services as course_services
from courses.models import JournalEntry, JournalMessage
from notifications.models import Notification

from .conftest import professional_in

pytestmark = pytest.mark.django_db

ANSWER = "Bij ons ontbrak een afspraak over wie het escalatieoverleg voorzit."


def feedback_url(entry) -> str:
    return f"/admin/te-beoordelen/reflectie/{entry.pk}/"


def write(professional, lesson, block_id, answer=ANSWER) -> JournalEntry:
    return course_services.journal_save(user=professional, lesson=lesson, block_id=block_id, answer=answer)


def give(client, entry, feedback="<p>Sterk punt. Wie zou dat kunnen zijn?</p>"):
    return client.post(
        feedback_url(entry),
        {"feedback": rich_text(feedback), "waiting_since": entry.awaiting_feedback_since.isoformat()},
    )


def test_the_lesson_says_before_writing_that_the_trainer_reads_along(client, lesson, professional):
    client.force_login(professional)
    private = client.get(lesson.url).content.decode()
    assert "Alleen jij kunt je leerjournaal lezen." in private and "leest je antwoord" not in private
    from feedback.factories import reflections_ask_feedback

    reflections_ask_feedback(lesson)
    shared = client.get(lesson.url).content.decode()
    assert "De trainer van deze cursus leest je antwoord en geeft je feedback in je leerjournaal." in shared


def test_a_private_reflection_never_reaches_the_trainer(client, trainer, lesson, professional):
    block_id = next(block.id for block in lesson.body if block.block_type == "reflection")
    entry = write(professional, lesson, block_id)
    assert (entry.feedback_requested, entry.awaiting_feedback_since) == (False, None)
    client.force_login(trainer)
    assert client.get(feedback_url(entry)).status_code == 404
    assert ANSWER[:40] not in client.get("/admin/te-beoordelen/").content.decode()


def test_feedback_and_reply_make_a_short_thread(
    client, trainer, lesson, block_id, professional, django_capture_on_commit_callbacks
):
    entry = write(professional, lesson, block_id)
    assert entry.awaiting_feedback_since is not None
    client.force_login(trainer)
    assert ANSWER in client.get(feedback_url(entry)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = give(client, entry)
    assert response.status_code == 302 and response["Location"] == "/admin/te-beoordelen/"
    entry.refresh_from_db()
    assert entry.awaiting_feedback_since is None
    notification = Notification.objects.get(user=professional)
    assert notification.kind == "feedback" and notification.url == f"/mijn/#journal-{entry.pk}"
    assert [m.to for m in mail.outbox] == [[professional.email]]
    # The professional reads it under the answer, with the count in the header, and replies.
    client.force_login(professional)
    journal = client.get("/mijn/").content.decode()
    assert "Sterk punt. Wie zou dat kunnen zijn?" in journal and "Feedback van de trainer" in journal
    assert '<span class="badge">1<' in journal
    reply = client.post(
        f"/mijn/journaal/{entry.pk}/reactie/", {"text": "De wethouder, denk ik.\n\nOf de GGD."}
    )
    assert reply.status_code == 302
    messages = list(JournalMessage.objects.filter(entry=entry))
    assert [m.from_trainer for m in messages] == [True, False]
    assert messages[1].body == "<p>De wethouder, denk ik.</p>\n\n<p>Of de GGD.</p>"
    entry.refresh_from_db()
    assert entry.awaiting_feedback_since is not None  # back in the trainer's queue


def test_a_reply_to_anothers_entry_is_a_404_and_an_empty_one_is_refused(
    client, trainer, lesson, block_id, professional, course
):
    entry = write(professional, lesson, block_id)
    client.force_login(trainer)
    give(client, entry)
    other = professional_in(course, "bas@example.org")
    client.force_login(other)
    assert client.post(f"/mijn/journaal/{entry.pk}/reactie/", {"text": "Overgenomen"}).status_code == 404
    client.force_login(professional)
    empty = client.post(f"/mijn/journaal/{entry.pk}/reactie/", {"text": "   "}, follow=True)
    assert "Schrijf je reactie voordat je die verstuurt." in empty.content.decode()
    assert JournalMessage.objects.filter(entry=entry, from_trainer=False).count() == 0


def test_feedback_with_script_or_javascript_links_is_sanitised(
    client, trainer, lesson, block_id, professional
):
    entry = write(professional, lesson, block_id)
    course_services.journal_feedback_give(
        entry=entry,
        trainer=trainer,
        body='<p onclick="x()">Lees <a href="javascript:alert(1)">dit</a></p><script>alert(1)</script>'
        "<img src=x onerror=alert(1)><ul><li><b>vet</b></li></ul><h2>kop</h2>",
        expected_waiting_since=entry.awaiting_feedback_since,
    )
    body = JournalMessage.objects.get(entry=entry).body
    assert body == '<p>Lees <a rel="noopener noreferrer nofollow">dit</a></p><ul><li><b>vet</b></li></ul>kop'


def test_two_trainers_answering_at_once_give_one_response(client, trainers, lesson, block_id, professional):
    entry = write(professional, lesson, block_id)
    seen = entry.awaiting_feedback_since
    course_services.journal_feedback_give(
        entry=entry, trainer=trainers[0], body="<p>Eerste</p>", expected_waiting_since=seen
    )
    with pytest.raises(course_services.FeedbackAlreadyGiven):
        course_services.journal_feedback_give(
            entry=entry, trainer=trainers[0], body="<p>Tweede</p>", expected_waiting_since=seen
        )
    assert JournalMessage.objects.filter(entry=entry).count() == 1


def test_empty_feedback_comes_back_and_another_courses_trainer_gets_a_404(
    client, trainers, lesson, block_id, professional
):
    entry = write(professional, lesson, block_id)
    client.force_login(trainers[0])
    empty = give(client, entry, feedback="")
    assert empty.status_code == 400
    client.force_login(trainers[1])
    assert client.get(feedback_url(entry)).status_code == 404
    assert give(client, entry).status_code == 404
    assert not JournalMessage.objects.exists()
