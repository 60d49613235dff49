"""Thresholds and verdicts: when is the room "eensgezind", "verdeeld" or too small to tell.

Thresholds live in `Drempels`; a meeting that needs other values uses
``dataclasses.replace(Drempels(), betwist_min=0.3)``. All user-facing text is the Dutch
`oordeel` ("eensgezind", "verdeeld", "te weinig antwoorden"); everything else is data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

Oordeel = Literal["eensgezind", "verdeeld", "te weinig antwoorden"]
EENSGEZIND: Final = "eensgezind"
VERDEELD: Final = "verdeeld"
TE_WEINIG_ANTWOORDEN: Final = "te weinig antwoorden"

_EPS = 1e-9
"""Tolerance for the inclusive threshold comparisons, so 7/20 counts as 'at least 0.35'."""


@dataclass(frozen=True)
class Drempels:
    """All thresholds and tuning constants in one place (defaults for 5-40 participants).

    Override per meeting with ``dataclasses.replace(Drempels(), ...)``; the values are
    checked on construction, so a bad override fails at once and not during the reveal.
    """

    betwist_min: float = 0.35
    """An option chosen by at least this share of the room is contested (inclusive) ...
    35% is roughly one in three: a minority that size is a camp, not a stray voice."""
    betwist_max: float = 0.65
    """... and by at most this share (inclusive). Symmetric to `betwist_min`: with 65% for,
    35% of the room is against it."""
    consensus_eensgezind: float = 0.7
    """Tastle-Wierman consensus at or above which a scale question is "eensgezind". On a
    5-point scale 0.7 lies between a 50/50 split over two *neighbouring* values
    (Cns = 1 + log2(7/8) = 0.81: agreement up to one step, which a facilitator need not
    discuss) and a 50/50 split over values *two steps* apart (Cns = 1 + log2(3/4) = 0.58: a
    real difference in reading). One dissenter two steps away among ten still gives
    Cns = 0.85 (eensgezind, but reported as an outlier)."""
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
        eis(0.0 <= self.consensus_eensgezind <= 1.0, "consensus_eensgezind must be in [0, 1]")
        eis(self.domein_afstand_fase >= 0.0, "domein_afstand_fase must be >= 0")
        eis(self.domein_afstand_schaal >= 0.0, "domein_afstand_schaal must be >= 0")
        eis(self.min_antwoorden >= 0, "min_antwoorden must be >= 0")
        eis(self.uitschieter_afstand > 0.0, "uitschieter_afstand must be > 0")
        eis(0.0 <= self.uitschieter_max_aandeel <= 1.0, "uitschieter_max_aandeel must be in [0, 1]")
        eis(0.0 <= self.gewicht_domein <= 1.0, "gewicht_domein must be in [0, 1]")
        eis(self.gewicht_halve_omvang > 0.0, "gewicht_halve_omvang must be > 0")


def _oordeel(aantal: int, eensgezind: bool, drempels: Drempels) -> Oordeel:
    if aantal < drempels.min_antwoorden:
        return TE_WEINIG_ANTWOORDEN
    return EENSGEZIND if eensgezind else VERDEELD
