import pytest
from django.contrib.auth.models import Group
from django.test import Client

from accounts.factories import OrganisationFactory, UserFactory
from accounts.models import User
from courses import services
from courses.factories import build_course, lessons_of
from courses.models import Enrolment, ItemProgress, JournalEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def pro_client(client, professional):
    client.force_login(professional)
    return client


def test_anonymous_visitor_sees_overview_and_syllabus_but_no_lesson(client, course, lessons):
    html = client.get(course.url).content.decode()
    assert course.title in html and lessons[0].title in html
    assert "Log in om je in te schrijven" in html
    response = client.get(lessons[0].url)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={lessons[0].url}"


def test_enrol_read_complete_and_see_the_percentage_rise(pro_client, professional, course, lessons):
    assert "Inschrijven voor deze cursus" in pro_client.get(course.url).content.decode()
    response = pro_client.post(f"/mijn/cursus/{course.pk}/inschrijven/")
    assert response.status_code == 302
    lesson_html = pro_client.get(lessons[0].url).content.decode()
    assert "Les afgerond" in lesson_html and lessons[0].title in lesson_html
    assert ItemProgress.objects.get(user=professional, item=lessons[0]).completed_at is None  # started
    pro_client.post(f"/mijn/les/{lessons[0].pk}/afronden/")
    assert 'aria-valuenow="25"' in pro_client.get(course.url).content.decode()
    assert 'aria-valuenow="25"' in pro_client.get("/mijn/").content.decode()
    assert lessons[1].title in pro_client.get("/mijn/").content.decode()  # next lesson


