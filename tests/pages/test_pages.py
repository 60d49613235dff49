"""UI flows with NiceGUI's simulated users: no browser, the real app and a real SQLite file."""

from __future__ import annotations

import asyncio
import re

import pytest
from nicegui import ui
from nicegui.testing import User

from buurtoverleg.app import Context
from buurtoverleg.pages.signaalkaarten import Signaalkaarten
from tests.conftest import ORGANISATOR
from tests.pages.hulp import LIVE, herken, inloggen, klik, meedoen


async def test_home_maakt_een_overleg(user: User, app: Context):
    await inloggen(user)
    user.find("Buurt of wijk").type("Kanaleneiland")
    await klik(user, "Overleg aanmaken")
    await user.should_see("Start het overleg", retries=LIVE)
    await user.should_see("Kanaleneiland", retries=LIVE)
    rijen = app.dienst.aanmelding.overzicht()
    assert [(r.buurt, r.status) for r in rijen] == [("Kanaleneiland", "lobby")]


async def test_home_weigert_een_lege_buurt(user: User, app: Context):
    await inloggen(user)
    await klik(user, "Overleg aanmaken")
    await user.should_see("De naam van de buurt is leeg", retries=LIVE)
    assert app.dienst.aanmelding.overzicht() == []


async def test_leiding_en_twee_telefoons_door_een_kort_overleg(user: User, create_user, app: Context):
    from datetime import date

    dienst = app.dienst
    links = dienst.aanmelding.maak("Overvecht", date(2026, 11, 23), "test-kort")
    leiding = user
    await leiding.open(f"/leiding/{links.facilitator_token}")
    await leiding.should_see("Start het overleg", retries=LIVE)

    telefoons: list[User] = []
    for naam, organisatie, domein in (
        ("Ans", "Politie Utrecht", "Politie"),
        ("Bo", "Buurtteam", "Welzijn / opbouwwerk"),
    ):
        tel = create_user()
        await meedoen(tel, links.join_code.lower(), naam, domein, organisatie)  # the code typed in lower case
        telefoons.append(tel)

    await leiding.should_see("2 stemmers, 2 in de zaal", retries=LIVE)
    await klik(leiding, "Start het overleg")
    ans, bo = telefoons
    await ans.should_see("In welke fase zit de buurt?", retries=LIVE)
    await klik(ans, "Rust")
    await ans.should_see("Ontvangen", retries=LIVE)
    await bo.should_see("In welke fase zit de buurt?", retries=LIVE)
    await klik(bo, "Onderhuidse spanningen")
    await bo.should_see("Ontvangen", retries=LIVE)
    await leiding.should_see("2 van 2 geantwoord", retries=LIVE)
    await leiding.should_see("blind tot onthullen", retries=LIVE)

    await klik(leiding, "Uitslag tonen")
    await ans.should_see("De uitslag staat op het scherm", retries=LIVE)
    uitslag = dienst.lezen.uitslagen(links.meeting_id, 0)[0]
    assert uitslag.verdeling == {
        "fase-rust": 1,
        "fase-ongemak": 0,
        "fase-onderhuidse-spanningen": 1,
        "fase-incidenten": 0,
        "fase-escalatie": 0,
    }

    await klik(leiding, "Volgende ▶")
    await ans.should_see("Hoe ernstig is het?", retries=LIVE)
    await bo.should_see("Hoe ernstig is het?", retries=LIVE)

    # a reload (the phone slept) shows the same person, with no new sign-up
    await ans.open(f"/doe/{links.join_code}")
    await ans.should_see("Hoe ernstig is het?", retries=LIVE)
    await ans.should_see("Ans", retries=LIVE)
    assert len(dienst.lezen.vergadering(links.meeting_id).deelnemers) == 2


async def test_verkeerde_code_en_link_geven_een_nette_melding(user: User):
    await user.open("/doe/XXXXXX")
    await user.should_see("Er is geen overleg met de code 'XXXXXX'", retries=LIVE)
    await user.open("/leiding/verzonnen")
    await user.should_see("Deze link klopt niet", retries=LIVE)
    await user.open("/scherm/verzonnen")
    await user.should_see("Deze link klopt niet", retries=LIVE)
    await user.open("/notulen/verzonnen")
    await user.should_see("Deze link klopt niet", retries=LIVE)


