from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Organisation, User


class SignupForm(forms.Form):
    """Extra fields for allauth's sign-up form."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        required=False,
        empty_label=_("(no organisation)"),
    )

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.organisation = self.cleaned_data["organisation"]
        user.preferred_language = getattr(request, "LANGUAGE_CODE", "nl")
        user.save()


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "organisation",
            "job_title",
            "preferred_language",
            "reminders_enabled",
        ]
        labels = {
            "first_name": _("First name"),
            "last_name": _("Last name"),
        }


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To be sure it is you."),
    )
    confirm = forms.BooleanField(
        label=_(
            "I understand that my account, progress, journal and results are deleted and cannot be restored."
        )
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is not correct."))
        return password
