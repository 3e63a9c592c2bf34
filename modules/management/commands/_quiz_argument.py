"""The --quiz argument of the GIFT commands: a page id or the quiz's URL path."""

from django.core.management.base import CommandError
from wagtail.models import Site

from modules.models import QuizPage


def quiz_from_argument(value: str) -> QuizPage:
    value = value.strip()
    if value.isdigit():
        quiz = QuizPage.objects.filter(pk=int(value)).first()
    else:
        path = "/" + value.strip("/") + "/" if value.strip("/") else "/"
        candidates = [root.root_path + path.lstrip("/") for root in Site.get_site_root_paths()]
        quiz = QuizPage.objects.filter(url_path__in=candidates).first()
    if quiz is None:
        raise CommandError(f"No quiz with page id or URL path {value!r}.")
    return quiz
