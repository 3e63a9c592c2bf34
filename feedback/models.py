"""The 360° feedback round ("Feedbackronde"), on the questionnaire engine (`questionnaires/`).

A professional asks colleagues and partners for feedback on their collaboration behaviour: the statements
per success factor that the trainers manage (`RoundStatement`), answered on the five-point scale, plus two
open questions. Respondents need no account: each has a single-use link that expires (a signed token of the
respondent's id: nothing secret is stored). The professional rates themselves as one more respondent (`is_self`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from questionnaires.models import AnswerBase, StatementBase, answer_on_scale

# The others' scores show once this many respondents answered (questionnaires.privacy).
MINIMUM_RESPONDENTS = 3


class RoundStatement(StatementBase):
    """A statement about the professional's own behaviour, e.g. “Sanne maakt afspraken expliciet.”"""

    sort_order = models.PositiveIntegerField(_("position"), default=0)
    is_active = models.BooleanField(
        _("in use"), default=True, help_text=_("Only active statements are asked.")
    )

    class Meta:
        ordering = ["factor__number", "sort_order", "pk"]
        verbose_name = _("feedback round statement")
        verbose_name_plural = _("feedback round statements")


class FeedbackRound(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feedback_rounds"
    )
    title = models.CharField(_("title"), max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    # The professional's choice, revocable: one trainer who may read the report.
    shared_with = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("shared with"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("feedback round")
        verbose_name_plural = _("feedback rounds")

    def __str__(self):
        return self.title


class Respondent(models.Model):
    round = models.ForeignKey(FeedbackRound, on_delete=models.CASCADE, related_name="respondents")
    is_self = models.BooleanField(default=False)
    email = models.EmailField(_("e-mail address"), blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    invitation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    answered_at = models.DateTimeField(null=True, blank=True)
    goes_well = models.TextField(_("what goes well"), blank=True)
    could_be_better = models.TextField(_("what could be better"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "email"],
                condition=models.Q(is_self=False),
                name="one_invitation_per_address",
            ),
            models.UniqueConstraint(
                fields=["round"], condition=models.Q(is_self=True), name="one_self_rating"
            ),
        ]
        verbose_name = _("respondent")
        verbose_name_plural = _("respondents")

    def __str__(self):
        return f"{self.round_id} – {'self' if self.is_self else self.pk}"


class RoundAnswer(AnswerBase):
    respondent = models.ForeignKey(Respondent, on_delete=models.CASCADE, related_name="answers")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["respondent", "statement_key"], name="one_round_answer_per_statement"
            ),
            answer_on_scale("round_answer_on_scale"),
        ]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
