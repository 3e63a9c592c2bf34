"""Page arguments of the package commands: a URL path (or, for a course, its slug)."""

from urllib.parse import urlparse

from django.core.management.base import CommandError
from wagtail.models import Page, Site


def page_at(value: str, model=Page):
    path = urlparse(value.strip()).path
    path = "/" + path.strip("/") + "/" if path.strip("/") else "/"
    candidates = [root.root_path + path.lstrip("/") for root in Site.get_site_root_paths()]
    return model.objects.filter(url_path__in=candidates).first()


def course_from_argument(value: str):
    from courses.models import CoursePage

    course = None if "/" in value else CoursePage.objects.filter(slug=value.strip()).first()
    course = course or page_at(value, CoursePage)
    if course is None:
        raise CommandError(f"No course with the slug or address {value!r}.")
    return course
