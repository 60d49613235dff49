"""What an adversarial test of the running app found (issue 21), rerun with simulated users:
tries sent together, a copied client id, a flood of socket events, a locked database, text
in the join page's address."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from nicegui import core
from nicegui.testing import User

from buurtoverleg.app import Context
from buurtoverleg.pages import socketwacht, uitvoering
from buurtoverleg.pages.gedeeld import BEZET
from buurtoverleg.storage.database import INTERACTIEF_WACHTTIJD_S
from tests.pages.hulp import LIVE, klik

TE_VEEL = "Te veel verkeerde"


def _teller(functie: Callable[..., Any], tel: list[int]) -> Callable[..., Any]:
    """`functie`, counting its calls: how many tries were really checked."""

    def geteld(*args: Any, **kwargs: Any) -> Any:
        tel.append(1)
        return functie(*args, **kwargs)

    return geteld


async def test_gelijktijdige_codes_alleen_vijf_worden_gecontroleerd(user: User, app: Context, monkeypatch):
    links = app.dienst.aanmelding.maak("Overvecht", date(2026, 11, 23), "test-kort")
    gecontroleerd: list[int] = []
    monkeypatch.setattr(app.dienst.aanmelding, "via_code", _teller(app.dienst.aanmelding.via_code, gecontroleerd))
    pogingen = [user.http_client.get(f"/doe/FOUT{i:02d}") for i in range(29)]
    pogingen.append(user.http_client.get(f"/doe/{links.join_code}"))  # the right one, last
    antwoorden = await asyncio.gather(*pogingen)
    assert len(gecontroleerd) == 5
    assert sum(TE_VEEL in a.text for a in antwoorden) == 25
    assert "Vul in wie je bent" not in antwoorden[-1].text


async def test_gelijktijdige_pincodes_alleen_vijf_worden_gecontroleerd(user: User, app: Context, monkeypatch):
    links = app.dienst.aanmelding.maak("Overvecht", date(2026, 11, 23), "test-kort")
    app.dienst.leiding(links.facilitator_token).stel_pin("notulist", "2580")
    gecontroleerd: list[int] = []
    monkeypatch.setattr(app.dienst.pincodes, "probeer_pin", _teller(app.dienst.pincodes.probeer_pin, gecontroleerd))
    await user.open(f"/notulen/{links.secretary_token}")
    await user.should_see("Pincode nodig", retries=LIVE)
    user.find(marker="pincode").type("1357")
    openen = user.find("Openen")
    for _ in range(40):  # forty clicks before any check has finished
        openen.click()
    await user.should_see(TE_VEEL, retries=LIVE)
    await asyncio.sleep(0.5)
    assert len(gecontroleerd) == 5


async def test_gelijktijdige_inlogpogingen_alleen_vijf_worden_gecontroleerd(user: User, app: Context, monkeypatch):
    gecontroleerd: list[int] = []
    monkeypatch.setattr(app.organisator, "klopt", _teller(app.organisator.klopt, gecontroleerd))
    await user.open("/")
    user.find(marker="wachtwoord").type("geraden-wachtwoord")
    inloggen = user.find("Inloggen")
    for _ in range(40):
        inloggen.click()
    await user.should_see("Te veel pogingen", retries=LIVE)
    await asyncio.sleep(0.5)
    assert len(gecontroleerd) == 5


async def test_doe_toont_alleen_meldingen_van_de_app(user: User):
    await user.open("/doe?fout=Code verlopen, ga naar http://kwaadaardig.example")
    await user.should_see("Meedoen met een buurtoverleg")
    await user.should_not_see("kwaadaardig")
    await user.should_not_see("Code verlopen")
    await user.open("/doe?fout=afgelopen")
    await user.should_see("Dit overleg is afgelopen of verwijderd")


async def test_gekopieerde_client_id_start_het_overleg_niet(user: User, create_user, app: Context, caplog):
    """NiceGUI routes an event by client id and element id; a participant's connection that
    sends the ids of the facilitator's start button must not start the meeting."""
    links = app.dienst.aanmelding.maak("Overvecht", date(2026, 11, 23), "test-kort")
    client = await user.open(f"/leiding/{links.facilitator_token}")
    await user.should_see("Start het overleg", retries=LIVE)
    knop = next(iter(user.find("Start het overleg").elements))
    bericht = {"client_id": client.id, "id": knop.id, "listener_id": next(iter(knop._event_listeners)), "args": []}
    with caplog.at_level(logging.WARNING, logger="buurtoverleg.socket"):
        for _ in range(3):
            core.sio.handlers["/"]["event"]("sid-van-een-telefoon", dict(bericht))
        await asyncio.sleep(0.5)
    assert app.dienst.lezen.vergadering(links.meeting_id).status == "lobby"
    regels = [r.getMessage() for r in caplog.records if r.name == "buurtoverleg.socket"]
    assert regels == [
        "socketbericht genegeerd: bericht voor een pagina van een andere verbinding (verdere van deze verbinding worden niet gelogd)"
    ]
    assert client.id not in caplog.text

    # and if an event ever reached the handler with another page as its sender: refused there too
    telefoon = create_user()
    ander = await telefoon.open(f"/doe/{links.join_code}")
    teken = socketwacht.AFZENDER.set(ander)
    try:
        user.find("Start het overleg").click()
    finally:
        socketwacht.AFZENDER.reset(teken)
    await user.should_see("Dit mag deze pagina niet", retries=LIVE)
    assert app.dienst.lezen.vergadering(links.meeting_id).status == "lobby"
    await klik(user, "Start het overleg")  # its own click still works
    for _ in range(LIVE):
        if app.dienst.lezen.vergadering(links.meeting_id).status != "lobby":
            break
        await asyncio.sleep(0.1)
    assert app.dienst.lezen.vergadering(links.meeting_id).status != "lobby"


