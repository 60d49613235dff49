"""The meeting domain: every rule of a live meeting, enforced in one place.

Each public method is one user action: it opens a short database session, checks who is
asking and whether the meeting allows it, writes, commits, and only then publishes an
event. A refusal raises `Geweigerd` with a Dutch reason the page can show as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..content import Catalogus
from ..content.schema import Prompt, Template
from ..storage import Database
from ..storage.models import Decision, Meeting, Participant, Response, Signal, SignalUpvote, StepState, nu
from . import codes, overeenstemming
from .aanpak import Aanpak
from .bewaren import Bewaren
from .duiding import Duiding, beoordeel
from .fouten import ALLEEN_LEIDING, Geweigerd, NietGevonden
from .gebeurtenissen import Gebeurtenis, Publisher, Soort
from .invoer import tekst as _tekst
from .notulist import Notulist
from .pincode import Pincodes
from .timer import Klok, verbruikt
from .toestand import (
    DOMEINEN,
    ROLLEN,
    SIGNAALSOORTEN,
    Deelnemer,
    Links,
    Onenigheid,
    Optie,
    Overzichtsregel,
    SignaalKaart,
    Stap,
    Uitkomst,
    Uitslag,
    Vergadering,
    Vraag,
    Zaalsignalen,
    verdeling,
)
from .vraagtypen import vraagtype

_GEBEURTENISSEN = "buurtoverleg.gebeurtenissen"
"""Key in a write transaction's `Session.info`: the events that go out after its commit."""

MAX_NAAM = 80
MAX_ORGANISATIE = 120
MAX_BUURT = 120
MAX_SIGNAAL = 1000
MAX_MINUTEN = 240


