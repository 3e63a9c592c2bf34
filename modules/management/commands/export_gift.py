from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from modules.gift import GiftError
from modules.gift_import import gift_export

from ._quiz_argument import quiz_from_argument


class Command(BaseCommand):
    help = "Writes a quiz's questions in use as GIFT (Moodle's quiz text format), to a file or stdout."

    def add_arguments(self, parser):
        parser.add_argument("--quiz", required=True, help="the quiz: its page id or its URL path")
        parser.add_argument("--output", "-o", help="the file to write (default: standard output)")

    def handle(self, *args, quiz, output=None, **options):
        target = quiz_from_argument(quiz)
        try:
            text = gift_export(quiz=target)
        except GiftError as error:
            raise CommandError(str(error)) from None
        if output:
            Path(output).write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")