async def test_html_van_een_deelnemer_blijft_tekst_op_het_scherm(user: User, create_user, app: Context):
    from datetime import date

    dienst = app.dienst
    links = dienst.aanmelding.maak("Noord", date(2026, 11, 23), "test-kort")
    a = dienst.aanmelding.aanmelden(links.meeting_id, "<b>Xander</b>", "", "bewoner")
    dienst.leiding(links.facilitator_token).start()
    dienst.leiding(links.facilitator_token).ga_naar(2)
    dienst.deelnemer(links.meeting_id, a).signaal("test-signalen", "waarneming", '<img src=x onerror="alert(1)">')
    await user.open(f"/scherm/{links.projector_token}")
    await user.should_see('<img src=x onerror="alert(1)">', retries=LIVE)
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


async def test_health_503_als_de_database_onbereikbaar_is(user: User, tmp_path, app: Context):
    from sqlalchemy import create_engine

    (tmp_path / "geen-map").write_text("dit is een bestand, geen map")
    app.db.engine = create_engine(f"sqlite:///{tmp_path / 'geen-map' / 'db.sqlite'}")
    response = await user.http_client.get("/health")
    assert response.status_code == 503
    assert response.json()["database"] == "onbereikbaar"


async def test_duiding_verdeeld_op_de_beamer_en_opnieuw_stemmen(user: User, create_user, app: Context):
    from datetime import date

    dienst = app.dienst
    links = dienst.aanmelding.maak("Lombok", date(2026, 11, 23), "test-kort")
    zaal = [
        dienst.aanmelding.aanmelden(links.meeting_id, "Agent", "Politie", "politie"),
        dienst.aanmelding.aanmelden(links.meeting_id, "Opbouw", "Buurtteam", "welzijn"),
        dienst.aanmelding.aanmelden(links.meeting_id, "Jongerenwerker", "JoU", "welzijn"),
    ]
    leiding = create_user()
    await leiding.open(f"/leiding/{links.facilitator_token}")
    await leiding.should_see("Start het overleg", retries=LIVE)
    beamer = user
    await beamer.open(f"/scherm/{links.projector_token}")
    await klik(leiding, "Start het overleg")
    await beamer.should_see("0 van 3 hebben geantwoord", retries=LIVE)
    for deelnemer, fase in zip(zaal, ("fase-incidenten", "fase-ongemak", "fase-ongemak"), strict=False):
        dienst.deelnemer(links.meeting_id, deelnemer).antwoord("test-fase", fase)
    await beamer.should_see("3 van 3 hebben geantwoord", retries=LIVE)
    await klik(leiding, "Uitslag tonen")
    await beamer.should_see("VERDEELD", retries=LIVE)
    # the picture per domain says it instead of a list of readings (issue 14)
    await beamer.should_see("Politie ziet incidenten, Welzijn / opbouwwerk ongemak: twee fasen verschil.", retries=LIVE)
    await beamer.should_see("Welzijn / opbouwwerk", retries=LIVE)
    assert not [e for e in beamer.find(ui.label).elements if e.text == "Domeinen lezen het anders:"]
    await leiding.should_see("Open onenigheden (1)", retries=LIVE)

    await klik(leiding, "Bespreken en opnieuw stemmen")
    await beamer.should_see("0 van 3 hebben geantwoord · ronde 2", retries=LIVE)
    for deelnemer in zaal:
        dienst.deelnemer(links.meeting_id, deelnemer).antwoord("test-fase", "fase-onderhuidse-spanningen")
    await klik(leiding, "Uitslag tonen")
    await beamer.should_see("EENSGEZIND", retries=LIVE)
    await beamer.should_see("ronde 1: verdeeld, ronde 2: eensgezind op onderhuidse spanningen", retries=LIVE)
    await beamer.should_see("Alle domeinen zien onderhuidse spanningen.", retries=LIVE)
    for tekst in ("Ronde 1", "Ronde 2", "⇄ 1", "⇄ 2"):  # both rounds side by side; who moved, per domain
        await beamer.should_see(tekst, retries=LIVE)
    rondes = dienst.lezen.oordelen(links.meeting_id, 0)["test-fase"]
    assert [(d.ronde, d.aantal, d.oordeel) for d in rondes] == [(1, 3, "verdeeld"), (2, 3, "eensgezind")]
    assert not [e for e in beamer.find(ui.label).elements if "Agent" in e.text], "no names on the projector"


