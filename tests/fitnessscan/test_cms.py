"""Trainers edit the scan in the CMS: statements and advice inline on the page."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from accounts.factories import UserFactory
from fitnessscan.factories import completed_response_create
from fitnessscan.models import FactorAdvice, ScanStatement


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def form_data(page, *, statement_changes=None, extra_advice=()):
    statement_changes = statement_changes or {}
    statements = []
    for statement in ScanStatement.objects.filter(page=page).order_by("sort_order"):
        statements.append(
            {
                "id": statement.pk,
                "factor": statement.factor_id,
                "text": statement_changes.get(statement.pk, statement.text),
                "reverse_scored": "on" if statement.reverse_scored else "",
            }
        )
    advice = [
        {"id": item.pk, "factor": item.factor_id, "band": item.band, "text": rich_text(item.text)}
        for item in FactorAdvice.objects.filter(page=page).order_by("sort_order")
    ] + [
        {"factor": factor_id, "band": band, "text": rich_text("<p>Nog een advies</p>")}
        for factor_id, band in extra_advice
    ]
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": rich_text("<p>Doe de scan.</p>"),
            "statements": inline_formset(statements, initial=len(statements)),
            "advice": inline_formset(advice, initial=len(advice) - len(extra_advice)),
            "action-publish": "publish",
        }
    )


def test_the_editor_shows_statements_and_advice(admin_client, scan_page):
    response = admin_client.get(edit_url(scan_page))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Stelling 1 over Gezamenlijke ambitie" in body
    assert "Advies laag voor Gezamenlijke ambitie" in body


def test_editing_a_statement_keeps_its_identity_and_old_results(admin_client, scan_page, professional):
    result = completed_response_create(page=scan_page, user=professional)
    statement = ScanStatement.objects.filter(page=scan_page).order_by("sort_order").first()
    response = admin_client.post(
        edit_url(scan_page),
        form_data(scan_page, statement_changes={statement.pk: "Een herschreven stelling"}),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    edited = ScanStatement.objects.get(key=statement.key)
    assert edited.text == "Een herschreven stelling"
    answer = result.answers.get(statement_key=statement.key)
    assert answer.statement_text == statement.text  # the result keeps what was asked


def test_two_pieces_of_advice_for_the_same_factor_and_band_are_refused(admin_client, scan_page, factors):
    before = FactorAdvice.objects.count()
    response = admin_client.post(
        edit_url(scan_page), form_data(scan_page, extra_advice=[(factors[1].pk, "laag")])
    )
    assert response.status_code == 200
    assert "Er is al advies voor deze succesfactor en deze scoreband." in response.content.decode()
    assert FactorAdvice.objects.count() == before