class Dienst(Aanpak, Notulist, Pincodes, Bewaren):
    def __init__(
        self,
        db: Database,
        catalogus: Catalogus,
        publisher: Publisher,
        klok: Callable[[], datetime] = nu,
    ) -> None:
        self.db = db
        self.catalogus = catalogus
        self.publisher = publisher
        self.nu = klok

    # ------------------------------------------------------------------ creating and finding

    def maak(self, buurt: str, datum: date, template_id: str, vorige: int | None = None) -> Links:
        """A new meeting; `vorige` makes it a follow-up that starts from the open actions."""
        buurt = _tekst(buurt, "De naam van de buurt", MAX_BUURT, regels=False)
        template = self._template(template_id)
        with self.db.sessie() as s:
            if vorige is not None:
                self._meeting(s, vorige)
            meeting = Meeting(
                buurt=buurt,
                datum=datum,
                template_id=template.id,
                join_code=self._vrije_code(s),
                facilitator_token=codes.token(),
                projector_token=codes.token(),
                secretary_token=codes.token(),
                previous_meeting_id=vorige,
            )
            meeting.steps = [
                StepState(position=i, step_id=stap.id, budget_seconds=stap.minuten * 60)
                for i, stap in enumerate(template.stappen)
            ]
            s.add(meeting)
            s.flush()
            return _links(meeting)

    def overzicht(self) -> list[Overzichtsregel]:
        """All meetings with their links, newest first: the organiser's list."""
        with self.db.sessie() as s:
            meetings = s.scalars(select(Meeting).order_by(Meeting.datum.desc(), Meeting.id.desc())).all()
            return [
                Overzichtsregel(m.id, m.buurt, m.datum, self.catalogus.titel(m.template_id), m.status, _links(m))
                for m in meetings
            ]

    def links(self, meeting_id: int) -> Links:
        """For the organiser who created the meeting (the home page is the organiser's)."""
        with self.db.sessie() as s:
            return _links(self._meeting(s, meeting_id))

    def via_token(self, rol: str, token: str) -> int:
        """The meeting a secret link belongs to; anything else is refused."""
        kolom = {
            "gespreksleider": Meeting.facilitator_token,
            "scherm": Meeting.projector_token,
            "notulist": Meeting.secretary_token,
        }[rol]
        with self.db.sessie() as s:
            meeting_id = s.scalar(select(Meeting.id).where(kolom == token))
        if meeting_id is None:
            raise NietGevonden("Deze link klopt niet of is verlopen. Vraag de organisator om de juiste link.")
        return meeting_id

    def via_code(self, invoer: str) -> int:
        code = codes.normaliseer_code(invoer)
        with self.db.sessie() as s:
            meeting = s.scalar(select(Meeting).where(Meeting.join_code == code))
            if meeting is None:
                raise NietGevonden(f"Er is geen overleg met de code '{code}'. Kijk nog eens op het scherm.")
            if meeting.status == "gesloten":
                raise Geweigerd("Dit overleg is afgelopen.")
            return meeting.id

    # ------------------------------------------------------------------ joining

    def aanmelden(self, meeting_id: int, naam: str, organisatie: str, domein: str, rol: str = "deelnemer") -> int:
        naam = _tekst(naam, "Je naam", MAX_NAAM, regels=False)
        organisatie = _tekst(organisatie, "De organisatie", MAX_ORGANISATIE, verplicht=False, regels=False)
        if not isinstance(domein, str) or domein not in DOMEINEN:  # a list would raise, not refuse
            raise Geweigerd("Kies een domein uit de lijst.")
        if not isinstance(rol, str) or rol not in ROLLEN:
            raise Geweigerd("Onbekende rol.")
        with self._schrijf() as s:
            meeting = self._meeting(s, meeting_id)
            if meeting.status == "gesloten":
                raise Geweigerd("Dit overleg is afgelopen.")
            if not meeting.joining_open:
                raise Geweigerd("Aanmelden is gesloten. Vraag de gespreksleider om het weer te openen.")
            deelnemer = Participant(meeting_id=meeting_id, name=naam, organisation=organisatie, domain=domein, role=rol)
            s.add(deelnemer)
            s.flush()
            deelnemer_id = deelnemer.id
            self._noteer(s, meeting_id, "deelnemers")
        return deelnemer_id

    def deelnemer(self, meeting_id: int, deelnemer_id: int) -> Deelnemer | None:
        """A remembered phone: None when it belongs to another (or a deleted) meeting."""
        with self.db.sessie() as s:
            p = s.get(Participant, deelnemer_id)
            if p is None or p.meeting_id != meeting_id:
                return None
            return _deelnemer(p)

    # ------------------------------------------------------------------ the facilitator

    def start(self, token: str) -> None:
        with self._leiding(token) as (_s, meeting):
            if meeting.status != "lobby":
                raise Geweigerd("Het overleg is al gestart.")
            meeting.status = "stappen"
            self._ga_naar(meeting, 0)

    def volgende(self, token: str) -> None:
        with self._leiding(token) as (_s, meeting):
            self._moet_bezig(meeting)
            assert meeting.current_step is not None
            if meeting.current_step + 1 >= len(meeting.steps):
                self._stop_klok(meeting.steps[meeting.current_step])
                meeting.status = "afronding"
                return
            self._ga_naar(meeting, meeting.current_step + 1)

    def vorige(self, token: str) -> None:
        with self._leiding(token) as (_s, meeting):
            if meeting.status == "afronding":
                meeting.status = "stappen"
                self._ga_naar(meeting, len(meeting.steps) - 1)
                return
            self._moet_bezig(meeting)
            if meeting.current_step == 0:
                raise Geweigerd("Dit is de eerste stap.")
            assert meeting.current_step is not None
            self._ga_naar(meeting, meeting.current_step - 1)

    def ga_naar(self, token: str, positie: int) -> None:
        with self._leiding(token) as (_s, meeting):
            if meeting.status not in ("stappen", "afronding"):
                raise Geweigerd("Start eerst het overleg.")
            if not 0 <= positie < len(meeting.steps):
                raise Geweigerd("Die stap bestaat niet.")
            meeting.status = "stappen"
            self._ga_naar(meeting, positie)

    def open_invoer(self, token: str) -> None:
        with self._leiding(token) as (_s, meeting):
            stap = self._huidige(meeting)
            if stap.status == "open":
                raise Geweigerd("De invoer staat al open.")
            if stap.status == "onthuld":
                raise Geweigerd("De uitslag is al getoond. Start een nieuwe ronde om opnieuw te stemmen.")
            stap.status = "open"

    def sluit_invoer(self, token: str) -> None:
        with self._leiding(token) as (_s, meeting):
            stap = self._huidige(meeting)
            if stap.status != "open":
                raise Geweigerd("De invoer staat niet open.")
            stap.status = "dicht"

    def onthul(self, token: str) -> None:
        with self._leiding(token) as (_s, meeting):
            stap = self._huidige(meeting)
            if stap.status == "onthuld":
                raise Geweigerd("De uitslag is al getoond.")
            if stap.status == "nog-niet":
                raise Geweigerd("Er is nog niet gestemd in deze stap.")
            stap.status = "onthuld"

    def nieuwe_ronde(self, token: str) -> None:
        """Discuss and re-vote: the same prompts again; the earlier round stays stored."""
        with self._leiding(token) as (_s, meeting):
            stap = self._huidige(meeting)
            if stap.status not in ("dicht", "onthuld"):
                raise Geweigerd("Sluit eerst de huidige ronde.")
            stap.round += 1
            stap.status = "open"

    def verleng(self, token: str, seconden: int) -> None:
        with self._leiding(token) as (_s, meeting):
            stap = self._huidige(meeting)
            stap.budget_seconds = max(60, stap.budget_seconds + seconden)

    def stel_budget(self, token: str, positie: int, minuten: int) -> None:
        if not 1 <= minuten <= MAX_MINUTEN:
            raise Geweigerd(f"Kies een tijd tussen 1 en {MAX_MINUTEN} minuten.")
        with self._leiding(token) as (_s, meeting):
            if not 0 <= positie < len(meeting.steps):
                raise Geweigerd("Die stap bestaat niet.")
            meeting.steps[positie].budget_seconds = minuten * 60

    def pauzeer(self, token: str) -> None:
        with self._leiding(token) as (_s, meeting):
            stap = self._huidige(meeting)
            if stap.running_since is None:
                raise Geweigerd("De tijd staat al stil.")
            self._stop_klok(stap)

    def hervat(self, token: str) -> None:
        with self._leiding(token) as (_s, meeting):
            stap = self._huidige(meeting)
            if stap.running_since is not None:
                raise Geweigerd("De tijd loopt al.")
            stap.running_since = self.nu()

    def aanmelden_open(self, token: str, open_: bool) -> None:
        with self._leiding(token, "deelnemers") as (_s, meeting):
            meeting.joining_open = open_

    def instellingen(self, token: str, **waarden: bool) -> None:
        velden = {
            "toon_namen": "show_names",
            "signalen_modereren": "moderate_signals",
            "auto_timer": "auto_timer",
            "auto_onthullen": "auto_reveal",
            "live_uitslag": "show_live_results",
        }
        with self._leiding(token, "instellingen") as (_s, meeting):
            for naam, waarde in waarden.items():
                if naam not in velden:
                    raise Geweigerd(f"Onbekende instelling '{naam}'.")
                setattr(meeting, velden[naam], bool(waarde))

    def beeindig(self, token: str) -> None:
        with self._leiding(token) as (_s, meeting):
            if meeting.status == "gesloten":
                raise Geweigerd("Het overleg is al afgesloten.")
            if meeting.current_step is not None:
                self._stop_klok(meeting.steps[meeting.current_step])
            for stap in meeting.steps:
                if stap.status == "open":
                    stap.status = "dicht"
            meeting.status = "gesloten"
            meeting.joining_open = False
            meeting.ended_at = self.nu()

    # ------------------------------------------------------------------ participants' input

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

    def _sla_antwoord_op(self, meeting_id: int, deelnemer_id: int, vraag_id: str, waarde: Any) -> None:
        with self._schrijf() as s:
            meeting, deelnemer = self._stemmer(s, meeting_id, deelnemer_id)
            stap, prompt = self._open_vraag(meeting, vraag_id)
            schoon = self._controleer_waarde(self._vraag(prompt), waarde)
            bestaand = s.scalar(
                select(Response).where(
                    Response.participant_id == deelnemer.id,
                    Response.prompt_id == vraag_id,
                    Response.round == stap.round,
                )
            )
            if bestaand is None:
                s.add(
                    Response(
                        meeting_id=meeting_id,
                        participant_id=deelnemer.id,
                        prompt_id=vraag_id,
                        round=stap.round,
                        value=schoon,
                    )
                )
            else:
                bestaand.value = schoon
                bestaand.updated_at = self.nu()
            s.flush()
            alles_binnen = meeting.auto_reveal and self._iedereen_geantwoord(s, meeting, stap)
            if alles_binnen:
                stap.status = "onthuld"
            self._noteer(s, meeting_id, "stap" if alles_binnen else "antwoord")

    def signaal(self, meeting_id: int, deelnemer_id: int, vraag_id: str, soort: str, tekst: str) -> int:
        tekst = _tekst(tekst, "Het signaal", MAX_SIGNAAL)
        if not isinstance(soort, str) or soort not in SIGNAALSOORTEN:
            raise Geweigerd("Kies: waarneming of duiding.")
        with self._schrijf() as s:
            meeting, deelnemer = self._stemmer(s, meeting_id, deelnemer_id, ook_niet_stemmers=True)
            _stap, prompt = self._open_vraag(meeting, vraag_id)
            if prompt.type.value != "signaal":
                raise Geweigerd("Bij deze vraag hoort geen signaal.")
            al = s.scalar(
                select(Signal.id).where(
                    Signal.meeting_id == meeting_id,
                    Signal.participant_id == deelnemer.id,
                    Signal.prompt_id == vraag_id,
                    Signal.text == tekst,
                )
            )
            if al is not None:
                # Sent again: a phone that lost its connection before it saw 'Ontvangen' (or
                # reloaded after a server restart) sends the same text once more. It was stored;
                # say so again instead of putting it on the projector twice.
                return al
            nieuw = Signal(
                meeting_id=meeting_id,
                participant_id=deelnemer.id,
                prompt_id=vraag_id,
                kind=soort,
                text=tekst,
                approved=not meeting.moderate_signals,
            )
            s.add(nieuw)
            s.flush()
            signaal_id = nieuw.id
            self._noteer(s, meeting_id, "signaal")
        return signaal_id

    def herken(self, meeting_id: int, deelnemer_id: int, signaal_id: int) -> bool:
        """Toggle 'herken ik'; returns whether it is now on."""
        with self._schrijf() as s:
            meeting, deelnemer = self._stemmer(s, meeting_id, deelnemer_id)
            signaal = s.get(Signal, signaal_id)
            if signaal is None or signaal.meeting_id != meeting_id or signaal.hidden or not signaal.approved:
                raise NietGevonden("Dat signaal bestaat niet (meer).")
            if meeting.status == "gesloten":
                raise Geweigerd("Dit overleg is afgelopen.")
            bestaand = s.scalar(
                select(SignalUpvote).where(
                    SignalUpvote.signal_id == signaal_id, SignalUpvote.participant_id == deelnemer.id
                )
            )
            if bestaand is None:
                s.add(SignalUpvote(signal_id=signaal_id, participant_id=deelnemer.id))
            else:
                s.delete(bestaand)
            self._noteer(s, meeting_id, "signaal")
        return bestaand is None

    # ------------------------------------------------------------------ moderation

    def modereer(
        self,
        token: str,
        signaal_id: int,
        *,
        verborgen: bool | None = None,
        goedgekeurd: bool | None = None,
        geverifieerd: bool | None = None,
        tekst: str | None = None,
    ) -> None:
        with self._leiding(token, "signaal") as (s, meeting):
            signaal = self._signaal(s, meeting, signaal_id)
            if verborgen is not None:
                signaal.hidden = verborgen
            if goedgekeurd is not None:
                signaal.approved = goedgekeurd
            if geverifieerd is not None:
                signaal.verified = geverifieerd
            if tekst is not None:
                signaal.text = _tekst(tekst, "Het signaal", MAX_SIGNAAL)

    def verwijder_signaal(self, token: str, signaal_id: int) -> None:
        with self._leiding(token, "signaal") as (s, meeting):
            s.delete(self._signaal(s, meeting, signaal_id))

    def voeg_samen(self, token: str, signaal_id: int, in_signaal_id: int) -> None:
        """Merge a duplicate: its 'herken ik' votes move over, its author stays on record."""
        if signaal_id == in_signaal_id:
            raise Geweigerd("Een signaal kan niet met zichzelf worden samengevoegd.")
        with self._leiding(token, "signaal") as (s, meeting):
            dubbel = self._signaal(s, meeting, signaal_id)
            doel = self._signaal(s, meeting, in_signaal_id)
            al = set(s.scalars(select(SignalUpvote.participant_id).where(SignalUpvote.signal_id == doel.id)))
            if doel.participant_id is not None:
                al.add(doel.participant_id)
            for stem in s.scalars(select(SignalUpvote).where(SignalUpvote.signal_id == dubbel.id)):
                if stem.participant_id in al:
                    s.delete(stem)
                else:
                    stem.signal_id = doel.id
                    al.add(stem.participant_id)
            if dubbel.participant_id is not None and dubbel.participant_id not in al:
                s.add(SignalUpvote(signal_id=doel.id, participant_id=dubbel.participant_id))
            dubbel.merged_into_id = doel.id
            dubbel.hidden = True

    # ------------------------------------------------------------------ reading

    def vergadering(self, meeting_id: int) -> Vergadering:
        with self.db.sessie() as s:
            meeting = self._meeting(s, meeting_id)
            template = self._template(meeting.template_id)
            stappen = tuple(self._stap(template, st) for st in meeting.steps)
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
                deelnemers=tuple(_deelnemer(p) for p in sorted(meeting.participants, key=lambda p: p.id)),
                stappen=stappen,
                versie=meeting.version,
            )

    def uitslagen(self, meeting_id: int, positie: int, *, voor_leiding: bool = False) -> list[Uitslag]:
        """Per prompt of a step: how many answered and, when allowed, the distribution.

        Blind prompts stay hidden until reveal, also for the facilitator: then nobody,
        not even the person leading, can steer the room before everyone has spoken.
        """
        with self.db.sessie() as s:
            meeting = self._meeting(s, meeting_id)
            stap = meeting.steps[positie]
            template = self._template(meeting.template_id)
            uitslagen = []
            for prompt in self._template_stap(template, stap.step_id).prompts:
                waarden = list(
                    s.scalars(
                        select(Response.value).where(
                            Response.meeting_id == meeting_id,
                            Response.prompt_id == prompt.id,
                            Response.round == stap.round,
                        )
                    )
                )
                zichtbaar = stap.status == "onthuld" or (
                    not prompt.blind and (meeting.show_live_results or voor_leiding)
                )
                vraag = self._vraag(prompt)
                telling = verdeling(vraag, waarden) if zichtbaar else {}
                uitslagen.append(Uitslag(prompt.id, stap.round, len(waarden), telling, zichtbaar))
            return uitslagen

    def mijn_antwoorden(self, meeting_id: int, deelnemer_id: int) -> dict[str, Any]:
        """The phone's own answers in the current round of each step, to rebuild after a reload."""
        with self.db.sessie() as s:
            meeting = self._meeting(s, meeting_id)
            rondes = {st.step_id: st.round for st in meeting.steps}
            template = self._template(meeting.template_id)
            ronde_van_vraag = {p.id: rondes[st.id] for st in template.stappen for p in st.prompts}
            rijen = s.execute(
                select(Response.prompt_id, Response.round, Response.value).where(
                    Response.meeting_id == meeting_id, Response.participant_id == deelnemer_id
                )
            ).all()
        return {r.prompt_id: r.value for r in rijen if ronde_van_vraag.get(r.prompt_id) == r.round}

    def nog_niet_geantwoord(self, meeting_id: int) -> list[Deelnemer]:
        """Voters without an answer to every prompt of the current step (for the facilitator)."""
        with self.db.sessie() as s:
            meeting = self._meeting(s, meeting_id)
            if meeting.current_step is None or meeting.status != "stappen":
                return []
            stap = meeting.steps[meeting.current_step]
            vragen = [p.id for p in self._prompts(meeting, stap) if vraagtype(p.type).neemt_stemmen]
            if not vragen:
                return []
            klaar = self._klaar(s, meeting, stap, vragen)
            return [_deelnemer(p) for p in meeting.participants if p.role == "deelnemer" and p.id not in klaar]

    def signalen(
        self, meeting_id: int, *, kijker: int | None = None, alles: bool = False, vraag_id: str | None = None
    ) -> list[SignaalKaart]:
        """Signal cards; `alles` (facilitator) includes hidden and unapproved ones."""
        return self.zaalsignalen(meeting_id, alles=alles, vraag_id=vraag_id).voor(kijker)

    def zaalsignalen(self, meeting_id: int, *, alles: bool = False, vraag_id: str | None = None) -> Zaalsignalen:
        """The signal cards without anyone's own marks, plus authors and recognisers."""
        with self.db.sessie() as s:
            query = (
                select(Signal, Participant)
                .outerjoin(Participant, Signal.participant_id == Participant.id)
                .where(Signal.meeting_id == meeting_id, Signal.merged_into_id.is_(None))
            )
            if vraag_id is not None:
                query = query.where(Signal.prompt_id == vraag_id)
            if not alles:
                query = query.where(Signal.hidden.is_(False), Signal.approved.is_(True))
            rijen = s.execute(query.order_by(Signal.id)).all()
            herkenners: dict[int, set[int]] = {}
            domeinen: dict[int, set[str]] = {}
            for signaal_id, deelnemer_id, domein in s.execute(
                select(SignalUpvote.signal_id, SignalUpvote.participant_id, Participant.domain)
                .join(Participant, Participant.id == SignalUpvote.participant_id)
                .where(Participant.meeting_id == meeting_id)
            ):
                herkenners.setdefault(signaal_id, set()).add(deelnemer_id)
                domeinen.setdefault(signaal_id, set()).add(domein)
            aanwezig = set(
                s.scalars(
                    select(Participant.domain).where(
                        Participant.meeting_id == meeting_id, Participant.role == "deelnemer"
                    )
                )
            )
        kaarten = tuple(
            SignaalKaart(
                id=sig.id,
                soort=sig.kind,
                tekst=sig.text,
                auteur=p.name if p else "",
                organisatie=p.organisation if p else "",
                domein=p.domain if p else "",
                herkend=len(herkenners.get(sig.id, ())),
                verborgen=sig.hidden,
                goedgekeurd=sig.approved,
                geverifieerd=sig.verified,
                vraag_id=sig.prompt_id,
                eenzijdig=overeenstemming.eenzijdige_herkenning(
                    domeinen[sig.id] | ({p.domain} if p else set()), aanwezig
                )
                if sig.id in domeinen
                else False,
            )
            for sig, p in rijen
        )
        return Zaalsignalen(
            kaarten,
            {sig.id: sig.participant_id for sig, _p in rijen},
            {i: frozenset(ids) for i, ids in herkenners.items()},
        )

    # ------------------------------------------------------------------ duiding

    def duiding(self, meeting_id: int, positie: int) -> dict[str, list[Duiding]]:
        """Per assessment prompt of a step, the agreement of every shown round (oldest first).

        Earlier rounds are always included (they were closed before the re-vote); the
        current round only once the facilitator revealed it: blind stays blind.
        """
        with self.db.sessie() as s:
            meeting = self._meeting(s, meeting_id)
            stap = meeting.steps[positie]
            laatste = stap.round if stap.status == "onthuld" else stap.round - 1
            drempels = self._drempels(meeting)
            uitkomst: dict[str, list[Duiding]] = {}
            for prompt in self._prompts(meeting, stap):
                vraag = self._vraag(prompt)
                geordend = self._geordend(vraag)
                rijen = s.execute(
                    select(Response.round, Participant.domain, Response.value)
                    .join(Participant, Participant.id == Response.participant_id)
                    .where(
                        Response.meeting_id == meeting_id, Response.prompt_id == prompt.id, Response.round <= laatste
                    )
                ).all()
                rondes = []
                for ronde in range(1, laatste + 1):
                    antwoorden = [(r.domain, r.value) for r in rijen if r.round == ronde]
                    d = beoordeel(vraag, ronde, antwoorden, geordend=geordend, drempels=drempels)
                    if d is not None:
                        rondes.append(d)
                if rondes:
                    uitkomst[prompt.id] = rondes
            return uitkomst

    def onenigheden(self, meeting_id: int) -> list[Onenigheid]:
        """The meeting's open disagreements, the most important first: divided in the last
        shown round, and not yet settled by the facilitator."""
        v = self.vergadering(meeting_id)
        vastgesteld = self.uitkomsten(meeting_id)
        lijst = []
        for stap in v.stappen:
            if stap.status == "nog-niet":
                continue
            for vraag_id, rondes in self.duiding(meeting_id, stap.positie).items():
                laatste = rondes[-1]
                if laatste.oordeel != "verdeeld" or vraag_id in vastgesteld:
                    continue
                vraag = next(q for q in stap.vragen if q.id == vraag_id)
                lijst.append(
                    Onenigheid(
                        stap.positie,
                        stap.titel,
                        vraag.id,
                        vraag.vraag,
                        laatste.ronde,
                        laatste.samenvatting,
                        laatste.gewicht,
                        laatste.lezingen,
                    )
                )
        return sorted(lijst, key=lambda o: (-o.gewicht, o.positie))

    def bespreek_opnieuw(self, token: str, positie: int) -> None:
        """'Discuss and re-vote' from the list of disagreements: go there, open round n+1."""
        with self._leiding(token) as (_s, meeting):
            if meeting.status not in ("stappen", "afronding"):
                raise Geweigerd("Start eerst het overleg.")
            if not 0 <= positie < len(meeting.steps):
                raise Geweigerd("Die stap bestaat niet.")
            stap = meeting.steps[positie]
            if stap.status == "nog-niet":
                raise Geweigerd("Over deze stap is nog niet gestemd.")
            meeting.status = "stappen"
            self._ga_naar(meeting, positie)
            stap.round += 1
            stap.status = "open"

    def stel_vast(self, token: str, vraag_id: str, optie: str | None, toelichting: str = "") -> None:
        """Record what the room settles on; without an option: no agreement, to look into."""
        toelichting = _tekst(toelichting, "De toelichting", MAX_SIGNAAL, verplicht=optie is None)
        with self._leiding(token, "besluit") as (s, meeting):
            vraag = self._vraag(self._vind_prompt(meeting, vraag_id)[1])
            if optie is not None and optie not in [str(w) for w in vraag.waarden()]:
                raise Geweigerd("Kies een van de opties van deze vraag.")
            for oud in s.scalars(
                select(Decision).where(
                    Decision.meeting_id == meeting.id,
                    Decision.prompt_id == vraag_id,
                    Decision.kind.in_(("vastgesteld", "geen-overeenstemming")),
                )
            ):
                s.delete(oud)
            titel = next((o.titel for o in vraag.opties if o.id == optie), optie)
            s.add(
                Decision(
                    meeting_id=meeting.id,
                    kind="vastgesteld" if optie is not None else "geen-overeenstemming",
                    prompt_id=vraag_id,
                    content_ref=optie,
                    text=f"vastgesteld: {titel}" if optie is not None else f"geen overeenstemming: {toelichting}",
                    reason=toelichting,
                )
            )

    def uitkomsten(self, meeting_id: int) -> dict[str, Uitkomst]:
        """What the room settled on, per prompt; later steps and the advice use this."""
        with self.db.sessie() as s:
            rijen = s.scalars(
                select(Decision)
                .where(
                    Decision.meeting_id == meeting_id,
                    Decision.kind.in_(("vastgesteld", "geen-overeenstemming")),
                )
                .order_by(Decision.id)
            )
            return {
                d.prompt_id: Uitkomst(d.prompt_id, d.content_ref, d.text, d.reason)
                for d in rijen
                if d.prompt_id is not None
            }

    def stel_drempels(self, token: str, **waarden: float) -> None:
        with self._leiding(token, "instellingen") as (_s, meeting):
            huidig = dict(meeting.thresholds or {})
            huidig.update(waarden)
            try:
                overeenstemming.Drempels(**huidig)
            except (TypeError, ValueError) as fout:
                raise Geweigerd(f"Deze drempels kloppen niet: {fout}") from None
            meeting.thresholds = huidig

    # ------------------------------------------------------------------ internals

    def _als_leiding(self, s: Session, token: str) -> Meeting:
        """The meeting this facilitator link belongs to; any other key is refused."""
        meeting = s.scalar(select(Meeting).where(Meeting.facilitator_token == str(token)))
        if meeting is None:
            raise Geweigerd(ALLEEN_LEIDING)
        return meeting

    def _leiding(self, token: str, soort: Soort = "stap") -> _Leiding:
        return _Leiding(self, token, soort)

    @contextmanager
    def _schrijf(self) -> Iterator[Session]:
        """A write transaction; the events noted in it (`_noteer`) go out once it has committed,
        so a page that hears one and reads again finds the change."""
        gebeurtenissen: list[Gebeurtenis] = []
        with self.db.sessie() as s:
            s.info[_GEBEURTENISSEN] = gebeurtenissen
            yield s
        for gebeurtenis in gebeurtenissen:
            self.publisher.publiceer(gebeurtenis)

    def _noteer(self, s: Session, meeting_id: int, soort: Soort) -> None:
        """Raise the meeting's version in this transaction and publish the event after the commit.

        The raise is one SQL expression, so two writers never hand out the same number; a read
        of the meeting in any later transaction carries a version at least this high."""
        s.execute(update(Meeting).where(Meeting.id == meeting_id).values(version=Meeting.version + 1))
        versie = s.scalar(select(Meeting.version).where(Meeting.id == meeting_id))
        s.info[_GEBEURTENISSEN].append(Gebeurtenis(meeting_id, soort, versie or 0))

    def _meeting(self, s: Session, meeting_id: int) -> Meeting:
        meeting = s.get(Meeting, meeting_id)
        if meeting is None:
            raise NietGevonden("Dit overleg bestaat niet (meer).")
        return meeting

    def _template(self, template_id: str) -> Template:
        try:
            return self.catalogus.template(template_id)
        except KeyError:
            raise NietGevonden(f"Het sjabloon '{template_id}' bestaat niet (meer).") from None

    def _template_stap(self, template: Template, stap_id: str):  # type: ignore[no-untyped-def]
        for stap in template.stappen:
            if stap.id == stap_id:
                return stap
        raise NietGevonden(f"De stap '{stap_id}' staat niet (meer) in het sjabloon.")

    def _prompts(self, meeting: Meeting, stap: StepState) -> list[Prompt]:
        return list(self._template_stap(self._template(meeting.template_id), stap.step_id).prompts)

    def _stap(self, template: Template, st: StepState) -> Stap:
        bron = self._template_stap(template, st.step_id)
        klok = Klok(
            st.budget_seconds, verbruikt(st.used_seconds, st.running_since, self.nu()), st.running_since is not None
        )
        return Stap(
            positie=st.position,
            id=st.step_id,
            titel=bron.titel,
            uitleg=bron.uitleg,
            onderdeel=bron.onderdeel.value,
            status=st.status,
            ronde=st.round,
            klok=klok,
            vragen=tuple(self._vraag(p) for p in bron.prompts),
            inhoud=tuple(Optie(i, self.catalogus.titel(i)) for i in bron.inhoud),
        )

    def _drempels(self, meeting: Meeting) -> overeenstemming.Drempels:
        return overeenstemming.Drempels(**(meeting.thresholds or {}))

    def _geordend(self, vraag: Vraag) -> bool:
        """A choice between fasen is an ordered scale: rust < ... < escalatie."""
        soorten = {self.catalogus.entries[o.id].soort for o in vraag.opties if o.id in self.catalogus.entries}
        return soorten == {"fase"}

    def _vind_prompt(self, meeting: Meeting, vraag_id: str) -> tuple[StepState, Prompt]:
        for stap in meeting.steps:
            for prompt in self._prompts(meeting, stap):
                if prompt.id == vraag_id:
                    return stap, prompt
        raise NietGevonden("Deze vraag hoort niet bij dit overleg.")

    def _vraag(self, prompt: Prompt) -> Vraag:
        return Vraag(
            id=prompt.id,
            type=prompt.type.value,
            vraag=prompt.vraag,
            opties=tuple(Optie(i, self.catalogus.titel(i)) for i in self.catalogus.opties(prompt)),
            blind=prompt.blind,
            schaal_min=prompt.schaal_min,
            schaal_max=prompt.schaal_max,
            schaal_labels=tuple(prompt.schaal_labels),
            stippen=prompt.stippen,
        )

    def _ga_naar(self, meeting: Meeting, positie: int) -> None:
        if meeting.current_step is not None:
            self._stop_klok(meeting.steps[meeting.current_step])
        meeting.current_step = positie
        stap = meeting.steps[positie]
        if stap.status == "nog-niet":
            stap.status = "open"
        if meeting.auto_timer and stap.running_since is None:
            stap.running_since = self.nu()

    def _stop_klok(self, stap: StepState) -> None:
        stap.used_seconds = verbruikt(stap.used_seconds, stap.running_since, self.nu())
        stap.running_since = None

    def _moet_bezig(self, meeting: Meeting) -> None:
        if meeting.status == "lobby":
            raise Geweigerd("Start eerst het overleg.")
        if meeting.status == "afronding":
            raise Geweigerd("Alle stappen zijn geweest; ga terug of sluit het overleg af.")
        if meeting.status == "gesloten":
            raise Geweigerd("Dit overleg is afgesloten.")

    def _huidige(self, meeting: Meeting) -> StepState:
        self._moet_bezig(meeting)
        assert meeting.current_step is not None
        return meeting.steps[meeting.current_step]

    def _stemmer(
        self, s: Session, meeting_id: int, deelnemer_id: int, ook_niet_stemmers: bool = False
    ) -> tuple[Meeting, Participant]:
        meeting = self._meeting(s, meeting_id)
        deelnemer = s.get(Participant, deelnemer_id)
        if deelnemer is None or deelnemer.meeting_id != meeting_id:
            raise Geweigerd("Je bent niet aangemeld bij dit overleg. Meld je opnieuw aan.")
        if deelnemer.role != "deelnemer" and not ook_niet_stemmers:
            raise Geweigerd("Alleen deelnemers stemmen mee.")
        return meeting, deelnemer

    def _open_vraag(self, meeting: Meeting, vraag_id: str) -> tuple[StepState, Prompt]:
        if meeting.status == "gesloten":
            raise Geweigerd("Dit overleg is afgelopen; er kan niets meer worden ingevoerd.")
        stap, prompt = self._vind_prompt(meeting, vraag_id)
        if stap.status != "open" or meeting.current_step != stap.position or meeting.status != "stappen":
            raise Geweigerd("Deze vraag is gesloten. Je antwoord is niet opgeslagen.")
        return stap, prompt

    def _controleer_waarde(self, vraag: Vraag, waarde: Any) -> Any:
        return vraag.soort.controleer(vraag, waarde)

    def _klaar(self, s: Session, meeting: Meeting, stap: StepState, vragen: list[str]) -> set[int]:
        rijen = s.execute(
            select(Response.participant_id, func.count(func.distinct(Response.prompt_id)))
            .where(Response.meeting_id == meeting.id, Response.round == stap.round, Response.prompt_id.in_(vragen))
            .group_by(Response.participant_id)
        ).all()
        return {pid for pid, n in rijen if n >= len(vragen)}

    def _iedereen_geantwoord(self, s: Session, meeting: Meeting, stap: StepState) -> bool:
        vragen = [p.id for p in self._prompts(meeting, stap) if vraagtype(p.type).neemt_stemmen]
        stemmers = {p.id for p in meeting.participants if p.role == "deelnemer"}
        return bool(vragen) and bool(stemmers) and stemmers <= self._klaar(s, meeting, stap, vragen)

    def _signaal(self, s: Session, meeting: Meeting, signaal_id: int) -> Signal:
        signaal = s.get(Signal, signaal_id)
        if signaal is None or signaal.meeting_id != meeting.id:
            raise NietGevonden("Dat signaal bestaat niet (meer).")
        return signaal

    def _vrije_code(self, s: Session) -> str:
        while True:
            code = codes.join_code()
            if s.scalar(select(Meeting.id).where(Meeting.join_code == code)) is None:
                return code


