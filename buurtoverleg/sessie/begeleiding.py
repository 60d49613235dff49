"""Which of the method's guidance applies to a running meeting now (`dienst.lezen.begeleiding`).

The rules are in `sessie.methode`; this reads what they need from the meeting: the fase the
room settled on, what the analysis named, and who is at the table.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..storage.models import Meeting, MinutesNote, StepState
from . import methode
from .aanpak import Aanpak
from .eenheid import Eenheid
from .fouten import Geweigerd, NietGevonden
from .methode import Begeleiding
from .overgangen import Overlegstatus
from .uitslagen import Uitslagen
from .verloop import Verloop

GEDRAGEN = frozenset({"eensgezind", "dicht bij elkaar"})
"""Verdicts that count as the room settling; 'verdeeld' is still open for discussion."""


class Begeleiden:
    def __init__(self, eenheid: Eenheid, verloop: Verloop, uitslagen: Uitslagen, aanpak: Aanpak) -> None:
        self.eenheid = eenheid
        self.verloop = verloop
        self.uitslagen = uitslagen
        self.aanpak = aanpak

    def vastgestelde_fase(self, meeting_id: int) -> tuple[str, str] | None:
        """The fase the room settled on and the question it settled it on: the facilitator's
        recorded outcome, else the leaning of the last shown round when its verdict is
        'eensgezind' or 'dicht bij elkaar'. The latest fase question in the agenda wins (a
        re-assessment replaces an earlier one)."""
        catalogus = self.eenheid.catalogus
        uitkomsten = self.uitslagen.uitkomsten(meeting_id)
        gevonden: tuple[str, str] | None = None
        for stap in self.verloop.vergadering(meeting_id).stappen:
            if stap.status == "nog-niet":
                continue
            oordelen = None
            for vraag in stap.vragen:
                soorten = {catalogus.entries[o.id].soort for o in vraag.opties if o.id in catalogus.entries}
                if soorten != {"fase"}:
                    continue
                if vraag.id in uitkomsten:
                    optie = uitkomsten[vraag.id].optie
                    gevonden = (optie, vraag.id) if optie else gevonden
                    continue
                if oordelen is None:
                    oordelen = self.uitslagen.oordelen(meeting_id, stap.positie)
                rondes = oordelen.get(vraag.id, [])
                if rondes and rondes[-1].oordeel in GEDRAGEN and rondes[-1].typisch:
                    gevonden = (rondes[-1].typisch, vraag.id)
        return gevonden

    def begeleiding(self, meeting_id: int) -> list[Begeleiding]:
        """The guidance that applies now, most urgent first: after incidents, the AZC
        checklists when the analysis names an AZC or statushouders, and the conditions for
        resident participation when residents are at the table and the step is one they apply to."""
        catalogus = self.eenheid.catalogus
        vergadering = self.verloop.vergadering(meeting_id)
        analyse = self.aanpak.analyse(meeting_id)
        genoemd = [*analyse.triggers, *analyse.locaties, *analyse.doelgroepen, *analyse.actoren]
        stap = vergadering.huidige_stap if vergadering.status == "stappen" else None
        met_bewoners = any(d.domein == "bewoner" for d in vergadering.deelnemers)
        gevonden = [
            methode.incidentbegeleiding(catalogus, *fase) if (fase := self.vastgestelde_fase(meeting_id)) else None,
            methode.azcbegeleiding(catalogus, genoemd, {s.id for s in vergadering.stappen}),
            methode.bewonersbegeleiding(catalogus, stap.onderdeel if stap else None) if met_bewoners else None,
        ]
        return [b for b in gevonden if b is not None]

    def voeg_toe(self, s: Session, meeting: Meeting, stap_id: str) -> int:
        """Put an extra step (an 'extra' template's step, such as the AZC checklists) on the
        agenda right after the current step; later steps and the secretary's notes on them move
        one place down. Returns its position."""
        stap = self.eenheid.catalogus.extra_stap(stap_id)
        if stap is None:
            raise NietGevonden("Deze extra stap bestaat niet (meer).")
        if meeting.status == Overlegstatus.GESLOTEN:
            raise Geweigerd("Dit overleg is afgelopen; er kan geen stap meer bij.")
        if any(st.step_id == stap_id for st in meeting.steps):
            raise Geweigerd("Deze stap staat al op de agenda.")
        positie = (meeting.current_step if meeting.current_step is not None else len(meeting.steps) - 1) + 1
        later = [st for st in meeting.steps if st.position >= positie]
        notities = list(
            s.scalars(select(MinutesNote).where(MinutesNote.meeting_id == meeting.id, MinutesNote.position >= positie))
        )
        rijen: list[StepState | MinutesNote] = [*later, *notities]
        # two passes: positions are unique per meeting, so first out of the way, then one down
        for rij in rijen:
            rij.position = -(rij.position or 0) - 1
        s.flush()
        for rij in rijen:
            rij.position = -(rij.position or 0)
        s.add(StepState(meeting_id=meeting.id, position=positie, step_id=stap.id, budget_seconds=stap.minuten * 60))
        s.flush()
        s.expire(meeting, ["steps"])
        return positie
