"""What the method says at a step: its items with their explanation, the facilitator's tip, and
the guidance that applies once the room has settled something.

Pure reads of the catalogue, so they are the same for every page and testable without a
meeting. `sessie.begeleiding` applies them to a running meeting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..content import Catalogus
from ..content.schema import Casus, Item, Oplossingsrichting, Stap, Template
from .advies import weging
from .toestand import Inhoud, Punt
from .toestand import Stap as Stapbeeld

TIP_PER_ONDERDEEL: dict[str, str] = {
    "opening": "signaleringswijze-samen-buurtprofessionals",
    "signalering": "signaleringsmethode-waarnemen-eerst",
    "analyse": "bob-oordeelsvorming",
    "aanpak": "bob-besluitvorming",
    "afronding": "smart-toets",
}
"""The facilitator's tip when a step names none: what the method advises for that part of a
meeting (seed 001 STAP 1 for the opening, seed 003 A3 and the BOB procedure for the rest)."""

TIP_OEFENEN = "werkprotocol-oefenen"
"""A practice meeting opens with the method's advice on practising."""

INCIDENTVERVOLG = ("actieladder-de-escalatie", "achtergrond-escalatievoorwaarden")
"""Shown with the incident guidance: how to keep an incident from escalating (seed 003 A1)
and the four conditions without which it does not grow into large-scale violence (B3)."""

AZC_STAP = "extra-azc"
"""The extra step with the three AZC checklists (seed 001, direction 7; `templates-extra.yaml`)."""

BEWONERSVOORWAARDEN = ("achtergrond-buurt-bestuurt",)
"""Shown after seed 004's conditions: what makes residents' own approach work (seed 003 B1)."""

_AZC = re.compile(r"\b(azc|statushouders?)\b", re.IGNORECASE)

BEWONERSONDERDELEN = frozenset({"opening", "aanpak"})
"""Where seed 004's participation conditions apply: when residents join the table and when
the approach is chosen (it decides what residents get to say about)."""


def inhoud(catalogus: Catalogus, content_id: str) -> Inhoud:
    """One content item as pages show it; an unknown id (a removed item) shows as its id."""
    entry = catalogus.entries.get(content_id)
    if entry is None:
        return Inhoud(content_id, content_id)
    item = entry.item
    punten = tuple(Punt(o.titel, o.tekst) for o in item.onderdelen) if isinstance(item, Item) else ()
    return Inhoud(
        id=content_id,
        titel=entry.titel,
        tekst=entry.tekst,
        soort=entry.soort,
        punten=punten,
        wanneer=tuple(item.wanneer) if isinstance(item, Oplossingsrichting) else (),
        vragen=tuple(item.vragen) if isinstance(item, Casus) else (),
    )


def stapinhoud(catalogus: Catalogus, template: Template, stap: Stap) -> tuple[Inhoud, ...]:
    """What a step shows: its own items; a practice meeting's opening step always shows the
    casus story, also when its template forgot to list it."""
    ids = list(stap.inhoud)
    if template.casus and template.stappen[0].id == stap.id and template.casus not in ids:
        ids.insert(0, template.casus)
    return tuple(inhoud(catalogus, i) for i in ids)


def tip(catalogus: Catalogus, template: Template, stap: Stap) -> Inhoud | None:
    """The step's own tip, else the method's advice for its part of the meeting."""
    if stap.tip:
        content_id = stap.tip
    elif template.doel == "oefenen" and template.stappen[0].id == stap.id:
        content_id = TIP_OEFENEN
    else:
        content_id = TIP_PER_ONDERDEEL.get(stap.onderdeel.value, "")
    return inhoud(catalogus, content_id) if content_id in catalogus.entries else None


@dataclass(frozen=True)
class Begeleiding:
    """Guidance that applies now, with why: shown on the console (and the incident guidance
    also on the beamer)."""

    soort: str
    """'incident', 'azc' or 'bewoners'."""
    titel: str
    aanleiding: str
    """Why it is shown: what the room settled on or who is at the table."""
    inhoud: tuple[Inhoud, ...]
    sjabloon: str | None = None
    """For 'incident': the SAMOS template a follow-up meeting should use."""
    sjabloon_titel: str = ""
    extra_stap: str | None = None
    """For 'azc': the extra step the facilitator can add to the agenda (None once it is on it)."""
    vraag_id: str = ""
    """For 'incident': the fase question the room settled it on."""


