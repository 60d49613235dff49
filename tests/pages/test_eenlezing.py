"""One read of the room for every page that asks at once, with one worker thread (issue 22)."""

from __future__ import annotations

import asyncio
import threading
import time

from nicegui import ui
from nicegui.testing import User

from buurtoverleg.app import Context
from buurtoverleg.pages import uitvoering
from buurtoverleg.pages.eenlezing import samen_gelezen


async def test_pagina_s_die_tegelijk_vragen_delen_een_lezing_en_een_draad(user: User, app: Context):
    publisher = app.publisher
    lezingen: list[int] = []
    drukte: list[int] = []
    """How many calls the read pool held while the read ran: one, not one per page."""

    def lees(n: int) -> list[int]:
        lezingen.append(n)
        drukte.append(uitvoering.LEZEN.bezig)
        time.sleep(0.05)
        return [n]

    uitkomsten: list[list[int]] = []

    @ui.page("/test-eenlezing")
    async def pagina() -> None:
        vak = ui.column()

        async def als_pagina(ronde: int) -> list[int]:  # each in its own task, as thirty phones are
            with vak:
                return await samen_gelezen(publisher, ("test", 999), 999, lees, ronde)

        for ronde in range(2):
            uitkomsten.extend(await asyncio.gather(*(als_pagina(ronde) for _ in range(30))))
            uitkomsten.append(await samen_gelezen(publisher, ("test", 999), 999, lees, 7))  # stored: no read
            publisher.haal_in(999, publisher.versie(999) + 1)  # a newer version: read again
        ui.label("klaar")

    await user.open("/test-eenlezing")
    await user.should_see("klaar")
    assert lezingen == [0, 1]
    assert drukte == [1, 1]
    assert uitkomsten == [[0]] * 31 + [[1]] * 31


async def test_wie_na_een_wijziging_vraagt_wacht_op_de_lopende_lezing_zonder_draad(user: User, app: Context):
    """Signals come in faster than a read takes: pages that ask for a newer version while a read
    is in progress wait for it on the event loop, then share one new read; the read pool never
    holds more than that one call, so the beamer's own reads do not queue behind them."""
    publisher = app.publisher
    lezingen: list[int] = []
    los = threading.Event()

    def lees() -> int:
        lezingen.append(publisher.versie(998))
        if len(lezingen) == 1:
            los.wait(5)  # the first read is slow: changes come in meanwhile
        return len(lezingen)

    uitkomsten: list[int] = []
    in_de_pool: list[int] = []

    @ui.page("/test-eenlezing-volgende")
    async def pagina() -> None:
        vak = ui.column()

        async def als_pagina() -> int:
            with vak:
                return await samen_gelezen(publisher, ("test", 998), 998, lees)

        taken = [asyncio.create_task(als_pagina())]
        while not lezingen:
            await asyncio.sleep(0.01)
        for _ in range(4):  # a new signal, and a page that asks after it
            publisher.haal_in(998, publisher.versie(998) + 1)
            taken.append(asyncio.create_task(als_pagina()))
        await asyncio.sleep(0.2)
        in_de_pool.append(uitvoering.LEZEN.bezig)
        los.set()
        uitkomsten.extend(await asyncio.gather(*taken))
        ui.label("klaar")

    await user.open("/test-eenlezing-volgende")
    await user.should_see("klaar", retries=100)
    assert in_de_pool == [1]
    assert len(lezingen) == 2 and lezingen[1] == lezingen[0] + 4  # the second read is at the newest version
    assert uitkomsten == [1, 2, 2, 2, 2]
