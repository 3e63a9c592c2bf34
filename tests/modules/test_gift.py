"""Tests for modules.gift (Moodle GIFT import/export). Plain pytest, no Django needed."""

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from modules.gift import GiftAnswer, GiftError, GiftQuestion, export_gift, parse_gift

# Moodle's own files, in the read-only shared/ folder beside the checkout (also in CI).
SHARED_GIFT = Path(__file__).resolve().parents[3] / "shared" / "gift"


def _shared(name: str) -> str:
    return (SHARED_GIFT / name).read_text(encoding="utf-8")


def one(gift: str) -> GiftQuestion:
    questions = parse_gift(gift)
    assert len(questions) == 1
    return questions[0]


def pairs(q: GiftQuestion) -> list[tuple[str, float]]:
    return [(a.text, a.fraction) for a in q.answers]


def no_line(questions: list[GiftQuestion]) -> list[GiftQuestion]:
    return [replace(q, line=0) for q in questions]


def roundtrip(questions: list[GiftQuestion]) -> list[GiftQuestion]:
    return parse_gift(export_gift(questions))


# --------------------------------------------------------------------------- constructs


def test_single_choice():
    q = one("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}")
    assert q.kind == "single_choice"
    assert q.text == "Who's buried in Grant's tomb?"
    assert q.name == "Who's buried in Grant's tomb?"
    assert q.text_format == "moodle"
    assert pairs(q) == [("Grant", 0.0), ("Jefferson", 0.0), ("no one", 1.0)]
    assert q.correct is None


def test_single_choice_with_partial_credit_stays_single():
    # Moodle: an answer marked '=' makes it a single-choice question, '~%50%' is partial credit.
    q = one("Difficult question.{~wrong answer ~%50%half credit answer =full credit answer}")
    assert q.kind == "single_choice"
    assert pairs(q) == [("wrong answer", 0.0), ("half credit answer", 0.5), ("full credit answer", 1.0)]


def test_multiple_response_with_negative_weights():
    q = one("Pick two {~%-50%No one ~%50%Grant ~%50%Grant's wife ~%-50%Grant's father}")
    assert q.kind == "multiple_response"
    assert pairs(q) == [("No one", -0.5), ("Grant", 0.5), ("Grant's wife", 0.5), ("Grant's father", -0.5)]


def test_multiple_response_decimal_weights():
    q = one("Three {~%33.33333%a ~%33.33333%b ~%33.33333%c ~d}")
    assert q.kind == "multiple_response"
    assert [a.fraction for a in q.answers] == pytest.approx([1 / 3, 1 / 3, 1 / 3, 0], abs=1e-6)


def test_answer_feedback_and_multiline_block():
    q = one("What's right?{\n~wrong answer#feedback on wrong\n~another # second\n=right answer#Very good!}")
    assert [(a.text, a.feedback) for a in q.answers] == [
        ("wrong answer", "feedback on wrong"),
        ("another", "second"),
        ("right answer", "Very good!"),
    ]


def test_missing_word_puts_blank_where_block_was():
    q = one("Grant is {~buried =entombed ~living} in Grant's tomb.")
    assert q.kind == "single_choice"
    assert q.text == "Grant is _____ in Grant's tomb."
    # Trailing punctuation after the block also makes it a missing-word question (Moodle).
    assert one("Pi is {#3.14:0.01}.").text == "Pi is _____."


@pytest.mark.parametrize(
    ("block", "correct"), [("{T}", True), ("{TRUE}", True), ("{F}", False), ("{FALSE}", False)]
)
def test_true_false(block, correct):
    q = one(f"The sun rises in the east.{block}")
    assert q.kind == "true_false"
    assert q.correct is correct
    assert q.answers == []
    assert (q.feedback_true, q.feedback_false) == ("", "")


def test_true_false_feedback_true_statement():
    # GIFT: {T#shown when wrong#shown when right}; a TRUE statement is answered wrongly with FALSE.
    q = one("Sun rises in the east.{T#No, it does!#Yes, well done.}")
    assert q.correct is True
    assert q.feedback_true == "Yes, well done."
    assert q.feedback_false == "No, it does!"


