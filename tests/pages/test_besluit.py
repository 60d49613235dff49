"""Issue 18 on the pages: the beamer shows the proposals with the room's dots, then the agreed
actions as the secretary types them; the phones show the action list; the secretary corrects
attendance."""

from __future__ import annotations

import asyncio
from datetime import date

from nicegui.testing import User

from buurtoverleg.appcontext import Context
from tests.pages.hulp import LIVE, klik, meedoen


async def test_beamer_toont_voorstellen_en_dan_de_actie_die_de_notulist_typt(  # type: ignore[no-untyped-def]
    user: User, create_user, app: Context
):
    dienst = app.dienst
    links = dienst.aanmelding.maak("Hoograven", date(2026, 11, 23), "tpl-analyse-kort")
    m, t = links.meeting_id, links.facilitator_token
    telefoon = create_user()
    await meedoen(telefoon, links.join_code, "Sanne", "Politie", "Politie Midden-Nederland")
    anderen = [dienst.aanmelding.aanmelden(m, f"P{i}", "", d) for i, d in enumerate(["welzijn", "gemeente"])]
    beamer = user
    await beamer.open(f"/scherm/{links.projector_token}")
    await beamer.should_see(links.join_code, retries=LIVE)

    # the directions step: while the room votes, the method's cards of all seven directions
    await asyncio.to_thread(dienst.leiding(t).start)
    await asyncio.to_thread(dienst.leiding(t).ga_naar, 5)
    await beamer.should_see("Welke oplossingsrichtingen passen het best bij deze buurt?", retries=LIVE)
    # eight method cards come in two pages that turn with the clock: pin the second
    await asyncio.to_thread(dienst.leiding(t).blader, 1)
    await beamer.should_see("onderdelen 5–8 van 8", retries=LIVE)
    await beamer.should_see(app.catalogus.titel("richting-7"), retries=LIVE)
    await asyncio.to_thread(dienst.leiding(t).blader, None)
    for p in anderen:  # the room puts its dots on direction 5: blind until the reveal
        await asyncio.to_thread(dienst.deelnemer(m, p).antwoord, "kort-richtingen-stippen", {"richting-5": 3})
    await beamer.should_see("2 van 3 hebben geantwoord", retries=LIVE)
    await beamer.should_not_see(marker="adviesbeeld", retries=5)

    # after the reveal: the top proposals with what each is, why, and the dots; direction 5 on top
    await asyncio.to_thread(dienst.leiding(t).onthul)
    await beamer.should_see(marker="adviesbeeld", retries=LIVE)
    beeld = dienst.lezen.besluitbeeld(m)
    eerste = beeld.richtingen[0]
    assert eerste.id == "richting-5" and eerste.omschrijving and eerste.redenen
    await beamer.should_see("● 6 stippen", retries=LIVE)
    await beamer.should_see(eerste.titel, retries=LIVE)
    await beamer.should_see(eerste.omschrijving, retries=LIVE)
    await beamer.should_see(f"• {eerste.redenen[0]}", retries=LIVE)
    await beamer.should_see(beeld.voorbeelden[0].titel, retries=LIVE)
    assert beeld.voorbeelden[0].omschrijving
    await beamer.should_see(beeld.voorbeelden[0].omschrijving, retries=LIVE)
    keuze = await asyncio.to_thread(dienst.leiding(t).aanpak.kies, "richting-5", True, "zes stippen")
    await beamer.should_see("Gekozen", retries=LIVE)

    # the action step: the SMART questions guide the first action; then the secretary's
    # action takes their place on the beamer, and appears on the phones
    await asyncio.to_thread(dienst.leiding(t).volgende)
    await beamer.should_see("Wat gaan we doen, wie doet het, en wanneer is het klaar?", retries=LIVE)
    await beamer.should_not_see(marker="actiebeeld", retries=5)
    await telefoon.should_see("Afgesproken acties", retries=LIVE)
    await telefoon.should_see("Nog geen acties afgesproken.", retries=LIVE)
    notulist = create_user()
    await notulist.open(f"/notulen/{links.secretary_token}")
    await notulist.should_see("Besluiten en acties", retries=LIVE)
    notulist.find(marker="smart-wat").type("Schouw in de portieken")
    notulist.find(marker="smart-uitvoerder").type("Woningcorporatie")
    notulist.find(marker="smart-wanneer").type("2099-03-01")
    await klik(notulist, "Actie opslaan")
    await beamer.should_see("Schouw in de portieken", retries=LIVE)
    await beamer.should_see("1 maart 2099", retries=LIVE)
    await beamer.should_see("Gekozen aanpak:", retries=LIVE)
    await telefoon.should_see("Schouw in de portieken", retries=LIVE)
    await telefoon.should_see("Woningcorporatie · uiterlijk 1 maart 2099", retries=LIVE)

    # a correction follows everywhere
    (actie,) = dienst.lezen.acties(m)
    await asyncio.to_thread(
        dienst.notulist(links.secretary_token).aanpak.wijzig_actie,
        actie.id,
        {"wat": "Schouw met de wijkagent", "uitvoerder": "Politie", "wanneer": "2099-03-08"},
        keuze,
    )
    await beamer.should_see("Schouw met de wijkagent", retries=LIVE)
    await telefoon.should_see("Politie · uiterlijk 8 maart 2099", retries=LIVE)
    await telefoon.should_not_see("Schouw in de portieken", retries=LIVE)


async def test_notulist_zet_te_laat_op_de_notulenpagina(user: User, create_user, app: Context):  # type: ignore[no-untyped-def]
    dienst = app.dienst
    links = dienst.aanmelding.maak("Hoograven", date(2026, 11, 23), "test-kort")
    m = links.meeting_id
    agent = dienst.aanmelding.aanmelden(m, "Sanne", "Politie", "politie")
    console = create_user()
    await console.open(f"/leiding/{links.facilitator_token}")
    await klik(console, "Aanpak en acties")
    await console.should_see(marker=f"aanwezigheid-{agent}", retries=LIVE)
    await user.open(f"/notulen/{links.secretary_token}")
    await user.should_see(marker=f"aanwezigheid-{agent}", retries=LIVE)
    user.find(marker=f"aanwezigheid-{agent}").click()
    await klik(user, "Te laat")
    await user.should_see("Gewijzigd door de notulist om", retries=LIVE)
    assert dienst.lezen.notulen(m).te_laat == ("Politie",)
    await console.should_see("Gewijzigd door de notulist om", retries=LIVE)  # the console follows
    (keuze,) = console.find(marker=f"aanwezigheid-{agent}").elements
    assert keuze.value == "te-laat"
    user.find(marker=f"aankomst-{agent}").type("19:45").trigger("blur")
    for _ in range(LIVE):
        if dienst.lezen.notulen(m).te_laat == ("Politie — binnen om 19:45",):
            break
        await asyncio.sleep(0.1)
    assert dienst.lezen.notulen(m).te_laat == ("Politie — binnen om 19:45",)
