"""Attendance, corrected by the secretary or the facilitator: present, arrived late (with the
time), absent with notice. The same panel on the secretary's page and the console, each with
its own role's handle; the minutes show the latest state, the change log says who set it.

Each row saves on its own change (no form to lose): choosing a state saves it; the arrival
time saves when the field is left or Enter is pressed.
"""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from ..appcontext import Context
from ..sessie.aanwezigheid import AANWEZIGHEID, Aanwezigheidrol
from ..sessie.toestand import DOMEINEN, Deelnemer
from ..sessie.wijzigingen import Wijziging
from .afspraken import spoor
from .gedeeld import doe, probeer
from .volgen import Deel, volg


async def paneel(ctx: Context, meeting_id: int, rol: Callable[[], Aanwezigheidrol]) -> None:
    """One row per participant who joined; `rol()` gives this page's role handle."""
    dienst = ctx.dienst
    ui.label("Wie een telefoon gebruikte, staat als aanwezig. Pas aan wie te laat kwam of zich afmeldde.").classes(
        "text-sm text-gray-600"
    )
    lijst = ui.column().classes("w-full gap-1").mark("aanwezigheid")

    async def teken(_delen: frozenset[Deel]) -> None:
        v = await doe(dienst.lezen.vergadering, meeting_id)
        laatste = await doe(dienst.lezen.laatste_wijzigingen, meeting_id)
        lijst.clear()
        with lijst:
            if not v.deelnemers:
                ui.label("Nog niemand aangemeld.").classes("text-gray-600")
            for d in v.deelnemers:
                _rij(d, laatste.get(("aanwezigheid", d.id)))

    def _rij(d: Deelnemer, wijziging: Wijziging | None) -> None:
        with ui.row().classes("w-full items-center gap-2").mark(f"aanwezig-{d.id}"):
            with ui.column().classes("grow gap-0 min-w-0 basis-48"):
                ui.label(f"{d.naam} · {d.organisatie or DOMEINEN.get(d.domein, d.domein)}").style(
                    "overflow-wrap: anywhere"
                )
                spoor(wijziging)
            keuze = ui.select(AANWEZIGHEID, value=d.aanwezigheid).props("dense outlined").classes("w-52")
            keuze.mark(f"aanwezigheid-{d.id}")
            tijd = (
                ui.input("Binnen om", value=f"{d.aankomst:%H:%M}" if d.aankomst else "")
                .props("dense outlined type=time")
                .classes("w-32")
                .mark(f"aankomst-{d.id}")
            )
            tijd.set_visibility(d.aanwezigheid == "te-laat")

            async def bewaar(_: object = None, d: Deelnemer = d) -> None:
                tijd.set_visibility(keuze.value == "te-laat")
                if keuze.value == d.aanwezigheid and (tijd.value or "") == (
                    f"{d.aankomst:%H:%M}" if d.aankomst else ""
                ):
                    return
                await probeer(rol().zet, d.id, keuze.value, tijd.value or "")

            keuze.on_value_change(bewaar)
            tijd.on("blur", bewaar)
            tijd.on("keydown.enter", bewaar)

    await volg(ctx.publisher, meeting_id, {Deel.DEELNEMERS}, teken, dienst.lezen.versie)
