"""What the room agrees, written by facilitator and secretary alike: SMART actions, decisions,
communication agreements and the next meeting.

The console's approach tab and the secretary's page show this same panel, each with its own
role's handle (`leiding.aanpak` or `notulist.aanpak`), so either can add, correct or remove
an item while the other leads or writes. Under each item: who touched it last, and when.
The forms are built once and never redrawn, so an event cannot wipe what is being typed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC
from typing import Any

from nicegui import ui

from ..appcontext import Context
from ..sessie.aanpak import BESLUITSOORTEN, ActieRegel, Besluit
from ..sessie.aanpakrol import Aanpakrol
from ..sessie.vervolgdatum import waarschuwing
from ..sessie.wijzigingen import Wijziging
from .gedeeld import antwoord_van, dialoog, doe, probeer
from .volgen import Deel, volg

SMART_LABELS = {
    "wat": "Wat gaan we doen? *",
    "resultaat": "Beoogd resultaat",
    "wanneer": "Wanneer bereikt? *",
    "activiteit": "Welke activiteit",
    "doelgroep": "Gericht op wie",
    "uitvoerder": "Wie voert uit? *",
    "coordinator": "Wie coördineert",
    "terugkoppeling": "Terugkoppeling op",
}
AFSPRAAKSOORTEN = ("besluit", "communicatie", "vervolg")
"""The decisions typed in words; choices and settled outcomes come from the proposals and steps."""


def _smartvelden(waarden: dict[str, Any] | None = None, *, merk: str = "smart") -> dict[str, Any]:
    velden: dict[str, Any] = {}
    with ui.grid(columns=2).classes("w-full gap-2"):
        for naam, label in SMART_LABELS.items():
            waarde = (waarden or {}).get(naam) or ""
            soort = "outlined dense type=date" if naam in ("wanneer", "terugkoppeling") else "outlined dense"
            velden[naam] = ui.input(label, value=str(waarde)).props(soort).mark(f"{merk}-{naam}")
    return velden


def spoor(wijziging: Wijziging | None) -> None:
    if wijziging is None:
        return
    tijd = wijziging.op.replace(tzinfo=UTC).astimezone() if wijziging.op.tzinfo is None else wijziging.op
    wie = "de gespreksleider" if wijziging.rol == "gespreksleider" else "de notulist"
    ui.label(f"{wijziging.handeling.capitalize()} door {wie} om {tijd:%H:%M}").classes("text-xs text-gray-600")


async def paneel(ctx: Context, meeting_id: int, aanpak: Callable[[], Aanpakrol]) -> None:
    """The shared lists and their forms; `aanpak()` gives this page's role handle."""
    dienst = ctx.dienst
    gekozen_opties: dict[int, str] = {}

    async def teken(_delen: frozenset[Deel]) -> None:
        besluiten = await doe(dienst.lezen.besluiten, meeting_id)
        acties = await doe(dienst.lezen.acties, meeting_id)
        laatste = await doe(dienst.lezen.laatste_wijzigingen, meeting_id)
        gekozen_opties.clear()
        gekozen_opties.update({b.id: b.tekst for b in besluiten if b.soort == "gekozen"})
        koppeling.set_options(
            {0: "(niet gekoppeld)", **gekozen_opties}, value=koppeling.value if koppeling.value in gekozen_opties else 0
        )
        actievak.clear()
        with actievak:
            if not acties:
                ui.label("Nog geen acties.").classes("text-gray-600")
            for a in acties:
                _actieregel(a, laatste.get(("actie", a.id)))
        waarschuwingvak.set_text(waarschuwing(besluiten, acties))
        waarschuwingvak.set_visibility(bool(waarschuwingvak.text))
        besluitvak.clear()
        with besluitvak:
            for b in besluiten:
                if b.soort in (*AFSPRAAKSOORTEN, "beleid"):
                    _besluitregel(b, laatste.get(("besluit", b.id)))

    def _actieregel(a: ActieRegel, wijziging: Wijziging | None) -> None:
        with ui.row().classes("w-full items-start no-wrap gap-2").mark(f"actie-{a.id}"):
            with ui.column().classes("grow gap-0"):
                ui.label(
                    f"{a.wat} · {a.uitvoerder} · uiterlijk {a.wanneer:%d-%m-%Y}"
                    + (f" · terugkoppeling {a.terugkoppeling:%d-%m-%Y}" if a.terugkoppeling else "")
                    + (f" · bij {gekozen_opties.get(a.besluit_id, '')}" if a.besluit_id else "")
                )
                spoor(wijziging)
            ui.button("Wijzigen", on_click=lambda a=a: wijzig_actie(a)).props("flat dense").mark(f"wijzig-actie-{a.id}")
            ui.button("Verwijderen", on_click=lambda i=a.id: probeer(aanpak().verwijder_actie, i)).props(
                "flat dense color=negative"
            )

    def _besluitregel(b: Besluit, wijziging: Wijziging | None) -> None:
        with ui.row().classes("w-full items-center no-wrap gap-2").mark(f"besluit-{b.id}"):
            with ui.column().classes("grow gap-0"):
                ui.label(f"{BESLUITSOORTEN[b.soort]}: {b.tekst}")
                spoor(wijziging)
            if b.soort in AFSPRAAKSOORTEN:
                ui.button("Wijzigen", on_click=lambda b=b: wijzig_besluit(b)).props("flat dense").mark(
                    f"wijzig-besluit-{b.id}"
                )
            ui.button("Verwijderen", on_click=lambda i=b.id: probeer(aanpak().verwijder_besluit, i)).props(
                "flat dense color=negative"
            )

    async def wijzig_actie(a: ActieRegel) -> None:
        with dialoog() as venster, ui.card().classes("w-[40rem] max-w-full"):
            ui.label("Actie wijzigen").classes("font-semibold")
            velden = _smartvelden({n: getattr(a, n) for n in SMART_LABELS}, merk="wijzig")
            with ui.row():
                ui.button("Annuleren", on_click=venster.close).props("flat")
                ui.button("Opslaan", on_click=lambda: venster.submit(True)).mark("wijzig-opslaan")
        if await antwoord_van(venster):
            waarden = {naam: veld.value or "" for naam, veld in velden.items()}
            await probeer(aanpak().wijzig_actie, a.id, waarden, a.besluit_id)

    async def wijzig_besluit(b: Besluit) -> None:
        with dialoog() as venster, ui.card().classes("w-[32rem] max-w-full"):
            ui.label(f"{BESLUITSOORTEN[b.soort]} wijzigen").classes("font-semibold")
            tekst = ui.textarea("Tekst", value=b.tekst).classes("w-full").mark("wijzig-tekst")
            with ui.row():
                ui.button("Annuleren", on_click=venster.close).props("flat")
                ui.button("Opslaan", on_click=lambda: venster.submit(True)).mark("wijzig-opslaan")
        if await antwoord_van(venster):
            await probeer(aanpak().wijzig_besluit, b.id, tekst.value or "")

    ui.label("Actie toevoegen (SMART)").classes("text-lg font-semibold pt-2")
    velden = _smartvelden()
    koppeling = (
        ui.select({0: "(niet gekoppeld)"}, value=0, label="Hoort bij gekozen aanpak")
        .classes("w-full")
        .mark("koppeling")
    )

    async def voeg_actie_toe() -> None:
        waarden = {naam: veld.value or "" for naam, veld in velden.items()}
        if await probeer(aanpak().actie, waarden, koppeling.value or None):
            for veld in velden.values():
                veld.set_value("")
            ui.notify("Actie opgeslagen", type="positive")

    ui.button("Actie opslaan", on_click=voeg_actie_toe).props("color=primary")
    actievak = ui.column().classes("w-full gap-1")

    ui.label("Besluit of afspraak").classes("text-lg font-semibold pt-2")
    with ui.row().classes("w-full items-center gap-2 no-wrap"):
        soort = ui.select({k: BESLUITSOORTEN[k] for k in AFSPRAAKSOORTEN}, value="besluit").classes("w-56")
        besluittekst = (
            ui.input("Tekst", placeholder="bij Volgende bijeenkomst: de datum als 12-01-2027")
            .props("outlined dense")
            .classes("grow")
            .mark("besluittekst")
        )

        async def voeg_besluit_toe() -> None:
            if await probeer(aanpak().besluit, besluittekst.value or "", soort.value):
                besluittekst.set_value("")

        ui.button("Vastleggen", on_click=voeg_besluit_toe)
    waarschuwingvak = ui.label("").classes("text-sm font-semibold text-orange-900 bg-orange-50 p-2 rounded")
    waarschuwingvak.props("role=status").mark("vervolg-waarschuwing")
    besluitvak = ui.column().classes("w-full gap-1")

    await volg(ctx.publisher, meeting_id, {Deel.BESLUITEN}, teken, dienst.lezen.versie)
