import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from accounts.factories import UserFactory
from fitnessscan.factories import completed_response_create, step_post_data
from fitnessscan.models import ScanResponse

URL = "/fitnessscan/"


def test_a_step_submit_has_a_bounded_number_of_queries(client, scan_page, steps, professional, organisation):
    client.force_login(professional)
    # Warm up: the first requests create the site's settings row and fill the routing cache.
    client.post(f"{URL}stap/1/", step_post_data(steps[0]))
    client.post(f"{URL}stap/2/", step_post_data(steps[1]))
    counts = []
    for earlier_results in (1, 12):
        for _ in range(earlier_results):
            completed_response_create(page=scan_page, user=professional)
            completed_response_create(page=scan_page, user=UserFactory(organisation=organisation))
        ScanResponse.objects.filter(user=professional, completed_at__isnull=True).delete()
        client.post(f"{URL}stap/1/", step_post_data(steps[0]))  # starts the scan
        with CaptureQueriesContext(connection) as queries:
            response = client.post(f"{URL}stap/2/", step_post_data(steps[1]))
        assert response.status_code == 302
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[0] <= 15


def test_the_last_step_completes_with_a_bounded_number_of_queries(client, scan_page, steps, professional):
    client.force_login(professional)
    for step in steps[:7]:
        client.post(f"{URL}stap/{step.number}/", step_post_data(step))
    with CaptureQueriesContext(connection) as queries:
        response = client.post(f"{URL}stap/8/", step_post_data(steps[7]))
    assert response.status_code == 302 and "/resultaat/" in response["Location"]
    assert len(queries) <= 20


def test_result_page_queries_do_not_grow_with_history(client, scan_page, professional):
    client.force_login(professional)
    client.get(URL)
    counts = []
    for earlier in (2, 10):  # from the second result on, there is a previous one to compare with
        for _ in range(earlier):
            completed_response_create(page=scan_page, user=professional)
        latest = ScanResponse.objects.filter(user=professional).order_by("-completed_at").first()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"{URL}resultaat/{latest.pk}/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_report_is_a_one_page_pdf_with_the_chart(client, scan_page, professional):
    completed_response_create(page=scan_page, user=professional, value=2)
    result = completed_response_create(page=scan_page, user=professional, value=4)
    client.force_login(professional)
    response = client.get(f"{URL}resultaat/{result.pk}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('inline; filename="fitnessscan-')
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Gezamenlijke ambitie" in text
    assert "Advies" in text  # the advice for the weakest factors
    assert "100" in text  # the chart's scale (the SVG is drawn into the PDF)


def test_the_report_stays_one_page_with_long_advice(client, scan_page, professional):
    from fitnessscan.models import FactorAdvice

    FactorAdvice.objects.update(
        text="<p>" + "Bespreek samen wat jullie bedoelden met de afspraak. " * 40 + "</p>"
    )
    result = completed_response_create(page=scan_page, user=professional, value=1)
    client.force_login(professional)
    response = client.get(f"{URL}resultaat/{result.pk}/pdf/")
    assert len(PdfReader(io.BytesIO(response.content)).pages) == 1
