"""The CMS speaks Dutch: every block a trainer picks in a lesson has a Dutch name."""

import pytest
from django.utils import translation

from handelingsrepertoire.models import InstrumentPage
from modules.models import LessonPage


def test_every_lesson_block_has_a_dutch_label_in_the_block_picker():
    with translation.override("nl"):
        labels = {
            name: str(block.label) for name, block in LessonPage.body.field.stream_block.child_blocks.items()
        }
    assert labels == {
        "heading": "Kop",
        "text": "Tekst",
        "image": "Afbeelding",
        "video": "Video",
        "callout": "Kader",
        "reflection": "Reflectievraag",
        "checklist": "Checklist",
        "quote": "Citaat",
        "download": "Download",
        "instrument": "Instrumentblad",
        "case": "Praktijkvoorbeeld",
    }


@pytest.mark.parametrize("field", ["steps", "tips", "pitfalls"])
def test_instrument_sheet_blocks_have_dutch_labels(field):
    with translation.override("nl"):
        labels = [
            str(block.label)
            for block in getattr(InstrumentPage, field).field.stream_block.child_blocks.values()
        ]
    assert labels and all(label in {"Stap", "Punt"} for label in labels)
