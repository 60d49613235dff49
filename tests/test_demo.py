"""`buurtoverleg demo`: simulated participants that join, answer and disagree, driven only by
the meeting's events, through the domain, against a real SQLite file."""

from __future__ import annotations

import asyncio
import os
import random
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from nicegui.testing import User

from buurtoverleg.app import Context
from buurtoverleg.content import Catalogus
from buurtoverleg.demo import OEFENSJABLOON, oefenoverleg
from buurtoverleg.samenstelling import maak_dienst
from buurtoverleg.sessie.dienst import Dienst
from buurtoverleg.sessie.gebeurtenissen import LokaleBus
from buurtoverleg.simulatie import PERSONAS, SIGNALEN, Simulatie, Tempo
from buurtoverleg.storage import Database
from tests.pages.hulp import klik

SNEL = Tempo(aanmelden=(0.0, 0.05), antwoord=(0.0, 0.1), signaal=(0.0, 0.1), herken=(0.0, 0.05), wekker=60.0)
"""Short delays; a wake-up of a minute, so every reaction in these tests must come from an event."""
LIVE = 100


async def _tot(voorwaarde: Callable[[], bool], seconden: float = 15.0) -> None:
    """Wait until `voorwaarde()` (a domain read, run off the loop) holds."""
    eind = time.monotonic() + seconden
    while time.monotonic() < eind:
        if await asyncio.to_thread(voorwaarde):
            return
        await asyncio.sleep(0.02)
    raise AssertionError("de gesimuleerde deelnemers reageerden niet op tijd")


async def _hartslag(gaten: list[float], stop: asyncio.Event) -> None:
    """Records how late a 10 ms sleep wakes up: a blocked event loop shows as a long gap."""
    while not stop.is_set():
        begin = time.monotonic()
        await asyncio.sleep(0.01)
        gaten.append(time.monotonic() - begin)


def _simulatie(dienst: Dienst, meeting_id: int, tempo: Tempo = SNEL) -> Simulatie:
    simulatie = Simulatie(dienst, meeting_id, tempo=tempo, rng=random.Random(9))
    assert isinstance(dienst.publisher, LokaleBus)
    dienst.publisher.abonneer(simulatie.gebeurd)
    return simulatie


