"""Scoring per question type (modules.grading): pure functions, no database."""

import pytest

from modules.grading import (
    Grade,
    OptionSpec,
    QuestionSpec,
    grade,
    grade_matching,
    grade_multiple_response,
    grade_numeric,
    grade_ordering,
    grade_short_answer,
    grade_single_choice,
    short_answer_matches,
)

CHOICES = [OptionSpec("a", "Grant", 0.0), OptionSpec("b", "Jefferson", 0.0), OptionSpec("c", "no one", 1.0)]


def test_single_choice():
    assert grade_single_choice(CHOICES, "c") == Grade(1.0, ("c",))
    assert grade_single_choice(CHOICES, "a") == Grade(0.0, ("a",))
    assert grade_single_choice(CHOICES, None) == Grade(0.0)
    assert grade_single_choice(CHOICES, "not-an-option") == Grade(0.0)


def test_single_choice_partial_and_negative_credit_stay_within_0_and_1():
    options = [OptionSpec("a", fraction=0.5), OptionSpec("b", fraction=-0.5), OptionSpec("c", fraction=1.0)]
    assert grade_single_choice(options, "a").fraction == 0.5
    assert grade_single_choice(options, "b").fraction == 0.0


MULTIPLE = [
    OptionSpec("a", fraction=0.5),
    OptionSpec("b", fraction=0.5),
    OptionSpec("c", fraction=-0.5),
    OptionSpec("d", fraction=-1.0),
]


@pytest.mark.parametrize(
    ("chosen", "fraction"),
    [
        (["a", "b"], 1.0),
        (["a"], 0.5),
        (["a", "c"], 0.0),
        (["a", "b", "c"], 0.5),
        (["c"], 0.0),  # never below 0
        (["c", "d"], 0.0),
        (["a", "b", "c", "d"], 0.0),
        ([], 0.0),
        (None, 0.0),
    ],
)
def test_multiple_response_never_below_zero(chosen, fraction):
    assert grade_multiple_response(MULTIPLE, chosen).fraction == pytest.approx(fraction)


def test_multiple_response_reports_the_chosen_options():
    assert grade_multiple_response(MULTIPLE, ["b", "a", "zz"]).decisive == ("a", "b")


@pytest.mark.parametrize(
    ("pattern", "answer", "matches"),
    [
        ("Startcondities", "startcondities", True),
        ("Startcondities", "  STARTCONDITIES ", True),
        ("start*", "startcondities", True),
        ("start*", "start", True),
        ("*conditie*", "de startcondities", True),
        ("start*", "herstart", False),
        ("no one", "no  one", True),
        ("a.b", "axb", False),  # only * is special
        ("Ÿ*", "ÿes", True),
        ("Grant", "Granted", False),
    ],
)
def test_short_answer_patterns(pattern, answer, matches):
    assert short_answer_matches(pattern, answer) is matches


def test_short_answer_best_credit_and_its_feedback_option():
    options = [OptionSpec("frog", "Frog", 1.0), OptionSpec("cat", "Cat", 0.5), OptionSpec("any", "*", 0.0)]
    assert grade_short_answer(options, "frog") == Grade(1.0, ("frog",))
    assert grade_short_answer(options, "cat") == Grade(0.5, ("cat",))
    assert grade_short_answer(options, "dog") == Grade(0.0, ("any",))
    assert grade_short_answer(options, "") == Grade(0.0)
    assert grade_short_answer(options, None) == Grade(0.0)


NUMERIC = [
    OptionSpec("exact", fraction=1.0, value=1822.0, tolerance=0.0),
    OptionSpec("close", fraction=0.5, value=1822.0, tolerance=2.0),
    OptionSpec("range", fraction=0.25, minimum=1800.0, maximum=1850.0),
    OptionSpec("other", text="*", fraction=0.0),
]


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1822.0, Grade(1.0, ("exact",))),
        (1824.0, Grade(0.5, ("close",))),
        (1820.0, Grade(0.5, ("close",))),
        (1850.0, Grade(0.25, ("range",))),
        (1851.0, Grade(0.0, ("other",))),
        (None, Grade(0.0)),
        (float("nan"), Grade(0.0)),
    ],
)
def test_numeric_tolerance_range_and_partial_credit(number, expected):
    assert grade_numeric(NUMERIC, number) == expected


