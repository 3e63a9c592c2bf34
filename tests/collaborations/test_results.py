import pytest

from collaborations import selectors, services
from collaborations.factories import participant_add, round_answer_all, round_open
from collaborations.models import Participant, World


def _answered_round(collaboration, partners, *, sizes, close=True):
    round_ = round_open(collaboration=collaboration)
    own = Participant.objects.get(user=collaboration.regisseur).partner
    groups = {own: sizes[0], partners["Zorggroep"]: sizes[1], partners["Woonstichting"]: sizes[2]}
    # The regisseur's organisation rates the contract high and the relation low; the care provider
    # the other way round.
    profiles = {
        own: {World.BLUE: 5, World.ORANGE: 2},
        partners["Zorggroep"]: {World.BLUE: 2, World.ORANGE: 4},
        partners["Woonstichting"]: {World.BLUE: 3, World.ORANGE: 3},
    }
    for partner, size in groups.items():
        people = list(Participant.objects.filter(partner=partner))
        people += [participant_add(partner=partner) for _ in range(size - len(people))]
        for participant in people[:size]:
            round_answer_all(round_=round_, participant=participant, values_by_world=profiles[partner])
    if close:
        services.round_close(round_=round_, by=collaboration.regisseur)
    return round_


def test_a_partner_below_k_is_hidden_but_counts_in_the_total(collaboration, partners):
    round_ = _answered_round(collaboration, partners, sizes=(3, 3, 2))
    results = selectors.round_results(round_=round_)
    hidden = {p.partner.name: p for p in results.partners}
    assert not hidden["Woonstichting"].visible
    assert hidden["Woonstichting"].scores.by_factor_world == {}
    assert hidden["Woonstichting"].more_needed == 1
    assert hidden["Zorggroep"].visible
    factor = results.factors[0]
    # (3×100 + 3×25 + 2×50) / 8 participants, blue world.
    assert factor.blue == round((3 * 100 + 3 * 25 + 2 * 50) / 8)
    assert results.respondents == 8


def test_gaps_between_partners_and_between_worlds(collaboration, partners):
    results = selectors.round_results(round_=_answered_round(collaboration, partners, sizes=(3, 3, 3)))
    factor = results.factors[0]
    assert factor.partner_gap.size == 75  # blue: 100 against 25
    assert factor.partner_gap.world == World.BLUE
    assert factor.partner_gap.low.partner.name == "Zorggroep"
    assert len(results.priorities) == 3
    assert all(row.reasons for row in results.priorities)


def test_too_few_answers_show_nothing(collaboration, partners):
    results = selectors.round_results(round_=_answered_round(collaboration, partners, sizes=(1, 1, 0)))
    assert not results.is_visible
    assert all(row.score is None for row in results.factors)


def test_change_since_the_previous_round(collaboration, partners):
    _answered_round(collaboration, partners, sizes=(3, 3, 3))
    second = _answered_round(collaboration, partners, sizes=(3, 3, 3))
    results = selectors.round_results(round_=second)
    assert results.previous_round.number == 1
    assert all(row.change == 0 for row in results.factors)
    assert all(p.previous is not None for p in results.visible_partners)


@pytest.mark.parametrize("size", [3, 6])
def test_results_queries_do_not_grow_with_participants_and_rounds(
    collaboration, partners, size, client, django_assert_max_num_queries
):
    # Two rounds at both sizes: from the second round on the previous one is read too (3 queries more).
    for _ in range(2):
        round_ = _answered_round(collaboration, partners, sizes=(size, size, size))
    client.force_login(collaboration.regisseur)
    with django_assert_max_num_queries(22):
        response = client.get(f"/samenwerkingsverbanden/{collaboration.pk}/metingen/{round_.number}/")
    assert response.status_code == 200
