"""The trainer's forms: feedback on a reflection, and the grade of an open answer."""

from __future__ import annotations

from datetime import datetime

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.rich_text import expand_db_html

from academy.sanitizer import FEEDBACK, sanitize_html

# Paragraphs, lists, bold, italic and links: what the sanitiser's FEEDBACK profile keeps.
FEEDBACK_FEATURES = ["bold", "italic", "ol", "ul", "link"]


def _feedback_field(*, required: bool) -> forms.CharField:
    return forms.CharField(
        label=_("Feedback"),
        required=required,
        widget=DraftailRichTextArea(features=FEEDBACK_FEATURES),
        help_text=_(
            "The professional reads this under their answer. Paragraphs, lists, bold, italic and links."
        ),
    )


def moment(value: str | None) -> datetime | None:
    """A hidden field's moment (ISO 8601, as `version_of` wrote it); anything else counts as none."""
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def version_of(value: datetime | None) -> str:
    return value.isoformat() if value else ""


def clean_feedback(value: str) -> str:
    """Wagtail's stored rich text (internal links as ids) as plain, sanitised HTML."""
    return sanitize_html(expand_db_html(value or ""), profile=FEEDBACK)


class ReflectionFeedbackForm(forms.Form):
    # The moment the reflection started waiting, as the trainer saw it: no lost update between trainers.
    waiting_since = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["feedback"] = _feedback_field(required=True)

    def clean_feedback(self):
        return clean_feedback(self.cleaned_data["feedback"])


class AnswerGradeForm(forms.Form):
    """A score for the answer, or one per rubric criterion when the question has a rubric."""

    graded_at = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, question, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        if criteria:
            for criterion in criteria:
                self.fields[f"criterion_{criterion.pk}"] = forms.DecimalField(
                    label=criterion.name,
                    min_value=0,
                    max_value=criterion.points,
                    max_digits=5,
                    decimal_places=1,
                    help_text=_("0 to %(max)d points") % {"max": criterion.points},
                )
        else:
            self.fields["points"] = forms.DecimalField(
                label=_("Score"),
                min_value=0,
                max_value=question.points,
                max_digits=5,
                decimal_places=1,
                help_text=_("0 to %(max)d points") % {"max": question.points},
            )
        self.fields["feedback"] = _feedback_field(required=False)

    def clean_feedback(self):
        return clean_feedback(self.cleaned_data["feedback"])

    def criterion_scores(self) -> dict[int, float]:
        return {c.pk: float(self.cleaned_data[f"criterion_{c.pk}"]) for c in self.criteria}