def test_true_false_feedback_false_statement():
    q = one("Grant is buried in Grant's tomb.{FALSE#No one is buried there.#Right.}")
    assert q.correct is False
    assert q.feedback_true == "No one is buried there."
    assert q.feedback_false == "Right."


def test_true_false_only_right_feedback():
    q = one("Two is even.{TRUE##Indeed.}")
    assert (q.feedback_true, q.feedback_false) == ("Indeed.", "")


def test_lowercase_true_is_a_short_answer_like_in_moodle():
    q = one("Say yes.{true}")
    assert q.kind == "short_answer"
    assert pairs(q) == [("true", 1.0)]


def test_short_answer_weights_and_wildcard():
    q = one("Which is the best animal?{=Frog#Good! =%50%Cat#Hmm. =%0%*#Completely wrong}")
    assert q.kind == "short_answer"
    assert pairs(q) == [("Frog", 1.0), ("Cat", 0.5), ("*", 0.0)]
    assert [a.feedback for a in q.answers] == ["Good!", "Hmm.", "Completely wrong"]


def test_short_answer_several_right_answers():
    q = one("Two plus two equals {=four =4}.")
    assert q.kind == "short_answer"
    assert q.text == "Two plus two equals _____."
    assert pairs(q) == [("four", 1.0), ("4", 1.0)]


def test_numeric_value_and_tolerance():
    q = one("Pi to two decimals?{#3.14:0.01}")
    assert q.kind == "numeric"
    (a,) = q.answers
    assert (a.text, a.fraction, a.value, a.tolerance, a.minimum, a.maximum) == (
        "3.14:0.01",
        1.0,
        3.14,
        0.01,
        None,
        None,
    )


def test_numeric_exact_value_has_zero_tolerance():
    (a,) = one("When was Grant born?{#1822}").answers
    assert (a.value, a.tolerance) == (1822.0, 0.0)


def test_numeric_range():
    (a,) = one("A number from 1 to 5?{#1..5}").answers
    assert (a.minimum, a.maximum, a.value, a.tolerance) == (1.0, 5.0, None, None)


def test_numeric_several_weighted_answers_with_feedback():
    q = one("Pi?{# =%100%3.141:0 =%50%3.14:0.01#close enough}")
    assert [(a.fraction, a.value, a.tolerance, a.feedback) for a in q.answers] == [
        (1.0, 3.141, 0.0, ""),
        (0.5, 3.14, 0.01, "close enough"),
    ]


def test_numeric_wrong_answer_feedback():
    q = one("A number from 1 to 5? {#3:2~#Completely wrong}")
    assert [(a.text, a.fraction, a.feedback, a.value) for a in q.answers] == [
        ("3:2", 1.0, "", 3.0),
        ("*", 0.0, "Completely wrong", None),
    ]


def test_numeric_negative_and_exponent():
    q = one("Small?{#-1.5e-3:1e-4 =%50%-2..-1}")
    assert (q.answers[0].value, q.answers[0].tolerance) == (-0.0015, 0.0001)
    assert (q.answers[1].minimum, q.answers[1].maximum) == (-2.0, -1.0)


def test_matching_with_distractor():
    q = one("Match.{\n=Canada -> Ottawa\n=Italy->Rome\n= -> Paris\n}")
    assert q.kind == "matching"
    assert [(a.text, a.match, a.fraction) for a in q.answers] == [
        ("Canada", "Ottawa", 1.0),
        ("Italy", "Rome", 1.0),
        ("", "Paris", 0.0),
    ]


def test_essay():
    q = one("::Q8:: How are you? {}")
    assert (q.kind, q.name, q.text, q.answers) == ("essay", "Q8", "How are you?", [])


def test_essay_with_general_feedback():
    q = one("Tell me.{####A good answer mentions X.}")
    assert q.kind == "essay"
    assert q.general_feedback == "A good answer mentions X."


def test_description():
    q = one("::Intro::[html]<p>Read the following carefully.</p>")
    assert q.kind == "description"
    assert (q.name, q.text, q.text_format, q.answers) == (
        "Intro",
        "<p>Read the following carefully.</p>",
        "html",
        [],
    )


