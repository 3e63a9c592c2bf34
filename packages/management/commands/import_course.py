from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from packages.services import PackageError, course_package_import

from ._page_argument import page_at


class Command(BaseCommand):
    help = (
        "Imports a course package (.zip) as a draft course with its modules, lessons and quizzes. All or "
        "nothing: an error names the file in the package and the problem, and nothing is created."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the course package (.zip)")
        parser.add_argument(
            "--parent", default="/cursussen/", help="the catalogue's address (default /cursussen/)"
        )

    def handle(self, *args, file, parent, **options):
        target = page_at(parent)
        if target is None:
            raise CommandError(f"No page at {parent!r} to import under")
        try:
            data = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error}") from None
        try:
            course = course_package_import(data=data, parent=target.specific, user=None)
        except PackageError as error:
            raise CommandError(f"{file}: {error}; nothing was imported") from None
        self.stdout.write(f"imported “{course.title}” as a draft at {course.url_path}")
