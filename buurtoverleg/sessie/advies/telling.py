"""Adding up the terms of each proposal and ranking the proposals.

Ranking: first everything that matched the analysis (a positive S, P1-P5 term), then the
rest; within each group by score (high first), then by id. What matched nothing gets the
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


@dataclass
class _Telling:
    """The terms of one proposal while it is being scored."""

    id: str
    termen: list[tuple[float, str]] = field(default_factory=list)
    past: bool = False
    """At least one positive term that comes from the analysis (not only a vuistregel)."""

    def tel(self, gewicht: float, reden: str, *, uit_analyse: bool) -> None:
        if gewicht == 0:
            return
        self.termen.append((gewicht, reden))
        if uit_analyse and gewicht > 0:
            self.past = True

    @property
    def score(self) -> float:
        return round(sum(g for g, _ in self.termen), 4)


def _rangschik(catalogus: Catalogus, tellingen: list[_Telling]) -> tuple[list[Voorstel], set[str]]:
    """Matched first, then by score (high first), then by id; also returns the matched ids."""
    for telling in tellingen:
        if not telling.past:
            telling.termen.append((0.0, "algemene aanpak: sluit niet direct aan bij deze analyse"))
    tellingen.sort(key=lambda t: (not t.past, -t.score, t.id))
    voorstellen = [
        Voorstel(
            id=t.id,
            titel=catalogus.titel(t.id),
            score=t.score,
            # Strongest reason first; equal weights keep the order in which they were counted.
            redenen=tuple(r for _, r in sorted(t.termen, key=lambda term: -term[0])),
        )
        for t in tellingen
    ]
    return voorstellen, {t.id for t in tellingen if t.past}