async def test_dicht_bij_elkaar_op_de_beamer_met_eigen_kleur(user: User, app: Context):
    from datetime import date

    from buurtoverleg.pages.gedeeld import KLEUR

    dienst = app.dienst
    links = dienst.aanmelding.maak("Lombok", date(2026, 11, 23), "test-kort")
    zaal = [
        dienst.aanmelding.aanmelden(links.meeting_id, "Agent", "Politie", "politie"),
        dienst.aanmelding.aanmelden(links.meeting_id, "Opbouw", "Buurtteam", "welzijn"),
        dienst.aanmelding.aanmelden(links.meeting_id, "Jongerenwerker", "JoU", "welzijn"),
    ]
    dienst.leiding(links.facilitator_token).start()
    await user.open(f"/scherm/{links.projector_token}")
    fasen = ("fase-incidenten", "fase-onderhuidse-spanningen", "fase-onderhuidse-spanningen")
    for deelnemer, fase in zip(zaal, fasen, strict=True):
        dienst.deelnemer(links.meeting_id, deelnemer).antwoord("test-fase", fase)
    dienst.leiding(links.facilitator_token).onthul()
    # two of three, the third one phase further and from another domain: close, not agreed
    await user.should_see("DICHT BIJ ELKAAR", retries=LIVE)
    await user.should_see("rond onderhuidse spanningen", retries=LIVE)
    await user.should_see(
        "Politie ziet incidenten, Welzijn / opbouwwerk onderhuidse spanningen: één fase verschil.", retries=LIVE
    )
    (woord,) = [e for e in user.find(ui.label).elements if e.text == "DICHT BIJ ELKAAR"]
    assert woord._style["background"] == KLEUR["dicht bij elkaar"]
    assert dienst.lezen.onenigheden(links.meeting_id) == []  # not an open disagreement


async def test_zonder_wachtwoord_geen_overleggen_en_geen_links(user: User, app: Context):
    from datetime import date

    links = app.dienst.aanmelding.maak("Geheim", date(2026, 11, 23), "test-kort")
    await user.open("/")
    await user.should_see("Organisator", retries=LIVE)
    await user.should_not_see("Geheim")
    assert not [e for e in user.find(ui.link).elements if links.facilitator_token in str(e.props.get("href"))]
    user.find(marker="wachtwoord").type("fout-wachtwoord")
    await klik(user, "Inloggen")
    await user.should_see("Dat wachtwoord klopt niet", retries=LIVE)
    for _ in range(5):
        await klik(user, "Inloggen")
    await user.should_see("Te veel pogingen", retries=LIVE)
    user.find(marker="wachtwoord").clear().type(ORGANISATOR)
    await klik(user, "Inloggen")
    await user.should_see("Te veel pogingen", retries=LIVE)
    await user.should_not_see("Geheim")


async def test_eerste_keer_kiest_de_organisator_een_wachtwoord(user: User, monkeypatch, app: Context):
    monkeypatch.delenv("BUURTOVERLEG_ADMIN_KEY")
    app.organisator._sleutel = None  # the app was started with the key; this test is the fresh install
    await user.open("/")
    await user.should_see("Eerste keer", retries=LIVE)
    user.find(marker="wachtwoord").type("kort")
    user.find(marker="wachtwoord-herhaald").type("kort")
    await klik(user, "Wachtwoord instellen")
    await user.should_see("minstens 10 tekens", retries=LIVE)
    user.find(marker="wachtwoord").clear().type("een-goed-wachtwoord")
    user.find(marker="wachtwoord-herhaald").clear().type("een-goed-wachtwoord")
    await klik(user, "Wachtwoord instellen")
    await user.should_see("Nieuw overleg", retries=LIVE)
    assert app.organisator.klopt("een-goed-wachtwoord") and not app.organisator.klopt("iets anders")


async def test_verkeerde_codes_worden_afgeremd(user: User):
    for _ in range(6):
        await user.open("/doe/QQQQQQ")
    await user.should_see("Te veel verkeerde codes", retries=LIVE)