async def test_gesimuleerde_deelnemers_doen_het_hele_overleg_verdeeld(dienst: Dienst):
    links = await asyncio.to_thread(oefenoverleg, dienst)
    m, t = links.meeting_id, links.facilitator_token
    simulatie = _simulatie(dienst, m)
    gaten: list[float] = []
    stop = asyncio.Event()
    hartslag = asyncio.create_task(_hartslag(gaten, stop))
    taak = asyncio.create_task(simulatie.speel())

    await _tot(lambda: len(dienst.lezen.vergadering(m).deelnemers) == len(PERSONAS))
    v = await asyncio.to_thread(dienst.lezen.vergadering, m)
    assert v.template_id == OEFENSJABLOON and all(s.klok.budget == 60 for s in v.stappen)
    assert {d.domein for d in v.deelnemers} == {
        "gemeente",
        "politie",
        "welzijn",
        "jongerenwerk",
        "woningcorporatie",
        "bewoner",
    }

    # step 1, the case: signals, seen (waarneming) and meant (duiding), recognised unevenly
    await asyncio.to_thread(dienst.leiding(t).start)
    herkenningen = sum(len(s.herkenners) for s in SIGNALEN)
    # every signal in, and every recognition: a signal nobody recognises can come in after the last one
    await _tot(
        lambda: (
            len(kaarten := dienst.lezen.signalen(m)) == len(SIGNALEN)
            and sum(k.herkend for k in kaarten) == herkenningen
        )
    )
    kaarten = await asyncio.to_thread(dienst.lezen.signalen, m)
    assert len(kaarten) == len(SIGNALEN)
    assert {k.soort for k in kaarten} == {"waarneming", "duiding"}
    eenzijdig = [k for k in kaarten if k.eenzijdig]
    assert [(k.domein, k.tekst[:9]) for k in eenzijdig] == [("gemeente", "Grof vuil")]

    # step 2, the phase: blind, then revealed: divided, police and youth work two phases apart
    await asyncio.to_thread(dienst.leiding(t).volgende)
    await _tot(lambda: not dienst.lezen.nog_niet_geantwoord(m))
    await asyncio.to_thread(dienst.leiding(t).onthul)
    ronde1 = (await asyncio.to_thread(dienst.lezen.oordelen, m, 1))["oefen1-fase-vraag"][-1]
    assert ronde1.oordeel == "verdeeld" and ronde1.aantal == len(PERSONAS)
    assert "Jongerenwerk: ongemak · Politie: incidenten" in [d.tekst for d in ronde1.verschillen]

    # discussed and voted again: most move to onderhuidse spanningen, the police stays apart:
    # close together (5 of 7, the rest one phase further), never "eensgezind" while the police
    # reads it differently
    await asyncio.to_thread(dienst.leiding(t).nieuwe_ronde)
    await _tot(lambda: not dienst.lezen.nog_niet_geantwoord(m))
    await asyncio.to_thread(dienst.leiding(t).onthul)
    rondes = (await asyncio.to_thread(dienst.lezen.oordelen, m, 1))["oefen1-fase-vraag"]
    assert [r.oordeel for r in rondes] == ["verdeeld", "dicht bij elkaar"]
    assert rondes[1].typisch == "fase-onderhuidse-spanningen"
    assert rondes[1].samenvatting == "dicht bij elkaar rond onderhuidse spanningen"
    assert "Jongerenwerk: onderhuidse spanningen · Politie: incidenten" in [d.tekst for d in rondes[1].verschillen]

    # the remaining steps: everyone answers each one once it is opened
    for positie in range(2, len(v.stappen)):
        await asyncio.to_thread(dienst.leiding(t).volgende)
        if any(q.type not in ("signaal", "bespreking") for q in v.stappen[positie].vragen):
            await _tot(lambda: not dienst.lezen.nog_niet_geantwoord(m))
            await asyncio.to_thread(dienst.leiding(t).onthul)
    oorzaken = (await asyncio.to_thread(dienst.lezen.oordelen, m, 3))["oefen1-oorzaken-vraag"][-1]
    assert oorzaken.oordeel == "verdeeld" and oorzaken.verschillen

    # the advice ranks the room's dot-votes first, with reasons
    voorstellen = await asyncio.to_thread(dienst.lezen.voorstellen, m)
    assert voorstellen[0].redenen[0].endswith("stippen van de zaal")

    await asyncio.to_thread(dienst.leiding(t).beeindig)
    await asyncio.wait_for(taak, 5)
    stop.set()
    await hartslag
    assert taak.exception() is None and not simulatie._taken
    assert max(gaten) < 1.0, f"event loop blocked for {max(gaten):.2f} s"


async def test_simulatie_stopt_netjes_als_het_overleg_eindigt(dienst: Dienst):
    """Answers still waiting to be given are cancelled; nothing is written after the end."""
    links = await asyncio.to_thread(oefenoverleg, dienst)
    m, t = links.meeting_id, links.facilitator_token
    traag = Tempo(aanmelden=(0.0, 0.05), antwoord=(30.0, 30.0), signaal=(30.0, 30.0), herken=(0.0, 0.0), wekker=60.0)
    simulatie = _simulatie(dienst, m, traag)
    taak = asyncio.create_task(simulatie.speel())
    await _tot(lambda: len(dienst.lezen.vergadering(m).deelnemers) == len(PERSONAS))
    await asyncio.to_thread(dienst.leiding(t).start)
    await asyncio.to_thread(dienst.leiding(t).volgende)
    await _tot(lambda: len(simulatie._taken) >= len(PERSONAS))  # answers and signals are waiting

    begin = time.monotonic()
    await asyncio.to_thread(dienst.leiding(t).beeindig)
    await asyncio.wait_for(taak, 5)
    assert time.monotonic() - begin < 2
    assert taak.exception() is None and not simulatie._taken
    assert [u.aantal for u in await asyncio.to_thread(dienst.lezen.uitslagen, m, 1, voor_leiding=True)] == [0]
    assert await asyncio.to_thread(dienst.lezen.signalen, m) == []


