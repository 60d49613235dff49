"""Robustness: garbage from a phone, a briefly locked database, many phones joining at once,
and the log of what was refused. The real database throughout; faults are real too (a write
lock held by another connection, a table that is briefly gone), nothing is mocked."""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from nicegui import ui
from nicegui.testing import User
from sqlalchemy import func, select, text

from buurtoverleg.app import Context
from buurtoverleg.sessie.dienst import Dienst
from buurtoverleg.sessie.fouten import Geweigerd
from buurtoverleg.storage import Database
from buurtoverleg.storage.database import BEZET_WACHTTIJD_S, SYNCHRONOUS
from buurtoverleg.storage.models import Participant, Response, Signal
from tests.pages.hulp import LIVE, klik, meedoen

SLOT_S = 1.5
"""How long another connection holds the write lock in the lock tests."""
GEHEIM = "Mevrouw Jansen van nummer 12"
"""Personal text a participant types; it may be refused, but it must never reach the log."""


def _bestand(db: Database) -> Path:
    return Path(db.engine.url.database or "")


@contextmanager
def schrijfslot(pad: Path, seconden: float = SLOT_S) -> Iterator[threading.Thread]:
    """Another connection (a backup, a second process) holds SQLite's write lock for a while."""
    vast = threading.Event()

    def houd() -> None:
        con = sqlite3.connect(pad, isolation_level=None)
        try:
            con.execute("BEGIN IMMEDIATE")
            vast.set()
            time.sleep(seconden)
            con.execute("COMMIT")
        finally:
            con.close()

    draad = threading.Thread(target=houd, daemon=True)
    draad.start()
    assert vast.wait(5), "het schrijfslot kwam er niet"
    try:
        yield draad
    finally:
        draad.join(seconden + 5)


# --------------------------------------------------------------------------- the database settings


def test_sqlite_wacht_op_een_slot_en_schrijft_duurzaam(db: Database):
    with db.engine.connect() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert c.execute(text("PRAGMA busy_timeout")).scalar() == int(BEZET_WACHTTIJD_S * 1000)
        assert c.execute(text("PRAGMA synchronous")).scalar() == {"NORMAL": 1, "FULL": 2}[SYNCHRONOUS]
    assert BEZET_WACHTTIJD_S >= 5 and SYNCHRONOUS == "FULL"


def test_een_bezette_database_vertraagt_een_antwoord_maar_verliest_het_niet(dienst: Dienst, overleg, db: Database):
    ans = dienst.aanmelding.aanmelden(overleg.meeting_id, "Ans", "Politie", "politie")
    signaalstap = 2
    dienst.leiding(overleg.facilitator_token).start()
    with schrijfslot(_bestand(db)):
        t0 = time.monotonic()
        dienst.deelnemer(overleg.meeting_id, ans).antwoord("test-fase", "fase-rust")
        gewacht = time.monotonic() - t0
    assert gewacht >= SLOT_S * 0.8, f"het antwoord wachtte niet op het slot ({gewacht:.2f} s)"
    assert dienst.deelnemer(overleg.meeting_id, ans).mijn_antwoorden() == {"test-fase": "fase-rust"}

    dienst.leiding(overleg.facilitator_token).ga_naar(signaalstap)
    with schrijfslot(_bestand(db)):
        dienst.deelnemer(overleg.meeting_id, ans).signaal("test-signalen", "waarneming", "Drukte bij de school")
    assert [k.tekst for k in dienst.lezen.signalen(overleg.meeting_id)] == ["Drukte bij de school"]


# --------------------------------------------------------------------------- garbage at the domain boundary

RAAR: list[Any] = [
    None,
    "",
    3.5,
    float("nan"),
    True,
    10**100,
    [],
    {},
    [[]],
    {"a": {"b": []}},
    "fase-bestaat-niet",
    ["fase-bestaat-niet"],
    {"fase-bestaat-niet": 1},
    "x" * 1_000_000,
    ["fase-rust"] * 100_000,
    {"fase-rust": 10**9},
    {"fase-rust": -1},
    {"fase-rust": 1.5},
]
"""Wrong types, unknown option ids and huge payloads; none of them is a valid answer anywhere."""
STAPPEN = {"test-fase": 0, "test-ernst": 1, "test-vormen": 1, "test-stippen": 3}