async def test_vloed_van_verzonnen_socketberichten_een_logregel(user: User, caplog):
    handler = core.sio.handlers["/"]["event"]
    client = await user.open("/doe")
    # as the handshake does: the socket joins its page's room, so this is the page's own connection
    core.sio.manager.basic_enter_room("sid-vloed", "/", client.id, eio_sid="eio-vloed")
    with caplog.at_level(logging.DEBUG):
        veld = next(iter(user.find("Code van het scherm").elements)).id  # real element, made-up handler ids
        for i in range(1000):
            element = veld if i % 2 else 10_000 + i
            handler("sid-vloed", {"client_id": client.id, "id": element, "listener_id": f"verzonnen{i}", "args": []})
        for _ in range(100):
            core.sio.handlers["/"]["log"]("sid-vloed", {"client_id": client.id, "level": "error", "message": "x" * 99})
            handler("sid-vloed", ["geen", "woordenboek"])
    regels = [r for r in caplog.records if r.name.startswith(("buurtoverleg", "nicegui"))]
    assert len(regels) == 1 and "socketbericht genegeerd" in regels[0].getMessage()
    assert "Traceback" not in caplog.text


async def test_vergrendelde_database_health_blijft_snel_en_niets_getypts_in_het_log(
    user: User, create_user, app: Context, caplog
):
    links = app.dienst.aanmelding.maak("Overvecht", date(2026, 11, 23), "test-kort")
    telefoons = [create_user() for _ in range(10)]
    for i, tel in enumerate(telefoons):
        await tel.open(f"/doe/{links.join_code}")
        await tel.should_see("Vul in wie je bent", retries=LIVE)
        await klik(tel, "Domein")
        await klik(tel, "Bewoner")
        tel.find("Naam").type(f"Geheimnaam{i} Jansen")
    slot = sqlite3.connect(app.db.url.removeprefix("sqlite:///"), isolation_level=None)
    slot.execute("BEGIN IMMEDIATE")  # a backup, another process: the write lock is taken
    try:
        geklikt = time.monotonic()
        for tel in telefoons:
            tel.find("Meedoen").click()  # ten joins waiting for the lock
        await asyncio.sleep(0.3)
        begin = time.monotonic()
        health = await user.http_client.get("/health")
        health_s = time.monotonic() - begin
        begin = time.monotonic()
        beamer = await user.http_client.get(f"/scherm/{links.projector_token}")
        beamer_s = time.monotonic() - begin
        begin = time.monotonic()
        aanmelden = await user.http_client.get(f"/doe/{links.join_code}")
        aanmelden_s = time.monotonic() - begin
        assert health.status_code == 200 and beamer.status_code == 200 and aanmelden.status_code == 200
        assert health_s < 1.0, health_s
        assert beamer_s < 2.0, beamer_s
        assert aanmelden_s < 2.0, aanmelden_s  # reads run in their own pool (all of dienst.lezen is marked)
        assert all(uitvoering.alleen_lezend(getattr(app.dienst.lezen, naam)) for naam in vars(app.dienst.lezen))
        # the simulated users share one `ui.notify` (the last user's), so ask them all
        for _ in range(20 * LIVE):
            if sum(t.notify.messages.count(BEZET) for t in [user, *telefoons]) >= len(telefoons):
                break
            await asyncio.sleep(0.1)
        assert sum(t.notify.messages.count(BEZET) for t in [user, *telefoons]) == len(telefoons)
        # together, not one after the other: the joins queued for a thread meanwhile are refused
        # as soon as one takes them up (two threads at 3 s each would take 15 s for ten)
        assert time.monotonic() - geklikt < 2.5 * INTERACTIEF_WACHTTIJD_S
    finally:
        slot.rollback()
        slot.close()
    assert list(app.dienst.lezen.vergadering(links.meeting_id).deelnemers) == []  # nothing stored meanwhile
    assert "Geheimnaam" not in caplog.text
    assert "bezet" in caplog.text
