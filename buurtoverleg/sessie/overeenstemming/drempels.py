"""Thresholds and the verdict: is the room "eensgezind", "dicht bij elkaar", "verdeeld", or
too small to tell. One rule for every question type, so the word on the beamer, in the
facilitator's list and in the minutes always means the same.

The rule (`zaaloordeel` for the room, `oordeel` with the domains), in the order it is applied:

1. **te weinig antwoorden**: fewer than `min_antwoorden` answers.
2. **verdeeld**: a real split. Some answer (a step of a scale, or an option) is chosen by
   between `betwist_min` and `betwist_max` of the room (35-65%: a camp against a camp), or
   the answers scatter so that no answer reaches `betwist_min`; or, on an ordered scale (the
   fase question, ernst, urgentie), two answers lie `verdeeld_afstand` (2) or more steps
   apart, whoever gave them.
3. **eensgezind**: nearly everyone gave the same answer: every answer is chosen by at least
   `eensgezind_aandeel` (75%) of the room or by at most the rest (25%), on an ordered scale
   the consensus is at least `consensus_eensgezind`, and no two domains read it differently
   (`oordeel`: never "eensgezind" next to a list of differing domain readings).
4. **dicht bij elkaar**: everything else: a clear majority with a few one step away (or, for
   a choice, a few who chose otherwise), or near-agreement in which one domain reads it
   differently.

"dicht bij elkaar" is not an open disagreement: the facilitator's list of open
disagreements holds only "verdeeld". Thresholds live in `Drempels`; a meeting that needs
other values stores overrides (``Leidingrol.stel_drempels``), read as
``Drempels(**overrides)``. All user-facing text is the Dutch `Oordeel`; everything else is data.
"""

from __future__ import annotations

from collections.abc import Iterable, Sized
from dataclasses import dataclass
from typing import Final, Literal

Oordeel = Literal["eensgezind", "dicht bij elkaar", "verdeeld", "te weinig antwoorden"]
EENSGEZIND: Final = "eensgezind"
DICHT_BIJ_ELKAAR: Final = "dicht bij elkaar"
VERDEELD: Final = "verdeeld"
TE_WEINIG_ANTWOORDEN: Final = "te weinig antwoorden"
OORDELEN: Final[tuple[Oordeel, ...]] = (EENSGEZIND, DICHT_BIJ_ELKAAR, VERDEELD, TE_WEINIG_ANTWOORDEN)
"""Every verdict, from agreed to divided, then too few to tell."""

_EPS = 1e-9
"""Tolerance for the inclusive threshold comparisons, so 7/20 counts as 'at least 0.35'."""


