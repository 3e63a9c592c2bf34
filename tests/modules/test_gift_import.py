"""GIFT files into a quiz's question bank and back (modules.gift_import, import_gift / export_gift)."""

from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from taggit.models import Tag

from modules.factories import build_quiz
from modules.gift import GiftError
from modules.gift_import import gift_export, gift_import, text_to_html
from modules.models import Option, Question, QuizPage
from modules.quiz_selectors import rich_text_html

pytestmark = pytest.mark.django_db

GIFT_DATA = Path(__file__).resolve().parents[1] / "data" / "gift"

# A question as Moodle 4 exports it: HTML text with code in <pre> (indentation, a tab, GIFT's control
# characters escaped, "<" as an entity), an ID number and tags in the comment before it.
CODE_GIFT = (
    "// question: 7  name: Code\n"
    "// [id:CODE-7] [tag:code] [tag:planning]\n"
    "::Code::[html]<p>Wat is de uitkomst?</p><pre>def kies(partners)\\:\\n"
    '    # \\{a\\} \\= \\~b\\n    if len(partners) &lt; 3\\:\\n\treturn "duo"</pre>'
    "{=duo ~trio}"
)
CODE_HTML = (
    "<p>Wat is de uitkomst?</p><pre>def kies(partners):\n    # {a} = ~b\n    if len(partners) &lt; 3:\n"
    '\treturn "duo"</pre>'
)


def data(name: str) -> str:
    return (GIFT_DATA / name).read_text(encoding="utf-8")


