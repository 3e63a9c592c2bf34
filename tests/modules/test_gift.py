"""Tests for modules.gift (Moodle GIFT import/export). Plain pytest, no Django needed."""

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from modules.gift import GiftAnswer, GiftError, GiftQuestion, export_gift, parse_gift

# The project's own GIFT files: every construct of Moodle's examples, in Dutch, and a file the way Moodle 4
# exports one (question numbers, ID numbers and tags in the comments).
GIFT_DATA = Path(__file__).resolve().parents[1] / "data" / "gift"

CODE_TEXT = (
    '<p>Wat drukt dit script af?</p><pre>partners = ["gemeente", "GGD"]\nfor p in partners:\n'
    '    if p == "GGD":  # zorgpartner\n        print("zorg {" + p + "}")\n'
    '    elif len(p) &lt; 3:\n\tprint("kort")</pre>'
)


def _data(name: str) -> str:
    return (GIFT_DATA / name).read_text(encoding="utf-8")


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


# --------------------------------------------------------------------------- the project's GIFT files


def test_examples_file():
    qs = parse_gift(_data("examples.gift.txt"))
    assert len(qs) == 46
    assert Counter(q.kind for q in qs) == {
        "single_choice": 14,
        "multiple_response": 2,
        "true_false": 9,
        "short_answer": 8,
        "numeric": 8,
        "matching": 2,
        "essay": 2,
        "description": 1,
    }
    assert (qs[0].line, qs[-1].line) == (9, 199)
    assert [q.category for q in (qs[0], qs[5], qs[-1])] == [
        "",
        "$course$/top/Samenwerken/Vraagsoorten",
        "$course$/top/Samenwerken/Verdieping",
    ]
    by_name = {q.name: q for q in qs}

    origin = by_name["Herkomst van coöperatie"]
    assert (origin.kind, origin.text) == (
        "short_answer",
        "Het woord coöperatie komt oorspronkelijk\nuit welke taal?",
    )
    control = by_name["GIFT-stuurtekens: welke niet?"]  # "\:" in the name
    assert [a.text for a in control.answers] == ["~", "=", "#", "{", "}", ":", "\\"]
    assert [a.fraction for a in control.answers] == [0, 0, 0, 0, 0, 0, 1.0]
    assert control.answers[2].feedback == "# is een stuurteken."
    assert control.answers[-1].feedback.startswith(
        "Goed! \\ (backslash) is geen stuurteken. MAAR\nje gebruikt hem"
    )
    sums = by_name["Welke som is gelijk aan 10?"]
    assert pairs(sums) == [("= 4 + 4", 0.0), ("= 5 + 5", 1.0), ("= 6 + 6", 0.0)]
    braces = next(q for q in qs if q.text.startswith("Het netwerk heet officieel"))
    assert braces.text == 'Het netwerk heet officieel "Samen {Sterk}" en niet "Samen ~ Sterk".'
    assert next(q for q in qs if q.text.startswith("Regel één")).text.startswith("Regel één\nregel twee:")

    year = by_name["In welk jaar startte de eerste regionale..."]
    assert [(a.value, a.tolerance, a.fraction) for a in year.answers] == [(2015, 0, 1.0), (2015, 2, 0.5)]
    share = next(q for q in qs if q.text.startswith("Van alle netwerken"))
    assert share.text == "Van alle netwerken evalueert _____ procent elk jaar de samenwerking."
    assert [(a.minimum, a.maximum) for a in share.answers] == [(60, 80)]
    minimum = qs[-1]
    assert [(a.text, a.fraction, a.feedback) for a in minimum.answers] == [
        ("3:0", 1.0, "Drie of meer."),
        ("2:0", 0.5, "Dat is een duo."),
        ("*", 0.0, "Tel nog eens."),
    ]

    trekker = by_name["Trekker"]
    assert trekker.text == "De trekker van het netwerk is meestal de _____."
    assert pairs(trekker) == [
        ("wethouder", 0.0),
        ("directeur", 0.25),
        ("projectleider", 0.5),
        ("netwerkcoördinator", 1.0),
    ]
    assert pairs(by_name["Trekker (kort antwoord)"]) == [
        ("netwerkcoördinator", 1.0),
        ("netwerkcoordinator", 0.75),
        ("projectleider", 0.25),
    ]
    negative = [q for q in qs if q.kind == "multiple_response"][1]
    assert pairs(negative) == [
        ("Geheimhouding", -0.5),
        ("Vertrouwen", 0.5),
        ("Gedeelde doelen", 0.5),
        ("Concurrentie", -1.0),
    ]
    assert negative.answers[-1].feedback == "Dit ondermijnt elk netwerk."
    pairs_ = by_name["Koppel elke partner aan zijn belangrijkste..."]
    assert [(a.text, a.match) for a in pairs_.answers][-2:] == [
        ("Woningcorporatie", "woningen"),
        ("Politie", "veiligheid"),
    ]

    assert Counter(q.text_format for q in qs) == {"moodle": 42, "markdown": 1, "html": 2, "plain": 1}
    formats = {q.text_format: q for q in qs if q.kind != "description" and q.text_format != "moodle"}
    board = next(q for q in qs if q.text.startswith("Een regiegroep"))  # an explicit "[moodle]"
    assert (board.text_format, board.text) == (
        "moodle",
        "Een regiegroep\nvergadert minstens éénmaal per jaar.",
    )
    assert formats["markdown"].text == "Wie tekent het **convenant**?"
    assert [(a.text, a.feedback) for a in formats["html"].answers] == [
        ("verkennen", "<i>Goed</i>"),
        ("uitvoeren", "**Nee**"),
    ]
    assert formats["plain"].answers[0].text == "2.5:0.5"  # "[moodle]" stripped from the numeric answer
    assert formats["plain"].name == "Wat kost een kopje koffie bij het netwerkoverleg..."

    intro, essay, essay_feedback, statement = (
        by_name[n]
        for n in (
            "Inleiding",
            "Reflectie",
            "Reflectie met toelichting",
            "Samenwerken lukt alleen met een gelijke verdeling...",
        )
    )
    assert (intro.kind, intro.text_format) == ("description", "html")
    assert (essay.kind, essay.text, essay.general_feedback) == (
        "essay",
        "Wat heeft jouw organisatie nodig om te vertrouwen op een partner?",
        "",
    )
    assert essay_feedback.general_feedback == "Een goed antwoord noemt beide belangen en een gedeeld doel."
    assert (statement.correct, statement.feedback_true, statement.feedback_false) == (
        False,
        "Gelijk is niet nodig, eerlijk wel.",
        "Juist.",
    )
    assert statement.general_feedback == "Zie het hoofdstuk over wederkerigheid."
    assert [q.correct for q in qs if q.kind == "true_false"] == [
        False,
        False,
        True,
        False,
        True,
        True,
        False,
        True,
        False,
    ]
    assert all((q.idnumber, q.tags) == ("", []) for q in qs)


