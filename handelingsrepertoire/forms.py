from django import forms
from django.utils.translation import gettext_lazy as _

from successfactors.forms import SuccessFactorFilterForm
from successfactors.models import World

from .models import Phase

MAX_QUERY_LENGTH = 200


class InstrumentFilterForm(SuccessFactorFilterForm):
    """The index's search and filters: text, success factor, world and phase."""

    field_order = ["q", "succesfactor", "wereld", "fase"]

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

    def clean_q(self):
        # Longer text is cut off rather than refused: the search still runs.
        return " ".join(self.cleaned_data["q"].split())[:MAX_QUERY_LENGTH]
