from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .grading import OptionSpec
from .validation import question_problems

MAX_GIFT_BYTES = 2 * 1024 * 1024


class GiftUploadForm(forms.Form):
    file = forms.FileField(
        label=_("GIFT file"),
        help_text=_("A text file in Moodle's GIFT format, UTF-8 encoded (as Moodle exports it)."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_GIFT_BYTES:
            raise ValidationError(_("The file is too large: at most 2 MB."))
        try:
            self.cleaned_data["text"] = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(
                _("This is not a UTF-8 text file. Save it as UTF-8 and try again.")
            ) from None
        return upload


class QuestionForm(WagtailAdminModelForm):
    """Checks a question and its options together, per type (see modules.validation)."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("options")
        if not cleaned.get("kind") or formset is None or not formset.is_valid():
            return cleaned
        forms_in_order = sorted(
            (f for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")),
            key=lambda f: f.cleaned_data.get("ORDER") or 0,
        )
        options = [
            OptionSpec(
                id="",
                text=f.cleaned_data.get("text") or "",
                match_text=f.cleaned_data.get("match_text") or "",
                fraction=float(f.cleaned_data.get("credit") or 0) / 100,
                value=f.cleaned_data.get("value"),
                tolerance=f.cleaned_data.get("tolerance"),
                minimum=f.cleaned_data.get("minimum"),
                maximum=f.cleaned_data.get("maximum"),
            )
            for f in forms_in_order
        ]
        for problem in question_problems(cleaned["kind"], options):
            self.add_error(None, problem)
        return cleaned
