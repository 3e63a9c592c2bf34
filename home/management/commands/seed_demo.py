import importlib
import importlib.util

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

# Each app that brings example content has a `demo.py` with `seed(log, context) -> dict`; the order
# follows the dependencies (accounts and pages first, then what refers to them).
DEMO_MODULES = [
    "accounts.demo",
    "home.demo",
    "successfactors.demo",
    "handelingsrepertoire.demo",  # instruments before the lessons that show them
    "cases.demo",  # cases before the lessons and instruments built from them
    "courses.demo",  # courses, their modules, lessons and quizzes
    "modules.demo",  # a quiz at the end of every module, and the demo professional's attempts
    "fitnessscan.demo",  # its advice links courses and instruments
    "courses.demo_progress",  # the demo professional's enrolments and progress
    "collaborations.demo",  # the demo collaboration; its advice links instruments and courses
    "feedback.demo",  # the trainer's feedback, a reply, and items waiting in the trainer's queue
    "programmes.demo",  # a leergang of the demo courses, with its groups and meetings
    "home.demo_menu",  # the order of the sections in the main menu
]


class Command(BaseCommand):
    help = "Loads the demo accounts and example content. Idempotent: a second run duplicates nothing."

    def handle(self, *args, **options):
        if not getattr(settings, "ALLOW_DEMO_CONTENT", False):
            raise CommandError(
                "seed_demo refuses to run with these settings: demo accounts have a published password. "
                "Use the embedded (dev) settings."
            )
        context: dict = {}
        with transaction.atomic():
            for module_name in DEMO_MODULES:
                if importlib.util.find_spec(module_name) is None:
                    continue
                module = importlib.import_module(module_name)
                context.update(module.seed(self.stdout.write, context) or {})
        self.stdout.write(self.style.SUCCESS("Demo content ready."))
        self.stdout.write(
            "Demo accounts (password 'samenwerken'):\n"
            "  deelnemer@example.org    professional, member organisation\n"
            "  trainer@example.org      trainer (CMS: /admin/)\n"
            "  coordinator@example.org  coordinator of the member organisation\n"
            "  beheerder@example.org    administrator"
        )
