"""One read of the room for every page that asks after the same change, without a thread each.

After one new signal two hundred phones ask for the same list of the room. `NiceGuiPublisher.
gedeeld` already made that one database read, but each phone still took a worker thread to
fetch it: two hundred hops through the read pool per event, past the limit on
waiting calls, so phones got "even geduld" instead of the new signal (issue 22). Here the
first page that asks reads through the pool; pages asking meanwhile wait on the event loop
for that read (and, when it began before a change they must show, for the next one), and pages
asking after it take the stored result straight from the publisher.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from ..live import NiceGuiPublisher
from .gedeeld import doe

T = TypeVar("T")

_onderweg: dict[Hashable, tuple[int, asyncio.Future[Any]]] = {}
"""key -> the read in progress for it: the meeting version it started at, and its result to come
(touched only on the event loop). One at a time per key: while signals come in faster than a
read takes, pages that ask wait on the loop for the next read instead of each holding a thread
of the read pool, where the beamer's own reads queued behind them (issue 22)."""


async def samen_gelezen(
    publisher: NiceGuiPublisher, sleutel: Hashable, meeting_id: int, lees: Callable[..., T], *args: Any, **kwargs: Any
) -> T:
    """`lees(*args, **kwargs)` as `publisher.gedeeld` gives it, at least as new as every change
    announced before this call: a stored read, the one in progress, or a new one.

    A failed read fails only for the page that made it (its notice is on that page); the pages
    that waited for it read for themselves."""
    nodig = publisher.versie(meeting_id)
    while True:
        bekend: tuple[T] | None = publisher.al_gelezen(sleutel, nodig)
        if bekend is not None:
            return bekend[0]
        lopend = _onderweg.get(sleutel)
        if lopend is None:
            break
        begonnen, toekomst = lopend
        try:
            waarde: T = await asyncio.shield(toekomst)
        except Exception:  # noqa: BLE001 - that page's read failed; this one tries its own
            return await doe(publisher.gedeeld, sleutel, meeting_id, lees, *args, **kwargs)
        if begonnen >= nodig:
            return waarde
        # that read began before a change this page must show: the next one, or our own
    begonnen = publisher.versie(meeting_id)
    toekomst = asyncio.get_running_loop().create_future()
    toekomst.add_done_callback(lambda f: f.cancelled() or f.exception())  # retrieved, also with no one waiting
    _onderweg[sleutel] = (begonnen, toekomst)
    try:
        waarde = await doe(publisher.gedeeld, sleutel, meeting_id, lees, *args, **kwargs)
    except BaseException as fout:
        toekomst.set_exception(fout if isinstance(fout, Exception) else RuntimeError("afgebroken"))
        raise
    finally:
        if _onderweg.get(sleutel, (0, None))[1] is toekomst:
            del _onderweg[sleutel]
    toekomst.set_result(waarde)
    return waarde
