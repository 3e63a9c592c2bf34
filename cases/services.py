"""Writing cases: a member's draft, its submission for review, the moderators' workflow and the decision
e-mail. Views call these; nothing here knows about HTTP."""

from __future__ import annotations

import hashlib
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)
from wagtail.users.models import UserProfile

from academy.storage import is_draft_name
from accounts.roles import ADMINISTRATORS, MODERATORS
from accounts.services import group_grant_page_permissions, groups_ensure

from .models import CaseImage, CaseIndexPage, CaseInstrument, CasePage, CaseSubmission
from .selectors import SUBMISSIONS_PER_DAY, case_submissions_today
from .uploads import CleanImage

CASE_WORKFLOW_NAME = "Praktijkvoorbeeld beoordelen"
CASE_TASK_NAME = "Praktijkvoorbeeld beoordelen door moderatoren"
CASE_COLLECTION_NAME = "Praktijkvoorbeelden"
MAX_IMAGES_PER_CASE = 4


def case_save_allowance_take(*, user) -> bool:
    """Counts one save of the share form (with or without an upload) for the user; False once the hour's
    allowance (setting CASE_SAVES_PER_HOUR, 30) is used up. Counted in the shared cache, so the limit holds
    across workers; if the cache is down the save is allowed (the daily submission limit still holds)."""
    limit = settings.CASE_SAVES_PER_HOUR
    key = f"cases:saves:{user.pk}:{int(time.time() // 3600)}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # the key vanished (evicted a moment ago)
        return True
    return count is None or count <= limit  # None: the cache is down and fails open


class CaseSubmissionLimitReached(Exception):
    """The user already submitted SUBMISSIONS_PER_DAY cases today."""


@dataclass(frozen=True)
class CaseContent:
    """What a member wrote, already cleaned by the share form."""

    title: str
    summary: str = ""
    sector: str = ""
    collaboration_kind: str = ""
    organisations_involved: str = ""
    context: str = ""
    challenge: str = ""
    approach: str = ""
    result: str = ""
    lessons_learned: str = ""
    success_factors: list = field(default_factory=list)
    instruments: list = field(default_factory=list)
    show_submitter_name: bool = False
    show_submitter_organisation: bool = True
    new_image: object | None = None
    new_image_alt_text: str = ""
    new_image_caption: str = ""
    remove_image_ids: list[int] = field(default_factory=list)


TEXT_FIELDS = (
    "title",
    "summary",
    "sector",
    "collaboration_kind",
    "organisations_involved",
    "context",
    "challenge",
    "approach",
    "result",
    "lessons_learned",
    "show_submitter_name",
    "show_submitter_organisation",
)


# --------------------------------------------------------------------------- setup


