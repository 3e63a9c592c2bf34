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
