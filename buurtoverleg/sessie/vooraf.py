"""The round 'vooraf' (seed 003, A2.1 "Vooraf per groepslid"): before a kernteam meeting each
member answers the BOB questions on their own, and the first meeting starts from those pictures.

The facilitator opens it with a deadline; members answer in their own time from the link, keep
a draft and hand it in (`bewaar`). A member is an ordinary participant of the meeting (joined
through the same code), so the same browser is the same person at the meeting.

What it asks: the open beeldvorming and oordeelsvorming questions of the BOB procedure (text,
for the member's own A4) and the template's assessment prompts (a scale, a fase, a choice).
Handed-in assessments are stored as `Response` rows with round `VOORAF` (0): the meeting's
verdicts, pictures and minutes read them as one more round, before round 1, through the code
they already use (`uitslagen`, `notulenregels`), not a parallel path.

Who has handed in is visible to the facilitator at once; what they wrote only once the
pre-round is over (deadline, closed, or the meeting started) or when the facilitator chooses
to read it early (`toon`): the same 'blind until revealed' as a live round.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..content.schema import Item
from ..storage.models import Meeting, Participant, PreRound, PreRoundAnswer, Response
from .eenheid import Eenheid, alleen_lezen
from .fouten import Geweigerd
from .invoer import tekst as _tekst
from .oordeel import VOORAF
from .overgangen import Overlegstatus
from .rolcontrole import als_deelnemer, als_leiding
from .toestand import DOMEINEN
from .voorafstand import (
    A4,
    Mijnvooraf,
    Voorafgroep,
    Voorafoverzicht,
    Voorafregel,
    Voorafstand,
    Voorafvraag,
    inschattingen,
    is_open,
    lokaal,
    naar_utc,
)
from .vraagtypen import vraagtype

VRAGENGROEPEN = ("bob-beeldvorming", "bob-oordeelsvorming")
"""The BOB question groups a member answers alone (seed 003 A2.1: beeld- and oordeelsvorming;
besluitvorming is what the meeting does together)."""
UITLEG = "werkprotocol-vooraf"
"""The method's own words on the pre-round, shown above the form."""
MAX_ANTWOORD = 600
"""Characters per open answer: eight answers and the choices must fit on one A4."""


