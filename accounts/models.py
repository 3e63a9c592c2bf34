import re

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    SOCIAL = "sociaal-domein", _("Social domain")
    CONSTRUCTION = "bouw-infra", _("Construction & infrastructure")
    ENERGY = "energie", _("Energy")
    MOBILITY = "mobiliteit", _("Mobility")
    GOVERNMENT = "overheid", _("Government")
    OTHER = "overig", _("Other")


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices, default=Sector.OTHER)
    is_platform_member = models.BooleanField(
        _("platform member"),
        default=False,
        help_text=_("Member organisations may share best-practice cases."),
    )
    email_domains = models.TextField(
        _("e-mail domains"),
        blank=True,
        help_text=_(
            "One domain per line, e.g. rivierstad.nl. Whoever confirms an e-mail address on one of these "
            "domains joins the organisation. Only domains the organisation itself owns, never a public mail "
            "service; a subdomain counts only when listed."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    @property
    def domain_list(self) -> list[str]:
        return domains_parse(self.email_domains)

    def clean(self):
        domains = self.domain_list
        errors = []
        for domain in domains:
            if not DOMAIN_RE.fullmatch(domain):
                errors.append(_("“%(domain)s” is not a domain name.") % {"domain": domain})
            elif domain in PUBLIC_MAIL_DOMAINS:
                errors.append(
                    _("“%(domain)s” is a public mail service: anyone can have an address there.")
                    % {"domain": domain}
                )
        # A domain leads to one organisation; otherwise a confirmed address could not say which one.
        others = Organisation.objects.exclude(pk=self.pk).exclude(email_domains="")
        for other in others:
            for domain in set(domains) & set(other.domain_list):
                errors.append(
                    _("“%(domain)s” is already a domain of %(organisation)s.")
                    % {"domain": domain, "organisation": other.name}
                )
        if errors:
            raise ValidationError({"email_domains": errors})
        self.email_domains = "\n".join(domains)


DOMAIN_RE = re.compile(
    r"(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})"
)

# Addresses anyone can create: such a domain must never make someone a member.
PUBLIC_MAIL_DOMAINS = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.nl",
        "outlook.com",
        "outlook.nl",
        "live.com",
        "live.nl",
        "msn.com",
        "yahoo.com",
        "yahoo.nl",
        "ymail.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "proton.me",
        "protonmail.com",
        "pm.me",
        "gmx.com",
        "gmx.net",
        "gmx.de",
        "aol.com",
        "mail.com",
        "zoho.com",
        "tutanota.com",
        "ziggo.nl",
        "kpnmail.nl",
        "kpnplanet.nl",
        "planet.nl",
        "home.nl",
        "xs4all.nl",
        "hetnet.nl",
        "casema.nl",
        "chello.nl",
        "upcmail.nl",
        "online.nl",
        "quicknet.nl",
        "telfort.nl",
        "tele2.nl",
        "example.com",
        "example.org",
        "example.net",
    ]
)


def domains_parse(text: str) -> list[str]:
    """The domains as typed, one per line (commas and spaces also separate), lower case, without "@"."""
    seen = []
    for part in re.split(r"[\s,;]+", text or ""):
        domain = part.strip().lstrip("@").rstrip(".").lower()
        if domain and domain not in seen:
            seen.append(domain)
    return seen


def email_domain(email: str) -> str:
    return email.rpartition("@")[2].strip().rstrip(".").lower()


class EmailUserManager(UserManager):
    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person on the platform, identified by e-mail address, member of at most one organisation."""

    class Role(models.TextChoices):
        PROFESSIONAL = "professional", _("Professional")
        COORDINATOR = "coordinator", _("Coordinator")

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )
    organisation_role = models.CharField(
        _("role in the organisation"), max_length=20, choices=Role.choices, default=Role.PROFESSIONAL
    )
    preferred_language = models.CharField(
        _("language"), max_length=5, choices=[("nl", "Nederlands"), ("en", "English")], default="nl"
    )
    reminders_enabled = models.BooleanField(_("receive reminder e-mails"), default=True)
    # Kept by notifications.services beside the row every request loads, so the header's count costs no query.
    unread_notifications = models.PositiveIntegerField(_("unread notifications"), default=0, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = EmailUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.email.split("@")[0]


class MembershipRequest(models.Model):
    """A professional asks to join an organisation; its coordinator approves or rejects. Withdrawn and
    superseded requests are deleted; decided ones stay, so a decision is not asked for twice."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the coordinator")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="membership_requests"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="membership_requests",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        User, verbose_name=_("decided by"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decision_mail_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("membership request")
        verbose_name_plural = _("membership requests")
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(status="pending"), name="one_pending_membership_request"
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.organisation}"


class MembershipInvitation(models.Model):
    """A coordinator's invitation to an e-mail address; the link in the mail works once, for an account
    that has confirmed that address."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail address"))
    invited_by = models.ForeignKey(
        User, verbose_name=_("invited by"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("invited at"), default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        User,
        verbose_name=_("accepted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("membership invitation")
        verbose_name_plural = _("membership invitations")
        indexes = [models.Index(fields=["organisation", "accepted_at"])]

    def __str__(self):
        return f"{self.email} → {self.organisation}"
