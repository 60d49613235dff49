"""The duidingsbeeld: what the beamer and the minutes draw after a reveal, as plain data.

A verdict word alone hides the method's central point: that domains read the same signals
differently. The picture shows it without reading: per domain, per round, how many chose
each step of the scale (the fase question, ernst, urgentie) or each option (a checklist, a
multiple choice). Under it one plain Dutch sentence says what differs ("Politie ziet
incidenten, Welzijn / opbouwwerk ongemak: twee fasen verschil").

This module only counts and phrases; `pages.duidingsbeeld` draws it in HTML and
`export.pdfbeeld` in ReportLab, so the wall and the paper show the same picture. The verdict
word is the one from `oordeel.beoordeel` (the one rule), so the picture and the word cannot
drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from . import overeenstemming as ov
from .oordeel import Oordeel
from .toestand import DOMEINEN, Vraag

GETALWOORD = {1: "één", 2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes"}


@dataclass(frozen=True)
class Domeinrij:
    """One domain's answers in one round: a row of the picture."""

    domein: str
    """The domain key ('politie'); its colour is `kleuren.DOMEINKLEUR[domein]`."""
    naam: str
    """How the room reads it ('Politie')."""
    aantal: int
    """Participants of this domain who answered in this round."""
    aantallen: tuple[int, ...]
    """Per step of the scale or per option (the order of `Duidingsbeeld.opties`): how many chose it."""
    namen: tuple[tuple[str, ...], ...] = ()
    """Per step or option, who chose it; empty unless the meeting shows names."""
    verschoven: int = 0
    """How many of this domain answered differently than in the round before (0 in round 1)."""


@dataclass(frozen=True)
class Beeldronde:
    ronde: int
    oordeel: str
    """The verdict word of this round (`oordeel.beoordeel`)."""
    zin: str
    """What differs, in one plain Dutch sentence."""
    rijen: tuple[Domeinrij, ...]


@dataclass(frozen=True)
class Duidingsbeeld:
    vraag_id: str
    vorm: str
    """'schaal' (an ordered scale: dots on a line) or 'keuze' (a domain x option grid)."""
    opties: tuple[str, ...]
    """The labels of the steps or options, in order."""
    rondes: tuple[Beeldronde, ...]
    """Every shown round, oldest first; two or more after a re-vote."""

    @property
    def domeinen(self) -> tuple[str, ...]:
        """Every domain that answered in any round, in one fixed order for all rounds."""
        gezien = {r.domein for ronde in self.rondes for r in ronde.rijen}
        return tuple(d for d in _volgorde(gezien))


Antwoord = tuple[int, int, str, str, Any]
"""(round, participant id, name, domain, stored value)."""


def bouw(
    vraag: Vraag,
    antwoorden: Sequence[Antwoord],
    oordelen: Sequence[Oordeel],
    *,
    geordend: bool,
    toon_namen: bool,
    drempels: ov.Drempels,
) -> Duidingsbeeld | None:
    """The picture of an assessment prompt's shown rounds (`oordelen`, oldest first); None
    for prompts without a verdict (signals, dot-voting) or without a shown round."""
    vorm = vraag.soort.duidingsvorm(geordend)
    if vorm is None or not oordelen:
        return None
    waarden = list(vraag.waarden())
    labels = tuple(_label(vraag, w, vorm == "ordinaal") for w in waarden)
    plek = {str(w): i for i, w in enumerate(waarden)}
    rondes = []
    vorige: dict[int, frozenset[int]] = {}
    for d in oordelen:
        eigen = [a for a in antwoorden if a[0] == d.ronde]
        gekozen = {pid: _plekken(waarde, plek) for _r, pid, _n, _d, waarde in eigen}
        rijen = []
        for domein in _volgorde({a[3] for a in eigen}):
            van_domein = [a for a in eigen if a[3] == domein]
            aantallen = [0] * len(waarden)
            namen: list[list[str]] = [[] for _ in waarden]
            for _r, pid, naam, _d, _w in van_domein:
                for i in gekozen[pid]:
                    aantallen[i] += 1
                    namen[i].append(naam)
            verschoven = sum(1 for _r, pid, *_ in van_domein if pid in vorige and vorige[pid] != gekozen[pid])
            rijen.append(
                Domeinrij(
                    domein,
                    _domein(domein),
                    len(van_domein),
                    tuple(aantallen),
                    tuple(tuple(n) for n in namen) if toon_namen else (),
                    verschoven,
                )
            )
        zin = _zin_schaal(vraag, d, rijen, labels) if vorm == "ordinaal" else _zin_keuze(d, rijen, labels, drempels)
        rondes.append(Beeldronde(d.ronde, d.oordeel, zin, tuple(rijen)))
        vorige = gekozen
    return Duidingsbeeld(vraag.id, "schaal" if vorm == "ordinaal" else "keuze", labels, tuple(rondes))


def _plekken(waarde: Any, plek: dict[str, int]) -> frozenset[int]:
    gekozen = waarde if isinstance(waarde, list | tuple) else [waarde]
    return frozenset(plek[str(w)] for w in gekozen if str(w) in plek)


def _volgorde(domeinen: set[str]) -> list[str]:
    """The fixed order of `DOMEINEN` (then unknown ones by name): the same rows in every round."""
    bekend = list(DOMEINEN)
    return sorted(domeinen, key=lambda d: (bekend.index(d) if d in bekend else len(bekend), d))


def _domein(domein: str) -> str:
    return DOMEINEN.get(domein, domein)


def _label(vraag: Vraag, waarde: Any, klein: bool) -> str:
    titel = vraag.titel_van(waarde)
    return titel.lower() if klein and vraag.opties else titel


