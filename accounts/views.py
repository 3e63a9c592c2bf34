from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .forms import DeleteAccountForm, ProfileForm
from .privacy import user_data_export, user_erase
from .services import user_update_profile


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
    return render(request, "accounts/profile.html", {"form": form})


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
