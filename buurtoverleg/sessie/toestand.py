"""Plain, immutable pictures of a meeting as each role may see it. Pages render only these."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, time
from functools import cached_property
from typing import Any

from .timer import Klok
from .vraagtypen import Vraagtype, vraagtype

MEETING_STATUS = {"lobby": "Lobby", "stappen": "Bezig", "afronding": "Afronding", "gesloten": "Gesloten"}
STAP_STATUS = {
    "nog-niet": "nog niet open",
    "open": "open voor invoer",
    "dicht": "gesloten",
    "onthuld": "uitslag getoond",
}
DOMEINEN: dict[str, str] = {
    "gemeente": "Gemeente",
    "politie": "Politie",
    "welzijn": "Welzijn / opbouwwerk",
    "jongerenwerk": "Jongerenwerk",
    "woningcorporatie": "Woningcorporatie",
    "onderwijs": "Onderwijs",
    "zorg": "Zorg",
    "bewoner": "Bewoner",
    "anders": "Anders",
}
ROLLEN: dict[str, str] = {
    "deelnemer": "Deelnemer",
    "gespreksleider": "Gespreksleider",
    "notulist": "Notulist",
    "waarnemer": "Waarnemer",
}
STEMMENDE_ROLLEN = frozenset({"deelnemer"})
SIGNAALSOORTEN = {"waarneming": "Waarneming", "duiding": "Duiding"}


@dataclass(frozen=True)
class Deelnemer:
    id: int
    naam: str
    organisatie: str
    domein: str
    rol: str
    aanwezigheid: str = "aanwezig"
    """'aanwezig', 'te-laat' or 'afgemeld', as corrected by the secretary (`aanwezigheid`)."""
    aankomst: time | None = None
    """Local clock time of a late arrival, when given."""

    @property
    def stemt(self) -> bool:
        return self.rol in STEMMENDE_ROLLEN


@dataclass(frozen=True)
class Optie:
    id: str
    titel: str
    omschrijving: str = ""
    """What it is, in one sentence: set for options the advice proposed (examples are names
    like 'Kulturhuske' that say nothing on their own)."""


@dataclass(frozen=True)
class Punt:
    """One line of a content item (a checklist question, a sub-direction) with its explanation."""

    titel: str
    tekst: str = ""


@dataclass(frozen=True)
class Inhoud(Optie):
    """A content item as a step shows it: the title plus what the method says about it, so a
    page can show the checklist's questions and not only its name (see `sessie.methode`)."""

    tekst: str = ""
    soort: str = ""
    punten: tuple[Punt, ...] = ()
    """Its onderdelen: the lines of a checklist, the sub-directions of a direction."""
    wanneer: tuple[str, ...] = ()
    """For a solution direction: the problems it answers (the method's 'wanneer')."""
    vragen: tuple[str, ...] = ()
    """For a casus: the questions to discuss."""


@dataclass(frozen=True)
class Vraag:
    id: str
    type: str
    vraag: str
    opties: tuple[Optie, ...] = ()
    blind: bool = False
    schaal_min: int = 1
    schaal_max: int = 5
    schaal_labels: tuple[str, ...] = ()
    stippen: int = 3

    @property
    def soort(self) -> Vraagtype:
        """What its type does (see `vraagtypen`)."""
        return vraagtype(self.type)

    @property
    def neemt_stemmen(self) -> bool:
        return self.soort.neemt_stemmen

    @property
    def neemt_signalen(self) -> bool:
        return self.soort.neemt_signalen

    def waarden(self) -> list[Any]:
        """The values an answer may contain: option ids, or the scale's numbers."""
        if self.soort.schaal:
            return list(range(self.schaal_min, self.schaal_max + 1))
        return [o.id for o in self.opties]

    def schaallabel(self, waarde: Any) -> str:
        """The template's name for a point of the scale ('Matig'), or '' when it names none."""
        labels = self.schaal_labels
        if (
            isinstance(waarde, int)
            and len(labels) == self.schaal_max - self.schaal_min + 1
            and self.schaal_min <= waarde <= self.schaal_max
        ):
            return labels[waarde - self.schaal_min]
        return ""

    def titel_van(self, waarde: Any) -> str:
        """An answer as people read it, the same on phone, projector and minutes: the option's
        title, '3 · Matig' on a scale whose points have names, else the value itself."""
        for optie in self.opties:
            if optie.id == waarde:
                return optie.titel
        naam = self.schaallabel(waarde) if self.soort.schaal else ""
        return f"{waarde} · {naam}" if naam else str(waarde)


