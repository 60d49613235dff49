"""From analysis to approach: decisions, chosen and rejected proposals, SMART actions, and
the follow-up meeting that looks back on them (werkprotocol, seed 003).

The facilitator's handle checks the link and publishes; this service holds the rules.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..storage.models import Action, Decision, Meeting
from .advies import Advies, Analyse, Voorstel, adviseer
from .eenheid import Eenheid
from .fouten import Geweigerd, NietGevonden
from .invoer import tekst as _tekst
from .uitslagen import Uitslagen
from .verloop import Verloop

BESLUITSOORTEN = {
    "besluit": "Besluit",
    "gekozen": "Gekozen",
    "afgewezen": "Niet gekozen",
    "beleid": "Beleidsdiagnose",
    "communicatie": "Communicatieafspraak",
    "vervolg": "Volgende bijeenkomst",
    "vastgesteld": "Vastgesteld",
    "geen-overeenstemming": "Geen overeenstemming",
}
ACTIESTATUS = {
    "open": "open",
    "uitgevoerd": "uitgevoerd",
    "bijsturen": "bijsturen",
    "vervallen": "vervallen",
}
MAX_TEKST = 2000
MAX_WIE = 200
"""Who carries out or coordinates an action: a name or an organisation."""


@dataclass(frozen=True)
class Besluit:
    id: int
    soort: str
    tekst: str
    reden: str
    content_ref: str | None
    vraag_id: str | None
    details: dict[str, Any] | None


@dataclass(frozen=True)
class ActieRegel:
    """A SMART action (seed 003): what, result, when, activity, for whom, who, coordination, feedback."""

    id: int
    meeting_id: int
    wat: str
    resultaat: str
    wanneer: date
    activiteit: str
    doelgroep: str
    uitvoerder: str
    coordinator: str
    terugkoppeling: date | None
    status: str
    besluit_id: int | None
    interventie: str | None
    toelichting: str


ACTIEVELDEN = ("wat", "resultaat", "wanneer", "activiteit", "doelgroep", "uitvoerder", "coordinator", "terugkoppeling")


class Aanpak:
    """Write methods take the transaction and meeting of the facilitator's handle (`rollen.Leidingrol`)."""

    def __init__(self, eenheid: Eenheid, verloop: Verloop, uitslagen: Uitslagen) -> None:
        self.eenheid = eenheid
        self.verloop = verloop
        self.uitslagen = uitslagen

    def besluit(
        self,
        s: Session,
        meeting: Meeting,
        tekst: str,
        soort: str = "besluit",
        *,
        content_ref: str | None = None,
        reden: str = "",
        details: dict[str, Any] | None = None,
    ) -> int:
        if soort not in ("besluit", "communicatie", "vervolg", "beleid"):
            raise Geweigerd("Onbekende soort besluit.")
        tekst = _tekst(tekst, "Het besluit", MAX_TEKST)
        reden = _tekst(reden, "De reden", MAX_TEKST, verplicht=False)
        if content_ref is not None:
            self._content(content_ref, ("oplossingsrichting", "praktijkvoorbeeld"))
        nieuw = Decision(
            meeting_id=meeting.id, kind=soort, text=tekst, reason=reden, content_ref=content_ref, details=details
        )
        s.add(nieuw)
        s.flush()
        return nieuw.id

    def beleidsdiagnose(
        self,
        s: Session,
        meeting: Meeting,
        richting: str,
        *,
        gedekt: str,
        voldoende: bool | None,
        witte_vlekken: str,
        sectoren: str,
        betrokken: bool | None,
    ) -> int:
        """STAP 4.1 per chosen direction: what policy already covers, enough?, gaps, who is needed."""
        titel = self._content(richting, ("oplossingsrichting",))
        details = {
            "gedekt": _tekst(gedekt, "Wat al gedekt is", MAX_TEKST, verplicht=False),
            "voldoende": voldoende,
            "witte_vlekken": _tekst(witte_vlekken, "De witte vlekken", MAX_TEKST, verplicht=False),
            "sectoren": _tekst(sectoren, "De sectoren", MAX_TEKST, verplicht=False),
            "betrokken": betrokken,
        }
        oordeel = {True: "voldoende", False: "niet voldoende", None: "nog onbekend"}[voldoende]
        for oud in s.scalars(
            select(Decision).where(
                Decision.meeting_id == meeting.id, Decision.kind == "beleid", Decision.content_ref == richting
            )
        ):
            s.delete(oud)
        nieuw = Decision(
            meeting_id=meeting.id,
            kind="beleid",
            content_ref=richting,
            text=f"{titel}: huidig beleid {oordeel}",
            details=details,
        )
        s.add(nieuw)
        s.flush()
        return nieuw.id

    def kies(self, s: Session, meeting: Meeting, content_ref: str, gekozen: bool, reden: str = "") -> int:
        """Mark a proposed direction or intervention as chosen, or keep it as rejected with a reason."""
        titel = self._content(content_ref, ("oplossingsrichting", "praktijkvoorbeeld"))
        reden = _tekst(reden, "De reden", MAX_TEKST, verplicht=False)
        for oud in s.scalars(
            select(Decision).where(
                Decision.meeting_id == meeting.id,
                Decision.content_ref == content_ref,
                Decision.kind.in_(("gekozen", "afgewezen")),
            )
        ):
            if gekozen is False and s.scalar(select(Action.id).where(Action.decision_id == oud.id)):
                raise Geweigerd("Aan deze keuze hangen acties; verplaats of verwijder die eerst.")
            s.delete(oud)
        s.flush()
        nieuw = Decision(
            meeting_id=meeting.id,
            kind="gekozen" if gekozen else "afgewezen",
            content_ref=content_ref,
            text=titel,
            reason=reden,
        )
        s.add(nieuw)
        s.flush()
        return nieuw.id

    def wijzig_besluit(self, s: Session, meeting: Meeting, besluit_id: int, tekst: str) -> None:
        """Correct the text of a decision, communication agreement or next meeting; a choice or a
        settled outcome is changed by choosing or settling again, not by editing its words."""
        besluit = s.get(Decision, besluit_id)
        if besluit is None or besluit.meeting_id != meeting.id:
            raise NietGevonden("Dat besluit bestaat niet (meer).")
        if besluit.kind not in ("besluit", "communicatie", "vervolg"):
            raise Geweigerd("Een keuze of vastgestelde uitkomst verander je door opnieuw te kiezen of vast te stellen.")
        besluit.text = _tekst(tekst, "Het besluit", MAX_TEKST)

    def verwijder_besluit(self, s: Session, meeting: Meeting, besluit_id: int) -> None:
        besluit = s.get(Decision, besluit_id)
        if besluit is None or besluit.meeting_id != meeting.id:
            raise NietGevonden("Dat besluit bestaat niet (meer).")
        s.delete(besluit)

    def besluiten(self, meeting_id: int) -> list[Besluit]:
        with self.eenheid.lees() as s:
            return [
                Besluit(d.id, d.kind, d.text, d.reason, d.content_ref, d.prompt_id, d.details)
                for d in s.scalars(select(Decision).where(Decision.meeting_id == meeting_id).order_by(Decision.id))
            ]

    def analyse(self, meeting_id: int) -> Analyse:
        """What the room established, as content ids: a recorded outcome first, else the
        leaning of the last shown round (median fase; options chosen by at least half)."""
        soort_veld = {
            "fase": "fase",
            "verschijningsvorm": "verschijningsvormen",
            "locatie": "locaties",
            "oorzaak": "oorzaken",
            "doelgroep": "doelgroepen",
            "sentiment": "sentimenten",
            "trigger": "triggers",
            "actor": "actoren",
        }
        gevonden: dict[str, list[str]] = {veld: [] for veld in soort_veld.values()}
        uitkomsten = self.uitslagen.uitkomsten(meeting_id)
        v = self.verloop.vergadering(meeting_id)
        for stap in v.stappen:
            if stap.status == "nog-niet":
                continue
            uitslagen = {u.vraag_id: u for u in self.uitslagen.uitslagen(meeting_id, stap.positie, voor_leiding=True)}
            oordelen = self.uitslagen.oordelen(meeting_id, stap.positie)
            for vraag in stap.vragen:
                soorten = {self.eenheid.catalogus.get(o.id).soort for o in vraag.opties}
                if len(soorten) != 1 or next(iter(soorten)) not in soort_veld or vraag.soort.prioriteit:
                    continue
                veld = soort_veld[next(iter(soorten))]
                if vraag.id in uitkomsten:
                    if (optie := uitkomsten[vraag.id].optie) is not None and optie:
                        gevonden[veld].append(optie)
                    continue
                typisch = oordelen[vraag.id][-1].typisch if vraag.id in oordelen else None
                if vraag.soort.enkelvoudig and typisch:
                    gevonden[veld].append(typisch)
                    continue
                uitslag = uitslagen.get(vraag.id)
                if uitslag and uitslag.zichtbaar and uitslag.aantal:
                    gevonden[veld] += [o for o, n in uitslag.verdeling.items() if n * 2 >= uitslag.aantal]
        fase = gevonden.pop("fase")
        return Analyse(
            fase=fase[-1] if fase else None, **{veld: tuple(dict.fromkeys(ids)) for veld, ids in gevonden.items()}
        )

    def advies(self, meeting_id: int) -> Advies:
        return adviseer(self.eenheid.catalogus, self.analyse(meeting_id))

    def voorstellen(self, meeting_id: int) -> list[Voorstel]:
        """The proposals to choose from, best first, each with its one-line description and
        at most three reasons.

        The advice ranks directions and interventions from the analysis; the room's
        dot-votes come on top as the first reason, so the room's priority is visible."""
        stippen = self.stippen(meeting_id, voor_leiding=True)
        advies = self.advies(meeting_id)
        richtingen = sorted(advies.richtingen, key=lambda r: -stippen.get(r.id, 0))
        voorstellen = [replace(r, redenen=_zaal(stippen, r.id) + r.redenen[:3]) for r in richtingen]
        passend = [p for p in advies.praktijkvoorbeelden if p.past][:10]
        # an example the room put dots on stays, also when the advice now ranks it lower
        gestemd = [p for p in advies.praktijkvoorbeelden if stippen.get(p.id) and p not in passend]
        voorstellen += [replace(p, redenen=_zaal(stippen, p.id) + p.redenen[:3]) for p in passend + gestemd]
        return voorstellen

    def stippen(self, meeting_id: int, *, voor_leiding: bool = False) -> dict[str, int]:
        """Dot-votes per option over the latest round of every dot-voting prompt. The room (the
        beamer) sees only counts that were shown; a blind vote stays blind until its reveal."""
        totaal: dict[str, int] = {}
        v = self.verloop.vergadering(meeting_id)
        for stap in v.stappen:
            if not any(q.soort.prioriteit for q in stap.vragen) or stap.status == "nog-niet":
                continue
            for uitslag in self.uitslagen.uitslagen(meeting_id, stap.positie, voor_leiding=voor_leiding):
                vraag = next(q for q in stap.vragen if q.id == uitslag.vraag_id)
                if vraag.soort.prioriteit:
                    for optie, aantal in uitslag.verdeling.items():
                        totaal[optie] = totaal.get(optie, 0) + aantal
        return totaal

    # ------------------------------------------------------------------ actions

    def actie(self, s: Session, meeting: Meeting, velden: dict[str, Any], besluit_id: int | None = None) -> int:
        schoon = self._actievelden(velden)
        self._check_besluit(s, meeting, besluit_id)
        nieuw = Action(meeting_id=meeting.id, decision_id=besluit_id, **schoon)
        s.add(nieuw)
        s.flush()
        return nieuw.id

    def wijzig_actie(
        self, s: Session, meeting: Meeting, actie_id: int, velden: dict[str, Any], besluit_id: int | None = None
    ) -> None:
        schoon = self._actievelden(velden)
        actie = self._eigen_actie(s, meeting, actie_id)
        self._check_besluit(s, meeting, besluit_id)
        for naam, waarde in schoon.items():
            setattr(actie, naam, waarde)
        actie.decision_id = besluit_id

    def verwijder_actie(self, s: Session, meeting: Meeting, actie_id: int) -> None:
        s.delete(self._eigen_actie(s, meeting, actie_id))

    def acties(self, meeting_id: int) -> list[ActieRegel]:
        with self.eenheid.lees() as s:
            rijen = s.execute(
                select(Action, Decision.content_ref)
                .outerjoin(Decision, Decision.id == Action.decision_id)
                .where(Action.meeting_id == meeting_id)
                .order_by(Action.wanneer, Action.id)
            ).all()
            return [_regel(a, ref) for a, ref in rijen]

    # ------------------------------------------------------------------ follow-up meeting

    def te_beoordelen(self, meeting_id: int) -> list[ActieRegel]:
        """The actions of the previous meeting(s) that a follow-up meeting reviews first."""
        with self.eenheid.lees() as s:
            meeting = s.get(Meeting, meeting_id)
            if meeting is None:
                raise NietGevonden("Dit overleg bestaat niet (meer).")
            if meeting.previous_meeting_id is None:
                return []
            rijen = s.execute(
                select(Action, Decision.content_ref)
                .outerjoin(Decision, Decision.id == Action.decision_id)
                .where(Action.meeting_id == meeting.previous_meeting_id)
                .where((Action.status.in_(("open", "bijsturen"))) | (Action.reviewed_in_id == meeting_id))
                .order_by(Action.wanneer, Action.id)
            ).all()
            return [_regel(a, ref) for a, ref in rijen]

    def beoordeel_actie(self, s: Session, meeting: Meeting, actie_id: int, status: str, toelichting: str = "") -> None:
        """uitgevoerd? resultaat zichtbaar? bijsturen? — recorded on the action itself."""
        if status not in ACTIESTATUS:
            raise Geweigerd("Kies: open, uitgevoerd, bijsturen of vervallen.")
        toelichting = _tekst(toelichting, "De toelichting", MAX_TEKST, verplicht=False)
        actie = s.get(Action, actie_id)
        if actie is None or actie.meeting_id != meeting.previous_meeting_id:
            raise NietGevonden("Die actie hoort niet bij het vorige overleg.")
        actie.status = status
        actie.review_note = toelichting
        actie.reviewed_in_id = meeting.id

    # ------------------------------------------------------------------ internals

    def _content(self, content_ref: str, soorten: tuple[str, ...]) -> str:
        entry = self.eenheid.catalogus.entries.get(content_ref)
        if entry is None or entry.soort not in soorten:
            raise Geweigerd("Dat voorstel staat niet in de catalogus.")
        return entry.titel

    def _actievelden(self, velden: dict[str, Any]) -> dict[str, Any]:
        onbekend = set(velden) - set(ACTIEVELDEN)
        if onbekend:
            raise Geweigerd(f"Onbekende velden: {', '.join(sorted(onbekend))}.")
        vandaag = self.eenheid.nu().date()
        wanneer = _datum(velden.get("wanneer"), "Wanneer moet het af zijn")
        if wanneer is None:
            raise Geweigerd("Vul in wanneer de actie af moet zijn.")
        if wanneer < vandaag:
            raise Geweigerd(f"De datum {wanneer:%d-%m-%Y} ligt in het verleden. Kies vandaag of later.")
        terug = _datum(velden.get("terugkoppeling"), "De terugkoppeldatum")
        if terug is not None and terug < vandaag:
            raise Geweigerd(f"De terugkoppeldatum {terug:%d-%m-%Y} ligt in het verleden.")
        if terug is not None and terug < wanneer:
            raise Geweigerd(
                f"De terugkoppeling ({terug:%d-%m-%Y}) ligt vóór de datum waarop de actie af is "
                f"({wanneer:%d-%m-%Y}). Kies die datum of later."
            )
        schoon: dict[str, Any] = {
            naam: _tekst(velden.get(naam, ""), label, MAX_TEKST, verplicht=naam in ("wat", "uitvoerder"))
            for naam, label in (
                ("wat", "Wat er gebeurt"),
                ("resultaat", "Het beoogde resultaat"),
                ("activiteit", "De activiteit"),
                ("doelgroep", "Op wie het gericht is"),
                ("uitvoerder", "Wie het uitvoert"),
                ("coordinator", "Wie coördineert"),
            )
        }
        if len(schoon["uitvoerder"]) > MAX_WIE or len(schoon["coordinator"]) > MAX_WIE:
            raise Geweigerd(f"Een naam of organisatie mag hoogstens {MAX_WIE} tekens zijn.")
        schoon["wanneer"] = wanneer
        schoon["terugkoppeling"] = terug
        return schoon

    def _check_besluit(self, s: Session, meeting: Meeting, besluit_id: int | None) -> None:
        if besluit_id is None:
            return
        besluit = s.get(Decision, besluit_id)
        if besluit is None or besluit.meeting_id != meeting.id or besluit.kind != "gekozen":
            raise Geweigerd("Koppel de actie aan een gekozen aanpak van dit overleg.")

    def _eigen_actie(self, s: Session, meeting: Meeting, actie_id: int) -> Action:
        actie = s.get(Action, actie_id)
        if actie is None or actie.meeting_id != meeting.id:
            raise NietGevonden("Die actie bestaat niet (meer).")
        return actie


def _zaal(stippen: dict[str, int], content_id: str) -> tuple[str, ...]:
    """The room's dots as the first reason of a proposal, when it has any."""
    aantal = stippen.get(content_id, 0)
    return (f"{aantal} {'stip' if aantal == 1 else 'stippen'} van de zaal",) if aantal else ()


def _regel(a: Action, interventie: str | None) -> ActieRegel:
    return ActieRegel(
        a.id,
        a.meeting_id,
        a.wat,
        a.resultaat,
        a.wanneer,
        a.activiteit,
        a.doelgroep,
        a.uitvoerder,
        a.coordinator,
        a.terugkoppeling,
        a.status,
        a.decision_id,
        interventie,
        a.review_note,
    )


def _datum(waarde: Any, wat: str) -> date | None:
    if waarde in (None, ""):
        return None
    if isinstance(waarde, date):
        return waarde
    try:
        return date.fromisoformat(str(waarde))
    except ValueError:
        raise Geweigerd(f"{wat}: '{str(waarde)[:20]}' is geen datum (jjjj-mm-dd).") from None
