"""How far apart is the whole room? One measure per question type.

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

The verdict is not read off the consensus alone: both measures hand the share per answer
to the one rule in `drempels` (`zaaloordeel`), so "eensgezind", "dicht bij elkaar" and
"verdeeld" mean the same for a checklist, the fase question and a 1-5 scale. The consensus
still sorts the open disagreements (`gewicht`) and guards "eensgezind" on short scales.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from .antwoorden import _keuzeset, _mediaan, _opties
from .drempels import _EPS, Drempels, Oordeel, zaaloordeel


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
    """The room-wide verdict (`drempels.zaaloordeel`); `drempels.oordeel` adds the domains."""
    meest_gekozen: tuple[int, ...] = ()
    """The value(s) with the highest count, ascending; empty without answers."""

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
    """The room-wide verdict (`drempels.zaaloordeel`); `drempels.oordeel` adds the domains."""
    gedragen: tuple[str, ...] = ()
    """Options chosen by nearly everyone (at least `eensgezind_aandeel`), in the order of `opties`."""
    uiteen: tuple[str, ...] = ()
    """Options that split the room: chosen by more than nearly no one and fewer than nearly
    everyone (the betwist ones included), in the order of `opties`. Empty when "eensgezind"."""


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

    Verdict (`drempels.zaaloordeel`, every step of the scale an answer with its share):
    "te weinig antwoorden" below ``drempels.min_antwoorden`` answers; "verdeeld" when two
    answers lie ``drempels.verdeeld_afstand`` or more steps apart, when a step holds between
    ``betwist_min`` and ``betwist_max`` of the room (two camps, even one step apart) or no
    step reaches ``betwist_min``; "eensgezind" when one step holds at least
    ``eensgezind_aandeel`` (the rest one step away) and Cns >= ``consensus_eensgezind``;
    else "dicht bij elkaar". So [2, 2, 2, 2, 2, 3] is eensgezind, [2, 3, 3, 4] and
    [2, 3, 4] are verdeeld, [3, 3, 3, 3, 3, 4, 4] is dicht bij elkaar.

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

    gekozen = [x for x, a in verdeling.items() if a]
    hoogste = max(verdeling.values(), default=0)
    aandelen = [verdeling[x] / n for x in gekozen]
    oordeel = zaaloordeel(
        n,
        aandelen,
        drempels,
        versnipperd=n > 0 and hoogste / n < drempels.betwist_min - _EPS,
        ver_uiteen=bool(gekozen) and gekozen[-1] - gekozen[0] >= drempels.verdeeld_afstand - _EPS,
        consensus=consensus,
    )

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
        oordeel=oordeel,
        meest_gekozen=tuple(x for x in gekozen if verdeling[x] == hoogste),
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
    betwist_min. The verdict (`drempels.zaaloordeel`) is "te weinig antwoorden" below
    ``drempels.min_antwoorden`` respondents; "verdeeld" when an option is betwist or the room
    is versnipperd; "eensgezind" only when every option is chosen by nearly everyone (at least
    ``eensgezind_aandeel``) or nearly no one (at most the rest): a checklist the whole room
    would tick the same; else "dicht bij elkaar", and `uiteen` names the options in between.

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
    betwist = tuple(o for o in volgorde if drempels.betwist(aandelen[o]))
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
        oordeel=zaaloordeel(n, aandelen.values(), drempels, versnipperd=versnipperd),
        gedragen=tuple(o for o in volgorde if n and aandelen[o] >= drempels.eensgezind_aandeel - _EPS),
        uiteen=tuple(o for o in volgorde if n and not drempels.gedeeld(aandelen[o])),
    )