@dataclass(frozen=True)
class Stap:
    positie: int
    id: str
    titel: str
    uitleg: str
    onderdeel: str
    status: str
    ronde: int
    klok: Klok
    vragen: tuple[Vraag, ...] = ()
    inhoud: tuple[Inhoud, ...] = ()
    """The method's items shown with the step, each with its explanation."""
    tip: Inhoud | None = None
    """A pointer from the method for the facilitator (console only)."""


@dataclass(frozen=True)
class Uitslag:
    """The answers to one prompt in one round: who answered, and (if visible) what."""

    vraag_id: str
    ronde: int
    aantal: int
    verdeling: dict[Any, int] = field(default_factory=dict)
    zichtbaar: bool = False


@dataclass(frozen=True)
class SignaalKaart:
    id: int
    soort: str
    tekst: str
    auteur: str
    organisatie: str
    domein: str
    herkend: int
    herkend_door_mij: bool = False
    verborgen: bool = False
    goedgekeurd: bool = True
    geverifieerd: bool = False
    eigen: bool = False
    vraag_id: str = ""
    eenzijdig: bool = False
    """Recognised by one domain only while several are present: worth asking the others."""
    niet_herkend: int = 0
    """How many marked it 'herken ik niet'."""
    niet_herkend_door_mij: bool = False


@dataclass(frozen=True)
class Zaalsignalen:
    """The signals of a meeting as the whole room sees them, with who wrote and who recognised
    each: one database read that every phone can share; `voor` adds what is one phone's own."""

    kaarten: tuple[SignaalKaart, ...]
    auteurs: dict[int, int | None]
    """Signal id -> participant id of its author (None once that participant was deleted)."""
    herkenners: dict[int, frozenset[int]]
    """Signal id -> participant ids who tapped 'herken ik'."""
    niet_herkenners: dict[int, frozenset[int]] = field(default_factory=dict)
    """Signal id -> participant ids who tapped 'herken ik niet'."""

    def voor(self, kijker: int | None) -> list[SignaalKaart]:
        if kijker is None:
            return list(self.kaarten)
        return [self._voor(k, kijker) for k in self.kaarten]

    def venster(self, kijker: int, nieuwste: int) -> tuple[list[SignaalKaart], int]:
        """What one phone shows of a large room: the `nieuwste` newest cards plus the viewer's
        own, in the room's order, and how many older cards are left out.

        Every card on every phone made each new signal cost O(phones x signals) elements on the
        server (issue 22: 200 phones with two signals each took 24 s to acknowledge); a phone
        needs the newest few and its own, and asks for more when its holder wants them."""
        begin = max(0, len(self.kaarten) - nieuwste) if nieuwste > 0 else len(self.kaarten)
        eigen_ouder = [i for i in self._plaatsen_per_auteur.get(kijker, ()) if i < begin]
        plaatsen = [*eigen_ouder, *range(begin, len(self.kaarten))]
        return [self._voor(self.kaarten[i], kijker) for i in plaatsen], len(self.kaarten) - len(plaatsen)

    @cached_property
    def _plaatsen_per_auteur(self) -> dict[int | None, list[int]]:
        """Where each author's cards stand in the room's order. Every phone takes its window of
        the same shared read after each change: with this, a phone finds its own cards without
        walking the whole room (200 phones x 400 signals per change, issue 22)."""
        plaatsen: dict[int | None, list[int]] = {}
        for i, kaart in enumerate(self.kaarten):
            plaatsen.setdefault(self.auteurs.get(kaart.id), []).append(i)
        return plaatsen

    def _voor(self, kaart: SignaalKaart, kijker: int) -> SignaalKaart:
        eigen = self.auteurs.get(kaart.id) == kijker
        herkend = kijker in self.herkenners.get(kaart.id, frozenset())
        niet_herkend = kijker in self.niet_herkenners.get(kaart.id, frozenset())
        al_zo = (kaart.eigen, kaart.herkend_door_mij, kaart.niet_herkend_door_mij) == (eigen, herkend, niet_herkend)
        if al_zo:  # the shared card already says so: no copy (200 phones per change in a large room)
            return kaart
        return replace(kaart, eigen=eigen, herkend_door_mij=herkend, niet_herkend_door_mij=niet_herkend)


