"""One read of the room for every page that asks after the same change, without a thread each.

After one new signal two hundred phones ask for the same list of the room. `NiceGuiPublisher.
gedeeld` already made that one database read, but each phone still took a worker thread to
fetch it: two hundred hops through the read pool per event, past the limit on
waiting calls, so phones got "even geduld" instead of the new signal (issue 22). Here the
first page that asks reads through the pool; pages asking for the same version meanwhile
wait on the event loop for that read, and pages asking after it take the stored result
straight from the publisher.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from ..live import NiceGuiPublisher
from .gedeeld import doe

T = TypeVar("T")

_onderweg: dict[Hashable, asyncio.Future[Any]] = {}
"""(key, version) -> the read in progress for it (touched only on the event loop)."""


async def samen_gelezen(
    publisher: NiceGuiPublisher, sleutel: Hashable, meeting_id: int, lees: Callable[..., T], *args: Any, **kwargs: Any
) -> T:
    """`lees(*args, **kwargs)` as `publisher.gedeeld` gives it: read once per version of the meeting.

    A failed read fails only for the page that made it (its notice is on that page); the pages
    that waited for it read for themselves."""
    versie = publisher.versie(meeting_id)
    bekend: tuple[T] | None = publisher.al_gelezen(sleutel, versie)
    if bekend is not None:
        return bekend[0]
    plek = (sleutel, versie)
    lopend = _onderweg.get(plek)
    if lopend is not None:
        try:
            return await asyncio.shield(lopend)
        except Exception:  # noqa: BLE001 - that page's read failed; this one tries its own
            return await doe(publisher.gedeeld, sleutel, meeting_id, lees, *args, **kwargs)
    lopend = asyncio.get_running_loop().create_future()
    lopend.add_done_callback(lambda f: f.cancelled() or f.exception())  # retrieved, also with no one waiting
    _onderweg[plek] = lopend
    try:
        waarde = await doe(publisher.gedeeld, sleutel, meeting_id, lees, *args, **kwargs)
    except BaseException as fout:
        lopend.set_exception(fout if isinstance(fout, Exception) else RuntimeError("afgebroken"))
        raise
    finally:
        _onderweg.pop(plek, None)
    lopend.set_result(waarde)
    return waarde
