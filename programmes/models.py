"""Leergangen: programmes of existing courses, the groups a trainer runs through them, and their meetings.

A programme is a page (the public description); a group is data a trainer manages in the CMS. Progress is
never stored here: a member's progress is their progress in each course, wherever the course appears.
"""

import secrets
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from academy.pages import ShellPage


class ProgrammeIndexPage(ShellPage, Page):
    """The list of programmes (/leergangen/)."""

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["programmes.ProgrammePage"]
    max_count = 1
    template = "programmes/programme_index_page.html"

    class Meta:
        verbose_name = _("programme index")

    def get_context(self, request, *args, **kwargs):
        from .selectors import programmes_for_index

        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = programmes_for_index(index=self)
        return context


class ProgrammePage(ShellPage, Page):
    """A leergang: an ordered set of existing courses that a trainer runs with a group."""

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link", "ul"])
    audience = models.CharField(_("audience"), max_length=300)
    duration = models.CharField(_("duration"), max_length=100, help_text=_("For example: four months."))
    success_factors = ParentalManyToManyField(
        "successfactors.SuccessFactor",
        verbose_name=_("success factors"),
        blank=True,
        related_name="programmes",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("audience"), FieldPanel("duration")], heading=_("For whom")),
        FieldPanel("success_factors", widget=forms.CheckboxSelectMultiple),
        InlinePanel("programme_courses", label=_("Courses"), min_num=1),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("audience")]
    parent_page_types = ["programmes.ProgrammeIndexPage"]
    subpage_types: list[str] = []
    template = "programmes/programme_page.html"

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def get_context(self, request, *args, **kwargs):
        from .selectors import programme_overview_for

        context = super().get_context(request, *args, **kwargs)
        context.update(programme_overview_for(programme=self))
        return context


class ProgrammeCourse(Orderable):
    programme = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="programme_courses")
    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("course"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("course")]

    class Meta(Orderable.Meta):
        verbose_name = _("course of the programme")
        constraints = [
            models.UniqueConstraint(fields=["programme", "course"], name="unique_programme_course")
        ]


class LearningGroup(ClusterableModel):
    """A leergroep: professionals a trainer runs through a programme (or one course) between two dates."""

    name = models.CharField(_("name"), max_length=200)
    programme = models.ForeignKey(
        ProgrammePage,
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="groups",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("single course"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="learning_groups",
        help_text=_("Instead of a programme: a group for one course."),
    )
    trainers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainers"),
        related_name="trained_groups",
        limit_choices_to={"groups__name": "Trainers"},
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("members"),
        through="GroupMembership",
        related_name="learning_groups",
        blank=True,
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty: no limit.")
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel([FieldPanel("programme"), FieldPanel("course")], heading=_("What the group follows")),
        FieldPanel("trainers", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("capacity")]),
        InlinePanel("deadlines", label=_("Deadlines")),
        InlinePanel("meetings", label=_("Meetings")),
    ]

    class Meta:
        ordering = ["-start_date", "name"]
        verbose_name = _("learning group")
        verbose_name_plural = _("learning groups")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if bool(self.programme_id) == bool(self.course_id):
            raise ValidationError(_("Choose either a programme or a single course."))
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date lies before the start date.")})


class GroupMembership(models.Model):
    group = models.ForeignKey(LearningGroup, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships"
    )
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group", "user"], name="unique_group_membership")]
        verbose_name = _("group membership")

    def __str__(self):
        return f"{self.user} – {self.group}"


class GroupDeadline(Orderable):
    """A course to finish by the end of a week counted from the group's start (week 1 is the first week)."""

    group = ParentalKey(LearningGroup, on_delete=models.CASCADE, related_name="deadlines")
    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("course"), on_delete=models.CASCADE, related_name="+"
    )
    week = models.PositiveSmallIntegerField(
        _("week"), help_text=_("Finished by the end of this week of the group.")
    )

    panels = [FieldRowPanel([FieldPanel("course"), FieldPanel("week")])]

    class Meta(Orderable.Meta):
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")

    def due_date_for(self, start_date):
        return start_date + timedelta(days=7 * self.week - 1)


class Meeting(Orderable):
    """A live meeting of a group: on location, online, or both."""

    group = ParentalKey(LearningGroup, on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=120)
    location = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    description = models.TextField(_("description"), blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty: no limit.")
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("duration_minutes"), FieldPanel("capacity")]),
        FieldRowPanel([FieldPanel("location"), FieldPanel("online_url")]),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        ordering = ["starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self):
        return self.title

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes)


class MeetingRegistration(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_registrations"
    )
    registered_at = models.DateTimeField(auto_now_add=True)
    # Recorded by the trainer afterwards; None until then.
    attended = models.BooleanField(_("attended"), null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="unique_meeting_registration")
        ]
        verbose_name = _("registration")

    def __str__(self):
        return f"{self.user} – {self.meeting}"


class Announcement(models.Model):
    group = models.ForeignKey(LearningGroup, on_delete=models.CASCADE, related_name="announcements")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("announcement")

    def __str__(self):
        return self.title


class GroupInvitation(models.Model):
    """An address invited to a group in a bulk enrolment that has no account yet: it joins the group when
    the address is confirmed after sign-up."""

    group = models.ForeignKey(LearningGroup, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group", "email"], name="unique_group_invitation")]

    def __str__(self):
        return f"{self.email} → {self.group}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """The secret address of a professional's calendar feed; regenerating it makes the old one a 404."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)

    def __str__(self):
        return str(self.user)
