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

MIN_LENGTE = 10


class Organisator:
    def __init__(self, datamap: Path, sleutel: str | None) -> None:
        self._sleutel = sleutel
        self._bestand = datamap / "organisator.hash"

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
        self._bestand.parent.mkdir(parents=True, exist_ok=True)
        self._bestand.write_text(f"{zout.hex()}:{_hash(sleutel, zout).hex()}", encoding="utf-8")
        self._bestand.chmod(0o600)

    def klopt(self, poging: str) -> bool:
        if self._sleutel:
            return hmac.compare_digest(poging.encode(), self._sleutel.encode())
        if not self._bestand.exists():
            return False
        zout, opgeslagen = self._bestand.read_text(encoding="utf-8").strip().split(":")
        return hmac.compare_digest(_hash(poging, bytes.fromhex(zout)), bytes.fromhex(opgeslagen))

    def bewijs(self) -> str:
        """What a logged-in organiser's browser session keeps (server-side, `app.storage.user`).

        Derived from the key (or its stored hash), so it changes when the key changes and an
        old login stops working. The home page and the domain both check it with `erkent`.
        """
        bron = self._sleutel or self._bestand.read_text(encoding="utf-8")
        return hashlib.sha256(bron.encode()).hexdigest()[:16]

    def erkent(self, bewijs: object) -> bool:
        """Whether `bewijs` is the current organiser proof; nothing is recognised before set-up."""
        if not self.ingesteld or not isinstance(bewijs, str):
            return False
        return hmac.compare_digest(bewijs.encode(), self.bewijs().encode())


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


class Remmer:
    """At most `pogingen` failures per client per `venster` seconds, then wait."""

    def __init__(self, pogingen: int = 5, venster: float = 300.0) -> None:
        self.pogingen = pogingen
        self.venster = venster
        self._mislukt: dict[str, deque[float]] = {}
        self._slot = threading.Lock()

    def wachttijd(self, client: str, nu: float | None = None) -> float:
        """Seconds this client must still wait; 0 when it may try."""
        nu = time.monotonic() if nu is None else nu
        with self._slot:
            rij = self._mislukt.get(client)
            if not rij:
                return 0.0
            while rij and nu - rij[0] > self.venster:
                rij.popleft()
            if len(rij) < self.pogingen:
                return 0.0
            return self.venster - (nu - rij[0])

    def mislukt(self, client: str, nu: float | None = None) -> None:
        nu = time.monotonic() if nu is None else nu
        with self._slot:
            self._mislukt.setdefault(client, deque()).append(nu)
            if len(self._mislukt) > 10_000:  # bounded memory under a flood of clients
                self._mislukt.pop(next(iter(self._mislukt)))

    def gelukt(self, client: str) -> None:
        with self._slot:
            self._mislukt.pop(client, None)
