"""Do the domains read it differently? The typical answer per domain, compared pairwise.

Domains -> `domeinverschillen_ordinaal`, `domeinverschillen_keuze`,
`eenzijdige_herkenning`: the method warns that the safety domain (politie,
gemeente-veiligheid) and the social domain (welzijn, jongerenwerk, zorg, onderwijs) often
read the same signals differently. The room-wide measures can hide that (one police officer
among ten social workers barely moves a consensus), so the typical answer per domain is
compared pairwise as well.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Final

from .antwoorden import _keuzeset, _mediaan, _opties
from .drempels import _EPS

VEILIGHEIDSDOMEINEN: Final[frozenset[str]] = frozenset({"politie", "gemeente-veiligheid"})
"""Domains that read signals from the safety perspective (matched exactly)."""
SOCIALE_DOMEINEN: Final[frozenset[str]] = frozenset({"welzijn", "jongerenwerk", "zorg", "onderwijs"})
"""Domains that read signals from the social perspective (matched exactly). `gemeente`,
`woningcorporatie`, `bewoner` and `anders` are deliberately in neither group."""


@dataclass(frozen=True)
class DomeinVerschil:
    """Two domains whose typical (median) answers on a scale lie far apart.

    The pair is ordered by name (``domein_a < domein_b``), so it is the same whichever
    order the answers came in.
    """

    domein_a: str
    domein_b: str
    waarde_a: float
    """Median answer of `domein_a`."""
    waarde_b: float
    afstand: float
    """|waarde_a - waarde_b| in scale steps."""
    veiligheid_tegenover_sociaal: bool
    """One domain is a safety domain and the other a social domain: the divide the method
    explicitly warns about."""


@dataclass(frozen=True)
class DomeinVerschilKeuze:
    """Two domains whose most chosen options differ (pair ordered by name)."""

    domein_a: str
    domein_b: str
    keuze_a: tuple[str, ...]
    """Most chosen option(s) within `domein_a` (ties included, in the order of `opties`)."""
    keuze_b: tuple[str, ...]
    afstand: float
    """max over options of |share in domein_a - share in domein_b|, in [0, 1]."""
    veiligheid_tegenover_sociaal: bool


def _tegenover(a: str, b: str, veiligheid: Collection[str], sociaal: Collection[str]) -> bool:
    return (a in veiligheid and b in sociaal) or (a in sociaal and b in veiligheid)


def domeinmedianen(antwoorden: Iterable[tuple[str, int]]) -> dict[str, float]:
    """The typical answer per domain: the median of that domain's answers, by domain name.

    The median (not the mean) because domains are often represented by one to three
    people and a single deviating colleague should not shift the domain's reading by half
    a phase.
    """
    per_domein: dict[str, list[int]] = {}
    for domein, waarde in antwoorden:
        per_domein.setdefault(domein, []).append(waarde)
    return {d: _mediaan(per_domein[d]) for d in sorted(per_domein)}


def domeinverschillen_ordinaal(
    antwoorden: Sequence[tuple[str, int]],
    drempel: float,
    *,
    veiligheid: Collection[str] = VEILIGHEIDSDOMEINEN,
    sociaal: Collection[str] = SOCIALE_DOMEINEN,
) -> list[DomeinVerschil]:
    """Pairs of domains whose typical answers on a scale lie at least `drempel` apart.

    ``antwoorden`` are (domain, value) pairs, one per participant. For every pair of
    domains present: ``afstand = |median_a - median_b|``; pairs with afstand >= drempel
    are returned, sorted by afstand descending, then by domain names. Pass
    ``Drempels.domein_afstand_fase`` for phase questions and
    ``Drempels.domein_afstand_schaal`` for ernst/urgentie. Every domain counts, even with
    a single participant: one police officer is exactly the voice the method asks to
    compare. Fewer than two domains give an empty list.
    """
    medianen = domeinmedianen(antwoorden)
    verschillen = [
        DomeinVerschil(
            domein_a=a,
            domein_b=b,
            waarde_a=medianen[a],
            waarde_b=medianen[b],
            afstand=abs(medianen[a] - medianen[b]),
            veiligheid_tegenover_sociaal=_tegenover(a, b, veiligheid, sociaal),
        )
        for a, b in combinations(medianen, 2)  # names sorted, so a < b
    ]
    gemarkeerd = [v for v in verschillen if v.afstand >= drempel - _EPS]
    return sorted(gemarkeerd, key=lambda v: (-v.afstand, v.domein_a, v.domein_b))


def domeinkeuzes(
    antwoorden: Iterable[tuple[str, Collection[str]]],
    opties: Sequence[str],
) -> dict[str, tuple[str, ...]]:
    """The most chosen option(s) per domain, by domain name.

    All options sharing the highest count within the domain are kept (in the order of
    `opties`), so ties are never broken arbitrarily; a domain that chose nothing gets ().
    """
    volgorde = _opties(opties)
    return {d: top for d, (top, _) in _per_domein_keuze(antwoorden, volgorde).items()}


def _per_domein_keuze(
    antwoorden: Iterable[tuple[str, Collection[str]]],
    volgorde: tuple[str, ...],
) -> dict[str, tuple[tuple[str, ...], dict[str, float]]]:
    bekend = frozenset(volgorde)
    per_domein: dict[str, list[frozenset[str]]] = {}
    for domein, antwoord in antwoorden:
        per_domein.setdefault(domein, []).append(_keuzeset(antwoord, bekend))
    uitkomst: dict[str, tuple[tuple[str, ...], dict[str, float]]] = {}
    for domein in sorted(per_domein):
        sets = per_domein[domein]
        aantallen = {o: sum(1 for s in sets if o in s) for o in volgorde}
        hoogste = max(aantallen.values(), default=0)
        top = tuple(o for o in volgorde if hoogste and aantallen[o] == hoogste)
        uitkomst[domein] = (top, {o: aantallen[o] / len(sets) for o in volgorde})
    return uitkomst


def domeinverschillen_keuze(
    antwoorden: Sequence[tuple[str, Collection[str]]],
    opties: Sequence[str],
    *,
    veiligheid: Collection[str] = VEILIGHEIDSDOMEINEN,
    sociaal: Collection[str] = SOCIALE_DOMEINEN,
) -> list[DomeinVerschilKeuze]:
    """Pairs of domains whose most chosen options differ.

    Rule: per domain the set of top options is every option with the domain's highest
    count (ties kept, see `domeinkeuzes`). A pair is flagged when both sets are non-empty
    and *disjoint*: no option is a top choice of both. So a tie {a, b} against {b} is not
    flagged (they share b), which makes the rule independent of any tie-breaking order and
    symmetric. A domain that chose nothing at all is not compared (it expressed no reading).

    ``afstand = max_j |aandeel_a(j) - aandeel_b(j)|`` with shares within each domain; it
    orders the list (descending, then by domain names) and lets a caller hide near-ties
    such as 51/49 against 49/51. Raises like `keuze` for unknown options.
    """
    volgorde = _opties(opties)
    per_domein = _per_domein_keuze(antwoorden, volgorde)
    verschillen: list[DomeinVerschilKeuze] = []
    for a, b in combinations(per_domein, 2):  # names sorted, so a < b
        top_a, aandeel_a = per_domein[a]
        top_b, aandeel_b = per_domein[b]
        if not top_a or not top_b or set(top_a) & set(top_b):
            continue
        verschillen.append(
            DomeinVerschilKeuze(
                domein_a=a,
                domein_b=b,
                keuze_a=top_a,
                keuze_b=top_b,
                afstand=max(abs(aandeel_a[o] - aandeel_b[o]) for o in volgorde),
                veiligheid_tegenover_sociaal=_tegenover(a, b, veiligheid, sociaal),
            )
        )
    return sorted(verschillen, key=lambda v: (-v.afstand, v.domein_a, v.domein_b))


def eenzijdige_herkenning(
    herkend_door_domeinen: Collection[str],
    aanwezige_domeinen: Collection[str],
) -> bool:
    """True when a signal is recognised ("herken ik") by exactly one domain while more
    than one domain is present.

    Such a signal is seen only from one perspective, which is exactly where safety and
    social professionals tend to diverge, so it deserves a question to the others. A
    recognising domain counts as present even if missing from `aanwezige_domeinen` (one
    cannot recognise a signal in a meeting without being there), so inconsistent input
    gives an answer, not an exception.
    """
    herkend = set(herkend_door_domeinen)
    aanwezig = set(aanwezige_domeinen) | herkend
    return len(herkend) == 1 and len(aanwezig) > 1
