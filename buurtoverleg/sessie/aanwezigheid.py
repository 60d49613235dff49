"""Attendance as the minutes state it: present, arrived late, or absent with notice.

Joining with a phone records that someone took part; it does not say they were in the room
from the start. The secretary (or the facilitator) corrects it during or after the meeting:
"te laat" with the local clock time of arrival, or "afgemeld" for someone who joined for the
pre-round but sent apologies. Every correction is kept in the change log (`wijzigingen`) with
the role and the moment; the minutes show the latest state.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy.orm import Session

from ..storage.models import Meeting, Participant
from .fouten import Geweigerd, NietGevonden
from .overleggegevens import tijd
from .wijzigingen import Rol, Wijzigingen

AANWEZIGHEID = {
    "aanwezig": "Aanwezig",
    "te-laat": "Te laat",
    "afgemeld": "Afwezig met bericht",
}
"""The states, with the words the secretary's page and the minutes use."""

Schrijf = Callable[[], AbstractContextManager[tuple[Session, Meeting]]]


def leg_vast(meeting: Meeting, deelnemer: Participant | None, status: str, aankomst: Any = "") -> None:
    """Check and write one correction; a wrong time or state changes nothing."""
    if deelnemer is None or deelnemer.meeting_id != meeting.id:
        raise NietGevonden("Die deelnemer hoort niet (meer) bij dit overleg.")
    if status not in AANWEZIGHEID:
        raise Geweigerd("Kies: aanwezig, te laat of afwezig met bericht.")
    binnen = tijd(aankomst, "De aankomsttijd") if status == "te-laat" else None
    deelnemer.attendance = status
    deelnemer.arrived = binnen


class Aanwezigheidrol:
    """The attendance correction of one role (facilitator or secretary); the role's own write
    transaction checks its link and publishes a 'deelnemers' event."""

    def __init__(self, schrijf: Schrijf, wijzigingen: Wijzigingen, rol: Rol) -> None:
        self._schrijf = schrijf
        self._wijzigingen = wijzigingen
        self._rol: Rol = rol

    def zet(self, deelnemer_id: int, status: str, aankomst: Any = "") -> None:
        """`status` is a key of `AANWEZIGHEID`; `aankomst` ('19:50') only counts for 'te-laat'."""
        with self._schrijf() as (s, m):
            leg_vast(m, s.get(Participant, deelnemer_id), status, aankomst)
            self._wijzigingen.noteer(s, m, "aanwezigheid", deelnemer_id, "gewijzigd", self._rol)
