from django import forms
from django.utils.translation import gettext_lazy as _


class SuccessFactorFilterForm(forms.Form):
    """The base of a page's filter form: a success-factor filter, named in Dutch as in the page's URL.

    A value that is not one of the choices (an outdated or hand-made link) makes the form invalid, never an
    error page; subclasses add their own filters."""

    succesfactor = forms.ChoiceField(
        label=_("Success factor"), required=False, widget=forms.Select(attrs={"id": "filter-factor"})
    )

    def __init__(self, *args, factors, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["succesfactor"].choices = [
            ("", _("All success factors")),
            *((factor.slug, str(factor)) for factor in factors),
        ]
        for field in self.fields.values():
            # Shown at the select, which aria-describedby links to; Django's own message repeats the value.
            field.error_messages["invalid_choice"] = _("This choice does not exist (any more).")
