from collections.abc import Callable
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from .forms import DeleteAccountForm, ProfileForm
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


@login_required
def profile(request):
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=user)
        if form.is_valid():
            data = dict(form.cleaned_data)
            user_update_profile(user=user, organisation=data.pop("organisation"), **data)
            messages.success(request, _("Your profile has been saved."))
            response = redirect("accounts:profile")
            response.set_cookie("django_language", user.preferred_language, samesite="Lax")
            return response
    else:
        form = ProfileForm(instance=user)
    # Two-factor authentication is offered to those who can change content for everyone: trainers and
    # administrators, known from the login (accounts/apps.py) without a query for their groups.
    offers_mfa = bool(request.session.get("can_use_cms"))
    return render(request, "accounts/profile.html", {"form": form, "offers_mfa": offers_mfa})


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
