"""One read of the room for every page that asks at once, with one worker thread (issue 22)."""

from __future__ import annotations

import asyncio
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
