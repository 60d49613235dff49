"""The method where people look: beamer, phone behind 'Uitleg', the console's tip and guidance."""

from __future__ import annotations

from datetime import date

from nicegui import ui
from nicegui.testing import User

from buurtoverleg.app import Context
from tests.pages.hulp import LIVE, klik, meedoen


async def test_eigen_stap_van_een_gemeente_op_beamer_telefoon_en_console(user: User, create_user, app: Context):
    links = app.dienst.aanmelding.maak("Eigenwijk", date(2026, 12, 2), "test-gemeente")
    tel = create_user()
    await meedoen(tel, links.join_code, "Ans", "Politie")
    app.dienst.leiding(links.facilitator_token).start()

    # the beamer shows the checklist's lines with their explanation, not only its name
    await user.open(f"/scherm/{links.projector_token}")
    await user.should_see("Buurtschouw met de wijkagent", retries=LIVE)
    await user.should_see("Spreek bewoners onderweg aan", retries=LIVE)
    await user.should_see("Vraag wat zij zien, niet wat zij vinden.", retries=LIVE)

    # the phone keeps it behind one tap, closed at first (the browser test opens it)
    await tel.should_see("Welke plek bekijken we eerst?", retries=LIVE)
    [uitleg] = tel.find(ui.expansion).elements
    assert isinstance(uitleg, ui.expansion) and uitleg.value is False and uitleg.props["label"] == "Uitleg"
    assert not uitleg.default_slot.children  # built at the first tap, not for every phone at every step
    uitleg.set_value(True)  # the tap
    await tel.should_see("Spreek bewoners onderweg aan", retries=LIVE)
    await tel.should_see("Vraag wat zij zien, niet wat zij vinden.", retries=LIVE)

    # the console shows the facilitator the step's tip
    leiding = create_user()
    await leiding.open(f"/leiding/{links.facilitator_token}")
    await leiding.should_see("Tip: Loop de route van de signalen", retries=LIVE)


async def test_casus_op_beamer_en_telefoon(user: User, create_user, app: Context):
    links = app.dienst.aanmelding.maak("Oefenwijk", date(2026, 12, 2), "tpl-oefenen-casus-1")
    tel = create_user()
    await meedoen(tel, links.join_code, "Bo", "Welzijn / opbouwwerk")
    app.dienst.leiding(links.facilitator_token).start()
    await user.open(f"/scherm/{links.projector_token}")
    await user.should_see("Casus 1: een multiculturele buurt met veel problemen", retries=LIVE)
    await user.should_see("Kinderen van 8 tot 14 jaar geven veel overlast", retries=LIVE)
    await tel.should_see("Lees de casus", retries=LIVE)  # the phone redraws on its own connection
    [casus] = tel.find(ui.expansion).elements
    assert isinstance(casus, ui.expansion) and casus.props["label"] == "Lees de casus"
    casus.set_value(True)
    await tel.should_see("Kinderen van 8 tot 14 jaar geven veel overlast", retries=LIVE)


async def test_incidenten_vastgesteld_toont_begeleiding_en_plant_samos_vervolg(user: User, create_user, app: Context):
    dienst = app.dienst
    links = dienst.aanmelding.maak("Overvecht", date(2026, 12, 2), "test-kort")
    t = links.facilitator_token
    dienst.leiding(t).start()
    scherm = create_user()
    await scherm.open(f"/scherm/{links.projector_token}")
    await user.open(f"/leiding/{t}")
    await user.should_see("In welke fase zit de buurt?", retries=LIVE)
    await user.should_not_see("Na incidenten: wat werkt en wat niet")

    dienst.leiding(t).stel_vast("test-fase", "fase-incidenten", "na bespreking")
    await user.should_see("Na incidenten: wat werkt en wat niet", retries=LIVE)
    await scherm.should_see("Na incidenten: wat werkt en wat niet", retries=LIVE)
    titel = dienst.catalogus.titel("tpl-samos-eerste")
    await scherm.should_see(f"bespreek dit in een SAMOS-kernteam (sjabloon '{titel}')", retries=LIVE)

    await klik(user, f"Plan vervolg: {titel}")
    await user.should_see("Vervolg gepland", retries=LIVE)
    vervolg = [b for b in dienst.lezen.besluiten(links.meeting_id) if b.soort == "vervolg"]
    assert len(vervolg) == 1 and titel in vervolg[0].tekst


async def test_azc_genoemd_biedt_de_extra_stap_aan_op_de_console(user: User, app: Context):
    dienst = app.dienst
    links = dienst.aanmelding.maak("Overvecht", date(2026, 12, 2), "tpl-analyse-polarisatie")
    t = links.facilitator_token
    dienst.leiding(t).start()
    v = dienst.lezen.vergadering(links.meeting_id)
    dienst.leiding(t).ga_naar(next(s.positie for s in v.stappen if s.id == "analyse-doelgroepen"))
    dienst.leiding(t).stel_vast("analyse-doelgroepen-vraag", "doelgroep-statushouders", "")
    await user.open(f"/leiding/{t}")
    await user.should_see("Extra stap: Komst AZC of statushouders", retries=LIVE)
    await user.should_see("De analyse noemt: Statushouders.", retries=LIVE)
    await klik(user, "Voeg toe als extra stap")
    await user.should_see("De stap staat nu op de agenda", retries=LIVE)
    await user.should_not_see("Voeg toe als extra stap", retries=LIVE)
    stappen = [s.id for s in dienst.lezen.vergadering(links.meeting_id).stappen]
    assert stappen[stappen.index("analyse-doelgroepen") + 1] == "extra-azc"
