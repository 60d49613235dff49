"""What the beamer shows while the room decides (issue 18, part 2): the top proposals of the
advice with the room's dots, the approach chosen so far, and the agreed actions.

The wall is public: the dots are the counts the room has seen (a blind dot-vote stays blind
until it is revealed, `Aanpak.stippen`), and the actions show only wat · wie · wanneer.
Which steps show what is read from the method's content, not from step ids: a step that
votes on or shows oplossingsrichtingen, or carries the rules of thumb for choosing
praktijkvoorbeelden, is an advice step; a step that carries the SMART fields is the action
step.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from ..content import Catalogus
from .aanpak import Aanpak, ActieRegel
from .advies import Voorstel
from .toestand import Stap

TOP = 3
"""Proposals per kind on the wall: three readable from the back of the room, not ten."""
REDENEN = 2
"""Reasons per proposal on the wall: the two strongest; the console lists up to three."""

Beeldsoort = Literal["advies", "acties"]


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
    if inhoudsoorten & {"vuistregel", "oplossingsrichting"} or "oplossingsrichting" in optiesoorten:
        return "advies"
    return None


def besluitbeeld(aanpak: Aanpak, meeting_id: int) -> Besluitbeeld:
    stippen = aanpak.stippen(meeting_id)
    advies = aanpak.advies(meeting_id)
    volgorde = {r.id: i for i, r in enumerate(advies.richtingen)}
    richtingen = sorted(advies.richtingen, key=lambda r: (-stippen.get(r.id, 0), volgorde[r.id]))
    passend = [p for p in advies.praktijkvoorbeelden if not p.redenen[0].startswith("algemene aanpak")]
    besluiten = aanpak.besluiten(meeting_id)
    gekozen = [b for b in besluiten if b.soort == "gekozen"]
    return Besluitbeeld(
        richtingen=tuple(replace(r, redenen=r.redenen[:REDENEN]) for r in richtingen[:TOP]),
        voorbeelden=tuple(replace(p, redenen=p.redenen[:REDENEN]) for p in passend[:TOP]),
        stippen=stippen,
        ook_stippen=tuple((r.titel, stippen[r.id]) for r in richtingen[TOP:] if stippen.get(r.id)),
        gekozen=tuple(b.tekst for b in gekozen),
        gekozen_ids=frozenset(b.content_ref for b in gekozen if b.content_ref),
        acties=tuple(aanpak.acties(meeting_id)),
    )
