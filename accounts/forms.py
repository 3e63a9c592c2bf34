import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from .models import Organisation, User
from .services import INVITATIONS_PER_SUBMIT, membership_request


class SignupForm(forms.Form):
    """Extra fields for allauth's sign-up form."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    # Not membership itself: a request for the organisation's coordinator (or its e-mail domain) to decide.
    organisation = forms.ModelChoiceField(
        label=_("Request membership of"),
        queryset=Organisation.objects.all(),
        required=False,
        empty_label=_("(no organisation)"),
        help_text=_(
            "The coordinator of the organisation approves your request. With an e-mail address on the "
            "organisation's own domain you join as soon as you confirm the address."
        ),
    )

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.preferred_language = getattr(request, "LANGUAGE_CODE", "nl")
        user.save()
        if self.cleaned_data["organisation"] is not None:
            membership_request(user=user, organisation=self.cleaned_data["organisation"])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "job_title",
            "preferred_language",
            "reminders_enabled",
        ]
        labels = {
            "first_name": _("First name"),
            "last_name": _("Last name"),
        }


class MembershipRequestForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Request membership of"),
        queryset=Organisation.objects.none(),
        empty_label=_("(choose an organisation)"),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.exclude(pk=user.organisation_id)


class InvitationForm(forms.Form):
    emails = forms.CharField(
        label=_("E-mail addresses"),
        widget=forms.Textarea(attrs={"rows": 5, "autocomplete": "off", "spellcheck": "false"}),
        help_text=_("One address per line. Each address gets its own link, valid once for 30 days."),
        max_length=20000,
    )

    def clean_emails(self):
        addresses = [part for part in re.split(r"[\s,;]+", self.cleaned_data["emails"]) if part]
        invalid = []
        for address in addresses:
            try:
                validate_email(address)
            except ValidationError:
                invalid.append(address)
        if invalid:
            raise ValidationError(
                _("Not an e-mail address: %(addresses)s") % {"addresses": ", ".join(invalid[:10])}
            )
        if len(addresses) > INVITATIONS_PER_SUBMIT:
            raise ValidationError(
                _("At most %(count)s addresses at a time.") % {"count": INVITATIONS_PER_SUBMIT}
            )
        return addresses


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
