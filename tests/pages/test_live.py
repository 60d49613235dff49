"""Live pages never miss a change: a change committed right after a page's first read, or one the
page never heard of (another process, a lost connection), still reaches the screen."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import uuid4

import pytest
from nicegui.nicegui import _on_handshake
from nicegui.testing import User

from buurtoverleg.app import Context
from buurtoverleg.samenstelling import maak_dienst
from buurtoverleg.sessie.gebeurtenissen import LokaleBus
from buurtoverleg.sessie.toestand import Vergadering
from tests.pages.hulp import LIVE, klik, meedoen


def _wissel_na_de_eerste_lezing(app: Context, monkeypatch: pytest.MonkeyPatch, wissel: Callable[[], Any]) -> None:
    """The page's first read of the meeting returns, and only then is `wissel` committed and
    published: the moment a page that subscribes after drawing misses for good. Phones read
    through the publisher's shared read (or take it from the publisher when it is already read
    for the newest version: `al_gelezen`), the other pages straight from the domain."""
    gedaan: list[bool] = []

    def daarna(gelezen: Any) -> Any:
        if not gedaan:
            gedaan.append(True)
            wissel()
        return gelezen

    lees, gedeeld = app.dienst.lezen.vergadering, app.publisher.gedeeld

    def vergadering(meeting_id: int) -> Vergadering:
        return daarna(lees(meeting_id))  # type: ignore[no-any-return]

    def gedeelde_lezing(sleutel: Any, meeting_id: int, functie: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        uitkomst = gedeeld(sleutel, meeting_id, functie, *args, **kwargs)
        return daarna(uitkomst) if sleutel[0] == "vergadering" else uitkomst

    al_gelezen = app.publisher.al_gelezen

    def al_gelezen_lezing(sleutel: Any, versie: int) -> tuple[Any] | None:
        bekend = al_gelezen(sleutel, versie)
        return (daarna(bekend[0]),) if bekend is not None and sleutel[0] == "vergadering" else bekend

    monkeypatch.setattr(app.dienst.lezen, "vergadering", vergadering)
    monkeypatch.setattr(app.publisher, "gedeeld", gedeelde_lezing)
    monkeypatch.setattr(app.publisher, "al_gelezen", al_gelezen_lezing)


def _overleg(app: Context, stemmers: int = 2) -> tuple[Any, list[int]]:
    dienst = app.dienst
    links = dienst.aanmelding.maak("Lombok", date(2026, 12, 1), "test-kort")
    ids = [dienst.aanmelding.aanmelden(links.meeting_id, f"Deelnemer {i}", "", "welzijn") for i in range(stemmers)]
    return links, ids


async def test_beamer_tekent_een_stapwissel_van_vlak_na_zijn_eerste_lezing(user: User, monkeypatch, app: Context):
    links, _ = _overleg(app)
    dienst = app.dienst
    dienst.leiding(links.facilitator_token).start()
    _wissel_na_de_eerste_lezing(app, monkeypatch, lambda: dienst.leiding(links.facilitator_token).volgende())
    await user.open(f"/scherm/{links.projector_token}")
    await user.should_see("Lombok · Ernst en vormen", retries=LIVE)


async def test_console_tekent_een_start_van_vlak_na_zijn_eerste_lezing(user: User, monkeypatch, app: Context):
    links, _ = _overleg(app)
    dienst = app.dienst
    _wissel_na_de_eerste_lezing(app, monkeypatch, lambda: dienst.leiding(links.facilitator_token).start())
    await user.open(f"/leiding/{links.facilitator_token}")
    await user.should_see("stap 1: Welke fase?", retries=LIVE)
    await user.should_see("Invoer sluiten", retries=LIVE)


async def test_telefoon_tekent_een_stapwissel_van_vlak_na_zijn_eerste_lezing(user: User, monkeypatch, app: Context):
    links, _ = _overleg(app, stemmers=0)
    dienst = app.dienst
    await meedoen(user, links.join_code, "Fatima", "Welzijn / opbouwwerk")
    _wissel_na_de_eerste_lezing(app, monkeypatch, lambda: dienst.leiding(links.facilitator_token).start())
    await user.open(f"/doe/{links.join_code}")  # the phone reloads: the lobby is read, then the start lands
    await user.should_see("In welke fase zit de buurt?", retries=LIVE)


async def test_telefoon_die_terugkomt_haalt_een_gemiste_stapwissel_in(user: User, app: Context):
    """A change this process never announced (another app process on the same database writes it)
    reaches a phone when its connection comes back, and every other page of the meeting with it."""
    links, _ = _overleg(app, stemmers=0)
    await meedoen(user, links.join_code, "Fatima", "Welzijn / opbouwwerk")
    ander_proces = maak_dienst(app.db, app.catalogus, LokaleBus())  # nobody here hears its events
    await asyncio.to_thread(ander_proces.leiding(links.facilitator_token).start)
    await asyncio.sleep(1)
    await user.should_see("Wacht op de gespreksleider")  # nothing told this phone
    client = user.client
    assert client is not None
    await _on_handshake(f"test-{uuid4()}", {"client_id": client.id, "tab_id": user.tab_id, "document_id": str(uuid4())})
    await user.should_see("In welke fase zit de buurt?", retries=LIVE)


async def test_advies_op_de_console_volgt_het_onthullen(user: User, app: Context):
    links, ids = _overleg(app, stemmers=3)
    dienst = app.dienst
    dienst.leiding(links.facilitator_token).start()
    for deelnemer in ids:
        dienst.deelnemer(links.meeting_id, deelnemer).antwoord("test-fase", "fase-incidenten")
    await user.open(f"/leiding/{links.facilitator_token}")
    await klik(user, "Aanpak en acties")
    await user.should_see("Beter contact met de directe buren", retries=LIVE)
    await user.should_not_see("fase: incidenten")
    await asyncio.to_thread(dienst.leiding(links.facilitator_token).onthul)
    await user.should_see("fase: incidenten", retries=LIVE)
