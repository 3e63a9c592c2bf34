"""The question bank of a quiz and the attempts professionals make at it.

Questions and their options are rows with a stable UUID that edits update in place, so attempts, reviews
and statistics keep pointing at the same question after a trainer rewords it. A question that has been
answered is retired (`is_active`), never deleted.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from ..grading import OptionSpec

# "code" (inline <code>) matches the sanitiser's question-text profile; Wagtail's editor has no block
# for <pre>, which imported questions keep until the text is edited here.
QUESTION_TEXT_FEATURES = ["bold", "italic", "code", "link", "ol", "ul"]


class QuestionKind(models.TextChoices):
    SINGLE_CHOICE = "single_choice", _("Single choice")
    MULTIPLE_RESPONSE = "multiple_response", _("Multiple response")
    TRUE_FALSE = "true_false", _("True or false")
    MATCHING = "matching", _("Matching")
    ORDERING = "ordering", _("Ordering")
    SHORT_ANSWER = "short_answer", _("Short answer")
    NUMERIC = "numeric", _("Numeric")
    OPEN = "open", _("Open question")


CHOICE_KINDS = {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_RESPONSE, QuestionKind.TRUE_FALSE}


class Question(ClusterableModel):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    quiz = models.ForeignKey(
        "modules.QuizPage", verbose_name=_("quiz"), on_delete=models.CASCADE, related_name="questions"
    )
    sort_order = models.PositiveIntegerField(_("position"), default=0, editable=False)
    kind = models.CharField(_("type"), max_length=20, choices=QuestionKind.choices)
    name = models.CharField(
        _("name"), max_length=255, help_text=_("A short name for the question bank and the statistics.")
    )
    text = RichTextField(_("question"), features=QUESTION_TEXT_FEATURES)
    general_feedback = RichTextField(
        _("general feedback"),
        features=QUESTION_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown in the review after the attempt, whatever the answer."),
    )
    points = models.PositiveSmallIntegerField(
        _("points"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    category = models.CharField(
        _("category"), max_length=255, blank=True, help_text=_("Optional, e.g. from a Moodle export.")
    )
    # Moodle's "ID number" (at most 100 characters there too): GIFT carries it as "// [id:…]".
    reference = models.CharField(
        _("ID number"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("Optional, your own reference for the question; Moodle calls it the ID number."),
    )
    tags = ClusterTaggableManager(
        _("tags"),
        through="modules.QuestionTag",
        blank=True,
        help_text=_("To find questions in the question bank; GIFT carries them as “// [tag:…]”."),
    )
    is_active = models.BooleanField(
        _("in use"),
        default=True,
        help_text=_("Retired questions are not drawn in new attempts; their answers and statistics stay."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["quiz", "sort_order", "pk"]
        indexes = [models.Index(fields=["quiz", "sort_order"])]
        verbose_name = _("quiz question")
        verbose_name_plural = _("quiz questions")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self._state.adding and not self.sort_order and self.quiz_id:
            last = Question.objects.filter(quiz_id=self.quiz_id).aggregate(last=models.Max("sort_order"))[
                "last"
            ]
            self.sort_order = 0 if last is None else last + 1
        super().save(*args, **kwargs)

    @property
    def is_graded(self) -> bool:
        return self.kind != QuestionKind.OPEN


class QuestionTag(TaggedItemBase):
    content_object = ParentalKey(Question, on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = _("question tag")
        verbose_name_plural = _("question tags")


class Option(Orderable):
    """One option of a question: a choice, an accepted answer, a matching pair or an item to order.

    Which fields count depends on the question type; `modules.validation` checks them per type.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="options")
    text = models.TextField(
        _("text"),
        blank=True,
        help_text=_(
            "The option, the accepted answer (* is a wildcard), the left-hand item of a pair (empty for a "
            "distractor) or the item to put in order."
        ),
    )
    match_text = models.CharField(
        _("matches"), max_length=500, blank=True, help_text=_("Matching: the right-hand item of the pair.")
    )
    credit = models.DecimalField(
        _("credit (%)"),
        max_digits=8,
        decimal_places=5,
        default=0,
        validators=[MinValueValidator(-100), MaxValueValidator(100)],
        help_text=_("100 for a right answer; partial or negative credit where the type allows it."),
    )
    feedback = models.TextField(_("feedback"), blank=True)
    value = models.FloatField(_("value"), null=True, blank=True, help_text=_("Numeric: the right value."))
    tolerance = models.FloatField(
        _("tolerance"), null=True, blank=True, help_text=_("Numeric: how far an answer may be off.")
    )
    minimum = models.FloatField(_("from"), null=True, blank=True, help_text=_("Numeric: or a range, from …"))
    maximum = models.FloatField(_("to"), null=True, blank=True, help_text=_("… to (inclusive)."))

    class Meta(Orderable.Meta):
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self):
        return self.text or self.match_text or str(self.value or "")

    @property
    def fraction(self) -> float:
        return float(self.credit) / 100

    def spec(self) -> OptionSpec:
        """The option as grading and validation see it."""
        return OptionSpec(
            id=str(self.uuid),
            text=self.text,
            fraction=self.fraction,
            match_text=self.match_text,
            value=self.value,
            tolerance=self.tolerance,
            minimum=self.minimum,
            maximum=self.maximum,
        )