async def test_een_gesloten_vraag_weigert_ook_een_gesimuleerde_deelnemer(dienst: Dienst):
    """The simulation meets the same rules as a phone: closed means not stored, and it carries on."""
    links = await asyncio.to_thread(oefenoverleg, dienst)
    m, t = links.meeting_id, links.facilitator_token
    traag = Tempo(aanmelden=(0.0, 0.05), antwoord=(0.5, 0.5), signaal=(0.0, 0.0), herken=(0.0, 0.0), wekker=60.0)
    simulatie = _simulatie(dienst, m, traag)
    taak = asyncio.create_task(simulatie.speel())
    await _tot(lambda: len(dienst.lezen.vergadering(m).deelnemers) == len(PERSONAS))
    await asyncio.to_thread(dienst.leiding(t).start)
    await asyncio.to_thread(dienst.leiding(t).volgende)
    await asyncio.to_thread(dienst.leiding(t).sluit_invoer)  # before anyone answered
    await asyncio.sleep(0.8)
    assert [u.aantal for u in await asyncio.to_thread(dienst.lezen.uitslagen, m, 1, voor_leiding=True)] == [0]
    await asyncio.to_thread(dienst.leiding(t).volgende)  # the next step still gets its answers
    await _tot(lambda: not dienst.lezen.nog_niet_geantwoord(m))
    assert not taak.done()
    await asyncio.to_thread(dienst.leiding(t).beeindig)
    await asyncio.wait_for(taak, 5)


async def test_simulatie_in_de_app_volgt_de_gebeurtenissen_van_de_pagina(user: User, app: Context):
    """Inside the app the simulation hears NiceGUI's events, as `buurtoverleg demo` wires it."""
    links = await asyncio.to_thread(oefenoverleg, app.dienst)
    simulatie = Simulatie(app.dienst, links.meeting_id, tempo=SNEL, rng=random.Random(3))
    app.publisher.event.subscribe(simulatie.gebeurd)
    taak = asyncio.create_task(simulatie.speel())
    try:
        await user.open(f"/leiding/{links.facilitator_token}")
        await user.should_see(f"{len(PERSONAS)} stemmers, {len(PERSONAS)} in de zaal", retries=LIVE)
        await klik(user, "Start het overleg")
        await user.should_see(f"Signalen ({len(SIGNALEN)})", retries=LIVE)
        await klik(user, "Volgende ▶")
        await user.should_see(f"{len(PERSONAS)} van {len(PERSONAS)} geantwoord", retries=LIVE)
        await klik(user, "Uitslag tonen")
        await user.should_see("Domeinen lezen het anders:", retries=LIVE)
        await user.should_see("ongemak: Jongerenwerk", retries=LIVE)
    finally:
        await asyncio.to_thread(app.dienst.leiding(links.facilitator_token).beeindig)
        await asyncio.wait_for(taak, 5)


