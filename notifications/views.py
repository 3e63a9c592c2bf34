"""The professional's notifications: a list, opening one (marks it read), and which kinds are mailed.

Everything works without JavaScript: opening and marking read are plain forms that POST and redirect.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from academy.pages import personal_page

from . import selectors, services
from .forms import MailPreferencesForm


@login_required
def notification_list(request):
    return personal_page(
        request,
        "notifications/list.html",
        title=_("Notifications"),
        context=lambda: {"notifications": selectors.notifications_for(user=request.user)},
    )


@login_required
@require_POST
def notification_open(request, notification_id: int):
    notification = selectors.notification_get(user=request.user, notification_id=notification_id)
    services.notification_mark_read(user=request.user, notification=notification)
    target = notification.url
    if request.POST.get("stay") or not url_has_allowed_host_and_scheme(target, allowed_hosts=None):
        return redirect("notifications:list")
    return redirect(target)


@login_required
@require_POST
def mark_all_read(request):
    services.notifications_mark_all_read(user=request.user)
    messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications:list")


@login_required
def mail_preferences(request):
    form = MailPreferencesForm(
        request.POST or None, initial={"mailed_kinds": selectors.mailed_kinds_for(user=request.user)}
    )
    if request.method == "POST" and form.is_valid():
        services.mail_preferences_save(user=request.user, mailed_kinds=form.cleaned_data["mailed_kinds"])
        messages.success(request, _("Your e-mail choices are saved."))
        return redirect("notifications:preferences")
    return render(
        request, "notifications/preferences.html", {"form": form}, status=400 if form.errors else 200
    )