def test_fixture_file_as_moodle_4_exports_it():
    qs = parse_gift(_data("fixture.gift.txt"))
    assert len(qs) == 11
    assert Counter(q.kind for q in qs) == {
        "essay": 1,
        "matching": 1,
        "single_choice": 2,
        "multiple_response": 1,
        "numeric": 2,
        "short_answer": 1,
        "true_false": 3,
    }
    q8, roles, q2, factors, q5, short, q1, tf1, tf2, code, years = qs
    assert {q.category for q in qs} == {"$course$/top/Standaard voor Startcondities/Toets samenwerken"}
    assert [(q.idnumber, q.tags) for q in qs] == [
        ("SAM-OPEN-01", ["reflectie"]),
        ("SAM-ROL-02", ["rollen", "netwerk"]),
        ("", []),
        ("", ["succesfactoren"]),
        ("", []),
        ("", []),
        ("", []),
        ("", []),
        ("", []),
        ("SAM-CODE-10", ["planning", "digitaal werken"]),
        ("SAM-NUM-11", ["convenant"]),
    ]
    assert (q8.name, q8.text) == ("Q8", "Hoe gaat het met de samenwerking in jouw netwerk?")
    assert roles.text_format == "html"
    assert [a.match for a in roles.answers] == [
        "Penvoerder",
        "Voorzitter",
        "Kwartiermaker",
        "Adviseur",
        "Toezichthouder",
    ]
    assert roles.answers[2].text == "Brengt de partners bij elkaar in de verkenning."  # "[plain]" stripped
    assert roles.answers[-1].text == ""
    assert [a.feedback for a in q2.answers] == [
        "goed; zo is het!",
        "fout, het is afspreken",
        "fout, het is afspreken",
    ]
    assert pairs(factors) == [
        ("vertrouwen", 0.5),
        ("wantrouwen", -1.0),
        ("gedeelde doelen", 0.5),
        ("geheimhouding", -1.0),
    ]
    # The stray '";' after the block is text after the answer block, so (as in Moodle) the
    # question becomes a missing-word one: the block becomes "_____" and '";' stays.
    assert q5.text == 'Noem een aantal partners tussen 2 en 6. _____";'
    assert [(a.text, a.value, a.tolerance, a.feedback) for a in q5.answers] == [
        ("4:2", 4.0, 2.0, ""),
        ("*", None, None, "Helemaal mis"),
    ]
    assert pairs(short) == [("Coördinator", 1.0), ("Trekker", 0.5), ("*", 0.0)]
    assert q1.text == 'Een convenant is een contract dat je bij de rechter afdwingt._____";'
    assert (q1.correct, q1.feedback_true, q1.feedback_false) == (
        False,
        "Een convenant is een inspanningsverplichting.",
        "Je gaf het goede antwoord.",
    )
    assert q1.general_feedback == "Zie ook de les over afspraken maken."
    assert (tf1.name, tf1.correct, tf2.name, tf2.correct) == ("3-01 Netwerk", True, "3-01 Netwerk", True)
    assert code.text == CODE_TEXT
    assert pairs(code) == [("zorg {GGD}", 1.0), ("gemeente", 0.0), ("niets", 0.0)]
    assert [(a.fraction, a.value, a.tolerance, a.feedback) for a in years.answers] == [
        (1.0, 4.0, 0.0, ""),
        (0.5, 4.0, 1.0, "Bijna."),
    ]
    assert [q.line for q in qs] == [9, 13, 22, 31, 40, 43, 50, 55, 58, 62, 71]