def snapshot(quiz: QuizPage) -> list[tuple]:
    return [
        (
            q.kind,
            q.name,
            q.text,
            q.general_feedback,
            q.category,
            q.reference,
            sorted(q.tags.names()),
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


def test_examples_import_completely(empty_quiz):
    result = gift_import(quiz=empty_quiz, text=data("examples.gift.txt"))
    assert (result.questions, result.descriptions) == (45, 1)
    questions = list(Question.objects.filter(quiz=empty_quiz))
    assert Counter(q.kind for q in questions) == {
        "single_choice": 14,
        "multiple_response": 2,
        "true_false": 9,
        "short_answer": 8,
        "numeric": 8,
        "matching": 2,
        "open": 2,
    }
    assert [q.sort_order for q in questions] == list(range(45))
    first = questions[0]
    assert first.text == "<p>Wie stelt in een samenwerkingsconvenant de gezamenlijke doelen vast?</p>"
    assert first.category == ""
    assert [(o.text, o.credit) for o in first.options.all()] == [
        ("De wethouder", 0),
        ("De grootste partner", 0),
        ("Alle partners samen", 100),
    ]
    by_name = {q.name: q for q in questions}
    assert (
        by_name["Wie tekent het **convenant**?"].text == "<p>Wie tekent het <strong>convenant</strong>?</p>"
    )
    assert by_name["Herkomst van coöperatie"].text == (
        "<p>Het woord coöperatie komt oorspronkelijk<br/>uit welke taal?</p>"
    )
    plain = by_name["Wat kost een kopje koffie bij het netwerkoverleg..."]
    assert plain.text == "<p>Wat kost een &lt;b&gt;kopje&lt;/b&gt; koffie bij het netwerkoverleg in euro?</p>"
    control = by_name["GIFT-stuurtekens: welke niet?"]
    assert [o.text for o in control.options.all()] == ["~", "=", "#", "{", "}", ":", "\\"]
    negative = Question.objects.filter(quiz=empty_quiz, kind="multiple_response").last()
    assert [(o.text, o.credit, o.feedback) for o in negative.options.all()] == [
        ("Geheimhouding", -50, ""),
        ("Vertrouwen", 50, ""),
        ("Gedeelde doelen", 50, ""),
        ("Concurrentie", -100, "Dit ondermijnt elk netwerk."),
    ]
    last = questions[-1]
    assert [(o.text, o.credit, o.value, o.feedback) for o in last.options.all()] == [
        ("", 100, 3.0, "Drie of meer."),
        ("", 50, 2.0, "Dat is een duo."),
        ("*", 0, None, "Tel nog eens."),
    ]
    assert by_name["Welke fase komt na het afspreken?"].general_feedback == (
        "<p>De fasen: verkennen, afspreken, uitvoeren, evalueren.</p>"
    )
    essay = by_name["Reflectie met toelichting"]
    assert (essay.kind, essay.options.count()) == ("open", 0)
    assert essay.general_feedback == "<p>Een goed antwoord noemt beide belangen en een gedeeld doel.</p>"
    assert essay.category == "$course$/top/Samenwerken/Verdieping"
    empty_quiz.refresh_from_db()
    assert "Lees eerst de casus over <strong>de wijkaanpak</strong> in Noord." in empty_quiz.intro


def test_fixture_imports_completely_with_id_numbers_and_tags(empty_quiz):
    result = gift_import(quiz=empty_quiz, text=data("fixture.gift.txt"))
    assert result.questions == 11
    kinds = Counter(Question.objects.filter(quiz=empty_quiz).values_list("kind", flat=True))
    assert kinds == {
        "open": 1,
        "matching": 1,
        "single_choice": 2,
        "multiple_response": 1,
        "numeric": 2,
        "short_answer": 1,
        "true_false": 3,
    }
    tagged = {
        q.reference: sorted(q.tags.names())
        for q in Question.objects.filter(quiz=empty_quiz).exclude(reference="")
    }
    assert tagged == {
        "SAM-OPEN-01": ["reflectie"],
        "SAM-ROL-02": ["netwerk", "rollen"],
        "SAM-CODE-10": ["digitaal werken", "planning"],
        "SAM-NUM-11": ["convenant"],
    }
    assert sorted(Question.objects.get(quiz=empty_quiz, name="factoren").tags.names()) == ["succesfactoren"]
    factors = Question.objects.get(quiz=empty_quiz, kind="multiple_response")
    assert [(o.text, o.credit) for o in factors.options.all()] == [
        ("vertrouwen", 50),
        ("wantrouwen", -100),
        ("gedeelde doelen", 50),
        ("geheimhouding", -100),
    ]
    numeric = Question.objects.get(quiz=empty_quiz, name="Q5")
    assert [(o.text, o.value, o.tolerance, o.feedback) for o in numeric.options.all()] == [
        ("", 4.0, 2.0, ""),
        ("*", None, None, "Helemaal mis"),
    ]
    statement = Question.objects.get(quiz=empty_quiz, name="Q1")
    assert [(o.text, o.credit, o.feedback) for o in statement.options.all()] == [
        ("Waar", 0, "Een convenant is een inspanningsverplichting."),
        ("Onwaar", 100, "Je gaf het goede antwoord."),
    ]
    assert statement.general_feedback == "<p>Zie ook de les over afspraken maken.</p>"
    roles = Question.objects.get(quiz=empty_quiz, kind="matching")
    assert [(o.text, o.match_text, o.credit) for o in roles.options.all()][-1] == ("", "Toezichthouder", 0)
    code = Question.objects.get(quiz=empty_quiz, reference="SAM-CODE-10")
    assert code.text == (
        '<p>Wat drukt dit script af?</p><pre>partners = ["gemeente", "GGD"]\nfor p in partners:\n'
        '    if p == "GGD":  # zorgpartner\n        print("zorg {" + p + "}")\n'
        '    elif len(p) &lt; 3:\n\tprint("kort")</pre>'
    )
    assert [o.text for o in code.options.all()] == ["zorg {GGD}", "gemeente", "niets"]


@pytest.mark.parametrize("name", ["examples.gift.txt", "fixture.gift.txt"])
def test_import_export_import_gives_the_same_questions(empty_quiz, second_quiz, name):
    gift_import(quiz=empty_quiz, text=data(name))
    exported = gift_export(quiz=empty_quiz)
    gift_import(quiz=second_quiz, text=exported)
    assert snapshot(second_quiz) == snapshot(empty_quiz)
    assert gift_export(quiz=second_quiz) == exported


def test_export_writes_id_numbers_and_tags_in_the_comment(empty_quiz):
    gift_import(quiz=empty_quiz, text=data("fixture.gift.txt"))
    exported = gift_export(quiz=empty_quiz)
    assert "// [id:SAM-ROL-02] [tag:netwerk] [tag:rollen]\n::Rollen in het netwerk::[html]" in exported
    assert "// [tag:succesfactoren]\n::factoren::" in exported
    assert "\n::Q2::" in exported  # no comment line for a question without ID number or tags
    assert exported.count("// [") == 5


def test_code_in_pre_survives_import_and_round_trips_exactly(empty_quiz, second_quiz):
    gift_import(quiz=empty_quiz, text=CODE_GIFT)
    question = Question.objects.get(quiz=empty_quiz)
    assert question.text == CODE_HTML
    assert (question.reference, sorted(question.tags.names())) == ("CODE-7", ["code", "planning"])
    assert rich_text_html(question.text) == CODE_HTML  # and the quiz shows it as it is
    exported = gift_export(quiz=empty_quiz)
    gift_import(quiz=second_quiz, text=exported)
    again = Question.objects.get(quiz=second_quiz)
    assert again.text == CODE_HTML
    assert (again.reference, sorted(again.tags.names())) == ("CODE-7", ["code", "planning"])
    assert gift_export(quiz=second_quiz) == exported


def test_tags_are_shared_not_duplicated(empty_quiz, second_quiz):
    Tag.objects.create(name="netwerk")
    Tag.objects.create(name="Convenant")  # another tag: its slug "convenant" is taken
    gift_import(quiz=empty_quiz, text=data("fixture.gift.txt"))
    gift_import(quiz=second_quiz, text=data("fixture.gift.txt"))
    assert set(Tag.objects.values_list("name", flat=True)) == {
        "Convenant",
        "convenant",
        "digitaal werken",
        "netwerk",
        "planning",
        "reflectie",
        "rollen",
        "succesfactoren",
    }
    assert Tag.objects.count() == 8
    assert Question.objects.filter(tagged_items__tag__name="netwerk").count() == 2


@pytest.mark.parametrize(
    ("comment", "message"),
    [
        ("// [id:" + "x" * 101 + "]", "the ID number is longer than 100 characters"),
        ("// [tag:" + "x" * 101 + "]", "a tag is longer than 100 characters"),
    ],
)
def test_too_long_id_number_or_tag_imports_nothing(empty_quiz, comment, message):
    text = f"::Goed::Klopt dit?{{T}}\n\n{comment}\n::Te lang::Klopt dit?{{F}}\n"
    with pytest.raises(GiftError) as info:
        gift_import(quiz=empty_quiz, text=text)
    assert (info.value.line, info.value.question, info.value.message) == (4, "Te lang", message)
    assert Question.objects.filter(quiz=empty_quiz).count() == 0
    assert not Tag.objects.exists()


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
    call_command("import_gift", str(GIFT_DATA / "examples.gift.txt"), quiz=str(empty_quiz.pk), stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert lines == ["added 1 description(s) to the introduction of “Leeg”", "imported 45 questions"]
    assert Question.objects.filter(quiz=empty_quiz).count() == 45


def test_import_command_by_url_path(empty_quiz):
    out = StringIO()
    call_command("import_gift", str(GIFT_DATA / "fixture.gift.txt"), quiz=empty_quiz.url, stdout=out)
    assert out.getvalue().strip().splitlines() == ["imported 11 questions"]


def test_import_command_error_exits_non_zero_and_imports_nothing(empty_quiz, tmp_path):
    broken = tmp_path / "kapot.gift"
    broken.write_text("::Goed::Klopt dit?{T}\n\n::Kapot::Kies {~a ~b}\n", encoding="utf-8")
    with pytest.raises(CommandError) as info:
        call_command("import_gift", str(broken), quiz=str(empty_quiz.pk))
    assert "line 3" in str(info.value) and "Kapot" in str(info.value)
    assert Question.objects.filter(quiz=empty_quiz).count() == 0


def test_import_command_unknown_quiz_and_file(empty_quiz, tmp_path):
    with pytest.raises(CommandError, match="No quiz"):
        call_command("import_gift", str(GIFT_DATA / "fixture.gift.txt"), quiz="/bestaat/niet/")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_gift", str(tmp_path / "nergens.gift"), quiz=str(empty_quiz.pk))


def test_export_command_round_trips(empty_quiz, second_quiz, tmp_path):
    gift_import(quiz=empty_quiz, text=data("fixture.gift.txt"))
    target = tmp_path / "export.gift"
    call_command("export_gift", quiz=str(empty_quiz.pk), output=str(target), stdout=StringIO())
    out = StringIO()
    call_command("import_gift", str(target), quiz=str(second_quiz.pk), stdout=out)
    assert out.getvalue().strip().endswith("imported 11 questions")
    assert snapshot(second_quiz) == snapshot(empty_quiz)


def test_export_command_writes_to_stdout(quiz):
    out = StringIO()
    call_command("export_gift", quiz=str(quiz.pk), stdout=out)
    assert "::Vraag 1::" in out.getvalue()
    assert Option.objects.exists()
