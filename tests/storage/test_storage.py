"""Storage: migrations on a fresh file, data kept across restarts, models round-trip."""

from __future__ import annotations

import threading
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from buurtoverleg.content import laad
from buurtoverleg.samenstelling import maak_dienst
from buurtoverleg.sessie.gebeurtenissen import LokaleBus
from buurtoverleg.storage import Database, DatabaseBezet, upgrade
from buurtoverleg.storage.models import Action, Decision, Meeting, Participant, Response, Signal, StepState
from tests.conftest import TEST_INHOUD


@pytest.mark.alleen_sqlite
def test_verse_database_krijgt_het_hele_schema_met_wal_en_foreign_keys(tmp_path: Path):
    db = Database(f"sqlite:///{tmp_path / 'nieuw' / 'b.sqlite'}")
    upgrade(db.engine)
    tabellen = set(inspect(db.engine).get_table_names())
    assert {
        "meeting",
        "participant",
        "step_state",
        "response",
        "signal",
        "decision",
        "action",
        "alembic_version",
    } <= tabellen
    with db.engine.connect() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert c.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_modellen_gaan_heen_en_terug(db):
    with db.transactie() as s:
        m = Meeting(
            buurt="Oost",
            datum=date(2026, 5, 1),
            template_id="t",
            join_code="ACD",
            facilitator_token="f",
            projector_token="p",
            secretary_token="n",
        )
        m.steps = [StepState(position=0, step_id="s", budget_seconds=60)]
        m.participants = [Participant(name="Één Ëllen", organisation="Politie", domain="politie")]
        s.add(m)
        s.flush()
        pid = m.participants[0].id
        s.add(Response(meeting_id=m.id, participant_id=pid, prompt_id="q", value={"a": 2}))
        s.add(Signal(meeting_id=m.id, participant_id=pid, prompt_id="q", kind="duiding", text="€ 5 — ‘quote’"))
        besluit = Decision(meeting_id=m.id, kind="besluit", text="We starten een buurtgesprek")
        s.add(besluit)
        s.flush()
        s.add(
            Action(
                meeting_id=m.id, decision_id=besluit.id, wat="Gesprek", wanneer=date(2026, 6, 1), uitvoerder="Wijkagent"
            )
        )
    with db.transactie() as s:
        m = s.scalar(select(Meeting))
        assert m.participants[0].name == "Één Ëllen" and m.steps[0].budget_seconds == 60
        assert s.scalar(select(Response.value)) == {"a": 2}
        assert s.scalar(select(Signal.text)) == "€ 5 — ‘quote’"
        assert s.scalar(select(Action.uitvoerder)) == "Wijkagent"
        s.delete(m)
    with db.transactie() as s:  # deleting a meeting removes everything that names a person
        assert s.scalar(select(Participant)) is None and s.scalar(select(Signal)) is None


def test_herstart_vindt_het_overleg_waar_het_was(database_url: str):
    from tests.conftest import Nepklok

    url = database_url
    catalogus = laad(TEST_INHOUD)
    klok = Nepklok()
    eerst = Database(url)
    upgrade(eerst.engine)
    dienst = maak_dienst(eerst, catalogus, LokaleBus(), klok=klok)
    links = dienst.aanmelding.maak("West", date(2026, 11, 23), "test-kort")
    a = dienst.aanmelding.aanmelden(links.meeting_id, "Ali", "Jongerenwerk", "jongerenwerk")
    dienst.leiding(links.facilitator_token).start()
    dienst.leiding(links.facilitator_token).volgende()
    dienst.deelnemer(links.meeting_id, a).antwoord("test-ernst", 4)
    klok.verder(90)
    eerst.engine.dispose()

    tweede = Database(url)
    upgrade(tweede.engine)  # a second start on the same file migrates nothing away
    klok.verder(10)
    opnieuw = maak_dienst(tweede, catalogus, LokaleBus(), klok=klok)
    v = opnieuw.lezen.vergadering(links.meeting_id)
    assert (v.status, v.huidige) == ("stappen", 1)
    assert v.stappen[1].klok.verbruikt == 100 and v.stappen[1].klok.loopt
    assert opnieuw.deelnemer(links.meeting_id, a).mijn_antwoorden() == {"test-ernst": 4}
    assert opnieuw.aanmelding.aangemeld(links.meeting_id, a).naam == "Ali"


@pytest.mark.alleen_sqlite
def test_schrijvers_van_dit_proces_wachten_op_elkaar_niet_op_sqlite(tmp_path: Path):
    """Writes of this process queue on one lock; one that waits too long is refused, not lost."""
    db = Database(f"sqlite:///{tmp_path / 'slot.sqlite'}", wachttijd=0.3)
    upgrade(db.engine)
    bezig, klaar = threading.Event(), threading.Event()
    volgorde: list[str] = []

    def eerste() -> None:
        with db.transactie() as s:
            s.add(_overleg("Eerste"))
            s.flush()  # its first write: from here it holds the lock, as SQLite would
            bezig.set()
            klaar.wait(5)
            volgorde.append("eerste")

    draad = threading.Thread(target=eerste)
    draad.start()
    assert bezig.wait(5)
    t0 = time.monotonic()
    with db.transactie() as s:  # reads run beside it
        assert s.scalars(select(Meeting.buurt)).all() == []
    with pytest.raises(DatabaseBezet):  # the first still writes: a write is refused after `wachttijd`
        with db.transactie() as s:
            s.add(_overleg("Te laat"))
    assert 0.25 <= time.monotonic() - t0 < 2.0
    tweede = threading.Thread(target=lambda: _schrijf_tweede(db, volgorde))
    tweede.start()
    time.sleep(0.05)
    klaar.set()  # the first commits; the second starts at once and is not refused
    draad.join(5)
    tweede.join(5)
    assert volgorde == ["eerste", "tweede"]
    with db.lees() as s:
        assert sorted(s.scalars(select(Meeting.buurt))) == ["Eerste", "Tweede"]


def _schrijf_tweede(db: Database, volgorde: list[str]) -> None:
    with db.transactie() as s:
        s.add(_overleg("Tweede"))
        s.flush()
        volgorde.append("tweede")


def _overleg(buurt: str) -> Meeting:
    return Meeting(
        buurt=buurt,
        datum=date(2026, 11, 23),
        template_id="t",
        join_code=buurt[:6],
        facilitator_token=buurt + "f",
        projector_token=buurt + "p",
        secretary_token=buurt + "n",
    )