@dataclass(frozen=True)
class Drempels:
    """All thresholds and tuning constants in one place (defaults for 5-40 participants).

    Override per meeting with ``dataclasses.replace(Drempels(), ...)``; the values are
    checked on construction, so a bad override fails at once and not during the reveal.
    """

    betwist_min: float = 0.35
    """An answer (option, or step of a scale) chosen by at least this share of the room is
    contested (inclusive) and the verdict is "verdeeld" ... 35% is roughly one in three: a
    minority that size is a camp, not a stray voice. It is also the floor of a real majority:
    when the most common answer leaves 35% or more of the room elsewhere, there are two
    camps, even if they stand one step apart (2 against 2 on ongemak and onderhuidse
    spanningen is a split, not nuance)."""
    betwist_max: float = 0.65
    """... and by at most this share (inclusive). Symmetric to `betwist_min`: with 65% for,
    35% of the room is against it."""
    eensgezind_aandeel: float = 0.75
    """"Nearly everyone": "eensgezind" needs every answer chosen by at least this share of the
    room or by at most the rest (inclusive), so on a scale at least 75% on one step and for a
    checklist every option ticked by 75% or more, or by 25% or fewer. Three in four lets one
    stray voice stand in the smallest rooms (3 of 4, 5 of 6, 8 of 10), but not two in eight;
    between 65% (where a minority becomes a camp) and 75% lies "dicht bij elkaar": a clear
    majority that still has a minority worth a sentence (5 of 7, 7 of 10)."""
    verdeeld_afstand: float = 2.0
    """On an ordered scale, two answers at least this many steps apart make the verdict
    "verdeeld", however few gave them. One step is the nuance of scoring (ongemak or
    onderhuidse spanningen); two steps (ongemak against incidenten, urgency 2 against 4)
    are different readings of the situation that call for different interventions, and a
    room would not sign "eensgezind" or "dicht bij elkaar" over them. Equal to
    `uitschieter_afstand` on purpose: an outlier is always worth the word "verdeeld"."""
    consensus_eensgezind: float = 0.7
    """Tastle-Wierman consensus that a scale question needs for "eensgezind", on top of
    `eensgezind_aandeel` (it used to be the whole rule; kept so stored overrides keep their
    meaning). On a 5-point scale the share and distance rules already imply Cns >= 0.85 (75
    against 25 one step apart), so at the default it only binds on scales of three steps or
    fewer, where one step is a large part of the scale (3 against 1 on a 3-point scale gives
    Cns = 0.69, on a 2-point scale 0.19: "dicht bij elkaar"). A meeting that raises it asks
    for a stricter "eensgezind"; 0 switches it off."""
    domein_afstand_fase: float = 1.0
    """Domains whose median phases differ by at least this are flagged: a full phase apart
    means they describe a different situation (ongemak versus onderhuidse spanningen) and,
    in the method, call for different interventions."""
    domein_afstand_schaal: float = 2.0
    """The same for ernst/urgentie scales (1-5): one point is the normal noise of scoring,
    two points (for example 2 versus 4) is a different judgement."""
    min_antwoorden: int = 3
    """Fewer answers give the verdict "te weinig antwoorden" (the numbers are still
    computed). Three is the smallest group in which a majority and a dissenting voice can
    be told apart; with two answers every difference is a 50/50 split."""
    uitschieter_afstand: float = 2.0
    """An answer at least this many scale steps from the median is an outlier: one step is
    a nuance, two steps (incidenten where the room says ongemak) is worth asking about."""
    uitschieter_max_aandeel: float = 0.35
    """Outliers are only reported while they are fewer than this share of the answers
    (strict); a larger group far from the median is a camp, which the consensus and the
    verdict "verdeeld" already show. Equal to `betwist_min` on purpose."""
    gewicht_domein: float = 0.3
    """In `gewicht`: the part of the score that comes from the domain distance; the rest
    (0.7) comes from the room-wide disagreement, which stays the main signal."""
    gewicht_halve_omvang: float = 3.0
    """In `gewicht`: the number of answers at which the size factor n / (n + this) is one
    half, so a disagreement between 3 people weighs half, among 10 about 0.77."""

    def __post_init__(self) -> None:
        def eis(voorwaarde: bool, tekst: str) -> None:
            if not voorwaarde:
                raise ValueError(f"Drempels: {tekst}")

        eis(0.0 <= self.betwist_min <= self.betwist_max <= 1.0, "need 0 <= betwist_min <= betwist_max <= 1")
        eis(0.5 < self.eensgezind_aandeel <= 1.0, "eensgezind_aandeel must be in (0.5, 1]")
        eis(self.verdeeld_afstand > 0.0, "verdeeld_afstand must be > 0")
        eis(0.0 <= self.consensus_eensgezind <= 1.0, "consensus_eensgezind must be in [0, 1]")
        eis(self.domein_afstand_fase >= 0.0, "domein_afstand_fase must be >= 0")
        eis(self.domein_afstand_schaal >= 0.0, "domein_afstand_schaal must be >= 0")
        eis(self.min_antwoorden >= 0, "min_antwoorden must be >= 0")
        eis(self.uitschieter_afstand > 0.0, "uitschieter_afstand must be > 0")
        eis(0.0 <= self.uitschieter_max_aandeel <= 1.0, "uitschieter_max_aandeel must be in [0, 1]")
        eis(0.0 <= self.gewicht_domein <= 1.0, "gewicht_domein must be in [0, 1]")
        eis(self.gewicht_halve_omvang > 0.0, "gewicht_halve_omvang must be > 0")

    def betwist(self, aandeel: float) -> bool:
        """A camp: between `betwist_min` and `betwist_max` of the room (inclusive)."""
        return self.betwist_min - _EPS <= aandeel <= self.betwist_max + _EPS

    def gedeeld(self, aandeel: float) -> bool:
        """Nearly everyone or nearly no one: at least `eensgezind_aandeel`, or at most the rest."""
        return aandeel >= self.eensgezind_aandeel - _EPS or aandeel <= 1.0 - self.eensgezind_aandeel + _EPS


def zaaloordeel(
    aantal: int,
    aandelen: Iterable[float],
    drempels: Drempels,
    *,
    versnipperd: bool = False,
    ver_uiteen: bool = False,
    consensus: float = 1.0,
) -> Oordeel:
    """The room-wide verdict (rule steps 1-4 without the domains) from the share of the room
    that chose each answer.

    ``aandelen``: per option, or per step of a scale, the share of the room that chose it.
    ``versnipperd``: the answers scatter (see `spreiding.keuze`); ``ver_uiteen``: on an
    ordered scale two answers lie `verdeeld_afstand` or more steps apart; ``consensus``:
    Tastle-Wierman for a scale (1.0 for a choice, so it never binds there).
    """
    if aantal < drempels.min_antwoorden:
        return TE_WEINIG_ANTWOORDEN
    aandelen = list(aandelen)
    if ver_uiteen or versnipperd or any(drempels.betwist(p) for p in aandelen):
        return VERDEELD
    if all(drempels.gedeeld(p) for p in aandelen) and consensus >= drempels.consensus_eensgezind - _EPS:
        return EENSGEZIND
    return DICHT_BIJ_ELKAAR


def oordeel(zaal: Oordeel, verschillen: Sized) -> Oordeel:
    """The verdict with the domains (rule step 3): a room that is "eensgezind" while some
    domains read it differently (``verschillen``, from `domeinverschillen_ordinaal` or
    `domeinverschillen_keuze`, non-empty) is "dicht bij elkaar", never "eensgezind": a room
    would not sign agreement under a list of domains that read it otherwise."""
    if zaal == EENSGEZIND and len(verschillen) > 0:
        return DICHT_BIJ_ELKAAR
    return zaal
