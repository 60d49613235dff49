"""Tests for buurtoverleg.sessie.overeenstemming: known distributions and properties."""

from __future__ import annotations

import dataclasses
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from buurtoverleg.sessie.oordeel import beoordeel
from buurtoverleg.sessie.overeenstemming import (
    DICHT_BIJ_ELKAAR,
    EENSGEZIND,
    OORDELEN,
    TE_WEINIG_ANTWOORDEN,
    VERDEELD,
    DomeinVerschil,
    Drempels,
    domeinkeuzes,
    domeinmedianen,
    domeinverschillen_keuze,
    domeinverschillen_ordinaal,
    eenzijdige_herkenning,
    gewicht,
    keuze,
    oordeel,
    ordinaal,
)
from buurtoverleg.sessie.toestand import Optie, Vraag

FASE = (1, 5)  # rust=1 .. escalatie=5


# --------------------------------------------------------------------------- Drempels


def test_drempels_defaults_and_replace() -> None:
    d = Drempels()
    assert (d.betwist_min, d.betwist_max) == (0.35, 0.65)
    assert d.consensus_eensgezind == 0.7
    assert d.domein_afstand_fase == 1.0
    assert d.domein_afstand_schaal == 2.0
    assert d.min_antwoorden == 3
    assert (d.eensgezind_aandeel, d.verdeeld_afstand) == (0.75, 2.0)
    streng = dataclasses.replace(d, consensus_eensgezind=0.9)
    assert streng.consensus_eensgezind == 0.9 and streng.betwist_min == 0.35
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.betwist_min = 0.1  # type: ignore[misc]


