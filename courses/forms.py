from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from accounts.models import Sector


class CoursePageForm(WagtailAdminPageForm):
    """Sectors are stored as a comma-separated list of codes; trainers tick them."""

    sectors = forms.MultipleChoiceField(
        label=_("sectors"),
        choices=Sector.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The sectors this course is written for; none means every sector."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance and self.instance.sectors:
            self.initial["sectors"] = self.instance.sector_codes

    def clean_sectors(self):
        return ",".join(self.cleaned_data["sectors"])


class CatalogueFilterForm(forms.Form):
    """The catalogue's filters, named in Dutch as in the page's URL. A value that is not one of the
    choices (an outdated or hand-made link) makes the form invalid, never an error page."""

    succesfactor = forms.ChoiceField(
        label=_("Success factor"), required=False, widget=forms.Select(attrs={"id": "filter-factor"})
    )
    sector = forms.ChoiceField(
        label=_("Sector"),
        choices=[("", _("All sectors")), *Sector.choices],
        required=False,
        widget=forms.Select(attrs={"id": "filter-sector"}),
    )
    niveau = forms.ChoiceField(
        label=_("Level"), required=False, widget=forms.Select(attrs={"id": "filter-level"})
    )

    def __init__(self, *args, factors, **kwargs):
        from .models import Level  # models.py imports this module for the page form

        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["niveau"].choices = [("", _("All levels")), *Level.choices]
        self.fields["succesfactor"].choices = [
            ("", _("All success factors")),
            *((factor.slug, str(factor)) for factor in factors),
        ]
        for field in self.fields.values():
            # Shown at the select, which aria-describedby links to; Django's own message repeats the value.
            field.error_messages["invalid_choice"] = _("This choice does not exist (any more).")