@pytest.mark.parametrize("name", ["examples.gift.txt", "fixture.gift.txt"])
def test_data_file_round_trip(name):
    qs = parse_gift(_data(name))
    exported = export_gift(qs)
    again = parse_gift(exported)
    assert no_line(again) == no_line(qs)
    assert export_gift(again) == exported


# --------------------------------------------------------------------------- ID numbers and tags


def test_id_number_and_tags_from_the_comment_before_the_question():
    q = one(
        "// question: 12  name: Vertrouwen\n// [id:Q123] [tag:samenwerken] [tag:vertrouwen]\n::V::Klopt?{T}"
    )
    assert (q.idnumber, q.tags) == ("Q123", ["samenwerken", "vertrouwen"])


def test_id_number_and_tags_like_moodles_importer():
    gift = (
        "// [tag: met spaties ] [id: A\\]1 ] [id:tweede]\n"
        "::V::Eerste regel\n"
        "// [tag:a\\]b] [tag:] [tag:samen] [tag:<b>] [tag:samen]\n"
        "tweede regel{T}"
    )
    q = one(gift)
    # The first [id:] counts, trimmed, "\]" is "]"; tags from every comment line of the question,
    # empty and repeated ones left out; "<" is not allowed in a tag.
    assert q.idnumber == "A]1"
    assert q.tags == ["met spaties", "a]b", "samen"]
    assert q.text == "Eerste regel\n \ntweede regel"


def test_comment_without_id_or_tags_gives_none():
    q = one("// question: 5  name: Q5 [id]\n// [ID:x] [tags:y]\n::Q5::Klopt?{F}")
    assert (q.idnumber, q.tags) == ("", [])


def test_id_and_tags_of_a_category_chunk_are_not_the_questions():
    qs = parse_gift("// [id:CAT] [tag:cat]\n$CATEGORY: Toets\n// [id:Q1]\n::A::a{T}\n\n::B::b{T}")
    assert [(q.name, q.category, q.idnumber, q.tags) for q in qs] == [
        ("A", "Toets", "Q1", []),
        ("B", "Toets", "", []),
    ]


def test_export_writes_id_and_tags_as_moodle_4_does():
    q = GiftQuestion(
        kind="true_false",
        name="V",
        text="Klopt?",
        correct=True,
        idnumber="Q123",
        tags=["samenwerken", "vertrouwen"],
    )
    assert export_gift([q]) == "// [id:Q123] [tag:samenwerken] [tag:vertrouwen]\n::V::Klopt?{TRUE}\n"
    assert export_gift([replace(q, idnumber="", tags=["x"])]).startswith("// [tag:x]\n::V::")
    assert export_gift([replace(q, idnumber="", tags=[])]) == "::V::Klopt?{TRUE}\n"


@pytest.mark.parametrize(
    ("idnumber", "tags", "read_back"),
    [
        ("a]b", ["x]y", "z"], ("a]b", ["x]y", "z"])),
        ("eindigt op \\", ["ook \\"], ("eindigt op \\", ["ook \\"])),
        ("regel\neen", ["tab\there"], ("regel een", ["tab here"])),
        ("{#=~}", ["<b>vet</b>", "`code`"], ("{#=~}", ["bvet/b", "code"])),
        ("  ", ["", "  "], ("", [])),
    ],
)
def test_export_of_awkward_id_numbers_and_tags(idnumber, tags, read_back):
    q = GiftQuestion(kind="essay", name="E", text="Schrijf.", idnumber=idnumber, tags=tags)
    out = export_gift([q])
    assert out.count("\n") == (2 if read_back != ("", []) else 1)  # one comment line at most
    (again,) = parse_gift(out)
    assert (again.idnumber, again.tags) == read_back
    assert (again.name, again.text) == ("E", "Schrijf.")


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
