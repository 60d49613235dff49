"""The trail of shared writing: which role added, changed or removed an action or a decision.

Facilitator and secretary edit the same action list and decisions during the meeting; the
minutes show the latest text, and this trail says who touched what last, so a correction is
never anonymous to the room. Only roles and moments are kept, never typed text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..storage.models import Change, Meeting
from .eenheid import Eenheid

Onderwerp = Literal["actie", "besluit", "aanwezigheid"]
Handeling = Literal["toegevoegd", "gewijzigd", "verwijderd"]
Rol = Literal["gespreksleider", "notulist"]


@dataclass(frozen=True)
class Wijziging:
    onderwerp: Onderwerp
    onderwerp_id: int
    handeling: Handeling
    rol: Rol
    op: datetime


class Wijzigingen:
    def __init__(self, eenheid: Eenheid) -> None:
        self.eenheid = eenheid

    def noteer(
        self, s: Session, meeting: Meeting, onderwerp: Onderwerp, onderwerp_id: int, handeling: Handeling, rol: Rol
    ) -> None:
        s.add(
            Change(
                meeting_id=meeting.id,
                subject=onderwerp,
                subject_id=onderwerp_id,
                kind=handeling,
                role=rol,
                at=self.eenheid.nu(),
            )
        )

    def wijzigingen(self, meeting_id: int) -> list[Wijziging]:
        """The whole trail of a meeting, oldest first."""
        with self.eenheid.lees() as s:
            return [
                Wijziging(c.subject, c.subject_id, c.kind, c.role, c.at)  # type: ignore[arg-type]
                for c in s.scalars(select(Change).where(Change.meeting_id == meeting_id).order_by(Change.id))
            ]

    def laatste(self, meeting_id: int) -> dict[tuple[str, int], Wijziging]:
        """Per action or decision, its last change: "gewijzigd door de notulist, 20:14"."""
        return {(w.onderwerp, w.onderwerp_id): w for w in self.wijzigingen(meeting_id)}
