"""The room's signals on a phone: one element, whose cards are one prop (static/signaalkaarten.js).

Every new signal and every 'herken ik' reaches every phone. NiceGUI builds an element on the
server for each thing on a page (about 0.1 ms each, most of it NiceGUI's own bookkeeping, and
memory held for as long as the page lives). A card per element still made building cards a
fifth of the server's work in a room of 200 (issue 22's profile): every new signal built one
card on every phone and removed another. Here a phone's list is one element; a change sets its
list of cards, plain values Vue draws, and builds nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from nicegui import ui
from nicegui.events import GenericEventArguments

from ..sessie.toestand import SIGNAALSOORTEN, SignaalKaart
from .gedeeld import GETYPT, KLEUR

KNOPPEN = ("herken", "niet")
"""What a tap says besides the signal's id: which of the card's two buttons."""


def knoptekst(kaart: SignaalKaart) -> tuple[str, str]:
    """The two buttons' words, with the count and a check for what this phone marked."""
    herken = f"Herken ik ✓ ({kaart.herkend})" if kaart.herkend_door_mij else f"Herken ik ({kaart.herkend})"
    niet = "Herken ik niet" + (" ✓" if kaart.niet_herkend_door_mij else "") + f" ({kaart.niet_herkend})"
    return herken, niet


class Signaalkaarten(ui.element, component="static/signaalkaarten.js"):
    """A tap sends one event, 'tik', with the signal's id and which button: 'herken' or 'niet'."""

    def __init__(
        self,
        herken: Callable[[int], Any],
        herken_niet: Callable[[int], Any] | None,
    ) -> None:
        super().__init__()
        self._met_niet = herken_niet is not None
        self._props["getypt"] = GETYPT  # typed text wraps as everywhere else (`gedeeld.GETYPT`)
        self._props["kaarten"] = []
        acties = {"herken": herken, "niet": herken_niet}

        def tik(e: GenericEventArguments) -> Any:
            if not (isinstance(e.args, list) and len(e.args) == 2 and type(e.args[0]) is int):  # not a bool
                return None  # not what this page's cards send
            signaal_id, knop = e.args
            if signaal_id not in self.getoond():
                return None
            actie = acties.get(knop) if isinstance(knop, str) else None
            return actie(signaal_id) if actie is not None else None

        self.on("tik", tik)

    def zet(self, kaarten: Sequence[SignaalKaart]) -> None:
        """Show these cards, in this order: one props update, and none when nothing changed."""
        nieuw = [self._woorden(kaart) for kaart in kaarten]
        if nieuw != self._props["kaarten"]:
            self._props["kaarten"] = nieuw
            self.update()

    def getoond(self) -> list[int]:
        """The ids of the signals on screen, in their order."""
        return [kaart["id"] for kaart in self._props["kaarten"]]

    def _woorden(self, kaart: SignaalKaart) -> dict[str, Any]:
        herken, niet = knoptekst(kaart)
        return {
            "id": kaart.id,
            "soort": SIGNAALSOORTEN[kaart.soort],
            "kleur": KLEUR[kaart.soort],
            "tekst": kaart.tekst,
            "herken": "" if kaart.eigen else herken,
            "herkend": kaart.herkend_door_mij,
            "niet": niet if self._met_niet and not kaart.eigen else "",
            "nietaan": kaart.niet_herkend_door_mij,
        }

    def _displayed_contents(self, *, only_visible: bool) -> list[Any]:
        """What a person reads on the cards, for NiceGUI's `user.should_see` and `find`."""
        return [k[sleutel] for k in self._props["kaarten"] for sleutel in ("soort", "tekst", "herken", "niet")]
