"""Optional PINs on the facilitator and secretary links.

Where the PIN sits, decided here once:

- The link token is the capability. Every facilitator action checks the facilitator
  token and every secretary action the secretary token (`rolcontrole`); the
  domain does not ask for the PIN again on each action.
- The PIN is a second factor at the page: `/leiding/<token>` and `/notulen/<token>` build
  nothing of the page until the PIN is right (pages/pincode.py). A NiceGUI page can only
  call the domain through the elements it built, so a browser that did not pass the PIN
  has no button that reaches a facilitator or secretary action. What the PIN protects
  against is a link that leaked (a forwarded e-mail, a photo of the screen); a token
  alone, without the page, is no way in because there is no other API.
- Who sets it: the facilitator (from the console) and the organiser (home page, who holds
  every facilitator link), so `stel_pin` is a facilitator action. The secretary cannot
  change or remove a PIN.

PINs are 4 to 8 digits, stored as a salted hash; the hashing is handed in by the app
(`Geheimen`, the scrypt of `toegang`), so the domain does not depend on access code. Wrong
PINs are braked per client by the page, with the same `Remmer` as join codes and logins.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from typing import Any, Protocol

from sqlalchemy.orm import Session

from ..storage.models import Meeting
from .eenheid import Eenheid, alleen_lezen
from .fouten import Geweigerd

PIN_ROLLEN = {"gespreksleider": "facilitator_pin_hash", "notulist": "secretary_pin_hash"}
"""The links that can have a PIN, and where its hash is kept. The projector never has one:
it shows only what the room may see, and must open on a beamer without a keyboard."""

_PIN = re.compile(r"[0-9]{4,8}")


def schoon_pin(pin: Any) -> str:
    """A valid PIN as typed (spaces around it removed), or a Dutch refusal."""
    schoon = pin.strip() if isinstance(pin, str) else ""
    if not _PIN.fullmatch(schoon):
        raise Geweigerd("Een pincode bestaat uit 4 tot 8 cijfers (0-9).")
    if _voor_de_hand(schoon):
        raise Geweigerd("Deze pincode raadt iedereen (zoals 1111 of 1234). Kies een andere.")
    return schoon


def _voor_de_hand(pin: str) -> bool:
    """The PINs anyone tries first: one digit repeated (0000) or a straight run up or down
    (1234, 98765). With five tries per five minutes they would fall within the hour."""
    stappen = {int(b) - int(a) for a, b in itertools.pairwise(pin)}
    return stappen in ({0}, {1}, {-1})


def _kolom(rol: str) -> str:
    if rol not in PIN_ROLLEN:
        raise Geweigerd("Alleen de links van gespreksleider en notulist kunnen een pincode krijgen.")
    return PIN_ROLLEN[rol]


class Geheimen(Protocol):
    """Salted hashing of a secret (a PIN): how it is stored, and whether a try matches."""

    def versleutel(self, geheim: str) -> str: ...

    def klopt(self, poging: str, opgeslagen: str) -> bool: ...


class Pincodes:
    def __init__(self, eenheid: Eenheid, geheimen: Geheimen | None) -> None:
        self.eenheid = eenheid
        self.geheimen = geheimen

    def stel_pin(self, s: Session, meeting: Meeting, rol: str, pin: str | None) -> str | None:
        """Set the PIN of the facilitator's or the secretary's link; None or '' removes it.

        Every browser that was let in with the old PIN (or before there was one) must type
        the new one; the pages watch for this change. Returns the new fingerprint
        (`pin_stand`), so the browser that set the PIN can remember it at once.
        """
        kolom = _kolom(rol)
        leeg = pin is None or (isinstance(pin, str) and not pin.strip())
        waarde = None if leeg else self._geheimen().versleutel(schoon_pin(pin))
        setattr(meeting, kolom, waarde)
        return None if waarde is None else _vingerafdruk(waarde)

    def pins(self, meeting: Meeting) -> dict[str, bool]:
        """For the facilitator: which of the two links has a PIN now."""
        return {rol: getattr(meeting, kolom) is not None for rol, kolom in PIN_ROLLEN.items()}

    @alleen_lezen
    def pin_stand(self, meeting_id: int, rol: str) -> str | None:
        """A short fingerprint of the link's current PIN, or None when it has none.

        The fingerprint changes whenever the PIN is set (the salt is new each time), so a
        browser that remembers the fingerprint it was let in with is asked again after a change.
        """
        opgeslagen = self._pinhash(meeting_id, rol)
        return None if opgeslagen is None else _vingerafdruk(opgeslagen)

    def probeer_pin(self, meeting_id: int, rol: str, pin: Any) -> str | None:
        """The fingerprint to remember when `pin` opens the link, None when it does not.

        A link without a PIN opens with anything ("" : nothing to remember). The caller
        brakes repeated failures; this only checks.
        """
        opgeslagen = self._pinhash(meeting_id, rol)
        if opgeslagen is None:
            return ""
        schoon = pin.strip() if isinstance(pin, str) else ""
        if not _PIN.fullmatch(schoon) or not self._geheimen().klopt(schoon, opgeslagen):
            return None
        return _vingerafdruk(opgeslagen)

    def _pinhash(self, meeting_id: int, rol: str) -> str | None:
        kolom = _kolom(rol)
        with self.eenheid.lees() as s:
            return getattr(self.eenheid.meeting(s, meeting_id), kolom)

    def _geheimen(self) -> Geheimen:
        if self.geheimen is None:
            raise Geweigerd("Pincodes zijn in deze opstelling niet beschikbaar.")
        return self.geheimen


def _vingerafdruk(opgeslagen: str) -> str:
    return hashlib.sha256(opgeslagen.encode()).hexdigest()[:16]
