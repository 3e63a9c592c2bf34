import pytest

from questionnaires import scoring
from questionnaires.scoring import Band, ScoredAnswer


@pytest.mark.parametrize(("value", "expected"), [(1, 0), (2, 25), (3, 50), (4, 75), (5, 100)])
def test_the_scale_maps_onto_0_to_100(value, expected):
    assert scoring.statement_score(value) == expected


@pytest.mark.parametrize(("value", "expected"), [(1, 100), (2, 75), (3, 50), (4, 25), (5, 0)])
def test_reverse_scored_statements_are_mirrored(value, expected):
    assert scoring.statement_score(value, reverse_scored=True) == expected


@pytest.mark.parametrize("value", [0, 6, -1, None, "3", 2.5, True])
def test_values_off_the_scale_are_refused(value):
    with pytest.raises(ValueError, match="scale"):
        scoring.statement_score(value)


def test_factor_score_is_the_mean_of_answered_statements():
    answers = [
        ScoredAnswer(factor_id=1, value=5),
        ScoredAnswer(factor_id=1, value=2, reverse_scored=True),  # counts as 4 → 75
        ScoredAnswer(factor_id=1, value=None),  # don't know: not counted
        ScoredAnswer(factor_id=2, value=1),
    ]
    assert scoring.factor_scores(answers, factor_ids=[1, 2, 3]) == {1: 87.5, 2: 0.0, 3: None}


def test_a_factor_with_only_dont_know_has_no_score_not_zero():
    scores = scoring.factor_scores([ScoredAnswer(factor_id=1, value=None)], factor_ids=[1])
    assert scores == {1: None}
    assert scoring.band_for(scores[1]) is None


def test_overall_is_the_mean_of_factor_scores_without_empty_factors():
    assert scoring.overall_score({1: 80.0, 2: 40.0, 3: None}) == 60.0
    assert scoring.overall_score({1: None}) is None
    assert scoring.overall_score({}) is None


def test_overall_weighs_factors_equally_not_statements():
    answers = [ScoredAnswer(factor_id=1, value=5)] * 3 + [ScoredAnswer(factor_id=2, value=1)]
    assert scoring.overall_score(scoring.factor_scores(answers, factor_ids=[1, 2])) == 50.0


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0, Band.LOW),
        (39, Band.LOW),
        (39.9, Band.LOW),
        (40, Band.MEDIUM),
        (69, Band.MEDIUM),
        (70, Band.HIGH),
        (100, Band.HIGH),
    ],
)
def test_bands(score, band):
    assert scoring.LOW_BAND_BELOW == 40 and scoring.HIGH_BAND_FROM == 70
    assert scoring.band_for(score) == band


@pytest.mark.parametrize(("score", "rounded"), [(62.5, 63), (62.49, 62), (87.5, 88), (0.5, 1), (None, None)])
def test_scores_round_half_up(score, rounded):
    assert scoring.round_score(score) == rounded


def test_weakest_factors_skip_empty_ones_and_break_ties_in_order():
    scores = {1: 50, 2: 20, 3: None, 4: 20, 5: 90, 6: 30}
    assert scoring.weakest_factors(scores, order=[1, 2, 3, 4, 5, 6]) == [2, 4, 6]
    assert scoring.weakest_factors(scores, order=[4, 2]) == [4, 2, 6]


def test_change_since_previous():
    assert scoring.score_change(70, 55) == 15
    assert scoring.score_change(40, 55.4) == -15
    assert scoring.score_change(None, 55) is None
    assert scoring.score_change(40, None) is None


def test_spread_from_sums():
    values = [20, 40, 60, 80]
    spread = scoring.spread(count=4, total=sum(values), total_of_squares=sum(v * v for v in values))
    assert spread == pytest.approx(22.36, abs=0.01)
    assert scoring.spread(count=0, total=0, total_of_squares=0) is None
    assert scoring.spread(count=3, total=150, total_of_squares=7500) == 0
