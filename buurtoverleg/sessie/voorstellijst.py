"""The advice's proposals as the options of a vote: the room dot-votes on the praktijkvoorbeelden
the app proposes (issue 18, part 2).

A prompt with `uit_advies: N` takes its options from the advice's top N of its kind. The
advice moves with every reveal and settled outcome, but the options of a vote must not move
under a phone's thumb, and a prompt's options cannot be computed from the advice on every
read: the advice reads the analysis, which reads the steps, which build these options. So
the list is frozen into the step (`StepState.proposed`, per prompt id) when the step opens.

The rule for opening it again: the list is made the first time the step opens. When the step
is entered again (moved to, input reopened, a new round), it is made afresh only while nobody
has voted on it in any round: an early opening (before the analysis was revealed) gets the
better list later, but once a vote exists every round and every verdict counts the same
options, and no dot is left on an option that is gone.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..storage.models import Meeting, Response
from .aanpak import Aanpak
from .advies import Advies, Voorstel
from .overgangen import Overlegstatus, Stapstatus


@dataclass(frozen=True)
class Moment:
    """Where the meeting stood before an action: which step, in which round, open or not."""

    positie: int | None
    ronde: int | None
    open: bool


def moment(meeting: Meeting) -> Moment:
    if meeting.current_step is None or meeting.status != Overlegstatus.STAPPEN:
        return Moment(None, None, False)
    stap = meeting.steps[meeting.current_step]
    return Moment(stap.position, stap.round, stap.status == Stapstatus.OPEN)


def voorgesteld(advies: Advies, soort: str, aantal: int) -> list[str]:
    """The advice's top `aantal` of a kind. Examples: those that fit the analysis; when none
    does yet, the general ones the rules of thumb rank first, so the room can still vote."""
    if soort == "oplossingsrichting":
        return [r.id for r in advies.richtingen[:aantal]]
    lijst: tuple[Voorstel, ...] = advies.praktijkvoorbeelden
    passend = [p for p in lijst if p.past]
    return [p.id for p in (passend or list(lijst))[:aantal]]


class Voorstellijst:
    def __init__(self, aanpak: Aanpak) -> None:
        self.aanpak = aanpak
        self.eenheid = aanpak.eenheid

    def bij_opening(self, s: Session, meeting: Meeting, voor: Moment) -> None:
        """After a facilitator's action: freeze the proposals of the step that is open now, if
        it has prompts that take them (see the module's rule for entering it again).

        The advice is read from what is committed: the action that opens the step changes
        nothing the analysis reads (a step that is open for the first time has no answers)."""
        na = moment(meeting)
        if not na.open or na.positie is None:
            return
        stap = meeting.steps[na.positie]
        prompts = [p for p in self.eenheid.prompts(meeting, stap) if p.uit_advies is not None]
        if not prompts:
            return
        bestaand = dict(stap.proposed or {})
        opnieuw = na != voor
        te_maken = [p for p in prompts if p.id not in bestaand or (opnieuw and not _gestemd(s, meeting.id, p.id))]
        if not te_maken:
            return
        advies = self.aanpak.advies(meeting.id)
        for prompt in te_maken:
            assert prompt.opties_uit is not None and prompt.uit_advies is not None  # the schema's rule
            bestaand[prompt.id] = voorgesteld(advies, prompt.opties_uit, prompt.uit_advies)
        stap.proposed = bestaand


def _gestemd(s: Session, meeting_id: int, vraag_id: str) -> bool:
    aantal = s.scalar(
        select(func.count())
        .select_from(Response)
        .where(Response.meeting_id == meeting_id, Response.prompt_id == vraag_id)
    )
    return bool(aantal)
