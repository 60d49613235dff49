"""Creating and finding meetings, their links and join codes, and joining one."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..storage.models import Meeting, Participant, StepState
from . import codes, overleggegevens
from .eenheid import Eenheid, alleen_lezen, deelnemer
from .fouten import Geweigerd, NietGevonden
from .invoer import tekst as _tekst
from .overgangen import Overlegstatus
from .toestand import DOMEINEN, ROLLEN, Deelnemer, Links, Overzichtsregel

MAX_NAAM = 80
MAX_ORGANISATIE = 120
MAX_BUURT = 120

TOKENKOLOM = {
    "gespreksleider": Meeting.facilitator_token,
    "scherm": Meeting.projector_token,
    "notulist": Meeting.secretary_token,
}
"""Which secret link belongs to which role."""

FOUTE_LINK = "Deze link klopt niet of is verlopen. Vraag de organisator om de juiste link."


class Aanmelding:
    def __init__(self, eenheid: Eenheid) -> None:
        self.eenheid = eenheid

    def maak(
        self,
        buurt: str,
        datum: date,
        template_id: str,
        vorige: int | None = None,
        *,
        plaats: str = "",
        voorzitter: str = "",
        notulist: str = "",
    ) -> Links:
        """A new meeting; `vorige` makes it a follow-up that starts from the open actions.
        Place, chair and secretary are optional: they head the minutes and can be corrected."""
        e = self.eenheid
        buurt = _tekst(buurt, "De naam van de buurt", MAX_BUURT, regels=False)
        plaats, voorzitter, notulist = overleggegevens.schoon(plaats, voorzitter, notulist)
        template = e.template(template_id)
        if template.doel == "extra":
            raise Geweigerd("Dit is een extra stap voor een lopend overleg, geen sjabloon voor een nieuw overleg.")
        with e.schrijf() as s:  # nobody follows a meeting that does not exist yet: no event
            if vorige is not None:
                e.meeting(s, vorige)
            meeting = Meeting(
                buurt=buurt,
                datum=datum,
                template_id=template.id,
                join_code=_vrije_code(s),
                facilitator_token=codes.token(),
                projector_token=codes.token(),
                secretary_token=codes.token(),
                previous_meeting_id=vorige,
                location=plaats,
                chair=voorzitter,
                minute_taker=notulist,
            )
            meeting.steps = [
                StepState(position=i, step_id=stap.id, budget_seconds=stap.minuten * 60)
                for i, stap in enumerate(template.stappen)
            ]
            s.add(meeting)
            s.flush()
            return links(meeting)

    @alleen_lezen
    def overzicht(self) -> list[Overzichtsregel]:
        """All meetings with their links, newest first: the organiser's list."""
        e = self.eenheid
        with e.lees() as s:
            meetings = s.scalars(select(Meeting).order_by(Meeting.datum.desc(), Meeting.id.desc())).all()
            return [
                Overzichtsregel(m.id, m.buurt, m.datum, e.catalogus.titel(m.template_id), m.status, links(m))
                for m in meetings
            ]

    @alleen_lezen
    def links(self, meeting_id: int) -> Links:
        """For the organiser who created the meeting (the home page is the organiser's)."""
        with self.eenheid.lees() as s:
            return links(self.eenheid.meeting(s, meeting_id))

    @alleen_lezen
    def via_token(self, rol: str, token: str) -> int:
        """The meeting a secret link belongs to now; anything else is refused.

        For a page that opens; every action of a role handle checks its link again."""
        with self.eenheid.lees() as s:
            meeting_id = s.scalar(select(Meeting.id).where(TOKENKOLOM[rol] == token))
        if meeting_id is None:
            raise NietGevonden(FOUTE_LINK)
        return meeting_id

    @alleen_lezen
    def via_code(self, invoer: str) -> int:
        code = codes.normaliseer_code(invoer)
        with self.eenheid.lees() as s:
            meeting = s.scalar(select(Meeting).where(Meeting.join_code == code))
            if meeting is None:
                raise NietGevonden(f"Er is geen overleg met de code '{code}'. Kijk nog eens op het scherm.")
            if meeting.status == Overlegstatus.GESLOTEN:
                raise Geweigerd("Dit overleg is afgelopen.")
            return meeting.id

    def aanmelden(self, meeting_id: int, naam: str, organisatie: str, domein: str, rol: str = "deelnemer") -> int:
        naam = _tekst(naam, "Je naam", MAX_NAAM, regels=False)
        organisatie = _tekst(organisatie, "De organisatie", MAX_ORGANISATIE, verplicht=False, regels=False)
        if not isinstance(domein, str) or domein not in DOMEINEN:  # a list would raise, not refuse
            raise Geweigerd("Kies een domein uit de lijst.")
        if not isinstance(rol, str) or rol not in ROLLEN:
            raise Geweigerd("Onbekende rol.")
        e = self.eenheid
        with e.schrijf() as s:
            meeting = e.meeting(s, meeting_id)
            if meeting.status == Overlegstatus.GESLOTEN:
                raise Geweigerd("Dit overleg is afgelopen.")
            if not meeting.joining_open:
                raise Geweigerd("Aanmelden is gesloten. Vraag de gespreksleider om het weer te openen.")
            if rol == "deelnemer":
                al = s.scalar(
                    select(func.count(Participant.id)).where(
                        Participant.meeting_id == meeting_id, Participant.role == "deelnemer"
                    )
                )
                if (al or 0) >= meeting.max_participants:
                    raise Geweigerd(
                        f"Dit overleg is vol: er doen al {meeting.max_participants} deelnemers mee. "
                        "Vraag de gespreksleider om ruimte te maken."
                    )
            nieuw = Participant(meeting_id=meeting_id, name=naam, organisation=organisatie, domain=domein, role=rol)
            s.add(nieuw)
            s.flush()
            deelnemer_id = nieuw.id
            e.noteer(s, meeting_id, "deelnemers")
        return deelnemer_id

    @alleen_lezen
    def aangemeld(self, meeting_id: int, deelnemer_id: int) -> Deelnemer | None:
        """A remembered phone: None when it belongs to another (or a deleted) meeting."""
        with self.eenheid.lees() as s:
            p = s.get(Participant, deelnemer_id)
            if p is None or p.meeting_id != meeting_id:
                return None
            return deelnemer(p)


def links(meeting: Meeting) -> Links:
    return Links(
        meeting.id, meeting.join_code, meeting.facilitator_token, meeting.projector_token, meeting.secretary_token
    )


def _vrije_code(s: Session) -> str:
    while True:
        code = codes.join_code()
        if s.scalar(select(Meeting.id).where(Meeting.join_code == code)) is None:
            return code
