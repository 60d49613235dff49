"""The room's signals on a participant's phone, kept up to date card by card.

Every new signal and every 'herken ik' in the room reaches every phone. A phone reads what
the database holds and sets its cards (`signaalkaarten`, one element) only when they differ
from what it shows.

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
from .signaalkaarten import Signaalkaarten

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
        self._uitleg = ui.label(
            "Signalen in de zaal: herken je het ook, of juist niet? Tik het aan; laten staan mag ook."
        ).classes("text-sm pt-2")
        self._nieuwste = NIEUWSTE
        self._meer = ui.button("Eerdere signalen tonen", on_click=self._toon_meer).props("outline no-caps")
        self._meer.classes("w-full").style("min-height: 48px")
        self._meer.set_visibility(False)
        self._kaarten = Signaalkaarten(
            partial(self._tik, herken), None if herken_niet is None else partial(self._tik, herken_niet)
        )
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
            if self._kaarten.is_deleted:  # the phone drew its step anew meanwhile, with a list of its own
                return
            self._kaarten.zet(kaarten)  # NiceGUI sends these three only when they change
            self._uitleg.set_visibility(bool(kaarten))
            self._meer.set_text(f"Eerdere signalen tonen (nog {eerder})")
            self._meer.set_visibility(eerder > 0)

    async def _toon_meer(self) -> None:
        self._nieuwste += NIEUWSTE
        await self.ververs()

    async def _tik(self, actie: Callable[[int], Awaitable[bool]], signaal_id: int) -> None:
        if await actie(signaal_id):
            await self.ververs()
