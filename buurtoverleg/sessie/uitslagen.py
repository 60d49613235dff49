"""Results and their reading: the counts per prompt, how far the room agrees (its oordeel:
eensgezind, dicht bij elkaar, verdeeld), the open disagreements, and what the facilitator
settled on. The signal kind 'duiding' is something else: see `signalen`."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..storage.models import Decision, Meeting, Participant, Response
from .duidingsbeeld import Duidingsbeeld, bouw
from .eenheid import Eenheid
from .fouten import Geweigerd
from .invoer import tekst as _tekst
from .oordeel import Oordeel, beoordeel
from .overeenstemming import VERDEELD
from .overgangen import Stapstatus
from .toestand import Onenigheid, Uitkomst, Uitslag, Vraag, verdeling
from .verloop import Verloop
from .voorafstand import rondes_met_vooraf

MAX_TOELICHTING = 1000
UITKOMSTSOORTEN = ("vastgesteld", "geen-overeenstemming")
"""The kinds of `Decision` row that record a settled outcome."""


def uitkomstopties(vraag: Vraag) -> dict[str, str]:
    """What the facilitator can settle a prompt on: option id (or scale value, as text) -> title."""
    return {str(w): str(w) if vraag.soort.schaal else vraag.titel_van(w) for w in vraag.waarden()}


class Uitslagen:
    def __init__(self, eenheid: Eenheid, verloop: Verloop) -> None:
        self.eenheid = eenheid
        self.verloop = verloop

    def uitslagen(self, meeting_id: int, positie: int, *, voor_leiding: bool = False) -> list[Uitslag]:
        """Per prompt of a step: how many answered and, when allowed, the distribution.

        Blind prompts stay hidden until reveal, also for the facilitator: then nobody,
        not even the person leading, can steer the room before everyone has spoken.
        """
        e = self.eenheid
        with e.lees() as s:
            meeting = e.meeting(s, meeting_id)
            stap = meeting.steps[positie]
            template = e.template(meeting.template_id)
            uitslagen = []
            for prompt in e.template_stap(template, stap.step_id).prompts:
                waarden = list(
                    s.scalars(
                        select(Response.value).where(
                            Response.meeting_id == meeting_id,
                            Response.prompt_id == prompt.id,
                            Response.round == stap.round,
                        )
                    )
                )
                zichtbaar = stap.status == Stapstatus.ONTHULD or (
                    not prompt.blind and (meeting.show_live_results or voor_leiding)
                )
                vraag = e.vraag(prompt, stap)
                telling = verdeling(vraag, waarden) if zichtbaar else {}
                uitslagen.append(Uitslag(prompt.id, stap.round, len(waarden), telling, zichtbaar))
            return uitslagen

    def oordelen(self, meeting_id: int, positie: int) -> dict[str, list[Oordeel]]:
        """Per assessment prompt of a step, the agreement of every shown round (oldest first).

        Earlier rounds are always included (they were closed before the re-vote); the
        current round only once the facilitator revealed it: blind stays blind.
        """
        e = self.eenheid
        with e.lees() as s:
            meeting = e.meeting(s, meeting_id)
            stap = meeting.steps[positie]
            laatste = stap.round if stap.status == Stapstatus.ONTHULD else stap.round - 1
            drempels = e.drempels(meeting)
            uitkomst: dict[str, list[Oordeel]] = {}
            for prompt in e.prompts(meeting, stap):
                vraag = e.vraag(prompt, stap)
                geordend = e.geordend(vraag)
                rijen = s.execute(
                    select(Response.round, Participant.domain, Response.value)
                    .join(Participant, Participant.id == Response.participant_id)
                    .where(
                        Response.meeting_id == meeting_id, Response.prompt_id == prompt.id, Response.round <= laatste
                    )
                ).all()
                rondes = []
                for ronde in rondes_met_vooraf(laatste, {r.round for r in rijen}, meeting.status):
                    antwoorden = [(r.domain, r.value) for r in rijen if r.round == ronde]
                    d = beoordeel(vraag, ronde, antwoorden, geordend=geordend, drempels=drempels)
                    if d is not None:
                        rondes.append(d)
                if rondes:
                    uitkomst[prompt.id] = rondes
            return uitkomst

    def beelden(self, meeting_id: int, positie: int) -> dict[str, Duidingsbeeld]:
        """Per assessment prompt of a step, the picture of its shown rounds (`duidingsbeeld`),
        read in one transaction with the verdicts it draws, so word and picture agree."""
        e = self.eenheid
        with e.lees() as s:
            meeting = e.meeting(s, meeting_id)
            stap = meeting.steps[positie]
            laatste = stap.round if stap.status == Stapstatus.ONTHULD else stap.round - 1
            drempels = e.drempels(meeting)
            uitkomst: dict[str, Duidingsbeeld] = {}
            for prompt in e.prompts(meeting, stap):
                vraag = e.vraag(prompt, stap)
                geordend = e.geordend(vraag)
                rijen = s.execute(
                    select(Response.round, Participant.id, Participant.name, Participant.domain, Response.value)
                    .join(Participant, Participant.id == Response.participant_id)
                    .where(
                        Response.meeting_id == meeting_id, Response.prompt_id == prompt.id, Response.round <= laatste
                    )
                    .order_by(Participant.id)
                ).all()
                antwoorden = [tuple(r) for r in rijen]
                oordelen = [
                    d
                    for ronde in rondes_met_vooraf(laatste, {a[0] for a in antwoorden}, meeting.status)
                    if (
                        d := beoordeel(
                            vraag,
                            ronde,
                            [(a[3], a[4]) for a in antwoorden if a[0] == ronde],
                            geordend=geordend,
                            drempels=drempels,
                        )
                    )
                    is not None
                ]
                beeld = bouw(
                    vraag, antwoorden, oordelen, geordend=geordend, toon_namen=meeting.show_names, drempels=drempels
                )
                if beeld is not None:
                    uitkomst[prompt.id] = beeld
            return uitkomst

    def onenigheden(self, meeting_id: int) -> list[Onenigheid]:
        """The meeting's open disagreements, the most important first: "verdeeld" in the last
        shown round, and not yet settled by the facilitator.

        "dicht bij elkaar" is not an open disagreement: a clear majority with a few one step
        away (or one domain apart, whose reading the beamer shows) is something the room can
        settle at once, not a split that needs the discussion this list orders.
        """
        v = self.verloop.vergadering(meeting_id)
        vastgesteld = self.uitkomsten(meeting_id)
        lijst = []
        for stap in v.stappen:
            if stap.status == Stapstatus.NOG_NIET:
                continue
            beelden: dict[str, Duidingsbeeld] | None = None
            for vraag_id, rondes in self.oordelen(meeting_id, stap.positie).items():
                laatste = rondes[-1]
                if laatste.oordeel != VERDEELD or vraag_id in vastgesteld:
                    continue
                if beelden is None:
                    beelden = self.beelden(meeting_id, stap.positie)
                beeld = beelden.get(vraag_id)
                vraag = next(q for q in stap.vragen if q.id == vraag_id)
                if stap.ronde > laatste.ronde and stap.status != Stapstatus.ONTHULD:
                    volgende = "nieuwe ronde"  # the room is voting again
                elif laatste.ronde <= 1:  # the first picture the room saw: live, or the pre-round (0)
                    volgende = "bespreken"
                else:
                    volgende = "uitkomst vastleggen"  # discussed and re-voted, still divided
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
                        beeld.rondes[-1].zin if beeld else laatste.samenvatting,
                        volgende,
                    )
                )
        return sorted(lijst, key=lambda o: (-o.gewicht, o.positie))

    def uitkomsten(self, meeting_id: int) -> dict[str, Uitkomst]:
        """What the room settled on, per prompt; later steps and the advice use this."""
        e = self.eenheid
        with e.lees() as s:
            rijen = s.scalars(
                select(Decision)
                .where(
                    Decision.meeting_id == meeting_id,
                    Decision.kind.in_(UITKOMSTSOORTEN),
                )
                .order_by(Decision.id)
            )
            return {
                d.prompt_id: Uitkomst(d.prompt_id, d.content_ref, d.text, d.reason)
                for d in rijen
                if d.prompt_id is not None
            }

    def stel_vast(self, s: Session, meeting: Meeting, vraag_id: str, optie: str | None, toelichting: str = "") -> None:
        """Record what the room settles on; without an option: no agreement, to look into."""
        toelichting = _tekst(toelichting, "De toelichting", MAX_TOELICHTING, verplicht=optie is None)
        e = self.eenheid
        stap, prompt = e.vind_prompt(meeting, vraag_id)
        vraag = e.vraag(prompt, stap)
        if optie is not None and optie not in uitkomstopties(vraag):
            raise Geweigerd("Kies een van de opties van deze vraag.")
        for oud in s.scalars(
            select(Decision).where(
                Decision.meeting_id == meeting.id,
                Decision.prompt_id == vraag_id,
                Decision.kind.in_(UITKOMSTSOORTEN),
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