def _afstand(n: int, vraag: Vraag) -> str:
    eenheid = ("punt", "punten") if vraag.soort.schaal else ("fase", "fasen")
    return f"{GETALWOORD.get(n, str(n))} {eenheid[0] if n == 1 else eenheid[1]} verschil"


def _mediaanplek(rij: Domeinrij) -> int:
    """The step a domain's typical answer lies on (lower median, as a row of dots shows it)."""
    waarden = [i for i, n in enumerate(rij.aantallen) for _ in range(n)]
    return waarden[(len(waarden) - 1) // 2] if waarden else 0


def _zin_schaal(vraag: Vraag, d: Oordeel, rijen: list[Domeinrij], labels: tuple[str, ...]) -> str:
    if d.oordeel == ov.TE_WEINIG_ANTWOORDEN:
        return f"Te weinig antwoorden ({d.aantal}) om iets over de zaal te zeggen."
    if d.verschillen:
        return _lezingen(vraag, d, rijen, labels)
    totaal = [sum(r.aantallen[i] for r in rijen) for i in range(len(labels))]
    gekozen = [i for i, n in enumerate(totaal) if n]
    if not gekozen:
        return "Geen antwoorden."
    zien = "zien" if not vraag.soort.schaal else "geven"
    if d.oordeel == ov.EENSGEZIND:
        top = max(gekozen, key=lambda i: totaal[i])
        if len(gekozen) == 1:
            return f"Alle domeinen {zien} {labels[top]}."
        rest = sum(totaal) - totaal[top]
        return f"Bijna iedereen {'ziet' if zien == 'zien' else 'geeft'} {labels[top]}; {rest} vlak ernaast."
    if d.oordeel == ov.VERDEELD and gekozen[-1] - gekozen[0] >= 2:
        return (
            f"De antwoorden lopen van {labels[gekozen[0]]} tot {labels[gekozen[-1]]}: "
            f"{_afstand(gekozen[-1] - gekozen[0], vraag)}."
        )
    delen = ", ".join(f"{totaal[i]} op {labels[i]}" for i in gekozen)
    if d.oordeel == ov.VERDEELD:
        return f"Twee groepen: {delen}."
    return f"De meesten liggen dicht bij elkaar: {delen}."


def _lezingen(vraag: Vraag, d: Oordeel, rijen: list[Domeinrij], labels: tuple[str, ...]) -> str:
    """'Politie ziet incidenten, Gemeente en Jongerenwerk onderhuidse spanningen, Welzijn /
    opbouwwerk ongemak: twee fasen verschil': every domain's typical answer, grouped, from the
    furthest along the scale down, so the room hears every reading and the gap between the ends."""
    ziet, zien = ("ziet", "zien") if not vraag.soort.schaal else ("geeft", "geven")
    groepen: dict[int, list[str]] = {}
    for rij in rijen:
        if rij.aantal:
            groepen.setdefault(_mediaanplek(rij), []).append(rij.naam)
    plekken = sorted(groepen, reverse=True)
    if len(plekken) < 2:  # the medians differ by less than a step: name the pair the rule flagged
        per_rij = {r.domein: r for r in rijen}
        v = d.verschillen[0]
        a, b = per_rij[v.domein_a], per_rij[v.domein_b]
        return f"{a.naam} en {b.naam} lezen het net anders rond {labels[_mediaanplek(a)]}."
    delen = [f"{_en(groepen[p])} {labels[p]}" for p in plekken]
    eerste = groepen[plekken[0]]
    delen[0] = f"{_en(eerste)} {ziet if len(eerste) == 1 else zien} {labels[plekken[0]]}"
    return ", ".join(delen) + f": {_afstand(plekken[0] - plekken[-1], vraag)}."


def _en(namen: list[str]) -> str:
    return namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " en " + namen[-1]


def _zin_keuze(d: Oordeel, rijen: list[Domeinrij], labels: tuple[str, ...], drempels: ov.Drempels) -> str:
    if d.oordeel == ov.TE_WEINIG_ANTWOORDEN:
        return f"Te weinig antwoorden ({d.aantal}) om iets over de zaal te zeggen."
    per_rij = {r.domein: r for r in rijen}
    if d.verschillen:
        v = d.verschillen[0]
        a, b = per_rij[v.domein_a], per_rij[v.domein_b]
        return f"{a.naam} kiest vooral {_top(a, labels)}, {b.naam} {_top(b, labels)}."
    n = sum(r.aantal for r in rijen)
    totaal = [sum(r.aantallen[i] for r in rijen) for i in range(len(labels))]
    uiteen = [i for i, t in enumerate(totaal) if n and (drempels.betwist(t / n) or not drempels.gedeeld(t / n))]
    if d.oordeel != ov.EENSGEZIND and uiteen:
        return "Uiteen over " + ", ".join(f"{labels[i]} ({totaal[i]} van {n})" for i in uiteen) + "."
    if d.oordeel == ov.VERDEELD:  # scattered: no option holds a camp, none holds the room
        return "De keuzes lopen uiteen: " + ", ".join(f"{labels[i]} {t}" for i, t in enumerate(totaal) if t) + "."
    gedragen = [labels[i] for i, t in enumerate(totaal) if n and drempels.gedeeld(t / n) and t / n > 0.5]
    if gedragen:
        return "Bijna iedereen koos " + ", ".join(gedragen) + "."
    return "Bijna niemand koos een van deze opties."


def _top(rij: Domeinrij, labels: tuple[str, ...]) -> str:
    hoogste = max(rij.aantallen, default=0)
    top = [labels[i] for i, n in enumerate(rij.aantallen) if n == hoogste and n]
    return " en ".join(top) if top else "niets"