async def test_van_voorstel_naar_smart_actie_en_terug_in_het_vervolgoverleg(user: User, app: Context):
    from datetime import date

    dienst = app.dienst
    links = dienst.aanmelding.maak("Hoograven", date(2026, 11, 23), "test-kort")
    await user.open(f"/leiding/{links.facilitator_token}")
    await user.should_see("Aanpak en acties", retries=LIVE)
    await klik(user, "Aanpak en acties")
    await user.should_see("Voorstellen", retries=LIVE)
    titel = app.catalogus.titel("richting-1")
    await user.should_see(titel, retries=LIVE)
    await klik(user, marker="kies-richting-1")
    await user.should_see("Waarom kiest de zaal hiervoor?", retries=LIVE)
    user.find(marker="reden").type("portieken schuren")
    await klik(user, marker="kies-bevestig")
    await user.should_see("Gekozen: portieken schuren", retries=LIVE)

    user.find(marker="smart-wat").type("Portiekgesprekken organiseren")
    user.find(marker="smart-uitvoerder").type("Opbouwwerk")
    user.find(marker="smart-wanneer").type("2020-01-01")
    await klik(user, "Actie opslaan")
    await user.should_see("ligt in het verleden", retries=LIVE)
    user.find(marker="smart-wanneer").clear().type("2099-03-01")
    await klik(user, marker="koppeling")
    await klik(user, titel)
    await klik(user, "Actie opslaan")
    await user.should_see("Portiekgesprekken organiseren · Opbouwwerk · uiterlijk 01-03-2099", retries=LIVE)
    (actie,) = dienst.lezen.acties(links.meeting_id)
    assert actie.interventie == "richting-1" and actie.wat == "Portiekgesprekken organiseren"

    vervolg = dienst.aanmelding.maak("Hoograven", date(2027, 1, 10), "test-kort", vorige=links.meeting_id)
    await user.open(f"/leiding/{vervolg.facilitator_token}")
    await user.should_see("Vorig overleg (1)", retries=LIVE)
    await klik(user, "Vorig overleg (1)")
    await user.should_see("Portiekgesprekken organiseren · Opbouwwerk · uiterlijk 01-03-2099", retries=LIVE)


async def test_signalen_op_de_telefoon_kaart_voor_kaart(user: User, app: Context):
    """A new signal in the room adds one card to every phone's one list element: no element is
    built per signal or per recognition, and the cards stay in the order they came in."""
    from datetime import date

    dienst = app.dienst
    links = dienst.aanmelding.maak("Zuilen", date(2026, 11, 23), "test-kort")
    mid, t = links.meeting_id, links.facilitator_token
    agent = dienst.aanmelding.aanmelden(mid, "Agent", "Politie", "politie")
    opbouw = dienst.aanmelding.aanmelden(mid, "Opbouw", "Buurtteam", "welzijn")
    await meedoen(user, links.join_code, "Bewoner")
    dienst.leiding(t).start()
    dienst.leiding(t).ga_naar(2)
    await user.should_see("Wat zie of hoor je in de buurt?", retries=LIVE)
    await user.should_not_see("Signalen in de zaal")

    eerste = dienst.deelnemer(mid, agent).signaal("test-signalen", "waarneming", "Scooters op het plein")
    await user.should_see("Scooters op het plein", retries=LIVE)
    await user.should_see("Signalen in de zaal", retries=LIVE)

    def lijst() -> Signaalkaarten:
        (element,) = user.find(Signaalkaarten).elements
        return element

    def teksten() -> list[str]:
        return [k["tekst"] for k in lijst().props["kaarten"]]

    assert user.client is not None
    voor, elementen = lijst(), len(user.client.elements)
    dienst.deelnemer(mid, opbouw).signaal("test-signalen", "duiding", "Ruzie bij de speeltuin")
    await user.should_see("Ruzie bij de speeltuin", retries=LIVE)
    assert lijst() is voor and len(user.client.elements) == elementen, "a new signal built elements"

    dienst.deelnemer(mid, opbouw).herken(eerste)  # someone else recognises it: the count goes up here too
    await user.should_see("Herken ik (1)", retries=LIVE)
    await herken(user, "Herken ik (1)")
    await user.should_see("Herken ik ✓ (2)", retries=LIVE)
    assert lijst() is voor and len(user.client.elements) == elementen, "a recognition built elements"

    user.find("Je signaal").type("Mijn eigen signaal")
    await klik(user, "Signaal versturen")
    await user.should_see("Ontvangen ✓ Je kunt nog een signaal toevoegen.", retries=LIVE)
    await user.should_see("Mijn eigen signaal", retries=LIVE)
    assert teksten() == [  # on screen in the order they came in
        "Scooters op het plein",
        "Ruzie bij de speeltuin",
        "Mijn eigen signaal",
    ]

    dienst.leiding(t).modereer(eerste, verborgen=True)  # the facilitator hides it: it leaves every phone
    await user.should_not_see("Scooters op het plein", retries=LIVE)
    await user.should_see("Ruzie bij de speeltuin")
    assert teksten() == ["Ruzie bij de speeltuin", "Mijn eigen signaal"] and lijst() is voor


