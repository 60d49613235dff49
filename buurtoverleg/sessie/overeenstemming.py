"""Where does the room not agree? Agreement measures for revealed blind assessments.

In a meeting every professional first answers a question on their own (blind); after the
reveal the facilitator needs to see at a glance *where* the room disagrees and *whose*
readings differ. This module turns the raw answers into small frozen result objects. It is
pure standard-library Python: no NiceGUI, no database, no randomness, and the same answers
in any order give exactly the same result.

Question types and their measures
---------------------------------
Ordered scales (phase of polarisation rust < ongemak < onderhuidse spanningen < incidenten <
escalatie as 1..5, ernst 1-5, urgentie 1-5) -> `ordinaal`:

    Cns = 1 + sum_i p_i * log2(1 - |X_i - mu| / d_X)          (Tastle & Wierman, 2007)

    X_i  the scale values, p_i the share of answers with value X_i,
    mu   the mean answer, d_X = maximum - minimum (the width of the *scale*, not of the
         answers). Cns = 1 when the scale has one point or there are fewer than two answers.

  Why this measure: it was designed for Likert-type ordinal data. It is 1 when everybody
  gives the same answer and 0 when the room is split evenly between the two extremes; a
  disagreement between neighbouring values costs far less than one between the ends of the
  scale (which a "percentage agreeing" ignores); and because deviations are divided by the
  scale width it lies in [0, 1] for every scale, so one threshold serves all questions (a
  variance or standard deviation would not). Next to it the median, the interquartile range,
  the full distribution and the outliers are reported, because they are what a facilitator
  can say out loud ("most of you say incidenten, two of you say escalatie").

Single and multiple choice -> `keuze`: per option the share of respondents that chose it.
An option chosen by between 35% and 65% of the room is *betwist* (contested): for that
option the room is split into two camps of comparable size.

Domains -> `domeinverschillen_ordinaal`, `domeinverschillen_keuze`,
`eenzijdige_herkenning`: the method warns that the safety domain (politie,
gemeente-veiligheid) and the social domain (welzijn, jongerenwerk, zorg, onderwijs) often
read the same signals differently. The room-wide measures can hide that (one police officer
among ten social workers barely moves a consensus), so the typical answer per domain is
compared pairwise as well.

Ranking -> `gewicht`: one number in [0, 1] to sort the facilitator's list of open
disagreements.

Thresholds live in `Drempels`; a meeting that needs other values uses
``dataclasses.replace(Drempels(), betwist_min=0.3)``. All user-facing text is the Dutch
`oordeel` ("eensgezind", "verdeeld", "te weinig antwoorden"); everything else is data.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Final, Literal

__all__ = [
    "EENSGEZIND",
    "SOCIALE_DOMEINEN",
    "TE_WEINIG_ANTWOORDEN",
    "VEILIGHEIDSDOMEINEN",
    "VERDEELD",
    "DomeinVerschil",
    "DomeinVerschilKeuze",
    "Drempels",
    "KeuzeUitslag",
    "Oordeel",
    "OrdinaalUitslag",
    "domeinkeuzes",
    "domeinmedianen",
    "domeinverschillen_keuze",
    "domeinverschillen_ordinaal",
    "eenzijdige_herkenning",
    "gewicht",
    "keuze",
    "ordinaal",
]

Oordeel = Literal["eensgezind", "verdeeld", "te weinig antwoorden"]
EENSGEZIND: Final = "eensgezind"
VERDEELD: Final = "verdeeld"
TE_WEINIG_ANTWOORDEN: Final = "te weinig antwoorden"

VEILIGHEIDSDOMEINEN: Final[frozenset[str]] = frozenset({"politie", "gemeente-veiligheid"})
"""Domains that read signals from the safety perspective (matched exactly)."""
SOCIALE_DOMEINEN: Final[frozenset[str]] = frozenset({"welzijn", "jongerenwerk", "zorg", "onderwijs"})
"""Domains that read signals from the social perspective (matched exactly). `gemeente`,
`woningcorporatie`, `bewoner` and `anders` are deliberately in neither group."""

_EPS = 1e-9
"""Tolerance for the inclusive threshold comparisons, so 7/20 counts as 'at least 0.35'."""


# --------------------------------------------------------------------------- thresholds


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


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class OrdinaalUitslag:
    """The room's answers to one ordered-scale question."""

    aantal: int
    """Number of answers."""
    minimum: int
    maximum: int
    consensus: float
    """Tastle-Wierman consensus in [0, 1]; 1.0 with fewer than two answers."""
    mediaan: float | None
    """Median answer; None without answers. May be a half value (3.5) for an even count."""
    iqr: float
    """Interquartile range Q3 - Q1 (linear interpolation, `statistics` 'inclusive'); 0.0
    with fewer than two answers."""
    verdeling: dict[int, int]
    """Count per scale value, every value from minimum to maximum (zeros included), ascending."""
    uitschieters: tuple[int, ...]
    """Distinct outlying values, ascending (see `ordinaal`)."""
    aantal_uitschieters: int
    """Number of answers with an outlying value."""
    oordeel: Oordeel

    @property
    def verdeeldheid(self) -> float:
        """1 - consensus: 0 = everyone agrees, 1 = split between the extremes."""
        return 1.0 - self.consensus


