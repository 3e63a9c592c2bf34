from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from academy.exports import csv_response
from academy.pages import personal_page
from accounts import roles

from . import bulk, selectors, services
from .forms import AnnouncementForm, BulkEnrolmentForm
from .ics import ics_response
from .models import CalendarFeed


@login_required
def group_list(request):
    """The groups a trainer runs (and, for anyone, the groups they are a member of)."""
    return personal_page(
        request,
        "programmes/group_list.html",
        title=_("Learning groups"),
        context=lambda: {
            "managed": list(selectors.groups_managed_by(user=request.user).order_by("-start_date", "name"))
            if roles.is_trainer(request.user)
            else [],
            "member_of": selectors.member_groups(user=request.user),
        },
    )


@login_required
def group_detail(request, group_id: int):
    group, manages = selectors.group_for(user=request.user, group_id=group_id)
    return personal_page(
        request,
        "programmes/group_detail.html",
        title=_("Learning group"),
        context=lambda: {
            **selectors.group_page_for(user=request.user, group=group, manages=manages),
            "announcement_form": AnnouncementForm(),
        },
    )


def _managed_group(request, group_id: int):
    group, manages = selectors.group_for(user=request.user, group_id=group_id)
    if not manages:
        raise Http404  # a member does not learn that the trainer's pages exist
    return group


@login_required
def group_progress(request, group_id: int):
    group = _managed_group(request, group_id)
    return personal_page(
        request,
        "programmes/group_progress.html",
        title=_("Progress of the group"),
        context=lambda: selectors.group_matrix_for(group=group),
    )


@login_required
def group_progress_csv(request, group_id: int):
    group = _managed_group(request, group_id)
    data = selectors.group_matrix_for(group=group)
    response, writer = csv_response(f"voortgang-groep-{group.pk}.csv")
    writer.writerow(
        [_("Name"), _("E-mail address"), _("Organisation")]
        + [course.title for course in data["courses"]]
        + [_("Late")]
    )
    for row in data["matrix"]:
        member = row.member
        writer.writerow(
            [member.get_full_name(), member.email, member.organisation.name if member.organisation else ""]
            + [100 if cell.completed else cell.percent for cell in row.cells]
            + [row.late_count]
        )
    return response


@login_required
@require_POST
def announcement_post(request, group_id: int):
    group = _managed_group(request, group_id)
    form = AnnouncementForm(request.POST)
    if form.is_valid():
        try:
            services.announcement_post(author=request.user, group=group, **form.cleaned_data)
        except services.GroupError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Your announcement has been posted and is being e-mailed to the members.")
            )
            return redirect("programmes:group", group.pk)
    context = {
        **selectors.group_page_for(user=request.user, group=group, manages=True),
        "announcement_form": form,
        "title": _("Learning group"),
        "body_template": "programmes/group_detail.html",
    }
    return render(request, "programmes/plain_page.html", context, status=400)


@login_required
@require_POST
def meeting_register(request, meeting_id: int):
    meeting, _manages = selectors.meeting_for(user=request.user, meeting_id=meeting_id)
    try:
        services.meeting_register(user=request.user, meeting=meeting)
    except services.GroupError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You are registered for “%(meeting)s”.") % {"meeting": meeting.title})
    return redirect(f"{_group_url(meeting.group_id)}#meeting-{meeting.pk}")


@login_required
@require_POST
def meeting_unregister(request, meeting_id: int):
    meeting, _manages = selectors.meeting_for(user=request.user, meeting_id=meeting_id)
    try:
        services.meeting_unregister(user=request.user, meeting=meeting)
    except services.GroupError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("You are no longer registered for “%(meeting)s”.") % {"meeting": meeting.title}
        )
    return redirect(f"{_group_url(meeting.group_id)}#meeting-{meeting.pk}")


def _group_url(group_id: int) -> str:
    from django.urls import reverse

    return reverse("programmes:group", args=[group_id])


