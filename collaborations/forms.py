import re
from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation, Sector
from questionnaires.forms import StepForm

from .models import Action, Partner
from .services import INVITATIONS_PER_SUBMIT


class CollaborationForm(forms.Form):
    name = forms.CharField(label=_("Name of the collaboration"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the partners want to achieve together, in a few sentences."),
    )
    sector = forms.ChoiceField(label=_("Sector"), choices=Sector.choices)
    start_date = forms.DateField(
        label=_("Start date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        initial=timezone.localdate,
    )
    own_partner_name = forms.CharField(
        label=_("You take part on behalf of"),
        max_length=200,
        required=False,
        help_text=_("Leave empty for your own organisation."),
    )


class PartnerForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation on the platform"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label=_("— an outside organisation —"),
    )
    name = forms.CharField(label=_("Or the name of an outside organisation"), max_length=200, required=False)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("organisation") and not (cleaned.get("name") or "").strip():
            raise ValidationError(_("Choose an organisation or give the name of an outside organisation."))
        return cleaned


class InvitationForm(forms.Form):
    """Addresses pasted one per line: the valid ones are invited, the others shown back."""

    partner = forms.ModelChoiceField(label=_("On behalf of partner"), queryset=Partner.objects.none())
    emails = forms.CharField(
        label=_("E-mail addresses"),
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "off", "spellcheck": "false"}),
        help_text=_("One address per line. Each address gets its own link, valid once for 30 days."),
        max_length=20000,
    )

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        self.invalid_addresses = []
        self.fields["partner"].queryset = Partner.objects.filter(
            collaboration=collaboration, archived_at__isnull=True
        )
        self.fields["partner"].empty_label = None

    def clean_emails(self):
        addresses = [part for part in re.split(r"[\s,;]+", self.cleaned_data["emails"]) if part]
        if len(addresses) > INVITATIONS_PER_SUBMIT:
            raise ValidationError(
                _("At most %(count)s addresses at a time.") % {"count": INVITATIONS_PER_SUBMIT}
            )
        valid, invalid = [], []
        for address in addresses:
            try:
                validate_email(address)
            except ValidationError:
                invalid.append(address)
            else:
                valid.append(address)
        if not valid:
            raise ValidationError(
                _("Not an e-mail address: %(addresses)s") % {"addresses": ", ".join(invalid[:20])}
            )
        self.invalid_addresses = invalid
        return valid


class RoundForm(forms.Form):
    closes_on = forms.DateField(
        label=_("Closing date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        initial=lambda: timezone.localdate() + timedelta(days=21),
    )

    def clean_closes_on(self):
        closes_on = self.cleaned_data["closes_on"]
        if closes_on <= timezone.localdate():
            raise ValidationError(_("The closing date must be in the future."))
        return closes_on


class CollaborationStepForm(StepForm):
    """The engine's step form plus an optional remark about the factor."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["remark"] = forms.CharField(
            label=_("Remark (optional)"),
            required=False,
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text=_("Shown to the participants without your name."),
        )


class ActionForm(forms.ModelForm):
    class Meta:
        model = Action
        fields = ["description", "factor", "partner", "due_date", "status"]
        widgets = {"due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Partner.objects.filter(
            collaboration=collaboration, archived_at__isnull=True
        )
        self.fields["partner"].empty_label = None
        self.fields["factor"].empty_label = None
