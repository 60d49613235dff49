"""The method's content where people look: a step's items with their explanation on the
beamer (sized to the screen), behind an "Uitleg" tap on the phone, and the facilitator's tip
and the guidance that applies now on the console.

Everything is a label (plain text), never HTML. The beamer sizes in rem, which the fit step
scales to the window, so the same step reads from the back of the room on 1024×768 and on
1920×1080.
"""

from __future__ import annotations

from nicegui import ui
from nicegui.events import ValueChangeEventArguments

from ..sessie.dienst import Dienst
from ..sessie.methode import Begeleiding, vervolgafspraak
from ..sessie.toestand import Inhoud, Stap
from .bladeren import blad
from .gedeeld import KLEUR, kopniveau, probeer

_BEAMER_KOP = "font-size: 1.875rem; line-height: 1.2"
_BEAMER_TEKST = "font-size: 1.625rem; line-height: 1.35"
_BEAMER_PUNT = "font-size: 1.5rem; line-height: 1.3"
_BEAMER_KLEIN = "font-size: 1.5rem; line-height: 1.2"
"""Beamer sizes are rem: the fit step (`passend`) scales rem to the window; 1.5 rem is the
back row's minimum (`beamermaat.KLEINSTE_TEKST`)."""


def _alineas(tekst: str) -> list[str]:
    return [a.strip() for a in tekst.split("\n") if a.strip()]


# ----------------------------------------------------------------------------- beamer


def op_beamer(stap: Stap, *, compact: bool = False, pagina: int = 0) -> None:
    """A step's method items: the casus story in full, other items as cards with their
    explanation and lines, in as many columns as the screen takes; more than `PER_PAGINA`
    cards come in pages (`bladeren`). `compact` (the room's signals or results are on the wall
    and need the room) leaves one line with the titles."""
    casussen = [i for i in stap.inhoud if i.soort == "casus"]
    overige = [i for i in stap.inhoud if i.soort != "casus"]
    for casus in casussen:
        _casus_op_beamer(casus)
    if not overige:
        return
    if compact:
        ui.label(" · ".join(i.titel for i in overige)).classes("text-gray-700 methode-beamer").style(_BEAMER_TEKST)
        return
    # one item with many lines (a checklist) spreads its lines; several items each get a card;
    # many items (the seven directions) get smaller cards with what decides between them
    veel = len(overige) > VEEL
    if heeft_paginas(stap, compact=compact):
        deel = blad(overige, PER_PAGINA, pagina)
        ui.label(deel.kop("onderdeel", "onderdelen")).classes("text-2xl text-gray-700")
        overige = list(deel.items)
    regels = sum(len(i.punten) for i in overige)
    kolommen = (
        f"repeat({len(overige)}, minmax(0, 1fr))"
        if veel and len(overige) <= EEN_RIJ
        else "repeat(auto-fit, minmax(16rem, 1fr))"
        if veel
        # a checklist of nine questions gets more room than a list of five next to it
        else " ".join(f"{max(2, len(i.punten))}fr" for i in overige)
    )
    with ui.element("div").classes("w-full grid gap-3 methode-beamer").style(f"grid-template-columns: {kolommen}"):
        for item in overige:
            binnen = 3 if len(overige) == 1 else 2 if len(item.punten) > LANGE_LIJST else 1
            _kaart_op_beamer(item, kolommen=binnen, klein=veel, dicht=regels > LANGE_LIJST)


def heeft_paginas(stap: Stap, *, compact: bool) -> bool:
    """Whether the step's method cards are more than one page of the beamer."""
    return not compact and sum(i.soort != "casus" for i in stap.inhoud) > PER_PAGINA


PER_PAGINA = 4
"""Method cards on one page of the beamer: eight directions with their 'wanneer' lines do not
fit a 1024×768 wall at the back row's type size, four do."""

EEN_RIJ = 5
"""Up to this many small cards stand in one row (the five fasen)."""

