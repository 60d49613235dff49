"""Signals: what participants saw (waarneming) or how they read it (duiding, the signal kind),
'herken ik', and the facilitator's moderation."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..storage.models import Meeting, Participant, Signal, SignalUpvote
from . import herkenning, overeenstemming
from .eenheid import Eenheid
from .fouten import Geweigerd, NietGevonden
from .herkenning import Herkenningsbeeld
from .invoer import tekst as _tekst
from .overgangen import Overlegstatus
from .redelijk import controleer_signaal
from .rolcontrole import als_deelnemer
from .toestand import SIGNAALSOORTEN, SignaalKaart, Zaalsignalen
from .vraagtypen import vraagtype

MAX_SIGNAAL = 1000


class Signalen:
    def __init__(self, eenheid: Eenheid) -> None:
        self.eenheid = eenheid

    # ------------------------------------------------------------------ a phone

    def signaal(self, meeting_id: int, deelnemer_id: int, vraag_id: str, soort: str, tekst: str) -> int:
        tekst = _tekst(tekst, "Het signaal", MAX_SIGNAAL)
        if not isinstance(soort, str) or soort not in SIGNAALSOORTEN:
            raise Geweigerd("Kies: waarneming of duiding.")
        e = self.eenheid
        with e.schrijf() as s:
            meeting, deelnemer = als_deelnemer(s, meeting_id, deelnemer_id, ook_niet_stemmers=True)
            stap, prompt = e.open_vraag(meeting, vraag_id)
            if not vraagtype(prompt.type).neemt_signalen:
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
            nu = e.nu()
            controleer_signaal(s, meeting_id, deelnemer.id, [p.id for p in e.prompts(meeting, stap)], nu)
            nieuw = Signal(
                meeting_id=meeting_id,
                participant_id=deelnemer.id,
                prompt_id=vraag_id,
                kind=soort,
                text=tekst,
                approved=not meeting.moderate_signals,
                created_at=nu,
            )
            s.add(nieuw)
            s.flush()
            signaal_id = nieuw.id
            e.noteer(s, meeting_id, "signaal")
        return signaal_id

    def herken(self, meeting_id: int, deelnemer_id: int, signaal_id: int, herkent: bool = True) -> bool:
        """Toggle 'herken ik' (or, with ``herkent=False``, 'herken ik niet'); returns whether
        that mark is now on. The two exclude each other: one mark per participant per signal,
        so tapping the other one switches it over."""
        e = self.eenheid
        with e.schrijf() as s:
            meeting, deelnemer = als_deelnemer(s, meeting_id, deelnemer_id)
            signaal = s.get(Signal, signaal_id)
            if signaal is None or signaal.meeting_id != meeting_id or signaal.hidden or not signaal.approved:
                raise NietGevonden("Dat signaal bestaat niet (meer).")
            if meeting.status == Overlegstatus.GESLOTEN:
                raise Geweigerd("Dit overleg is afgelopen.")
            bestaand = s.scalar(
                select(SignalUpvote).where(
                    SignalUpvote.signal_id == signaal_id, SignalUpvote.participant_id == deelnemer.id
                )
            )
            if bestaand is None:
                s.add(SignalUpvote(signal_id=signaal_id, participant_id=deelnemer.id, recognised=herkent))
                aan = True
            elif bestaand.recognised != herkent:
                bestaand.recognised = herkent
                aan = True
            else:
                s.delete(bestaand)
                aan = False
            e.noteer(s, meeting_id, "signaal")
        return aan

    # ------------------------------------------------------------------ moderation (the facilitator's handle checks the link)

    def modereer(
        self,
        s: Session,
        meeting: Meeting,
        signaal_id: int,
        *,
        verborgen: bool | None = None,
        goedgekeurd: bool | None = None,
        geverifieerd: bool | None = None,
        tekst: str | None = None,
    ) -> None:
        signaal = _signaal(s, meeting, signaal_id)
        if verborgen is not None:
            signaal.hidden = verborgen
        if goedgekeurd is not None:
            signaal.approved = goedgekeurd
        if geverifieerd is not None:
            signaal.verified = geverifieerd
        if tekst is not None:
            signaal.text = _tekst(tekst, "Het signaal", MAX_SIGNAAL)

    def verwijder_signaal(self, s: Session, meeting: Meeting, signaal_id: int) -> None:
        s.delete(_signaal(s, meeting, signaal_id))

    def voeg_samen(self, s: Session, meeting: Meeting, signaal_id: int, in_signaal_id: int) -> None:
        """Merge a duplicate: its 'herken ik' votes move over, its author stays on record."""
        if signaal_id == in_signaal_id:
            raise Geweigerd("Een signaal kan niet met zichzelf worden samengevoegd.")
        dubbel = _signaal(s, meeting, signaal_id)
        doel = _signaal(s, meeting, in_signaal_id)
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

    def signalen(
        self, meeting_id: int, *, kijker: int | None = None, alles: bool = False, vraag_id: str | None = None
    ) -> list[SignaalKaart]:
        """Signal cards; `alles` (facilitator) includes hidden and unapproved ones."""
        return self.zaalsignalen(meeting_id, alles=alles, vraag_id=vraag_id).voor(kijker)

    def zaalsignalen(self, meeting_id: int, *, alles: bool = False, vraag_id: str | None = None) -> Zaalsignalen:
        """The signal cards without anyone's own marks, plus authors and recognisers."""
        with self.eenheid.lees() as s:
            # plain rows, not ORM objects: every signal in a room of 200 reads the whole list again
            query = (
                select(
                    Signal.id,
                    Signal.kind,
                    Signal.text,
                    Signal.hidden,
                    Signal.approved,
                    Signal.verified,
                    Signal.prompt_id,
                    Signal.participant_id,
                    Participant.name,
                    Participant.organisation,
                    Participant.domain,
                )
                .outerjoin(Participant, Signal.participant_id == Participant.id)
                .where(Signal.meeting_id == meeting_id, Signal.merged_into_id.is_(None))
            )
            if vraag_id is not None:
                query = query.where(Signal.prompt_id == vraag_id)
            if not alles:
                query = query.where(Signal.hidden.is_(False), Signal.approved.is_(True))
            rijen = s.execute(query.order_by(Signal.id)).all()
            herkenners: dict[int, set[int]] = {}
            niet_herkenners: dict[int, set[int]] = {}
            domeinen: dict[int, set[str]] = {}
            for signaal_id, deelnemer_id, domein, herkent in s.execute(
                select(SignalUpvote.signal_id, SignalUpvote.participant_id, Participant.domain, SignalUpvote.recognised)
                .join(Participant, Participant.id == SignalUpvote.participant_id)
                .where(Participant.meeting_id == meeting_id)
            ):
                if not herkent:
                    niet_herkenners.setdefault(signaal_id, set()).add(deelnemer_id)
                    continue
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
                auteur=sig.name or "",
                organisatie=sig.organisation or "",
                domein=sig.domain or "",
                herkend=len(herkenners.get(sig.id, ())),
                niet_herkend=len(niet_herkenners.get(sig.id, ())),
                verborgen=sig.hidden,
                goedgekeurd=sig.approved,
                geverifieerd=sig.verified,
                vraag_id=sig.prompt_id,
                eenzijdig=overeenstemming.eenzijdige_herkenning(
                    domeinen[sig.id] | ({sig.domain} if sig.domain is not None else set()), aanwezig
                )
                if sig.id in domeinen
                else False,
            )
            for sig in rijen
        )
        return Zaalsignalen(
            kaarten,
            {sig.id: sig.participant_id for sig in rijen},
            {i: frozenset(ids) for i, ids in herkenners.items()},
            {i: frozenset(ids) for i, ids in niet_herkenners.items()},
        )

    def herkenning(self, meeting_id: int) -> Herkenningsbeeld:
        """Which domains recognise which of the room's signals (`herkenning`): shown ones only."""
        with self.eenheid.lees() as s:
            rijen = s.execute(
                select(Signal.id, Signal.kind, Signal.text, Participant.domain)
                .outerjoin(Participant, Signal.participant_id == Participant.id)
                .where(
                    Signal.meeting_id == meeting_id,
                    Signal.merged_into_id.is_(None),
                    Signal.hidden.is_(False),
                    Signal.approved.is_(True),
                )
                .order_by(Signal.id)
            ).all()
            markeringen = s.execute(
                select(SignalUpvote.signal_id, Participant.domain, SignalUpvote.recognised)
                .join(Participant, Participant.id == SignalUpvote.participant_id)
                .where(Participant.meeting_id == meeting_id)
            ).all()
            aanwezig = set(
                s.scalars(
                    select(Participant.domain).where(
                        Participant.meeting_id == meeting_id, Participant.role == "deelnemer"
                    )
                )
            )
        return herkenning.bouw(
            [(r.id, r.kind, r.text, r.domain) for r in rijen],
            [(m.signal_id, m.domain, m.recognised) for m in markeringen],
            aanwezig,
        )


def _signaal(s: Session, meeting: Meeting, signaal_id: int) -> Signal:
    signaal = s.get(Signal, signaal_id)
    if signaal is None or signaal.meeting_id != meeting.id:
        raise NietGevonden("Dat signaal bestaat niet (meer).")
    return signaal
