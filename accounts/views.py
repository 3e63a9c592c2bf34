from collections.abc import Callable
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import roles, selectors, services
from .forms import DeleteAccountForm, MembershipRequestForm, ProfileForm
from .privacy import user_data_export, user_erase
from .services import user_update_profile


def staff_login(request, *, default_next: str, may_enter: Callable = lambda user: user.is_superuser):
    """The login pages of the CMS and of Django's admin: every GET and POST goes to allauth's form, the one
    way in with throttling per account and address, two-factor authentication and password reset."""
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = default_next
    if request.user.is_authenticated:
        if may_enter(request.user):
            return redirect(next_url)
        # allauth sends a logged-in user straight back to `next`: a redirect would loop.
        raise PermissionDenied(_("Your account has no access to the management environment."))
    return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")


def cms_login(request):
    return staff_login(
        request,
        default_next=reverse("wagtailadmin_home"),
        may_enter=lambda user: user.has_perm("wagtailadmin.access_admin"),
    )


def site_login_redirect(request):
    """Wagtail's login for pages restricted to logged-in users: every GET and POST goes to allauth's form."""
    return staff_login(request, default_next="/", may_enter=lambda user: True)


def _profile_page(request, *, form=None, request_form=None, status=200):
    user = request.user
    context = {
        "form": form or ProfileForm(instance=user),
        "pending_request": selectors.membership_request_pending(user=user),
        "request_form": request_form or MembershipRequestForm(user),
        # Two-factor authentication is offered to those who can change content for everyone: trainers
        # and administrators, known from the login (accounts/apps.py) without a query for their groups.
        "offers_mfa": bool(request.session.get("can_use_cms")),
    }
    return render(request, "accounts/profile.html", context, status=status)


@login_required
def profile(request):
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=user)
        if form.is_valid():
            user_update_profile(user=user, **form.cleaned_data)
            messages.success(request, _("Your profile has been saved."))
            response = redirect("accounts:profile")
            response.set_cookie("django_language", user.preferred_language, samesite="Lax")
            return response
        return _profile_page(request, form=form)
    return _profile_page(request)


@login_required
def data_export(request):
    data = user_data_export(user=request.user)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens-academie-voor-samenwerken.json"'
    return response


@login_required
def delete_account(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        user_erase(user=user)
        messages.success(request, _("Your account and your personal data have been deleted."))
        return redirect("/")
    return render(request, "accounts/delete_account.html", {"form": form})


# -- Membership: the professional's side -------------------------------------------------------------


@login_required
@require_POST
def membership_request(request):
    form = MembershipRequestForm(request.user, request.POST)
    if not form.is_valid():
        return _profile_page(request, request_form=form, status=400)
    organisation = form.cleaned_data["organisation"]
    try:
        created = services.membership_request(user=request.user, organisation=organisation)
    except services.MembershipError as error:
        messages.error(request, str(error))
    else:
        if created is None:
            messages.success(
                request, _("You are now a member of %(organisation)s.") % {"organisation": organisation}
            )
        else:
            messages.success(
                request,
                _("Your request has been sent to the coordinator of %(organisation)s.")
                % {"organisation": organisation},
            )
    return redirect("accounts:profile")


@login_required
@require_POST
def membership_withdraw(request):
    if services.membership_withdraw(user=request.user):
        messages.success(request, _("Your request has been withdrawn."))
    return redirect("accounts:profile")


@login_required
@require_POST
def membership_leave(request):
    organisation = request.user.organisation
    if organisation is not None:
        services.membership_leave(user=request.user)
        messages.success(request, _("You have left %(organisation)s.") % {"organisation": organisation})
    return redirect("accounts:profile")


def membership_invitation(request, token: str):
    """The link in an invitation: shows what it is for; accepting is a POST (mail scanners follow links)."""
    try:
        invitation = services.invitation_for_token(token=token)
    except services.InvitationRefused as error:
        return render(request, "accounts/invitation.html", {"error": str(error)}, status=error.status)
    if request.method == "POST" and request.user.is_authenticated:
        try:
            organisation = services.membership_accept_invitation(user=request.user, token=token)
        except services.InvitationRefused as error:
            return render(
                request,
                "accounts/invitation.html",
                {"error": str(error), "invitation": invitation},
                status=error.status,
            )
        messages.success(
            request, _("You are now a member of %(organisation)s.") % {"organisation": organisation}
        )
        return redirect("accounts:profile")
    return render(request, "accounts/invitation.html", {"invitation": invitation})


# -- Membership: the coordinator's side (the page itself is courses' /mijn/organisatie/) ----------------


@login_required
@require_POST
def membership_decide(request, request_id: int, *, approve: bool):
    # Only the open requests of the coordinator's own organisation can be decided: anything else is a 404.
    if not roles.is_coordinator(request.user):
        raise Http404
    pending = get_object_or_404(
        selectors.membership_requests_to_decide(organisation=request.user.organisation), pk=request_id
    )
    name = pending.user.get_full_name() or pending.user.email
    try:
        if approve:
            services.membership_approve(coordinator=request.user, membership_request=pending)
            messages.success(request, _("%(name)s is now a member of your organisation.") % {"name": name})
        else:
            services.membership_reject(coordinator=request.user, membership_request=pending)
            messages.success(request, _("The request of %(name)s has been rejected.") % {"name": name})
    except services.MembershipError as error:
        messages.error(request, str(error))
    return redirect("courses:organisation")
