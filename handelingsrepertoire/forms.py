from django import forms
from django.utils.translation import gettext_lazy as _

from successfactors.models import World

from .models import Phase

MAX_QUERY_LENGTH = 200


class InstrumentFilterForm(forms.Form):
    """The index's search and filters, named in Dutch as in the page's URL. A filter value that is not
    one of the choices (an outdated or hand-made link) makes the form invalid, never an error page."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        widget=forms.SearchInput(
            attrs={
                "id": "filter-q",
                "maxlength": MAX_QUERY_LENGTH,
                "placeholder": _("e.g. feedback, handover"),
            }
        ),
    )
    succesfactor = forms.ChoiceField(
        label=_("Success factor"), required=False, widget=forms.Select(attrs={"id": "filter-factor"})
    )
    wereld = forms.ChoiceField(
        label=_("World"),
        choices=[("", _("All worlds")), *World.choices],
        required=False,
        widget=forms.Select(attrs={"id": "filter-world"}),
    )
    fase = forms.ChoiceField(
        label=_("Phase"),
        choices=[("", _("All phases")), *Phase.choices],
        required=False,
        widget=forms.Select(attrs={"id": "filter-phase"}),
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

    def clean_q(self):
        # Longer text is cut off rather than refused: the search still runs.
        return " ".join(self.cleaned_data["q"].split())[:MAX_QUERY_LENGTH]
