"""Raw answers checked and normalised once, so every measure reads them the same way."""

from __future__ import annotations

import statistics
from collections.abc import Collection, Iterable, Sequence


def _keuzeset(antwoord: Collection[str], bekend: frozenset[str]) -> frozenset[str]:
    """One answer as a set of options; a str (a collection of characters!) is refused."""
    if isinstance(antwoord, str):
        raise TypeError(f"an answer must be a collection of options, not the string {antwoord!r}; use [{antwoord!r}]")
    gekozen = frozenset(antwoord)
    onbekend = gekozen - bekend
    if onbekend:
        raise ValueError(f"unknown option(s) {sorted(onbekend)!r}; known: {sorted(bekend)!r}")
    return gekozen


def _opties(opties: Sequence[str]) -> tuple[str, ...]:
    volgorde = tuple(opties)
    if len(set(volgorde)) != len(volgorde):
        raise ValueError(f"duplicate options in {list(volgorde)!r}")
    return volgorde


def _mediaan(waarden: Iterable[int]) -> float:
    return float(statistics.median(waarden))
