"""The content blocks of a lesson. Each brings its icon, template, description and preview value."""

from urllib.parse import urlparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from cases.blocks import CaseBlock
from handelingsrepertoire.blocks import InstrumentBlock

LESSON_RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"), choices=[("h2", _("Section")), ("h3", _("Subsection"))], default="h2"
    )

    class Meta:
        label = _("Heading")
        icon = "title"
        template = "modules/blocks/heading_block.html"
        description = _("A heading that structures the lesson.")
        preview_value = {"text": "Waarom startcondities ertoe doen", "level": "h2"}


class TextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=LESSON_RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        label = _("Text")
        icon = "pilcrow"
        template = "modules/blocks/text_block.html"
        description = _("Running text with a limited set of formatting.")
        preview_value = (
            "<p>Een samenwerking begint niet bij het contract, maar bij de afspraken over <b>hoe</b> je "
            "met elkaar omgaat.</p>"
        )


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        label = _("Image")
        icon = "image"
        template = "modules/blocks/figure_block.html"
        description = _("An image with a required alternative text and an optional caption.")
        preview_value = {"alt_text": "Twee overlappende cirkels: de blauwe en de oranje wereld"}


class VideoBlock(blocks.StructBlock):
    """A video as an uploaded file or a link. No oEmbed: the server has no outside network."""

    title = blocks.CharBlock(label=_("Title"), max_length=150)
    file = DocumentChooserBlock(label=_("Video file"), required=False, help_text=_("An MP4 or WebM file."))
    url = blocks.URLBlock(label=_("Video address"), required=False, help_text=_("Shown as a link."))
    transcript = blocks.TextBlock(label=_("Transcript"), help_text=_("Required: the full text of the video."))

    class Meta:
        label = _("Video")
        icon = "media"
        template = "modules/blocks/video_block.html"
        description = _("A video (uploaded file or address) with its transcript.")
        preview_value = {
            "title": "Interview met een ketenregisseur",
            "url": "https://video.example.org/ketenregisseur",
            "transcript": "We spraken in de eerste week af hoe we elkaar zouden aanspreken als het schuurt.",
        }

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value.get("file") and not value.get("url"):
            errors["file"] = ValidationError(_("Choose a video file or give a video address."))
        if value.get("url") and urlparse(value["url"]).scheme not in {"http", "https"}:
            errors["url"] = ValidationError(_("Use an address that starts with http:// or https://."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


CALLOUT_KINDS = [
    ("blauw", _("Blue world")),
    ("oranje", _("Orange world")),
    ("tip", _("Tip")),
    ("letop", _("Watch out")),
]


class CalloutValue(blocks.StructValue):
    @property
    def label(self) -> str:
        """The callout's own title, or the name of its kind."""
        return self.get("title") or str(dict(CALLOUT_KINDS).get(self.get("kind"), ""))


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(label=_("Kind"), choices=CALLOUT_KINDS, default="tip")
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        label = _("Callout")
        icon = "help"
        template = "modules/blocks/callout_block.html"
        value_class = CalloutValue
        description = _("A highlighted box: blue world, orange world, a tip or a warning.")
        preview_value = {
            "kind": "oranje",
            "title": "Oranje wereld",
            "text": "<p>Vertrouwen zit in mensen, niet in organisaties.</p>",
        }


class ReflectionBlock(blocks.StructBlock):
    """A question the professional answers in writing; the answer goes to their private journal."""

    question = blocks.TextBlock(label=_("Question"), max_length=500)
    hint = blocks.CharBlock(label=_("Hint"), required=False, max_length=250)
    trainer_feedback = blocks.BooleanBlock(
        label=_("The trainer gives feedback"),
        required=False,
        default=False,
        help_text=_(
            "The trainers of the course read the answers and respond; the lesson tells the professional "
            "before they write. Off: the answer stays private."
        ),
    )

    class Meta:
        label = _("Reflection question")
        icon = "comment"
        template = "modules/blocks/reflection_block.html"
        description = _(
            "A reflection question; each professional's answer is saved privately in their journal."
        )
        preview_value = {
            "question": "Welke ongeschreven regel bepaalt nu hoe jullie overleggen verlopen?",
            "hint": "Denk aan de laatste keer dat een afspraak anders werd uitgelegd.",
        }


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    items = blocks.ListBlock(blocks.CharBlock(label=_("Item"), max_length=250), label=_("Items"), min_num=1)

    class Meta:
        label = _("Checklist")
        icon = "list-ul"
        template = "modules/blocks/checklist_block.html"
        description = _("A short checklist the professional can use in practice.")
        preview_value = {
            "title": "Voor je eerste overleg",
            "items": ["Ambitie in één zin", "Afspraken over besluitvorming", "Wie is aanspreekpunt"],
        }


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"), max_length=600)
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=150)

    class Meta:
        label = _("Quote")
        icon = "openquote"
        template = "modules/blocks/quote_block.html"
        description = _("A quote from practice.")
        preview_value = {
            "text": "Het contract was prima. We hadden alleen nooit afgesproken hoe we ruzie maken.",
            "attribution": "Projectleider, bouwcombinatie",
        }


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=250)

    class Meta:
        label = _("Download")
        icon = "doc-full"
        template = "modules/blocks/download_block.html"
        description = _("A downloadable document, e.g. a template or a worksheet.")
        preview_value = {"description": "Werkblad om zelf in te vullen"}


def lesson_blocks() -> list[tuple[str, blocks.Block]]:
    return [
        ("heading", HeadingBlock()),
        ("text", TextBlock()),
        ("image", FigureBlock()),
        ("video", VideoBlock()),
        ("callout", CalloutBlock()),
        ("reflection", ReflectionBlock()),
        ("checklist", ChecklistBlock()),
        ("quote", QuoteBlock()),
        ("download", DownloadBlock()),
        ("instrument", InstrumentBlock()),
        ("case", CaseBlock()),
    ]
