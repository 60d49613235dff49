"""A signal of the room on a phone: one element, whose words are props (static/signaalkaart.js).

Every new signal and every 'herken ik' reaches every phone. NiceGUI builds an element on the
server for each thing on a page (about 50-100 µs each, and memory held for as long as the page
lives), so the old six-element card made the phones' lists most of the server's work in a room
of 200 (issue 22's profile: 60 %). One element per card, changed in place when its counts
change, keeps a signal's cost per phone close to one label's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import ui
from nicegui.events import GenericEventArguments

from ..sessie.toestand import SIGNAALSOORTEN, SignaalKaart
from .gedeeld import GETYPT, KLEUR


def knoptekst(kaart: SignaalKaart) -> tuple[str, str]:
    """The two buttons' words, with the count and a check for what this phone marked."""
    herken = f"Herken ik ✓ ({kaart.herkend})" if kaart.herkend_door_mij else f"Herken ik ({kaart.herkend})"
    niet = "Herken ik niet" + (" ✓" if kaart.niet_herkend_door_mij else "") + f" ({kaart.niet_herkend})"
    return herken, niet


class Signaalkaart(ui.element, component="static/signaalkaart.js"):
    """A tap sends one event, 'tik', with which button: 'herken' or 'niet' (one listener per
    card, not two: NiceGUI keeps an object per listener, for every card on every phone)."""

    def __init__(
        self,
        kaart: SignaalKaart,
        herken: Callable[[], Any],
        herken_niet: Callable[[], Any] | None,
    ) -> None:
        super().__init__()
        self._met_niet = herken_niet is not None
        self._props["getypt"] = GETYPT  # typed text wraps as everywhere else (`gedeeld.GETYPT`)
        knoppen = {"herken": herken, "niet": herken_niet}

        def tik(e: GenericEventArguments) -> Any:
            actie = knoppen.get(e.args) if isinstance(e.args, str) else None
            return actie() if actie is not None else None

        self.on("tik", tik)
        self.zet(kaart)

    def zet(self, kaart: SignaalKaart) -> None:
        """Show this state of the card: one props update, not a new card."""
        herken, niet = knoptekst(kaart)
        self._props["soort"] = SIGNAALSOORTEN[kaart.soort]
        self._props["kleur"] = KLEUR[kaart.soort]
        self._props["tekst"] = kaart.tekst
        self._props["herken"] = "" if kaart.eigen else herken
        self._props["herkend"] = kaart.herkend_door_mij
        self._props["niet"] = niet if self._met_niet and not kaart.eigen else ""
        self._props["nietaan"] = kaart.niet_herkend_door_mij
        self.update()

    def _displayed_contents(self, *, only_visible: bool) -> list[Any]:
        """What a person reads on the card, for NiceGUI's `user.should_see` and `find`."""
        return [self._props.get(sleutel) for sleutel in ("soort", "tekst", "herken", "niet")]
