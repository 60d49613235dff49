"""The secretary: notes per step, the privacy choice, final versions, and the minutes model.

A mixin of `Dienst`. The secretary's actions are checked against the meeting's secretary
link, exactly as the facilitator's are against theirs; reading the minutes goes through
the same read methods the other roles use, so the minutes show what the room saw: a blind
round that was never revealed stays out until the meeting has ended.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..storage.models import Meeting, MinutesNote, MinutesVersion, Participant, Response
from .aanpak import ACTIESTATUS, ActieRegel
from .duiding import beoordeel
from .fouten import Geweigerd, NietGevonden
from .invoer import tekst as _tekst
from .notulen import (
    Aanwezigheid,
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
from .toestand import DOMEINEN, ROLLEN, Stap, Vraag, verdeling

MAX_NOTITIE = 10_000
GEWEIGERD = "Alleen de notulist mag dit doen."
SOORT_LABEL = {"oplossingsrichting": "Oplossingsrichting", "praktijkvoorbeeld": "Praktijkvoorbeeld"}


@dataclass(frozen=True)
class Versie:
    nummer: int
    gemaakt_op: datetime


class Notulist:
    """Mixed into `Dienst`; relies on its `db`, `catalogus`, `nu`, `_schrijf`, `_noteer` and read methods."""

    # ------------------------------------------------------------------ the secretary's actions

    def notitie(self, token: str, positie: int | None, tekst: str) -> None:
        """The secretary's note on a step (`positie`), or the general summary (None). Empty removes it."""
        schoon = _tekst(tekst, "De notitie", MAX_NOTITIE, verplicht=False)
        with self._notulist(token) as (s, meeting):
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
                s.add(MinutesNote(meeting_id=meeting.id, position=positie, text=schoon, updated_at=self.nu()))  # type: ignore[attr-defined]
            else:
                bestaand.text = schoon
                bestaand.updated_at = self.nu()  # type: ignore[attr-defined]

    def namen_in_notulen(self, token: str, aan: bool) -> None:
        """True: the minutes name the people present; False (default): organisations only."""
        with self._notulist(token) as (_s, meeting):
            meeting.minutes_names = bool(aan)

    def maak_definitief(self, token: str) -> int:
        """Freeze the minutes as they are now under the next version number; older ones stay."""
        with self._notulist(token, melden=False) as (_s, meeting):
            meeting_id = meeting.id
        concept = self.notulen(meeting_id)
        with self._schrijf() as s:  # type: ignore[attr-defined]
            nummer = (
                s.scalar(select(func.max(MinutesVersion.number)).where(MinutesVersion.meeting_id == meeting_id)) or 0
            ) + 1
            nu = self.nu()  # type: ignore[attr-defined]
            definitief = replace(concept, versie=nummer, gemaakt_op=nu)
            s.add(MinutesVersion(meeting_id=meeting_id, number=nummer, created_at=nu, content=definitief.to_dict()))
            try:
                s.flush()
            except IntegrityError:
                raise Geweigerd("Er werd tegelijk een andere versie gemaakt. Probeer het nog eens.") from None
            self._noteer(s, meeting_id, "notulen")  # type: ignore[attr-defined]
        return nummer

    # ------------------------------------------------------------------ reading

    def versies(self, meeting_id: int) -> list[Versie]:
        with self.db.sessie() as s:  # type: ignore[attr-defined]
            rijen = s.execute(
                select(MinutesVersion.number, MinutesVersion.created_at)
                .where(MinutesVersion.meeting_id == meeting_id)
                .order_by(MinutesVersion.number)
            ).all()
        return [Versie(r.number, r.created_at) for r in rijen]

    def notulen_versie(self, meeting_id: int, nummer: int) -> Notulen:
        with self.db.sessie() as s:  # type: ignore[attr-defined]
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
        with self.db.sessie() as s:  # type: ignore[attr-defined]
            return {
                n.position: n.text for n in s.scalars(select(MinutesNote).where(MinutesNote.meeting_id == meeting_id))
            }

    def notulen(self, meeting_id: int) -> Notulen:
        """The live draft of the minutes, compiled from what is stored now."""
        v = self.vergadering(meeting_id)  # type: ignore[attr-defined]
        with self.db.sessie() as s:  # type: ignore[attr-defined]
            meeting = self._meeting(s, meeting_id)  # type: ignore[attr-defined]
            vertrouwelijk, namen = meeting.vertrouwelijk, meeting.minutes_names
            drempels = self._drempels(meeting)  # type: ignore[attr-defined]
            vorig = s.get(Meeting, meeting.previous_meeting_id) if meeting.previous_meeting_id else None
            vorig_overleg = f"{vorig.buurt}, {vorig.datum:%d-%m-%Y}" if vorig else ""
            notities = {
                n.position: n.text for n in s.scalars(select(MinutesNote).where(MinutesNote.meeting_id == meeting_id))
            }
            antwoorden = _antwoorden(s, meeting_id)
        uitkomsten = self.uitkomsten(meeting_id)  # type: ignore[attr-defined]
        besluiten = self.besluiten(meeting_id)  # type: ignore[attr-defined]
        signalen = self.signalen(meeting_id, alles=False)  # type: ignore[attr-defined]
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
            getoond = _getoonde_rondes(stap, v.status)
            duiding = self.duiding(meeting_id, stap.positie) if stap.status != "nog-niet" else {}  # type: ignore[attr-defined]
            verslagen = []
            for vraag in stap.vragen:
                per_ronde = {r: [a for a in antwoorden.get(vraag.id, []) if a[0] == r] for r, _ in getoond}
                for ronde, _ in getoond:
                    ruw.extend(
                        RuwAntwoord(stap.positie, vraag.id, ronde, wie(pid), org, DOMEINEN.get(dom, dom), waarde)
                        for _r, pid, org, dom, waarde in per_ronde[ronde]
                    )
                verslagen.append(
                    self._vraagverslag(
                        vraag,
                        getoond,
                        per_ronde,
                        duiding.get(vraag.id, []),
                        uitkomsten.get(vraag.id),
                        sum(1 for k in signalen if k.vraag_id == vraag.id),
                        drempels,
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

        gekozen, afgewezen, beleid, lijst, communicatie, vervolg = [], [], [], [], [], []
        for b in besluiten:
            if b.soort in ("gekozen", "afgewezen"):
                soort = self.catalogus.entries[b.content_ref].soort if b.content_ref in self.catalogus.entries else ""  # type: ignore[attr-defined]
                keuze = Keuze(b.tekst, SOORT_LABEL.get(soort, "Aanpak"), b.reden)
                (gekozen if b.soort == "gekozen" else afgewezen).append(keuze)
                if b.soort == "gekozen":
                    lijst.append(Besluitregel("Gekozen aanpak", f"{keuze.soort}: {b.tekst}", b.reden))
            elif b.soort == "beleid":
                d = b.details or {}
                beleid.append(
                    Beleidsregel(
                        self.catalogus.titel(b.content_ref) if b.content_ref else b.tekst,  # type: ignore[attr-defined]
                        str(d.get("gedekt", "")),
                        _janee(d.get("voldoende")),
                        str(d.get("witte_vlekken", "")),
                        str(d.get("sectoren", "")),
                        _janee(d.get("betrokken")),
                    )
                )
            elif b.soort in ("vastgesteld", "geen-overeenstemming"):
                vraag = vragen.get(b.vraag_id or "")
                onderwerp = onderwerpen.get(b.vraag_id or "", b.vraag_id or "")
                if b.soort == "vastgesteld":
                    scheiding = " " if onderwerp.endswith("?") else ": "
                    lijst.append(
                        Besluitregel(
                            "Vastgesteld", f"{onderwerp}{scheiding}{_optietitel(vraag, b.content_ref)}", b.reden
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
            gemaakt_op=self.nu(),  # type: ignore[attr-defined]
            vorig_overleg=vorig_overleg,
            aanwezig=_aanwezigheid(v.deelnemers, namen),
            stappen=tuple(stappen),
            waarnemingen=tuple(r for r in regels if r.soort == "waarneming"),
            duidingen=tuple(r for r in regels if r.soort == "duiding"),
            gekozen=tuple(gekozen),
            afgewezen=tuple(afgewezen),
            beleid=tuple(beleid),
            besluiten=tuple(lijst),
            acties=tuple(self._actieregel(i, a) for i, a in enumerate(self.acties(meeting_id), start=1)),  # type: ignore[attr-defined]
            communicatie=tuple(communicatie),
            vervolg=tuple(vervolg),
            terugblik=tuple(self._actieregel(i, a) for i, a in enumerate(self.te_beoordelen(meeting_id), start=1)),  # type: ignore[attr-defined]
            samenvatting=notities.get(None, ""),
            antwoorden=tuple(ruw),
        )

    # ------------------------------------------------------------------ internals

    @contextmanager
    def _notulist(self, token: str, *, melden: bool = True) -> Iterator[tuple[Session, Meeting]]:
        """Checks the secretary link, commits, then publishes 'notulen'."""
        with self._schrijf() as s:  # type: ignore[attr-defined]
            meeting = s.scalar(select(Meeting).where(Meeting.secretary_token == str(token))) if token else None
            if meeting is None:
                raise Geweigerd(GEWEIGERD)
            yield s, meeting
            if melden:
                self._noteer(s, meeting.id, "notulen")  # type: ignore[attr-defined]

    def _vraagverslag(
        self,
        vraag: Vraag,
        getoond: list[tuple[int, bool]],
        per_ronde: dict[int, list[tuple[Any, ...]]],
        duidingen: list[Any],
        uitkomst: Any,
        signalen: int,
        drempels: Any,
    ) -> Vraagverslag:
        if not vraag.neemt_stemmen:
            return Vraagverslag(vraag.id, vraag.vraag, vraag.type, signalen=signalen)
        per_nummer = {d.ronde: d for d in duidingen}
        rondes, tellingen = [], []
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
                    geordend=self._geordend(vraag),
                    drempels=drempels,
                )  # type: ignore[attr-defined]
            telling = verdeling(vraag, (w for *_x, w in rijen))
            if d is not None:
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
            vastgesteld, overeenstemming, toelichting = _optietitel(vraag, uitkomst.optie), True, uitkomst.toelichting
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
            self.catalogus.titel(a.interventie) if a.interventie else "",  # type: ignore[attr-defined]
            a.toelichting,
        )


def _getoonde_rondes(stap: Stap, meeting_status: str) -> list[tuple[int, bool]]:
    """(round, shown in the room) for the rounds the minutes may show.

    Earlier rounds were closed before a re-vote; the current one counts once revealed. When
    the meeting has ended, a round that was closed but never revealed is included, marked.
    """
    if stap.status == "nog-niet":
        return []
    laatste = stap.ronde if stap.status == "onthuld" else stap.ronde - 1
    rondes = [(r, True) for r in range(1, laatste + 1)]
    if meeting_status == "gesloten" and stap.status == "dicht":
        rondes.append((stap.ronde, False))
    return rondes


def _antwoorden(s: Session, meeting_id: int) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored answer by prompt: (round, participant id, organisation, domain, value)."""
    rijen = s.execute(
        select(
            Response.prompt_id,
            Response.round,
            Participant.id,
            Participant.organisation,
            Participant.domain,
            Response.value,
        )
        .join(Participant, Participant.id == Response.participant_id)
        .where(Response.meeting_id == meeting_id)
        .order_by(Response.prompt_id, Response.round, Participant.id)
    ).all()
    per_vraag: dict[str, list[tuple[Any, ...]]] = {}
    for r in rijen:
        per_vraag.setdefault(r[0], []).append(tuple(r[1:]))
    return per_vraag


def _optietitel(vraag: Vraag | None, waarde: str | None) -> str:
    if vraag is None or waarde is None:
        return waarde or ""
    if vraag.soort.schaal:
        try:
            return vraag.titel_van(int(waarde))
        except ValueError:
            return waarde
    return vraag.titel_van(waarde)


def _janee(waarde: Any) -> str:
    return {True: "ja", False: "nee"}.get(waarde, "onbekend")


def _aanwezigheid(deelnemers: Iterable[Any], namen: bool) -> tuple[Aanwezigheid, ...]:
    groepen: dict[tuple[str, str, str], list[str]] = {}
    for d in deelnemers:
        groepen.setdefault((d.domein, d.organisatie, d.rol), []).append(d.naam)
    volgorde = list(DOMEINEN)
    rollen = list(ROLLEN)

    def sleutel(k: tuple[str, str, str]) -> tuple[int, int, str]:
        domein, organisatie, rol = k
        return (
            rollen.index(rol) if rol in rollen else 99,
            volgorde.index(domein) if domein in volgorde else 99,
            organisatie.lower(),
        )

    return tuple(
        Aanwezigheid(
            organisatie,
            DOMEINEN.get(domein, domein),
            ROLLEN.get(rol, rol),
            len(wie),
            tuple(sorted(wie, key=str.lower)) if namen else (),
        )
        for (domein, organisatie, rol), wie in sorted(groepen.items(), key=lambda kv: sleutel(kv[0]))
    )
