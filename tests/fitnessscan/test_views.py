import re
import uuid

import pytest

from accounts.factories import UserFactory
from fitnessscan.factories import completed_response_create, step_post_data
from fitnessscan.models import ScanAnswer, ScanResponse

URL = "/fitnessscan/"


def step_url(number):
    return f"{URL}stap/{number}/"


def take_steps(client, steps, upto, value="4"):
    for step in steps[:upto]:
        response = client.post(step_url(step.number), step_post_data(step, value))
        assert response.status_code == 302, response.content.decode()[:500]
    return response


def test_start_page_explains_and_starts(client, scan_page):
    response = client.get(URL)
    assert response.status_code == 200
    assert 'href="/fitnessscan/stap/1/"' in response.content.decode()


def test_a_step_shows_its_statements_with_the_scale_and_progress(client, steps):
    response = client.get(step_url(2))
    # Step 2 opens only after step 1.
    assert response.status_code == 302 and response["Location"] == step_url(1)
    page = client.get(step_url(1)).content.decode()
    for statement in steps[0].statements:
        assert statement.text in page
    assert page.count('type="radio"') == 2 * 6
    assert "Weet ik niet" in page and "Helemaal oneens" in page
    assert 'role="progressbar"' in page and 'aria-current="step"' in page


def test_anonymous_visitor_takes_the_scan_and_sees_the_result(client, steps):
    take_steps(client, steps, 7)
    last = client.post(step_url(8), step_post_data(steps[7], "5"))
    response = ScanResponse.objects.get()
    assert response.user is None and response.completed_at is not None
    assert last["Location"] == f"{URL}resultaat/{response.pk}/"
    result = client.get(last["Location"])
    assert result.status_code == 200
    body = result.content.decode()
    assert 'role="img"' in body and "<table" in body
    assert "Dit resultaat staat alleen in deze browser" in body  # offered to save it
    assert result["Cache-Control"].startswith("max-age=0") or "no-cache" in result["Cache-Control"]


def test_leaving_and_coming_back_resumes_where_you_were(client, steps, professional):
    client.force_login(professional)
    take_steps(client, steps, 3)
    start = client.get(URL).content.decode()
    assert 'href="/fitnessscan/stap/4/"' in start
    # The answers given are shown again on an earlier step.
    step_one = client.get(step_url(1)).content.decode()
    assert step_one.count("checked") == 2
    assert ScanResponse.objects.filter(user=professional, completed_at__isnull=True).count() == 1
    assert ScanAnswer.objects.count() == 6


