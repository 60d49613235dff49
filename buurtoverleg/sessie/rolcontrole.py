"""Who is asking: one check per role, run inside the transaction of the action it guards.

A link token is resolved again in every action (never remembered as a meeting id): SQLite can
give a deleted meeting's id to a new meeting, and a link must never reach that one.
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..storage.models import Meeting, Participant
from .fouten import ALLEEN_LEIDING, ALLEEN_NOTULIST, ALLEEN_ORGANISATOR, Geweigerd, NietGevonden


def als_leiding(s: Session, token: str) -> Meeting:
    """The meeting this facilitator link belongs to; any other key is refused."""
    meeting = s.scalar(select(Meeting).where(Meeting.facilitator_token == str(token))) if token else None
    if meeting is None:
        raise Geweigerd(ALLEEN_LEIDING)
    return meeting


def als_notulist(s: Session, token: str) -> Meeting:
    """The meeting this secretary link belongs to; any other key is refused."""
    meeting = s.scalar(select(Meeting).where(Meeting.secretary_token == str(token))) if token else None
    if meeting is None:
        raise Geweigerd(ALLEEN_NOTULIST)
    return meeting


def als_deelnemer(
    s: Session, meeting_id: int, deelnemer_id: int, *, ook_niet_stemmers: bool = False
) -> tuple[Meeting, Participant]:
    """The meeting and the participant a phone remembers; voters only unless `ook_niet_stemmers`."""
    meeting = s.get(Meeting, meeting_id)
    if meeting is None:
        raise NietGevonden("Dit overleg bestaat niet (meer).")
    deelnemer = s.get(Participant, deelnemer_id)
    if deelnemer is None or deelnemer.meeting_id != meeting_id:
        raise Geweigerd("Je bent niet aangemeld bij dit overleg. Meld je opnieuw aan.")
    if deelnemer.role != "deelnemer" and not ook_niet_stemmers:
        raise Geweigerd("Alleen deelnemers stemmen mee.")
    return meeting, deelnemer


class Organisatorcontrole(Protocol):
    """Recognises the organiser's proof (see `toegang.Organisator.erkent`)."""

    def erkent(self, bewijs: object) -> bool: ...


def als_organisator(controle: Organisatorcontrole | None, bewijs: object) -> None:
    """Refuses unless the app's check recognises `bewijs`; without a check nobody is the organiser."""
    if controle is None or not controle.erkent(bewijs):
        raise Geweigerd(ALLEEN_ORGANISATOR)
