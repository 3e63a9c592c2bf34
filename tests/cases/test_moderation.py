"""Moderators decide in Wagtail's workflow screens; the submitter sees the status and gets one e-mail."""

import pytest
from django.core import mail
from django.test import Client
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowState

from cases.models import CasePage, CaseSubmission
from cases.selectors import CaseStatus, case_status
from cases.services import case_decision_mail_send, case_workflow_ensure

pytestmark = pytest.mark.django_db

SHARE = "/praktijkvoorbeelden/delen/"
MINE = "/praktijkvoorbeelden/mijn/"


@pytest.fixture
def moderator_client(moderator):
    client = Client()
    client.force_login(moderator)
    return client


@pytest.fixture
def submitted(member_client, index, case_form_data):
    member_client.post(SHARE, {**case_form_data, "submit": "review"})
    return CasePage.objects.get()


def workflow_action(client, case, action, comment=""):
    state = WorkflowState.objects.get(object_id=str(case.pk), status__in=["in_progress"])
    return client.post(
        f"/admin/pages/workflow/action/{case.pk}/{action}/{state.current_task_state_id}/",
        {"comment": comment},
    )


def test_the_workflow_is_set_up_once(index):
    first = case_workflow_ensure(index=index)
    second = case_workflow_ensure(index=index)
    assert first == second
    assert Workflow.objects.filter(name="Praktijkvoorbeeld beoordelen").count() == 1
    assert WorkflowPage.objects.get(page=index).workflow == first
    (task,) = first.tasks.specific()
    assert isinstance(task, GroupApprovalTask)
    assert sorted(task.groups.values_list("name", flat=True)) == ["Administrators", "Moderators"]


def test_the_moderator_sees_the_draft_in_the_admin_preview(moderator_client, submitted):
    state = WorkflowState.objects.get()
    response = moderator_client.get(
        f"/admin/pages/workflow/preview/{submitted.pk}/{state.current_task_state.task_id}/"
    )
    assert response.status_code == 200
    assert "Ketenaanpak jeugdhulp" in response.content.decode()
    assert moderator_client.get(f"/admin/pages/{submitted.pk}/edit/").status_code == 200


def test_approval_publishes_and_mails_the_submitter_once(
    moderator_client, member, submitted, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(moderator_client, submitted, "approve", comment="Mooi voorbeeld!")
    assert response.status_code == 302
    case = CasePage.objects.get()
    assert case.live
    assert case_status(case=case).status == CaseStatus.PUBLISHED
    submission = CaseSubmission.objects.get()
    assert submission.decision == "approved" and submission.decision_comment == "Mooi voorbeeld!"
    assert submission.decision_mail_sent_at is not None
    # Only the site's own e-mail: Wagtail's CMS notice to the submitter is switched off for members.
    to_member = [message for message in mail.outbox if member.email in message.to]
    assert len(to_member) == 1
    (message,) = to_member
    assert "Ketenaanpak jeugdhulp" in message.subject
    assert "gepubliceerd" in message.subject  # the member's language: Dutch
    assert "Mooi voorbeeld!" in message.body
    assert case.url in message.body
    # Running the task again sends nothing.
    assert case_decision_mail_send(submission_id=submission.pk) is False
    assert len([m for m in mail.outbox if member.email in m.to]) == 1


def test_rejection_shows_the_comment_and_allows_resubmitting(
    moderator_client, member_client, member, submitted, case_form_data, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(moderator_client, submitted, "reject", comment="Graag de resultaten concreter maken.")
    case = CasePage.objects.get()
    assert not case.live
    own = case_status(case=case)
    assert own.status == CaseStatus.REJECTED and own.comment == "Graag de resultaten concreter maken."
    html = member_client.get(MINE).content.decode()
    assert "case-status--afgewezen" in html and "Graag de resultaten concreter maken." in html
    (message,) = [m for m in mail.outbox if member.email in m.to]
    assert "Graag de resultaten concreter maken." in message.body
    assert "/praktijkvoorbeelden/mijn/" in message.body
    # The member edits and submits again: the same workflow resumes.
    edit = f"/praktijkvoorbeelden/delen/{case.pk}/"
    assert "Graag de resultaten concreter maken." in member_client.get(edit).content.decode()
    response = member_client.post(
        edit, {**case_form_data, "result": "<p>Van 11 naar 6 weken.</p>", "submit": "x"}
    )
    assert response.status_code == 302
    assert case_status(case=CasePage.objects.get()).status == CaseStatus.IN_REVIEW
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_IN_PROGRESS
    assert CaseSubmission.objects.count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(moderator_client, submitted, "approve")
    case = CasePage.objects.get()
    assert case.live and case.result == "<p>Van 11 naar 6 weken.</p>"
    assert list(CaseSubmission.objects.order_by("pk").values_list("decision", flat=True)) == [
        "rejected",
        "approved",
    ]
    assert len([m for m in mail.outbox if member.email in m.to]) == 2


def test_the_mail_is_in_the_recipients_language(
    moderator_client, member, submitted, django_capture_on_commit_callbacks
):
    member.preferred_language = "en"
    member.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(moderator_client, submitted, "approve")
    (message,) = [m for m in mail.outbox if member.email in m.to]
    assert message.subject.startswith("Your case")


def test_a_failed_mail_can_be_sent_again(member, submitted, monkeypatch, django_capture_on_commit_callbacks):
    submission = CaseSubmission.objects.get()
    submission.decision = "approved"
    submission.save()

    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr("cases.services.send_mail", broken)
    with pytest.raises(OSError):
        case_decision_mail_send(submission_id=submission.pk)
    assert CaseSubmission.objects.get().decision_mail_sent_at is None
    monkeypatch.undo()
    mail.outbox.clear()
    assert case_decision_mail_send(submission_id=submission.pk) is True
    assert len(mail.outbox) == 1


def test_a_submitted_case_sends_a_moderator_who_is_also_an_administrator_one_email(
    member_client, moderator, index, case_form_data, django_capture_on_commit_callbacks
):
    moderator.is_superuser = True
    moderator.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(SHARE, {**case_form_data, "submit": "review"})
    assert len([message for message in mail.outbox if moderator.email in message.to]) == 1


def test_an_administrator_gets_one_email_for_a_submitted_case(
    member_client, index, case_form_data, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Group

    from accounts.factories import UserFactory
    from accounts.roles import ADMINISTRATORS
    from accounts.services import groups_ensure

    groups_ensure()
    administrator = UserFactory(organisation=None, email="beheer@example.org", is_superuser=True)
    administrator.groups.add(Group.objects.get(name=ADMINISTRATORS))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(SHARE, {**case_form_data, "submit": "review"})
    assert len([message for message in mail.outbox if administrator.email in message.to]) == 1
