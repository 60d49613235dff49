"""Where the pages' domain calls run: two bounded thread pools of their own, one for reads and
one for the rest.

NiceGUI's default pool (a handful of threads) also serves `/health` and NiceGUI itself. When the
database was locked, writes waiting for the lock filled it, and `/health`, the beamer and the join
page waited seconds behind them (issue 21: 6.6 s). Reads in SQLite's WAL mode never wait for a
lock, so they get their own pool and stay fast while writes wait; writes wait at most the short
busy timeout (`storage.database.INTERACTIEF_WACHTTIJD_S`) and then say "even geduld". Each pool
takes a bounded number of calls at once (`MAX_WACHTEND`, `MAX_WACHTEND_LEZEN`); more are
refused at once with the same message instead of queueing without end.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")

LEESWERKERS = 8
SCHRIJFWERKERS = 8
"""Threads per pool. A write blocked on SQLite's lock holds a thread but no CPU; SQLite writes
one at a time anyway, so more writing threads would only wait longer."""
MAX_WACHTEND = 64
"""Writes running or queued at once; beyond this a call is refused with `Druk`."""
MAX_WACHTEND_LEZEN = 1024
"""Reads running or queued at once. Every phone draws its page when the step changes, and each
draw reads what is its own (its answers): in a room of 100, a limit of 64 refused a third of
those reads, and those phones stayed without the question's buttons (issue 22's benchmark). A
read takes about a millisecond, so a full queue is about a second of work: still a bound under
a flood, and a room of 400 drawing at once fits."""


class Druk(Exception):
    """Too many calls are waiting; nothing was run (the page says: even geduld, niet opgeslagen)."""


class _Pool:
    def __init__(self, naam: str, werkers: int, max_wachtend: int) -> None:
        self._uitvoerder = ThreadPoolExecutor(werkers, thread_name_prefix=naam)
        self.max_wachtend = max_wachtend
        self.bezig = 0  # touched only on the event loop's thread

    async def voer_uit(self, functie: Callable[[], T]) -> T:
        if self.bezig >= self.max_wachtend:
            raise Druk
        self.bezig += 1
        try:
            return await asyncio.get_running_loop().run_in_executor(self._uitvoerder, functie)
        finally:
            self.bezig -= 1


LEZEN = _Pool("lezen", LEESWERKERS, MAX_WACHTEND_LEZEN)
SCHRIJVEN = _Pool("schrijven", SCHRIJFWERKERS, MAX_WACHTEND)


def alleen_lezend(functie: Callable[..., object]) -> bool:
    """Whether a domain call only reads: the domain marks those with `sessie.eenheid.alleen_lezen`
    (all of `dienst.lezen`, and the link and code lookups)."""
    return bool(getattr(functie, "alleen_lezen", False))


async def voer_uit(functie: Callable[..., object], uitvoering: Callable[[], T]) -> T:
    """Run `uitvoering` (a call of `functie`) in the pool that fits `functie`."""
    return await (LEZEN if alleen_lezend(functie) else SCHRIJVEN).voer_uit(uitvoering)
