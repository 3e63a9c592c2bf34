from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts import roles
from courses.models import CourseIndexPage
from packages.services import PackageError, course_package_import

from ._page_argument import page_at


def _owner(email: str):
    """The trainer or administrator who will own the imported drafts."""
    user = get_user_model().objects.filter(email__iexact=email.strip()).first()
    if user is None:
        raise CommandError(f"No user with the e-mail address {email!r}; nothing was imported")
    if not user.is_active:
        raise CommandError(f"The account {user.email} is not active; nothing was imported")
    if not roles.is_trainer(user):
        raise CommandError(
            f"{user.email} is not a trainer or administrator, who alone own courses; nothing was imported"
        )
    return user


class Command(BaseCommand):
    help = (
        "Imports a course package (.zip) as a draft course with its modules, lessons and quizzes, and the "
        "instrument sheets, cases and success factors it needs that the site lacks. All or nothing: an error "
        "names the file in the package and the problem, and nothing is created."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the course package (.zip)")
        parser.add_argument(
            "--parent",
            help="the catalogue's address, e.g. /cursussen/ (default: the site's catalogue, created as a "
            "draft when the site has none)",
        )
        parser.add_argument(
            "--owner", help="the e-mail address of the trainer or administrator who will own the drafts"
        )

    def handle(self, *args, file, parent, owner, **options):
        user = _owner(owner) if owner else None
        target = CourseIndexPage.objects.first()
        if parent:
            target = page_at(parent)
            if target is None:
                raise CommandError(f"No page at {parent!r} to import under; nothing was imported")
            target = target.specific
        if (
            target is not None
            and user is not None
            and not target.permissions_for_user(user).can_add_subpage()
        ):
            raise CommandError(f"{user.email} may not add courses to “{target.title}”; nothing was imported")
        try:
            data = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error}") from None
        try:
            course = course_package_import(data=data, parent=target, user=user)
        except PackageError as error:
            raise CommandError(f"{file}: {error}; nothing was imported") from None
        owned = f", owned by {user.email}" if user else ""
        self.stdout.write(
            f"imported “{course.title}” as a draft at {course.get_url() or course.url_path}{owned}"
        )