async def test_dialogen_van_de_console_verdwijnen_na_gebruik(user: User, app: Context):
    """A dialog per click: after saving or cancelling none stays behind in the page."""
    from datetime import date

    dienst = app.dienst
    links = dienst.aanmelding.maak("Lunetten", date(2026, 11, 23), "test-kort")
    a = dienst.aanmelding.aanmelden(links.meeting_id, "Agent", "Politie", "politie")
    dienst.leiding(links.facilitator_token).start()
    dienst.leiding(links.facilitator_token).ga_naar(2)
    dienst.deelnemer(links.meeting_id, a).signaal("test-signalen", "waarneming", "Brommers op de stoep")
    await user.open(f"/leiding/{links.facilitator_token}")
    await user.should_see("Brommers op de stoep", retries=LIVE)
    assert user.client is not None

    def dialogen() -> int:
        return sum(isinstance(e, ui.dialog) for e in user.client.elements.values())  # type: ignore[union-attr]

    async def geen_dialogen() -> None:
        for _ in range(LIVE):
            if not dialogen():
                return
            await asyncio.sleep(0.1)
        assert dialogen() == 0

    await klik(user, "Bewerken")
    await user.should_see(marker="signaaltekst", retries=LIVE)
    user.find(marker="signaaltekst").clear().type("Brommers op de stoep bij de school")
    await klik(user, marker="bewerk-opslaan")
    await geen_dialogen()
    assert [k.tekst for k in dienst.lezen.signalen(links.meeting_id)] == ["Brommers op de stoep bij de school"]

    await klik(user, "Bewerken")
    await user.should_see(marker="bewerk-annuleren", retries=LIVE)
    assert dialogen() == 1
    await klik(user, marker="bewerk-annuleren")
    await geen_dialogen()
    assert [k.tekst for k in dienst.lezen.signalen(links.meeting_id)] == ["Brommers op de stoep bij de school"]


async def test_beamer_noemt_de_punten_van_de_schaal_zoals_de_telefoon(user: User, create_user, app: Context):
    from datetime import date

    dienst = app.dienst
    links = dienst.aanmelding.maak("Hoograven", date(2026, 11, 23), "test-kort")
    mid, t = links.meeting_id, links.facilitator_token
    agent = dienst.aanmelding.aanmelden(mid, "Agent", "Politie", "politie")
    await meedoen(user, links.join_code, "Bewoner")
    dienst.leiding(t).start()
    dienst.leiding(t).ga_naar(1)
    await user.should_see("Hoe ernstig is het?", retries=LIVE)
    await user.should_see("1 · licht")
    await user.should_see("5 · ernstig")
    await klik(user, "5 · ernstig")
    await user.should_see("Ontvangen", retries=LIVE)
    dienst.deelnemer(mid, agent).antwoord("test-ernst", 1)
    dienst.leiding(t).onthul()

    beamer = create_user()
    await beamer.open(f"/scherm/{links.projector_token}")
    await beamer.should_see("1 · licht", retries=LIVE)
    await beamer.should_see("5 · ernstig")
    await beamer.should_see("3")  # a point without a name shows its number
    assert [u.verdeling for u in dienst.lezen.uitslagen(mid, 1) if u.vraag_id == "test-ernst"] == [
        {1: 1, 2: 0, 3: 0, 4: 0, 5: 1}
    ]


