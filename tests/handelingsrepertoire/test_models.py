import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from handelingsrepertoire.models import InstrumentIndexPage, InstrumentPage

pytestmark = pytest.mark.django_db

LONG_STEP = (
    "Bespreek met alle partners uitgebreid wat er in de afgelopen periode is gebeurd, wie daarbij betrokken "
    "was, welke afspraken er golden en hoe ieder die afspraken heeft uitgelegd in de eigen organisatie. "
    "Schrijf de verschillen op een flap, vraag door op voorbeelden en laat iedereen aan het woord, ook de "
    "mensen die in het overleg meestal stil zijn; zij zien vaak wat anderen missen."
)
LONG_TEXT = "Een uitgebreide toelichting die de trainer later nog wil inkorten, met veel bijzinnen. " * 5


def test_page_type_rules():
    assert InstrumentIndexPage.allowed_subpage_models() == [InstrumentPage]
    assert InstrumentPage.allowed_parent_page_models() == [InstrumentIndexPage]
    assert InstrumentPage.allowed_subpage_models() == []


def test_a_sheet_that_fits_on_one_a4_is_saved(instrument):
    assert instrument.live
    instrument.full_clean()


def test_a_sheet_too_long_for_one_a4_is_refused_with_the_field_and_how_much(instrument):
    instrument.steps = [
        {"type": "step", "value": {"title": f"Stap {n}", "text": LONG_STEP}} for n in range(8)
    ]
    instrument.purpose = instrument.when_to_use = LONG_TEXT
    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        instrument.full_clean()
    assert "te lang voor één A4" in refused.value.message_dict["steps"][0]
    message = refused.value.message_dict["__all__"][0]
    assert "te lang voor één A4" in message
    assert "'Werkwijze'" in message
    percent = int(message.split("ongeveer ")[1].split("%")[0])
    assert 10 <= percent <= 150


def test_the_field_named_is_the_one_that_takes_the_most_room(instrument):
    instrument.purpose = LONG_STEP * 8
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        instrument.full_clean()
    assert set(refused.value.message_dict) == {"__all__", "purpose"}
    assert "too long for one A4 page; shorten 'Purpose'" in refused.value.message_dict["__all__"][0]


def edit_form(page, factor, *, steps, purpose=None):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "purpose": purpose or page.purpose,
            "when_to_use": purpose or page.when_to_use,
            "participants": page.participants,
            "time_needed": page.time_needed,
            "steps": streamfield(
                [("step", {"title": f"Stap {n}", "text": text}) for n, text in enumerate(steps)]
            ),
            "tips": streamfield([("tip", "Begin op tijd.")]),
            "pitfalls": streamfield([]),
            "world": page.world,
            "phase": page.phase,
            "related_instruments": inline_formset([]),
            "case_links": inline_formset([]),
        }
    )
    data["success_factors"] = [factor.pk]
    return data


def test_trainer_who_makes_a_sheet_too_long_is_told_so_in_the_admin_and_fixes_it(
    instrument, factors, trainer_client
):
    url = f"/admin/pages/{instrument.pk}/edit/"
    revisions = instrument.revisions.count()

    response = trainer_client.post(
        url, edit_form(instrument, factors[2], steps=[LONG_STEP] * 8, purpose=LONG_TEXT)
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "te lang voor één A4" in html or "too long for one A4" in html
    assert LONG_STEP.strip()[:60] in html  # what the trainer typed is still there
    assert instrument.revisions.count() == revisions

    response = trainer_client.post(url, edit_form(instrument, factors[2], steps=["Kort en krachtig."] * 4))
    assert response.status_code == 302
    assert instrument.revisions.count() == revisions + 1


def test_the_editor_shows_downloads_and_the_pdf_state(client, instrument, index, trainer_client):
    client.get(instrument.url + "pdf/")
    html = trainer_client.get(f"/admin/pages/{instrument.pk}/edit/").content.decode()
    assert "De pdf is 1 keer gedownload." in html
    assert "Pdf van de gepubliceerde versie gemaakt op" in html
    add = trainer_client.get(f"/admin/pages/add/handelingsrepertoire/instrumentpage/{index.pk}/")
    assert add.status_code == 200
    assert "Downloads worden geteld zodra het instrument gepubliceerd is." in add.content.decode()


def test_the_trainer_previews_the_unsaved_edit_as_a_pdf_in_the_admin(instrument, factors, trainer_client):
    url = f"/admin/pages/{instrument.pk}/edit/preview/"
    form = edit_form(instrument, factors[2], steps=["Een nieuwe eerste stap."] * 3)
    assert trainer_client.post(url, form).json()["is_valid"] is True
    response = trainer_client.get(url, {"mode": "pdf"})
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