def test_general_feedback_with_true_false():
    q = one("42 is the answer.{\nFALSE#Ultimate.#Right.\n####A Hitchhiker's Guide reference.}")
    assert q.general_feedback == "A Hitchhiker's Guide reference."
    assert (q.correct, q.feedback_true, q.feedback_false) == (False, "Ultimate.", "Right.")


def test_general_feedback_with_choice():
    q = one("Q?{=a#fa ~b ####[html]<b>why</b>}")
    assert q.general_feedback == "<b>why</b>"
    assert pairs(q) == [("a", 1.0), ("b", 0.0)]


def test_escapes_are_unescaped():
    q = one(r"::a\:b::Which is 5\{\}? {~ \= 2 + 2#no \# here =\= 2 + 3 ~ \~x ~a\\b ~line\nbreak}")
    assert q.name == "a:b"
    assert q.text == "Which is 5{}?"
    assert [a.text for a in q.answers] == ["= 2 + 2", "= 2 + 3", "~x", "a\\b", "line\nbreak"]
    assert q.answers[0].feedback == "no # here"


def test_escaped_backslash_before_control_character():
    # "\\" is a literal backslash, so the "=" after it is a real answer marker.
    q = one(r"Q {~a\\=b}")
    assert pairs(q) == [("a\\", 0.0), ("b", 1.0)]


def test_text_format_prefixes():
    q = one("::F::[markdown]Who's **buried**?{=[html]<i>no one</i>#[plain]excellent ~[moodle]x#y}")
    assert (q.text_format, q.text) == ("markdown", "Who's **buried**?")
    assert [(a.text, a.feedback) for a in q.answers] == [("<i>no one</i>", "excellent"), ("x", "y")]


def test_unknown_format_prefix_is_text():
    q = one("[latex]x^2{T}")
    assert (q.text_format, q.text) == ("moodle", "[latex]x^2")


def test_comments_only_at_line_start():
    gift = "// a comment\n  // indented comment\nWhat is 2 // 2?{#1}\n// comment inside\n"
    q = one(gift)
    assert q.text == "What is 2 // 2?"
    assert q.line == 3


def test_comment_line_inside_question():
    q = one("First line\n// dropped\nsecond line{T}")
    assert q.text == "First line\n \nsecond line"  # Moodle replaces the comment with a space


def test_comment_only_file():
    assert parse_gift("// nothing\n\n   \n// here\n") == []
    assert parse_gift("") == []


def test_blank_lines_separate_questions():
    qs = parse_gift("A{T}\n\n\n\nB{F}\n   \nC\ncontinued{T}")
    assert [q.text for q in qs] == ["A", "B", "C\ncontinued"]
    assert [q.line for q in qs] == [1, 5, 7]


def test_categories():
    gift = (
        "Q0{T}\n\n$CATEGORY: $course$/top/Week 1\n\n::A::a{T}\n\n::B::b{F}\n\n$CATEGORY: Week 2\n::C::c{T}\n"
    )
    qs = parse_gift(gift)
    assert [(q.name, q.category) for q in qs] == [
        ("Q0", ""),
        ("A", "$course$/top/Week 1"),
        ("B", "$course$/top/Week 1"),
        ("C", "Week 2"),
    ]
    assert qs[3].line == 10


def test_name_is_derived_from_text_when_absent():
    long = "This is a rather long question text that goes on and on, well past fifty characters"
    q = one(long + "{T}")
    assert q.name == "This is a rather long question text that goes on..."
    assert len(q.name) <= 53
    assert one("::::<b>Bold</b>   &amp; text{T}").name == "Bold & text"


def test_unclosed_name_is_part_of_text_like_moodle():
    q = one("::No end name{T}")
    assert q.text == "No end name"
    assert q.name == "No end name"


def test_crlf_and_bom():
    qs = parse_gift("\ufeff::A::a\r\n{=x ~y}\r\n\r\n::B::b{T}\r\n")
    assert [(q.name, q.text) for q in qs] == [("A", "a"), ("B", "b")]


def test_empty_choice_answers_are_dropped():
    q = one("Q{~a ~ ~b =c ~}")
    assert pairs(q) == [("a", 0.0), ("b", 0.0), ("c", 1.0)]


# --------------------------------------------------------------------------- shared files


