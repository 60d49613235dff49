"""The console's approach panel: proposals to choose, beleidsdiagnose, then the shared
actions and decisions (`afspraken`), and the review of the previous meeting's actions.

Forms are built once and never redrawn, so an event from a phone cannot wipe what the
facilitator is typing; only the lists below them redraw.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from nicegui import ui

from ..appcontext import Context
from ..sessie.aanpak import ACTIESTATUS, BESLUITSOORTEN
from ..sessie.advies import Voorstel
from ..sessie.dienst import Dienst
from . import afspraken
from .gedeeld import KLEUR, antwoord_van, dialoog, doe, probeer
from .volgen import Deel, volg
from .volgorde import VasteVolgorde


async def paneel(
    ctx: Context,
    meeting_id: int,
    token: str,
    voorstellen: Callable[[], Awaitable[list[Voorstel]]],
) -> None:
    """`voorstellen()` returns the advice, best first; `VasteVolgorde` keeps it from jumping."""
    dienst = ctx.dienst

    volgorde = VasteVolgorde()
    gekozen: dict[str, Any] = {}

    def teken_voorstellen() -> None:
        keuzevak.clear()
        with keuzevak:
            if volgorde.bijgewerkt:
                with (
                    ui.row().classes("w-full items-center gap-2 bg-blue-50 rounded px-2 py-1").mark("advies-bijgewerkt")
                ):
                    ui.label("Advies bijgewerkt na de laatste uitslag.").classes("grow text-sm")
                    ui.button("Nieuwe volgorde tonen", on_click=nieuwe_volgorde).props("flat dense").mark(
                        "nieuwe-volgorde"
                    )
            for voorstel in volgorde.lijst():
                _teken_voorstel(dienst, token, voorstel, gekozen.get(voorstel.id))

    def nieuwe_volgorde() -> None:
        volgorde.neem_over()
        teken_voorstellen()

    async def teken_lijsten(_delen: frozenset[Deel]) -> None:
        besluiten = await doe(dienst.lezen.besluiten, meeting_id)
        gekozen.clear()
        gekozen.update({b.content_ref: b for b in besluiten if b.soort in ("gekozen", "afgewezen") and b.content_ref})
        volgorde.werk_bij(await voorstellen())
        teken_voorstellen()

    ui.label("Voorstellen").classes("text-lg font-semibold")
    keuzevak = ui.column().classes("w-full gap-1")

    # the advice follows every reveal and settled outcome, not only the choices made here
    await volg(ctx.publisher, meeting_id, {Deel.ADVIES, Deel.BESLUITEN}, teken_lijsten, dienst.lezen.versie)
    await afspraken.paneel(ctx, meeting_id, lambda: dienst.leiding(token).aanpak)


def _teken_voorstel(dienst: Dienst, token: str, voorstel: Voorstel, keuze: Any) -> None:
    """One proposal: title, what it is, why, the room's choice, and the buttons."""
    content_id, titel = voorstel.id, voorstel.titel
    with ui.row().classes("w-full items-center no-wrap gap-2").mark(f"voorstel-{content_id}"):
        with ui.column().classes("grow gap-0"):
            ui.label(titel).classes("font-semibold")
            if voorstel.omschrijving:
                ui.label(voorstel.omschrijving).classes("text-sm")
            if voorstel.redenen:
                ui.label("Waarom: " + "; ".join(voorstel.redenen)).classes("text-sm text-gray-700")
            if keuze:
                ui.label(f"{BESLUITSOORTEN[keuze.soort]}" + (f": {keuze.reden}" if keuze.reden else "")).style(
                    f"color: {KLEUR['eensgezind'] if keuze.soort == 'gekozen' else KLEUR['verdeeld']}"
                ).classes("text-sm")
        if keuze and keuze.soort == "gekozen" and dienst.catalogus.get(content_id).soort == "oplossingsrichting":
            ui.button(
                "Beleidsdiagnose", on_click=lambda c=content_id, t=titel: beleidsdiagnose(dienst, token, c, t)
            ).props("flat dense")
        ui.button("Kiezen", on_click=lambda c=content_id: _kies(dienst, token, c, True)).props("flat dense").mark(
            f"kies-{content_id}"
        )
        ui.button("Niet kiezen", on_click=lambda c=content_id: _kies(dienst, token, c, False)).props("flat dense")


