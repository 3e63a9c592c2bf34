"""GIFT files into a quiz's question bank and back (modules.gift_import, import_gift / export_gift)."""

from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from modules.factories import build_quiz
from modules.gift import GiftError
from modules.gift_import import gift_export, gift_import, text_to_html
from modules.models import Option, Question, QuizPage

pytestmark = pytest.mark.django_db

SHARED_GIFT = Path(__file__).resolve().parents[3] / "shared" / "gift"


def shared(name: str) -> str:
    return (SHARED_GIFT / name).read_text(encoding="utf-8")


def snapshot(quiz: QuizPage) -> list[tuple]:
    return [
        (
            q.kind,
            q.name,
            q.text,
            q.general_feedback,
            q.category,
            [
                (o.text, o.match_text, o.credit, o.feedback, o.value, o.tolerance, o.minimum, o.maximum)
                for o in q.options.all()
            ],
        )
        for q in Question.objects.filter(quiz=quiz).prefetch_related("options")
    ]


@pytest.fixture
def empty_quiz(module):
    return build_quiz(module=module, title="Leeg", questions=0)


@pytest.fixture
def second_quiz(module):
    return build_quiz(module=module, title="Tweede", questions=0)


def test_moodle_examples_import_completely(empty_quiz):
    result = gift_import(quiz=empty_quiz, text=shared("moodle-examples.gift.txt"))
    assert (result.questions, result.descriptions) == (43, 0)
    questions = list(Question.objects.filter(quiz=empty_quiz))
    assert Counter(q.kind for q in questions) == {
        "single_choice": 16,
        "multiple_response": 2,
        "true_false": 5,
        "short_answer": 9,
        "numeric": 8,
        "matching": 3,
    }
    assert [q.sort_order for q in questions] == list(range(43))
    first = questions[0]
    assert first.text == "<p>Who's buried in Grant's tomb?</p>"
    assert [(o.text, o.credit) for o in first.options.all()] == [
        ("Grant", 0),
        ("Jefferson", 0),
        ("no one", 100),
    ]
    markdown = next(q for q in questions if "<strong>" in q.text)
    assert markdown.text == "<p>Who's buried in <strong>Grant's tomb</strong>?</p>"
    control = Question.objects.get(quiz=empty_quiz, name="GIFT Control Characters")
    assert [o.text for o in control.options.all()] == ["~", "=", "#", "{", "}", "\\"]


def test_moodle_fixture_imports_completely(empty_quiz):
    result = gift_import(quiz=empty_quiz, text=shared("moodle-fixture.gift.txt"))
    assert result.questions == 9
    kinds = Counter(Question.objects.filter(quiz=empty_quiz).values_list("kind", flat=True))
    assert kinds == {
        "open": 1,
        "matching": 1,
        "single_choice": 1,
        "multiple_response": 1,
        "numeric": 1,
        "short_answer": 1,
        "true_false": 3,
    }
    colours = Question.objects.get(quiz=empty_quiz, kind="multiple_response")
    assert [(o.text, o.credit) for o in colours.options.all()] == [
        ("yellow", 50),
        ("red", -100),
        ("off-beige", 50),
        ("blue", -100),
    ]
    numeric = Question.objects.get(quiz=empty_quiz, kind="numeric")
    assert [(o.text, o.value, o.tolerance, o.feedback) for o in numeric.options.all()] == [
        ("", 3.0, 2.0, ""),
        ("*", None, None, "Completely wrong"),
    ]
    statement = Question.objects.get(quiz=empty_quiz, name="Q1")
    assert [(o.text, o.credit, o.feedback) for o in statement.options.all()] == [
        ("Waar", 0, "42 is the Ultimate Answer."),
        ("Onwaar", 100, "You gave the right answer."),
    ]
    assert "Hitchiker" in statement.general_feedback


@pytest.mark.parametrize("name", ["moodle-examples.gift.txt", "moodle-fixture.gift.txt"])
def test_import_export_import_gives_the_same_questions(empty_quiz, second_quiz, name):
    gift_import(quiz=empty_quiz, text=shared(name))
    exported = gift_export(quiz=empty_quiz)
    gift_import(quiz=second_quiz, text=exported)
    assert snapshot(second_quiz) == snapshot(empty_quiz)
    assert gift_export(quiz=second_quiz) == exported


def test_import_appends_after_existing_questions(quiz):
    before = Question.objects.filter(quiz=quiz).count()
    gift_import(quiz=quiz, text="::Nieuw::Klopt dit?{T}")
    last = Question.objects.filter(quiz=quiz).last()
    assert (last.name, last.sort_order) == ("Nieuw", before)