def test_completion_with_htmx_returns_the_partial(pro_client, course, lessons):
    pro_client.post(f"/mijn/cursus/{course.pk}/inschrijven/")
    response = pro_client.post(f"/mijn/les/{lessons[0].pk}/afronden/", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="lesson-completion"')
    assert "Je hebt deze les afgerond" in html


def test_double_completion_records_one(pro_client, professional, course, lessons):
    pro_client.post(f"/mijn/cursus/{course.pk}/inschrijven/")
    for _ in range(3):
        pro_client.post(f"/mijn/les/{lessons[0].pk}/afronden/")
    assert ItemProgress.objects.filter(user=professional, item=lessons[0]).count() == 1


def test_completing_without_enrolment_gives_a_message_and_no_record(pro_client, course, lessons):
    response = pro_client.post(f"/mijn/les/{lessons[0].pk}/afronden/", follow=True)
    assert "Schrijf je eerst in" in response.content.decode()
    assert not ItemProgress.objects.exists()


def test_locked_lesson_url_explains_and_links_to_what_comes_first(pro_client, professional):
    course = build_course(title="Volgorde", modules=1, lessons=2, sequential=True)
    first, second = lessons_of(course)
    services.enrolment_create(user=professional, course=course)
    response = pro_client.get(second.url)
    html = response.content.decode()
    assert response.status_code == 403
    assert f'href="{first.url}"' in html
    assert "Tekst van les" not in html  # not its content
    pro_client.post(f"/mijn/les/{second.pk}/afronden/")
    assert not ItemProgress.objects.filter(item=second, completed_at__isnull=False).exists()


def test_unknown_ids_answer_404(pro_client):
    assert pro_client.post("/mijn/les/999999/afronden/").status_code == 404
    assert pro_client.post("/mijn/cursus/999999/inschrijven/").status_code == 404
    assert pro_client.post("/mijn/reflectie/999999/abc/", {"answer": "x"}).status_code == 404


def test_reflection_is_saved_and_found_back_in_the_journal(pro_client, professional, course, lessons):
    services.enrolment_create(user=professional, course=course)
    block = next(b for b in lessons[0].body if b.block_type == "reflection")
    url = f"/mijn/reflectie/{lessons[0].pk}/{block.id}/"
    response = pro_client.post(url, {"answer": "Wij spreken af <hoe> we beslissen"}, HTTP_HX_REQUEST="true")
    assert "Opgeslagen in je leerjournaal" in response.content.decode()
    lesson_html = pro_client.get(lessons[0].url).content.decode()
    assert "Wij spreken af &lt;hoe&gt; we beslissen" in lesson_html
    journal_html = pro_client.get("/mijn/").content.decode()
    assert "Wij spreken af &lt;hoe&gt; we beslissen" in journal_html
    empty = pro_client.post(url, {"answer": ""}, HTTP_HX_REQUEST="true")
    assert empty.status_code == 422 and "Schrijf een antwoord" in empty.content.decode()
    assert JournalEntry.objects.get().answer == "Wij spreken af <hoe> we beslissen"


def test_leave_course(pro_client, professional, course):
    services.enrolment_create(user=professional, course=course)
    pro_client.post(f"/mijn/cursus/{course.pk}/uitschrijven/")
    assert Enrolment.objects.get().status == Enrolment.Status.LEFT


def test_catalogue_filters_and_status(pro_client, professional, course, lessons):
    from successfactors.models import SuccessFactor

    factor = SuccessFactor.objects.create(number=1, name="Vertrouwen", slug="vertrouwen", description="x")
    other = build_course(title="Energiecoalities", modules=1, lessons=1, sectors="energie", level="expert")
    other.success_factors.add(factor)
    other.save_revision().publish()
    services.enrolment_create(user=professional, course=course)
    services.item_complete(user=professional, item=lessons[0])
    index = course.get_parent()
    html = pro_client.get(index.url).content.decode()
    assert "Bezig 25%" in html and "Niet gestart" in html
    assert other.title in pro_client.get(index.url, {"sector": "energie"}).content.decode()
    assert course.title not in pro_client.get(index.url, {"sector": "energie"}).content.decode()
    assert course.title not in pro_client.get(index.url, {"succesfactor": "vertrouwen"}).content.decode()
    assert other.title in pro_client.get(index.url, {"niveau": "expert"}).content.decode()
    bad = pro_client.get(index.url, {"sector": "ruimtevaart", "niveau": "<script>"})
    assert bad.status_code == 200 and "Dit filter bestaat niet" in bad.content.decode()
    partial = pro_client.get(index.url, {"sector": "energie"}, HTTP_HX_REQUEST="true").content.decode()
    assert partial.lstrip().startswith('<div id="course-results"') and "<html" not in partial


def test_catalogue_filter_form_works_without_javascript_and_swaps_only_the_results(client, course):
    index = course.get_parent()
    html = client.get(index.url, {"niveau": "expert"}).content.decode()
    start = html.index('<form method="get"')  # the filters, not the search box in the header
    form = html[start : html.index("</form>", start)]
    assert f'action="{index.url}"' in form and f'data-hx-get="{index.url}"' in form
    assert 'data-hx-target="#course-results" data-hx-swap="outerHTML"' in form
    assert '<label for="filter-level">Niveau</label><select name="niveau" id="filter-level">' in form
    assert '<option value="expert" selected>' in form
    assert '<button type="submit" class="button">Filteren</button>' in form
    assert f'<a href="{index.url}">Filters wissen</a>' in form


def test_an_unknown_catalogue_filter_is_marked_at_its_select(client, course):
    html = client.get(course.get_parent().url, {"sector": "ruimtevaart"}).content.decode()
    assert 'id="filter-sector" aria-invalid="true" aria-describedby="id_sector_error"' in html
    assert '<ul class="errorlist" id="id_sector_error"><li>Deze keuze bestaat niet (meer).</li></ul>' in html
    assert "ruimtevaart" not in html.split("</form>")[0].split("<form")[1]


def test_trainer_report_limited_to_own_courses(client, professional, course):
    trainers = Group.objects.get_or_create(name="Trainers")[0]
    from django.contrib.auth.models import Permission

    trainers.permissions.add(Permission.objects.get(codename="access_admin"))
    own = UserFactory(email="eigen@example.org")
    other = UserFactory(email="ander@example.org")
    for trainer in (own, other):
        trainer.groups.add(trainers)
    course.trainers.add(own)
    course.save_revision().publish()
    services.enrolment_create(user=professional, course=course)
    client.force_login(own)
    report = client.get(f"/admin/voortgang/{course.pk}/")
    assert report.status_code == 200 and professional.email in report.content.decode()
    csv = client.get(f"/admin/voortgang/{course.pk}/", {"format": "csv"})
    assert csv["Content-Type"].startswith("text/csv") and professional.email in csv.content.decode()
    client.force_login(other)
    assert client.get(f"/admin/voortgang/{course.pk}/").status_code == 403


def test_coordinator_sees_only_their_own_organisation(client, course):
    mine = OrganisationFactory(name="Gemeente A")
    theirs = OrganisationFactory(name="Zorggroep B")
    coordinator = UserFactory(organisation=mine, organisation_role=User.Role.COORDINATOR)
    colleague = UserFactory(organisation=mine, email="collega@example.org")
    stranger = UserFactory(organisation=theirs, email="vreemde@example.org")
    for user in (colleague, stranger):
        services.enrolment_create(user=user, course=course)
    client.force_login(coordinator)
    html = client.get("/mijn/organisatie/").content.decode()
    assert colleague.get_full_name() in html and stranger.get_full_name() not in html
    other = Client()
    other.force_login(colleague)
    assert other.get("/mijn/organisatie/").status_code == 403
