"""Helpers for page tests with NiceGUI's simulated users: clicking, logging in, joining."""

from __future__ import annotations

import asyncio

from nicegui.testing import User, UserInteraction

from buurtoverleg.pages.signaalkaarten import KNOPPEN, Signaalkaarten
from tests.conftest import ORGANISATOR

LIVE = 100
"""should_see retries (0.1 s each): live updates pass an event, a redraw timer and a thread."""


async def klik(user: User, target: str | None = None, *, pogingen: int = 100, **zoek: str) -> None:
    """Click an element as soon as it is there. A page redraws a moment after the event that
    changed it (another client's action, a timer), so a button may not exist yet when the
    test gets here; on a busy CI machine that moment can be long."""
    for _ in range(pogingen - 1):
        try:
            interactie = user.find(target, **zoek)  # type: ignore[arg-type]
            break
        except AssertionError:
            await asyncio.sleep(0.1)
    else:
        interactie = user.find(target, **zoek)  # type: ignore[arg-type]  # fails with NiceGUI's page dump
    interactie.click()


async def herken(user: User, knop: str, *, pogingen: int = 100) -> None:
    """Tap a signal card's button by its words ("Herken ik (1)", "Herken ik niet (0)"). A phone's
    cards are one element whose buttons Vue draws (pages/signaalkaarten.py), so the simulated
    user sends the event that button sends, as `klik` does for a NiceGUI button."""
    for _ in range(pogingen):
        try:
            lijsten = user.find(Signaalkaarten).elements
        except AssertionError:
            lijsten = set()
        for lijst in lijsten:
            for kaart in lijst.props["kaarten"]:
                for knopnaam in KNOPPEN:
                    if kaart[knopnaam] == knop:
                        UserInteraction(user, {lijst}, Signaalkaarten).trigger("tik", [kaart["id"], knopnaam])
                        return
        await asyncio.sleep(0.1)
    raise AssertionError(f"geen signaalkaart met de knop {knop!r}")


async def inloggen(user: User) -> None:
    await user.open("/")
    user.find(marker="wachtwoord").type(ORGANISATOR)
    await klik(user, "Inloggen")
    await user.should_see("Nieuw overleg", retries=LIVE)


async def meedoen(tel: User, code: str, naam: str, domein: str = "Bewoner", organisatie: str = "") -> None:
    """A phone joins through the form, as a person does, and waits in the lobby."""
    await tel.open(f"/doe/{code}")
    await tel.should_see("Vul in wie je bent", retries=LIVE)
    await klik(tel, "Domein")
    await klik(tel, domein)
    tel.find("Naam").type(naam)
    if organisatie:
        tel.find("Organisatie").type(organisatie)
    await klik(tel, "Meedoen")
    try:
        await tel.should_see("Wacht op de gespreksleider", retries=LIVE // 2)
    except AssertionError:
        # The page reloads itself after joining (`ui.navigate.reload`). NiceGUI's simulated users
        # share one global `ui.navigate`, the one of the user the test touched last, so with
        # several simulated phones that reload can land on another phone; a real browser
        # reloads its own page. Open the page again, as the reload would have.
        await tel.open(f"/doe/{code}")
        await tel.should_see("Wacht op de gespreksleider", retries=LIVE)
