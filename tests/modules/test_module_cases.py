"""The core loop stays visible: a module shows the best-practice cases it was built from, its course sums
them up, and the case lists the module in return."""

import pytest
from django.core.cache import cache

from cases.factories import CaseIndexPageFactory, CasePageFactory
from courses.factories import build_course
from home.demo import ensure_home
from modules.models import ModuleCaseLink, ModulePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked():
    cache.clear()
    course = build_course(title="Startcondities", modules=2, lessons=1)
    index = CaseIndexPageFactory(parent=ensure_home())
    case = CasePageFactory(parent=index, title="Concessie busvervoer")
    draft = CasePageFactory(parent=index, title="Nog niet gepubliceerd", publish=False)
    first, second = ModulePage.objects.child_of(course).order_by("path")
    for module in (first, second):
        ModuleCaseLink.objects.create(page=module, case=case)
    ModuleCaseLink.objects.create(page=first, case=draft)
    first.save_revision().publish()
    return course, first, case


def test_the_module_and_its_course_show_the_cases_they_were_built_from(client, linked):
    course, module, case = linked
    module_html = client.get(module.url).content.decode()
    assert f'href="{case.url}">Concessie busvervoer</a>' in module_html
    assert "Nog niet gepubliceerd" not in module_html
    course_html = client.get(course.url).content.decode()
    assert course_html.count("Concessie busvervoer</a>") == 1  # two modules, one case: listed once


def test_the_case_lists_the_module_built_from_it(client, linked):
    _course, module, case = linked
    html = client.get(case.url).content.decode()
    assert f'href="{module.url}"' in html


def test_the_course_page_asks_the_same_number_of_queries_for_more_linked_modules(
    client, linked, django_assert_max_num_queries
):
    course, _module, _case = linked
    client.get(course.url)
    with django_assert_max_num_queries(12):
        client.get(course.url)


def test_the_demo_modules_name_the_cases_their_lessons_show(client, seeded):
    link = ModuleCaseLink.objects.select_related("page", "case").first()
    assert link is not None
    assert link.case.title in client.get(link.page.url).content.decode()
    assert f'href="{link.page.url}"' in client.get(link.case.url).content.decode()
