"""The method on real screens: the casus, a checklist and the incident guidance on a 1920×1080
beamer, and the 'Uitleg' on a 360×640 phone. Screenshots go to test-artefacten/methode-*.png.

Run only these:  .venv/bin/python -m pytest tests/pages/test_browser_methode.py -q
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from tests.pages.browser import (
    TEST_INHOUD,
    Browser,
    Server,
    draai_server,
    maak_browser,
    past_zonder_scrollen,
    waarom_overslaan,
)

REDEN = waarom_overslaan()
pytestmark = [pytest.mark.browser, pytest.mark.skipif(REDEN is not None, reason=REDEN or "")]

BEAMER = (1920, 1080)
TELEFOON = (360, 640)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with draai_server(tmp_path_factory.mktemp("server")) as s:
        yield s


@pytest.fixture
def dienst(server: Server):  # type: ignore[no-untyped-def]
    """The domain on the server's own database: meetings are set up before a page opens."""
    from buurtoverleg import content
    from buurtoverleg.samenstelling import maak_dienst
    from buurtoverleg.sessie.gebeurtenissen import LokaleBus
    from buurtoverleg.storage import Database

    return maak_dienst(Database(server.database_url), content.laad(TEST_INHOUD), LokaleBus())


@pytest.fixture
def beamer() -> Iterator[Browser]:
    b = maak_browser("beamer", *BEAMER)
    yield b
    b.sluit()


def _naar(dienst, template: str, stap_id: str | None = None):  # type: ignore[no-untyped-def]
    links = dienst.aanmelding.maak("Overvecht", date(2026, 12, 2), template)
    for i, domein in enumerate(("politie", "welzijn", "gemeente")):
        dienst.aanmelding.aanmelden(links.meeting_id, f"P{i}", "", domein)
    leiding = dienst.leiding(links.facilitator_token)
    leiding.start()
    if stap_id is not None:
        v = dienst.lezen.vergadering(links.meeting_id)
        leiding.ga_naar(next(s.positie for s in v.stappen if s.id == stap_id))
    return links


def test_casus_opent_het_oefenoverleg_op_de_beamer(server: Server, dienst, beamer: Browser) -> None:  # type: ignore[no-untyped-def]
    links = _naar(dienst, "tpl-oefenen-casus-1")
    beamer.open(f"{server.url}/scherm/{links.projector_token}")
    beamer.zie("Casus 1: een multiculturele buurt met veel problemen")
    beamer.zie("Kinderen van 8 tot 14 jaar geven veel overlast")
    beamer.zie("Wat valt je als eerste op in deze buurt?")
    beamer.screenshot("methode-beamer-casus")
    maten = past_zonder_scrollen(beamer)
    assert maten["past"], f"de casus scrolt op 1920x1080: {maten}"


def test_informatiepositie_toont_de_negen_vragen(server: Server, dienst, beamer: Browser) -> None:  # type: ignore[no-untyped-def]
    links = _naar(dienst, "tpl-analyse-polarisatie", "analyse-informatiepositie")
    beamer.open(f"{server.url}/scherm/{links.projector_token}")
    beamer.zie("Checklist informatiepositie")
    for vraag in dienst.catalogus.get("checklist-informatiepositie").item.onderdelen:
        beamer.zie(vraag.titel)
    beamer.screenshot("methode-beamer-informatiepositie")
    maten = past_zonder_scrollen(beamer)
    assert maten["past"], f"de informatiepositie scrolt op 1920x1080: {maten}"


def test_incidentbegeleiding_op_de_beamer(server: Server, dienst, beamer: Browser) -> None:  # type: ignore[no-untyped-def]
    links = _naar(dienst, "tpl-analyse-kort", "kort-fase")
    dienst.leiding(links.facilitator_token).stel_vast("kort-fase-vraag", "fase-incidenten", "na bespreking")
    beamer.open(f"{server.url}/scherm/{links.projector_token}")
    beamer.zie("Na incidenten: wat werkt en wat niet")
    beamer.zie("bespreek dit in een SAMOS-kernteam")
    beamer.screenshot("methode-beamer-incident")
    maten = past_zonder_scrollen(beamer)
    assert maten["past"], f"de incidentbegeleiding scrolt op 1920x1080: {maten}"


