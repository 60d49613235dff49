"""Fair use on a phone: how many signals one participant may send.

A phone that sends as fast as it can (a stuck key, a script, a child with the phone) filled
the beamer with 187 signals in 41 seconds and every other phone waited seconds for its
acknowledgement. Writing a signal that means something takes a person at least ten seconds,
so the limits below never stop a participant who types, and they stop a flood after a few
signals. They are counted in the database, inside the signal's own transaction: they hold
after a reload or a server restart, and cost no memory per phone.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..storage.models import Signal
from .fouten import Geweigerd

SIGNALEN_PER_MINUUT = 6
"""Signals one participant may send in any 60 seconds: one every ten seconds on average,
with room for a short burst of quick ones."""
SIGNALEN_PER_STAP = 20
"""Signals one participant may send in one step: the beamer shows the room's signals, and
twenty from one person already drown the others."""
MINUUT = timedelta(seconds=60)
TE_SNEL = (
    f"Rustig aan: je stuurde {SIGNALEN_PER_MINUUT} signalen in één minuut. "
    "Wacht even, dan kun je weer een signaal sturen. Je tekst staat er nog."
)
"""The one wording of the per-minute refusal; the phone page says it too when it already knows
(its own count), without asking the server at every tap of a flood."""


def controleer_signaal(
    s: Session, meeting_id: int, deelnemer_id: int, vraag_ids: Collection[str], nu: datetime
) -> None:
    """Refuse a new signal, with a Dutch message, when this participant reached a limit."""
    van_mij = (Signal.meeting_id == meeting_id, Signal.participant_id == deelnemer_id)
    in_stap = s.scalar(select(func.count(Signal.id)).where(*van_mij, Signal.prompt_id.in_(list(vraag_ids))))
    if (in_stap or 0) >= SIGNALEN_PER_STAP:
        raise Geweigerd(
            f"Je hebt bij deze stap al {SIGNALEN_PER_STAP} signalen gestuurd; meer kan niet. Vertel de rest in de zaal."
        )
    recent = s.scalar(select(func.count(Signal.id)).where(*van_mij, Signal.created_at > nu - MINUUT))
    if (recent or 0) >= SIGNALEN_PER_MINUUT:
        raise Geweigerd(TE_SNEL)
