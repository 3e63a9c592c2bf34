"""Abstract models of the questionnaire engine: a questionnaire's concrete models inherit them."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from .scoring import SCALE_MAX, SCALE_MIN


class StatementBase(models.Model):
    """A statement about one success factor, answered on the five-point scale."""

    # Answers refer to this key, not to the row: it stays the same when the statement is edited.
    key = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    factor = models.ForeignKey(
        "successfactors.SuccessFactor",
        verbose_name=_("success factor"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.CharField(_("statement"), max_length=300)
    reverse_scored = models.BooleanField(
        _("reverse-scored"),
        default=False,
        help_text=_(
            "Agreeing signals a weakness, e.g. “We avoid difficult conversations with our partners.”"
        ),
    )

    class Meta:
        abstract = True

    def __str__(self):
        return self.text


class AnswerBase(models.Model):
    """An answer, with the statement as it was asked: editing the statements later keeps results
    readable and unchanged."""

    statement_key = models.UUIDField()
    statement_text = models.CharField(_("statement"), max_length=300)
    factor = models.ForeignKey("successfactors.SuccessFactor", on_delete=models.PROTECT, related_name="+")
    reverse_scored = models.BooleanField(default=False)
    # 1–5 on the scale; empty means "don't know", which does not count.
    value = models.PositiveSmallIntegerField(_("answer"), null=True, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.statement_text


def answer_on_scale(name: str) -> models.CheckConstraint:
    """The database refuses a value outside the scale (empty is "don't know")."""
    return models.CheckConstraint(
        condition=models.Q(value__isnull=True) | models.Q(value__gte=SCALE_MIN, value__lte=SCALE_MAX),
        name=name,
    )
