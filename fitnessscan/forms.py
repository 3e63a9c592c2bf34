from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class FitnessScanPageForm(WagtailAdminPageForm):
    """Refuses two pieces of advice for the same factor and band: only one would ever be shown."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("advice")
        if formset is None or not formset.is_valid():
            return cleaned_data
        seen = set()
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("factor") or not data.get("band"):
                continue
            pair = (data["factor"].pk, data["band"])
            if pair in seen:
                form.add_error("band", _("There is already advice for this success factor and band."))
            seen.add(pair)
        return cleaned_data
