"""Attendance, corrected by the secretary or the facilitator: present, arrived late (with the
time), absent with notice. The same panel on the secretary's page and the console, each with
its own role's handle; the minutes show the latest state, the change log says who set it.

Each row saves on its own change (no form to lose): choosing a state saves it; the arrival
time saves when the field is left or Enter is pressed. The panel follows the room live (people
join, the other role corrects a row) by updating its rows in place, one row per participant
id, never by rebuilding them: a time being typed when someone joins stays in its field. A
field takes a stored value only while it still shows the value drawn before (nothing typed).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time

from nicegui import ui

from ..appcontext import Context
from ..sessie.aanwezigheid import AANWEZIGHEID, Aanwezigheidrol
from ..sessie.toestand import DOMEINEN, Deelnemer
from ..sessie.wijzigingen import Wijziging
from .afspraken import spoor
from .gedeeld import doe, probeer
from .volgen import Deel, volg


def _tijd(aankomst: time | None) -> str:
    return f"{aankomst:%H:%M}" if aankomst else ""


class _Rij:
    """One participant's row, kept between redraws and updated in place."""

    def __init__(self, d: Deelnemer, wijziging: Wijziging | None, rol: Callable[[], Aanwezigheidrol]) -> None:
        self.d = d
        """The participant as last drawn: what the row's fields showed from the database."""
        self._rol = rol
        with ui.row().classes("w-full items-center gap-2").mark(f"aanwezig-{d.id}") as self.element:
            with ui.column().classes("grow gap-0 min-w-0 basis-48"):
                self.naam = ui.label().style("overflow-wrap: anywhere")
                self.spoor = ui.column().classes("gap-0")
            self.keuze = ui.select(AANWEZIGHEID, value=d.aanwezigheid).props("dense outlined").classes("w-52")
            self.keuze.mark(f"aanwezigheid-{d.id}")
            self.tijd = (
                ui.input("Binnen om", value=_tijd(d.aankomst))
                .props("dense outlined type=time")
                .classes("w-32")
                .mark(f"aankomst-{d.id}")
            )
        self.keuze.on_value_change(self.kies)
        self.tijd.on("blur", self.bewaar)
        self.tijd.on("keydown.enter", self.bewaar)
        self.werk_bij(d, wijziging)

    def werk_bij(self, d: Deelnemer, wijziging: Wijziging | None) -> None:
        """Show the stored state; a field the user changed and did not save yet keeps its value."""
        vorige, self.d = self.d, d
        self.naam.set_text(f"{d.naam} · {d.organisatie or DOMEINEN.get(d.domein, d.domein)}")
        self.spoor.clear()
        with self.spoor:
            spoor(wijziging)
        if self.keuze.value == vorige.aanwezigheid:
            self.keuze.set_value(d.aanwezigheid)  # equal to `self.d` now: `kies` stores nothing
        if (self.tijd.value or "") == _tijd(vorige.aankomst):
            self.tijd.set_value(_tijd(d.aankomst))
        self.tijd.set_visibility(self.keuze.value == "te-laat")

    async def kies(self, _: object = None) -> None:
        """A state chosen here is saved at once; the same state set by a redraw saves nothing
        (not even a time being typed: that one waits for its field to be left)."""
        self.tijd.set_visibility(self.keuze.value == "te-laat")
        if self.keuze.value != self.d.aanwezigheid:
            await self.bewaar()

    async def bewaar(self, _: object = None) -> None:
        self.tijd.set_visibility(self.keuze.value == "te-laat")
        if self.keuze.value == self.d.aanwezigheid and (self.tijd.value or "") == _tijd(self.d.aankomst):
            return
        await probeer(self._rol().zet, self.d.id, self.keuze.value, self.tijd.value or "")


async def paneel(ctx: Context, meeting_id: int, rol: Callable[[], Aanwezigheidrol]) -> None:
    """One row per participant who joined; `rol()` gives this page's role handle."""
    dienst = ctx.dienst
    ui.label("Wie een telefoon gebruikte, staat als aanwezig. Pas aan wie te laat kwam of zich afmeldde.").classes(
        "text-sm text-gray-600"
    )
    lijst = ui.column().classes("w-full gap-1").mark("aanwezigheid")
    with lijst:
        leeg = ui.label("Nog niemand aangemeld.").classes("text-gray-600")
    rijen: dict[int, _Rij] = {}

    async def teken(_delen: frozenset[Deel]) -> None:
        v = await doe(dienst.lezen.vergadering, meeting_id)
        laatste = await doe(dienst.lezen.laatste_wijzigingen, meeting_id)
        leeg.set_visibility(not v.deelnemers)
        ids = {d.id for d in v.deelnemers}
        for weg in [i for i in rijen if i not in ids]:  # a participant removed from the meeting
            lijst.remove(rijen.pop(weg).element)
        for d in v.deelnemers:  # by id: a newcomer comes last, as in the list
            wijziging = laatste.get(("aanwezigheid", d.id))
            if d.id in rijen:
                rijen[d.id].werk_bij(d, wijziging)
            else:
                with lijst:
                    rijen[d.id] = _Rij(d, wijziging, rol)

    await volg(ctx.publisher, meeting_id, {Deel.DEELNEMERS}, teken, dienst.lezen.versie)
