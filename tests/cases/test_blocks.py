import pytest

from cases.blocks import CaseBlock
from cases.factories import CasePageFactory

pytestmark = pytest.mark.django_db


def render(case, intro=""):
    block = CaseBlock()
    return block.render(block.to_python({"case": case.pk if case else None, "intro": intro}))


def test_a_live_case_renders_as_a_card_with_a_link(index):
    case = CasePageFactory(parent=index, title="Bouwteam voor een brug", summary="Geen enkele claim.")
    html = render(case, intro="Zo ziet vertrouwen eruit.")
    assert 'href="/praktijkvoorbeelden/bouwteam-voor-een-brug/"' in html
    assert "Bouwteam voor een brug" in html and "Geen enkele claim." in html
    assert "Zo ziet vertrouwen eruit." in html
    assert "Sociaal domein" in html


def test_an_unpublished_deleted_or_missing_case_renders_nothing(index):
    draft = CasePageFactory(parent=index, publish=False)
    assert render(draft).strip() == ""
    assert render(None).strip() == ""
    gone = CasePageFactory(parent=index)
    gone_pk = gone.pk
    gone.delete()
    value = CaseBlock().to_python({"case": gone_pk, "intro": "Verwijderd"})
    assert value.live_case is None
    assert CaseBlock().render(value).strip() == ""


def test_block_meta_and_preview(index):
    block = CaseBlock()
    assert block.meta.icon and block.meta.template == "cases/blocks/case_block.html"
    assert block.meta.description
    assert block.get_preview_value()["case"] is None  # no published case yet: the preview is empty
    case = CasePageFactory(parent=index)
    assert block.get_preview_value()["case"] == case
    assert block.get_preview_value()["intro"]


def test_intro_is_escaped(index):
    case = CasePageFactory(parent=index)
    html = render(case, intro="<script>alert(1)</script>")
    assert "<script>" not in html and "&lt;script&gt;" in html
