import pytest
from wagtail import blocks as wagtail_blocks

from handelingsrepertoire.blocks import InstrumentBlock, SheetItemBlock, StepBlock

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("block_class", [InstrumentBlock, StepBlock, SheetItemBlock])
def test_every_block_describes_itself_for_the_editor(block_class):
    block = block_class()
    assert block.meta.icon and block.meta.template and block.meta.description
    assert block.meta.preview_value
    block.render(block.get_preview_value())  # the preview renders, also without a chosen instrument


def render(instrument):
    block = InstrumentBlock()
    return block.render(
        block.to_python({"instrument": instrument.pk if instrument else None, "intro": "Lees dit."})
    )


def test_the_lesson_card_shows_title_summary_and_the_pdf_download(instrument):
    html = render(instrument)
    assert instrument.title in html and instrument.summary in html and "Lees dit." in html
    assert f'href="{instrument.url}pdf/"' in html
    assert "Download de pdf" in html


def test_the_lesson_card_of_an_unpublished_instrument_shows_nothing(instrument):
    instrument.unpublish()
    instrument.refresh_from_db()
    assert render(instrument).strip() == ""


def test_without_an_instrument_the_editor_sees_a_placeholder():
    assert "Er is nog geen instrument gekozen." in render(None)


def test_the_block_can_sit_in_any_stream_field(instrument):
    stream = wagtail_blocks.StreamBlock([("instrument", InstrumentBlock())])
    value = stream.to_python([{"type": "instrument", "value": {"instrument": instrument.pk, "intro": ""}}])
    assert instrument.title in stream.render(value)
