"""Keeping and removing meetings: the AVG/GDPR side of the dossier.

A meeting holds personal data: who came (names), what they typed (signals, which may name
residents), how each of them voted, and the secretary's notes. Two ways out, both here:

- `verwijder_overleg`: the organiser deletes a meeting with everything that belongs to it,
  including the export files the app wrote for it, optionally after writing the JSON archive.
- `ruim_op`: the retention period. Meetings older than N months are deleted, or anonymised:
  names become "Deelnemer 3", the text of signals and the secretary's notes go, while counts,
  organisations, domains, answers, decisions and actions stay, so the municipality keeps its
  dossier without the people in it.

Only the organiser may delete. The facilitator link is handed around a room and must not be
enough to erase a dossier; the organiser proof is the one the home page keeps in the session,
and the app hands the domain an `Organisatorcontrole` that recognises it.

SQLite keeps deleted bytes in free pages and in its write-ahead log; deleting here turns on
`secure_delete` and truncates the log afterwards, so a deleted name is gone from the files too.

A mixin of `Dienst`; relies on its `db`, `nu`, `_meeting` and `notulen`.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from dateutil.relativedelta import relativedelta
from sqlalchemy import delete, func, or_, select, text, update
from sqlalchemy.orm import Session

from ..export import FORMATEN, bestandsnaam, bouw
from ..instellingen import BEWAARWIJZEN
from ..storage.models import (
    Action,
    Decision,
    Meeting,
    MinutesNote,
    MinutesVersion,
    Participant,
    Response,
    Signal,
    SignalUpvote,
    StepState,
)
from .fouten import Geweigerd
from .notulen import Notulen

log = logging.getLogger("buurtoverleg.bewaren")

WIJZEN = BEWAARWIJZEN
"""What the retention period does with an old meeting; anonymising (the default) keeps the dossier."""
ANONIMISEREN, VERWIJDEREN = "anonimiseren", "verwijderen"

WEGGEHAALD = "(tekst verwijderd na de bewaartermijn)"
"""What an anonymised signal says instead of what a participant typed."""
LABEL = "Deelnemer {nr}"
"""The neutral name an anonymised participant gets, numbered as in the minutes."""
IS_LABEL = re.compile(r"Deelnemer \d+")
ONBEKEND = "[naam]"
"""A name part two participants shared: replaced, but it cannot say which of them it was."""
GEWEIGERD = "Alleen de organisator mag dit doen. Log in op de startpagina."


class Organisatorcontrole(Protocol):
    """Recognises the organiser's proof (see `toegang.Organisator.erkent`)."""

    def erkent(self, bewijs: object) -> bool: ...


@dataclass(frozen=True)
class Inhoud:
    """What deleting a meeting removes, to say so before the organiser confirms."""

    meeting_id: int
    buurt: str
    datum: date
    deelnemers: int
    antwoorden: int
    signalen: int
    besluiten: int
    acties: int
    notities: int
    versies: int
    bestanden: tuple[str, ...] = ()

    def regels(self) -> list[str]:
        """One Dutch line per kind of data, for the confirmation dialog."""
        return [
            f"{_tel(self.deelnemers, 'deelnemers')} met naam, organisatie en domein",
            f"{_tel(self.antwoorden, 'antwoorden')} (stemmen per ronde)",
            f"{_tel(self.signalen, 'signalen')} met hun 'herken ik'",
            f"{_tel(self.besluiten, 'besluiten')} en {_tel(self.acties, 'acties')}",
            f"{_tel(self.notities, 'notities')} van de notulist en {_tel(self.versies, 'definitieve versies')} van de notulen",
            f"{_tel(len(self.bestanden), 'exportbestanden')} in de exportmap",
        ]


@dataclass(frozen=True)
class Verwijderd:
    meeting_id: int
    buurt: str
    datum: date
    rijen: dict[str, int]
    """Rows removed per kind ('deelnemers', 'signalen', ...)."""
    bestanden: tuple[Path, ...]
    archief: Path | None


@dataclass(frozen=True)
class Opruimregel:
    meeting_id: int
    buurt: str
    datum: date
    peildatum: date
    """The meeting's date or, when later, the day it ended: what the retention period counts from."""
    wijze: str
    wijzigingen: dict[str, int]
    """Per kind of data, how many rows were (or would be) removed or made anonymous."""
    bestanden: tuple[Path, ...] = ()