def test_numeric_tolerance_edge_is_inside_despite_floating_point():
    pi = [OptionSpec("pi", fraction=1.0, value=3.1415, tolerance=0.0005)]
    assert grade_numeric(pi, 3.141).fraction == 1.0
    assert grade_numeric(pi, 3.142).fraction == 1.0
    assert grade_numeric(pi, 3.1421).fraction == 0.0


def test_numeric_without_catch_all_scores_zero():
    assert grade_numeric(NUMERIC[:1], 5.0) == Grade(0.0)


MATCHING = [
    OptionSpec("ca", "Canada", 1.0, match_text="Ottawa"),
    OptionSpec("it", "Italy", 1.0, match_text="Rome"),
    OptionSpec("jp", "Japan", 1.0, match_text="Tokyo"),
    OptionSpec("x", "", 0.0, match_text="Paris"),
]


def test_matching_one_share_per_right_pair():
    assert grade_matching(MATCHING, {"ca": "ca", "it": "it", "jp": "jp"}).fraction == 1.0
    assert grade_matching(MATCHING, {"ca": "ca", "it": "x", "jp": "it"}).fraction == pytest.approx(1 / 3)
    assert grade_matching(MATCHING, {"ca": "x"}).fraction == 0.0
    assert grade_matching(MATCHING, None).fraction == 0.0


def test_matching_pairs_sharing_an_answer():
    options = [OptionSpec("a", "A", 1.0, match_text="same"), OptionSpec("b", "B", 1.0, match_text="same")]
    assert grade_matching(options, {"a": "a", "b": "a"}).fraction == 1.0


ORDER = [OptionSpec("1", "Verkennen"), OptionSpec("2", "Afspreken"), OptionSpec("3", "Uitvoeren")]


def test_ordering_one_share_per_item_in_place():
    assert grade_ordering(ORDER, {"1": 1, "2": 2, "3": 3}).fraction == 1.0
    assert grade_ordering(ORDER, {"1": 1, "2": 3, "3": 2}).fraction == pytest.approx(1 / 3)
    assert grade_ordering(ORDER, {"1": 3, "2": 1, "3": 2}).fraction == 0.0
    assert grade_ordering(ORDER, {}).fraction == 0.0


def test_open_question_is_not_graded():
    result = grade(QuestionSpec("open"), {"text": "Mijn reflectie"})
    assert result.fraction is None and not result.is_graded


@pytest.mark.parametrize(
    ("kind", "options", "answer", "fraction"),
    [
        ("single_choice", CHOICES, {"option": "c"}, 1.0),
        ("true_false", [OptionSpec("t", fraction=0.0), OptionSpec("f", fraction=1.0)], {"option": "f"}, 1.0),
        ("multiple_response", MULTIPLE, {"options": ["a"]}, 0.5),
        ("short_answer", [OptionSpec("x", "four", 1.0)], {"text": "Four"}, 1.0),
        ("numeric", NUMERIC, {"text": "1823", "number": 1823.0}, 0.5),
        ("matching", MATCHING, {"pairs": {"ca": "ca"}}, 1 / 3),
        ("ordering", ORDER, {"positions": {"1": 1}}, 1 / 3),
        ("single_choice", CHOICES, None, 0.0),
    ],
)
def test_grade_dispatches_per_type(kind, options, answer, fraction):
    assert grade(QuestionSpec(kind, options), answer).fraction == pytest.approx(fraction)


def test_unknown_type_is_an_error():
    with pytest.raises(ValueError, match="unknown question type"):
        grade(QuestionSpec("cloze"), {"text": "x"})
