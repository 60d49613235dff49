"""The beamer's view of the shared picture of the signals (`sessie.herkenning`): three columns,
the signals that split the room first, then shared ground, then what only one domain saw.

Each signal carries its domains as coloured marks (`kleuren.DOMEINKLEUR`, the same colours as
the duidingsbeeld): ✓ recognises it, ✗ does not. Signal text is participant text: a label,
never HTML. The facilitator switches this view on from the console.
"""

from __future__ import annotations

from nicegui import ui

from ..kleuren import KLEUR, domeinkleur
from ..sessie.herkenning import ALLEEN, GEDEELD, SPLITST, Herkenningsbeeld, Signaalherkenning
from ..sessie.toestand import DOMEINEN
from .gedeeld import GETYPT, kopniveau

PER_KOLOM = 4
"""Signals per column that fit a 1080p beamer at this size; the rest is counted."""


def herkenningsbeeld(beeld: Herkenningsbeeld) -> None:
    ui.label("Welke signalen herkent de zaal?").classes("font-bold").style("font-size: 2.75rem").props(kopniveau(2))
    if beeld.leeg:
        ui.label("Nog geen signaal dat de zaal splitst, dat alle domeinen herkennen of dat maar één domein zag.").style(
            "font-size: 1.88rem"
        )
        _deels(beeld)
        return
    with ui.element("div").classes("w-full grid grid-cols-3 gap-6").props("data-testid=herkenningsbeeld"):
        for kop, groep, kleur in (
            ("Splitst de zaal", beeld.splitst, KLEUR["verdeeld"]),
            ("Door alle domeinen herkend", beeld.gedeeld, KLEUR["eensgezind"]),
            ("Alleen gezien door één domein", beeld.alleen, KLEUR["dicht bij elkaar"]),
        ):
            with ui.column().classes("gap-2 min-w-0"):
                ui.label(f"{kop} ({len(groep)})").classes("font-bold").style(f"font-size: 2rem; color: {kleur}").props(
                    kopniveau(3)
                )
                for h in groep[:PER_KOLOM]:
                    _kaart(h, kleur)
                if len(groep) > PER_KOLOM:
                    ui.label(f"en nog {len(groep) - PER_KOLOM}").style("font-size: 1.5rem; color: #444")
    _deels(beeld)


def _deels(beeld: Herkenningsbeeld) -> None:
    if beeld.deels:
        ui.label(
            f"{beeld.deels} {'signaal is' if beeld.deels == 1 else 'signalen zijn'} door een deel van de domeinen"
            " herkend en door niemand afgewezen."
        ).style("font-size: 1.5rem; color: #444")


def _kaart(h: Signaalherkenning, kleur: str) -> None:
    with ui.card().classes("w-full p-3 gap-1").style(f"border-left: 0.5rem solid {kleur}"):
        ui.label(h.tekst).classes(f"{GETYPT} leading-snug").style("font-size: 1.56rem").props("dir=auto")
        if h.groep == ALLEEN:  # dark text by the domain's swatch: a light domain colour is no text colour
            with ui.row().classes("items-center no-wrap gap-1").props(f'data-domein="{h.herkend_door[0]}"'):
                _vlakje(h.herkend_door[0])
                ui.label(h.kop).classes("font-semibold").style("font-size: 1.5rem; color: #111")
        with ui.row().classes("gap-x-4 gap-y-1"):
            for domein in h.herkend_door if h.groep == SPLITST else ():
                _merk("✓", domein)
            for domein in h.niet_herkend_door:
                _merk("✗", domein)
            if h.groep == GEDEELD:
                ui.label("✓ " + ", ".join(DOMEINEN.get(d, d) for d in h.herkend_door)).style(
                    f"font-size: 1.5rem; color: {KLEUR['eensgezind']}"
                )
        if h.groep == SPLITST:
            ui.label("Herkent: ✓ · herkent niet: ✗").classes("sr-only")


def _vlakje(domein: str) -> None:
    ui.element("span").style(
        "display: inline-block; width: 1.12rem; height: 1.12rem; border-radius: 0.188rem; flex: none;"
        f" background: {domeinkleur(domein)}"
    )


def _merk(teken: str, domein: str) -> None:
    with ui.row().classes("items-center no-wrap gap-1").props(f'data-domein="{domein}" data-merk="{teken}"'):
        _vlakje(domein)
        ui.label(f"{teken} {DOMEINEN.get(domein, domein)}").classes("font-semibold").style(
            f"font-size: 1.5rem; color: {'#111' if teken == '✓' else '#555'}"
        )