@login_required
def meeting_attendance(request, meeting_id: int):
    meeting, manages = selectors.meeting_for(user=request.user, meeting_id=meeting_id)
    if not manages:
        raise Http404
    if request.method == "POST":
        present = {int(value) for value in request.POST.getlist("present") if value.isdigit()}
        count = services.attendance_record(trainer=request.user, meeting=meeting, present_user_ids=present)
        messages.success(request, _("Attendance recorded: %(count)s present.") % {"count": count})
        return redirect("programmes:attendance", meeting.pk)
    return personal_page(
        request,
        "programmes/meeting_attendance.html",
        title=_("Attendance"),
        context=lambda: {
            "meeting": meeting,
            "registrations": selectors.meeting_attendance_for(meeting=meeting),
        },
    )


@login_required
def meeting_ics(request, meeting_id: int):
    meeting, _manages = selectors.meeting_for(user=request.user, meeting_id=meeting_id)
    item = selectors.meeting_item(meeting, group=meeting.group)
    return ics_response([item], name=meeting.title, filename=f"bijeenkomst-{meeting.pk}.ics")


def calendar_feed(request, token: str):
    """The personal feed a calendar app subscribes to: no login, the secret address is the key."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("user"), token=token)
    if not feed.user.is_active:
        raise Http404
    items = selectors.calendar_items_for(user=feed.user)
    return ics_response(items, name=_("Academie voor Samenwerken"), filename="agenda.ics")


@login_required
def calendar_settings(request):
    if request.method == "POST":
        services.calendar_feed_regenerate(user=request.user)
        messages.success(request, _("Your calendar has a new address; the old one no longer works."))
        return redirect("programmes:calendar")
    feed = services.calendar_feed_for(user=request.user)
    return personal_page(
        request,
        "programmes/calendar.html",
        title=_("My calendar"),
        context=lambda: {"feed_url": request.build_absolute_uri(f"/mijn/agenda/{feed.token}.ics")},
    )


@login_required
def bulk_enrolment(request):
    """Coordinators and trainers enrol a list of addresses: preview first, then confirm."""
    if not (roles.is_coordinator(request.user) or roles.is_trainer(request.user)):
        raise PermissionDenied(_("Only coordinators and trainers enrol people in bulk."))
    targets = bulk.targets_for(user=request.user)
    form = BulkEnrolmentForm(
        request.POST or None,
        request.FILES or None,
        targets=targets,
        initial={"target": request.GET.get("doel", "")},
    )
    context = {
        "form": form,
        "title": _("Enrol people in bulk"),
        "body_template": "programmes/bulk_enrolment.html",
    }
    if request.method != "POST":
        return render(request, "programmes/plain_page.html", context)
    if not form.is_valid():
        return render(request, "programmes/plain_page.html", context, status=400)
    target = bulk.target_for(user=request.user, key=form.cleaned_data["target"])
    text = form.cleaned_data["text"]
    try:
        if request.POST.get("action") == "confirm":
            rows = bulk.bulk_enrol(actor=request.user, target=target, text=text)
            context.update(done=True, rows=rows, summary=bulk.summary(rows), target=target)
            messages.success(request, _("The list has been processed."))
            return render(request, "programmes/plain_page.html", context)
        rows = bulk.classify(actor=request.user, target=target, rows=bulk.parse_lines(text))
    except bulk.BulkFileError as error:
        form.add_error(None, str(error))
        return render(request, "programmes/plain_page.html", context, status=400)
    context.update(
        preview=True,
        rows=rows,
        summary=bulk.summary(rows),
        target=target,
        problems=bulk.preview_problems(actor=request.user, target=target, rows=rows),
        confirm_form=BulkEnrolmentForm(
            targets=targets, initial={"target": target.key, "text": text}, confirming=True
        ),
    )
    return render(request, "programmes/plain_page.html", context)