async def beleidsdiagnose(dienst: Dienst, token: str, richting: str, titel: str) -> None:
    """STAP 4.1 for one chosen direction, in a dialog."""
    with dialoog() as venster, ui.card().classes("w-[32rem]"):
        ui.label(f"Beleidsdiagnose: {titel}").classes("font-semibold")
        gedekt = ui.textarea("Wat dekken huidig beleid en partners al?").classes("w-full")
        voldoende = ui.select(
            {"ja": "Ja, voldoende", "nee": "Nee, aanscherpen of nieuw", "?": "Weten we nog niet"},
            value="?",
            label="Is dat voldoende?",
        ).classes("w-full")
        vlekken = ui.textarea("Witte vlekken").classes("w-full")
        sectoren = ui.input("Welke sectoren of professionals zijn nodig?").classes("w-full")
        betrokken = ui.select(
            {"ja": "Ja", "nee": "Nee", "?": "Deels / onbekend"}, value="?", label="Zijn die betrokken?"
        )
        with ui.row():
            ui.button("Annuleren", on_click=venster.close).props("flat")
            ui.button("Opslaan", on_click=lambda: venster.submit(True))
    if await antwoord_van(venster):
        keuze = {"ja": True, "nee": False, "?": None}
        await probeer(
            dienst.leiding(token).aanpak.beleidsdiagnose,
            richting,
            gedekt=gedekt.value or "",
            voldoende=keuze[voldoende.value],
            witte_vlekken=vlekken.value or "",
            sectoren=sectoren.value or "",
            betrokken=keuze[betrokken.value],
        )


async def terugblik(ctx: Context, meeting_id: int, token: str) -> None:
    """A follow-up meeting starts with the previous meeting's open actions (werkprotocol)."""
    dienst = ctx.dienst
    vak = ui.column().classes("w-full gap-2")

    async def teken(_delen: frozenset[Deel]) -> None:
        acties = await doe(dienst.lezen.te_beoordelen, meeting_id)
        vak.clear()
        with vak:
            if not acties:
                ui.label("Geen open acties uit het vorige overleg.").classes("text-gray-600")
            for a in acties:
                with ui.card().classes("w-full"):
                    ui.label(f"{a.wat} · {a.uitvoerder} · uiterlijk {a.wanneer:%d-%m-%Y}").classes("font-semibold")
                    if a.resultaat:
                        ui.label(f"Beoogd: {a.resultaat}").classes("text-sm")
                    ui.label("Uitgevoerd? Resultaat zichtbaar? Bijsturen?").classes("text-sm text-gray-600")
                    with ui.row().classes("w-full items-center no-wrap gap-2"):
                        status = ui.select(ACTIESTATUS, value=a.status).classes("w-40")
                        noot = ui.input("Toelichting", value=a.toelichting).props("dense outlined").classes("grow")
                        ui.button(
                            "Opslaan",
                            on_click=lambda i=a.id, s=status, n=noot: probeer(
                                dienst.leiding(token).aanpak.beoordeel_actie, i, s.value, n.value or ""
                            ),
                        ).props("flat dense")

    await volg(ctx.publisher, meeting_id, {Deel.BESLUITEN}, teken, dienst.lezen.versie)


async def _kies(dienst: Dienst, token: str, content_id: str, gekozen: bool) -> None:
    with dialoog() as venster, ui.card().classes("w-96"):
        ui.label("Waarom kiest de zaal hiervoor?" if gekozen else "Waarom niet? (wordt bewaard in de notulen)")
        reden = ui.input("Reden").classes("w-full").mark("reden")
        with ui.row():
            ui.button("Annuleren", on_click=venster.close).props("flat")
            ui.button("Vastleggen", on_click=lambda: venster.submit(reden.value or "")).mark("kies-bevestig")
    tekst = await antwoord_van(venster)
    if tekst is not None:
        await probeer(dienst.leiding(token).aanpak.kies, content_id, gekozen, tekst)