def incidentbegeleiding(catalogus: Catalogus, fase: str | None, vraag_id: str = "") -> Begeleiding | None:
    """After incidents or escalation: what works and what does not (seed 002), how to
    de-escalate, and the pointer to a SAMOS kernteam (seed 003)."""
    w = weging(catalogus)  # the incident phases and SAMOS templates are the advice's, in content
    if fase not in w.incidentfasen:
        return None
    ids = [*catalogus.volgorde.get("incidentadvies", []), *INCIDENTVERVOLG]
    sjablonen = [s for s in w.samos_sjablonen if catalogus.entries.get(s) and catalogus.entries[s].soort == "template"]
    return Begeleiding(
        soort="incident",
        titel="Na incidenten: wat werkt en wat niet",
        aanleiding=f"De zaal plaatst de buurt in de fase '{catalogus.titel(fase or '')}'.",
        inhoud=tuple(inhoud(catalogus, i) for i in ids if i in catalogus.entries),
        sjabloon=sjablonen[0] if sjablonen else None,
        sjabloon_titel=catalogus.titel(sjablonen[0]) if sjablonen else "",
        vraag_id=vraag_id,
    )


def voor_de_beamer(begeleidingen: Iterable[Begeleiding], stap: Stap | Stapbeeld | None) -> list[Begeleiding]:
    """What the wall shows: the incident guidance at the step where the room settled the fase,
    in place of the fasen it chose from. Later steps keep their own items on the wall; the
    console keeps the guidance in view for the facilitator."""
    if stap is None:
        return []
    vragen = {v.id for v in stap.vragen} if isinstance(stap, Stapbeeld) else {p.id for p in stap.prompts}
    return [b for b in begeleidingen if b.soort == "incident" and b.vraag_id in vragen]


def noemt_azc(catalogus: Catalogus, ids: Iterable[str]) -> list[str]:
    """The ids (trigger, location, doelgroep, actor) whose text is about an AZC or
    statushouders; read from the content, so a municipality's own trigger counts too."""
    gevonden = []
    for content_id in ids:
        entry = catalogus.entries.get(content_id)
        if entry is None:
            continue
        ouder = catalogus.entries.get(entry.ouder) if entry.ouder else None
        teksten = [entry.titel, entry.tekst, *((ouder.titel, ouder.tekst) if ouder else ())]
        if any(_AZC.search(t) for t in teksten):
            gevonden.append(content_id)
    return gevonden


def azcbegeleiding(catalogus: Catalogus, genoemd: Iterable[str], agenda: Iterable[str] = ()) -> Begeleiding | None:
    """The AZC checklists, offered as an extra step once the analysis names an AZC or
    statushouders; `agenda` holds the meeting's step ids (no offer once the step is on it)."""
    aanleidingen = noemt_azc(catalogus, genoemd)
    stap = catalogus.extra_stap(AZC_STAP)
    if not aanleidingen or stap is None:
        return None
    namen = ", ".join(catalogus.titel(i) for i in aanleidingen)
    ids = [*stap.inhoud, *([stap.tip] if stap.tip else [])]
    return Begeleiding(
        soort="azc",
        titel=f"Extra stap: {stap.titel}",
        aanleiding=f"De analyse noemt: {namen}.",
        inhoud=tuple(inhoud(catalogus, i) for i in ids if i in catalogus.entries),
        extra_stap=None if stap.id in set(agenda) else stap.id,
    )


def bewonersbegeleiding(catalogus: Catalogus, onderdeel: str | None) -> Begeleiding | None:
    """Seed 004's conditions for resident participation, at the steps where they apply."""
    if onderdeel not in BEWONERSONDERDELEN:
        return None
    return Begeleiding(
        soort="bewoners",
        titel="Overleg met bewoners: voorwaarden voor echte inbreng",
        aanleiding="Er zitten bewoners aan tafel.",
        inhoud=tuple(
            inhoud(catalogus, i)
            for i in [*catalogus.volgorde.get("participatievoorwaarde", []), *BEWONERSVOORWAARDEN]
            if i in catalogus.entries
        ),
    )


def vervolgafspraak(begeleiding: Begeleiding) -> tuple[str, str]:
    """The follow-up the incident guidance proposes, as a 'vervolg' decision (text, reason):
    it lands in the minutes, and the organiser creates that meeting from the home page."""
    tekst = f"Vervolgoverleg als SAMOS-kernteam, met het sjabloon '{begeleiding.sjabloon_titel}'"
    return tekst, begeleiding.aanleiding + " Bij incidenten hoort een gezamenlijke aanpak in een kernteam."