def test_moodle_examples_file():
    qs = parse_gift(_shared("moodle-examples.gift.txt"))
    assert len(qs) == 43
    assert Counter(q.kind for q in qs) == {
        "single_choice": 16,
        "multiple_response": 2,
        "true_false": 5,
        "short_answer": 9,
        "numeric": 8,
        "matching": 3,
    }
    by_name = {q.name: q for q in qs}
    kanji = by_name["Kanji Origins"]
    assert (kanji.kind, kanji.text) == (
        "short_answer",
        "Japanese characters originally\ncame from what country?",
    )
    control = by_name["GIFT Control Characters"]
    assert [a.text for a in control.answers] == ["~", "=", "#", "{", "}", "\\"]
    assert control.answers[-1].fraction == 1.0
    assert control.answers[-1].feedback.startswith(
        "Correct! \\ (backslash) is not a control character. BUT,\nit"
    )
    numerical = by_name["Numerical example"]
    assert [(a.value, a.tolerance, a.fraction) for a in numerical.answers] == [(1822, 0, 1.0), (1822, 2, 0.5)]
    assert numerical.answers[1].feedback == "He was born in 1822.\nYou get 50% credit for being close."
    markdown = next(q for q in qs if q.text_format == "markdown")
    assert markdown.text == "Who's buried in **Grant's tomb**?"
    assert qs[0].line == 8
    assert qs[-1].line == 202


def test_moodle_fixture_file():
    qs = parse_gift(_shared("moodle-fixture.gift.txt"))
    assert len(qs) == 9
    assert Counter(q.kind for q in qs) == {
        "essay": 1,
        "matching": 1,
        "single_choice": 1,
        "multiple_response": 1,
        "numeric": 1,
        "short_answer": 1,
        "true_false": 3,
    }
    q8, activities, q2, colours, q5, short, q1, tsl1, tsl2 = qs
    assert (q8.name, q8.text) == ("Q8", "How are you?")
    assert activities.text_format == "html"
    assert [a.match for a in activities.answers] == ["Forum", "Choice", "Database", "Wiki", "Chat"]
    assert activities.answers[-1].text == ""
    assert [a.feedback for a in q2.answers] == ["right; good!", "wrong, it's yellow", "wrong, it's yellow"]
    assert pairs(colours) == [("yellow", 0.5), ("red", -1.0), ("off-beige", 0.5), ("blue", -1.0)]
    # The stray '";' after the block is text after the answer block, so Moodle turns the
    # question into a missing-word one: the block becomes "_____" and '";' stays.
    assert q5.text == 'What is a number from 1 to 5? _____";'
    assert [(a.text, a.value, a.tolerance, a.feedback) for a in q5.answers] == [
        ("3:2", 3.0, 2.0, ""),
        ("*", None, None, "Completely wrong"),
    ]
    assert pairs(short) == [("Frog", 1.0), ("Cat", 0.5), ("*", 0.0)]
    assert q1.text == '42 is the Absolute Answer to everything._____";'
    assert (q1.correct, q1.feedback_true, q1.feedback_false) == (
        False,
        "42 is the Ultimate Answer.",
        "You gave the right answer.",
    )
    assert q1.general_feedback == "This is, of course, a Hitchiker's Guide to the Galaxy reference."
    assert (tsl1.name, tsl1.correct, tsl2.correct) == ("2-08 TSL", True, True)
    assert [q.line for q in qs] == [2, 5, 14, 22, 31, 34, 41, 46, 49]


