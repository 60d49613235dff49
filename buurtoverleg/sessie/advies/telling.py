"""Adding up the terms of each proposal and ranking the proposals.

Ranking: first everything that matched the analysis (a positive S, P1-P6 term), then the
rest; within each group by score (high first). Equal scores are broken by a rule a
facilitator can say out loud: more reasons from the analysis first (it fits on more
points), then the smaller scale (the vuistregel "klein en vaak": kleinschalig, buurt,
gemeente, unknown), then the title in alphabetical order. What matched nothing gets the
reason "algemene aanpak: ..." and so is always at the bottom, with its vuistregel terms.
Reasons are listed strongest first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...content import Catalogus


@dataclass(frozen=True)
class Voorstel:
    id: str
    titel: str
    score: float
    redenen: tuple[str, ...]
    omschrijving: str = ""
    """One sentence on what it is, shown with the title everywhere."""
    treffers: int = 0
    """On how many points it fits the analysis (positive terms from the analysis)."""
    schaal: str | None = None

    @property
    def past(self) -> bool:
        """Not led by `ALGEMEEN`: the test the console and the beamer have used for 'fits this
        analysis'. (An example that fits nothing but scores on a rule of thumb has that rule's
        reason first, so with an empty analysis the general examples pass it too.)"""
        return not (self.redenen and self.redenen[0] == ALGEMEEN)


ALGEMEEN = "algemene aanpak: sluit niet direct aan bij deze analyse"


@dataclass
class _Telling:
    """The terms of one proposal while it is being scored."""

    id: str
    omschrijving: str = ""
    schaal: str | None = None
    termen: list[tuple[float, str]] = field(default_factory=list)
    past: bool = False
    """At least one positive term that comes from the analysis (not only a vuistregel)."""

    treffers: int = 0
    """How many positive terms come from the analysis: the first tie-breaker."""

    def tel(self, gewicht: float, reden: str, *, uit_analyse: bool) -> None:
        if gewicht == 0:
            return
        self.termen.append((gewicht, reden))
        if uit_analyse and gewicht > 0:
            self.past = True
            self.treffers += 1

    @property
    def score(self) -> float:
        return round(sum(g for g, _ in self.termen), 4)


_SCHAALVOLGORDE = {"kleinschalig": 0, "buurt": 1, "gemeente": 2}


def gelijkspelvolgorde(treffers: int, schaal: str | None, titel: str) -> tuple[int, int, str]:
    """The stated rule for equal scores: more points of fit, then smaller scale, then title."""
    return (-treffers, _SCHAALVOLGORDE.get(schaal or "", 3), titel)


def _rangschik(catalogus: Catalogus, tellingen: list[_Telling]) -> tuple[list[Voorstel], set[str]]:
    """Matched first, then by score (high first), then by id; also returns the matched ids."""
    for telling in tellingen:
        if not telling.past:
            telling.termen.append((0.0, ALGEMEEN))
    tellingen.sort(
        key=lambda t: (not t.past, -t.score, *gelijkspelvolgorde(t.treffers, t.schaal, catalogus.titel(t.id)))
    )
    voorstellen = [
        Voorstel(
            id=t.id,
            titel=catalogus.titel(t.id),
            omschrijving=t.omschrijving,
            treffers=t.treffers,
            schaal=t.schaal,
            score=t.score,
            # Strongest reason first; equal weights keep the order in which they were counted.
            redenen=tuple(r for _, r in sorted(t.termen, key=lambda term: -term[0])),
        )
        for t in tellingen
    ]
    return voorstellen, {t.id for t in tellingen if t.past}
