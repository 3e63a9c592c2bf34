"""The block that puts a best-practice case in a lesson (used by the modules app's lesson body)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class CaseBlockValue(blocks.StructValue):
    @property
    def live_case(self):
        """The chosen case if it is published; a deleted or unpublished case shows nothing."""
        case = self.get("case")
        return case if case is not None and case.live else None


class CaseBlock(blocks.StructBlock):
    case = blocks.PageChooserBlock(label=_("Case"), page_type="cases.CasePage")
    intro = blocks.TextBlock(
        label=_("Introduction"),
        required=False,
        max_length=400,
        help_text=_("Optional: why this case matters for the lesson."),
    )

    class Meta:
        label = _("Best-practice case")
        icon = "doc-full-inverse"
        template = "cases/blocks/case_block.html"
        description = _("A best-practice case shared by a member organisation, shown as a card with a link.")
        value_class = CaseBlockValue
        preview_value = {"intro": "Hoe een gemeente en drie zorgaanbieders het vertrouwen terugwonnen."}

    def get_preview_value(self):
        # A real published case makes the preview meaningful; without one the block renders nothing.
        from .models import CasePage

        case = CasePage.objects.live().order_by("-first_published_at").first()
        return self.normalize({**self.meta.preview_value, "case": case})
