"""Who may organise, and how often a wrong code may be tried.

The home page lists every meeting with its secret links, so it is the organiser's alone.
The organiser key comes from the installer (`BUURTOVERLEG_ADMIN_KEY`) or, on first run,
is chosen on the machine itself (localhost only) and kept as a scrypt hash. There is no
default password.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import deque
from pathlib import Path

from .bestanden import schrijf_besloten

MIN_LENGTE = 10
MAX_SESSIES = 1000
"""Organiser sessions kept at once; more (a script logging in in a loop) push out the oldest."""


class Organisator:
    def __init__(self, datamap: Path, sleutel: str | None) -> None:
        self._sleutel = sleutel
        self._bestand = datamap / "organisator.hash"
        self._sessies: dict[str, str] = {}
        """Live organiser sessions: random id -> the key generation it was opened with."""
        self._slot = threading.Lock()

    @property
    def ingesteld(self) -> bool:
        return bool(self._sleutel) or self._bestand.exists()

    def stel_in(self, sleutel: str) -> None:
        """First run: only when nothing is configured yet."""
        if self.ingesteld:
            raise PermissionError("Er is al een organisatorwachtwoord ingesteld.")
        if len(sleutel) < MIN_LENGTE:
            raise ValueError(f"Kies een wachtwoord van minstens {MIN_LENGTE} tekens.")
        zout = secrets.token_bytes(16)
        schrijf_besloten(self._bestand, f"{zout.hex()}:{_hash(sleutel, zout).hex()}")

    def klopt(self, poging: str) -> bool:
        if self._sleutel:
            return hmac.compare_digest(poging.encode(), self._sleutel.encode())
        if not self._bestand.exists():
            return False
        zout, opgeslagen = self._bestand.read_text(encoding="utf-8").strip().split(":")
        return hmac.compare_digest(_hash(poging, bytes.fromhex(zout)), bytes.fromhex(opgeslagen))

    def meld_aan(self) -> str:
        """A new organiser session: a random id for the browser's session storage (`app.storage.user`).

        Only the server knows which ids are logged in, and for which key: the id says nothing
        about the key (a hash of it, kept in NiceGUI's storage files, could be guessed offline),
        a changed key ends every session, and a restart logs the organiser out.
        """
        sessie = secrets.token_urlsafe(32)
        with self._slot:
            self._sessies[sessie] = self._generatie()
            while len(self._sessies) > MAX_SESSIES:  # the oldest go first
                self._sessies.pop(next(iter(self._sessies)))
        return sessie

    def meld_af(self, sessie: object) -> None:
        with self._slot:
            if isinstance(sessie, str):
                self._sessies.pop(sessie, None)

    def erkent(self, sessie: object) -> bool:
        """Whether `sessie` is a live organiser session for the current key; nothing before set-up."""
        if not self.ingesteld or not isinstance(sessie, str):
            return False
        with self._slot:
            generatie = self._sessies.get(sessie)
        return generatie is not None and hmac.compare_digest(generatie, self._generatie())

    def _generatie(self) -> str:
        """Which key a session was opened with; never leaves the process."""
        bron = self._sleutel or self._bestand.read_text(encoding="utf-8")
        return hashlib.sha256(bron.encode()).hexdigest()


def _hash(sleutel: str, zout: bytes) -> bytes:
    return hashlib.scrypt(sleutel.encode(), salt=zout, n=2**14, r=8, p=1)


def versleutel(geheim: str) -> str:
    """A secret as "salt:hash" (scrypt with a fresh random salt, as the organiser key file): the link PINs.

    The salt is new every time, so setting the same PIN again still gives a new value;
    pages use that to forget a browser that was let in with the old one.
    """
    zout = secrets.token_bytes(16)
    return f"{zout.hex()}:{_hash(geheim, zout).hex()}"


def geheim_klopt(poging: str, opgeslagen: str) -> bool:
    """Whether `poging` matches a `versleutel` value, compared in constant time."""
    try:
        zout, hash_ = opgeslagen.strip().split(":")
        return hmac.compare_digest(_hash(poging, bytes.fromhex(zout)), bytes.fromhex(hash_))
    except ValueError:  # a damaged stored value never lets anyone in
        return False


class Scrypt:
    """The link PINs' hashing as the domain asks for it (`sessie.pincode.Geheimen`)."""

    def versleutel(self, geheim: str) -> str:
        return versleutel(geheim)

    def klopt(self, poging: str, opgeslagen: str) -> bool:
        return geheim_klopt(poging, opgeslagen)


CONTROLE_SECONDEN = 30.0
"""Longest a claimed try counts as being checked (`Remmer.wordt_gecontroleerd`)."""


class Remmer:
    """At most `pogingen` failed tries per key (an address with a purpose: "code:1.2.3.4") per
    `venster` seconds, then wait.

    A try is claimed with `poging` before it is checked, and counts as failed until it is given
    back (`terug`, `gelukt`). Checking takes time (a database read, a scrypt hash) and the
    event loop serves other requests meanwhile: a "may it try?" that only recorded the failure
    afterwards let 300 tries sent together all through (issue 21). Claiming under one lock
    means at most `pogingen` tries are ever being checked or have failed in a window.

    A caller that says when a check is decided (`terug`, or `beslist` for a wrong one) lets
    others see that part of the window is only being checked (`wordt_gecontroleerd`): thirty
    phones behind one router that open the join link together then wait a moment for those
    checks instead of reading "Te veel verkeerde codes" (issue 22).
    """

    def __init__(self, pogingen: int = 5, venster: float = 300.0) -> None:
        self.pogingen = pogingen
        self.venster = venster
        self._mislukt: dict[str, deque[float]] = {}
        self._lopend: dict[str, deque[float]] = {}
        """Per key, when each claimed try that is still being checked was claimed."""
        self._slot = threading.Lock()

    def poging(self, sleutel: str, nu: float | None = None) -> float:
        """Claim one try: 0 when it may be checked now (it counts as failed until given back),
        else the seconds still to wait (nothing claimed)."""
        nu = time.monotonic() if nu is None else nu
        with self._slot:
            wacht = self._wacht(sleutel, nu)
            if wacht <= 0:
                self._noteer(sleutel, nu)
                self._lopend.setdefault(sleutel, deque()).append(nu)
                if len(self._lopend) > 10_000:  # bounded memory under a flood of addresses
                    self._lopend.pop(next(iter(self._lopend)))
            return wacht

    def terug(self, sleutel: str) -> None:
        """Give back the last claimed try: it was right, or it failed on our side (a fault, not a guess)."""
        with self._slot:
            rij = self._mislukt.get(sleutel)
            if rij:
                rij.pop()
            self._klaar(sleutel)

    def beslist(self, sleutel: str) -> None:
        """A claimed try was checked and was wrong: it stays counted, and is no longer being checked."""
        with self._slot:
            self._klaar(sleutel)

    def wordt_gecontroleerd(self, sleutel: str, nu: float | None = None) -> bool:
        """Whether tries of this key are being checked right now: a refusal may then be lifted in
        a moment, when they turn out right. A claim not decided within `CONTROLE_SECONDEN` counts
        as decided (a caller that never says)."""
        nu = time.monotonic() if nu is None else nu
        with self._slot:
            rij = self._lopend.get(sleutel)
            while rij and nu - rij[0] > CONTROLE_SECONDEN:
                rij.popleft()
            return bool(rij)

    def _klaar(self, sleutel: str) -> None:
        rij = self._lopend.get(sleutel)
        if rij:
            rij.popleft()

    def gelukt(self, sleutel: str) -> None:
        """Forget every failure of this key (the organiser who typed the right key)."""
        with self._slot:
            self._mislukt.pop(sleutel, None)

    def wachttijd(self, sleutel: str, nu: float | None = None) -> float:
        """Seconds this key must still wait; 0 when it may try. Only to show; a try claims with `poging`."""
        nu = time.monotonic() if nu is None else nu
        with self._slot:
            return self._wacht(sleutel, nu)

    def mislukt(self, sleutel: str, nu: float | None = None) -> None:
        """Count a failure that was not claimed with `poging` first."""
        nu = time.monotonic() if nu is None else nu
        with self._slot:
            self._noteer(sleutel, nu)

    def _wacht(self, sleutel: str, nu: float) -> float:
        rij = self._mislukt.get(sleutel)
        if not rij:
            return 0.0
        while rij and nu - rij[0] > self.venster:
            rij.popleft()
        if len(rij) < self.pogingen:
            return 0.0
        return self.venster - (nu - rij[0])

    def _noteer(self, sleutel: str, nu: float) -> None:
        self._mislukt.setdefault(sleutel, deque()).append(nu)
        if len(self._mislukt) > 10_000:  # bounded memory under a flood of addresses
            self._mislukt.pop(next(iter(self._mislukt)))


def te_veel(wacht: float, wat: str) -> str:
    """The Dutch refusal while a key waits: "Te veel verkeerde codes. Probeer het over 4 minuten opnieuw." """
    minuten = int(wacht // 60) + 1
    return f"Te veel {wat}. Probeer het over {minuten} {'minuut' if minuten == 1 else 'minuten'} opnieuw."
