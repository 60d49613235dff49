"""The bridge from the domain's events to NiceGUI pages.

The domain publishes from whatever thread ran the database work; NiceGUI's `Event` must
fire on the event loop, so publishing hops over with `call_soon_threadsafe`. Pages do not
redraw on every event: they mark themselves dirty and a short timer redraws at most a few
times a second, so thirty phones voting at once cost the projector a handful of redraws.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from nicegui import Event, core, ui

from .pages.gedeeld import Mislukt
from .sessie.gebeurtenissen import Gebeurtenis

REDRAW_INTERVAL = 0.2


class NiceGuiPublisher:
    def __init__(self) -> None:
        self.event: Event[Gebeurtenis] = Event()

    def publiceer(self, gebeurtenis: Gebeurtenis) -> None:
        loop = core.loop
        if loop is None or loop.is_closed():
            return
        if _op_loop(loop):
            self.event.emit(gebeurtenis)
        else:
            loop.call_soon_threadsafe(self.event.emit, gebeurtenis)


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
