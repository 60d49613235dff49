"""How many participants may join from one network address (fair use on the join form).

In a community centre every phone is behind the same Wi-Fi router, so the server sees one
address for the whole room: a limit per address must let a full room in. The largest room a
buurtoverleg is planned for is about forty people (and a meeting takes at most 60 by default,
`Meeting.max_participants`); some join twice after clearing their browser. So one address may
join 80 times in 10 minutes: a full room with every phone joining twice still gets in, while a
script that joins 500 times stops at 80 (and at the meeting's maximum well before that).
Wrong join codes are braked separately (`toegang.Remmer`).
"""

from __future__ import annotations

import threading
import time
from collections import deque

AANMELDINGEN_PER_ADRES = 80
VENSTER_SECONDEN = 600.0
MAX_ADRESSEN = 10_000
"""Addresses remembered at most: memory stays bounded under a flood from many addresses."""


class Aanmeldgrens:
    """At most `aantal` joins per address per `venster` seconds (a sliding window)."""

    def __init__(self, aantal: int = AANMELDINGEN_PER_ADRES, venster: float = VENSTER_SECONDEN) -> None:
        self.aantal = aantal
        self.venster = venster
        self._aanmeldingen: dict[str, deque[float]] = {}
        self._slot = threading.Lock()

    def wachttijd(self, adres: str, nu: float | None = None) -> float:
        """Seconds before this address may join again; 0 when it may join now."""
        nu = time.monotonic() if nu is None else nu
        with self._slot:
            rij = self._aanmeldingen.get(adres)
            if not rij:
                return 0.0
            while rij and nu - rij[0] > self.venster:
                rij.popleft()
            if len(rij) < self.aantal:
                return 0.0
            return self.venster - (nu - rij[0])

    def aangemeld(self, adres: str, nu: float | None = None) -> None:
        nu = time.monotonic() if nu is None else nu
        with self._slot:
            rij = self._aanmeldingen.setdefault(adres, deque(maxlen=self.aantal))
            rij.append(nu)
            if len(self._aanmeldingen) > MAX_ADRESSEN:
                self._aanmeldingen.pop(next(iter(self._aanmeldingen)))


def melding(wacht: float) -> str:
    """The Dutch message for a phone that has to wait."""
    return (
        "Er zijn net heel veel telefoons aangemeld vanaf dit netwerk. "
        f"Probeer het over {int(wacht // 60) + 1} minuten opnieuw, of vraag de gespreksleider."
    )
