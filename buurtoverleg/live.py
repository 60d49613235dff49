"""The bridge from the domain's events to NiceGUI pages.

The domain publishes from whatever thread ran the database work; NiceGUI's `Event` must
fire on the event loop, so publishing hops over with `call_soon_threadsafe`. Pages do not
redraw on every event: they mark themselves dirty and a short timer redraws at most a few
times a second, so thirty phones voting at once cost the projector a handful of redraws.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, TypeVar

from nicegui import Event, core, ui

from .pages.gedeeld import Mislukt
from .sessie.gebeurtenissen import Gebeurtenis

REDRAW_INTERVAL = 0.2
T = TypeVar("T")


class NiceGuiPublisher:
    def __init__(self) -> None:
        self.event: Event[Gebeurtenis] = Event()
        self._versies: dict[int, int] = {}
        """Per meeting, how many events went out: what a shared read was made for."""
        self._gedeeld: dict[Hashable, tuple[int, Any]] = {}
        self._sloten: dict[Hashable, threading.Lock] = {}
        self._slot = threading.Lock()

    def publiceer(self, gebeurtenis: Gebeurtenis) -> None:
        loop = core.loop
        if loop is None or loop.is_closed():
            return
        if _op_loop(loop):
            self._uitzenden(gebeurtenis)
        else:
            loop.call_soon_threadsafe(self._uitzenden, gebeurtenis)

    def _uitzenden(self, gebeurtenis: Gebeurtenis) -> None:
        self._versies[gebeurtenis.meeting_id] = self._versies.get(gebeurtenis.meeting_id, 0) + 1
        self.event.emit(gebeurtenis)

    def gedeeld(self, sleutel: Hashable, meeting_id: int, lees: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """`lees(*args, **kwargs)`, read once per change of the meeting for every page that asks
        with the same `sleutel`. After a new signal thirty phones need the same list of the room;
        one database read serves them all instead of thirty. Runs in a worker thread (via `doe`):
        the first caller reads while the others wait for it, then they take its result.
        """
        with self._slot:
            slot = self._sloten.setdefault(sleutel, threading.Lock())
        versie = self._versies.get(meeting_id, 0)  # before the read: the result is at least this new
        with slot:
            bekend = self._gedeeld.get(sleutel)
            if bekend is not None and bekend[0] == versie:
                return bekend[1]  # type: ignore[no-any-return]
            waarde = lees(*args, **kwargs)
            self._gedeeld[sleutel] = (versie, waarde)
            return waarde


def _op_loop(loop: asyncio.AbstractEventLoop) -> bool:
    try:
        return asyncio.get_running_loop() is loop
    except RuntimeError:
        return False


def volg(
    publisher: NiceGuiPublisher,
    meeting_id: int,
    soorten: set[str] | None,
    herteken: Callable[[set[str]], Awaitable[None]],
) -> None:
    """Subscribe the current page to a meeting; `herteken` gets the kinds that changed."""
    vuil: set[str] = set()
    bezig = False

    def ontvang(gebeurtenis: Gebeurtenis) -> None:
        if gebeurtenis.meeting_id == meeting_id and (soorten is None or gebeurtenis.soort in soorten):
            vuil.add(gebeurtenis.soort)

    async def misschien() -> None:
        nonlocal bezig
        if not vuil or bezig:
            return
        bezig = True
        welke = set(vuil)
        vuil.clear()
        try:
            await herteken(welke)
        except Mislukt:
            pass  # the notice is shown (say, the meeting was deleted); the next event tries again
        finally:
            bezig = False

    publisher.event.subscribe(ontvang)
    ui.timer(REDRAW_INTERVAL, misschien)
