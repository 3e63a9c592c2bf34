"""Collaborations (samenwerkingsverbanden) and their scan: partners, participants, invitations,
measurement rounds with the statements they were opened with, answers, remarks and actions.

The questionnaire itself is the engine's (questionnaires/): statements and answers inherit its
abstract models, so scoring and aggregation are the FitnessScan's."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import RevisionMixin

from accounts.models import Sector
from questionnaires.models import AnswerBase, StatementBase, answer_on_scale


class World(models.TextChoices):
    """A collaboration statement is about one of the two worlds."""

    BLUE = "blauw", _("Blue world")
    ORANGE = "oranje", _("Orange world")


class Collaboration(models.Model):
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=4000)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices, default=Sector.OTHER)
    start_date = models.DateField(_("start date"), default=timezone.localdate)
    # Empty only when the regisseur erased their account and nobody was left to take over.
    regisseur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("regisseur"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="collaborations_led",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("collaboration")
        verbose_name_plural = _("collaborations")

    def __str__(self):
        return self.name


class Partner(models.Model):
    """An organisation in a collaboration: one on the platform, or a named outside organisation.
    A partner with answers is archived, never deleted, so results stay whole."""

    collaboration = models.ForeignKey(Collaboration, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation on the platform"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="collaboration_partnerships",
    )
    name = models.CharField(_("name"), max_length=200)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "name"], name="collaborations_partner_name_unique"
            )
        ]

    def __str__(self):
        return self.name


class Participant(models.Model):
    """A person taking part in a collaboration on behalf of one partner."""

    collaboration = models.ForeignKey(Collaboration, on_delete=models.CASCADE, related_name="participants")
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="participants")
    # Empty after the person erased their account: their answers stay, anonymous, in the results.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="collaboration_participations",
    )
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)

    class Meta:
        ordering = ["joined_at", "pk"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["collaboration", "user"], name="collaborations_one_participation")
        ]

    def __str__(self):
        return f"{self.user} · {self.partner}"


class Invitation(models.Model):
    """An invitation to take part for one partner; its link works once, for 30 days."""

    collaboration = models.ForeignKey(Collaboration, on_delete=models.CASCADE, related_name="invitations")
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("invited at"), default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        indexes = [models.Index(fields=["collaboration", "accepted_at"])]

    def __str__(self):
        return f"{self.email} → {self.partner}"


class CollaborationStatement(RevisionMixin, StatementBase):
    """A statement of the collaboration scan about one success factor in one world; trainers edit the
    set in the CMS. A round copies the statements when it opens, so editing never changes results."""

    world = models.CharField(_("world"), max_length=10, choices=World.choices)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(
        _("in use"), default=True, help_text=_("Asked in rounds opened from now on.")
    )

    panels = [
        FieldPanel("factor"),
        FieldPanel("world"),
        FieldPanel("text"),
        FieldPanel("reverse_scored"),
        FieldPanel("sort_order"),
        FieldPanel("is_active"),
    ]

    class Meta:
        ordering = ["factor__number", "world", "sort_order", "pk"]
        verbose_name = _("collaboration statement")
        verbose_name_plural = _("collaboration statements")


class Round(models.Model):
    """A measurement round (meting): open until closed by the regisseur or at its closing date."""

    collaboration = models.ForeignKey(Collaboration, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField(_("number"))
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    closes_on = models.DateField(_("closing date"))
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["collaboration", "number"]
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        constraints = [
            models.UniqueConstraint(fields=["collaboration", "number"], name="collaborations_round_number"),
            models.UniqueConstraint(
                fields=["collaboration"],
                condition=models.Q(closed_at__isnull=True),
                name="collaborations_one_open_round",
            ),
        ]

    def __str__(self):
        return f"{self.collaboration} · {self.number}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class RoundStatement(StatementBase):
    """A statement as the round asks it (a copy of the CMS statement when the round opened)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="statements")
    world = models.CharField(_("world"), max_length=10, choices=World.choices)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["round", "factor__number", "world", "position"]
        verbose_name = _("round statement")
        verbose_name_plural = _("round statements")
        constraints = [
            models.UniqueConstraint(fields=["round", "key"], name="collaborations_round_statement_key")
        ]


class Answer(AnswerBase):
    """One participant's answer in one round. The partner and world are kept on the row, so the
    results aggregate per partner and world in the database without joins."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="answers")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="answers")
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="answers")
    world = models.CharField(max_length=10, choices=World.choices)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "participant", "statement_key"], name="collaborations_one_answer"
            ),
            answer_on_scale("collaborations_answer_on_scale"),
        ]
        indexes = [models.Index(fields=["round", "partner", "factor"])]


class Remark(models.Model):
    """An optional remark per factor; shown without a name."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="remarks")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="remarks")
    factor = models.ForeignKey("successfactors.SuccessFactor", on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("remark"), max_length=2000)

    class Meta:
        verbose_name = _("remark")
        verbose_name_plural = _("remarks")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "participant", "factor"], name="collaborations_one_remark"
            )
        ]

    def __str__(self):
        return self.text[:60]


class Action(models.Model):
    """An agreed action of the collaboration, for one factor, owned by one partner."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        BUSY = "bezig", _("in progress")
        DONE = "klaar", _("done")

    collaboration = models.ForeignKey(Collaboration, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(_("action"), max_length=300)
    factor = models.ForeignKey(
        "successfactors.SuccessFactor",
        verbose_name=_("success factor"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    partner = models.ForeignKey(
        Partner, verbose_name=_("owning partner"), on_delete=models.PROTECT, related_name="actions"
    )
    due_date = models.DateField(_("due date"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self):
        return self.description

    def is_overdue(self, today=None) -> bool:
        return self.status != self.Status.DONE and self.due_date < (today or timezone.localdate())
