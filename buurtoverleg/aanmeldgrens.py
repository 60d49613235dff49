"""How many participants may join a meeting from one network address (fair use on the join form).

In a community centre every phone is behind the same Wi-Fi router, so the server sees one
address for the whole room: a limit per address must let a full room in. A buurtoverleg has
10-40 people, a residents' evening 100-300 (the facilitator raises the meeting's maximum,
`Meeting.max_participants`, 60 by default); some join twice after clearing their browser. So
one address may join a meeting twice its maximum in 10 minutes, and never fewer than 80: a full
room with every phone joining twice still gets in, while a script that joins 500 times stops
there (and at the meeting's maximum well before that). Before, the limit was 80 per address for
every meeting, and a residents' evening of 200 behind one router could not all get in (issue 22).
Wrong join codes are braked separately (`toegang.Remmer`).
"""

from __future__ import annotations

import threading
import time
from collections import deque

AANMELDINGEN_PER_ADRES = 80
"""The least a meeting allows per address in `VENSTER_SECONDEN`."""
VENSTER_SECONDEN = 600.0
MAX_ADRESSEN = 10_000
"""Addresses remembered at most: memory stays bounded under a flood from many addresses."""


def toegestaan(max_deelnemers: int) -> int:
    """Joins one address may make to a meeting with this maximum in the window."""
    return max(AANMELDINGEN_PER_ADRES, 2 * max_deelnemers)


class Aanmeldgrens:
    """At most `toegestaan(maximum)` joins per meeting and address per `venster` seconds (a
    sliding window)."""

    def __init__(self, venster: float = VENSTER_SECONDEN) -> None:
        self.venster = venster
        self._aanmeldingen: dict[tuple[int, str], deque[float]] = {}
        self._slot = threading.Lock()

    def wachttijd(self, meeting_id: int, adres: str, max_deelnemers: int, nu: float | None = None) -> float:
        """Seconds before this address may join the meeting again; 0 when it may join now."""
        nu = time.monotonic() if nu is None else nu
        with self._slot:
            rij = self._aanmeldingen.get((meeting_id, adres))
            if not rij:
                return 0.0
            self._vergeet_oude(rij, nu)
            if len(rij) < toegestaan(max_deelnemers):
                return 0.0
            return self.venster - (nu - rij[0])

    def aangemeld(self, meeting_id: int, adres: str, max_deelnemers: int, nu: float | None = None) -> None:
        nu = time.monotonic() if nu is None else nu
        with self._slot:
            rij = self._aanmeldingen.setdefault((meeting_id, adres), deque())
            self._vergeet_oude(rij, nu)
            rij.append(nu)
            while len(rij) > toegestaan(max_deelnemers):  # bounded per address, whatever happens
                rij.popleft()
            if len(self._aanmeldingen) > MAX_ADRESSEN:
                self._aanmeldingen.pop(next(iter(self._aanmeldingen)))

    def _vergeet_oude(self, rij: deque[float], nu: float) -> None:
        while rij and nu - rij[0] > self.venster:
            rij.popleft()


def melding(wacht: float) -> str:
    """The Dutch message for a phone that has to wait."""
    return (
        "Er zijn net heel veel telefoons aangemeld vanaf dit netwerk. "
        f"Probeer het over {int(wacht // 60) + 1} minuten opnieuw, of vraag de gespreksleider."
    )