def case_collection_ensure() -> Collection:
    """The image collection for shared cases; idempotent."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=CASE_COLLECTION_NAME).first()
    return existing or root.add_child(name=CASE_COLLECTION_NAME)


@transaction.atomic
def case_workflow_ensure(*, index: CaseIndexPage) -> Workflow:
    """The "Praktijkvoorbeeld beoordelen" workflow (one approval task for the Moderators group) on the case
    index, with the moderators' permissions there; idempotent and a single query once set up."""
    assigned = (
        WorkflowPage.objects.filter(page=index, workflow__name=CASE_WORKFLOW_NAME, workflow__active=True)
        .select_related("workflow")
        .first()
    )
    if assigned is not None:
        return assigned.workflow
    groups = groups_ensure()
    moderators = groups[MODERATORS]
    task = GroupApprovalTask.objects.filter(name=CASE_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=CASE_TASK_NAME)
    task.active = True
    task.save(update_fields=["active"])
    # Administrators moderate too (accounts.roles.is_moderator); as a group of the task they get its mail.
    task.groups.add(moderators, groups[ADMINISTRATORS])
    workflow, _created = Workflow.objects.get_or_create(name=CASE_WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    group_grant_page_permissions(
        group=moderators, page=index, codenames=["add_page", "change_page", "publish_page"]
    )
    collection = case_collection_ensure()
    for codename in ("add_image", "change_image", "choose_image"):
        GroupCollectionPermission.objects.get_or_create(
            group=moderators,
            collection=collection,
            permission=Permission.objects.get(content_type__app_label="wagtailimages", codename=codename),
        )
    return workflow


# --------------------------------------------------------------------------- images


def case_image_store(*, user, image: CleanImage, alt_text: str = ""):
    """Stores a checked, re-encoded upload as a Wagtail image in the cases collection. Its name marks it as a
    draft image, which the storage keeps private until the case is published (academy/storage.py)."""
    name = f"concept-{uuid.uuid4().hex}.{image.extension}"
    wagtail_image = get_image_model()(
        title=(alt_text or image.original_name or name)[:255],
        description=alt_text[:255],
        file=ContentFile(image.content, name=name),
        width=image.width,
        height=image.height,
        file_size=len(image.content),
        file_hash=hashlib.sha1(image.content, usedforsecurity=False).hexdigest(),
        uploaded_by_user=user,
        collection=case_collection_ensure(),
    )
    wagtail_image.save()
    return wagtail_image


def case_images_publish(*, case: CasePage) -> int:
    """Moves the images of a case that has just been published from the private storage to public media
    (new random name, renditions made again from there). Returns how many moved; idempotent."""
    moved = 0
    for item in case.gallery_images.select_related("image"):
        image = item.image
        draft_name = image.file.name
        if not is_draft_name(draft_name):
            continue
        with image.file.open("rb") as source:
            content = source.read()
        image.renditions.all().delete()
        storage = image.file.storage
        public_name = storage.save(
            image.get_upload_to(f"praktijkvoorbeeld-{uuid.uuid4().hex[:16]}{Path(draft_name).suffix}"),
            ContentFile(content),
        )
        type(image).objects.filter(pk=image.pk).update(file=public_name)
        storage.delete(draft_name)
        moved += 1
    return moved


def case_upload_discard(*, user, image_id: int) -> None:
    """Deletes an image the member uploaded through the form, unless a case uses it. An image a moderator
    chose from the library is never touched."""
    get_image_model().objects.filter(
        pk=image_id, uploaded_by_user=user, collection__name=CASE_COLLECTION_NAME
    ).exclude(pk__in=CaseImage.objects.values("image_id")).delete()


# --------------------------------------------------------------------------- drafts and submissions


def _free_slug(*, index: CaseIndexPage, title: str, case: CasePage | None = None) -> str:
    base = slugify(title)[:70].strip("-") or "praktijkvoorbeeld"
    if base in CaseIndexPage.ROUTE_SLUGS:
        base = f"{base}-praktijkvoorbeeld"
    taken = set(index.get_children().exclude(pk=case.pk if case else None).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _apply(*, case: CasePage, content: CaseContent) -> list[int]:
    """Copies the content onto the case; returns the ids of uploads the member removed."""
    for name in TEXT_FIELDS:
        setattr(case, name, getattr(content, name))
    case.success_factors = list(content.success_factors)
    case.instrument_links = [
        CaseInstrument(instrument_id=page.pk, sort_order=position)
        for position, page in enumerate(content.instruments)
    ]
    removed = [item for item in case.gallery_images.all() if item.pk in content.remove_image_ids]
    kept = [item for item in case.gallery_images.all() if item.pk not in content.remove_image_ids]
    if content.new_image is not None:
        image = content.new_image
        image.description = content.new_image_alt_text[:255]
        image.title = content.new_image_alt_text[:255] or image.title
        image.save(update_fields=["description", "title"])
        kept.append(
            CaseImage(image=image, alt_text=content.new_image_alt_text, caption=content.new_image_caption)
        )
    for position, item in enumerate(kept):
        item.sort_order = position
    case.gallery_images = kept
    return [item.image_id for item in removed]


@transaction.atomic
def case_save(
    *, user, index: CaseIndexPage, case: CasePage | None, content: CaseContent, submit: bool
) -> CasePage:
    """Creates or updates a member's draft case; with `submit`, sends it to the moderators.

    Only drafts and rejected cases reach this (the views check the status); the page stays unpublished
    until a moderator approves it."""
    if submit and case_submissions_today(user=user) >= SUBMISSIONS_PER_DAY:
        raise CaseSubmissionLimitReached
    if case is None:
        case = CasePage(
            title=content.title,
            slug=_free_slug(index=index, title=content.title),
            owner=user,
            submitted_by=user,
            submitting_organisation=user.organisation,
            live=False,
        )
        removed_uploads = _apply(case=case, content=content)
        index.add_child(instance=case)
    else:
        # The latest revision, not the row: a moderator may have edited the draft in the CMS.
        case = case.get_latest_revision_as_object() if case.latest_revision_id else case
        if case.first_published_at is None and case.title != content.title:
            case.slug = _free_slug(index=index, title=content.title, case=case)
        removed_uploads = _apply(case=case, content=content)
        case.save()
    for image_id in removed_uploads:
        case_upload_discard(user=user, image_id=image_id)
    case.save_revision(user=user, clean=False, log_action=True)
    if submit:
        _submit_for_review(case=case, user=user, index=index)
    return case


def _submit_for_review(*, case: CasePage, user, index: CaseIndexPage) -> None:
    workflow = case_workflow_ensure(index=index)
    state = WorkflowState.objects.active().for_instance(case).first()
    if state is None:
        workflow.start(case, user)
    elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
    CaseSubmission.objects.create(case=case, submitted_by=user)
    _leave_decision_mail_to_the_site(user)


def _leave_decision_mail_to_the_site(user) -> None:
    # Members who share through the site get the site's own decision e-mail, in their language and with
    # links they can open. Wagtail's CMS notice would arrive as well, pointing into a CMS they cannot use.
    if user.is_staff or user.has_perm("wagtailadmin.access_admin"):
        return
    profile = UserProfile.get_for_user(user)
    if profile.approved_notifications or profile.rejected_notifications:
        profile.approved_notifications = profile.rejected_notifications = False
        profile.save(update_fields=["approved_notifications", "rejected_notifications"])


# --------------------------------------------------------------------------- decisions


def case_decision_record(*, workflow_state: WorkflowState, approved: bool) -> CaseSubmission | None:
    """Records a moderator's decision on the submission it answers; None if nobody is to be told."""
    case_id = int(workflow_state.object_id)
    task_state = workflow_state.current_task_state
    submission = (
        CaseSubmission.objects.filter(case_id=case_id, decision=CaseSubmission.Decision.PENDING)
        .order_by("-submitted_at", "-pk")
        .first()
    )
    if submission is None:
        # Sent for review from the CMS rather than the share form.
        if workflow_state.requested_by_id is None:
            return None
        submission = CaseSubmission(case_id=case_id, submitted_by_id=workflow_state.requested_by_id)
    submission.decision = CaseSubmission.Decision.APPROVED if approved else CaseSubmission.Decision.REJECTED
    submission.decision_comment = task_state.comment if task_state else ""
    submission.decided_at = timezone.now()
    submission.save()
    return submission


def case_decision_mail_send(*, submission_id: int) -> bool:
    """Mails the submitter the moderators' decision, once. Returns whether a mail went out now."""
    claimed = (
        CaseSubmission.objects.filter(pk=submission_id, decision_mail_sent_at__isnull=True)
        .exclude(decision=CaseSubmission.Decision.PENDING)
        .update(decision_mail_sent_at=timezone.now())
    )
    if not claimed:
        return False
    submission = CaseSubmission.objects.select_related("case", "submitted_by").get(pk=submission_id)
    recipient = submission.submitted_by
    try:
        with translation.override(recipient.preferred_language or settings.LANGUAGE_CODE):
            context = _decision_mail_context(submission)
            subject = " ".join(render_to_string("cases/emails/decision_subject.txt", context).split())
            body = render_to_string("cases/emails/decision_body.txt", context)
        send_mail(subject, body, None, [recipient.email])
    except Exception:
        # Give the claim back so a retry can send it.
        CaseSubmission.objects.filter(pk=submission_id).update(decision_mail_sent_at=None)
        raise
    return True


def _decision_mail_context(submission: CaseSubmission) -> dict:
    case = submission.case
    index = CaseIndexPage.objects.ancestor_of(case).first()
    base = settings.SITE_URL
    approved = submission.decision == CaseSubmission.Decision.APPROVED
    case_url = case.get_url() if approved else None
    mine_url = (index.get_url() + index.reverse_subpage("mine")) if index else None
    return {
        "submission": submission,
        "case": case,
        "recipient": submission.submitted_by,
        "approved": approved,
        "case_url": urljoin(base, case_url) if case_url else "",
        "mine_url": urljoin(base, mine_url) if mine_url else "",
    }