def test_uitleg_op_een_smalle_telefoon(server: Server, dienst) -> None:  # type: ignore[no-untyped-def]
    links = _naar(dienst, "tpl-analyse-polarisatie", "analyse-informatiepositie")
    telefoon = maak_browser("telefoon", *TELEFOON, mobiel=True)
    try:
        telefoon.open(f"{server.url}/doe/{links.join_code}")
        telefoon.zie("Vul in wie je bent")
        telefoon.typ("Naam", "Noor")
        telefoon.kies("Domein", "Bewoner")
        telefoon.knop("Meedoen")
        telefoon.zie("Uitleg")
        assert "Is meer uitwisseling nodig?" not in telefoon.tekst()  # behind the tap
        telefoon.element(
            "//div[contains(@class,'q-expansion-item')]//div[normalize-space(.)='Uitleg']", "Uitleg"
        ).click()
        telefoon.zie("Is meer uitwisseling nodig?")
        telefoon.screenshot("methode-telefoon-uitleg")
        breedte = telefoon.js("return document.scrollingElement.scrollWidth")
        assert breedte <= TELEFOON[0], f"de uitleg is breder dan de telefoon: {breedte}px"
    finally:
        telefoon.sluit()


@pytest.mark.parametrize(
    ("template", "stap_id", "te_zien", "maat"),
    [
        ("tpl-analyse-polarisatie", "analyse-richtingen", "Wanneer?", BEAMER),
        ("tpl-analyse-polarisatie", "analyse-acties", "Wie voert het uit?", BEAMER),
        ("tpl-oefenen-casus-1", None, "Kinderen van 8 tot 14 jaar geven veel overlast", (1024, 768)),
    ],
)
def test_stappen_met_veel_methode_passen(server: Server, dienst, template, stap_id, te_zien, maat) -> None:  # type: ignore[no-untyped-def]
    """The seven directions with their 'wanneer', the seven SMART questions ("Acties afspreken"
    used to show seven chips on an empty screen), and the casus on a small beamer."""
    links = _naar(dienst, template, stap_id)
    scherm = maak_browser("beamer", *maat)
    try:
        scherm.open(f"{server.url}/scherm/{links.projector_token}")
        scherm.zie(te_zien)
        scherm.screenshot(f"methode-beamer-{stap_id or 'casus'}-{maat[0]}x{maat[1]}")
        maten = past_zonder_scrollen(scherm)
        assert maten["past"], f"{stap_id or 'casus'} scrolt op {maat[0]}x{maat[1]}: {maten}"
    finally:
        scherm.sluit()


def test_console_toont_tip_en_begeleiding(server: Server, dienst) -> None:  # type: ignore[no-untyped-def]
    links = _naar(dienst, "tpl-analyse-kort", "kort-fase")
    dienst.aanmelding.aanmelden(links.meeting_id, "Fatima", "", "bewoner")
    dienst.leiding(links.facilitator_token).stel_vast("kort-fase-vraag", "fase-escalatie", "na bespreking")
    console = maak_browser("leiding", 1280, 800)
    try:
        console.open(f"{server.url}/leiding/{links.facilitator_token}")
        console.zie("Tip: Signaleringsinstrument 'spanningen in buurten'")
        console.zie("Na incidenten: wat werkt en wat niet")
        knop = "plan vervolg: samos kernteam: eerste bijeenkomst"  # a button's text is shown in capitals
        console.wacht(lambda: knop in console.tekst().lower(), "knop Plan vervolg")
        assert "Overleg met bewoners" not in console.tekst()  # an analysis step: not where it applies
        console.screenshot("methode-console-incident")
    finally:
        console.sluit()
