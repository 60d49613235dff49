"""The course of the meeting: its state machine (`overgangen`), the step timer, its settings,
and the read of the whole meeting that every page draws from.

Write methods take the meeting row of a transaction that a role handle opened after checking
the link (`rollen.Leidingrol`); they never look up who is asking themselves.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..storage.models import Meeting, StepState
from ..storage.models import Participant as P
from . import overeenstemming
from .eenheid import Eenheid
from .fouten import Geweigerd, NietGevonden
from .overgangen import Handeling, Overlegstatus, Stapstatus, controleer, stap_na
from .timer import verbruikt
from .toestand import Deelnemer, Vergadering

MAX_MINUTEN = 240
INSTELLINGEN = {
    "toon_namen": "show_names",
    "signalen_modereren": "moderate_signals",
    "auto_timer": "auto_timer",
    "auto_onthullen": "auto_reveal",
    "live_uitslag": "show_live_results",
    "herkenning_op_beamer": "beamer_recognition",
    "uitslag_op_telefoon": "result_on_phone",
}
"""The facilitator's switches and the columns they are stored in."""
MAX_DEELNEMERS_GRENS = 500
"""The highest maximum a facilitator may set: more phones than any community centre holds."""


class Verloop:
    def __init__(self, eenheid: Eenheid) -> None:
        self.eenheid = eenheid

    # ------------------------------------------------------------------ reading

    def versie(self, meeting_id: int) -> int:
        """The meeting's version now: a page back from a lost connection compares it with what it drew."""
        with self.eenheid.lees() as s:
            versie = s.scalar(select(Meeting.version).where(Meeting.id == meeting_id))
        if versie is None:
            raise NietGevonden("Dit overleg bestaat niet (meer).")
        return versie

    def vergadering(self, meeting_id: int) -> Vergadering:
        e = self.eenheid
        with e.lees() as s:
            meeting = e.meeting(s, meeting_id)
            template = e.template(meeting.template_id)
            stappen = tuple(e.stap(template, st) for st in meeting.steps)
            return Vergadering(
                id=meeting.id,
                buurt=meeting.buurt,
                datum=meeting.datum,
                template_id=meeting.template_id,
                template_titel=template.titel,
                status=meeting.status,
                join_code=meeting.join_code,
                aanmelden_open=meeting.joining_open,
                huidige=meeting.current_step,
                toon_namen=meeting.show_names,
                signalen_modereren=meeting.moderate_signals,
                auto_timer=meeting.auto_timer,
                auto_onthullen=meeting.auto_reveal,
                live_uitslag=meeting.show_live_results,
                herkenning_op_beamer=meeting.beamer_recognition,
                uitslag_op_telefoon=meeting.result_on_phone,
                max_deelnemers=meeting.max_participants,
                deelnemers=self._deelnemers(s, meeting_id),
                stappen=stappen,
                beamer_zwart=meeting.screen_blank,
                beamer_pagina=meeting.screen_page,
                versie=meeting.version,
            )

    @staticmethod
    def _deelnemers(s: Session, meeting_id: int) -> tuple[Deelnemer, ...]:
        """Who is in the room, read as plain rows: this read follows every change in a room of
        200, and loading 200 participant objects through the ORM was most of its cost (issue 22)."""
        kolommen = (P.id, P.name, P.organisation, P.domain, P.role, P.attendance, P.arrived)
        rijen = s.execute(select(*kolommen).where(P.meeting_id == meeting_id).order_by(P.id))
        return tuple(Deelnemer(*rij) for rij in rijen)

    # ------------------------------------------------------------------ moving through the steps

    def start(self, meeting: Meeting) -> None:
        meeting.status = controleer(meeting.status, Handeling.START)
        if meeting.started_at is None:  # the begin time of the minutes
            meeting.started_at = self.eenheid.nu()
        self._ga_naar(meeting, 0)

    def volgende(self, meeting: Meeting) -> None:
        controleer(meeting.status, Handeling.VOLGENDE)
        assert meeting.current_step is not None
        if meeting.current_step + 1 >= len(meeting.steps):
            self._stop_klok(meeting.steps[meeting.current_step])
            meeting.status = Overlegstatus.AFRONDING
            return
        self._ga_naar(meeting, meeting.current_step + 1)

    def vorige(self, meeting: Meeting) -> None:
        naar = controleer(meeting.status, Handeling.VORIGE)
        if meeting.status == Overlegstatus.AFRONDING:
            meeting.status = naar
            self._ga_naar(meeting, len(meeting.steps) - 1)
            return
        if meeting.current_step == 0:
            raise Geweigerd("Dit is de eerste stap.")
        assert meeting.current_step is not None
        self._ga_naar(meeting, meeting.current_step - 1)

    def ga_naar(self, meeting: Meeting, positie: int) -> None:
        controleer(meeting.status, Handeling.GA_NAAR)
        self._bestaat(meeting, positie)
        meeting.status = Overlegstatus.STAPPEN
        self._ga_naar(meeting, positie)

    def bespreek_opnieuw(self, meeting: Meeting, positie: int) -> None:
        """'Discuss and re-vote' from the list of disagreements: go there, open round n+1."""
        controleer(meeting.status, Handeling.BESPREEK_OPNIEUW)
        self._bestaat(meeting, positie)
        stap = meeting.steps[positie]
        if stap.status == Stapstatus.NOG_NIET:
            raise Geweigerd("Over deze stap is nog niet gestemd.")
        meeting.status = Overlegstatus.STAPPEN
        self._ga_naar(meeting, positie)
        stap.round += 1
        stap.status = Stapstatus.OPEN

    def beeindig(self, meeting: Meeting) -> None:
        meeting.status = controleer(meeting.status, Handeling.BEEINDIG)
        if meeting.current_step is not None:
            self._stop_klok(meeting.steps[meeting.current_step])
        for stap in meeting.steps:
            if stap.status == Stapstatus.OPEN:
                stap.status = Stapstatus.DICHT
        meeting.joining_open = False
        meeting.ended_at = self.eenheid.nu()

    # ------------------------------------------------------------------ voting on the current step

    def open_invoer(self, meeting: Meeting) -> None:
        self._zet(meeting, Handeling.OPEN_INVOER)

    def sluit_invoer(self, meeting: Meeting) -> None:
        self._zet(meeting, Handeling.SLUIT_INVOER)

    def onthul(self, meeting: Meeting) -> None:
        self._zet(meeting, Handeling.ONTHUL)

    def nieuwe_ronde(self, meeting: Meeting) -> None:
        """Discuss and re-vote: the same prompts again; the earlier round stays stored."""
        stap = self._huidige(meeting, Handeling.NIEUWE_RONDE)
        stap.status = stap_na(stap.status, Handeling.NIEUWE_RONDE)
        stap.round += 1

    # ------------------------------------------------------------------ the clock

    def verleng(self, meeting: Meeting, seconden: int) -> None:
        stap = self._huidige(meeting, Handeling.VERLENG)
        stap.budget_seconds = max(60, stap.budget_seconds + seconden)

    def stel_budget(self, meeting: Meeting, positie: int, minuten: int) -> None:
        if not 1 <= minuten <= MAX_MINUTEN:
            raise Geweigerd(f"Kies een tijd tussen 1 en {MAX_MINUTEN} minuten.")
        self._bestaat(meeting, positie)
        meeting.steps[positie].budget_seconds = minuten * 60

    def pauzeer(self, meeting: Meeting) -> None:
        stap = self._huidige(meeting, Handeling.PAUZEER)
        if stap.running_since is None:
            raise Geweigerd("De tijd staat al stil.")
        self._stop_klok(stap)

    def hervat(self, meeting: Meeting) -> None:
        stap = self._huidige(meeting, Handeling.HERVAT)
        if stap.running_since is not None:
            raise Geweigerd("De tijd loopt al.")
        stap.running_since = self.eenheid.nu()

    # ------------------------------------------------------------------ settings

    def aanmelden_open(self, meeting: Meeting, open_: bool) -> None:
        controleer(meeting.status, Handeling.AANMELDEN_OPEN)
        meeting.joining_open = open_

    def instellingen(self, meeting: Meeting, waarden: dict[str, Any]) -> None:
        for naam, waarde in waarden.items():
            if naam not in INSTELLINGEN:
                raise Geweigerd(f"Onbekende instelling '{naam}'.")
            setattr(meeting, INSTELLINGEN[naam], bool(waarde))

    def stel_maximum(self, meeting: Meeting, aantal: int) -> None:
        """How many participants may join (the console's 'Maximaal aantal deelnemers')."""
        if isinstance(aantal, bool) or not isinstance(aantal, int) or not 1 <= aantal <= MAX_DEELNEMERS_GRENS:
            raise Geweigerd(f"Kies een maximum van 1 tot {MAX_DEELNEMERS_GRENS} deelnemers.")
        meeting.max_participants = aantal

    def stel_drempels(self, meeting: Meeting, waarden: dict[str, float]) -> None:
        huidig = dict(meeting.thresholds or {})
        huidig.update(waarden)
        try:
            overeenstemming.Drempels(**huidig)
        except (TypeError, ValueError) as fout:
            raise Geweigerd(f"Deze drempels kloppen niet: {fout}") from None
        meeting.thresholds = huidig

    # ------------------------------------------------------------------ for the other services

    def onthul_vanzelf(self, stap: StepState) -> None:
        """Auto-reveal once every voter answered: the same transition as the facilitator's."""
        stap.status = stap_na(stap.status, Handeling.ONTHUL)

    # ------------------------------------------------------------------ internals

    def _zet(self, meeting: Meeting, handeling: Handeling) -> None:
        stap = self._huidige(meeting, handeling)
        stap.status = stap_na(stap.status, handeling)

    def _huidige(self, meeting: Meeting, handeling: Handeling) -> StepState:
        controleer(meeting.status, handeling)
        assert meeting.current_step is not None
        return meeting.steps[meeting.current_step]

    def _bestaat(self, meeting: Meeting, positie: int) -> None:
        if not 0 <= positie < len(meeting.steps):
            raise Geweigerd("Die stap bestaat niet.")

    def _ga_naar(self, meeting: Meeting, positie: int) -> None:
        if meeting.current_step is not None:
            self._stop_klok(meeting.steps[meeting.current_step])
        meeting.current_step = positie
        meeting.screen_page = None  # a new step's lists start at their first page and turn by themselves
        stap = meeting.steps[positie]
        if stap.status == Stapstatus.NOG_NIET:
            stap.status = Stapstatus.OPEN
        if meeting.auto_timer and stap.running_since is None:
            stap.running_since = self.eenheid.nu()

    def _stop_klok(self, stap: StepState) -> None:
        stap.used_seconds = verbruikt(stap.used_seconds, stap.running_since, self.eenheid.nu())
        stap.running_since = None
