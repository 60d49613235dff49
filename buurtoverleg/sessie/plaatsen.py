"""Where each content item shows up in a meeting, so no part of the method sits unused.

An item has a place when a template shows it (a step's items, its tip, a prompt's options, a
practice casus), when the advice reads it, or when a page shows it as guidance
(`sessie.methode`). An item without a place must say why in its `naslag` field.
"""

from __future__ import annotations

from ..content import Catalogus
from ..content.schema import Template
from . import methode

ADVIESSOORTEN = (
    "oplossingsrichting",
    "praktijkvoorbeeld",
    "vuistregel",
    "incidentadvies",
    "adviesweging",
    "richtingweging",
)
"""The kinds the advice reads whole (`sessie.advies`): every item of them can be proposed, or
weighs the proposals (`adviesweging`, `richtingweging`)."""

PAGINASOORTEN = ("participatievoorwaarde", "incidentadvies")
"""The kinds a page shows whole as guidance (`methode.bewonersbegeleiding`, `incidentbegeleiding`)."""


def plaatsen(catalogus: Catalogus) -> dict[str, str]:
    """Content id (top-level item) -> where it is shown first, in words."""
    plaats: dict[str, str] = {}

    def zet(content_id: str | None, waar: str) -> None:
        if not content_id or content_id not in catalogus.entries:
            return
        entry = catalogus.entries[content_id]
        top = content_id
        while entry.ouder is not None and entry.soort != "stap" and entry.soort != "vraag":
            top = entry.ouder
            entry = catalogus.entries[top]
        plaats.setdefault(top, waar)

    for template in catalogus.templates():
        zet(template.id, "lijst met sjablonen")
        _sjabloon(catalogus, template, zet)
    for soort in ADVIESSOORTEN:
        for content_id in catalogus.volgorde.get(soort, []):
            zet(content_id, "advies")
    for soort in PAGINASOORTEN:
        for content_id in catalogus.volgorde.get(soort, []):
            zet(content_id, "begeleiding op de console")
    for content_id in (*methode.TIP_PER_ONDERDEEL.values(), methode.TIP_OEFENEN):
        zet(content_id, "tip voor de gespreksleider")
    for content_id in methode.INCIDENTVERVOLG:
        zet(content_id, "begeleiding na incidenten")
    for content_id in methode.BEWONERSVOORWAARDEN:
        zet(content_id, "begeleiding bij een overleg met bewoners")
    return plaats


def _sjabloon(catalogus: Catalogus, template: Template, zet: object) -> None:
    assert callable(zet)
    zet(template.casus, f"{template.id}: casus")
    for stap in template.stappen:
        waar = f"{template.id}: stap '{stap.id}'"
        for content_id in stap.inhoud:
            zet(content_id, waar)
        zet(stap.tip, waar + " (tip)")
        for prompt in stap.prompts:
            for content_id in catalogus.opties(prompt):
                zet(content_id, waar + f" (vraag '{prompt.id}')")


def zonder_plaats(catalogus: Catalogus) -> list[str]:
    """Top-level items that nothing shows and that do not say why (no `naslag`)."""
    plaats = plaatsen(catalogus)
    return [
        content_id
        for soort, ids in catalogus.volgorde.items()
        for content_id in ids
        if content_id not in plaats and not getattr(catalogus.entries[content_id].item, "naslag", "")
    ]