@pytest.mark.parametrize("vraag_id", list(STAPPEN))
def test_rommel_als_antwoord_wordt_in_het_nederlands_geweigerd(dienst: Dienst, overleg, db: Database, vraag_id: str):
    ans = dienst.aanmelding.aanmelden(overleg.meeting_id, "Ans", "Politie", "politie")
    dienst.leiding(overleg.facilitator_token).start()
    if STAPPEN[vraag_id]:
        dienst.leiding(overleg.facilitator_token).ga_naar(STAPPEN[vraag_id])
    for waarde in RAAR:
        if (vraag_id, waarde) in (("test-vormen", []), ("test-stippen", {})):
            continue  # "geen van deze" and "no dots" are real answers
        with pytest.raises(Geweigerd) as fout:
            dienst.deelnemer(overleg.meeting_id, ans).antwoord(vraag_id, waarde)
        assert str(fout.value) and str(fout.value)[0].isupper(), f"{waarde!r:.40}: {fout.value}"
    for vraag in ({"x": 1}, ["test-fase"], None, "bestaat-niet", 42):
        with pytest.raises(Geweigerd):
            dienst.deelnemer(overleg.meeting_id, ans).antwoord(vraag, "fase-rust")  # type: ignore[arg-type]
    with db.transactie() as s:
        assert s.scalar(select(func.count()).select_from(Response)) == 0


def test_rommel_bij_aanmelden_en_signalen_wordt_geweigerd(dienst: Dienst, overleg, db: Database):
    mid = overleg.meeting_id
    for naam, organisatie, domein in (
        ({"naam": "Ans"}, "", "politie"),
        (["Ans"], "", "politie"),
        (None, "", "politie"),
        (42, "", "politie"),
        ("Ans", {"x": 1}, "politie"),
        ("Ans", "", ["politie"]),
        ("Ans", "", {"politie": 1}),
        ("Ans", "", None),
        ("Ans", "", "geheime-dienst"),
        ("A" * 1_000_000, "", "politie"),
        ("Ans", "O" * 200_000, "politie"),
    ):
        with pytest.raises(Geweigerd):
            dienst.aanmelding.aanmelden(mid, naam, organisatie, domein)  # type: ignore[arg-type]
    with pytest.raises(Geweigerd):
        dienst.aanmelding.aanmelden(mid, "Ans", "", "politie", rol=["deelnemer"])  # type: ignore[arg-type]
    ans = dienst.aanmelding.aanmelden(mid, "Ans", "Politie", "politie")
    dienst.leiding(overleg.facilitator_token).start()
    dienst.leiding(overleg.facilitator_token).ga_naar(2)
    for soort, tekst in (
        (["waarneming"], "Iets"),
        ({"a": 1}, "Iets"),
        ("mening", "Iets"),
        ("waarneming", None),
        ("waarneming", ["Iets"]),
        ("waarneming", "x" * 1_000_000),
        ("duiding", "\x00\x00"),
    ):
        with pytest.raises(Geweigerd):
            dienst.deelnemer(mid, ans).signaal("test-signalen", soort, tekst)  # type: ignore[arg-type]
    with pytest.raises(Geweigerd):
        dienst.deelnemer(mid, ans).signaal("test-fase", "waarneming", "Een signaal bij een keuzevraag")
    with db.transactie() as s:
        assert s.scalar(select(func.count()).select_from(Signal)) == 0
        assert s.scalar(select(func.count()).select_from(Participant)) == 1


# --------------------------------------------------------------------------- many phones at once