class Vooraf:
    def __init__(self, eenheid: Eenheid) -> None:
        self.eenheid = eenheid

    # ------------------------------------------------------------------ facilitator

    def leiding(self, token: str) -> Voorafleiding:
        """The facilitator's handle for this link (`Voorafleiding`)."""
        return Voorafleiding(self, token)

    def open(self, token: str, deadline_lokaal: datetime) -> None:
        """Open the pre-round, or move its deadline (extend, or reopen after closing); the
        deadline in Dutch local time, as the facilitator types it."""
        e = self.eenheid
        if not isinstance(deadline_lokaal, datetime):
            raise Geweigerd("Kies een datum en tijd voor de deadline.")
        deadline = naar_utc(deadline_lokaal)
        with e.schrijf() as s:
            meeting = als_leiding(s, token)
            if meeting.status != Overlegstatus.LOBBY:
                raise Geweigerd("Het overleg is al begonnen: vooraf invullen kan niet meer.")
            if deadline <= e.nu():
                raise Geweigerd("Kies een deadline in de toekomst.")
            if deadline_lokaal.date() > meeting.datum:
                raise Geweigerd("De deadline moet vóór of op de dag van het overleg liggen.")
            pre = _pre(s, meeting.id)
            if pre is None:
                s.add(PreRound(meeting_id=meeting.id, deadline=deadline, opened_at=e.nu()))
            else:
                pre.deadline = deadline
                pre.closed_at = None
            e.noteer(s, meeting.id, "deelnemers")

    @contextmanager
    def _bestaande(self, token: str) -> Iterator[PreRound]:
        """The facilitator changes the meeting's open pre-round; the pages hear of it."""
        e = self.eenheid
        with e.schrijf() as s:
            meeting = als_leiding(s, token)
            pre = _pre(s, meeting.id)
            if pre is None:
                raise Geweigerd("Er is geen ronde vooraf.")
            yield pre
            e.noteer(s, meeting.id, "deelnemers")

    def sluit(self, token: str) -> None:
        with self._bestaande(token) as pre:
            if pre.closed_at is None:
                pre.closed_at = self.eenheid.nu()

    def toon(self, token: str) -> None:
        """Read the answers before the deadline: a choice the facilitator makes knowingly."""
        with self._bestaande(token) as pre:
            pre.revealed = True

    @alleen_lezen
    def overzicht(self, token: str) -> Voorafoverzicht | None:
        e = self.eenheid
        with e.lees() as s:
            meeting = als_leiding(s, token)
            pre = _pre(s, meeting.id)
            if pre is None:
                return None
            bewaard = dict(
                s.execute(
                    select(PreRoundAnswer.participant_id, PreRoundAnswer.submitted_at).where(
                        PreRoundAnswer.meeting_id == meeting.id
                    )
                ).all()
            )
            open_ = is_open(pre, meeting, e.nu())
            leden = tuple(
                Voorafregel(
                    p.name,
                    p.organisation,
                    DOMEINEN.get(p.domain, p.domain),
                    "nog niets" if p.id not in bewaard else "concept" if bewaard[p.id] is None else "ingeleverd",
                    lokaal(bewaard.get(p.id)),
                )
                for p in meeting.participants
                if p.role == "deelnemer"
            )
            return Voorafoverzicht(
                _lokaal(pre.deadline), open_, lokaal(pre.closed_at), not open_ or pre.revealed, leden
            )

    @alleen_lezen
    def alle_a4(self, token: str) -> list[A4]:
        """Every handed-in member's page, for the facilitator, once the answers may be read."""
        e = self.eenheid
        with e.lees() as s:
            meeting = als_leiding(s, token)
            pre = _pre(s, meeting.id)
            if pre is None:
                raise Geweigerd("Er is geen ronde vooraf.")
            if is_open(pre, meeting, e.nu()) and not pre.revealed:
                raise Geweigerd("De antwoorden zijn pas na de deadline te lezen, of als je ze eerder toont.")
            rijen = s.scalars(
                select(PreRoundAnswer)
                .where(PreRoundAnswer.meeting_id == meeting.id, PreRoundAnswer.submitted_at.is_not(None))
                .order_by(PreRoundAnswer.participant_id)
            ).all()
            return [self._a4(s, meeting, rij) for rij in rijen]

    # ------------------------------------------------------------------ member

    @alleen_lezen
    def stand(self, meeting_id: int) -> Voorafstand | None:
        """The member's form, or None when the meeting has no pre-round."""
        e = self.eenheid
        with e.lees() as s:
            meeting = e.meeting(s, meeting_id)
            pre = _pre(s, meeting_id)
            if pre is None:
                return None
            template = e.template(meeting.template_id)
            return Voorafstand(
                meeting.buurt,
                meeting.datum,
                _lokaal(pre.deadline),
                is_open(pre, meeting, e.nu()),
                e.catalogus.get(UITLEG).tekst if UITLEG in e.catalogus.entries else "",
                self._groepen(),
                tuple(e.vraag(p) for p in inschattingen(template)),
            )

    @alleen_lezen
    def mijn(self, meeting_id: int, deelnemer_id: int) -> Mijnvooraf:
        e = self.eenheid
        with e.lees() as s:
            als_deelnemer(s, meeting_id, deelnemer_id)
            rij = _antwoord(s, deelnemer_id)
            if rij is None:
                return Mijnvooraf({}, {}, None, None)
            return Mijnvooraf(dict(rij.texts), dict(rij.choices), lokaal(rij.submitted_at), lokaal(rij.updated_at))

    def bewaar(
        self, meeting_id: int, deelnemer_id: int, teksten: dict[str, Any], keuzes: dict[str, Any], *, inleveren: bool
    ) -> None:
        """Keep what the member wrote. `inleveren` hands it in; once handed in, every later save
        (until the deadline) replaces the handed-in answers, so the round holds the last word."""
        e = self.eenheid
        if not isinstance(teksten, dict) or not isinstance(keuzes, dict):
            raise Geweigerd("Je antwoorden konden niet worden gelezen. Probeer het nog eens.")
        with e.schrijf() as s:
            meeting, lid = als_deelnemer(s, meeting_id, deelnemer_id)
            pre = _pre(s, meeting_id)
            if pre is None:
                raise Geweigerd("Dit overleg heeft geen ronde vooraf.")
            if not is_open(pre, meeting, e.nu()):
                raise Geweigerd("De ronde vooraf is gesloten. Je antwoorden zijn niet meer te wijzigen.")
            schone_teksten = self._schone_teksten(teksten)
            prompts = {p.id: p for p in inschattingen(e.template(meeting.template_id))}
            schone_keuzes = {}
            for vraag_id, waarde in keuzes.items():
                if waarde is None:
                    continue
                if vraag_id not in prompts:
                    raise Geweigerd("Deze vraag hoort niet bij de ronde vooraf.")
                schone_keuzes[vraag_id] = vraagtype(prompts[vraag_id].type.value).controleer(
                    e.vraag(prompts[vraag_id]), waarde
                )
            rij = _antwoord(s, lid.id)
            if rij is None:
                rij = PreRoundAnswer(meeting_id=meeting_id, participant_id=lid.id)
                s.add(rij)
            rij.texts = schone_teksten
            rij.choices = schone_keuzes
            rij.updated_at = e.nu()
            if inleveren or rij.submitted_at is not None:
                if not schone_teksten and not schone_keuzes:
                    raise Geweigerd("Vul minstens één vraag in voordat je inlevert.")
                rij.submitted_at = e.nu()
                s.execute(
                    delete(Response).where(Response.participant_id == lid.id, Response.round == VOORAF),
                    execution_options={"synchronize_session": False},
                )
                for vraag_id, waarde in schone_keuzes.items():
                    s.add(
                        Response(
                            meeting_id=meeting_id,
                            participant_id=lid.id,
                            prompt_id=vraag_id,
                            round=VOORAF,
                            value=waarde,
                            created_at=e.nu(),
                            updated_at=e.nu(),
                        )
                    )
            e.noteer(s, meeting_id, "deelnemers")

    @alleen_lezen
    def a4(self, meeting_id: int, deelnemer_id: int) -> A4:
        """The member's own page: what they wrote, whether handed in or still a draft."""
        e = self.eenheid
        with e.lees() as s:
            meeting, lid = als_deelnemer(s, meeting_id, deelnemer_id)
            rij = _antwoord(s, lid.id) or PreRoundAnswer(meeting_id=meeting_id, participant_id=lid.id)
            return self._a4(s, meeting, rij)

    # ------------------------------------------------------------------ internals

    def _groepen(self) -> tuple[Voorafgroep, ...]:
        cat = self.eenheid.catalogus
        groepen = []
        for groep_id in VRAGENGROEPEN:
            item = cat.get(groep_id).item if groep_id in cat.entries else None
            if not isinstance(item, Item):
                continue
            vragen = tuple(Voorafvraag(o.id, o.titel, o.tekst) for o in item.onderdelen)
            groepen.append(Voorafgroep(item.id, item.titel, item.tekst, vragen))
        return tuple(groepen)

    def _schone_teksten(self, teksten: dict[str, Any]) -> dict[str, str]:
        bekend = {v.id: v.titel for g in self._groepen() for v in g.vragen}
        schoon = {}
        for vraag_id, waarde in teksten.items():
            if vraag_id not in bekend:
                raise Geweigerd("Deze vraag hoort niet bij de ronde vooraf.")
            tekst = _tekst(waarde, f"Het antwoord op '{bekend[vraag_id]}'", MAX_ANTWOORD, verplicht=False)
            if tekst:
                schoon[vraag_id] = tekst
        return schoon

    def _a4(self, s: Session, meeting: Meeting, rij: PreRoundAnswer) -> A4:
        e = self.eenheid
        lid = s.get(Participant, rij.participant_id)
        assert lid is not None  # the row goes with its participant (cascade)
        teksten = rij.texts or {}
        keuzes = rij.choices or {}
        groepen = tuple(
            (g.titel, tuple((v.titel, str(teksten.get(v.id, ""))) for v in g.vragen)) for g in self._groepen()
        )
        inschat = []
        for p in inschattingen(e.template(meeting.template_id)):
            vraag = e.vraag(p)
            waarde = keuzes.get(p.id)
            if waarde is None:
                gekozen = ""
            elif isinstance(waarde, list):
                gekozen = ", ".join(vraag.titel_van(w) for w in waarde) or "geen van deze"
            else:
                gekozen = vraag.titel_van(waarde)
            inschat.append((vraag.vraag, gekozen))
        return A4(
            meeting.buurt,
            meeting.datum,
            lid.name,
            lid.organisation,
            DOMEINEN.get(lid.domain, lid.domain),
            lokaal(rij.submitted_at),
            groepen,
            tuple(inschat),
        )


