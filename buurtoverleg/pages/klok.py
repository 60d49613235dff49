"""The step's countdown on the beamer, the console and the phones (static/klok.js).

The browser counts down from the last snapshot the server sent; the server sends a new one
only when the meeting changes (a step, a pause, extra time). Before, every page had a 1 s
server timer that set the label's text: in a room of 200 that was 200 callbacks and 200
messages a second over the community centre's Wi-Fi, for a number each phone can count
itself (issue 22).
"""

from __future__ import annotations

from typing import Any

from nicegui import ui

from ..sessie.timer import mmss
from ..sessie.toestand import Stap
from .gedeeld import KLEUR


def tekst(stap: Stap | None) -> str:
    """The clock's words at the moment of the snapshot: '04:05', '+01:30 over tijd', '… (pauze)'."""
    if stap is None:
        return ""
    resterend = stap.klok.resterend
    pauze = "" if stap.klok.loopt else " (pauze)"
    return f"+{mmss(-resterend)} over tijd{pauze}" if resterend < 0 else f"{mmss(resterend)}{pauze}"


class Klokweergave(ui.element, component="static/klok.js"):
    def __init__(self, classes: str) -> None:
        super().__init__()
        self.classes(classes)
        self._props["kleur"] = KLEUR["over-tijd"]
        self._props["snapshot"] = 0
        self.zet(None)

    def zet(self, stap: Stap | None) -> None:
        """Show this snapshot of the step's clock; the browser ticks on from here."""
        self._props["leeg"] = stap is None
        self._props["resterend"] = stap.klok.resterend if stap else 0.0
        self._props["loopt"] = bool(stap and stap.klok.loopt)
        self._props["snapshot"] += 1
        self._tekst = tekst(stap)
        self.update()

    def _displayed_contents(self, *, only_visible: bool) -> list[Any]:
        """The words at the snapshot, for NiceGUI's `user.should_see` (the browser ticks on)."""
        return [self._tekst]
