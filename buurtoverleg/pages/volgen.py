"""How a page follows its meeting: subscribe first, read second, and read again on anything newer.

A page draws from reads; the domain announces each change as an event carrying the meeting's
new version (`Gebeurtenis.versie`). A page that read first and subscribed second could miss a
change committed in between and stay on the old step for good, so `Volger` subscribes before
the first read. Each full draw says which version it showed; events up to that version are
already on screen and are skipped, anything newer marks the parts of the view it changes
(`WAT_VERANDERT`, one table for every page), and a redraw of those parts is scheduled: at
once when the page has not redrawn for `REDRAW_INTERVAL`, else when that much time has
passed, so a burst of events costs one redraw. A phone waits longer in a full room
(`telefooninterval`): the room's phones are many, the beamer and the console one each. A
redraw that races a commit is followed by another, so a page always ends at the database's
state.

No polling timer: two hundred phones each polling five times a second cost the event loop
a thousand callbacks a second with nothing to do (issue 22); a page is woken by its events.
After a reconnect the page asks the database for the meeting's version, which also catches
changes this process never announced.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Collection, Mapping
from enum import StrEnum

from nicegui import background_tasks, context

from ..live import NiceGuiPublisher
from ..sessie.gebeurtenissen import Gebeurtenis, Soort
from .gedeeld import Bezet, Mislukt, doe

REDRAW_INTERVAL = 0.2
"""Seconds between the starts of two redraws at least: thirty phones voting at once cost the
beamer a handful."""
OPNIEUW_NA_DRUKTE = 1.0
"""Seconds before a redraw that found the server too busy (`Bezet`) tries again."""
PER_TELEFOON = 0.005
"""A phone's redraws are spaced by this many seconds per phone following the same meeting:
one new signal redraws every phone, so in a room of 200 twenty signals a second asked four
thousand phone redraws a second of two cores, and the beamer, the console and the phones'
own acknowledgements waited behind them (issue 22). Spaced this way the phones of a room
together redraw about once per `PER_TELEFOON` seconds, whatever its size: every 0.2 s in a
room of 40, every second in a room of 200, each one still showing a new signal within
about a second."""
LANGSTE_INTERVAL = 2.0
"""The most a phone's redraws are spaced, however large the room."""


def telefooninterval(telefoons: int) -> float:
    """Seconds between two redraws of a phone, in a room with this many phones (`PER_TELEFOON`)."""
    return min(LANGSTE_INTERVAL, max(REDRAW_INTERVAL, telefoons * PER_TELEFOON))


_telefoons: Counter[int] = Counter()
"""Per meeting, the phones of this process that follow it."""


class Deel(StrEnum):
    """A part of a role's view that is read and redrawn on its own."""

    VERLOOP = "verloop"
    """Which step, its state and round, the timer, its results once shown, the buttons."""
    UITKOMSTEN = "uitkomsten"
    """What the room settled on, and the disagreements still open."""
    TELLERS = "tellers"
    """How many (and, on the console, who) have answered the open step."""
    DEELNEMERS = "deelnemers"
    """Who is in the room, and whether joining is open."""
    SIGNALEN = "signalen"
    """The room's signals and who recognises them."""
    ADVIES = "advies"
    """The proposed approach and its reasons: they follow results, settled outcomes and choices."""
    BESLUITEN = "besluiten"
    """Decisions, choices, actions, and the review of the previous meeting's actions."""
    INSTELLINGEN = "instellingen"
    """The meeting's switches and thresholds, and the PINs on its links."""
    NOTULEN = "notulen"
    """The secretary's draft, notes and final versions."""
    BEAMER = "beamer"
    """What the wall shows besides the meeting: on black or not, which page of a long list."""


ALLE: frozenset[Deel] = frozenset(Deel)

WAT_VERANDERT: Mapping[Soort, frozenset[Deel]] = {
    "stap": frozenset({Deel.VERLOOP, Deel.TELLERS, Deel.UITKOMSTEN, Deel.ADVIES, Deel.NOTULEN}),
    "antwoord": frozenset({Deel.TELLERS}),
    "deelnemers": frozenset({Deel.DEELNEMERS, Deel.TELLERS, Deel.NOTULEN}),
    "signaal": frozenset({Deel.SIGNALEN, Deel.NOTULEN}),
    "besluit": frozenset({Deel.BESLUITEN, Deel.ADVIES, Deel.UITKOMSTEN, Deel.NOTULEN}),
    "instellingen": frozenset({Deel.INSTELLINGEN, Deel.VERLOOP, Deel.SIGNALEN, Deel.NOTULEN}),
    "notulen": frozenset({Deel.NOTULEN}),
    "overleg": ALLE,
    "beamer": frozenset({Deel.BEAMER}),
}
"""For each kind of event, the parts of any view it can change: the one place that says what
redraws. A page names the parts it shows; it redraws where the two meet."""

Herteken = Callable[[frozenset[Deel]], Awaitable[int | None]]
"""Redraws the given parts; returns the meeting version it read when it drew the whole view."""