# ---------------------------------------------------------------------- the command


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_demo_start_de_app_print_de_links_en_raakt_echte_gegevens_niet(tmp_path: Path, catalogus: Catalogus):
    poort = _vrije_poort()
    echt = tmp_path / "echt"
    omgeving = {
        **os.environ,
        "BUURTOVERLEG_DATA_DIR": str(echt),
        "BUURTOVERLEG_DATABASE_URL": f"sqlite:///{echt / 'echt.sqlite'}",
        "PYTHONUNBUFFERED": "1",
    }
    omgeving.pop("BUURTOVERLEG_ADMIN_KEY", None)  # the demo needs no organiser password
    for naam in [n for n in omgeving if n.startswith(("PYTEST_", "NICEGUI_"))]:
        del omgeving[naam]  # else NiceGUI thinks it runs under pytest and ignores the port
    proces = subprocess.Popen(
        [sys.executable, "-m", "buurtoverleg", "demo", "--host", "127.0.0.1", "--port", str(poort)],
        cwd=tmp_path,
        env=omgeving,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    regels: list[str] = []
    lezer_draad = threading.Thread(target=lambda: regels.extend(proces.stdout), daemon=True)  # type: ignore[arg-type]
    lezer_draad.start()
    try:
        eind = time.monotonic() + 60
        while not any(r.startswith("Stoppen:") for r in list(regels)):
            assert time.monotonic() < eind and proces.poll() is None, "".join(regels)
            time.sleep(0.1)
        uitvoer = "".join(regels)
        basis = f"http://127.0.0.1:{poort}"
        for rol in ("leiding", "scherm", "notulen"):
            assert re.search(rf"{re.escape(basis)}/{rol}/\S{{20,}}", uitvoer), uitvoer
        code = re.search(r"/doe/(\w+)\s+\(of \S+/doe met code (\w+)\)", uitvoer)
        assert code and code.group(1) == code.group(2), uitvoer
        assert "Wat nu:" in uitvoer and "Start het overleg" in uitvoer and "Uitslag tonen" in uitvoer
        assert str((tmp_path / "data-demo").resolve()) in uitvoer

        eind = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{basis}/health", timeout=2) as antwoord:
                    assert antwoord.status == 200
                    break
            except OSError:
                assert time.monotonic() < eind and proces.poll() is None, "".join(regels)
                time.sleep(0.2)
        console = re.search(rf"{re.escape(basis)}(/leiding/\S+)", uitvoer).group(1)  # type: ignore[union-attr]
        with urllib.request.urlopen(basis + console, timeout=10) as antwoord:
            assert antwoord.status == 200

        db = Database(f"sqlite:///{tmp_path / 'data-demo' / 'buurtoverleg.sqlite'}")
        try:
            lezer = maak_dienst(db, catalogus, LokaleBus())
            [overleg] = lezer.aanmelding.overzicht()
            eind = time.monotonic() + 30
            while len(lezer.lezen.vergadering(overleg.id).deelnemers) < len(PERSONAS):
                assert time.monotonic() < eind, "de gesimuleerde deelnemers meldden zich niet aan"
                time.sleep(0.3)
            assert overleg.status == "lobby" and overleg.links.join_code == code.group(1)
        finally:
            db.engine.dispose()
        assert not echt.exists()
    finally:
        proces.terminate()
        try:
            proces.wait(15)
        except subprocess.TimeoutExpired:
            proces.kill()
            proces.wait(5)
        lezer_draad.join(5)


@pytest.mark.alleen_sqlite  # the backup command copies SQLite files; PostgreSQL has pg_dump
def test_backup_kopieert_ook_wat_nog_in_de_wal_staat(dienst: Dienst, db: Database, tmp_path: Path):
    from buurtoverleg.cli import main

    links = dienst.aanmelding.maak("Backupbuurt", dienst.nu().date(), OEFENSJABLOON)
    dienst.aanmelding.aanmelden(links.meeting_id, "Ans", "Politie", "politie")  # still in the WAL, not the main file
    doelmap = tmp_path / "backups"
    doelmap.mkdir()
    args = ["backup", str(doelmap), "--database-url", db.url]
    assert main(args) == 0
    [kopie] = doelmap.iterdir()
    assert kopie.suffix == ".sqlite" and not list(doelmap.glob("*-wal"))
    hersteld = Database(f"sqlite:///{kopie}")
    try:
        terug = maak_dienst(hersteld, dienst.catalogus, LokaleBus())
        assert [d.naam for d in terug.lezen.vergadering(links.meeting_id).deelnemers] == ["Ans"]
    finally:
        hersteld.engine.dispose()
    assert main(["backup", str(kopie), "--database-url", db.url]) == 1  # never overwrites a backup
    assert main(["backup", str(tmp_path / "x.sqlite"), "--database-url", "postgresql://h/db"]) == 1