def _lokaal(utc: datetime) -> datetime:
    moment = lokaal(utc)
    assert moment is not None
    return moment


def _pre(s: Session, meeting_id: int) -> PreRound | None:
    return s.scalar(select(PreRound).where(PreRound.meeting_id == meeting_id))


def _antwoord(s: Session, deelnemer_id: int) -> PreRoundAnswer | None:
    return s.scalar(select(PreRoundAnswer).where(PreRoundAnswer.participant_id == deelnemer_id))


class Voorafleiding:
    """The facilitator's handle on the pre-round, made from the facilitator link: pages may
    only call it once let in for that link (`pages.gedeeld`), and every call checks it again."""

    def __init__(self, vooraf: Vooraf, token: str) -> None:
        self._vooraf = vooraf
        self._token = token

    def open(self, deadline_lokaal: datetime) -> None:
        self._vooraf.open(self._token, deadline_lokaal)

    def sluit(self) -> None:
        self._vooraf.sluit(self._token)

    def toon(self) -> None:
        self._vooraf.toon(self._token)

    @alleen_lezen
    def overzicht(self) -> Voorafoverzicht | None:
        return self._vooraf.overzicht(self._token)

    @alleen_lezen
    def alle_a4(self) -> list[A4]:
        return self._vooraf.alle_a4(self._token)
