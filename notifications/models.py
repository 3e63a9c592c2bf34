"""What a professional is told in the site (`/mijn/meldingen/`) and, unless they turned it off, by e-mail.

The unread count in the header is `User.unread_notifications`, kept beside the user row that every request
loads anyway (accounts/backends.py), so showing it costs no query.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    FEEDBACK = "feedback", _("Feedback on a reflection")
    GRADE = "grade", _("A grade for a quiz")
    CASE_DECISION = "case_decision", _("A decision on a case you shared")
    INVITATION = "invitation", _("An invitation")
    FEEDBACK_ROUND = "feedback_round", _("A feedback round completed")
    REMINDER = "reminder", _("A reminder")


MESSAGES = {
    Kind.FEEDBACK: _("Your trainer responded to your reflection in “%(subject)s”."),
    Kind.GRADE: _("Your attempt at “%(subject)s” has been graded."),
    Kind.CASE_DECISION: _("The moderators decided on your case “%(subject)s”."),
    Kind.INVITATION: _("You are invited: %(subject)s."),
    Kind.FEEDBACK_ROUND: _("Your feedback round “%(subject)s” is complete: the report is ready."),
    Kind.REMINDER: _("A reminder: %(subject)s."),
}


class Notification(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # What it is about (a lesson, a quiz, a case): the sentence around it follows the kind, in the
    # language the professional reads the site in.
    subject = models.CharField(_("about"), max_length=300)
    url = models.CharField(_("link"), max_length=500, blank=True)
    # One notification per event: a retried task or a double click does not tell twice.
    event_key = models.CharField(max_length=200)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    mailed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "event_key"], name="unique_notification_event")
        ]
        indexes = [models.Index(fields=["user", "-created_at"])]
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self):
        return f"{self.user_id} – {self.kind}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    @property
    def message(self) -> str:
        return MESSAGES[self.kind] % {"subject": self.subject}


class MailOptOut(models.Model):
    """A kind of notification the professional does not want by e-mail (they still see it in the site)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mail_opt_outs")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="unique_mail_opt_out")]
        verbose_name = _("e-mail switched off")
        verbose_name_plural = _("e-mails switched off")

    def __str__(self):
        return f"{self.user_id} – {self.kind}"
