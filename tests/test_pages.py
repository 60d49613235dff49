"""UI flows with NiceGUI's simulated users: no browser, the real app and a real SQLite file."""

from __future__ import annotations

import re

from nicegui import ui
from nicegui.testing import User

from buurtoverleg.app import Context


def _ctx() -> Context:
    """The running app's context (the pages hold it; the test reads links from the domain)."""
    from buurtoverleg import app as app_module

    return app_module.HUIDIG  # type: ignore[attr-defined]


async def test_home_maakt_een_overleg(user: User):
    await user.open("/")
    await user.should_see("Nieuw overleg")
    user.find("Buurt of wijk").type("Kanaleneiland")
    user.find("Overleg aanmaken").click()
    await user.should_see("Start het overleg")
    await user.should_see("Kanaleneiland")
    rijen = _ctx().dienst.overzicht()
    assert [(r[1], r[4]) for r in rijen] == [("Kanaleneiland", "lobby")]


async def test_home_weigert_een_lege_buurt(user: User):
    await user.open("/")
    user.find("Overleg aanmaken").click()
    await user.should_see("De naam van de buurt is leeg")
    assert _ctx().dienst.overzicht() == []


async def test_leiding_en_twee_telefoons_door_een_kort_overleg(user: User, create_user):
    from datetime import date

    dienst = _ctx().dienst
    links = dienst.maak("Overvecht", date(2026, 11, 23), "test-kort")
    leiding = user
    await leiding.open(f"/leiding/{links.facilitator_token}")
    await leiding.should_see("Start het overleg")

    telefoons: list[User] = []
    for naam, organisatie, domein in (("Ans", "Politie Utrecht", "Politie"), ("Bo", "Buurtteam", "Welzijn / opbouwwerk")):
        tel = create_user()
        await tel.open(f"/doe/{links.join_code.lower()}")
        await tel.should_see("Vul in wie je bent")
        tel.find("Domein").click()
        tel.find(domein).click()
        tel.find("Naam").type(naam)
        tel.find("Organisatie").type(organisatie)
        tel.find("Meedoen").click()
        await tel.should_see("Wacht op de gespreksleider")
        telefoons.append(tel)

    await leiding.should_see("2 stemmers, 2 in de zaal")
    leiding.find("Start het overleg").click()
    ans, bo = telefoons
    await ans.should_see("In welke fase zit de buurt?")
    ans.find("Rust").click()
    await ans.should_see("Ontvangen")
    bo.find("Onderhuidse spanningen").click()
    await bo.should_see("Ontvangen")
    await leiding.should_see("2 van 2 geantwoord")
    await leiding.should_see("blind tot onthullen")

    leiding.find("Uitslag tonen").click()
    await ans.should_see("De uitslag staat op het scherm")
    uitslag = dienst.uitslagen(links.meeting_id, 0)[0]
    assert uitslag.verdeling == {"test-rust": 1, "test-ongemak": 0, "test-spanning": 1}

    leiding.find("Volgende ▶").click()
    await ans.should_see("Hoe ernstig is het?")
    await bo.should_see("Hoe ernstig is het?")

    # a reload (the phone slept) shows the same person, with no new sign-up
    await ans.open(f"/doe/{links.join_code}")
    await ans.should_see("Hoe ernstig is het?")
    await ans.should_see("Ans")
    assert len(dienst.vergadering(links.meeting_id).deelnemers) == 2


async def test_verkeerde_code_en_link_geven_een_nette_melding(user: User):
    await user.open("/doe/XXXXXX")
    await user.should_see("Er is geen overleg met de code 'XXXXXX'")
    await user.open("/leiding/verzonnen")
    await user.should_see("Deze link klopt niet")
    await user.open("/scherm/verzonnen")
    await user.should_see("Deze link klopt niet")
    await user.open("/notulen/verzonnen")
    await user.should_see("Deze link klopt niet")


async def test_html_van_een_deelnemer_blijft_tekst_op_het_scherm(user: User, create_user):
    from datetime import date

    dienst = _ctx().dienst
    links = dienst.maak("Noord", date(2026, 11, 23), "test-kort")
    a = dienst.aanmelden(links.meeting_id, "<b>Xander</b>", "", "bewoner")
    dienst.start(links.facilitator_token)
    dienst.ga_naar(links.facilitator_token, 2)
    dienst.signaal(links.meeting_id, a, "test-signalen", "waarneming", '<img src=x onerror="alert(1)">')
    await user.open(f"/scherm/{links.projector_token}")
    await user.should_see('<img src=x onerror="alert(1)">')
    labels = [e for e in user.find(ui.label).elements if "onerror" in e.text]
    assert labels, "the signal is rendered as a label (text), not as html"
    assert user.client is not None
    html = [e for e in user.client.elements.values() if isinstance(e, ui.html)]
    assert not [e for e in html if "onerror" in e.content]


async def test_health(user: User):
    response = await user.http_client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["database"] == "ok" and re.match(r"\d+\.\d+\.\d+", body["version"])


async def test_health_503_als_de_database_onbereikbaar_is(user: User, tmp_path):
    from sqlalchemy import create_engine

    (tmp_path / "geen-map").write_text("dit is een bestand, geen map")
    _ctx().db.engine = create_engine(f"sqlite:///{tmp_path / 'geen-map' / 'db.sqlite'}")
    response = await user.http_client.get("/health")
    assert response.status_code == 503
    assert response.json()["database"] == "onbereikbaar"