def test_anonymous_answers_follow_the_session(client, steps):
    take_steps(client, steps, 2)
    assert 'href="/fitnessscan/stap/3/"' in client.get(URL).content.decode()
    other_browser = client.__class__()
    assert 'href="/fitnessscan/stap/1/"' in other_browser.get(URL).content.decode()


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        ("off_scale", "Kies een van de antwoorden op de schaal."),
        ("missing", "Kies een antwoord, of “Weet ik niet”."),
        ("foreign", "een stelling die niet bij deze stap hoort"),
    ],
)
def test_bad_input_comes_back_with_answers_kept_and_a_message(client, steps, professional, tamper, message):
    client.force_login(professional)
    first, second = steps[0].statements
    data = {f"s-{first.key}": "2"}
    if tamper == "off_scale":
        data[f"s-{second.key}"] = "7"
    elif tamper == "foreign":
        data[f"s-{second.key}"] = "3"
        data[f"s-{steps[4].statements[0].key}"] = "5"
    response = client.post(step_url(1), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert 'role="alert"' in body
    assert re.search(rf'<input[^>]*name="s-{first.key}" value="2"[^>]*checked', body)  # kept
    assert not re.search(rf'<input[^>]*name="s-{first.key}" value="[^2]"[^>]*checked', body)
    assert not ScanAnswer.objects.exists()


def test_going_back_keeps_what_was_answered(client, steps, professional):
    client.force_login(professional)
    take_steps(client, steps, 1)
    first = steps[1].statements[0]
    response = client.post(step_url(2), {f"s-{first.key}": "1", "previous": "1"})
    assert response["Location"] == step_url(1)
    assert ScanAnswer.objects.get(statement_key=first.key).value == 1


def test_htmx_gets_the_next_step_as_a_partial(client, steps, professional):
    client.force_login(professional)
    response = client.post(step_url(1), step_post_data(steps[0]), headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response["HX-Push-Url"] == step_url(2)
    assert "HX-Request" in response["Vary"]
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="scan-step"')
    assert "<html" not in body and steps[1].statements[0].text in body
    # A boosted request or a plain one gets the whole page.
    assert (
        "<html"
        in client.get(step_url(2), headers={"HX-Request": "true", "HX-Boosted": "true"}).content.decode()
    )
    assert "<html" in client.get(step_url(2)).content.decode()


def test_htmx_last_step_redirects_the_browser_to_the_result(client, steps, professional):
    client.force_login(professional)
    take_steps(client, steps, 7)
    response = client.post(step_url(8), step_post_data(steps[7]), headers={"HX-Request": "true"})
    result = ScanResponse.objects.get(user=professional)
    assert response["HX-Redirect"] == f"{URL}resultaat/{result.pk}/"


def test_steps_out_of_range_are_404(client, steps):
    assert client.get(step_url(9)).status_code == 404
    assert client.get(step_url(0)).status_code == 404


def test_another_users_result_is_404(client, scan_page, professional):
    others = completed_response_create(page=scan_page, user=UserFactory())
    client.force_login(professional)
    assert client.get(f"{URL}resultaat/{others.pk}/").status_code == 404
    assert client.get(f"{URL}resultaat/{others.pk}/pdf/").status_code == 404
    assert client.get(f"{URL}resultaat/{uuid.uuid4()}/").status_code == 404


def test_an_anonymous_result_is_only_visible_in_its_own_session(client, steps):
    take_steps(client, steps, 8)
    result = ScanResponse.objects.get()
    assert client.get(f"{URL}resultaat/{result.pk}/").status_code == 200
    assert client.__class__().get(f"{URL}resultaat/{result.pk}/").status_code == 404


def test_logging_in_saves_the_anonymous_result_to_the_account(client, steps):
    take_steps(client, steps, 8)
    result = ScanResponse.objects.get()
    user = UserFactory(email="nieuw@example.org", password="een-lang-wachtwoord")  # a confirmed address
    response = client.post(
        "/accounts/login/", {"login": "nieuw@example.org", "password": "een-lang-wachtwoord"}, follow=True
    )
    assert response.status_code == 200
    result.refresh_from_db()
    assert result.user == user
    assert client.get(f"{URL}mijn-resultaten/").content.decode().count(f"resultaat/{result.pk}/") >= 1


def test_history_needs_an_account_and_lists_own_results(client, scan_page, professional):
    response = client.get(f"{URL}mijn-resultaten/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    own = completed_response_create(page=scan_page, user=professional)
    others = completed_response_create(page=scan_page, user=UserFactory())
    client.force_login(professional)
    body = client.get(f"{URL}mijn-resultaten/").content.decode()
    assert str(own.pk) in body and str(others.pk) not in body


def test_restart_discards_the_unfinished_answers(client, steps, professional):
    client.force_login(professional)
    take_steps(client, steps, 2)
    response = client.post(f"{URL}opnieuw/")
    assert response["Location"] == step_url(1)
    assert not ScanResponse.objects.exists()
    assert client.get(f"{URL}opnieuw/").status_code == 405


def test_result_page_shows_table_chart_change_and_advice_with_live_links(
    client, scan_page, steps, professional
):
    from datetime import timedelta

    from django.utils import timezone
    from wagtail.models import Page

    from fitnessscan.models import FactorAdvice

    home = Page.objects.get(slug="home")
    live = home.add_child(instance=Page(title="Startcondities voor samenwerking", slug="cursus-live"))
    draft = home.add_child(instance=Page(title="Nog niet klaar", slug="cursus-concept", live=False))
    FactorAdvice.objects.filter(factor__number=1).update(course=live, second_course=draft)
    completed_response_create(
        page=scan_page, user=professional, value=3, completed_at=timezone.now() - timedelta(days=9)
    )
    client.force_login(professional)
    for step in steps:
        data = step_post_data(step, "1")
        data[f"s-{step.statements[1].key}"] = "5"  # reverse-scored: counts as 1 too
        client.post(step_url(step.number), data)
    result = ScanResponse.objects.filter(user=professional).order_by("-completed_at").first()
    body = client.get(f"{URL}resultaat/{result.pk}/").content.decode()
    assert body.count("<tr>") >= 10  # header, 8 factors, overall
    assert "−50" in body or "-50" in body  # change since the previous scan (50 → 0)
    assert "Advies laag voor Gezamenlijke ambitie" in body
    assert 'href="/cursus-live/"' in body
    assert "Nog niet klaar" not in body


def test_advice_marks_courses_done_or_started_and_recommends_the_others_first(
    client, scan_page, steps, professional
):
    from django.utils import timezone

    from courses.factories import build_course
    from courses.models import Enrolment
    from fitnessscan.models import FactorAdvice

    done = build_course(title="Al afgeronde cursus", modules=1, lessons=1)
    fresh = build_course(title="Nog niet gevolgde cursus", modules=1, lessons=1)
    started = build_course(title="Begonnen cursus", modules=1, lessons=1)
    FactorAdvice.objects.update(course=done, second_course=fresh)
    Enrolment.objects.create(user=professional, course=done, completed_at=timezone.now())
    Enrolment.objects.create(user=professional, course=started)
    client.force_login(professional)
    take_steps(client, steps, len(steps), value="1")
    result = ScanResponse.objects.get(user=professional)
    body = client.get(f"{URL}resultaat/{result.pk}/").content.decode()
    advice = body[body.index("Nog niet gevolgde cursus") :]
    assert 'Al afgeronde cursus</a> <span class="status status--done">Afgerond</span>' in advice
    assert body.index("Nog niet gevolgde cursus") < body.index("Al afgeronde cursus")
    FactorAdvice.objects.update(course=started, second_course=None)
    body = client.get(f"{URL}resultaat/{result.pk}/").content.decode()
    assert 'Begonnen cursus</a> <span class="status status--busy">Bezig</span>' in body