@dataclass(frozen=True)
class Vergadering:
    id: int
    buurt: str
    datum: date
    template_id: str
    template_titel: str
    status: str
    join_code: str
    aanmelden_open: bool
    huidige: int | None
    toon_namen: bool
    signalen_modereren: bool
    auto_timer: bool
    auto_onthullen: bool
    live_uitslag: bool
    deelnemers: tuple[Deelnemer, ...]
    stappen: tuple[Stap, ...]
    beamer_zwart: bool = False
    """The facilitator put the beamer on black: the wall shows nothing until it is switched back."""
    beamer_pagina: int | None = None
    """The page of a long list the facilitator turned the beamer to; None: pages turn by themselves."""
    herkenning_op_beamer: bool = False
    """The beamer shows which domains recognise which signals (`herkenning`) instead of the step."""
    versie: int = 0
    """The meeting's version this read reflects (`Gebeurtenis.versie`): events up to it are in it."""
    uitslag_op_telefoon: bool = True
    """Whether phones show the verdict small after a reveal (a meeting setting)."""
    max_deelnemers: int = 60
    """How many participants may join (set by the facilitator)."""

    @property
    def stemmers(self) -> tuple[Deelnemer, ...]:
        return tuple(d for d in self.deelnemers if d.stemt)

    @property
    def huidige_stap(self) -> Stap | None:
        return self.stappen[self.huidige] if self.huidige is not None else None

    @property
    def gepland(self) -> int:
        return sum(s.klok.budget for s in self.stappen)

    @property
    def gebruikt(self) -> float:
        return sum(s.klok.verbruikt for s in self.stappen)


@dataclass(frozen=True)
class Links:
    meeting_id: int
    join_code: str
    facilitator_token: str
    projector_token: str
    secretary_token: str


@dataclass(frozen=True)
class Onenigheid:
    """An open disagreement on the facilitator's list: "verdeeld", not yet settled
    (see `Uitslagen.onenigheden`; "dicht bij elkaar" is not on it)."""

    positie: int
    stap_titel: str
    vraag_id: str
    vraag: str
    ronde: int
    samenvatting: str
    gewicht: float
    lezingen: tuple[str, ...]
    """How the differing domains read it, one line per reading (see oordeel.Oordeel.lezingen)."""
    zin: str = ""
    """What differs, in one plain sentence (the duidingsbeeld's, as under the beamer's picture)."""
    volgende: str = ""
    """The next move in `VERVOLGSTAPPEN`: where this disagreement stands."""


VERVOLGSTAPPEN = ("bespreken", "nieuwe ronde", "uitkomst vastleggen")
"""How a facilitator settles a disagreement: talk it through, let the room vote again, then
record the outcome (agreed, or no agreement and what happens next)."""


@dataclass(frozen=True)
class Uitkomst:
    """What the facilitator recorded for a prompt after discussion."""

    vraag_id: str
    optie: str | None
    tekst: str
    toelichting: str


@dataclass(frozen=True)
class Overzichtsregel:
    id: int
    buurt: str
    datum: date
    template_titel: str
    status: str
    links: Links


def verdeling(vraag: Vraag, waarden: Iterable[Any]) -> dict[Any, int]:
    """Counts per option (or scale value, or dots per option), every option present.

    One counting rule for the live result and the minutes, so both show the same numbers."""
    return vraag.soort.verdeling(vraag, waarden)
