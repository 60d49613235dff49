"""The bridge from the domain's events to NiceGUI: the app's `Publisher`.

The domain publishes from whatever thread ran the database work; NiceGUI's `Event` must
fire on the event loop, so publishing hops over with `call_soon_threadsafe`. Pages subscribe
through `pages.volgen`; this module knows nothing of pages.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from nicegui import Event, core

from .sessie.eenheid import alleen_lezen
from .sessie.gebeurtenissen import Gebeurtenis

T = TypeVar("T")


class NiceGuiPublisher:
    def __init__(self) -> None:
        self.event: Event[Gebeurtenis] = Event()
        self._versies: dict[int, int] = {}
        """Per meeting, the highest version an event announced: what a shared read was made for."""
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

    def versie(self, meeting_id: int) -> int:
        """The newest version of the meeting that an event announced in this process."""
        return self._versies.get(meeting_id, 0)

    def haal_in(self, meeting_id: int, versie: int) -> None:
        """A page found the database at `versie` while no event of this process announced it
        (another process wrote, or an event went astray): tell every page of the meeting as if the
        meeting as a whole changed, so they all read again, and shared reads are made anew."""
        if versie > self.versie(meeting_id):
            self._uitzenden(Gebeurtenis(meeting_id, "overleg", versie))

    def _uitzenden(self, gebeurtenis: Gebeurtenis) -> None:
        self._versies[gebeurtenis.meeting_id] = max(self.versie(gebeurtenis.meeting_id), gebeurtenis.versie)
        self.event.emit(gebeurtenis)

    def al_gelezen(self, sleutel: Hashable, versie: int) -> tuple[Any] | None:
        """The shared read for `sleutel` when it was made at `versie` or later, as a 1-tuple
        (the value may be None or empty); None when it must be read. On the event loop, no lock:
        a dict read is atomic, and a stored pair is replaced whole."""
        bekend = self._gedeeld.get(sleutel)
        return (bekend[1],) if bekend is not None and bekend[0] >= versie else None

    @alleen_lezen  # only for reads (`lees`): runs beside writes that wait for a lock
    def gedeeld(self, sleutel: Hashable, meeting_id: int, lees: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """`lees(*args, **kwargs)`, read once per version of the meeting for every page that asks
        with the same `sleutel`. After a new signal thirty phones need the same list of the room;
        one database read serves them all instead of thirty. Runs in a worker thread (via `doe`):
        the first caller reads while the others wait for it, then they take its result.
        """
        with self._slot:
            slot = self._sloten.setdefault(sleutel, threading.Lock())
        versie = self.versie(meeting_id)  # before the read: the result is at least this new
        with slot:
            bekend = self._gedeeld.get(sleutel)
            if bekend is not None and bekend[0] == versie:
                return bekend[1]
            waarde = lees(*args, **kwargs)
            self._gedeeld[sleutel] = (versie, waarde)
            return waarde


def _op_loop(loop: asyncio.AbstractEventLoop) -> bool:
    try:
        return asyncio.get_running_loop() is loop
    except RuntimeError:
        return False
