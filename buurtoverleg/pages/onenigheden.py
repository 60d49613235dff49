"""The facilitator's list of open disagreements: where each one stands on the way to an
outcome (bespreken → nieuwe ronde → uitkomst vastleggen), so the next move is never a guess."""

from __future__ import annotations

from nicegui import ui

from ..sessie.toestand import VERVOLGSTAPPEN, Onenigheid
from .gedeeld import KLEUR


def vervolg(o: Onenigheid) -> None:
    """The three moves in a row, the next one bold and coloured, the ones done struck through."""
    nu = VERVOLGSTAPPEN.index(o.volgende) if o.volgende in VERVOLGSTAPPEN else 0
    with ui.row().classes("items-center gap-1 text-sm").props(f'data-volgende="{o.volgende}"'):
        ui.label("Volgende:").classes("text-gray-700")
        for i, stap in enumerate(VERVOLGSTAPPEN):
            if i:
                ui.label("→").classes("text-gray-500")
            label = ui.label(stap)
            if i < nu:
                label.classes("line-through text-gray-500")
            elif i == nu:
                label.classes("font-bold").style(f"color: {KLEUR['primair']}")
