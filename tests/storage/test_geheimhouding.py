"""What the database must not keep or tell (issue 21): an edited or deleted name gone from the
files also where SQLite's `secure_delete` is off by default, and no typed text in a log line
when a write fails."""

from __future__ import annotations

import logging
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event, update
from sqlalchemy.exc import OperationalError

from buurtoverleg.samenstelling import maak_dienst
from buurtoverleg.sessie.gebeurtenissen import LokaleBus
from buurtoverleg.storage import Database, upgrade
from buurtoverleg.storage.models import Participant

NAAM = "Geheimnaam Pietje-4711 van den Berg"
KERN = b"Geheimnaam"
"""What survives of a freed record is its beginning (the new one takes the end of its space)."""
ORGANISATIE = "Geheime-organisatie-0815"


class _Iedereen:
    def erkent(self, bewijs: object) -> bool:
        return bewijs == "organisator"


def _bestanden(pad: Path) -> bytes:
    return b"".join(p.read_bytes() for p in pad.parent.glob(pad.name + "*"))


def test_bewerkte_en_verwijderde_naam_staat_niet_meer_in_de_bestanden(tmp_path, catalogus):
    pad = tmp_path / "b.sqlite"
    db = Database(f"sqlite:///{pad}")
    # SQLite's own default (Debian's build has it on): switched off before the app's own settings
    event.listen(
        db.engine, "connect", lambda verbinding, _r: verbinding.execute("PRAGMA secure_delete=OFF"), insert=True
    )
    upgrade(db.engine)
    dienst = maak_dienst(db, catalogus, LokaleBus(), organisatorcontrole=_Iedereen())
    links = dienst.aanmelding.maak("Kanaleneiland", date(2026, 11, 23), "test-kort")
    dienst.aanmelding.aanmelden(links.meeting_id, "Blijft", "", "bewoner")  # a neighbour on the same page
    deelnemer = dienst.aanmelding.aanmelden(links.meeting_id, NAAM, "Wijkteam", "bewoner")
    with db.transactie() as s:  # edited away, as a facilitator corrects a name
        s.execute(update(Participant).where(Participant.id == deelnemer).values(name="P."))
    with db.engine.connect() as verbinding:
        verbinding.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        assert verbinding.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    assert KERN not in _bestanden(pad)

    dienst.organisator("organisator").verwijder_overleg(links.meeting_id)
    db.engine.dispose()
    assert b"Blijft" not in _bestanden(pad)


def test_mislukte_schrijfactie_zet_geen_getypte_tekst_in_het_log(tmp_path, catalogus, caplog):
    pad = tmp_path / "b.sqlite"
    db = Database(f"sqlite:///{pad}", wachttijd=0.2)
    upgrade(db.engine)
    dienst = maak_dienst(db, catalogus, LokaleBus())
    links = dienst.aanmelding.maak("Kanaleneiland", date(2026, 11, 23), "test-kort")
    slot = sqlite3.connect(pad, isolation_level=None)
    slot.execute("BEGIN IMMEDIATE")  # another connection holds the write lock
    try:
        with pytest.raises(OperationalError) as fout:
            dienst.aanmelding.aanmelden(links.meeting_id, NAAM, ORGANISATIE, "bewoner")
    finally:
        slot.rollback()
        slot.close()
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("buurtoverleg.pages").exception("aanmelden ging mis", exc_info=fout.value)
    assert "locked" in caplog.text
    assert NAAM not in caplog.text
    assert ORGANISATIE not in caplog.text