@pytest.mark.parametrize(
    "wijziging",
    [
        {"betwist_min": 0.7},  # above betwist_max
        {"betwist_max": 1.5},
        {"consensus_eensgezind": -0.1},
        {"eensgezind_aandeel": 0.5},  # "nearly everyone" must at least be a majority
        {"eensgezind_aandeel": 1.1},
        {"verdeeld_afstand": 0.0},
        {"min_antwoorden": -1},
        {"domein_afstand_fase": -1.0},
        {"uitschieter_afstand": 0.0},
        {"gewicht_halve_omvang": 0.0},
    ],
)
def test_drempels_invalid_override_fails_at_once(wijziging: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        dataclasses.replace(Drempels(), **wijziging)


# --------------------------------------------------------------------------- ordinaal


def test_unanimous_is_consensus_one_and_eensgezind() -> None:
    u = ordinaal([3, 3, 3, 3, 3], *FASE)
    assert u.consensus == 1.0
    assert u.oordeel == EENSGEZIND
    assert u.mediaan == 3.0 and u.iqr == 0.0
    assert u.verdeling == {1: 0, 2: 0, 3: 5, 4: 0, 5: 0}
    assert u.uitschieters == () and u.aantal_uitschieters == 0
    assert u.verdeeldheid == 0.0


def test_symmetric_split_of_extremes_is_consensus_zero_and_verdeeld() -> None:
    # mu = 3, d = 4, |X - mu| / d = 2/4 for everyone -> 1 + 1/2*log2(1/2) + 1/2*log2(1/2) = 1 - 1 = 0
    u = ordinaal([1, 5, 1, 5], *FASE)
    assert u.consensus == 0.0
    assert u.oordeel == VERDEELD
    assert u.mediaan == 3.0
    # inclusive quartiles of [1, 1, 5, 5] sit at positions 0.75 and 2.25: Q1 = 1, Q3 = 5 -> IQR 4
    assert u.iqr == 4.0
    # every answer is 2 steps from the median, but 100% of the room is a camp, not outliers
    assert u.uitschieters == ()


def test_neighbouring_fifty_fifty_split_is_two_camps() -> None:
    # [3,3,4,4]: mu = 3.5, |X - mu|/d = 0.5/4 = 0.125 -> Cns = 1 + log2(0.875) = 0.80735...
    u = ordinaal([3, 3, 4, 4], *FASE)
    assert u.consensus == pytest.approx(1 + math.log2(0.875))
    assert u.consensus == pytest.approx(0.807355, abs=1e-6)
    # high consensus, yet half the room says onderhuidse spanningen and half incidenten: two
    # camps, not agreement (the old rule, consensus alone, called this eensgezind)
    assert u.oordeel == VERDEELD
    assert u.mediaan == 3.5 and u.meest_gekozen == (3, 4)


def test_split_two_steps_apart_is_verdeeld() -> None:
    # [2,2,4,4]: mu = 3, |X - mu|/d = 1/4 -> Cns = 1 + log2(0.75) = 0.58496...
    u = ordinaal([2, 4, 2, 4], *FASE)
    assert u.consensus == pytest.approx(0.584963, abs=1e-6)
    assert u.oordeel == VERDEELD


def test_uniform_over_five_points() -> None:
    # mu = 3; deviations/d = 2/4, 1/4, 0, 1/4, 2/4; each p = 1/5
    # Cns = 1 + (2*log2(0.5) + 2*log2(0.75) + log2(1)) / 5 = 1 - (2 + 0.830075) / 5 = 0.433985
    u = ordinaal([1, 2, 3, 4, 5], *FASE)
    assert u.consensus == pytest.approx(0.433985, abs=1e-6)
    assert u.oordeel == VERDEELD
    # inclusive quartiles of 1..5 are 2 and 4
    assert u.iqr == 2.0


def test_one_outlier_among_agreement_is_reported() -> None:
    # nine say 3 (onderhuidse spanningen), one says 5 (escalatie); mu = 32/10 = 3.2
    # 9/10*log2(1 - 0.2/4) + 1/10*log2(1 - 1.8/4) = 0.9*log2(0.95) + 0.1*log2(0.55)
    #   = 0.9*(-0.0740006) + 0.1*(-0.8624965) = -0.1528502 -> Cns = 0.84715
    u = ordinaal([3] * 9 + [5], *FASE)
    assert u.consensus == pytest.approx(0.847150, abs=1e-6)
    # one voice two steps away: reported as an outlier, and the room is not eensgezind
    # (nobody may be far from the answer): verdeeld, the one rule for ordered scales
    assert u.oordeel == VERDEELD
    assert u.uitschieters == (5,)
    assert u.aantal_uitschieters == 1


def test_outliers_on_both_sides_and_one_step_is_no_outlier() -> None:
    u = ordinaal([1, 3, 3, 3, 3, 3, 4, 5], *FASE)
    # median 3; 1 and 5 are 2 steps away (2 of 8 = 25% < 35%); 4 is only one step
    assert u.uitschieters == (1, 5)
    assert u.aantal_uitschieters == 2


def test_far_group_is_a_camp_not_outliers() -> None:
    # median 3; the three 1s are 2 steps away but 3/7 = 43% of the room
    u = ordinaal([1, 1, 1, 3, 3, 3, 3], *FASE)
    assert u.uitschieters == () and u.aantal_uitschieters == 0


def test_zero_answers() -> None:
    u = ordinaal([], *FASE)
    assert u.aantal == 0
    assert u.consensus == 1.0
    assert u.mediaan is None
    assert u.iqr == 0.0
    assert u.verdeling == {1: 0, 2: 0, 3: 0, 4: 0, 5: 0}
    assert u.uitschieters == ()
    assert u.oordeel == TE_WEINIG_ANTWOORDEN


def test_one_answer() -> None:
    u = ordinaal([4], *FASE)
    assert (u.consensus, u.mediaan, u.iqr) == (1.0, 4.0, 0.0)
    assert u.oordeel == TE_WEINIG_ANTWOORDEN


def test_two_answers_are_computed_but_too_few_for_a_verdict() -> None:
    u = ordinaal([1, 5], *FASE)
    assert u.consensus == 0.0
    assert u.mediaan == 3.0
    assert u.iqr == 2.0  # inclusive quartiles of [1, 5]: 2 and 4
    assert u.oordeel == TE_WEINIG_ANTWOORDEN
    assert not any(math.isnan(x) for x in (u.consensus, u.iqr, u.mediaan))


def test_min_antwoorden_override() -> None:
    assert ordinaal([2, 2], *FASE, drempels=Drempels(min_antwoorden=2)).oordeel == EENSGEZIND


def test_single_point_scale() -> None:
    u = ordinaal([7, 7, 7], 7, 7)
    assert u.consensus == 1.0 and u.oordeel == EENSGEZIND


def test_other_scale_width_uses_scale_not_answers() -> None:
    # 1..10 scale, answers 5 and 6: mu = 5.5, |X-mu|/d = 0.5/9 -> 1 + log2(1 - 1/18)
    u = ordinaal([5, 6, 5, 6], 1, 10)
    assert u.consensus == pytest.approx(1 + math.log2(17 / 18))


@pytest.mark.parametrize(
    ("waarden", "minimum", "maximum"),
    [([0, 3], 1, 5), ([6], 1, 5), ([2.5], 1, 5), ([3], 5, 1)],
)
def test_invalid_scale_input_raises(waarden: list[float], minimum: int, maximum: int) -> None:
    with pytest.raises(ValueError):
        ordinaal(waarden, minimum, maximum)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- keuze


def test_fifty_fifty_single_choice_is_contested() -> None:
    u = keuze([["a"], ["b"], ["a"], ["b"]], ["a", "b", "c"])
    assert u.aandelen == {"a": 0.5, "b": 0.5, "c": 0.0}
    assert u.betwist == ("a", "b")
    assert u.meest_gekozen == ("a", "b")
    assert u.oordeel == VERDEELD
    assert u.verdeeldheid == 1.0  # 2*min(0.5, 0.5)


def test_ninety_ten_is_not_contested() -> None:
    u = keuze([["a"]] * 9 + [["b"]], ["a", "b"])
    assert u.aandelen == {"a": 0.9, "b": 0.1}
    assert u.betwist == ()
    assert u.meest_gekozen == ("a",)
    assert u.versnipperd is False
    assert u.oordeel == EENSGEZIND
    assert u.verdeeldheid == pytest.approx(0.2)  # 2*min(0.9, 0.1)


def test_contested_bounds_are_inclusive() -> None:
    # 7/20 = 0.35 and 13/20 = 0.65 are exactly on the bounds
    u = keuze([["a"]] * 13 + [["b"]] * 7, ["a", "b"])
    assert u.betwist == ("a", "b")
    # 14/20 = 0.70 and 6/20 = 0.30 are outside
    assert keuze([["a"]] * 14 + [["b"]] * 6, ["a", "b"]).betwist == ()


def test_scattered_single_choice_is_verdeeld() -> None:
    # 4/4/3 of 11: 36%, 36%, 27% -> a and b contested
    assert keuze([["a"]] * 4 + [["b"]] * 4 + [["c"]] * 3, ["a", "b", "c"]).oordeel == VERDEELD
    # 1/3 each: no option reaches 35%, but everyone chose and nobody agrees -> versnipperd
    u = keuze([["a"], ["b"], ["c"]] * 3, ["a", "b", "c"])
    assert u.betwist == ()
    assert u.versnipperd is True
    assert u.oordeel == VERDEELD
    assert u.verdeeldheid == pytest.approx(2 / 3)  # max(2*(1/3), 1 - 1/3)


def test_multiple_choice_shares_are_per_respondent() -> None:
    antwoorden = [["a", "b"], ["a"], ["a", "c"], ["a", "b"], []]
    u = keuze(antwoorden, ["a", "b", "c"])
    # a: 4/5 = 0.8, b: 2/5 = 0.4 (contested), c: 1/5 = 0.2
    assert u.aantal == 5
    assert u.aantallen == {"a": 4, "b": 2, "c": 1}
    assert u.aandelen == {"a": 0.8, "b": 0.4, "c": 0.2}
    assert u.betwist == ("b",)
    assert u.meest_gekozen == ("a",)
    assert u.oordeel == VERDEELD


def test_multiple_choice_room_agrees_nothing_applies() -> None:
    u = keuze([[], [], ["a"], [], [], [], [], [], [], []], ["a", "b"])
    assert u.aandelen == {"a": 0.1, "b": 0.0}
    assert u.versnipperd is False  # 1 choice among 10 respondents: they agree on 'no'
    assert u.oordeel == EENSGEZIND


def test_duplicate_option_in_one_answer_counts_once() -> None:
    assert keuze([["a", "a"], ["b"], ["a"]], ["a", "b"]).aantallen == {"a": 2, "b": 1}


def test_unknown_option_raises_value_error() -> None:
    with pytest.raises(ValueError, match="unknown"):
        keuze([["a"], ["z"]], ["a", "b"])


def test_duplicate_opties_raise() -> None:
    with pytest.raises(ValueError):
        keuze([["a"]], ["a", "a"])


def test_bare_string_answer_is_refused() -> None:
    with pytest.raises(TypeError):
        keuze(["ab"], ["ab", "cd"])


def test_keuze_zero_one_two_answers() -> None:
    nul = keuze([], ["a", "b"])
    assert nul.aantal == 0
    assert nul.aandelen == {"a": 0.0, "b": 0.0}
    assert nul.betwist == () and nul.meest_gekozen == ()
    assert nul.verdeeldheid == 0.0
    assert nul.oordeel == TE_WEINIG_ANTWOORDEN

    een = keuze([["a"]], ["a", "b"])
    assert een.aandelen == {"a": 1.0, "b": 0.0}
    assert een.oordeel == TE_WEINIG_ANTWOORDEN

    twee = keuze([["a"], ["b"]], ["a", "b"])
    assert twee.betwist == ("a", "b")
    assert twee.oordeel == TE_WEINIG_ANTWOORDEN


# --------------------------------------------------------------------------- the verdict: one rule

# The acceptance table of issue 14: answers on a 5-step ordered question (the fase question,
# ernst, urgentie) and the verdicts a room would sign. The first six rows are the issue's, the
# rest add the thresholds' edges; every row also pins the exact verdict of the defaults.
NIET_VERDEELD = frozenset({EENSGEZIND, DICHT_BIJ_ELKAAR})
NIET_EENSGEZIND = frozenset({DICHT_BIJ_ELKAAR, VERDEELD})


@pytest.mark.parametrize(
    ("verdeling", "toegestaan", "verwacht"),
    [
        ({3: 6}, {EENSGEZIND}, EENSGEZIND),
        ({2: 5, 3: 1}, NIET_VERDEELD, EENSGEZIND),
        ({2: 1, 3: 2, 4: 1}, NIET_EENSGEZIND, VERDEELD),  # seen: "EENSGEZIND op onderhuidse spanningen"
        ({2: 1, 3: 1, 4: 1}, NIET_EENSGEZIND, VERDEELD),  # seen: urgency "EENSGEZIND op 3"
        ({2: 2, 4: 2}, {VERDEELD}, VERDEELD),
        ({1: 3, 5: 3}, {VERDEELD}, VERDEELD),
        # own rows
        ({2: 3, 3: 1}, NIET_VERDEELD, EENSGEZIND),  # 3 of 4: the 75% bound is inclusive
        ({3: 5, 4: 2}, {DICHT_BIJ_ELKAAR}, DICHT_BIJ_ELKAAR),  # 71%, the rest one step away
        ({2: 2, 3: 1}, {DICHT_BIJ_ELKAAR}, DICHT_BIJ_ELKAAR),  # 2 of 3: a clear majority, no more
        ({3: 7, 4: 3}, {DICHT_BIJ_ELKAAR}, DICHT_BIJ_ELKAAR),  # 30% is a minority, not a camp
        ({3: 5, 4: 3}, {VERDEELD}, VERDEELD),  # 37.5% one step away is a camp
        ({3: 2, 4: 2}, {VERDEELD}, VERDEELD),  # 50/50 one step apart: two camps
        ({3: 9, 5: 1}, NIET_EENSGEZIND, VERDEELD),  # one voice two steps away
        ({3: 18, 4: 1, 1: 1}, NIET_EENSGEZIND, VERDEELD),  # however large the room
        ({1: 1, 2: 1, 3: 1, 4: 1, 5: 1}, {VERDEELD}, VERDEELD),
        ({4: 2}, {TE_WEINIG_ANTWOORDEN}, TE_WEINIG_ANTWOORDEN),  # below min_antwoorden (3)
    ],
)
def test_acceptatietabel_geordende_vraag(verdeling: dict[int, int], toegestaan: set[str], verwacht: str) -> None:
    waarden = [stap for stap, aantal in verdeling.items() for _ in range(aantal)]
    u = ordinaal(waarden, *FASE)
    assert u.oordeel in toegestaan
    assert u.oordeel == verwacht


@pytest.mark.parametrize(
    ("antwoorden", "verwacht", "uiteen"),
    [
        ([["a"]] * 10, EENSGEZIND, ()),  # everyone ticks a, nobody b
        ([["a", "b"]] * 9 + [["a"]], EENSGEZIND, ()),  # b: 90%, nearly everyone
        ([["a"]] * 9 + [["a", "b"]], EENSGEZIND, ()),  # b: 10%, nearly no one
        ([["a"]] * 8 + [["a", "b"]] * 2, EENSGEZIND, ()),  # b: 20% <= 25%
        ([["a"]] * 7 + [["a", "b"]] * 3, DICHT_BIJ_ELKAAR, ("b",)),  # b: 30%, a minority
        ([["a"]] * 7 + [["b"]] * 3, DICHT_BIJ_ELKAAR, ("a", "b")),  # single choice 70/30
        ([["a"]] * 5 + [["a", "b"]] * 5, VERDEELD, ("b",)),  # b: 50%, two camps
        ([["a"], ["b"], ["c"]] * 3, VERDEELD, ("a", "b", "c")),  # scattered: 1/3 each
        ([[]] * 10, EENSGEZIND, ()),  # nobody sees any of these: also agreement
    ],
)
def test_acceptatietabel_checklist(antwoorden: list[list[str]], verwacht: str, uiteen: tuple[str, ...]) -> None:
    u = keuze(antwoorden, ["a", "b", "c"])
    assert u.oordeel == verwacht
    assert u.uiteen == uiteen  # the options that split the room, named in the summary
    if verwacht == EENSGEZIND:
        assert all(p >= 0.75 or p <= 0.25 for p in u.aandelen.values())


def test_oordeel_is_never_eensgezind_next_to_differing_domains() -> None:
    verschil = DomeinVerschil("politie", "welzijn", 4.0, 3.0, 1.0, True)
    assert oordeel(EENSGEZIND, [verschil]) == DICHT_BIJ_ELKAAR
    assert oordeel(EENSGEZIND, []) == EENSGEZIND
    for ander in (DICHT_BIJ_ELKAAR, VERDEELD, TE_WEINIG_ANTWOORDEN):
        assert oordeel(ander, [verschil]) == oordeel(ander, []) == ander


def test_thresholds_move_the_verdict_per_meeting() -> None:
    waarden = [3, 3, 3, 4]  # 75% on one step, one voice one step away
    assert ordinaal(waarden, *FASE).oordeel == EENSGEZIND
    assert ordinaal(waarden, *FASE, drempels=Drempels(eensgezind_aandeel=0.8)).oordeel == DICHT_BIJ_ELKAAR
    assert ordinaal(waarden, *FASE, drempels=Drempels(betwist_min=0.25)).oordeel == VERDEELD
    # the old consensus threshold still works: a stricter one takes "eensgezind" away (Cns 0.855)
    assert ordinaal(waarden, *FASE, drempels=Drempels(consensus_eensgezind=0.9)).oordeel == DICHT_BIJ_ELKAAR
    # a meeting that accepts two steps as nuance: one voice two away is no longer verdeeld
    ruim = Drempels(verdeeld_afstand=3.0)
    assert ordinaal([3] * 9 + [5], *FASE, drempels=ruim).oordeel == EENSGEZIND
    assert ordinaal([2, 3, 3, 3, 3, 4], *FASE, drempels=ruim).oordeel == DICHT_BIJ_ELKAAR


def test_consensus_guards_eensgezind_on_a_short_scale() -> None:
    # 3 against 1 one step apart: on 1-5 that is eensgezind, on a 3-point scale the step is
    # half the scale (Cns 0.69 < 0.7) and on a 2-point scale the whole of it
    assert ordinaal([2, 2, 2, 3], 1, 5).oordeel == EENSGEZIND
    assert ordinaal([2, 2, 2, 3], 1, 3).oordeel == DICHT_BIJ_ELKAAR
    assert ordinaal([1, 1, 1, 2], 1, 2).oordeel == DICHT_BIJ_ELKAAR


# --------------------------------------------------------------------------- domains


def test_two_domains_a_full_phase_apart_are_flagged() -> None:
    antwoorden = [("politie", 4), ("politie", 4), ("welzijn", 3), ("welzijn", 3), ("welzijn", 2)]
    verschillen = domeinverschillen_ordinaal(antwoorden, Drempels().domein_afstand_fase)
    assert verschillen == [
        DomeinVerschil(
            domein_a="politie",
            domein_b="welzijn",
            waarde_a=4.0,
            waarde_b=3.0,
            afstand=1.0,
            veiligheid_tegenover_sociaal=True,
        )
    ]


def test_half_phase_apart_is_not_flagged() -> None:
    # politie median (3+4)/2 = 3.5, welzijn median 3 -> 0.5 < 1.0
    antwoorden = [("politie", 3), ("politie", 4), ("welzijn", 3)]
    assert domeinverschillen_ordinaal(antwoorden, 1.0) == []


def test_domain_pairs_sorted_by_distance_then_name() -> None:
    antwoorden = [("zorg", 1), ("politie", 5), ("gemeente", 3), ("bewoner", 2)]
    verschillen = domeinverschillen_ordinaal(antwoorden, 2.0)
    assert [(v.domein_a, v.domein_b, v.afstand) for v in verschillen] == [
        ("politie", "zorg", 4.0),
        ("bewoner", "politie", 3.0),
        ("gemeente", "politie", 2.0),
        ("gemeente", "zorg", 2.0),
    ]
    assert [v.veiligheid_tegenover_sociaal for v in verschillen] == [True, False, False, False]


def test_domain_medians_and_small_inputs() -> None:
    assert domeinmedianen([("b", 1), ("a", 2), ("b", 3)]) == {"a": 2.0, "b": 2.0}
    assert domeinverschillen_ordinaal([], 1.0) == []
    assert domeinverschillen_ordinaal([("politie", 5)], 1.0) == []
    assert domeinverschillen_ordinaal([("politie", 5), ("politie", 1)], 1.0) == []


def test_domeinverschillen_keuze_flags_different_top_options() -> None:
    antwoorden = [
        ("politie", ["handhaven"]),
        ("politie", ["handhaven"]),
        ("jongerenwerk", ["gesprek"]),
        ("jongerenwerk", ["gesprek"]),
        ("jongerenwerk", ["handhaven"]),
        ("welzijn", ["gesprek"]),
    ]
    opties = ["handhaven", "gesprek"]
    assert domeinkeuzes(antwoorden, opties) == {
        "jongerenwerk": ("gesprek",),
        "politie": ("handhaven",),
        "welzijn": ("gesprek",),
    }
    verschillen = domeinverschillen_keuze(antwoorden, opties)
    # politie vs welzijn: |1 - 0| = 1.0; jongerenwerk vs politie: |1/3 - 1| = 2/3
    assert [(v.domein_a, v.domein_b) for v in verschillen] == [("politie", "welzijn"), ("jongerenwerk", "politie")]
    assert verschillen[0].afstand == 1.0
    assert verschillen[1].afstand == pytest.approx(2 / 3)
    assert verschillen[1].keuze_a == ("gesprek",) and verschillen[1].keuze_b == ("handhaven",)
    assert all(v.veiligheid_tegenover_sociaal for v in verschillen)


def test_domeinverschillen_keuze_ties_sharing_an_option_are_not_flagged() -> None:
    antwoorden = [("politie", ["a"]), ("politie", ["b"]), ("welzijn", ["b"]), ("zorg", [])]
    assert domeinkeuzes(antwoorden, ["a", "b"]) == {"politie": ("a", "b"), "welzijn": ("b",), "zorg": ()}
    # politie {a, b} and welzijn {b} share b; zorg chose nothing and is not compared
    assert domeinverschillen_keuze(antwoorden, ["a", "b"]) == []


def test_domeinverschillen_keuze_unknown_option_raises() -> None:
    with pytest.raises(ValueError):
        domeinverschillen_keuze([("politie", ["x"])], ["a"])


@pytest.mark.parametrize(
    ("herkend", "aanwezig", "verwacht"),
    [
        ({"politie"}, {"politie", "welzijn"}, True),
        (["politie", "politie"], ["politie", "welzijn", "zorg"], True),  # two officers, one domain
        ({"politie", "welzijn"}, {"politie", "welzijn"}, False),
        ({"politie"}, {"politie"}, False),  # only one domain present
        (set(), {"politie", "welzijn"}, False),
        ({"politie"}, {"welzijn"}, True),  # recogniser counts as present
        (set(), set(), False),
    ],
)
def test_eenzijdige_herkenning(herkend: set[str], aanwezig: set[str], verwacht: bool) -> None:
    assert eenzijdige_herkenning(herkend, aanwezig) is verwacht


# --------------------------------------------------------------------------- gewicht


def test_gewicht_known_values() -> None:
    assert gewicht(ordinaal([3] * 10, *FASE)) == 0.0
    assert gewicht(ordinaal([], *FASE)) == 0.0
    # [1,1,5,5]: V = 1, n = 4 -> 4/7 * 0.7 * 1 = 0.4
    assert gewicht(ordinaal([1, 1, 5, 5], *FASE)) == pytest.approx(0.4)
    # plus a flagged domain distance of 4 on a width-4 scale: 4/7 * (0.7 + 0.3) = 0.5714
    verschil = DomeinVerschil("politie", "welzijn", 5.0, 1.0, 4.0, True)
    assert gewicht(ordinaal([1, 1, 5, 5], *FASE), [verschil]) == pytest.approx(4 / 7)


def test_gewicht_domain_distance_lifts_a_modest_spread() -> None:
    antwoorden = [("politie", 5)] + [("welzijn", 1)] * 9
    uitslag = ordinaal([w for _, w in antwoorden], *FASE)
    verschillen = domeinverschillen_ordinaal(antwoorden, 1.0)
    assert gewicht(uitslag, verschillen) > gewicht(uitslag)


def test_gewicht_keuze_and_size() -> None:
    klein = keuze([["a"], ["b"], ["a"], ["b"]], ["a", "b"])
    groot = keuze([["a"], ["b"]] * 10, ["a", "b"])
    assert gewicht(klein) == pytest.approx(4 / 7 * 0.7)
    assert gewicht(groot) > gewicht(klein)
    assert gewicht(keuze([["a"]] * 20, ["a", "b"])) == 0.0


# --------------------------------------------------------------------------- properties


@st.composite
def schaal_en_waarden(draw: st.DrawFn, max_grootte: int = 40) -> tuple[int, int, list[int]]:
    minimum = draw(st.integers(min_value=-3, max_value=3))
    maximum = minimum + draw(st.integers(min_value=0, max_value=9))
    waarden = draw(st.lists(st.integers(min_value=minimum, max_value=maximum), max_size=max_grootte))
    return minimum, maximum, waarden


@given(schaal_en_waarden())
def test_prop_consensus_in_unit_interval_and_no_nan(s: tuple[int, int, list[int]]) -> None:
    minimum, maximum, waarden = s
    u = ordinaal(waarden, minimum, maximum)
    assert 0.0 <= u.consensus <= 1.0
    assert not math.isnan(u.consensus) and not math.isnan(u.iqr)
    assert u.iqr >= 0.0
    assert sum(u.verdeling.values()) == len(waarden)
    assert list(u.verdeling) == list(range(minimum, maximum + 1))
    assert u.oordeel in OORDELEN
    if len(set(waarden)) <= 1:
        assert u.consensus == 1.0


@given(st.data())
def test_prop_invariant_under_permutation(data: st.DataObject) -> None:
    minimum, maximum, waarden = data.draw(schaal_en_waarden())
    geschud = data.draw(st.permutations(waarden))
    assert ordinaal(geschud, minimum, maximum) == ordinaal(waarden, minimum, maximum)


@given(schaal_en_waarden())
def test_prop_invariant_under_mirroring_the_scale(s: tuple[int, int, list[int]]) -> None:
    minimum, maximum, waarden = s
    origineel = ordinaal(waarden, minimum, maximum)
    gespiegeld = ordinaal([minimum + maximum - x for x in waarden], minimum, maximum)
    assert gespiegeld.consensus == pytest.approx(origineel.consensus, abs=1e-12)
    assert gespiegeld.iqr == pytest.approx(origineel.iqr, abs=1e-9)
    assert gespiegeld.oordeel == origineel.oordeel
    assert gespiegeld.aantal_uitschieters == origineel.aantal_uitschieters
    assert gespiegeld.uitschieters == tuple(sorted(minimum + maximum - x for x in origineel.uitschieters))
    if origineel.mediaan is not None:
        assert gespiegeld.mediaan == minimum + maximum - origineel.mediaan


OPTIES = ["a", "b", "c", "d"]
keuze_antwoorden = st.lists(st.frozensets(st.sampled_from(OPTIES)), max_size=40)


@given(keuze_antwoorden)
def test_prop_shares_in_unit_interval(antwoorden: list[frozenset[str]]) -> None:
    u = keuze(antwoorden, OPTIES)
    assert list(u.aandelen) == OPTIES
    assert all(0.0 <= p <= 1.0 for p in u.aandelen.values())
    assert 0.0 <= u.verdeeldheid <= 1.0
    assert 0.0 <= gewicht(u) <= 1.0
    for o in u.betwist:
        assert 0.35 <= u.aandelen[o] + 1e-12 and u.aandelen[o] - 1e-12 <= 0.65
    if u.betwist:
        assert u.oordeel in (VERDEELD, TE_WEINIG_ANTWOORDEN)


@given(st.lists(st.sampled_from(OPTIES), min_size=1, max_size=40))
def test_prop_single_choice_shares_sum_to_one(gekozen: list[str]) -> None:
    u = keuze([[o] for o in gekozen], OPTIES)
    assert math.fsum(u.aandelen.values()) == pytest.approx(1.0)
    assert u.meest_gekozen and all(u.aantallen[o] == max(u.aantallen.values()) for o in u.meest_gekozen)


@given(st.data())
def test_prop_keuze_invariant_under_permutation(data: st.DataObject) -> None:
    antwoorden = data.draw(keuze_antwoorden)
    assert keuze(data.draw(st.permutations(antwoorden)), OPTIES) == keuze(antwoorden, OPTIES)


DOMEINEN = ["politie", "gemeente-veiligheid", "welzijn", "jongerenwerk", "zorg", "bewoner"]
domein_antwoorden = st.lists(st.tuples(st.sampled_from(DOMEINEN), st.integers(min_value=1, max_value=5)), max_size=30)


@given(st.data())
def test_prop_domain_differences_symmetric(data: st.DataObject) -> None:
    antwoorden = data.draw(domein_antwoorden)
    drempel = data.draw(st.sampled_from([0.0, 0.5, 1.0, 2.0]))
    verschillen = domeinverschillen_ordinaal(antwoorden, drempel)
    medianen = domeinmedianen(antwoorden)

    # exactly the unordered pairs whose medians differ by >= drempel, each once, canonically ordered
    verwacht = {
        frozenset((a, b)) for a in medianen for b in medianen if a != b and abs(medianen[a] - medianen[b]) >= drempel
    }
    assert {frozenset((v.domein_a, v.domein_b)) for v in verschillen} == verwacht
    assert len(verschillen) == len(verwacht)
    for v in verschillen:
        assert v.domein_a < v.domein_b
        assert v.afstand == abs(v.waarde_a - v.waarde_b) == abs(v.waarde_b - v.waarde_a)
        assert (v.waarde_a, v.waarde_b) == (medianen[v.domein_a], medianen[v.domein_b])
    assert [v.afstand for v in verschillen] == sorted((v.afstand for v in verschillen), reverse=True)

    # order of the answers does not matter, and mirroring the scale keeps every distance
    assert domeinverschillen_ordinaal(data.draw(st.permutations(antwoorden)), drempel) == verschillen
    gespiegeld = domeinverschillen_ordinaal([(d, 6 - w) for d, w in antwoorden], drempel)
    assert [(v.domein_a, v.domein_b, v.afstand) for v in gespiegeld] == [
        (v.domein_a, v.domein_b, v.afstand) for v in verschillen
    ]


@given(st.data())
def test_prop_domain_choice_differences_symmetric(data: st.DataObject) -> None:
    antwoorden = data.draw(
        st.lists(st.tuples(st.sampled_from(DOMEINEN), st.frozensets(st.sampled_from(OPTIES))), max_size=30)
    )
    verschillen = domeinverschillen_keuze(antwoorden, OPTIES)
    top = domeinkeuzes(antwoorden, OPTIES)
    for v in verschillen:
        assert v.domein_a < v.domein_b
        assert 0.0 < v.afstand <= 1.0
        assert not set(v.keuze_a) & set(v.keuze_b)
        assert (v.keuze_a, v.keuze_b) == (top[v.domein_a], top[v.domein_b])
    assert domeinverschillen_keuze(data.draw(st.permutations(antwoorden)), OPTIES) == verschillen


@given(schaal_en_waarden(), st.floats(min_value=0.0, max_value=20.0))
def test_prop_gewicht_in_unit_interval(s: tuple[int, int, list[int]], afstand: float) -> None:
    minimum, maximum, waarden = s
    u = ordinaal(waarden, minimum, maximum)
    verschil = DomeinVerschil("a", "b", 0.0, afstand, afstand, False)
    assert 0.0 <= gewicht(u) <= gewicht(u, [verschil]) <= 1.0


FASEN = tuple(
    Optie(f"fase-{i}", titel)
    for i, titel in enumerate(("Rust", "Ongemak", "Onderhuidse spanningen", "Incidenten", "Escalatie"), start=1)
)
VRAGEN = {
    "fase": (Vraag("fase", "enkele-keuze", "In welke fase?", opties=FASEN), True),
    "schaal": (Vraag("urgentie", "schaal", "Hoe urgent?"), False),
    "enkele-keuze": (
        Vraag("keuze", "enkele-keuze", "Welke?", opties=tuple(Optie(o, o.upper()) for o in OPTIES)),
        False,
    ),
    "meerkeuze": (
        Vraag("vormen", "meerkeuze", "Welke vormen?", opties=tuple(Optie(o, o.upper()) for o in OPTIES)),
        False,
    ),
}


@st.composite
def vraag_en_antwoorden(draw: st.DrawFn) -> tuple[Vraag, bool, list[tuple[str, object]]]:
    vraag, geordend = VRAGEN[draw(st.sampled_from(sorted(VRAGEN)))]
    if vraag.type == "meerkeuze":
        waarde: st.SearchStrategy[object] = st.lists(st.sampled_from(OPTIES), unique=True)
    else:
        waarde = st.sampled_from(vraag.waarden())
    antwoorden = draw(st.lists(st.tuples(st.sampled_from(DOMEINEN), waarde), max_size=25))
    return vraag, geordend, antwoorden


drempels_per_overleg = st.builds(
    Drempels,
    eensgezind_aandeel=st.floats(min_value=0.51, max_value=1.0),
    verdeeld_afstand=st.sampled_from([1.0, 2.0, 3.0]),
    consensus_eensgezind=st.floats(min_value=0.0, max_value=1.0),
    domein_afstand_fase=st.sampled_from([0.5, 1.0, 2.0]),
    domein_afstand_schaal=st.sampled_from([1.0, 2.0, 3.0]),
    min_antwoorden=st.integers(min_value=0, max_value=4),
)


@given(vraag_en_antwoorden(), st.one_of(st.just(Drempels()), drempels_per_overleg))
def test_prop_eensgezind_never_next_to_differing_domains(
    v: tuple[Vraag, bool, list[tuple[str, object]]], drempels: Drempels
) -> None:
    """The verdict word and the domain readings on one screen never contradict each other,
    for any answers, any question type and any meeting's thresholds."""
    vraag, geordend, antwoorden = v
    d = beoordeel(vraag, 1, antwoorden, geordend=geordend, drempels=drempels)
    assert d is not None
    assert d.oordeel in OORDELEN
    assert d.samenvatting.startswith(d.oordeel)
    if d.oordeel == EENSGEZIND:
        assert d.lezingen == () and d.verschillen == ()
    assert bool(d.lezingen) == bool(d.verschillen)