def test_veertig_telefoons_melden_zich_tegelijk_aan_en_antwoorden(dienst: Dienst, overleg, db: Database):
    """Forty joins at the same moment from a thread pool (as NiceGUI's run.io_bound does),
    two of them with the same name (two people can be called Mo), and the first voters
    answering while the rest still join: every call succeeds, nothing is doubled."""
    mid = overleg.meeting_id
    eerst = [dienst.aanmelding.aanmelden(mid, f"Vroeg {i}", "", "bewoner") for i in range(5)]
    dienst.leiding(overleg.facilitator_token).start()
    namen = [f"Telefoon {i}" for i in range(38)] + ["Mo", "Mo"]
    start = threading.Barrier(len(namen) + len(eerst))
    fouten: list[BaseException] = []

    def meld(naam: str) -> int:
        start.wait(10)
        return dienst.aanmelding.aanmelden(mid, naam, "Buurtteam", "welzijn")

    def stem(deelnemer: int) -> None:
        start.wait(10)
        dienst.deelnemer(mid, deelnemer).antwoord("test-fase", "fase-ongemak")

    with ThreadPoolExecutor(len(namen) + len(eerst)) as pool:
        aanmeldingen = [pool.submit(meld, n) for n in namen]
        stemmen = [pool.submit(stem, d) for d in eerst]
        ids = []
        for taak in aanmeldingen + stemmen:
            try:
                resultaat = taak.result(timeout=60)
            except BaseException as fout:  # noqa: BLE001 - collected and shown below
                fouten.append(fout)
            else:
                if resultaat is not None:
                    ids.append(resultaat)
    assert not fouten, fouten[:3]
    assert len(set(ids)) == len(namen)
    v = dienst.lezen.vergadering(mid)
    assert len(v.deelnemers) == len(namen) + len(eerst)
    assert sorted(d.naam for d in v.deelnemers if d.naam == "Mo") == ["Mo", "Mo"]
    assert dienst.lezen.uitslagen(mid, 0, voor_leiding=True)[0].aantal == len(eerst)


# --------------------------------------------------------------------------- through the page


def _stuur_ruw(user: User, element: ui.element, waarde: Any) -> None:
    """What a tampered browser can send: an "update:<value>" event carrying any JSON,
    handed to NiceGUI exactly as a message from the phone's socket is."""
    assert user.client is not None
    luisteraar = next(lst for lst in element._event_listeners.values() if lst.type == f"update:{element.VALUE_PROP}")
    user.client.handle_event(
        {
            "id": element.id,
            "client_id": user.client.id,
            "listener_id": luisteraar.id,
            "args": [json.dumps(waarde)],
        }
    )


def _een(user: User, label: str) -> ui.element:
    elementen = list(user.find(label).elements)
    assert len(elementen) == 1, f"{label}: {elementen}"
    return elementen[0]


async def test_rommel_van_een_telefoon_geeft_een_nederlandse_weigering_en_de_pagina_blijft_werken(
    user: User, caplog: pytest.LogCaptureFixture, app: Context
):
    """Garbage sent as the phone's own UI events: the page answers in Dutch, logs no error,
    stores nothing, and the same page then works for the real input."""
    caplog.set_level(logging.INFO, logger="buurtoverleg")
    dienst = app.dienst
    links = dienst.aanmelding.maak("Zuilen", date(2026, 11, 23), "test-kort")
    mid = links.meeting_id
    await user.open(f"/doe/{links.join_code}")
    await user.should_see("Vul in wie je bent", retries=LIVE)
    await klik(user, "Domein")
    await klik(user, "Politie")

    for naam, melding in (
        ({"naam": GEHEIM}, "Je naam moet tekst zijn"),
        ([GEHEIM], "Je naam moet tekst zijn"),
        (GEHEIM * 20_000, "Je naam is te lang"),
    ):
        _stuur_ruw(user, _een(user, "Naam"), naam)
        await klik(user, "Meedoen")
        await user.should_see(melding, retries=LIVE)
    assert dienst.lezen.vergadering(mid).deelnemers == ()

    _stuur_ruw(user, _een(user, "Naam"), "Ans")
    _stuur_ruw(user, _een(user, "Organisatie"), {"org": 1})
    await klik(user, "Meedoen")
    await user.should_see("De organisatie moet tekst zijn", retries=LIVE)
    _stuur_ruw(user, _een(user, "Organisatie"), "Politie Utrecht")
    await klik(user, "Meedoen")
    await user.should_see("Welkom! Het overleg begint zo.", retries=LIVE)
    assert [d.naam for d in dienst.lezen.vergadering(mid).deelnemers] == ["Ans"]

    dienst.leiding(links.facilitator_token).start()
    dienst.leiding(links.facilitator_token).ga_naar(2)
    await user.open(f"/doe/{links.join_code}")
    await user.should_see("Wat zie of hoor je in de buurt?", retries=LIVE)
    for tekst, melding in (
        ({"tekst": GEHEIM}, "Het signaal moet tekst zijn"),
        (GEHEIM * 40_000, "Het signaal is te lang"),
    ):
        _stuur_ruw(user, _een(user, "Je signaal"), tekst)
        await klik(user, "Signaal versturen")
        await user.should_see(melding, retries=LIVE)
        await user.should_see("Niet opgeslagen: je tekst staat er nog", retries=LIVE)
    assert dienst.lezen.signalen(mid) == []
    _stuur_ruw(user, _een(user, "Je signaal"), "Drukte bij de school")
    await klik(user, "Signaal versturen")
    await user.should_see("Ontvangen ✓ Je kunt nog een signaal toevoegen.", retries=LIVE)
    assert [k.tekst for k in dienst.lezen.signalen(mid)] == ["Drukte bij de school"]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_dubbel_tikken_op_meedoen_meldt_een_keer_aan(user: User, app: Context):
    dienst = app.dienst
    links = dienst.aanmelding.maak("Lunetten", date(2026, 11, 23), "test-kort")
    await user.open(f"/doe/{links.join_code}")
    await user.should_see("Vul in wie je bent", retries=LIVE)
    await klik(user, "Domein")
    await klik(user, "Politie")
    user.find("Naam").type("Ans")
    knop = user.find("Meedoen")
    knop.click()
    knop.click()
    knop.click()
    await user.should_see("Welkom! Het overleg begint zo.", retries=LIVE)
    assert [d.naam for d in dienst.lezen.vergadering(links.meeting_id).deelnemers] == ["Ans"]


