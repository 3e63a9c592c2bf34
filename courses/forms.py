from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from accounts.models import Sector
from successfactors.forms import SuccessFactorFilterForm


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


class CatalogueFilterForm(SuccessFactorFilterForm):
    """The catalogue's filters: success factor, sector and level."""

    sector = forms.ChoiceField(
        label=_("Sector"),
        choices=[("", _("All sectors")), *Sector.choices],
        required=False,
        widget=forms.Select(attrs={"id": "filter-sector"}),
    )
    niveau = forms.ChoiceField(
        label=_("Level"), required=False, widget=forms.Select(attrs={"id": "filter-level"})
    )

    def __init__(self, *args, **kwargs):
        from .models import Level  # models.py imports this module for the page form

        super().__init__(*args, **kwargs)
        self.fields["niveau"].choices = [("", _("All levels")), *Level.choices]
