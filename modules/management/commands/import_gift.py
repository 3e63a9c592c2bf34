from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from modules.gift import GiftError
from modules.gift_import import gift_import

from ._quiz_argument import quiz_from_argument


class Command(BaseCommand):
    help = (
        "Imports the questions of a GIFT file (Moodle's quiz text format) into a quiz's question bank. "
        "All or nothing: an error names its line and question and imports nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the GIFT file (UTF-8)")
        parser.add_argument("--quiz", required=True, help="the quiz: its page id or its URL path")

    def handle(self, *args, file, quiz, **options):
        target = quiz_from_argument(quiz)
        try:
            text = Path(file).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from None
        try:
            result = gift_import(quiz=target, text=text)
        except GiftError as error:
            raise CommandError(f"{file}: {error}; nothing was imported") from None
        if result.descriptions:
            self.stdout.write(
                f"added {result.descriptions} description(s) to the introduction of “{target.title}”"
            )
        self.stdout.write(f"imported {result.questions} questions")