@dataclass(frozen=True)
class KeuzeUitslag:
    """The room's answers to one single- or multiple-choice question."""

    aantal: int
    """Number of respondents (an empty answer still counts: 'none of these')."""
    opties: tuple[str, ...]
    aantallen: dict[str, int]
    """Respondents per option, in the order of `opties`."""
    aandelen: dict[str, float]
    """Share of respondents per option in [0, 1], in the order of `opties` (0.0 without answers)."""
    betwist: tuple[str, ...]
    """Options whose share lies in [betwist_min, betwist_max], in the order of `opties`."""
    meest_gekozen: tuple[str, ...]
    """The option(s) with the highest count, in the order of `opties`; empty if nothing was chosen."""
    versnipperd: bool
    """Answers scatter: on average every respondent chose at least one option, yet no
    option reaches `betwist_min` (e.g. a single choice split 34/33/33)."""
    verdeeldheid: float
    """Disagreement in [0, 1]; see `keuze` for the formula."""
    oordeel: Oordeel


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


# --------------------------------------------------------------------------- helpers


def _oordeel(aantal: int, eensgezind: bool, drempels: Drempels) -> Oordeel:
    if aantal < drempels.min_antwoorden:
        return TE_WEINIG_ANTWOORDEN
    return EENSGEZIND if eensgezind else VERDEELD


def _tegenover(a: str, b: str, veiligheid: Collection[str], sociaal: Collection[str]) -> bool:
    return (a in veiligheid and b in sociaal) or (a in sociaal and b in veiligheid)


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


# --------------------------------------------------------------------------- ordinal