class Volger:
    """One page's subscription to one meeting. Make it before the page reads anything."""

    def __init__(
        self,
        publisher: NiceGuiPublisher,
        meeting_id: int,
        delen: Collection[Deel],
        herteken: Herteken,
        lees_versie: Callable[[int], int],
        telefoon: bool = False,
    ) -> None:
        self.publisher = publisher
        self.telefoon = telefoon
        """One of the room's phones: its redraws are spaced by the room's size (`PER_TELEFOON`)."""
        self.meeting_id = meeting_id
        self.delen = frozenset(delen)
        self.herteken = herteken
        self.lees_versie = lees_versie
        self.getekend = -1
        """The meeting version the last full draw showed; events up to it are on screen."""
        self.gehoord = -1
        """The newest version an event announced to this page (whether or not it changed a part shown here)."""
        self._vuil: set[Deel] = set()
        self._bezig = False
        self._gepland: asyncio.TimerHandle | None = None
        self._laatst = 0.0
        """When the last redraw started (monotonic)."""
        self._client = context.client
        self._plek = context.slot
        """Where the page's redraws run: the slot the page subscribed in, as a timer there would."""
        self._verbindingen = 1 if context.client.has_socket_connection else 0
        """Connections seen; a page that waited for its connection before subscribing (the phone
        reads its drafts over it) has had its first one already."""
        publisher.event.subscribe(self._ontvang)  # first: nothing committed from here on is missed
        context.client.on_connect(self._weer_verbonden)
        context.client.on_delete(self._vergeet)
        if telefoon:
            _telefoons[meeting_id] += 1

    async def eerste_keer(self) -> None:
        """The first draw, after the subscription: anything committed meanwhile is redrawn next."""
        self._vuil.update(self.delen)
        await self._misschien()

    def markeer(self, delen: Collection[Deel]) -> None:
        """Redraw these parts: for a page whose view changes with time, not with an event
        (the beamer turning the page of a long list)."""
        self._vuil.update(frozenset(delen) & self.delen)
        self._plan()

    def _ontvang(self, gebeurtenis: Gebeurtenis) -> None:
        if gebeurtenis.meeting_id != self.meeting_id:
            return
        self.gehoord = max(self.gehoord, gebeurtenis.versie)
        if gebeurtenis.versie <= self.getekend:
            return
        self._vuil.update(WAT_VERANDERT[gebeurtenis.soort] & self.delen)
        self._plan()

    def _plan(self) -> None:
        """Schedule one redraw of what is marked, unless one is scheduled or running (that one
        schedules the next when it ends)."""
        if not self._vuil or self._gepland is not None or self._bezig or self._client.is_deleted:
            return
        interval = self.interval()
        wacht = max(0.0, self._laatst + interval - time.monotonic())
        if wacht == 0.0 and interval > REDRAW_INTERVAL:
            # a phone in a full room, after a quiet spell: one event reached all of them at once;
            # spread over the interval they do not all queue before the beamer's next redraw
            wacht = random.uniform(0.0, interval - REDRAW_INTERVAL)
        self._gepland = asyncio.get_running_loop().call_later(wacht, self._begin)

    def interval(self) -> float:
        """Seconds between the starts of two redraws of this page at least."""
        return telefooninterval(_telefoons[self.meeting_id]) if self.telefoon else REDRAW_INTERVAL

    def _begin(self) -> None:
        self._gepland = None
        if not self._client.is_deleted:
            background_tasks.create(self._in_plek(), name="volger")

    async def _in_plek(self) -> None:
        with self._plek:
            await self._misschien()

    def _vergeet(self) -> None:
        if self._gepland is not None:
            self._gepland.cancel()
            self._gepland = None
        if self.telefoon:
            _telefoons[self.meeting_id] -= 1
            if _telefoons[self.meeting_id] <= 0:
                del _telefoons[self.meeting_id]

    async def _weer_verbonden(self) -> None:
        """Back from a sleeping phone or a dropped Wi-Fi: is the database further than what we drew?

        The first connection is the page being opened: its first draw follows the subscription."""
        self._verbindingen += 1
        if self._verbindingen == 1:
            return
        try:
            versie = await doe(self.lees_versie, self.meeting_id)
        except Mislukt:
            return
        if versie > max(self.getekend, self.gehoord):
            self._vuil.update(self.delen)
            self.publisher.haal_in(self.meeting_id, versie)
            self._plan()

    async def _misschien(self) -> None:
        if not self._vuil or self._bezig:
            return
        self._bezig = True
        self._laatst = time.monotonic()
        welke = frozenset(self._vuil)
        self._vuil.clear()
        opnieuw = False
        try:
            versie = await self.herteken(welke)
            if versie is not None:
                self.getekend = max(self.getekend, versie)
        except Bezet:
            opnieuw = True  # too busy to read: the view must still come to the database's state
        except Mislukt:
            pass  # the notice is shown (say, the meeting was deleted); the next event tries again
        finally:
            self._bezig = False
            if opnieuw:
                self._vuil.update(welke)
                self._laatst = time.monotonic() + OPNIEUW_NA_DRUKTE - self.interval()
            self._plan()  # what came in meanwhile


async def volg(
    publisher: NiceGuiPublisher,
    meeting_id: int,
    delen: Collection[Deel],
    herteken: Herteken,
    lees_versie: Callable[[int], int],
    telefoon: bool = False,
) -> Volger:
    """Subscribe the current page to its meeting, then draw it for the first time."""
    volger = Volger(publisher, meeting_id, delen, herteken, lees_versie, telefoon)
    await volger.eerste_keer()
    return volger
