from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from academy.pages import ShellPage
from academy.storage import private_storage
from accounts.models import Sector

from .forms import CoursePageForm


class Level(models.TextChoices):
    BASIC = "basis", _("Basic")
    ADVANCED = "gevorderd", _("Advanced")
    EXPERT = "expert", _("Expert")


class CourseIndexPage(ShellPage, Page):
    """The course catalogue."""

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1
    template = "courses/course_index_page.html"
    shell_query_parameters = ("succesfactor", "sector", "niveau")  # CatalogueFilterForm's fields

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from .selectors import catalogue_for

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue_for(index=self, params=request.GET))
        return context

    def get_personal_context(self, request, markers, *args, **kwargs):
        from .selectors import course_status_markers

        course_ids = markers.get("course-status", [])
        return {"markers": course_status_markers(user=request.user, course_ids=course_ids)}

    def get_template(self, request, *args, **kwargs):
        if request.htmx and not request.htmx.boosted and not request.htmx.history_restore_request:
            return f"{self.template}#course-results"
        return self.template


class CoursePage(ShellPage, Page):
    """A self-paced course: modules of lessons, with its goals, audience and settings."""

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link", "ul"])
    learning_goals = RichTextField(
        _("learning goals"),
        features=["ul", "bold", "italic"],
        help_text=_("A list: after this course you can …"),
    )
    audience = models.CharField(_("audience"), max_length=300)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.BASIC)
    duration_hours = models.DecimalField(
        _("estimated duration (hours)"), max_digits=4, decimal_places=1, default=2
    )
    success_factors = ParentalManyToManyField(
        "successfactors.SuccessFactor", verbose_name=_("success factors"), blank=True, related_name="courses"
    )
    sectors = models.CharField(
        _("sectors"),
        max_length=200,
        blank=True,
        help_text=_("The sectors this course is written for; none means every sector."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_image_alt = models.CharField(_("alternative text of the cover image"), max_length=250, blank=True)
    trainers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainers"),
        blank=True,
        related_name="taught_courses",
        limit_choices_to={"groups__name": "Trainers"},
    )
    prerequisites = ParentalManyToManyField(
        "self",
        verbose_name=_("prerequisite courses"),
        blank=True,
        symmetrical=False,
        related_name="+",
        help_text=_("Courses a professional must have completed before enrolling."),
    )
    sequential = models.BooleanField(
        _("sequential release"),
        default=False,
        help_text=_("Each lesson opens when the previous one is done."),
    )
    offers_certificate = models.BooleanField(_("offers a certificate"), default=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("learning_goals"),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("level"),
                FieldPanel("duration_hours"),
                FieldPanel("sectors"),
            ],
            heading=_("For whom"),
        ),
        FieldPanel("success_factors", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel([FieldPanel("cover_image"), FieldPanel("cover_image_alt")], heading=_("Cover image")),
        FieldPanel("trainers", widget=forms.CheckboxSelectMultiple),
    ]
    settings_panels = [
        *Page.settings_panels,
        MultiFieldPanel(
            [FieldPanel("prerequisites"), FieldPanel("sequential"), FieldPanel("offers_certificate")],
            heading=_("Course rules"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("learning_goals"),
        index.SearchField("audience"),
        index.FilterField("level"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["modules.ModulePage"]
    base_form_class = CoursePageForm

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def clean(self):
        super().clean()
        if self.cover_image_id and not self.cover_image_alt.strip():
            raise ValidationError(
                {"cover_image_alt": _("Describe the cover image for people who cannot see it.")}
            )
        unknown = set(self.sector_codes) - set(Sector.values)
        if unknown:
            raise ValidationError(
                {"sectors": _("Unknown sector: %(codes)s") % {"codes": ", ".join(sorted(unknown))}}
            )

    @property
    def sector_codes(self) -> list[str]:
        return [code for code in self.sectors.split(",") if code]

    @property
    def sector_labels(self) -> list[str]:
        labels = dict(Sector.choices)
        return [str(labels.get(code, code)) for code in self.sector_codes]

    def get_context(self, request, *args, **kwargs):
        from .selectors import course_overview_for

        context = super().get_context(request, *args, **kwargs)
        context.update(course_overview_for(course=self))
        return context

    def get_personal_context(self, request, markers, *args, **kwargs):
        from .selectors import course_progress_for

        return course_progress_for(course=self, user=request.user)


class Enrolment(models.Model):
    """A professional taking a course. Leaving keeps the record (and the progress) for a return."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Enrolled")
        LEFT = "left", _("Left")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="enrolments")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    enrolled_at = models.DateTimeField(auto_now_add=True)
    last_activity_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(
        null=True, blank=True, help_text=_("Recorded once, when every required item was done.")
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    # Set by the mail tasks before sending: each mail goes out once, whatever retries happen.
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    completion_mail_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="unique_enrolment")]
        indexes = [models.Index(fields=["course", "status"])]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")

    def __str__(self):
        return f"{self.user} – {self.course}"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


class ItemProgress(models.Model):
    """A professional's progress on one learning item (lesson or quiz) of a course."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="item_progress")
    item = models.ForeignKey("modules.LearningItemPage", on_delete=models.CASCADE, related_name="progress")
    # Denormalised so that progress per course is one aggregate without walking the page tree.
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="item_progress")
    started_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "item"], name="unique_item_progress")]
        indexes = [models.Index(fields=["user", "course"])]
        verbose_name = _("progress")
        verbose_name_plural = _("progress")

    def __str__(self):
        return f"{self.user} – {self.item_id}"


