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
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from ..storage.database import INTERACTIEF_WACHTTIJD_S

T = TypeVar("T")

LEESWERKERS = 4
SCHRIJFWERKERS = 2
"""Threads per pool. Python runs one thread at a time (the GIL), and the database work is mostly
Python (SQLAlchemy), so more threads do not do more; they queue for the GIL. A write holds the
process's write lock (`storage.Database`) from its first write to its commit and gives up the
GIL at every SQL call in between: with 8 + 8 threads and the event loop contending, it waited
for the GIL again each time, writes took tens of milliseconds each, and a room of 400 sending
signals filled the write queue (100 of 800 refused). Two writers: one inside the lock, the
next doing its reads."""
MAX_WACHTEND = 256
"""Writes running or queued at once; beyond this a call is refused with `Druk`. A room of 400
sends bursts of a hundred signals or more; a write takes a few milliseconds, so a full queue is
about a second of work: a bound under a flood, not under a full room."""
MAX_WACHTEND_LEZEN = 1024
"""Reads running or queued at once. Every phone draws its page when the step changes, and each
draw reads what is its own (its answers): in a room of 100, a limit of 64 refused a third of
those reads, and those phones stayed without the question's buttons (issue 22's benchmark). A
read takes about a millisecond, so a full queue is about a second of work: still a bound under
a flood, and a room of 400 drawing at once fits."""


class Druk(Exception):
    """Too many calls are waiting; nothing was run (the page says: even geduld, niet opgeslagen)."""


class _Pool:
    def __init__(self, naam: str, werkers: int, max_wachtend: int, max_in_rij: float | None = None) -> None:
        self._uitvoerder = ThreadPoolExecutor(werkers, thread_name_prefix=naam)
        self.max_wachtend = max_wachtend
        self.max_in_rij = max_in_rij
        """Seconds a call may wait for a thread; one that waited longer is not run (`Druk`)."""
        self.bezig = 0  # touched only on the event loop's thread

    async def voer_uit(self, functie: Callable[[], T]) -> T:
        if self.bezig >= self.max_wachtend:
            raise Druk
        self.bezig += 1
        in_rij = time.monotonic()

        def op_tijd() -> T:
            if self.max_in_rij is not None and time.monotonic() - in_rij > self.max_in_rij:
                raise Druk
            return functie()

        try:
            return await asyncio.get_running_loop().run_in_executor(self._uitvoerder, op_tijd)
        finally:
            self.bezig -= 1


LEZEN = _Pool("lezen", LEESWERKERS, MAX_WACHTEND_LEZEN)
SCHRIJVEN = _Pool("schrijven", SCHRIJFWERKERS, MAX_WACHTEND, INTERACTIEF_WACHTTIJD_S)
"""A write waits for a thread at most as long as for the database's lock: when another process
holds that lock (a backup), the first two writes wait for it and are refused, and the writes
queued behind them are refused as soon as a thread takes them up, not one by one after 3 s each."""


def alleen_lezend(functie: Callable[..., object]) -> bool:
    """Whether a domain call only reads: the domain marks those with `sessie.eenheid.alleen_lezen`
    (all of `dienst.lezen`, and the link and code lookups)."""
    return bool(getattr(functie, "alleen_lezen", False))


async def voer_uit(functie: Callable[..., object], uitvoering: Callable[[], T]) -> T:
    """Run `uitvoering` (a call of `functie`) in the pool that fits `functie`."""
    return await (LEZEN if alleen_lezend(functie) else SCHRIJVEN).voer_uit(uitvoering)