def test_error_names_line_and_question_and_imports_nothing(empty_quiz):
    text = "::Goed::Klopt dit?{T}\n\n// commentaar\n::Kapot::Hoeveel?{#abc}\n"
    with pytest.raises(GiftError) as info:
        gift_import(quiz=empty_quiz, text=text)
    assert (info.value.line, info.value.question) == (4, "Kapot")
    assert Question.objects.filter(quiz=empty_quiz).count() == 0


def test_descriptions_become_text_of_the_quiz_not_questions(empty_quiz):
    result = gift_import(
        quiz=empty_quiz, text="::Intro::[html]<p>Lees eerst de casus.</p>\n\n::V::Klopt dit?{T}"
    )
    assert (result.questions, result.descriptions) == (1, 1)
    empty_quiz.refresh_from_db()
    assert "Lees eerst de casus." in empty_quiz.intro
    assert not empty_quiz.has_unpublished_changes


def test_texts_are_sanitised(empty_quiz):
    gift_import(
        quiz=empty_quiz,
        text='::X::[html]<p onclick="x()">Klik</p><script>alert(1)</script>{=<b>ja</b> ~nee}',
    )
    question = Question.objects.get(quiz=empty_quiz)
    assert question.text == "<p>Klik</p>"
    assert [o.text for o in question.options.all()] == ["ja", "nee"]


@pytest.mark.parametrize(
    ("text", "fmt", "html"),
    [
        ("Wie?\nJij.", "moodle", "<p>Wie?<br/>Jij.</p>"),
        ("a < b & c", "plain", "<p>a &lt; b &amp; c</p>"),
        (
            "Dit is **vet** en *schuin*.\n\nTweede",
            "markdown",
            "<p>Dit is <strong>vet</strong> en <em>schuin</em>.</p><p>Tweede</p>",
        ),
        ("<ul><li>een</li></ul>", "html", "<ul><li>een</li></ul>"),
    ],
)
def test_text_formats(text, fmt, html):
    assert text_to_html(text, fmt) == html
    assert text_to_html(html, "html") == html  # what is stored reads back the same


def test_export_leaves_out_ordering_questions(quiz):
    assert Question.objects.filter(quiz=quiz, kind="ordering").exists()
    exported = gift_export(quiz=quiz)
    assert exported.count("::") // 2 == Question.objects.filter(quiz=quiz).exclude(kind="ordering").count()


# --- Commands --------------------------------------------------------------------------------------


def test_import_command_by_page_id(empty_quiz):
    out = StringIO()
    call_command(
        "import_gift", str(SHARED_GIFT / "moodle-examples.gift.txt"), quiz=str(empty_quiz.pk), stdout=out
    )
    assert out.getvalue().strip().splitlines()[-1] == "imported 43 questions"
    assert Question.objects.filter(quiz=empty_quiz).count() == 43


def test_import_command_by_url_path(empty_quiz):
    out = StringIO()
    call_command("import_gift", str(SHARED_GIFT / "moodle-fixture.gift.txt"), quiz=empty_quiz.url, stdout=out)
    assert out.getvalue().strip().splitlines()[-1] == "imported 9 questions"


def test_import_command_error_exits_non_zero_and_imports_nothing(empty_quiz, tmp_path):
    broken = tmp_path / "kapot.gift"
    broken.write_text("::Goed::Klopt dit?{T}\n\n::Kapot::Kies {~a ~b}\n", encoding="utf-8")
    with pytest.raises(CommandError) as info:
        call_command("import_gift", str(broken), quiz=str(empty_quiz.pk))
    assert "line 3" in str(info.value) and "Kapot" in str(info.value)
    assert Question.objects.filter(quiz=empty_quiz).count() == 0


def test_import_command_unknown_quiz_and_file(empty_quiz, tmp_path):
    with pytest.raises(CommandError, match="No quiz"):
        call_command("import_gift", str(SHARED_GIFT / "moodle-fixture.gift.txt"), quiz="/bestaat/niet/")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_gift", str(tmp_path / "nergens.gift"), quiz=str(empty_quiz.pk))


def test_export_command_round_trips(empty_quiz, second_quiz, tmp_path):
    gift_import(quiz=empty_quiz, text=shared("moodle-fixture.gift.txt"))
    target = tmp_path / "export.gift"
    call_command("export_gift", quiz=str(empty_quiz.pk), output=str(target), stdout=StringIO())
    out = StringIO()
    call_command("import_gift", str(target), quiz=str(second_quiz.pk), stdout=out)
    assert out.getvalue().strip().endswith("imported 9 questions")
    assert snapshot(second_quiz) == snapshot(empty_quiz)


def test_export_command_writes_to_stdout(quiz):
    out = StringIO()
    call_command("export_gift", quiz=str(quiz.pk), stdout=out)
    assert "::Vraag 1::" in out.getvalue()
    assert Option.objects.exists()
