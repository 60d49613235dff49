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
and the app hands the domain an `Organisatorcontrole` that recognises it (the organiser's
handle, `rollen.Organisatorrol`, asks it on every action).

The export files and the JSON archive are the app's business: the composition root hands in an
`Archivering` (file names and bytes), so this module does not import the exporters.

SQLite keeps deleted bytes in free pages and in its write-ahead log; deleting here turns on
`secure_delete` and truncates the log afterwards, so a deleted name is gone from the files too.

"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from dateutil.relativedelta import relativedelta
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from ..storage.models import (
    Action,
    Decision,
    Meeting,
    MinutesNote,
    MinutesVersion,
    Participant,
    Response,
    Signal,
)
from .eenheid import Eenheid
from .fouten import Geweigerd
from .notulen import Notulen
from .notuleren import Notuleren
from .wissen import anonimiseer, wis

log = logging.getLogger("buurtoverleg.bewaren")

ANONIMISEREN, VERWIJDEREN = "anonimiseren", "verwijderen"
WIJZEN = (ANONIMISEREN, VERWIJDEREN)
"""What the retention period does with an old meeting; anonymising (the default) keeps the dossier."""


class Archivering(Protocol):
    """The export side, handed in by the app: every format's file name, and a file's bytes."""

    @property
    def formaten(self) -> Collection[str]: ...

    def bestandsnaam(self, notulen: Notulen, formaat: str) -> str: ...

    def bestand(self, notulen: Notulen, formaat: str) -> bytes: ...


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
    """Deleting a meeting (the organiser's handle checks the proof) and the retention period."""

    def __init__(self, eenheid: Eenheid, notuleren: Notuleren, archivering: Archivering | None) -> None:
        self.eenheid = eenheid
        self.notuleren = notuleren
        self.archivering = archivering

    # ------------------------------------------------------------------ the organiser

    def inhoud(self, meeting_id: int, exportmap: Path | str | None = None) -> Inhoud:
        """Counts only (no names): what `verwijder_overleg` would remove."""
        with self.eenheid.lees() as s:
            meeting = self.eenheid.meeting(s, meeting_id)

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

    def archief(self, meeting_id: int) -> tuple[str, bytes]:
        """The JSON archive of the meeting as it is now ("export voor verwijderen"): name and content."""
        archivering = self._archivering()
        notulen = self.notuleren.notulen(meeting_id)
        return archivering.bestandsnaam(notulen, "json"), archivering.bestand(notulen, "json")

    def verwijder_overleg(
        self, meeting_id: int, *, exportmap: Path | str | None = None, archief: Path | str | None = None
    ) -> Verwijderd:
        """Delete the meeting and everything that names or may name a person, for good.

        With `archief` (a `.json` file, or else a directory that gets the standard file name) the
        JSON archive is written first; if that fails nothing is deleted. Export files of this meeting
        in `exportmap` go too. Links with other meetings are cut cleanly: actions of an earlier meeting
        reviewed in this one lose the review note typed here, and a follow-up's final minutes keep
        their look back on this meeting's actions with the names of its people as '[naam]'.
        """
        geschreven = self._schrijf_archief(meeting_id, Path(archief), exportmap) if archief is not None else None
        with self.eenheid.schrijf() as s:
            _veilig_wissen(s)
            meeting = self.eenheid.meeting(s, meeting_id)
            buurt, datum = meeting.buurt, meeting.datum
            bestanden = self._exportbestanden(s, meeting, exportmap)
            self.eenheid.noteer(s, meeting_id, "overleg")  # while the row still exists
            rijen = wis(s, meeting_id)
            _verwijder_bestanden(bestanden)  # before the commit: if that fails, only regenerable files are gone
        _kaal_logbestand(self.eenheid.db)
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
        grens = self.eenheid.nu().date() - relativedelta(months=maanden)
        with self.eenheid.lees() as s:
            rijen = s.execute(select(Meeting.id, Meeting.datum, Meeting.ended_at).order_by(Meeting.id)).all()
        oud = [(r.id, p) for r in rijen if (p := _peildatum(r.datum, r.ended_at)) < grens]
        regels = [r for mid, peil in oud if (r := self._ruim_een_op(mid, peil, wijze, exportmap, droog))]
        if not droog and regels:
            _kaal_logbestand(self.eenheid.db)
        return Opruiming(maanden, wijze, grens, droog, tuple(regels))

    def _ruim_een_op(
        self, meeting_id: int, peildatum: date, wijze: str, exportmap: Path | str | None, droog: bool
    ) -> Opruimregel | None:
        try:
            with self.eenheid.schrijf() as s:
                _veilig_wissen(s)
                meeting = s.get(Meeting, meeting_id)
                if meeting is None:  # deleted in the meantime
                    return None
                bestanden = self._exportbestanden(s, meeting, exportmap)
                if wijze == VERWIJDEREN:
                    self.eenheid.noteer(s, meeting_id, "overleg")  # while the row exists
                    wijzigingen = wis(s, meeting_id)
                    resultaat = "verwijderd"
                else:
                    wijzigingen = anonimiseer(s, meeting)
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
                    self.eenheid.noteer(s, meeting_id, "overleg")
                _verwijder_bestanden(bestanden)
        except _Terugdraaien as terug:
            regel = terug.regel
        if wijze == ANONIMISEREN and not regel.wijzigingen and not regel.bestanden:
            return None  # anonymised before: nothing left to do
        return regel

    # ------------------------------------------------------------------ internals

    def _archivering(self) -> Archivering:
        if self.archivering is None:
            raise Geweigerd("Het archief kan in deze opstelling niet worden gemaakt.")
        return self.archivering

    def _exportbestanden(self, s: Session, meeting: Meeting, exportmap: Path | str | None) -> list[Path]:
        """The files `export.exporteer` can have written for this meeting: the draft and every version,
        in every format (their names carry the meeting's number, so another meeting's files stay)."""
        if exportmap is None or self.archivering is None:
            return []
        archivering = self.archivering
        map_ = Path(exportmap)
        hoogste = s.scalar(select(func.max(MinutesVersion.number)).where(MinutesVersion.meeting_id == meeting.id)) or 0
        nu = self.eenheid.nu()
        kaal = Notulen(meeting.id, meeting.buurt, meeting.datum, "", True, False, meeting.status, nu)
        namen = {
            archivering.bestandsnaam(replace(kaal, versie=v), f)
            for v in (None, *range(1, hoogste + 1))
            for f in archivering.formaten
        }
        return sorted(p for p in (map_ / naam for naam in namen) if p.is_file())

    def _schrijf_archief(self, meeting_id: int, pad: Path, exportmap: Path | str | None) -> Path:
        archivering = self._archivering()
        notulen = self.notuleren.notulen(meeting_id)
        doel = (
            pad
            if pad.suffix.lower() == ".json" and not pad.is_dir()
            else pad / archivering.bestandsnaam(notulen, "json")
        )
        with self.eenheid.lees() as s:
            weg = self._exportbestanden(s, self.eenheid.meeting(s, meeting_id), exportmap)
        if doel.resolve() in {p.resolve() for p in weg}:
            raise Geweigerd(
                "Dat archiefbestand zou meteen mee worden verwijderd. Kies een andere map dan de exportmap."
            )
        try:
            doel.parent.mkdir(parents=True, exist_ok=True)
            fd, tijdelijk = tempfile.mkstemp(dir=doel.parent, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(archivering.bestand(notulen, "json"))
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
    "voorafantwoorden": "voorafantwoord",
    "voorafteksten": "vooraftekst",
    "exportbestanden": "exportbestand",
    "overleggen": "overleg",
    "terugblikken": "terugblik",
    "definitieve versies": "definitieve versie",
}


def _tel(aantal: int, meervoud: str) -> str:
    """'1 deelnemer', '9 deelnemers'."""
    return f"{aantal} {ENKELVOUD.get(meervoud, meervoud) if aantal == 1 else meervoud}"
