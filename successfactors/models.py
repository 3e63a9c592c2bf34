from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class World(models.TextChoices):
    """The two worlds of a collaboration: blue (rational, makeable) and orange (social)."""

    BLUE = "blauw", _("Blue world")
    ORANGE = "oranje", _("Orange world")
    BOTH = "beide", _("Both worlds")


class SuccessFactor(index.Indexed, models.Model):
    """One of the method's critical success factors; courses, lessons, instruments, cases and the
    FitnessScan are tagged with these."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("short description"), max_length=600)
    world = models.CharField(_("world"), max_length=10, choices=World.choices, default=World.BOTH)

    panels = [
        FieldPanel("number"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("world"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("description")]

    class Meta:
        ordering = ["number"]
        verbose_name = _("success factor")
        verbose_name_plural = _("success factors")

    def __str__(self):
        return f"{self.number}. {self.name}"
