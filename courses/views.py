from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from academy.exports import csv_response
from academy.pages import personal_page
from academy.storage import private_file_response
from accounts import roles
from accounts.forms import InvitationForm
from accounts.selectors import membership_invitations_open, membership_requests_to_decide
from accounts.services import MembershipError, membership_invite
from modules.models import LearningItemPage, LessonPage

from . import selectors, services
from .dashboard import sections_for as dashboard_sections_for
from .models import Certificate, CoursePage, JournalEntry


@login_required
def dashboard(request):
    return personal_page(
        request,
        "courses/dashboard.html",
        title=_("My learning"),
        context=lambda: {
            **selectors.dashboard_for(user=request.user),
            "sections": dashboard_sections_for(user=request.user),
        },
    )


@login_required
@require_POST
def enrol(request, course_id: int):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    try:
        services.enrolment_create(user=request.user, course=course)
    except services.JourneyError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("You are enrolled in “%(course)s”. Good luck!") % {"course": course.title}
        )
    return redirect(course.url)


@login_required
@require_POST
def leave(request, course_id: int):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    services.enrolment_leave(user=request.user, course=course)
    messages.success(
        request,
        _("You have left “%(course)s”. Your progress is kept if you enrol again.") % {"course": course.title},
    )
    return redirect(course.url)


@login_required
def continue_course(request, course_id: int):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    journey = selectors.journey_for(user=request.user, course=course)
    target = journey.next_item
    return redirect(target.url if target and journey.is_enrolled else course.url)


@login_required
@require_POST
def complete_item(request, item_id: int):
    item = get_object_or_404(LearningItemPage.objects.live(), pk=item_id).specific
    if not isinstance(item, LessonPage):
        raise PermissionDenied(_("A quiz is completed by passing it."))
    course = services.course_of(item)
    try:
        journey = services.item_complete(user=request.user, item=item, course=course)
    except services.JourneyError as error:
        if request.htmx:
            return render(
                request, "courses/includes/completion.html", {"error": str(error), "page": item}, status=409
            )
        messages.error(request, str(error))
        return redirect(course.url)
    context = {"page": item, "journey": journey, "item_state": journey.item(item.pk), "just_completed": True}
    if request.htmx:
        return render(request, "courses/includes/completion.html", context)
    messages.success(request, _("Lesson completed."))
    return redirect(item.url)


@login_required
@require_POST
def save_reflection(request, lesson_id: int, block_id: str):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    answer = request.POST.get("answer", "")
    block = next((b for b in lesson.body if b.block_type == "reflection" and b.id == block_id), None)
    if block is None:
        raise PermissionDenied(_("This reflection question no longer exists in the lesson."))
    error = None
    try:
        services.journal_save(user=request.user, lesson=lesson, block_id=block_id, answer=answer)
    except services.JourneyError as exc:
        error = str(exc)
    if request.htmx:
        context = {
            "value": block.value,
            "block_id": block_id,
            "page": lesson,
            "answer": answer,
            "error": error,
            "saved": error is None,
        }
        return render(request, "courses/includes/reflection_form.html", context, status=422 if error else 200)
    if error:
        messages.error(request, error)
        # Keep what was typed: it is shown again in the form after the redirect.
        request.session[f"reflection-draft:{lesson_id}:{block_id}"] = answer[:5000]
    else:
        messages.success(request, _("Saved in your learning journal."))
    return redirect(f"{lesson.url}#reflection-{block_id}")


@login_required
@require_POST
def journal_reply(request, entry_id: int):
    entry = get_object_or_404(JournalEntry, pk=entry_id, user=request.user)
    try:
        services.journal_reply(entry=entry, user=request.user, text=request.POST.get("text", ""))
    except services.JourneyError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your reply is sent to the trainer."))
    return redirect(reverse("courses:dashboard") + f"#journal-{entry.pk}")