@pytest.mark.parametrize("name", ["moodle-examples.gift.txt", "moodle-fixture.gift.txt"])
def test_shared_file_round_trip(name):
    qs = parse_gift(_shared(name))
    exported = export_gift(qs)
    again = parse_gift(exported)
    assert no_line(again) == no_line(qs)
    assert export_gift(again) == exported


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("gift", "line", "question", "message"),
    [
        ("// c\n\n::Q3:: What? {=a ~b", 3, "Q3", "unterminated answer block"),
        ("Q1{T}\n\nWhat } is {T", 3, "What } is {T", "'}' before"),
        ("::Q::What? =a ~b}", 1, "Q", "'}' without"),
        ("::One::Pick {~a}", 1, "One", "at least 2 answers"),
        ("::NoRight::Pick {~a ~b}", 1, "NoRight", "no correct answer"),
        ("::Sum::Pick {~%50%a ~%30%b ~c}", 1, "Sum", "add up to 80%"),
        ("::Empty= ::Pick {= ~a ~b}", 1, "Empty=", "marked '='"),
        ("::W::Pick {~%150%a =b}", 1, "W", "outside -100%..100%"),
        ("::W2::Pick {~%--50%a =b}", 1, "W2", "invalid answer weight"),
        ("::N::Number?{#abc}", 1, "N", "'abc' is not a number"),
        ("::N2::Number?{#1:x}", 1, "N2", "tolerance 'x'"),
        ("::N3::Number?{#1..b}", 1, "N3", "number..number"),
        ("::N4::Number?{#}", 1, "N4", "at least 1 answer"),
        ("::N5::Number?{#~#only feedback}", 1, "N5", "at least 1 answer"),
        ("::M::Match{=a -> b =c}", 1, "M", "has no '->'"),
        ("::M1::Match{=a -> b}", 1, "M1", "at least 2 pairs"),
        ("::S::Say {=}", 1, "S", "at least 1 answer"),
    ],
)
def test_errors(gift, line, question, message):
    with pytest.raises(GiftError) as info:
        parse_gift(gift)
    err = info.value
    assert err.line == line
    assert err.question == question
    assert message in str(err)
    assert str(err).startswith(f"line {line} (question '{question}'): ")


def test_error_without_name_uses_first_40_chars_of_text():
    text = "An unnamed question whose text is clearly longer than forty characters {=a ~b"
    with pytest.raises(GiftError) as info:
        parse_gift("Fine{T}\n\n\n" + text)
    assert info.value.line == 4
    assert info.value.question == text[:40]
    assert isinstance(info.value, ValueError)


def test_error_in_later_question_reports_its_line():
    gift = "::A::a{T}\n\n// comment\n::B::b{#x}\n"
    with pytest.raises(GiftError, match=r"^line 4 \(question 'B'\): "):
        parse_gift(gift)


# --------------------------------------------------------------------------- export


def test_export_format_looks_like_moodle():
    q = GiftQuestion(
        kind="single_choice",
        name="Q2",
        text="What's between orange and green?",
        answers=[GiftAnswer("yellow", 1.0, feedback="good"), GiftAnswer("red", 0.0), GiftAnswer("ok", 0.5)],
    )
    assert (
        export_gift([q]) == "::Q2::What's between orange and green?{\n\t=yellow#good\n\t~red\n\t~%50%ok\n}\n"
    )


def test_export_missing_word_reexpands_the_blank():
    q = one("Grant is {~buried =entombed} in Grant's tomb.")
    assert export_gift([q]).startswith("::Grant is _____ in Grant's tomb.::Grant is {\n")
    assert no_line(roundtrip([q])) == no_line([q])


def test_export_escapes_and_newlines():
    q = GiftQuestion(
        kind="short_answer",
        name="a::b",
        text="Braces {x} # = ~ \\ and\nnew line, literal \\n",
        answers=[GiftAnswer("a=b", 1.0, feedback="#1 ~ok")],
        general_feedback="gf {}",
    )
    out = export_gift([q])
    assert "\n\n" not in out.rstrip("\n")
    assert no_line(roundtrip([q])) == no_line([q])


