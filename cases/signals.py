"""Moderators decide in Wagtail's own workflow screens; these receivers turn a decision on a case into a
record and the submitter's e-mail."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import WorkflowState
from wagtail.signals import page_published, workflow_approved, workflow_rejected

from academy.tasks import enqueue

from .models import CasePage
from .services import case_decision_record, case_images_publish
from .tasks import case_decision_mail_task


def _decided(workflow_state: WorkflowState, *, approved: bool) -> None:
    if workflow_state.content_type_id != ContentType.objects.get_for_model(CasePage).pk:
        return
    submission = case_decision_record(workflow_state=workflow_state, approved=approved)
    if submission is not None:
        enqueue(case_decision_mail_task, submission.pk)


# The workflow-level signals, not the task-level ones: a case is decided when its whole workflow is,
# also if a second review step is ever added.
def on_workflow_approved(sender, instance, **kwargs):
    _decided(instance, approved=True)


def on_workflow_rejected(sender, instance, **kwargs):
    _decided(instance, approved=False)


# Images of a case stay private until it is published, by a moderator's approval or straight from the CMS.
def on_case_published(sender, instance, **kwargs):
    case_images_publish(case=instance)


def connect() -> None:
    page_published.connect(on_case_published, sender=CasePage, dispatch_uid="cases.case_published")
    workflow_approved.connect(
        on_workflow_approved, sender=WorkflowState, dispatch_uid="cases.workflow_approved"
    )
    workflow_rejected.connect(
        on_workflow_rejected, sender=WorkflowState, dispatch_uid="cases.workflow_rejected"
    )
