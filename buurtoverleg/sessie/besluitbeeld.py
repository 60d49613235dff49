"""What the beamer shows while the room decides (issue 18, part 2): the top proposals of the
advice with the room's dots, the approach chosen so far, and the agreed actions.

The wall is public: the dots are the counts the room has seen (a blind dot-vote stays blind
until it is revealed, `Aanpak.stippen`), and the actions show only wat · wie · wanneer.
Which steps show what is read from the method's content, not from step ids: a step that
votes on or shows oplossingsrichtingen, or carries the rules of thumb for choosing
praktijkvoorbeelden, is an advice step ('voorbeelden' when the room dot-votes on the
proposed examples there); a step that carries the SMART fields is the action step.

The examples on the wall are the ones the phones voted on, once a list was frozen for a vote
(`voorstellijst`): most dots first, then the list's order. Before that, the advice's top.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from ..content import Catalogus
from .aanpak import Aanpak, ActieRegel
from .advies import Voorstel, omschrijving
from .toestand import Stap

TOP = 3
"""Proposals per kind on the wall: three readable from the back of the room, not ten."""
REDENEN = 2
"""Reasons per proposal on the wall: the two strongest; the console lists up to three."""

Beeldsoort = Literal["advies", "voorbeelden", "acties"]


@dataclass(frozen=True)
class Besluitbeeld:
    richtingen: tuple[Voorstel, ...]
    """The top oplossingsrichtingen: most dots first, then the advice's order."""
    voorbeelden: tuple[Voorstel, ...]
    """The top praktijkvoorbeelden that fit the analysis (not the general fallbacks)."""
    stippen: dict[str, int]
    """Shown dots per content id."""
    ook_stippen: tuple[tuple[str, int], ...]
    """Directions below the top that the room gave dots (title, dots): every dot stays on the wall."""
    ook_stippen_voorbeelden: tuple[tuple[str, int], ...]
    """The same for the examples the phones voted on."""
    gekozen: tuple[str, ...]
    """Titles of what the room chose, in the order chosen."""
    gekozen_ids: frozenset[str]
    acties: tuple[ActieRegel, ...]


def beeldsoort(catalogus: Catalogus, stap: Stap) -> Beeldsoort | None:
    """'advies', 'acties' or None for a step, from the content it carries."""
    inhoudsoorten = {i.soort for i in stap.inhoud}
    if "smart-veld" in inhoudsoorten:
        return "acties"
    optiesoorten = {catalogus.entries[o.id].soort for v in stap.vragen for o in v.opties if o.id in catalogus.entries}
    stemsoorten = {
        catalogus.entries[o.id].soort
        for v in stap.vragen
        if v.soort.prioriteit
        for o in v.opties
        if o.id in catalogus.entries
    }
    if "praktijkvoorbeeld" in stemsoorten:
        return "voorbeelden"
    if inhoudsoorten & {"vuistregel", "oplossingsrichting"} or "oplossingsrichting" in optiesoorten:
        return "advies"
    return None


def besluitbeeld(aanpak: Aanpak, meeting_id: int) -> Besluitbeeld:
    stippen = aanpak.stippen(meeting_id)
    advies = aanpak.advies(meeting_id)
    volgorde = {r.id: i for i, r in enumerate(advies.richtingen)}
    richtingen = sorted(advies.richtingen, key=lambda r: (-stippen.get(r.id, 0), volgorde[r.id]))
    voorbeelden = _voorbeelden(aanpak, meeting_id, advies.praktijkvoorbeelden, stippen)
    besluiten = aanpak.besluiten(meeting_id)
    gekozen = [b for b in besluiten if b.soort == "gekozen"]
    return Besluitbeeld(
        richtingen=tuple(replace(r, redenen=r.redenen[:REDENEN]) for r in richtingen[:TOP]),
        voorbeelden=tuple(replace(p, redenen=p.redenen[:REDENEN]) for p in voorbeelden[:TOP]),
        stippen=stippen,
        ook_stippen=tuple((r.titel, stippen[r.id]) for r in richtingen[TOP:] if stippen.get(r.id)),
        ook_stippen_voorbeelden=tuple((p.titel, stippen[p.id]) for p in voorbeelden[TOP:] if stippen.get(p.id)),
        gekozen=tuple(b.tekst for b in gekozen),
        gekozen_ids=frozenset(b.content_ref for b in gekozen if b.content_ref),
        acties=tuple(aanpak.acties(meeting_id)),
    )


def _voorbeelden(
    aanpak: Aanpak, meeting_id: int, advies: tuple[Voorstel, ...], stippen: dict[str, int]
) -> list[Voorstel]:
    """The examples for the wall: those the phones got to vote on (most dots first, then the
    frozen order), else the advice's fitting ones. An example keeps the advice's current
    reasons; one the advice no longer ranks keeps its title and description."""
    catalogus = aanpak.eenheid.catalogus
    gestemd: list[str] = []
    for stap in aanpak.verloop.vergadering(meeting_id).stappen:
        for vraag in stap.vragen:
            if vraag.soort.prioriteit and vraag.opties and _soort(catalogus, vraag.opties[0].id) == "praktijkvoorbeeld":
                gestemd += [o.id for o in vraag.opties]
    if not gestemd:
        return [p for p in advies if p.past]
    per_id = {p.id: p for p in advies}
    volgorde = list(dict.fromkeys(gestemd))
    gesorteerd = sorted(volgorde, key=lambda i: (-stippen.get(i, 0), volgorde.index(i)))
    return [
        per_id.get(i) or Voorstel(i, catalogus.titel(i), 0.0, (), omschrijving(catalogus.entries[i].item))
        for i in gesorteerd
        if i in catalogus.entries
    ]


def _soort(catalogus: Catalogus, content_id: str) -> str:
    entry = catalogus.entries.get(content_id)
    return entry.soort if entry else ""