LANGE_LIJST = 6
"""A card with more lines than this spreads them over two columns, in a smaller size."""

VEEL = 4
"""More items than this on one step: the beamer shows each one smaller, without its general text
when it has 'wanneer' lines (those are what the room chooses by)."""


def _casus_op_beamer(casus: Inhoud) -> None:
    with ui.column().classes("w-full gap-2 methode-casus"):
        ui.label(casus.titel).classes("font-bold").style(_BEAMER_KOP).props(kopniveau(2))
        with ui.element("div").classes("w-full").style("column-count: 2; column-gap: 2rem"):
            for alinea in _alineas(casus.tekst):
                ui.label(alinea).classes("pb-3").style(_BEAMER_TEKST)


def _kaart_op_beamer(item: Inhoud, kolommen: int, klein: bool = False, dicht: bool = False) -> None:
    kop, tekst = (_BEAMER_PUNT, _BEAMER_KLEIN) if klein else (_BEAMER_KOP, _BEAMER_TEKST)
    punt = _BEAMER_KLEIN if dicht else _BEAMER_PUNT
    with ui.column().classes(f"w-full {'gap-0' if klein else 'gap-1'} rounded bg-gray-100 px-3 py-2 min-w-0"):
        ui.label(item.titel).classes("font-bold").style(kop).props(kopniveau(3))
        if item.tekst and not (klein and item.wanneer):
            ui.label(item.tekst).classes("beamer-detail").style(tekst)
        if item.punten and klein and not item.wanneer:
            for regel in item.punten:
                ui.label(f"• {regel.titel}").style(tekst)
        elif item.punten and not klein:
            with ui.element("div").classes("w-full").style(f"column-count: {kolommen}; column-gap: 1.5rem"):
                for regel in item.punten:
                    with ui.element("div").classes("pb-2").style("break-inside: avoid"):
                        ui.label(regel.titel).classes("font-semibold").style(punt)
                        if regel.tekst:
                            ui.label(regel.tekst).classes("text-gray-700 beamer-detail").style(punt)
        if item.wanneer:
            ui.label("Wanneer?").classes("font-semibold").style(tekst)
            for regel_ in item.wanneer:
                ui.label(f"• {regel_}").style(tekst)


def begeleiding_op_beamer(begeleidingen: list[Begeleiding]) -> None:
    """The incident guidance on the wall: what works and what does not, each line's title,
    and the pointer to a SAMOS kernteam. The console has the full text."""
    for b in begeleidingen:
        if b.soort != "incident":
            continue
        with (
            ui.column()
            .classes("w-full gap-2 rounded px-4 py-3 methode-incident")
            .style(f"border: 0.25rem solid {KLEUR['verdeeld']}")
        ):
            ui.label(b.titel).classes("font-bold").style(_BEAMER_KOP).props(kopniveau(2))
            ui.label(b.aanleiding).style(_BEAMER_TEKST)
            with (
                ui.element("div")
                .classes("w-full grid gap-4")
                .style(f"grid-template-columns: repeat({max(1, len(b.inhoud))}, minmax(0, 1fr))")
            ):
                for item in b.inhoud:
                    with ui.column().classes("gap-1 min-w-0"):
                        ui.label(item.titel).classes("font-semibold").style(_BEAMER_TEKST)
                        for punt in item.punten:
                            ui.label(f"• {punt.titel}").style(_BEAMER_PUNT)
            if b.sjabloon:
                ui.label(f"Volgende stap: bespreek dit in een SAMOS-kernteam (sjabloon '{b.sjabloon_titel}').").classes(
                    "font-semibold"
                ).style(_BEAMER_TEKST)


# ----------------------------------------------------------------------------- phone