def test_export_round_trip_of_constructed_questions():
    qs = [
        GiftQuestion(kind="description", name="Intro", text="[html] looks like a prefix", category="C/1"),
        GiftQuestion(kind="essay", name="E", text="Write.", text_format="html", general_feedback="[plain]x"),
        GiftQuestion(kind="true_false", name="T", text="Yes?", correct=True, feedback_false="wrong"),
        GiftQuestion(kind="true_false", name="F", text="No?", correct=False, category="C/2"),
        GiftQuestion(
            kind="single_choice",
            name="All right",
            text="Either",
            answers=[GiftAnswer("a", 1.0), GiftAnswer("b", 1.0)],
        ),
        GiftQuestion(
            kind="single_choice",
            name="Percent",
            text="Literal percent ends with _____",
            text_format="markdown",
            answers=[GiftAnswer("%50%x", 0.0), GiftAnswer("%25%", 1.0), GiftAnswer("[html]y", 1 / 3)],
        ),
        GiftQuestion(
            kind="multiple_response",
            name="MR",
            text="Pick",
            answers=[
                GiftAnswer("a", 0.5),
                GiftAnswer("b", 0.5),
                GiftAnswer("%c", 0.0),
                GiftAnswer("d", -1.0),
            ],
        ),
        GiftQuestion(
            kind="short_answer",
            name="SA",
            text="Say _____ please",
            answers=[GiftAnswer("%90%", 1.0), GiftAnswer("cat*", 0.2, feedback="[markdown]*meh*")],
            general_feedback="a -> b is fine here",
        ),
        GiftQuestion(
            kind="matching",
            name="M",
            text="Match",
            answers=[GiftAnswer("x=1", 1.0, match="one -> 1"), GiftAnswer("", 0.0, match="{two}")],
        ),
        GiftQuestion(
            kind="numeric",
            name="N",
            text="Num",
            answers=[
                GiftAnswer("3.14:0.01", 1.0, value=3.14, tolerance=0.01),
                GiftAnswer("", 0.5, value=3.0),
                GiftAnswer("", 0.25, minimum=1.5, maximum=4.5),
                GiftAnswer("*", 0.0, feedback="anything else"),
            ],
        ),
    ]
    again = roundtrip(qs)
    assert [q.kind for q in again] == [q.kind for q in qs]
    assert again[9].answers[1] == GiftAnswer("3:0", 0.5, value=3.0, tolerance=0.0)
    assert again[9].answers[2] == GiftAnswer("1.5..4.5", 0.25, minimum=1.5, maximum=4.5)
    expected = no_line(qs)
    expected[9].answers[1:3] = again[9].answers[1:3]
    assert no_line(again) == expected


@pytest.mark.parametrize(
    "answer",
    [
        GiftAnswer("a -> b", 1.0),
        GiftAnswer("x", 0.5, feedback="x -> y"),
        GiftAnswer("T", 1.0, feedback="not -> matching"),
        GiftAnswer("%5%->", 1.0),
    ],
)
def test_export_lone_short_answer_with_arrow(answer):
    q = GiftQuestion(kind="short_answer", name="SA", text="s", answers=[answer])
    assert no_line(roundtrip([q])) == no_line([q])


def test_export_category_switch_back_to_none():
    qs = [
        GiftQuestion(kind="description", name="A", text="a", category="X"),
        GiftQuestion(kind="description", name="B", text="b"),
    ]
    assert [q.category for q in roundtrip(qs)] == ["X", ""]


def test_export_derives_missing_name():
    q = GiftQuestion(kind="true_false", name="", text="// looks like a comment", correct=True)
    (again,) = roundtrip([q])
    assert (again.name, again.text) == ("// looks like a comment", "// looks like a comment")


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (GiftQuestion(kind="true_false", name="T", text="t"), "without 'correct'"),
        (
            GiftQuestion(kind="single_choice", name="S", text="s", answers=[GiftAnswer("a", 0.5)]),
            "fraction 1.0",
        ),
        (
            GiftQuestion(
                kind="short_answer",
                name="SA",
                text="s",
                answers=[GiftAnswer("a->b", 1.0), GiftAnswer("c", 1.0)],
            ),
            "'->'",
        ),
        (
            GiftQuestion(kind="matching", name="M", text="m", answers=[GiftAnswer("a->", 1.0, match="b")]),
            "'->'",
        ),
        (
            GiftQuestion(kind="numeric", name="N", text="n", answers=[GiftAnswer("", 1.0, tolerance=1.0)]),
            "value",
        ),
        (GiftQuestion(kind="numeric", name="N", text="n", answers=[]), "needs answers"),
        (GiftQuestion(kind="cloze", name="C", text="c"), "unknown question kind"),
        (GiftQuestion(kind="essay", name="H", text="h", text_format="rtf"), "unknown text format"),
    ],
)
def test_export_errors(question, message):
    question.line = 7
    with pytest.raises(GiftError) as info:
        export_gift([question])
    assert message in str(info.value)
    assert (info.value.line, info.value.question) == (7, question.name)
