"""Rendering pieces shared by the projector and the console: results, signal cards,
agenda. Participant text is always a label (plain text), never HTML."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from ..export.tekst import aantal
from ..sessie.oordeel import Oordeel as Duiding
from ..sessie.oordeel import verschuiving
from ..sessie.toestand import DOMEINEN, SIGNAALSOORTEN, SignaalKaart, Uitslag, Vergadering, Vraag
from .gedeeld import GETYPT, KLEUR, oordeelkleur


def balken(vraag: Vraag, uitslag: Uitslag) -> None:
    """A horizontal bar per option or scale value, on the phone and the console (the beamer has
    its own, paged, in `beamerstap`). Labels wrap: "Onderhuidse spanningen" is never "Onderhuidse …"."""
    # Bars are a share of the room (of all dots for dot-voting), not of the largest option.
    totaal = max(1, vraag.soort.geheel(uitslag.verdeling, uitslag.aantal))
    with ui.column().classes("w-full gap-1"):
        for waarde, aantal in uitslag.verdeling.items():
            with ui.row().classes("w-full items-center no-wrap gap-4"):
                ui.label(vraag.titel_van(waarde)).classes("text-base w-2/5 shrink-0 min-w-0 break-words")
                with ui.element("div").classes("grow h-6 bg-gray-200 rounded"):
                    ui.element("div").classes("h-6 rounded").style(
                        f"width: {100 * aantal / totaal:.0f}%; background: {KLEUR['primair']}"
                    )
                ui.label(str(aantal)).classes("text-base w-10 shrink-0 text-right")


def signaalkaart(kaart: SignaalKaart, *, namen: bool) -> None:
    """One signal on the console (the beamer has its own, larger, in `beamerstap`)."""
    kleur = KLEUR.get(kaart.soort, "black")
    with ui.card().classes("w-full p-3"):
        with ui.row().classes("items-center gap-2"):
            ui.label(SIGNAALSOORTEN.get(kaart.soort, kaart.soort)).classes("text-xs uppercase font-bold").style(
                f"color: {kleur}"
            )
            if kaart.geverifieerd:
                ui.label("✓ bevestigd door tweede bron").classes("text-xs")
        ui.label(kaart.tekst).classes(f"text-base {GETYPT}").props("dir=auto")
        afzender = kaart.auteur if namen and kaart.auteur else kaart.organisatie or DOMEINEN.get(kaart.domein, "")
        ui.label(f"{afzender} · herkend door {kaart.herkend}").classes(f"text-sm text-gray-700 {GETYPT}")
        if kaart.eenzijdig:
            ui.label("Alleen door één domein herkend: hoe zien de anderen dit?").classes("text-sm").style(
                f"color: {KLEUR['verdeeld']}"
            )


def agenda(vergadering: Vergadering, *, op_klik: Callable[[int], object] | None = None) -> None:
    """The steps with planned versus used minutes."""
    with ui.column().classes("w-full gap-1"):
        for stap in vergadering.stappen:
            huidig = stap.positie == vergadering.huidige
            with ui.row().classes("w-full items-center no-wrap gap-2 " + ("font-bold" if huidig else "")):
                ui.label("▶" if huidig else "·").classes("w-4")
                titel = ui.label(f"{stap.positie + 1}. {stap.titel}").classes("grow")
                if op_klik is not None:
                    titel.classes("cursor-pointer underline-offset-2 hover:underline")
                    titel.on("click", lambda p=stap.positie: op_klik(p))
                ui.label(f"{stap.klok.verbruikt / 60:.0f}/{stap.klok.budget // 60} min").classes(
                    "text-sm text-gray-600"
                )
        ui.label(f"Totaal: {vergadering.gebruikt / 60:.0f} van {vergadering.gepland // 60} minuten gebruikt").classes(
            "text-sm text-gray-700 pt-1"
        )


LEZINGEN_OP_BEAMER = 4
"""Readings listed on the beamer after a reveal; a scale has at most five, more choices would
push the step off a 1080p screen."""


def duidingsblok(rondes: list[Duiding], groot: bool = False, zin: str | None = None) -> None:
    """After a reveal: the verdict, which domains read it differently, and the shift over rounds.
    With `zin` (the duidingsbeeld's sentence, its picture drawn above) that one plain sentence
    says what differs instead of the list of readings."""
    if not rondes:
        return
    laatste = rondes[-1]
    kleur = oordeelkleur(laatste.oordeel, "#555")
    tekst = "text-3xl" if groot else "text-base"
    with ui.row().classes("items-center gap-3"):
        ui.label(laatste.oordeel.upper()).classes(f"{tekst} font-bold px-3 py-1 rounded text-white").style(
            f"background: {kleur}"
        )
        # the summary starts with the verdict word: 'dicht bij elkaar, behalve over X' -> 'behalve over X'
        detail = laatste.samenvatting.removeprefix(laatste.oordeel).lstrip(" ,;:")
        if detail:
            ui.label(detail).classes(tekst)
    if zin is not None:
        ui.label(zin).classes(tekst)
    elif laatste.oordeel != "te weinig antwoorden" and laatste.lezingen:
        getoond = laatste.lezingen[:LEZINGEN_OP_BEAMER] if groot else laatste.lezingen
        with ui.column().classes("gap-1"):  # one list, not a card's worth of spacing per line
            ui.label("Domeinen lezen het anders:").classes(f"{tekst} font-semibold")
            for lezing in getoond:
                ui.label(lezing).classes(f"{tekst} pl-4")
            if len(laatste.lezingen) > len(getoond):
                ui.label(
                    "en nog " + aantal(len(laatste.lezingen) - len(getoond), "andere lezing", "andere lezingen")
                ).classes("text-2xl text-gray-700")
    if len(rondes) > 1:
        ui.label(verschuiving(rondes)).classes(("text-2xl" if groot else "text-sm") + " text-gray-700")
