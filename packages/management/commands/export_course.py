from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from packages.services import PackageError, course_package_export

from ._page_argument import course_from_argument


class Command(BaseCommand):
    help = (
        "Writes a course as a course package (.zip): manifest, lessons, quizzes as GIFT, images and "
        "documents. Progress, enrolments and attempts are never part of it."
    )

    def add_arguments(self, parser):
        parser.add_argument("course", help="the course: its slug or its address, e.g. /cursussen/<slug>/")
        parser.add_argument("file", help="the package to write (.zip)")

    def handle(self, *args, course, file, **options):
        target = course_from_argument(course)
        try:
            data = course_package_export(course=target)
        except PackageError as error:
            raise CommandError(f"Cannot export {target.title!r}: {error}") from None
        try:
            Path(file).write_bytes(data)
        except OSError as error:
            raise CommandError(f"Cannot write {file}: {error}") from None
        self.stdout.write(f"exported “{target.title}” to {file} ({len(data) / 1024:.1f} KB)")