@login_required
def organisation_progress(request):
    """The coordinator's page: their organisation's progress, and who joins it (requests, invitations)."""
    if not roles.is_coordinator(request.user):
        raise PermissionDenied(_("Only coordinators of an organisation see its progress."))
    organisation = request.user.organisation
    invitation_form = InvitationForm(request.POST or None)
    if request.method == "POST" and invitation_form.is_valid():
        try:
            invitations = membership_invite(
                coordinator=request.user, emails=invitation_form.cleaned_data["emails"]
            )
        except MembershipError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s invitation has been sent.",
                    "%(count)s invitations have been sent.",
                    len(invitations),
                )
                % {"count": len(invitations)},
            )
            return redirect("courses:organisation")
    context = {
        **selectors.organisation_progress_for(organisation=organisation),
        "membership_requests": membership_requests_to_decide(organisation=organisation),
        # The newest hundred: an organisation may have thousands of open invitations.
        "invitations": membership_invitations_open(organisation=organisation).order_by("-created_at")[:100],
        "invitation_form": invitation_form,
    }
    status = 400 if invitation_form.errors else 200
    return render(request, "courses/organisation.html", context, status=status)


@login_required
def organisation_progress_csv(request):
    """Every professional of the coordinator's organisation, one line per course (or one without)."""
    if not roles.is_coordinator(request.user):
        raise PermissionDenied(_("Only coordinators of an organisation see its progress."))
    data = selectors.organisation_progress_for(organisation=request.user.organisation)
    response, writer = csv_response("voortgang-organisatie.csv")
    writer.writerow(
        [
            _("Name"),
            _("E-mail address"),
            _("Course"),
            _("Progress (%)"),
            _("Last activity"),
            _("Completed on"),
        ]
    )
    for member, rows in data["people"]:
        if not rows:
            writer.writerow([member.get_full_name(), member.email, "", "", "", ""])
        for row in rows:
            enrolment = row.enrolment
            writer.writerow(
                [
                    member.get_full_name(),
                    member.email,
                    enrolment.course.title,
                    row.percent,
                    enrolment.last_activity_at.date().isoformat() if enrolment.last_activity_at else "",
                    enrolment.completed_at.date().isoformat() if enrolment.completed_at else "",
                ]
            )
    return response


def reminders_off(request, token: str):
    """Switches reminder e-mails off from the link in an e-mail, without logging in."""
    from django.core import signing

    from accounts.models import User

    from .emails import REMINDER_SALT

    try:
        user_id = signing.loads(token, salt=REMINDER_SALT, max_age=60 * 60 * 24 * 365)
    except signing.BadSignature:
        return render(request, "courses/reminders_off.html", {"invalid": True}, status=400)
    if request.method == "POST":
        User.objects.filter(pk=user_id).update(reminders_enabled=False)
        return render(request, "courses/reminders_off.html", {"done": True})
    return render(request, "courses/reminders_off.html", {"token": token})


def certificate_verify(request, code: str):
    """Public: anyone with the code sees whether the certificate is valid and what it says. The PDF itself is
    offered only to its holder: the code is printed on the PDF, so whoever was shown one could otherwise
    fetch every copy."""
    certificate = get_object_or_404(Certificate.objects.select_related("enrolment"), code=code)
    is_holder = (
        request.user.is_authenticated
        and certificate.enrolment is not None
        and certificate.enrolment.user_id == request.user.pk
    )
    return render(
        request,
        "courses/certificate_verify.html",
        {"certificate": certificate, "offer_download": is_holder and certificate.is_valid},
    )


@login_required
def certificate_download(request, code: str):
    from .certificates import certificate_for_download, certificate_render_pdf

    certificate = certificate_for_download(user=request.user, code=code)
    if certificate is None:
        raise Http404
    if not certificate.pdf or not certificate.pdf.storage.exists(certificate.pdf.name):
        certificate_render_pdf(certificate=certificate)
    return private_file_response(
        certificate.pdf.open("rb"),
        name=certificate.pdf.name,
        filename=f"certificaat-{certificate.code}.pdf",
        content_type="application/pdf",
    )
