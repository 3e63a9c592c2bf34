from django import forms
from django.utils.translation import gettext_lazy as _

from .bulk import MAX_LINES, BulkFileError, decode_upload


class AnnouncementForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))


class BulkEnrolmentForm(forms.Form):
    target = forms.ChoiceField(label=_("Enrol in"))
    text = forms.CharField(
        label=_("E-mail addresses"),
        required=False,
        max_length=200_000,
        widget=forms.Textarea(attrs={"rows": 8, "autocomplete": "off", "spellcheck": "false"}),
        help_text=_("One address per line, optionally followed by a name (e.g. “an@example.org;An Jansen”)."),
    )
    file = forms.FileField(
        label=_("Or upload a CSV file"),
        required=False,
        help_text=_("UTF-8, with a column “e-mail” and optionally “naam”; at most %(max)s lines.")
        % {"max": MAX_LINES},
    )

    def __init__(self, *args, targets, confirming=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [("", "—"), *((t.key, t.label) for t in targets)]
        if confirming:
            self.fields["target"].widget = forms.HiddenInput()
            self.fields["text"].widget = forms.HiddenInput()
            del self.fields["file"]

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is not None:
            try:
                cleaned["text"] = decode_upload(upload.read())
            except BulkFileError as error:
                self.add_error("file", str(error))
                return cleaned
        if upload is None and not cleaned.get("text", "").strip() and "file" not in self.errors:
            raise forms.ValidationError(_("Paste e-mail addresses or upload a CSV file."))
        return cleaned
