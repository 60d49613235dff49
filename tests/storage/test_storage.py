"""Storage: migrations on a fresh file, data kept across restarts, models round-trip."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from buurtoverleg.content import laad
from buurtoverleg.samenstelling import maak_dienst
from buurtoverleg.sessie.gebeurtenissen import LokaleBus
from buurtoverleg.storage import Database, upgrade
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
