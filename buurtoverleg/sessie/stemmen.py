"""Answers: a phone's vote on an open prompt, its own answers back after a reload, and who
has not answered yet."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..storage.models import Meeting, Response, StepState
from .eenheid import Eenheid, deelnemer
from .fouten import Geweigerd
from .overgangen import Overlegstatus
from .rolcontrole import als_deelnemer
from .toestand import Deelnemer
from .verloop import Verloop
from .vraagtypen import vraagtype


class Stemmen:
    def __init__(self, eenheid: Eenheid, verloop: Verloop) -> None:
        self.eenheid = eenheid
        self.verloop = verloop

    def antwoord(self, meeting_id: int, deelnemer_id: int, vraag_id: str, waarde: Any) -> None:
        """Store one answer; a second answer in the same round replaces the first.

        Two taps of one phone can race to insert the same row; the loser of that race
        simply runs again and becomes an update, so the last tap wins and none is refused.
        """
        for poging in range(3):
            try:
                self._sla_antwoord_op(meeting_id, deelnemer_id, vraag_id, waarde)
                return
            except IntegrityError:
                if poging == 2:
                    raise Geweigerd("Je antwoord kon niet worden opgeslagen. Probeer het nog eens.") from None

    def mijn_antwoorden(self, meeting_id: int, deelnemer_id: int) -> dict[str, Any]:
        """The phone's own answers in the current round of each step, to rebuild after a reload."""
        e = self.eenheid
        with e.lees() as s:
            meeting = e.meeting(s, meeting_id)
            rondes = {st.step_id: st.round for st in meeting.steps}
            template = e.template(meeting.template_id)
            ronde_van_vraag = {p.id: rondes[st.id] for st in template.stappen for p in st.prompts}
            rijen = s.execute(
                select(Response.prompt_id, Response.round, Response.value).where(
                    Response.meeting_id == meeting_id, Response.participant_id == deelnemer_id
                )
            ).all()
        return {r.prompt_id: r.value for r in rijen if ronde_van_vraag.get(r.prompt_id) == r.round}

    def stapantwoorden(self, meeting_id: int) -> dict[int, dict[str, Any]]:
        """Per participant, their answers to the current step in its current round.

        When the step changes every phone draws its buttons with its own answer marked: one
        read for the whole room instead of one per phone (200 reads at once queued the room's
        votes behind them, issue 22). A page takes only its own participant's part."""
        e = self.eenheid
        with e.lees() as s:
            meeting = e.meeting(s, meeting_id)
            if meeting.current_step is None:
                return {}
            stap = meeting.steps[meeting.current_step]
            vragen = [p.id for p in e.prompts(meeting, stap)]
            rijen = s.execute(
                select(Response.participant_id, Response.prompt_id, Response.value).where(
                    Response.meeting_id == meeting_id, Response.round == stap.round, Response.prompt_id.in_(vragen)
                )
            ).all()
        per_deelnemer: dict[int, dict[str, Any]] = {}
        for r in rijen:
            per_deelnemer.setdefault(r.participant_id, {})[r.prompt_id] = r.value
        return per_deelnemer

    def nog_niet_geantwoord(self, meeting_id: int) -> list[Deelnemer]:
        """Voters without an answer to every prompt of the current step (for the facilitator)."""
        e = self.eenheid
        with e.lees() as s:
            meeting = e.meeting(s, meeting_id)
            if meeting.current_step is None or meeting.status != Overlegstatus.STAPPEN:
                return []
            stap = meeting.steps[meeting.current_step]
            vragen = [p.id for p in e.prompts(meeting, stap) if vraagtype(p.type).neemt_stemmen]
            if not vragen:
                return []
            klaar = _klaar(s, meeting, stap, vragen)
            return [deelnemer(p) for p in meeting.participants if p.role == "deelnemer" and p.id not in klaar]

    # ------------------------------------------------------------------ internals

    def _sla_antwoord_op(self, meeting_id: int, deelnemer_id: int, vraag_id: str, waarde: Any) -> None:
        e = self.eenheid
        with e.schrijf() as s:
            meeting, stemmer = als_deelnemer(s, meeting_id, deelnemer_id)
            stap, prompt = e.open_vraag(meeting, vraag_id)
            schoon = vraagtype(prompt.type).controleer(e.vraag(prompt, stap), waarde)
            bestaand = s.scalar(
                select(Response).where(
                    Response.participant_id == stemmer.id,
                    Response.prompt_id == vraag_id,
                    Response.round == stap.round,
                )
            )
            if bestaand is None:
                s.add(
                    Response(
                        meeting_id=meeting_id,
                        participant_id=stemmer.id,
                        prompt_id=vraag_id,
                        round=stap.round,
                        value=schoon,
                    )
                )
            else:
                bestaand.value = schoon
                bestaand.updated_at = e.nu()
            s.flush()
            alles_binnen = meeting.auto_reveal and self._iedereen_geantwoord(s, meeting, stap)
            if alles_binnen:
                self.verloop.onthul_vanzelf(stap)
            e.noteer(s, meeting_id, "stap" if alles_binnen else "antwoord")

    def _iedereen_geantwoord(self, s: Session, meeting: Meeting, stap: StepState) -> bool:
        vragen = [p.id for p in self.eenheid.prompts(meeting, stap) if vraagtype(p.type).neemt_stemmen]
        stemmers = {p.id for p in meeting.participants if p.role == "deelnemer"}
        return bool(vragen) and bool(stemmers) and stemmers <= _klaar(s, meeting, stap, vragen)


def _klaar(s: Session, meeting: Meeting, stap: StepState, vragen: list[str]) -> set[int]:
    rijen = s.execute(
        select(Response.participant_id, func.count(func.distinct(Response.prompt_id)))
        .where(Response.meeting_id == meeting.id, Response.round == stap.round, Response.prompt_id.in_(vragen))
        .group_by(Response.participant_id)
    ).all()
    return {pid for pid, n in rijen if n >= len(vragen)}