class JournalEntry(models.Model):
    """A professional's private answer to a reflection question in a lesson."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_entries"
    )
    lesson = models.ForeignKey("modules.LessonPage", on_delete=models.CASCADE, related_name="journal_entries")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="journal_entries")
    block_id = models.CharField(max_length=64)
    # The question as it was asked, so the journal still reads well after the trainer edits the lesson.
    question = models.TextField()
    answer = models.TextField(max_length=5000)
    updated_at = models.DateTimeField(auto_now=True)
    # The reflection asked for the trainer's feedback when it was answered (ReflectionBlock.trainer_feedback).
    feedback_requested = models.BooleanField(default=False)
    # Set when the answer or a reply waits for the trainer, cleared when the trainer responds: the queue.
    awaiting_feedback_since = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson", "block_id"], name="unique_journal_entry")
        ]
        ordering = ["course", "lesson__path"]
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")

    def __str__(self):
        return f"{self.user} – {self.question[:40]}"


class JournalMessage(models.Model):
    """One message in the short thread under a journal entry: the trainer's feedback or the reply to it."""

    entry = models.ForeignKey(JournalEntry, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    from_trainer = models.BooleanField(default=False)
    # Sanitised HTML (academy.sanitizer, FEEDBACK profile): paragraphs, lists, bold, italic, links.
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["entry", "created_at", "pk"]
        verbose_name = _("journal message")
        verbose_name_plural = _("journal messages")

    def __str__(self):
        return f"{self.entry_id} – {self.created_at:%Y-%m-%d}"


def new_certificate_code() -> str:
    import secrets

    return secrets.token_urlsafe(16)


def certificate_upload_to(instance, filename) -> str:
    """A random name: the public verification code must never lead to the file (see academy/storage.py)."""
    import uuid

    return f"certificates/{uuid.uuid4().hex}.pdf"


class Certificate(models.Model):
    """Proof that a professional completed a course. Its details are a snapshot taken at issue, so the
    public verification page shows what the PDF says even after the course is edited."""

    # Kept (revoked, anonymised) when the holder's account is erased, so its code still answers.
    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.SET_NULL, null=True, blank=True, related_name="certificate"
    )
    code = models.CharField(
        _("code"), max_length=40, unique=True, default=new_certificate_code, editable=False
    )
    holder_name = models.CharField(_("name"), max_length=300)
    course_title = models.CharField(_("course"), max_length=255)
    completed_at = models.DateTimeField(_("completed on"))
    success_factors = models.TextField(_("success factors covered"), blank=True)
    trainers = models.TextField(_("trainers"), blank=True)
    issued_at = models.DateTimeField(_("issued on"), auto_now_add=True)
    # In the private storage: only the holder and administrators download it, through a view.
    pdf = models.FileField(_("PDF"), upload_to=certificate_upload_to, storage=private_storage, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked on"), null=True, blank=True)
    revoke_reason = models.CharField(_("reason for revoking"), max_length=500, blank=True)

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self):
        return f"{self.course_title} – {self.holder_name}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("certificate_verify", args=[self.code])

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None