async def test_een_tik_tijdens_een_schrijfslot_wordt_later_ontvangen(user: User, app: Context):
    """The phone shows 'Versturen…' while another connection holds the lock, and 'Ontvangen'
    only once the answer is committed."""
    links = app.dienst.aanmelding.maak("Hoograven", date(2026, 11, 23), "test-kort")
    await meedoen(user, links.join_code, "Ans", "Politie")
    app.dienst.leiding(links.facilitator_token).start()
    await user.open(f"/doe/{links.join_code}")
    await user.should_see("In welke fase zit de buurt?", retries=LIVE)
    with schrijfslot(_bestand(app.db), seconden=2.0):
        await klik(user, "Rust")
        await user.should_see("Versturen…", retries=LIVE)
        assert app.dienst.lezen.uitslagen(links.meeting_id, 0, voor_leiding=True)[0].aantal == 0
    await user.should_see("Ontvangen ✓ (je kunt het nog wijzigen)", retries=LIVE)
    ans = app.dienst.lezen.vergadering(links.meeting_id).deelnemers[0].id
    assert app.dienst.deelnemer(links.meeting_id, ans).mijn_antwoorden() == {"test-fase": "fase-rust"}


async def test_wat_je_typt_terwijl_het_vorige_signaal_wordt_opgeslagen_blijft_staan(user: User, app: Context):
    """A slow save (the database is locked) must not wipe the next signal the person is
    already typing; found by benchmarks/storing.py."""
    links = app.dienst.aanmelding.maak("Zuilen", date(2026, 11, 23), "test-kort")
    await meedoen(user, links.join_code, "Ans", "Politie")
    app.dienst.leiding(links.facilitator_token).start()
    app.dienst.leiding(links.facilitator_token).ga_naar(2)
    await user.should_see("Wat zie of hoor je in de buurt?", retries=LIVE)
    veld = _een(user, "Je signaal")
    _stuur_ruw(user, veld, "Eerste: drukte bij de school")
    with schrijfslot(_bestand(app.db)):
        await klik(user, "Signaal versturen")
        await asyncio.sleep(0.3)  # let the click's handler start; it now waits for the lock
        _stuur_ruw(user, veld, "Tweede, nog niet verstuurd")
    await user.should_see("Ontvangen ✓ Je kunt nog een signaal toevoegen.", retries=LIVE)
    await user.should_see("Eerste: drukte bij de school", retries=LIVE)
    assert veld.value == "Tweede, nog niet verstuurd"
    assert [k.tekst for k in app.dienst.lezen.signalen(links.meeting_id)] == ["Eerste: drukte bij de school"]


