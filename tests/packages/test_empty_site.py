"""Every demo course into an empty site (only the migrations ran): the same course comes out again."""

import io
import json
import zipfile

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page, Site

from cases.models import CasePage
from courses.models import CourseIndexPage, CoursePage
from handelingsrepertoire.models import InstrumentPage
from home.models import HomePage
from packages.services import course_package_export, course_package_import
from successfactors.models import SuccessFactor

pytestmark = pytest.mark.django_db


class _Discard(Exception):
    pass


def _demo_packages() -> dict[str, bytes]:
    """The demo courses' packages, from a seeded site that is then rolled back to the migrations."""
    packages = {}
    try:
        with transaction.atomic():
            call_command("seed_demo", stdout=io.StringIO())
            for course in CoursePage.objects.order_by("path"):
                packages[course.slug] = course_package_export(course=course)
            raise _Discard
    except _Discard:
        pass
    cache.clear()
    return packages


def _contents(data: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return {
        name: json.loads(content) if name.endswith(".json") else content for name, content in files.items()
    }


def test_every_demo_course_comes_back_the_same_in_an_empty_site(django_user_model):
    packages = _demo_packages()
    assert len(packages) >= 3
    assert not CoursePage.objects.exists() and not SuccessFactor.objects.exists()
    assert not HomePage.objects.exists() and not InstrumentPage.objects.exists()
    trainer = django_user_model.objects.create_user(email="nieuw@example.org", password="x")

    for slug, package in packages.items():  # in tree order: a prerequisite comes before its course
        copy = course_package_import(data=package, user=trainer)
        assert copy.slug == slug  # nothing was taken in an empty site
        again = course_package_export(course=copy)
        assert _contents(again) == _contents(package), slug

    # What the courses needed came with them, as drafts owned by the importer.
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert CourseIndexPage.objects.get().get_parent().pk == home.pk
    assert InstrumentPage.objects.exists() and CasePage.objects.exists()
    assert SuccessFactor.objects.exists()
    for page in Page.objects.filter(depth__gt=2).exclude(pk=Page.objects.get(depth=2, slug="home").pk):
        assert not page.live and page.owner == trainer, page
    leadership = CoursePage.objects.get(slug="leidinggeven-zonder-hierarchie")
    assert list(leadership.prerequisites.values_list("slug", flat=True)) == [
        "startcondities-voor-samenwerking"
    ]