@dataclass(frozen=True)
class Opruiming:
    maanden: int
    wijze: str
    grens: date
    """Meetings whose `peildatum` lies before this day are old."""
    droog: bool
    regels: tuple[Opruimregel, ...] = field(default_factory=tuple)


class _Terugdraaien(Exception):
    """Raised inside a dry run's transaction so that it rolls back; carries what it would have done."""

    def __init__(self, regel: Opruimregel) -> None:
        super().__init__()
        self.regel = regel


class Bewaren:
    """Mixed into `Dienst`: deleting a meeting (organiser only) and the retention period."""

    organisatorcontrole: Organisatorcontrole | None = None
    """Set by the app's wiring; without it nobody is the organiser and nothing can be deleted."""

    # ------------------------------------------------------------------ the organiser

    def inhoud(self, meeting_id: int, exportmap: Path | str | None = None) -> Inhoud:
        """Counts only (no names): what `verwijder_overleg` would remove."""
        with self.db.sessie() as s:  # type: ignore[attr-defined]
            meeting = self._meeting(s, meeting_id)  # type: ignore[attr-defined]

            def tel(model: Any) -> int:
                return s.scalar(select(func.count()).select_from(model).where(model.meeting_id == meeting_id)) or 0

            return Inhoud(
                meeting_id,
                meeting.buurt,
                meeting.datum,
                tel(Participant),
                tel(Response),
                tel(Signal),
                tel(Decision),
                tel(Action),
                tel(MinutesNote),
                tel(MinutesVersion),
                tuple(p.name for p in self._exportbestanden(s, meeting, exportmap)),
            )

    def archief(self, bewijs: object, meeting_id: int) -> tuple[str, bytes]:
        """The JSON archive of the meeting as it is now ("export voor verwijderen"): name and content."""
        self._moet_organisator(bewijs)
        notulen = self.notulen(meeting_id)  # type: ignore[attr-defined]
        return bestandsnaam(notulen, "json"), bouw(notulen, "json")

    def verwijder_overleg(
        self, bewijs: object, meeting_id: int, *, exportmap: Path | str | None = None, archief: Path | str | None = None
    ) -> Verwijderd:
        """Delete the meeting and everything that names or may name a person, for good.

        With `archief` (a `.json` file, or else a directory that gets the standard file name) the
        JSON archive is written first; if that fails nothing is deleted. Export files of this meeting
        in `exportmap` go too. Links with other meetings are cut cleanly: actions of an earlier meeting
        reviewed in this one lose the review note typed here, and a follow-up's final minutes keep
        their look back on this meeting's actions with the names of its people as '[naam]'.
        """
        self._moet_organisator(bewijs)
        geschreven = self._schrijf_archief(meeting_id, Path(archief), exportmap) if archief is not None else None
        with self._schrijf() as s:  # type: ignore[attr-defined]
            _veilig_wissen(s)
            meeting = self._meeting(s, meeting_id)  # type: ignore[attr-defined]
            buurt, datum = meeting.buurt, meeting.datum
            bestanden = self._exportbestanden(s, meeting, exportmap)
            self._noteer(s, meeting_id, "overleg")  # type: ignore[attr-defined]  # while the row still exists
            rijen = _wis(s, meeting_id)
            _verwijder_bestanden(bestanden)  # before the commit: if that fails, only regenerable files are gone
        _kaal_logbestand(self.db)  # type: ignore[attr-defined]
        log.info("overleg %s (%s, %s) verwijderd door de organisator", meeting_id, buurt, datum.isoformat())
        return Verwijderd(meeting_id, buurt, datum, rijen, tuple(bestanden), geschreven)

    # ------------------------------------------------------------------ the retention period

    def ruim_op(
        self, maanden: int, wijze: str = ANONIMISEREN, *, exportmap: Path | str | None = None, droog: bool = False
    ) -> Opruiming:
        """Delete or anonymise every meeting older than `maanden` months; `droog` only tells.

        A dry run does the very same work inside a transaction that is rolled back, and touches
        no files, so what it reports is exactly what a real run would do.
        """
        if isinstance(maanden, bool) or not isinstance(maanden, int) or maanden < 1:
            raise Geweigerd("De bewaartermijn is een heel aantal maanden, minstens 1.")
        if wijze not in WIJZEN:
            raise Geweigerd("Kies bij bewaren: verwijderen of anonimiseren.")
        grens = self.nu().date() - relativedelta(months=maanden)  # type: ignore[attr-defined]
        with self.db.sessie() as s:  # type: ignore[attr-defined]
            rijen = s.execute(select(Meeting.id, Meeting.datum, Meeting.ended_at).order_by(Meeting.id)).all()
        oud = [(r.id, p) for r in rijen if (p := _peildatum(r.datum, r.ended_at)) < grens]
        regels = [r for mid, peil in oud if (r := self._ruim_een_op(mid, peil, wijze, exportmap, droog))]
        if not droog and regels:
            _kaal_logbestand(self.db)  # type: ignore[attr-defined]
        return Opruiming(maanden, wijze, grens, droog, tuple(regels))

    def _ruim_een_op(
        self, meeting_id: int, peildatum: date, wijze: str, exportmap: Path | str | None, droog: bool
    ) -> Opruimregel | None:
        try:
            with self._schrijf() as s:  # type: ignore[attr-defined]
                _veilig_wissen(s)
                meeting = s.get(Meeting, meeting_id)
                if meeting is None:  # deleted in the meantime
                    return None
                bestanden = self._exportbestanden(s, meeting, exportmap)
                if wijze == VERWIJDEREN:
                    self._noteer(s, meeting_id, "overleg")  # type: ignore[attr-defined]  # while the row exists
                    wijzigingen = _wis(s, meeting_id)
                    resultaat = "verwijderd"
                else:
                    wijzigingen = _anonimiseer(s, meeting)
                    resultaat = "geanonimiseerd"
                regel = Opruimregel(
                    meeting_id,
                    meeting.buurt,
                    meeting.datum,
                    peildatum,
                    resultaat,
                    {k: n for k, n in wijzigingen.items() if n},
                    tuple(bestanden),
                )
                if droog:
                    raise _Terugdraaien(regel)  # rolled back: no event goes out either
                if wijze == ANONIMISEREN and (regel.wijzigingen or regel.bestanden):
                    self._noteer(s, meeting_id, "overleg")  # type: ignore[attr-defined]
                _verwijder_bestanden(bestanden)
        except _Terugdraaien as terug:
            regel = terug.regel
        if wijze == ANONIMISEREN and not regel.wijzigingen and not regel.bestanden:
            return None  # anonymised before: nothing left to do
        return regel

    # ------------------------------------------------------------------ internals

    def _moet_organisator(self, bewijs: object) -> None:
        controle = self.organisatorcontrole
        if controle is None or not controle.erkent(bewijs):
            raise Geweigerd(GEWEIGERD)

    def _exportbestanden(self, s: Session, meeting: Meeting, exportmap: Path | str | None) -> list[Path]:
        """The files `export.exporteer` can have written for this meeting: the draft and every version,
        in every format (their names carry the meeting's number, so another meeting's files stay)."""
        if exportmap is None:
            return []
        map_ = Path(exportmap)
        hoogste = s.scalar(select(func.max(MinutesVersion.number)).where(MinutesVersion.meeting_id == meeting.id)) or 0
        nu = self.nu()  # type: ignore[attr-defined]
        kaal = Notulen(meeting.id, meeting.buurt, meeting.datum, "", True, False, meeting.status, nu)
        namen = {bestandsnaam(replace(kaal, versie=v), f) for v in (None, *range(1, hoogste + 1)) for f in FORMATEN}
        return sorted(p for p in (map_ / naam for naam in namen) if p.is_file())

    def _schrijf_archief(self, meeting_id: int, pad: Path, exportmap: Path | str | None) -> Path:
        notulen = self.notulen(meeting_id)  # type: ignore[attr-defined]
        doel = pad if pad.suffix.lower() == ".json" and not pad.is_dir() else pad / bestandsnaam(notulen, "json")
        with self.db.sessie() as s:  # type: ignore[attr-defined]
            weg = self._exportbestanden(s, self._meeting(s, meeting_id), exportmap)  # type: ignore[attr-defined]
        if doel.resolve() in {p.resolve() for p in weg}:
            raise Geweigerd(
                "Dat archiefbestand zou meteen mee worden verwijderd. Kies een andere map dan de exportmap."
            )
        try:
            doel.parent.mkdir(parents=True, exist_ok=True)
            fd, tijdelijk = tempfile.mkstemp(dir=doel.parent, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(bouw(notulen, "json"))
                os.replace(tijdelijk, doel)
            except BaseException:
                Path(tijdelijk).unlink(missing_ok=True)
                raise
        except OSError as fout:
            raise Geweigerd(
                f"Het archief kon niet worden geschreven ({fout.strerror or fout}); er is niets verwijderd."
            ) from None
        return doel


# ---------------------------------------------------------------------- deleting


def _wis(s: Session, meeting_id: int) -> dict[str, int]:
    """Every row of the meeting, child tables first; does not rely on the database's cascades."""
    deelnemers = select(Participant.id).where(Participant.meeting_id == meeting_id)
    signalen = select(Signal.id).where(Signal.meeting_id == meeting_id)
    geteld: dict[str, int] = {}

    def weg(soort: str | None, opdracht: Any) -> None:
        n = s.execute(opdracht, execution_options={"synchronize_session": False}).rowcount  # type: ignore[attr-defined]
        if soort:
            geteld[soort] = n

    weg(
        "herkenningen",
        delete(SignalUpvote).where(
            or_(SignalUpvote.signal_id.in_(signalen), SignalUpvote.participant_id.in_(deelnemers))
        ),
    )
    weg(
        "antwoorden",
        delete(Response).where(or_(Response.meeting_id == meeting_id, Response.participant_id.in_(deelnemers))),
    )
    weg(None, update(Signal).where(Signal.meeting_id == meeting_id).values(merged_into_id=None))
    weg("signalen", delete(Signal).where(Signal.meeting_id == meeting_id))
    weg(None, update(Action).where(Action.reviewed_in_id == meeting_id).values(reviewed_in_id=None, review_note=""))
    weg("acties", delete(Action).where(Action.meeting_id == meeting_id))
    weg("besluiten", delete(Decision).where(Decision.meeting_id == meeting_id))
    weg("notities", delete(MinutesNote).where(MinutesNote.meeting_id == meeting_id))
    weg("versies", delete(MinutesVersion).where(MinutesVersion.meeting_id == meeting_id))
    namen = list(s.scalars(select(Participant.name).where(Participant.meeting_id == meeting_id)))
    weg("deelnemers", delete(Participant).where(Participant.meeting_id == meeting_id))
    weg(None, delete(StepState).where(StepState.meeting_id == meeting_id))
    geteld["terugblikken"] = _vervolgversies(s, meeting_id, namen)
    weg(None, update(Meeting).where(Meeting.previous_meeting_id == meeting_id).values(previous_meeting_id=None))
    weg(None, delete(Meeting).where(Meeting.id == meeting_id))
    return geteld


def _vervolgversies(s: Session, meeting_id: int, namen: list[str]) -> int:
    """A follow-up meeting's final minutes freeze this meeting's actions in their 'terugblik',
    with whatever names were typed in them; there those names become '[naam]'. Only that
    section: the same people often attend the follow-up, and its own record stays as it was."""
    vervang = _namenvervanger([(naam, ONBEKEND) for naam in namen if not IS_LABEL.fullmatch(naam)])
    vervolg = select(Meeting.id).where(Meeting.previous_meeting_id == meeting_id)
    veranderd = 0
    for versie in s.scalars(select(MinutesVersion).where(MinutesVersion.meeting_id.in_(vervolg))):
        terugblik = versie.content.get("terugblik")
        nieuw = _overal(terugblik, vervang)
        if nieuw != terugblik:
            versie.content = {**versie.content, "terugblik": nieuw}
            veranderd += 1
    return veranderd


def _verwijder_bestanden(bestanden: list[Path]) -> None:
    for pad in bestanden:
        pad.unlink(missing_ok=True)


def _veilig_wissen(s: Session) -> None:
    """SQLite: overwrite deleted content with zeros instead of leaving it in free pages."""
    if s.get_bind().dialect.name == "sqlite":
        s.execute(text("PRAGMA secure_delete = ON"))


def _kaal_logbestand(db: Any) -> None:
    """SQLite in WAL mode: copy the changes into the database file and empty the log, so no old
    page with a deleted name stays behind in it. Best effort: an open reader can postpone it."""
    if db.engine.dialect.name != "sqlite":
        return
    with db.engine.connect() as verbinding:
        bezet = verbinding.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()
    if bezet and bezet[0]:
        log.warning("het SQLite-logbestand kon nog niet worden geleegd (in gebruik); SQLite overschrijft het later")


def _peildatum(datum: date, ended_at: Any) -> date:
    return max(datum, ended_at.date()) if ended_at is not None else datum


# ---------------------------------------------------------------------- anonymising


def _anonimiseer(s: Session, meeting: Meeting) -> dict[str, int]:
    """Names become 'Deelnemer n' (numbered as in the minutes), signal texts and the secretary's
    notes go; counts, organisations, domains, answers, decisions and actions stay, with the
    participants' names replaced wherever they were typed. Running it again changes nothing."""
    deelnemers = list(
        s.scalars(select(Participant).where(Participant.meeting_id == meeting.id).order_by(Participant.id))
    )
    labels = {p.id: LABEL.format(nr=i) for i, p in enumerate(deelnemers, start=1)}
    oude_namen = [(p.name, labels[p.id]) for p in deelnemers]
    vervang = _namenvervanger(oude_namen)
    telling = {
        "namen": 0,
        "signaalteksten": 0,
        "notities": 0,
        "besluiten": 0,
        "acties": 0,
        "versies": 0,
        "terugblikken": 0,
    }

    for p in deelnemers:
        if p.name != labels[p.id]:
            p.name = labels[p.id]
            telling["namen"] += 1
    for signaal in s.scalars(select(Signal).where(Signal.meeting_id == meeting.id)):
        if signaal.text != WEGGEHAALD:
            signaal.text = WEGGEHAALD
            telling["signaalteksten"] += 1
    telling["notities"] = s.execute(
        delete(MinutesNote).where(MinutesNote.meeting_id == meeting.id),
        execution_options={"synchronize_session": False},
    ).rowcount  # type: ignore[attr-defined]
    for besluit in s.scalars(select(Decision).where(Decision.meeting_id == meeting.id)):
        telling["besluiten"] += _vervang_velden(besluit, ("text", "reason", "details"), vervang)
    acties = select(Action).where(or_(Action.meeting_id == meeting.id, Action.reviewed_in_id == meeting.id))
    for actie in s.scalars(acties):
        telling["acties"] += _vervang_velden(
            actie, ("wat", "resultaat", "activiteit", "doelgroep", "uitvoerder", "coordinator", "review_note"), vervang
        )
    for versie in s.scalars(select(MinutesVersion).where(MinutesVersion.meeting_id == meeting.id)):
        nieuw = _anonieme_versie(versie.content, vervang)
        if nieuw != versie.content:
            versie.content = nieuw
            telling["versies"] += 1
    telling["terugblikken"] = _vervolgversies(s, meeting.id, [naam for naam, _label in oude_namen])
    meeting.show_names = False
    meeting.minutes_names = False
    return telling


_LENGTE = {"uitvoerder": 200, "coordinator": 200}
"""Columns with a length limit that a longer label must not overrun."""


def _vervang_velden(rij: Any, velden: tuple[str, ...], vervang: Callable[[str], str]) -> int:
    """Replace names in these columns of one row; 1 when anything changed."""
    veranderd = 0
    for veld in velden:
        oud = getattr(rij, veld)
        nieuw = _overal(oud, vervang)
        if isinstance(nieuw, str) and veld in _LENGTE:
            nieuw = nieuw[: _LENGTE[veld]]
        if nieuw != oud:
            setattr(rij, veld, nieuw)
            veranderd = 1
    return veranderd


def _anonieme_versie(inhoud: dict[str, Any], vervang: Callable[[str], str]) -> dict[str, Any]:
    """A frozen version of the minutes with the same clearing as the live meeting."""
    n = Notulen.from_dict(inhoud)

    def zonder_tekst(regels: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(replace(r, tekst=WEGGEHAALD, auteur="") for r in regels)

    n = replace(
        n,
        namen=False,
        samenvatting="",
        aanwezig=tuple(replace(a, namen=()) for a in n.aanwezig),
        stappen=tuple(replace(st, notitie="") for st in n.stappen),
        waarnemingen=zonder_tekst(n.waarnemingen),
        duidingen=zonder_tekst(n.duidingen),
    )
    return _overal(n.to_dict(), vervang)


def _overal(waarde: Any, vervang: Callable[[str], str]) -> Any:
    """Apply `vervang` to every string inside (JSON-like) data; keys stay."""
    if isinstance(waarde, str):
        return vervang(waarde)
    if isinstance(waarde, list | tuple):
        return [_overal(w, vervang) for w in waarde]
    if isinstance(waarde, dict):
        return {k: _overal(v, vervang) for k, v in waarde.items()}
    return waarde


def _namenvervanger(namen: list[tuple[str, str]]) -> Callable[[str], str]:
    """Replace participants' names typed anywhere by their label, as whole words, any case:
    the full name, and each capitalised part of at least three letters ('Ans de Vries' also
    'Ans' and 'Vries'). A part two people share becomes '[naam]', as it cannot say who."""
    doelen: dict[str, str] = {}
    delen: dict[str, set[str]] = {}
    for naam, label in namen:
        naam = naam.strip()
        if len(naam) < 2 or naam == label:
            continue
        doelen.setdefault(naam.lower(), label)
        for deel in naam.split():
            if len(deel) >= 3 and deel[0].isupper():
                delen.setdefault(deel.lower(), set()).add(label)
    for deel, wie in delen.items():
        doelen.setdefault(deel, next(iter(wie)) if len(wie) == 1 else ONBEKEND)
    if not doelen:
        return lambda tekst: tekst
    patroon = re.compile(
        "|".join(rf"(?<!\w){re.escape(d)}(?!\w)" for d in sorted(doelen, key=len, reverse=True)), re.IGNORECASE
    )
    return lambda tekst: patroon.sub(lambda m: doelen.get(m.group(0).lower(), ONBEKEND), tekst)


# ---------------------------------------------------------------------- reporting


def verslag(o: Opruiming) -> list[str]:
    """Dutch lines for the log and for `buurtoverleg opruimen`: one per meeting, and a total."""
    regels = [f"Bewaartermijn {o.maanden} maanden ({o.wijze}): overleggen van vóór {o.grens:%d-%m-%Y}."]
    if not o.regels:
        return [*regels, "Er is niets op te ruimen."]
    for r in o.regels:
        wat = [_tel(n, soort) for soort, n in r.wijzigingen.items()]
        if r.bestanden:
            wat.append(_tel(len(r.bestanden), "exportbestanden"))
        werkwoord = f"wordt {r.wijze}" if o.droog else r.wijze
        regels.append(f"  overleg {r.meeting_id} · {r.buurt} · {r.datum:%d-%m-%Y}: {werkwoord} ({', '.join(wat)})")
    aantal = _tel(len(o.regels), "overleggen")
    if o.droog:
        regels.append(
            f"Droog: er is niets veranderd; {aantal} {'zou' if len(o.regels) == 1 else 'zouden'} "
            f"worden {o.regels[0].wijze}."
        )
    else:
        regels.append(f"{aantal} {o.regels[0].wijze}.")
    return regels


ENKELVOUD = {
    "deelnemers": "deelnemer",
    "antwoorden": "antwoord",
    "signalen": "signaal",
    "herkenningen": "herkenning",
    "besluiten": "besluit",
    "acties": "actie",
    "notities": "notitie",
    "versies": "versie",
    "namen": "naam",
    "signaalteksten": "signaaltekst",
    "exportbestanden": "exportbestand",
    "overleggen": "overleg",
    "terugblikken": "terugblik",
    "definitieve versies": "definitieve versie",
}


def _tel(aantal: int, meervoud: str) -> str:
    """'1 deelnemer', '9 deelnemers'."""
    return f"{aantal} {ENKELVOUD.get(meervoud, meervoud) if aantal == 1 else meervoud}"
