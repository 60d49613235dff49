"""Publishing what changed, so pages can redraw; the domain's only way to talk outward.

The domain calls `publiceer` after it has committed. The in-process bus is enough for one
app process; a cross-process bus (PostgreSQL LISTEN/NOTIFY, Redis) can implement the same
`Publisher` protocol later without the domain noticing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, Protocol

Soort = Literal["stap", "deelnemers", "antwoord", "signaal", "besluit", "instellingen", "notulen", "overleg", "beamer"]
"""'beamer': what the wall shows (on black, which page of a long list), nothing else.
'overleg': the meeting as a whole was deleted or anonymised; open pages must not keep showing it."""


@dataclass(frozen=True)
class Gebeurtenis:
    meeting_id: int
    soort: Soort
    versie: int
    """The meeting's version after this change (`Meeting.version`): a page that drew a read of
    this version or later already shows it."""


class Publisher(Protocol):
    def publiceer(self, gebeurtenis: Gebeurtenis) -> None: ...


class LokaleBus:
    """Thread-safe in-process publish/subscribe; subscribers must return quickly."""

    def __init__(self) -> None:
        self._abonnees: list[Callable[[Gebeurtenis], None]] = []
        self._slot = threading.Lock()

    def abonneer(self, callback: Callable[[Gebeurtenis], None]) -> None:
        with self._slot:
            self._abonnees.append(callback)

    def publiceer(self, gebeurtenis: Gebeurtenis) -> None:
        with self._slot:
            abonnees = list(self._abonnees)
        for callback in abonnees:
            callback(gebeurtenis)