async def test_een_kapotte_database_geeft_een_melding_geen_vastgelopen_telefoon(
    user: User, caplog: pytest.LogCaptureFixture, app: Context
):
    """A real fault, not a refusal: the response table is briefly gone. The phone says it
    was not stored (never 'Ontvangen'), the error is logged, and once the table is back the
    same page stores the next tap."""
    links = app.dienst.aanmelding.maak("Overvecht", date(2026, 11, 23), "test-kort")
    await meedoen(user, links.join_code, "Ans", "Politie")
    app.dienst.leiding(links.facilitator_token).start()  # the open page redraws by itself
    await user.should_see("In welke fase zit de buurt?", retries=LIVE)
    with sqlite3.connect(_bestand(app.db)) as con:
        con.execute("ALTER TABLE response RENAME TO response_weg")
    try:
        await klik(user, "Rust")
        await user.should_see("Er ging iets mis aan onze kant", retries=LIVE)
        await user.should_see("Niet opgeslagen", retries=LIVE)
    finally:
        with sqlite3.connect(_bestand(app.db)) as con:
            con.execute("ALTER TABLE response_weg RENAME TO response")
    fouten = [r for r in caplog.get_records("call") if r.levelno >= logging.ERROR]
    assert fouten and all(r.name == "buurtoverleg.pages" and "antwoord ging mis" in r.getMessage() for r in fouten)
    caplog.clear()  # the error above was the point of this test; the user fixture fails on others
    await klik(user, "Onderhuidse spanningen")
    await user.should_see("Ontvangen ✓ (je kunt het nog wijzigen)", retries=LIVE)
    ans = app.dienst.lezen.vergadering(links.meeting_id).deelnemers[0].id
    assert app.dienst.deelnemer(links.meeting_id, ans).mijn_antwoorden() == {"test-fase": "fase-onderhuidse-spanningen"}


# --------------------------------------------------------------------------- the log of refusals


async def test_weigeringen_staan_in_het_log_zonder_wat_er_getypt_is(
    user: User, caplog: pytest.LogCaptureFixture, app: Context
):
    caplog.set_level(logging.INFO, logger="buurtoverleg.geweigerd")
    dienst = app.dienst
    links = dienst.aanmelding.maak("Kanaleneiland", date(2026, 11, 23), "test-kort")
    mid = links.meeting_id

    await user.open("/doe/JANSEN12")  # a code that is someone's name: typed, so not logged
    await user.should_see("Er is geen overleg met de code", retries=LIVE)

    await user.open(f"/doe/{links.join_code}")
    await user.should_see("Vul in wie je bent", retries=LIVE)
    await klik(user, "Domein")
    await klik(user, "Politie")
    _stuur_ruw(user, _een(user, "Naam"), GEHEIM * 10)
    await klik(user, "Meedoen")
    await user.should_see("Je naam is te lang", retries=LIVE)
    _stuur_ruw(user, _een(user, "Naam"), "Ans")
    await klik(user, "Meedoen")
    await user.should_see("Welkom! Het overleg begint zo.", retries=LIVE)

    dienst.leiding(links.facilitator_token).start()
    dienst.leiding(links.facilitator_token).ga_naar(2)
    await user.open(f"/doe/{links.join_code}")
    await user.should_see("Wat zie of hoor je in de buurt?", retries=LIVE)
    _stuur_ruw(user, _een(user, "Je signaal"), (GEHEIM + " ") * 100)
    await klik(user, "Signaal versturen")
    await user.should_see("Het signaal is te lang", retries=LIVE)
    dienst.leiding(links.facilitator_token).sluit_invoer()
    _stuur_ruw(user, _een(user, "Je signaal"), GEHEIM)
    await klik(user, "Signaal versturen")
    await user.should_see("Deze vraag is gesloten", retries=LIVE)

    regels = [r.getMessage() for r in caplog.records if r.name == "buurtoverleg.geweigerd"]
    assert len(regels) == 4, regels
    assert regels[0].startswith("overleg=- actie=via_code reden=Er is geen overleg met de code '…'")
    assert regels[1].startswith(f"overleg={mid} actie=aanmelden reden=Je naam is te lang")
    assert regels[2].startswith(f"overleg={mid} actie=signaal reden=Het signaal is te lang")
    assert regels[3] == f"overleg={mid} actie=signaal reden=Deze vraag is gesloten. Je antwoord is niet opgeslagen."
    alles = caplog.text + "\n".join(r.getMessage() for r in caplog.records)
    for persoonlijk in ("JANSEN12", "Jansen", "nummer 12"):
        assert persoonlijk not in alles
