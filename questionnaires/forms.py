"""The answer form of one step: every statement on the five-point scale plus "don't know"."""

from collections.abc import Iterable, Mapping

from django import forms
from django.utils.translation import gettext_lazy as _

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


def statement_field_name(statement) -> str:
    return f"{FIELD_PREFIX}{statement.key}"


def initial_answers(statements: Iterable, answered: Mapping) -> dict:
    """The form's initial data from stored answers ({statement key: value or None})."""
    initial = {}
    for statement in statements:
        if statement.key in answered:
            value = answered[statement.key]
            initial[statement_field_name(statement)] = DONT_KNOW if value is None else str(value)
    return initial


class StepForm(forms.Form):
    """The statements of one step (anything with `key` and `text`), each with the five-point scale
    plus "don't know"; every statement needs an answer ("don't know" is an explicit one). An answer to
    a statement that is not part of the step (another step, another round) is refused."""

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
