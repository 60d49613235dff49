"""The oordeel: from stored answers to what the room sees after a reveal, agreed or divided,
and where. (Not the signal kind "duiding", which is what a participant says a signal means.)

The measures themselves live in `overeenstemming`; this module decides which measure fits
which question (a fase question is an ordered scale, a checklist is a choice), applies the
one rule for the verdict with the domains (`overeenstemming.oordeel`: never "eensgezind"
while domains read it differently) and phrases the outcome in the room's own words:

- "eensgezind op onderhuidse spanningen" / "eensgezind op Rust, Spanning";
- "dicht bij elkaar rond onderhuidse spanningen" (a clear majority, a few one step away or
  one domain apart) / "dicht bij elkaar, behalve over Spanning" (the options that split the
  room);
- "verdeeld" / "verdeeld over Spanning" (the contested options);
- "te weinig antwoorden".

Every summary starts with its verdict word, so a page can show the word and the rest apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from . import overeenstemming as ov
from .toestand import DOMEINEN, Vraag

VOORAF = 0
"""The round number of the pre-round (`sessie.vooraf`): answered before the meeting, shown first."""


def rondenaam(ronde: int) -> str:
    """How a round is called on the wall, the console and in the minutes: 'Vooraf', 'Ronde 2'."""
    return "Vooraf" if ronde == VOORAF else f"Ronde {ronde}"


@dataclass(frozen=True)
class Domeinverschil:
    domein_a: str
    domein_b: str
    tekst: str
    """E.g. 'Politie: incidenten · Welzijn / opbouwwerk: ongemak'."""


@dataclass(frozen=True)
class Oordeel:
    vraag_id: str
    ronde: int
    aantal: int
    oordeel: ov.Oordeel
    """'eensgezind', 'dicht bij elkaar', 'verdeeld' or 'te weinig antwoorden' (`overeenstemming.drempels`);
    never 'eensgezind' with `verschillen`."""
    samenvatting: str
    verschillen: tuple[Domeinverschil, ...]
    gewicht: float
    typisch: str | None
    """The option id or scale value the room leans to (median or most chosen)."""
    lezingen: tuple[str, ...] = ()
    """The differing domains grouped by how they read it, e.g. ('ongemak: Jongerenwerk,
    Onderwijs', 'incidenten: Politie'): six domains can differ in fifteen pairs, but a
    room can take in two or three readings at a glance."""


def beoordeel(
    vraag: Vraag,
    ronde: int,
    antwoorden: Sequence[tuple[str, Any]],
    *,
    geordend: bool,
    drempels: ov.Drempels,
) -> Oordeel | None:
    """Agreement on one prompt's answers `(domein, waarde)`; None for prompts that are not
    an assessment (signals, dot-voting, discussion)."""
    vorm = vraag.soort.duidingsvorm(geordend)
    if vorm == "ordinaal":
        return _ordinaal(vraag, ronde, antwoorden, drempels)
    if vorm == "keuze":
        return _keuze(vraag, ronde, antwoorden, drempels)
    return None


def verschuiving(rondes: Sequence[Oordeel]) -> str:
    """'ronde 1: verdeeld, ronde 2: eensgezind op onderhuidse spanningen'."""
    return ", ".join(f"{rondenaam(d.ronde).lower()}: {d.samenvatting}" for d in rondes)


def _ordinaal(vraag: Vraag, ronde: int, antwoorden: Sequence[tuple[str, Any]], drempels: ov.Drempels) -> Oordeel:
    schaal = vraag.waarden()
    positie = {w: i + 1 for i, w in enumerate(schaal)}
    paren = [(d, positie[w]) for d, w in antwoorden if w in positie]
    uitslag = ov.ordinaal([p for _, p in paren], 1, len(schaal), drempels)
    drempel = drempels.domein_afstand_schaal if vraag.soort.schaal else drempels.domein_afstand_fase
    verschillen = ov.domeinverschillen_ordinaal(paren, drempel)
    labels = {positie[w]: _label(vraag, w) for w in schaal}
    typisch = None if uitslag.mediaan is None else schaal[round(uitslag.mediaan) - 1]
    oordeel = ov.oordeel(uitslag.oordeel, verschillen)
    top = [labels[p] for p in uitslag.meest_gekozen]
    if oordeel == ov.EENSGEZIND and len(top) == 1:
        samenvatting = f"{oordeel} op {top[0]}"
    elif oordeel == ov.DICHT_BIJ_ELKAAR and len(top) == 1:
        samenvatting = f"{oordeel} rond {top[0]}"
    else:
        samenvatting = oordeel
    teksten = tuple(
        Domeinverschil(
            v.domein_a,
            v.domein_b,
            f"{_domein(v.domein_a)}: {labels.get(round(v.waarde_a), v.waarde_a)} · "
            f"{_domein(v.domein_b)}: {labels.get(round(v.waarde_b), v.waarde_b)}",
        )
        for v in verschillen
    )
    lezing: dict[str, int] = {}
    for v in verschillen:
        lezing[v.domein_a] = round(v.waarde_a)
        lezing[v.domein_b] = round(v.waarde_b)
    lezingen = _groepeer({d: labels.get(p, str(p)) for d, p in lezing.items()}, volgorde=lambda p: p, sleutel=lezing)
    return Oordeel(
        vraag.id,
        ronde,
        uitslag.aantal,
        oordeel,
        samenvatting,
        teksten,
        ov.gewicht(uitslag, verschillen, drempels),
        None if typisch is None else str(typisch),
        lezingen,
    )


def _keuze(vraag: Vraag, ronde: int, antwoorden: Sequence[tuple[str, Any]], drempels: ov.Drempels) -> Oordeel:
    opties = [o.id for o in vraag.opties]
    bekend = set(opties)
    paren = [(d, [w] if isinstance(w, str) else list(w)) for d, w in antwoorden]
    paren = [(d, [w for w in ws if w in bekend]) for d, ws in paren]
    uitslag = ov.keuze([ws for _, ws in paren], opties, drempels)
    verschillen = ov.domeinverschillen_keuze(paren, opties)
    titels = {o.id: o.titel for o in vraag.opties}
    oordeel = ov.oordeel(uitslag.oordeel, verschillen)
    if oordeel == ov.VERDEELD and uitslag.betwist:
        samenvatting = f"{oordeel} over " + ", ".join(titels[o] for o in uitslag.betwist)
    elif oordeel == ov.DICHT_BIJ_ELKAAR and uitslag.uiteen:
        samenvatting = f"{oordeel}, behalve over " + ", ".join(titels[o] for o in uitslag.uiteen)
    elif oordeel == ov.DICHT_BIJ_ELKAAR and uitslag.gedragen:
        samenvatting = f"{oordeel} rond " + ", ".join(titels[o] for o in uitslag.gedragen)
    elif oordeel == ov.EENSGEZIND and uitslag.gedragen:
        samenvatting = f"{oordeel} op " + ", ".join(titels[o] for o in uitslag.gedragen)
    else:
        samenvatting = oordeel
    teksten = tuple(
        Domeinverschil(
            v.domein_a,
            v.domein_b,
            f"{_domein(v.domein_a)}: {', '.join(titels[o] for o in v.keuze_a)} · "
            f"{_domein(v.domein_b)}: {', '.join(titels[o] for o in v.keuze_b)}",
        )
        for v in verschillen
    )
    typisch = uitslag.meest_gekozen[0] if uitslag.meest_gekozen else None
    keuzes: dict[str, tuple[str, ...]] = {}
    for v in verschillen:
        keuzes[v.domein_a] = v.keuze_a
        keuzes[v.domein_b] = v.keuze_b
    plek = {o: i for i, o in enumerate(opties)}
    lezingen = _groepeer(
        {d: ", ".join(titels[o] for o in k) for d, k in keuzes.items()},
        volgorde=lambda k: tuple(plek[o] for o in k),
        sleutel=keuzes,
    )
    return Oordeel(
        vraag.id,
        ronde,
        uitslag.aantal,
        oordeel,
        samenvatting,
        teksten,
        ov.gewicht(uitslag, verschillen, drempels),
        typisch,
        lezingen,
    )


def _groepeer(label: dict[str, str], *, volgorde: Any, sleutel: dict[str, Any]) -> tuple[str, ...]:
    """'label: Domein, Domein' per reading, in the order of the scale or the options."""
    groepen: dict[str, list[str]] = {}
    plaats: dict[str, Any] = {}
    for domein in sorted(label, key=_domein):
        groepen.setdefault(label[domein], []).append(_domein(domein))
        plaats.setdefault(label[domein], volgorde(sleutel[domein]))
    geordend = sorted(groepen.items(), key=lambda kv: plaats[kv[0]])
    return tuple(f"{tekst}: {', '.join(domeinen)}" for tekst, domeinen in geordend)


def _label(vraag: Vraag, waarde: Any) -> str:
    for optie in vraag.opties:
        if optie.id == waarde:
            return optie.titel.lower()
    naam = vraag.schaallabel(waarde)
    return f"{waarde} ({naam})" if naam else str(waarde)


def _domein(domein: str) -> str:
    return DOMEINEN.get(domein, domein)
