"""The secretary: notes per step, the privacy choice, final versions, and the minutes model.

The secretary's handle checks the meeting's secretary link, exactly as the facilitator's
handle checks theirs; reading the minutes goes through
the same read methods the other roles use, so the minutes show what the room saw: a blind
round that was never revealed stays out until the meeting has ended.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..storage.models import Meeting, MinutesNote, MinutesVersion
from . import overleggegevens
from .aanpak import ACTIESTATUS, Aanpak, ActieRegel
from .duidingsbeeld import bouw
from .eenheid import Eenheid
from .fouten import Geweigerd, NietGevonden
from .invoer import tekst as _tekst
from .notulen import (
    Actieregel,
    Afspraak,
    Beleidsregel,
    Besluitregel,
    Keuze,
    Notulen,
    Optieregel,
    Ronde,
    RuwAntwoord,
    Signaalregel,
    Stapverslag,
    Vraagverslag,
)
from .notulenregels import aanwezigheid, afgemeld, antwoorden_per_vraag, getoonde_rondes, janee, optietitel, te_laat
from .oordeel import Oordeel, beoordeel
from .signalen import Signalen
from .toestand import DOMEINEN, Vraag, verdeling
from .uitslagen import Uitslagen
from .verloop import Verloop

MAX_NOTITIE = 10_000
SOORT_LABEL = {"oplossingsrichting": "Oplossingsrichting", "praktijkvoorbeeld": "Praktijkvoorbeeld"}


@dataclass(frozen=True)
class Versie:
    nummer: int
    gemaakt_op: datetime


class Notuleren:
    """Write methods take the transaction and meeting of the secretary's handle (`rollen.Notulistrol`)."""

    def __init__(
        self, eenheid: Eenheid, verloop: Verloop, uitslagen: Uitslagen, signalen: Signalen, aanpak: Aanpak
    ) -> None:
        self.eenheid = eenheid
        self.verloop = verloop
        self.uitslagen = uitslagen
        self.signalen = signalen
        self.aanpak = aanpak

    # ------------------------------------------------------------------ the secretary's actions

    def notitie(self, s: Session, meeting: Meeting, positie: int | None, tekst: str) -> None:
        """The secretary's note on a step (`positie`), or the general summary (None). Empty removes it."""
        schoon = _tekst(tekst, "De notitie", MAX_NOTITIE, verplicht=False)
        if positie is not None and not (isinstance(positie, int) and 0 <= positie < len(meeting.steps)):
            raise Geweigerd("Die stap bestaat niet.")
        # NULL positions are not unique in SQL, so take the first summary row if ever there were two
        bestaand = s.scalars(
            select(MinutesNote)
            .where(
                MinutesNote.meeting_id == meeting.id,
                MinutesNote.position.is_(None) if positie is None else MinutesNote.position == positie,
            )
            .order_by(MinutesNote.id)
        ).first()
        if not schoon:
            if bestaand is not None:
                s.delete(bestaand)
        elif bestaand is None:
            s.add(MinutesNote(meeting_id=meeting.id, position=positie, text=schoon, updated_at=self.eenheid.nu()))
        else:
            bestaand.text = schoon
            bestaand.updated_at = self.eenheid.nu()

    def namen_in_notulen(self, s: Session, meeting: Meeting, aan: bool) -> None:
        """True: the minutes name the people present; False (default): organisations only."""
        meeting.minutes_names = bool(aan)

    def gegevens(self, s: Session, meeting: Meeting, velden: dict[str, Any]) -> None:
        """Correct plaats, voorzitter, notulist, afgemeld, begin- and eindtijd (`overleggegevens`)."""
        overleggegevens.leg_vast(meeting, velden)

    def bewaar_versie(self, s: Session, meeting: Meeting, concept: Notulen) -> int:
        """Freeze `concept` under the next version number; older versions stay."""
        nummer = (
            s.scalar(select(func.max(MinutesVersion.number)).where(MinutesVersion.meeting_id == meeting.id)) or 0
        ) + 1
        nu = self.eenheid.nu()
        definitief = replace(concept, versie=nummer, gemaakt_op=nu)
        s.add(MinutesVersion(meeting_id=meeting.id, number=nummer, created_at=nu, content=definitief.to_dict()))
        try:
            s.flush()
        except IntegrityError:
            raise Geweigerd("Er werd tegelijk een andere versie gemaakt. Probeer het nog eens.") from None
        return nummer

    # ------------------------------------------------------------------ reading

    def versies(self, meeting_id: int) -> list[Versie]:
        with self.eenheid.lees() as s:
            rijen = s.execute(
                select(MinutesVersion.number, MinutesVersion.created_at)
                .where(MinutesVersion.meeting_id == meeting_id)
                .order_by(MinutesVersion.number)
            ).all()
        return [Versie(r.number, r.created_at) for r in rijen]

    def notulen_versie(self, meeting_id: int, nummer: int) -> Notulen:
        with self.eenheid.lees() as s:
            inhoud = s.scalar(
                select(MinutesVersion.content).where(
                    MinutesVersion.meeting_id == meeting_id, MinutesVersion.number == nummer
                )
            )
        if inhoud is None:
            raise NietGevonden(f"Versie {nummer} van deze notulen bestaat niet.")
        return Notulen.from_dict(inhoud)

    def notities(self, meeting_id: int) -> dict[int | None, str]:
        """The secretary's notes by step position; None is the general summary."""
        with self.eenheid.lees() as s:
            return {
                n.position: n.text for n in s.scalars(select(MinutesNote).where(MinutesNote.meeting_id == meeting_id))
            }

    def notulen(self, meeting_id: int) -> Notulen:
        """The live draft of the minutes, compiled from what is stored now."""
        v = self.verloop.vergadering(meeting_id)
        with self.eenheid.lees() as s:
            meeting = self.eenheid.meeting(s, meeting_id)
            vertrouwelijk, namen = meeting.vertrouwelijk, meeting.minutes_names
            drempels = self.eenheid.drempels(meeting)
            vorig = s.get(Meeting, meeting.previous_meeting_id) if meeting.previous_meeting_id else None
            vorig_overleg = f"{vorig.buurt}, {vorig.datum:%d-%m-%Y}" if vorig else ""
            notities = {
                n.position: n.text for n in s.scalars(select(MinutesNote).where(MinutesNote.meeting_id == meeting_id))
            }
            antwoorden = antwoorden_per_vraag(s, meeting_id)
            details = overleggegevens.gegevens(meeting)
        uitkomsten = self.uitslagen.uitkomsten(meeting_id)
        besluiten = self.aanpak.besluiten(meeting_id)
        stippen = self.aanpak.stippen(meeting_id)  # the dots the room saw, beside what it chose
        signalen = self.signalen.signalen(meeting_id, alles=False)
        vragen = {q.id: q for st in v.stappen for q in st.vragen}
        onderwerpen = {}  # how the besluitenlijst names a prompt: its step, unless the step asks more
        for st in v.stappen:
            stemvragen = [q for q in st.vragen if q.neemt_stemmen]
            for q in stemvragen:
                onderwerpen[q.id] = st.titel if len(stemvragen) == 1 else q.vraag

        volgnummer = {d.id: i for i, d in enumerate(v.deelnemers, start=1)}
        namen_van = {d.id: d.naam for d in v.deelnemers}

        def wie(deelnemer_id: int) -> str:
            return namen_van.get(deelnemer_id, "") if namen else f"deelnemer {volgnummer.get(deelnemer_id, '?')}"

        stappen: list[Stapverslag] = []
        ruw: list[RuwAntwoord] = []
        for stap in v.stappen:
            getoond = getoonde_rondes(stap, v.status)
            oordelen = self.uitslagen.oordelen(meeting_id, stap.positie) if stap.status != "nog-niet" else {}
            verslagen = []
            for stapvraag in stap.vragen:
                per_ronde = {r: [a for a in antwoorden.get(stapvraag.id, []) if a[0] == r] for r, _ in getoond}
                for ronde, _ in getoond:
                    ruw.extend(
                        RuwAntwoord(
                            stap.positie + 1, stapvraag.id, ronde, wie(pid), org, DOMEINEN.get(dom, dom), waarde
                        )
                        for _r, pid, org, dom, waarde in per_ronde[ronde]
                    )
                verslagen.append(
                    self._vraagverslag(
                        stapvraag,
                        getoond,
                        per_ronde,
                        oordelen.get(stapvraag.id, []),
                        uitkomsten.get(stapvraag.id),
                        sum(1 for k in signalen if k.vraag_id == stapvraag.id),
                        drempels,
                        namen_van if namen else None,
                    )
                )
            stappen.append(
                Stapverslag(
                    stap.positie,
                    stap.titel,
                    stap.onderdeel,
                    stap.status,
                    tuple(verslagen),
                    notities.get(stap.positie, ""),
                )
            )

        kaarten = sorted(signalen, key=lambda k: (-k.herkend, k.id))
        regels = [
            Signaalregel(
                k.soort,
                k.tekst,
                k.herkend,
                DOMEINEN.get(k.domein, k.domein),
                k.organisatie,
                k.auteur if namen else "",
                vragen[k.vraag_id].vraag if k.vraag_id in vragen else "",
                k.geverifieerd,
            )
            for k in kaarten
        ]

        gekozen: list[Keuze] = []
        afgewezen: list[Keuze] = []
        beleid: list[Beleidsregel] = []
        lijst: list[Besluitregel] = []
        communicatie: list[Afspraak] = []
        vervolg: list[Afspraak] = []
        for b in besluiten:
            if b.soort in ("gekozen", "afgewezen"):
                soort = (
                    self.eenheid.catalogus.entries[b.content_ref].soort
                    if b.content_ref in self.eenheid.catalogus.entries
                    else ""
                )
                keuze = Keuze(b.tekst, SOORT_LABEL.get(soort, "Aanpak"), b.reden)
                (gekozen if b.soort == "gekozen" else afgewezen).append(keuze)
                if b.soort == "gekozen":
                    zaal = stippen.get(b.content_ref or "", 0)
                    tekst = f"{keuze.soort}: {b.tekst}" + (
                        f" ({zaal} {'stip' if zaal == 1 else 'stippen'} van de zaal)" if zaal else ""
                    )
                    lijst.append(Besluitregel("Gekozen aanpak", tekst, b.reden))
            elif b.soort == "beleid":
                d = b.details or {}
                beleid.append(
                    Beleidsregel(
                        self.eenheid.catalogus.titel(b.content_ref) if b.content_ref else b.tekst,
                        str(d.get("gedekt", "")),
                        janee(d.get("voldoende")),
                        str(d.get("witte_vlekken", "")),
                        str(d.get("sectoren", "")),
                        janee(d.get("betrokken")),
                    )
                )
            elif b.soort in ("vastgesteld", "geen-overeenstemming"):
                vraag = vragen.get(b.vraag_id or "")
                onderwerp = onderwerpen.get(b.vraag_id or "", b.vraag_id or "")
                if b.soort == "vastgesteld":
                    scheiding = " " if onderwerp.endswith("?") else ": "
                    lijst.append(
                        Besluitregel(
                            "Vastgesteld", f"{onderwerp}{scheiding}{optietitel(vraag, b.content_ref)}", b.reden
                        )
                    )
                else:
                    lijst.append(Besluitregel("Geen overeenstemming", onderwerp, b.reden))
            elif b.soort == "besluit":
                lijst.append(Besluitregel("Besluit", b.tekst, b.reden))
            elif b.soort == "communicatie":
                communicatie.append(Afspraak(b.tekst, b.reden))
            elif b.soort == "vervolg":
                vervolg.append(Afspraak(b.tekst, b.reden))

        return Notulen(
            meeting_id=v.id,
            buurt=v.buurt,
            datum=v.datum,
            template_titel=v.template_titel,
            vertrouwelijk=vertrouwelijk,
            namen=namen,
            status=v.status,
            gemaakt_op=self.eenheid.nu(),
            vorig_overleg=vorig_overleg,
            aanwezig=aanwezigheid(v.deelnemers, namen),
            stappen=tuple(stappen),
            waarnemingen=tuple(r for r in regels if r.soort == "waarneming"),
            duidingen=tuple(r for r in regels if r.soort == "duiding"),
            herkenning=self.signalen.herkenning(meeting_id),
            gekozen=tuple(gekozen),
            afgewezen=tuple(afgewezen),
            beleid=tuple(beleid),
            besluiten=tuple(lijst),
            acties=tuple(self._actieregel(i, a) for i, a in enumerate(self.aanpak.acties(meeting_id), start=1)),
            communicatie=tuple(communicatie),
            vervolg=tuple(vervolg),
            terugblik=tuple(
                self._actieregel(i, a) for i, a in enumerate(self.aanpak.te_beoordelen(meeting_id), start=1)
            ),
            samenvatting=notities.get(None, ""),
            antwoorden=tuple(ruw),
            plaats=details.plaats,
            voorzitter=details.voorzitter or _in_de_rol(v.deelnemers, "gespreksleider", namen),
            notulist=details.notulist or _in_de_rol(v.deelnemers, "notulist", namen),
            afgemeld=details.afgemeld,
            afwezig_met_bericht=afgemeld(v.deelnemers, namen),
            te_laat=te_laat(v.deelnemers, namen),
            begintijd=details.begintijd,
            eindtijd=details.eindtijd,
        )

    # ------------------------------------------------------------------ internals

    def _vraagverslag(
        self,
        vraag: Vraag,
        getoond: list[tuple[int, bool]],
        per_ronde: dict[int, list[tuple[Any, ...]]],
        oordelen: list[Oordeel],
        uitkomst: Any,
        signalen: int,
        drempels: Any,
        namen_van: dict[int, str] | None = None,
    ) -> Vraagverslag:
        if not vraag.neemt_stemmen:
            return Vraagverslag(vraag.id, vraag.vraag, vraag.type, signalen=signalen)
        per_nummer = {d.ronde: d for d in oordelen}
        rondes, tellingen = [], []
        beoordeeld: list[Oordeel] = []  # the rounds the picture draws (duidingsbeeld)
        for ronde, in_zaal in getoond:
            rijen = per_ronde[ronde]
            if not rijen:
                continue
            d = per_nummer.get(ronde)
            if d is None and vraag.soort.duiding is not None:
                d = beoordeel(
                    vraag,
                    ronde,
                    [(dom, w) for _r, _p, _o, dom, w in rijen],
                    geordend=self.eenheid.geordend(vraag),
                    drempels=drempels,
                )
            telling = verdeling(vraag, (w for *_x, w in rijen))
            if d is not None:
                beoordeeld.append(d)
                rondes.append(Ronde(ronde, len(rijen), d.oordeel, d.samenvatting, d.lezingen, in_zaal))
            else:
                top = max(telling.values(), default=0)
                meest = [vraag.titel_van(w) for w, n in telling.items() if n == top and top > 0]
                rondes.append(
                    Ronde(ronde, len(rijen), "", "meeste stippen: " + ", ".join(meest) if meest else "", (), in_zaal)
                )
            tellingen.append(telling)
        opties = (
            tuple(
                Optieregel(str(w), vraag.titel_van(w), tuple(t.get(w, 0) for t in tellingen)) for w in vraag.waarden()
            )
            if tellingen
            else ()
        )
        if uitkomst is None:
            vastgesteld, overeenstemming, toelichting = "", None, ""
        elif uitkomst.optie is None:
            vastgesteld, overeenstemming, toelichting = "", False, uitkomst.toelichting
        else:
            vastgesteld, overeenstemming, toelichting = optietitel(vraag, uitkomst.optie), True, uitkomst.toelichting
        beeld = bouw(
            vraag,
            [(r, a[1], (namen_van or {}).get(a[1], ""), a[3], a[4]) for r, _ in getoond for a in per_ronde[r]],
            beoordeeld,
            geordend=self.eenheid.geordend(vraag),
            toon_namen=namen_van is not None,
            drempels=drempels,
        )
        return Vraagverslag(
            vraag.id,
            vraag.vraag,
            vraag.type,
            tuple(rondes),
            opties,
            vastgesteld,
            overeenstemming,
            toelichting,
            signalen,
            beeld,
        )

    def _actieregel(self, nr: int, a: ActieRegel) -> Actieregel:
        return Actieregel(
            nr,
            a.wat,
            a.resultaat,
            a.activiteit,
            a.doelgroep,
            a.uitvoerder,
            a.coordinator,
            a.wanneer,
            a.terugkoppeling,
            ACTIESTATUS.get(a.status, a.status),
            self.eenheid.catalogus.titel(a.interventie) if a.interventie else "",
            a.toelichting,
        )


def _in_de_rol(deelnemers: Any, rol: str, namen: bool) -> str:
    """Who joined in this role when the secretary typed nobody: the name when the minutes name
    people, otherwise the organisation."""
    wie = [(d.naam if namen else d.organisatie) for d in deelnemers if d.rol == rol]
    return ", ".join(dict.fromkeys(w for w in wie if w))