class RubricCriterion(Orderable):
    """A part of an open question's grade: the trainer scores each criterion; together they make the grade."""

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="rubric_criteria")
    name = models.CharField(_("criterion"), max_length=200)
    points = models.PositiveSmallIntegerField(
        _("points"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    class Meta(Orderable.Meta):
        verbose_name = _("rubric criterion")
        verbose_name_plural = _("rubric criteria")

    def __str__(self):
        return self.name


class Attempt(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    quiz = models.ForeignKey("modules.QuizPage", on_delete=models.CASCADE, related_name="attempts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    number = models.PositiveSmallIntegerField()
    started_at = models.DateTimeField(default=timezone.now)
    deadline = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    points_scored = models.FloatField(null=True, blank=True)
    points_possible = models.FloatField(null=True, blank=True)
    score = models.FloatField(_("score (%)"), null=True, blank=True)
    passed = models.BooleanField(null=True)
    # Submitted with open answers that no trainer has scored yet: no score, no pass or fail until they are.
    awaiting_grading = models.BooleanField(_("waiting for grading"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["quiz", "user", "number"], name="unique_attempt_number"),
            # Two tabs starting at once get the same attempt, not two.
            models.UniqueConstraint(
                fields=["quiz", "user"], condition=Q(submitted_at__isnull=True), name="one_open_attempt"
            ),
        ]
        indexes = [models.Index(fields=["quiz", "submitted_at"])]
        ordering = ["quiz", "user", "number"]
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")

    def __str__(self):
        return f"{self.user} – {self.quiz_id} #{self.number}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    def is_expired(self, now=None) -> bool:
        return self.deadline is not None and (now or timezone.now()) > self.deadline


class QuestionResponse(models.Model):
    """One drawn question of an attempt: its place, its option order as shown, the answer and its score."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="responses")
    # RESTRICT: a question cannot be deleted while attempts refer to it, except with its whole quiz.
    question = models.ForeignKey(Question, on_delete=models.RESTRICT, related_name="responses")
    position = models.PositiveSmallIntegerField()
    option_order = models.JSONField(default=list, blank=True)
    match_order = models.JSONField(default=list, blank=True)
    answer = models.JSONField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    fraction = models.FloatField(null=True, blank=True)
    points_scored = models.FloatField(null=True, blank=True)
    # Filled when the attempt is submitted: the options chosen (or the accepted answer that matched).
    chosen_options = models.ManyToManyField(Option, related_name="responses", blank=True)
    # Manual grading of an open answer (modules.manual_grading): waiting since the submission until a
    # trainer scores it; the score per rubric criterion ({criterion id: points}) and the written feedback.
    awaiting_grading_since = models.DateTimeField(null=True, blank=True, db_index=True)
    graded_at = models.DateTimeField(null=True, blank=True)
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    criterion_scores = models.JSONField(default=dict, blank=True)
    feedback = models.TextField(_("feedback"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="unique_response_question"),
            models.UniqueConstraint(fields=["attempt", "position"], name="unique_response_position"),
        ]
        ordering = ["attempt", "position"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self):
        return f"{self.attempt_id} – {self.question_id}"
