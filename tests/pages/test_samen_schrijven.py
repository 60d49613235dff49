"""Facilitator and secretary write the same action list and decisions, each on their own page."""

from __future__ import annotations

from datetime import date

from nicegui.testing import User

from buurtoverleg.appcontext import Context
from tests.pages.hulp import LIVE, klik


async def test_de_notulist_schrijft_mee_en_de_console_ziet_het(user: User, create_user, app: Context):  # type: ignore[no-untyped-def]
    dienst = app.dienst
    links = dienst.aanmelding.maak("Hoograven", date(2026, 11, 23), "test-kort")
    notulist = user
    await notulist.open(f"/notulen/{links.secretary_token}")
    await notulist.should_see("Besluiten en acties", retries=LIVE)
    console = create_user()
    await console.open(f"/leiding/{links.facilitator_token}")
    await klik(console, "Aanpak en acties")
    await console.should_see("Nog geen acties.", retries=LIVE)

    # the secretary types the action the room just agreed, with a feedback date before its deadline
    notulist.find(marker="smart-wat").type("Schouw met de corporatie")
    notulist.find(marker="smart-uitvoerder").type("Woningcorporatie")
    notulist.find(marker="smart-wanneer").type("2099-03-01")
    notulist.find(marker="smart-terugkoppeling").type("2099-02-01")
    await klik(notulist, "Actie opslaan")
    await notulist.should_see("ligt vóór de datum waarop de actie af is", retries=LIVE)
    notulist.find(marker="smart-terugkoppeling").clear().type("2099-03-15")
    await klik(notulist, "Actie opslaan")
    regel = "Schouw met de corporatie · Woningcorporatie · uiterlijk 01-03-2099 · terugkoppeling 15-03-2099"
    await console.should_see(regel, retries=LIVE)
    await console.should_see("Toegevoegd door de notulist om", retries=LIVE)

    # the facilitator corrects it; the secretary's page follows
    (actie,) = dienst.lezen.acties(links.meeting_id)
    await klik(console, marker=f"wijzig-actie-{actie.id}")
    await console.should_see(marker="wijzig-wat", retries=LIVE)
    console.find(marker="wijzig-wat").clear().type("Schouw met corporatie en wijkagent")
    await klik(console, marker="wijzig-opslaan")
    await notulist.should_see("Schouw met corporatie en wijkagent · Woningcorporatie", retries=LIVE)
    await notulist.should_see("Gewijzigd door de gespreksleider om", retries=LIVE)

    # and a communication agreement typed by the secretary, corrected by the secretary
    notulist.find(marker="besluittekst").type("Bewonersbrief in week 3")
    await klik(notulist, "Vastleggen")
    await console.should_see("Besluit: Bewonersbrief in week 3", retries=LIVE)
    (besluit,) = [b for b in dienst.lezen.besluiten(links.meeting_id) if b.soort == "besluit"]
    await klik(notulist, marker=f"wijzig-besluit-{besluit.id}")
    await notulist.should_see(marker="wijzig-tekst", retries=LIVE)
    notulist.find(marker="wijzig-tekst").clear().type("Bewonersbrief in week 4")
    await klik(notulist, marker="wijzig-opslaan")
    await console.should_see("Besluit: Bewonersbrief in week 4", retries=LIVE)
    assert [b.tekst for b in dienst.lezen.notulen(links.meeting_id).besluiten] == ["Bewonersbrief in week 4"]