def ordinaal(
    waarden: Sequence[int],
    minimum: int,
    maximum: int,
    drempels: Drempels = Drempels(),
) -> OrdinaalUitslag:
    """Agreement on an ordered scale ``minimum..maximum`` (for example fase 1..5).

    Consensus (Tastle & Wierman 2007)::

        Cns = 1 + sum_i p_i * log2(1 - |X_i - mu| / d_X),   d_X = maximum - minimum

    Cns = 1.0 when ``maximum == minimum`` or with fewer than two answers (no disagreement
    can be observed). It is computed from the counts per value with integer deviations
    ``|n*X_i - sum|/(n*d_X)`` and `math.fsum`, so permuting the answers or mirroring the
    scale (x -> minimum + maximum - x) gives exactly the same number. The log argument is
    always > 0 (a value present in the data can never be the full width from the mean),
    so there is no NaN; the result is clamped to [0, 1] against rounding.

    Outliers: answers at least ``drempels.uitschieter_afstand`` steps from the median,
    reported only while they are fewer than ``drempels.uitschieter_max_aandeel`` of all
    answers (otherwise they are a camp and the verdict is what matters). The median is the
    reference because, unlike the mean, the outliers themselves cannot drag it along.

    Verdict: "te weinig antwoorden" below ``drempels.min_antwoorden`` answers, else
    "eensgezind" when Cns >= ``drempels.consensus_eensgezind``, else "verdeeld".

    Raises ValueError when ``minimum > maximum`` or an answer is not a whole value on the
    scale.
    """
    if minimum > maximum:
        raise ValueError(f"minimum {minimum} > maximum {maximum}")
    if any(int(w) != w for w in waarden):
        raise ValueError(f"answers must be whole scale values, got {list(waarden)!r}")
    buiten = sorted({w for w in waarden if not minimum <= w <= maximum})
    if buiten:
        raise ValueError(f"answer(s) {buiten!r} outside the scale {minimum}..{maximum}")

    gesorteerd = sorted(int(w) for w in waarden)
    n = len(gesorteerd)
    verdeling = {x: 0 for x in range(minimum, maximum + 1)}
    for w in gesorteerd:
        verdeling[w] += 1

    breedte = maximum - minimum
    if n < 2 or breedte == 0:
        consensus = 1.0
    else:
        totaal = sum(gesorteerd)
        noemer = n * breedte
        termen = [
            (aantal / n) * math.log2((noemer - abs(n * x - totaal)) / noemer)
            for x, aantal in verdeling.items()
            if aantal
        ]
        consensus = min(1.0, max(0.0, 1.0 + math.fsum(termen)))

    mediaan = _mediaan(gesorteerd) if n else None
    if n >= 2:
        q1, _, q3 = statistics.quantiles(gesorteerd, n=4, method="inclusive")
        iqr = float(q3 - q1)
    else:
        iqr = 0.0

    uitschieters: tuple[int, ...] = ()
    aantal_uitschieters = 0
    if mediaan is not None:
        ver = [x for x, a in verdeling.items() if a and abs(x - mediaan) >= drempels.uitschieter_afstand - _EPS]
        aantal_ver = sum(verdeling[x] for x in ver)
        if ver and aantal_ver / n < drempels.uitschieter_max_aandeel - _EPS:
            uitschieters, aantal_uitschieters = tuple(ver), aantal_ver

    return OrdinaalUitslag(
        aantal=n,
        minimum=minimum,
        maximum=maximum,
        consensus=consensus,
        mediaan=mediaan,
        iqr=iqr,
        verdeling=verdeling,
        uitschieters=uitschieters,
        aantal_uitschieters=aantal_uitschieters,
        oordeel=_oordeel(n, consensus >= drempels.consensus_eensgezind - _EPS, drempels),
    )


# --------------------------------------------------------------------------- choice