def op_telefoon(stap: Stap) -> None:
    """The same items behind one tap, so the phone stays a place to answer.

    Built at the first tap, not with the step: a step's explanation is up to a hundred labels,
    and every phone in the room draws its step at once when the step changes (two hundred phones:
    twenty thousand elements on the server, for a text most never open; issue 22)."""
    if not stap.inhoud:
        return
    casus = any(i.soort == "casus" for i in stap.inhoud)
    uitleg = ui.expansion("Lees de casus" if casus else "Uitleg", icon="menu_book").classes(
        "w-full bg-gray-50 rounded methode-uitleg"
    )

    def bij_openen(e: ValueChangeEventArguments) -> None:
        if e.value and not uitleg.default_slot.children:
            with uitleg:
                for item in stap.inhoud:
                    _item_klein(item)

    uitleg.on_value_change(bij_openen)


def _item_klein(item: Inhoud) -> None:
    with ui.column().classes("w-full gap-1 pb-2"):
        ui.label(item.titel).classes("font-semibold").props(kopniveau(3))
        for alinea in _alineas(item.tekst):
            ui.label(alinea).classes("text-sm")
        for punt in item.punten:
            with ui.column().classes("w-full gap-0 pl-2"):
                ui.label(punt.titel).classes("text-sm font-medium")
                if punt.tekst:
                    ui.label(punt.tekst).classes("text-sm text-gray-700")
        if item.wanneer:
            ui.label("Wanneer?").classes("text-sm font-medium")
            for regel in item.wanneer:
                ui.label(f"• {regel}").classes("text-sm")
        if item.vragen:
            ui.label("Om te bespreken").classes("text-sm font-medium")
            for vraag in item.vragen:
                ui.label(f"• {vraag}").classes("text-sm")


# ----------------------------------------------------------------------------- console


def op_console(stap: Stap) -> None:
    """The facilitator's tip from the method, and the step's items to look up."""
    if stap.tip is not None:
        with ui.row().classes("w-full no-wrap gap-2 items-start rounded bg-blue-50 p-2 methode-tip"):
            ui.icon("lightbulb").classes("text-xl")
            with ui.column().classes("gap-0 min-w-0"):
                ui.label(f"Tip: {stap.tip.titel}").classes("font-semibold")
                if stap.tip.tekst:
                    ui.label(stap.tip.tekst).classes("text-sm")
                for punt in stap.tip.punten:
                    ui.label(f"• {punt.titel}").classes("text-sm")
    if stap.inhoud:
        with ui.expansion(f"Methode bij deze stap ({len(stap.inhoud)})", icon="menu_book").classes("w-full"):
            for item in stap.inhoud:
                _item_klein(item)


def begeleiding_op_console(dienst: Dienst, token: str, begeleidingen: list[Begeleiding]) -> None:
    """Guidance that applies now; after incidents one click plans the SAMOS follow-up."""
    for b in begeleidingen:
        with ui.card().classes(f"w-full methode-begeleiding-{b.soort}"):
            ui.label(b.titel).classes("text-lg font-semibold").props(kopniveau(2)).style(
                f"color: {KLEUR['verdeeld']}" if b.soort == "incident" else ""
            )
            ui.label(b.aanleiding).classes("text-sm text-gray-700")
            for item in b.inhoud:
                with ui.expansion(item.titel).classes("w-full"):
                    _item_klein(item)
            if b.extra_stap:

                async def voeg_toe(stap_id: str = b.extra_stap) -> None:
                    if await probeer(dienst.leiding(token).extra_stap, stap_id):
                        ui.notify("De stap staat nu op de agenda, na de huidige stap.", type="positive")

                ui.button("Voeg toe als extra stap", on_click=voeg_toe).props("outline dense")
            if b.sjabloon:

                async def plan(b: Begeleiding = b) -> None:
                    tekst, reden = vervolgafspraak(b)
                    if await probeer(dienst.leiding(token).aanpak.besluit, tekst, "vervolg", reden=reden):
                        ui.notify("Vervolg gepland; het staat in de notulen.", type="positive")

                ui.button(f"Plan vervolg: {b.sjabloon_titel}", on_click=plan).props("outline dense")
