"""The attendance panel follows the room live (someone joins, the other role corrects a row)
without losing what is being typed: a time half-entered in a "Te laat" row stays when the
panel redraws for a new participant, and is saved when the field is left."""

from __future__ import annotations

import asyncio
from datetime import date

from nicegui.testing import User

from buurtoverleg.appcontext import Context
from tests.pages.hulp import LIVE


async def _wacht(voorwaarde, wat: str) -> None:  # type: ignore[no-untyped-def]
    for _ in range(LIVE):
        if voorwaarde():
            return
        await asyncio.sleep(0.1)
    raise AssertionError(wat)


async def test_een_getypte_tijd_blijft_staan_als_iemand_zich_aanmeldt(user: User, app: Context) -> None:
    dienst = app.dienst
    links = dienst.aanmelding.maak("Kanaleneiland", date(2026, 11, 23), "test-kort")
    m = links.meeting_id
    agent = dienst.aanmelding.aanmelden(m, "Wijkagent", "Politie", "politie")
    await user.open(f"/notulen/{links.secretary_token}")
    await user.should_see(marker=f"aanwezigheid-{agent}", retries=LIVE)

    # the facilitator marks the agent late; the secretary's row follows and shows the time field
    await asyncio.to_thread(dienst.leiding(links.facilitator_token).aanwezigheid.zet, agent, "te-laat", "")
    await user.should_see("Gewijzigd door de gespreksleider om", retries=LIVE)
    (keuze,) = user.find(marker=f"aanwezigheid-{agent}").elements
    await _wacht(lambda: keuze.value == "te-laat", "de rij volgde de gespreksleider niet")
    (veld,) = user.find(marker=f"aankomst-{agent}").elements
    await _wacht(lambda: veld.visible, "het tijdveld verscheen niet bij 'Te laat'")

    # the secretary types a time, and before she leaves the field someone joins
    user.find(marker=f"aankomst-{agent}").type("19:45")
    nieuw = await asyncio.to_thread(dienst.aanmelding.aanmelden, m, "Buurtbewoner", "", "bewoner")
    await user.should_see(marker=f"aanwezig-{nieuw}", retries=LIVE)
    (na,) = user.find(marker=f"aankomst-{agent}").elements
    assert na.value == "19:45" and na.visible, "de getypte tijd ging verloren bij het hertekenen"
    assert dienst.lezen.notulen(m).te_laat == ("Politie",)  # not saved yet: she is still typing

    # leaving the field saves it; the row keeps what is stored
    user.find(marker=f"aankomst-{agent}").trigger("blur")
    await _wacht(lambda: dienst.lezen.notulen(m).te_laat == ("Politie — binnen om 19:45",), "niet opgeslagen")
    await user.should_see("Gewijzigd door de notulist om", retries=LIVE)
    (na,) = user.find(marker=f"aankomst-{agent}").elements
    assert na.value == "19:45"

    # a correction by the other role while this field is untouched does reach it
    await asyncio.to_thread(dienst.leiding(links.facilitator_token).aanwezigheid.zet, agent, "te-laat", "19:50")
    await _wacht(lambda: user.find(marker=f"aankomst-{agent}").elements.pop().value == "19:50", "19:50 kwam niet aan")
