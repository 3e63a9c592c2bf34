"""Blocks of an instrument sheet (its steps, tips and pitfalls) and the lesson block that shows a sheet."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Step"), max_length=80, help_text=_("A few words, e.g. 'Open the talk'.")
    )
    text = blocks.TextBlock(label=_("Explanation"), max_length=400, required=False, rows=2)

    class Meta:
        label = _("Step")
        icon = "list-ol"
        template = "handelingsrepertoire/blocks/step_block.html"
        label = _("Step")
        description = _("One step of the method: a short title and what you do.")
        preview_value = {
            "title": "Benoem het verschil",
            "text": "Beschrijf in één zin hoe elke partner de afspraak uitlegt, zonder oordeel.",
        }


class SheetItemBlock(blocks.CharBlock):
    """One line of a list on the sheet: a tip or a pitfall."""

    def __init__(self, **kwargs):
        super().__init__(max_length=250, **kwargs)

    class Meta:
        label = _("Item")
        icon = "list-ul"
        template = "handelingsrepertoire/blocks/sheet_item_block.html"
        label = _("Item")
        description = _("One short point, one or two lines on the sheet.")
        preview_value = "Spreek af wie het gesprek opent, voordat je begint."


class InstrumentValue(blocks.StructValue):
    @property
    def available_instrument(self):
        """The chosen sheet, or None when it is missing or not published (a lesson must not link to a 404)."""
        instrument = self.get("instrument")
        return instrument if instrument is not None and instrument.live else None


class InstrumentBlock(blocks.StructBlock):
    """A card of an instrument sheet inside a lesson, with its summary and the PDF download."""

    instrument = blocks.PageChooserBlock(
        label=_("Instrument"), page_type="handelingsrepertoire.InstrumentPage"
    )
    intro = blocks.CharBlock(
        label=_("Introduction"),
        required=False,
        max_length=300,
        help_text=_("Optional: why this instrument matters at this point of the lesson."),
    )

    class Meta:
        label = _("Instrument sheet")
        icon = "clipboard-list"
        template = "handelingsrepertoire/blocks/instrument_block.html"
        value_class = InstrumentValue
        description = _("A card of an instrument sheet with its summary and a link to download the PDF.")
        preview_value = {"intro": "Gebruik dit instrument in het eerste overleg van je samenwerking."}
