"""The room's signals on a participant's phone, kept up to date card by card.

Every new signal and every 'herken ik' in the room reaches every phone. Rebuilding the whole
list each time sent every phone all its cards again: with thirty phones and sixty signals,
one new signal cost 1,800 cards over the community centre's Wi-Fi and as many element
builds on the server. Here a phone compares what it shows with what the database holds:
a new signal adds one card, a recognition replaces one card, a merged or hidden signal
removes one, and nothing else is sent.

In a large room (a residents' evening of 200) a phone shows the newest `NIEUWSTE` signals and
its holder's own; older ones come on request ('Eerdere signalen tonen'), `NIEUWSTE` at a time.
So one new signal costs every phone one card in and one out, whatever the room's size, and
the server's memory for the phones' lists stays flat as signals pile up (issue 22).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from functools import partial

from nicegui import ui

from ..sessie.toestand import SignaalKaart
from .gedeeld import Bezet, Mislukt
from .signaalkaart import Signaalkaart

NIEUWSTE = 10
"""How many of the room's newest signals a phone shows at first, and how many more per tap."""

Ophalen = Callable[[int], Awaitable[tuple[list[SignaalKaart], int]]]
"""Reads the cards to show for `n` newest (plus the phone's own), and how many older ones are left out."""


class Signaallijst:
    def __init__(
        self,
        ophalen: Ophalen,
        herken: Callable[[int], Awaitable[bool]],
        herken_niet: Callable[[int], Awaitable[bool]] | None = None,
    ) -> None:
        self._ophalen = ophalen
        self._herken = herken
        self._herken_niet = herken_niet
        self._uitleg = ui.label(
            "Signalen in de zaal: herken je het ook, of juist niet? Tik het aan; laten staan mag ook."
        ).classes("text-sm pt-2")
        self._nieuwste = NIEUWSTE
        self._meer = ui.button("Eerdere signalen tonen", on_click=self._toon_meer).props("outline no-caps")
        self._meer.classes("w-full").style("min-height: 48px")
        self._meer.set_visibility(False)
        self._vak = ui.column().classes("w-full gap-2")
        self._getoond: dict[int, tuple[SignaalKaart, Signaalkaart]] = {}
        self._bezig = asyncio.Lock()
        """A tap, a sent signal and a room event may ask at once; an older read must not
        land after a newer one."""

    async def ververs(self, *, drukte_doorgeven: bool = False) -> None:
        """Show what the database holds now. `drukte_doorgeven`: a read refused because the
        server was too busy raises `Bezet`, so the page's `Volger` tries again by itself."""
        async with self._bezig:
            try:
                kaarten, eerder = await self._ophalen(self._nieuwste)
            except Bezet:
                if drukte_doorgeven:
                    raise
                return
            except Mislukt:
                return  # the notice is on screen; the list stays as it is until the next change
            self._toon(kaarten)
            self._meer.set_text(f"Eerdere signalen tonen (nog {eerder})")
            self._meer.set_visibility(eerder > 0)

    async def _toon_meer(self) -> None:
        self._nieuwste += NIEUWSTE
        await self.ververs()

    def _toon(self, kaarten: list[SignaalKaart]) -> None:
        nu = {kaart.id for kaart in kaarten}
        for weg in [i for i in self._getoond if i not in nu]:
            self._vak.remove(self._getoond.pop(weg)[1])
        for positie, kaart in enumerate(kaarten):  # the domain sorts them; keep its order
            eerder = self._getoond.get(kaart.id)
            if eerder is not None:
                if eerder[0] != kaart:
                    eerder[1].zet(kaart)  # a count or a mark changed: the same element, new words
                    self._getoond[kaart.id] = (kaart, eerder[1])
                continue
            with self._vak:
                element = self._kaart(kaart)
            if positie < len(self._vak.default_slot.children) - 1:  # not the newest: put it in its place
                element.move(target_index=positie)
            self._getoond[kaart.id] = (kaart, element)
        self._uitleg.set_visibility(bool(kaarten))

    def _kaart(self, kaart: SignaalKaart) -> Signaalkaart:
        niet = self._herken_niet
        return Signaalkaart(
            kaart,
            partial(self._tik, self._herken, kaart.id),
            None if niet is None else partial(self._tik, niet, kaart.id),
        )

    async def _tik(self, actie: Callable[[int], Awaitable[bool]], signaal_id: int) -> None:
        if await actie(signaal_id):
            await self.ververs()
