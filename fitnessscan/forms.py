from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .scoring import SCALE_VALUES

DONT_KNOW = "x"
FIELD_PREFIX = "s-"

SCALE_LABELS = {
    1: _("Strongly disagree"),
    2: _("Disagree"),
    3: _("Neutral"),
    4: _("Agree"),
    5: _("Strongly agree"),
}
CHOICES = [*((str(value), SCALE_LABELS[value]) for value in SCALE_VALUES), (DONT_KNOW, _("Don't know"))]


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


def statement_field_name(statement) -> str:
    return f"{FIELD_PREFIX}{statement.key}"


class StepForm(forms.Form):
    """The statements of one step, each with the five-point scale plus "don't know"; every statement
    needs an answer ("don't know" is an explicit one)."""

    def __init__(self, *args, statements, **kwargs):
        super().__init__(*args, **kwargs)
        self.statements = list(statements)
        for statement in self.statements:
            self.fields[statement_field_name(statement)] = forms.ChoiceField(
                label=statement.text,
                choices=CHOICES,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose an answer, or “Don't know”."),
                    "invalid_choice": _("Choose one of the answers on the scale."),
                },
            )

    def clean(self):
        cleaned_data = super().clean()
        expected = {statement_field_name(statement) for statement in self.statements}
        foreign = [name for name in self.data if name.startswith(FIELD_PREFIX) and name not in expected]
        if foreign:
            raise forms.ValidationError(
                _("The form contained an answer to a statement that is not part of this step."),
                code="foreign_statement",
            )
        return cleaned_data

    def bound_statements(self):
        """(statement, bound field) pairs for the template."""
        return [(statement, self[statement_field_name(statement)]) for statement in self.statements]

    def answers(self) -> dict:
        """{statement key: 1–5 or None for "don't know"}, for the answers that are valid."""
        cleaned = getattr(self, "cleaned_data", {})
        result = {}
        for statement in self.statements:
            raw = cleaned.get(statement_field_name(statement))
            if raw:
                result[statement.key] = None if raw == DONT_KNOW else int(raw)
        return result
