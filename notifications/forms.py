from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Kind


class MailPreferencesForm(forms.Form):
    mailed_kinds = forms.MultipleChoiceField(
        label=_("Send me an e-mail for"),
        choices=Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("You always see every notification here; this only chooses the e-mails."),
    )
