"""The agreed actions as the room reads them, read-only: wat · wie · wanneer.

Phones show it at the end of the meeting and during a talking step once actions exist, so
everyone checks who does what by when before moving on; it follows every added, corrected or
removed action (a 'besluit' event redraws `Deel.BESLUITEN`). All phones share one read per
version of the meeting (`publisher.gedeeld`).
"""

from __future__ import annotations

from datetime import date

from nicegui import ui

from ..appcontext import Context
from ..export.tekst import MAANDEN
from ..sessie.aanpak import ActieRegel
from .gedeeld import KLEUR, doe, kopniveau

KOP = "Afgesproken acties"
LEEG = "Nog geen acties afgesproken."


def datum(d: date) -> str:
    """'15 januari 2027': a date as people say it, not as a form stores it."""
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def wie_wanneer(a: ActieRegel) -> str:
    return f"{a.uitvoerder} · uiterlijk {datum(a.wanneer)}"


class Actielijst:
    """One phone's list; `ververs()` redraws it in place."""

    def __init__(self, ctx: Context, meeting_id: int) -> None:
        self._ctx = ctx
        self._meeting_id = meeting_id
        with ui.card().classes("w-full gap-2").mark("actielijst"):
            ui.label(KOP).classes("text-lg font-semibold").props(kopniveau(3))
            self._vak = ui.column().classes("w-full gap-2")

    async def ververs(self) -> list[ActieRegel]:
        acties = await doe(
            self._ctx.publisher.gedeeld,
            ("acties", self._meeting_id),
            self._meeting_id,
            self._ctx.dienst.lezen.acties,
            self._meeting_id,
        )
        self._vak.clear()
        with self._vak:
            if not acties:
                ui.label(LEEG).classes("text-base text-gray-600")
            for a in acties:
                with ui.column().classes("w-full gap-0 border-l-4 pl-2").style(f"border-color: {KLEUR['primair']}"):
                    ui.label(a.wat).classes("text-base font-semibold break-words")
                    ui.label(wie_wanneer(a)).classes("text-base text-gray-700 break-words")
        return acties