async def test_stippen_verdelen_met_knoppen_die_zeggen_waarvoor_ze_zijn(user: User, app: Context):
    from datetime import date

    dienst = app.dienst
    links = dienst.aanmelding.maak("Kanaleneiland", date(2026, 11, 23), "test-kort")
    await meedoen(user, links.join_code, "Wethouder", "Gemeente")
    dienst.leiding(links.facilitator_token).start()
    dienst.leiding(links.facilitator_token).ga_naar(3)
    await user.should_see("Waar wil je op inzetten?", retries=LIVE)
    assert user.client is not None

    meer = user.find(marker="meer-test-ongemak").elements.pop()
    assert meer.props["aria-label"] == "Eén stip meer voor Ongemak"
    assert user.find(marker="minder-test-ongemak").elements.pop().props["aria-label"] == (
        "Eén stip minder voor Ongemak"
    )
    await klik(user, marker="meer-test-ongemak")
    await klik(user, marker="meer-test-ongemak")
    await user.should_see("Nog 1 van 3 stippen te verdelen", retries=LIVE)
    await klik(user, marker="minder-test-ongemak")
    await klik(user, marker="meer-test-rust")
    await klik(user, marker="meer-test-rust")
    await klik(user, "Versturen")
    await user.should_see("Ontvangen", retries=LIVE)
    (ik,) = dienst.lezen.vergadering(links.meeting_id).deelnemers
    assert dienst.deelnemer(links.meeting_id, ik.id).mijn_antwoorden()["test-stippen"] == {
        "test-ongemak": 1,
        "test-rust": 2,
    }


async def test_een_nieuw_signaal_kost_een_lezing_voor_alle_telefoons(
    user: User, create_user, monkeypatch: pytest.MonkeyPatch, app: Context
):
    """Thirty phones need the same list after a new signal: one database read serves them all;
    what is one phone's own (its own card, its own 'herken ik') is added per phone."""
    from datetime import date

    dienst = app.dienst
    links = dienst.aanmelding.maak("Ondiep", date(2026, 11, 23), "test-kort")
    mid, t = links.meeting_id, links.facilitator_token
    agent = dienst.aanmelding.aanmelden(mid, "Agent", "Politie", "politie")
    telefoons = [user, create_user(), create_user()]
    for i, tel in enumerate(telefoons):
        await meedoen(tel, links.join_code, f"Bewoner {i}")
    dienst.leiding(t).start()
    dienst.leiding(t).ga_naar(2)
    for tel in telefoons:
        await tel.should_see("Wat zie of hoor je in de buurt?", retries=LIVE)

    lezingen: list[int] = []
    echt = dienst.lezen.zaalsignalen
    monkeypatch.setattr(dienst.lezen, "zaalsignalen", lambda *a, **k: (lezingen.append(1), echt(*a, **k))[1])
    eerste = dienst.deelnemer(mid, agent).signaal("test-signalen", "waarneming", "Vuurwerk bij de flat")
    for tel in telefoons:
        await tel.should_see("Herken ik (0)", retries=LIVE)
    # at most one: a phone's read that was queued before the patch (a slow machine) can run
    # after the signal's commit and serve this version to all three, with no read of its own
    assert len(lezingen) <= 1

    dienst.deelnemer(mid, agent).herken(eerste)  # a change: one new read, and every phone shows the count
    for tel in telefoons:
        await tel.should_see("Herken ik (1)", retries=LIVE)
    assert 1 <= len(lezingen) <= 2
    await herken(user, "Herken ik (1)")  # only this phone's own mark changes
    await user.should_see("Herken ik ✓ (2)", retries=LIVE)
    for tel in telefoons[1:]:
        await tel.should_see("Herken ik (2)", retries=LIVE)
        await tel.should_not_see("Herken ik ✓")


@pytest.fixture
def alleen_op_deze_computer(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app started with --host 127.0.0.1 and no public address (set before `user` starts it)."""
    monkeypatch.setenv("BUURTOVERLEG_HOST", "127.0.0.1")
    monkeypatch.delenv("BUURTOVERLEG_PUBLIEKE_URL", raising=False)


async def test_console_waarschuwt_als_telefoons_er_niet_bij_kunnen(
    alleen_op_deze_computer: None, user: User, app: Context
):
    from datetime import date

    links = app.dienst.aanmelding.maak("Oog in Al", date(2026, 11, 23), "test-kort")
    await user.open(f"/leiding/{links.facilitator_token}")
    await user.should_see("Let op: de app luistert alleen op deze computer", retries=LIVE)


async def test_console_zonder_waarschuwing_als_de_app_op_het_netwerk_luistert(user: User, app: Context):
    from datetime import date

    assert app.instellingen.host == "0.0.0.0"
    links = app.dienst.aanmelding.maak("Oog in Al", date(2026, 11, 23), "test-kort")
    await user.open(f"/leiding/{links.facilitator_token}")
    await user.should_see("Start het overleg", retries=LIVE)
    await user.should_not_see("Let op: de app luistert alleen op deze computer")