class _Leiding:
    """`with dienst._leiding(token) as (session, meeting)`: checks the facilitator link,
    commits, then publishes; a participant's id or a wrong link never gets this far."""

    def __init__(self, dienst: Dienst, token: str, soort: Soort) -> None:
        self.dienst, self.token, self.soort = dienst, token, soort

    def __enter__(self) -> tuple[Session, Meeting]:
        self._ctx = self.dienst._schrijf()
        s = self._ctx.__enter__()
        try:
            meeting = self.dienst._als_leiding(s, self.token)
        except Geweigerd:
            self._ctx.__exit__(None, None, None)
            raise
        self.meeting_id = meeting.id
        self.s = s
        return s, meeting

    def __exit__(self, exc_type, exc, tb) -> bool:  # type: ignore[no-untyped-def]
        if exc_type is None:
            self.dienst._noteer(self.s, self.meeting_id, self.soort)
        self._ctx.__exit__(exc_type, exc, tb)
        return False


def _deelnemer(p: Participant) -> Deelnemer:
    return Deelnemer(p.id, p.name, p.organisation, p.domain, p.role)


def _links(meeting: Meeting) -> Links:
    return Links(
        meeting.id, meeting.join_code, meeting.facilitator_token, meeting.projector_token, meeting.secretary_token
    )