def keuze(
    antwoorden: Sequence[Collection[str]],
    opties: Sequence[str],
    drempels: Drempels = Drempels(),
) -> KeuzeUitslag:
    """Agreement on a single- or multiple-choice question.

    Each answer is a collection of chosen options (single choice: one element; an empty
    collection means 'none of these' and still counts as a respondent; an option listed
    twice in one answer counts once). Per option::

        aandeel_j = (respondents choosing j) / (respondents)

    Every option is in effect a yes/no vote of the room, so an option is *betwist* when
    ``betwist_min <= aandeel_j <= betwist_max`` (both inclusive): two camps of comparable
    size. Because a forced single choice can also scatter without any camp reaching 35%
    (34/33/33), the room is also *versnipperd* when the answers name at least as many
    choices as there are respondents (sum_j aandeel_j >= 1) yet max_j aandeel_j <
    betwist_min. The verdict is "verdeeld" when an option is betwist or the room is
    versnipperd, "eensgezind" otherwise, and "te weinig antwoorden" below
    ``drempels.min_antwoorden`` respondents.

    Disagreement for sorting (`gewicht`)::

        verdeeldheid = max( max_j 2*min(aandeel_j, 1 - aandeel_j),          # closest to 50/50
                            1 - max_j aandeel_j  if sum_j aandeel_j >= 1 else 0 )  # scatter

    1 for a 50/50 split on some option, 0 when every option is chosen by all or by nobody.

    Raises ValueError for an option in an answer that is not in `opties` or for duplicate
    `opties`, TypeError when an answer is a bare string.
    """
    volgorde = _opties(opties)
    bekend = frozenset(volgorde)
    sets = [_keuzeset(a, bekend) for a in antwoorden]
    n = len(sets)

    aantallen = {o: sum(1 for s in sets if o in s) for o in volgorde}
    aandelen = {o: (aantallen[o] / n if n else 0.0) for o in volgorde}
    betwist = tuple(o for o in volgorde if drempels.betwist_min - _EPS <= aandelen[o] <= drempels.betwist_max + _EPS)
    hoogste = max(aantallen.values(), default=0)
    meest_gekozen = tuple(o for o in volgorde if hoogste and aantallen[o] == hoogste)

    totaal_keuzes = sum(aantallen.values())
    max_aandeel = hoogste / n if n else 0.0
    iedereen_koos = n > 0 and totaal_keuzes >= n
    versnipperd = iedereen_koos and max_aandeel < drempels.betwist_min - _EPS

    betwistheid = max((2.0 * min(p, 1.0 - p) for p in aandelen.values()), default=0.0)
    versnippering = 1.0 - max_aandeel if iedereen_koos else 0.0
    verdeeldheid = min(1.0, max(0.0, betwistheid, versnippering))

    return KeuzeUitslag(
        aantal=n,
        opties=volgorde,
        aantallen=aantallen,
        aandelen=aandelen,
        betwist=betwist,
        meest_gekozen=meest_gekozen,
        versnipperd=versnipperd,
        verdeeldheid=verdeeldheid,
        oordeel=_oordeel(n, not (betwist or versnipperd), drempels),
    )


# --------------------------------------------------------------------------- domains


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


# --------------------------------------------------------------------------- ranking


def gewicht(
    uitslag: OrdinaalUitslag | KeuzeUitslag,
    verschillen: Sequence[DomeinVerschil | DomeinVerschilKeuze] = (),
    drempels: Drempels = Drempels(),
) -> float:
    """How much an open disagreement matters, in [0, 1], to sort the facilitator's list::

        gewicht = n / (n + h) * ((1 - a) * V + a * G)

        V  room-wide disagreement: `uitslag.verdeeldheid` (1 - Cns for a scale)
        G  largest flagged domain distance, normalised to [0, 1]: for a scale
           afstand / (maximum - minimum), for a choice the afstand itself; 0 without
           flagged pairs (pass only the output of the domeinverschillen functions, so
           differences below the domain threshold do not count)
        a  drempels.gewicht_domein (0.3),  h  drempels.gewicht_halve_omvang (3),
        n  number of answers.

    Why: the spread of the whole room is the main signal (0.7); a systematic difference
    between domains adds to it (0.3) because it is what the method asks to discuss, and
    it can lift a question whose room-wide spread looks modest (one police officer at
    "escalatie" among social workers at "rust"). The size factor n / (n + h) (3 answers ->
    0.5, 10 -> 0.77, 40 -> 0.93) ranks a split of a full room above the same split between
    a few people, without letting the largest question dominate. A weighted sum with a
    multiplicative size factor is easy to explain at the table and stays in [0, 1].
    """
    n = uitslag.aantal
    if n <= 0:
        return 0.0
    if isinstance(uitslag, OrdinaalUitslag):
        breedte = uitslag.maximum - uitslag.minimum
        schaal = float(breedte) if breedte > 0 else math.inf
    else:
        schaal = 1.0
    afstanden = [v.afstand / schaal for v in verschillen]
    g = min(1.0, max(afstanden, default=0.0))
    v = min(1.0, max(0.0, uitslag.verdeeldheid))
    a = drempels.gewicht_domein
    omvang = n / (n + drempels.gewicht_halve_omvang)
    return min(1.0, max(0.0, omvang * ((1.0 - a) * v + a * g)))
