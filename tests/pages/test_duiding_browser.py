"""Issue 14 in real browsers: four phones from four domains, the beamer's picture per domain
after a reveal, a re-vote with both rounds, a divided checklist and the signal-recognition
view the facilitator switches on. Screenshots of the beamer at 1920x1080 go to
test-artefacten/duiding-*.png.

Run:  .venv/bin/python -m pytest tests/pages/test_duiding_browser.py -q
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.pages.browser import TEST_INHOUD, Browser, knop_xpath, past_zonder_scrollen, waarom_overslaan
from tests.pages.test_browser import BEAMER, LEIDING, TELEFOON, aanmelden, browsers, server, toegankelijk  # noqa: F401

REDEN = waarom_overslaan()
pytestmark = [pytest.mark.browser, pytest.mark.skipif(REDEN is not None, reason=REDEN or "")]

ZAAL = (
    # name, organisation, domain as the phone's list shows it, domain key, fase round 1, fase round 2
    ("Sander", "Politie Zuidwest", "Politie", "politie", "Incidenten", "Incidenten"),
    ("Mariëlle", "Buurtteam Zuid", "Welzijn / opbouwwerk", "welzijn", "Ongemak", "Onderhuidse spanningen"),
    (
        "Youssef",
        "Jongerenwerk Zuid",
        "Jongerenwerk",
        "jongerenwerk",
        "Onderhuidse spanningen",
        "Onderhuidse spanningen",
    ),
    ("Eline", "Wijkbureau", "Gemeente", "gemeente", "Onderhuidse spanningen", "Onderhuidse spanningen"),
)


def _dienst(draaiend):  # type: ignore[no-untyped-def]
    """The domain on the server's own database: it prepares what no phone needs to type."""
    from buurtoverleg import content
    from buurtoverleg.samenstelling import maak_dienst
    from buurtoverleg.sessie.gebeurtenissen import LokaleBus
    from buurtoverleg.storage import Database

    return maak_dienst(Database(draaiend.database_url), content.laad(TEST_INHOUD), LokaleBus())


def _rijen(beamer: Browser) -> dict[str, list[list[int]]]:
    """Per round (in order) of the beamer's picture: per domain the counts per step or option."""
    return beamer.js(
        "return [...document.querySelectorAll('[data-ronde]')].map(r => {"
        "  const uit = {}; let domein = null;"
        "  for (const e of r.querySelectorAll('[data-domein], [data-aantal]')) {"
        "    if (e.dataset.domein) { domein = e.dataset.domein; uit[domein] = []; }"
        "    else if (domein) uit[domein].push(+e.dataset.aantal);"
        "  }"
        "  return uit; });"
    )


def schakelaar(leiding: Browser) -> None:
    leiding.element(
        "//div[contains(@class,'q-toggle')][.//div[normalize-space(.)='Beamer: welke signalen herkent de zaal']]",
        "schakelaar voor de herkenning op de beamer",
    ).click()


def volgende(leiding: Browser, stap: str) -> None:
    """'Volgende ▶' until the console shows `stap`: a click that lands on a button a redraw is
    just replacing (the switch's event redraws the console) does nothing, so it is given again
    only while the console still shows the step before."""
    for poging in range(3):
        leiding.wacht_tot_stil()
        leiding.knop("Volgende ▶")
        try:
            leiding.zie(stap, timeout=4)
            return
        except AssertionError:
            if poging == 2 or "stap" not in leiding.tekst():
                raise


def _vier_telefoons_antwoorden(telefoons: list[Browser], ronde: int) -> None:
    for telefoon, (*_, eerste, tweede) in zip(telefoons, ZAAL, strict=True):
        telefoon.zie("In welke fase zit de polarisatie in deze buurt?")
        telefoon.knop(eerste if ronde == 1 else tweede)
        telefoon.zie("Ontvangen")


def test_vier_domeinen_verdeeld_beeld_per_domein_en_tweede_ronde(server, browsers) -> None:  # noqa: F811
    from buurtoverleg.voorbeeld import TEMPLATE

    dienst = _dienst(server)
    links = dienst.aanmelding.maak("Kanaleneiland-Zuid", date(2026, 12, 2), TEMPLATE)
    m, t = links.meeting_id, links.facilitator_token
    leiding, beamer, *telefoons = browsers(
        ("leiding", LEIDING, False),
        ("beamer", BEAMER, False),
        *((f"telefoon-{d}", TELEFOON, True) for *_, d, _e, _t in ZAAL),
    )
    beamer.open(f"{server.url}/scherm/{links.projector_token}")
    leiding.open(f"{server.url}/leiding/{t}")
    for telefoon, (naam, organisatie, domein, *_) in zip(telefoons, ZAAL, strict=True):
        aanmelden(telefoon, f"{server.url}/doe/{links.join_code}", naam, organisatie, domein)
    leiding.zie("4 stemmers")
    ids = {d.domein: d.id for d in dienst.lezen.vergadering(m).deelnemers}
    tel = {k: dienst.deelnemer(m, i) for k, i in ids.items()}
    leiding.knop("Start het overleg")
    leiding.zie("stap 1: Signalen delen")

    # step 1, signals (made through the domain; the console's switch makes every page read
    # again): the recognition view on the beamer, then 'herken ik niet' from a phone
    gedeeld = tel["politie"].signaal("kort-signalen-vraag", "waarneming", "Meer meldingen over geluidsoverlast")
    for wie in ("welzijn", "jongerenwerk", "gemeente"):
        tel[wie].herken(gedeeld)
    tel["politie"].signaal(
        "kort-signalen-vraag", "duiding", "Zonder ingrijpen verwacht ik incidenten rond het speelveld"
    )
    splijt = tel["welzijn"].signaal(
        "kort-signalen-vraag", "duiding", "Het gaat om eenzaamheid van ouderen, niet om onveiligheid"
    )
    tel["gemeente"].herken(splijt)
    schakelaar(leiding)
    beamer.zie("Welke signalen herkent de zaal?")
    beamer.zie("Door alle domeinen herkend (1)")
    beamer.zie("alleen gezien door Politie")
    politie = telefoons[0]
    politie.zie("Het gaat om eenzaamheid van ouderen")
    politie.knop("Herken ik niet (0)")
    politie.zie("Herken ik niet ✓ (1)")
    politie.screenshot("duiding-telefoon-herken-ik-niet")
    beamer.zie("Splitst de zaal (1)")
    tekst = beamer.tekst()
    assert tekst.index("Het gaat om eenzaamheid") < tekst.index("Meer meldingen over geluidsoverlast"), (
        "the signals that split the room first"
    )
    assert past_zonder_scrollen(beamer)["past"], past_zonder_scrollen(beamer)
    toegankelijk(beamer, "beamer, herkenning van de signalen")
    beamer.screenshot("duiding-beamer-herkenning")
    schakelaar(leiding)
    beamer.wacht(lambda: "Welke signalen herkent de zaal?" not in beamer.tekst(), "terug naar de stap")

    # step 2, a divided checklist: a domain x option grid
    volgende(leiding, "stap 2: Verschijningsvormen")
    beamer.zie("In welke vormen zie je polarisatie in deze buurt?")
    for wie, keuze in (
        ("politie", ["vorm-gedrag"]),
        ("welzijn", ["vorm-denken", "vorm-voelen"]),
        ("jongerenwerk", ["vorm-voelen"]),
        ("gemeente", ["vorm-denken", "vorm-gedrag"]),
    ):
        tel[wie].antwoord("kort-vormen-vraag", keuze)
    leiding.knop("Uitslag tonen")
    beamer.zie("VERDEELD")
    beamer.wacht(lambda: _rijen(beamer) and len(_rijen(beamer)[0]) == 4, "het raster domein x optie")
    assert _rijen(beamer)[0]["politie"] == [0, 0, 1]
    assert past_zonder_scrollen(beamer)["past"], past_zonder_scrollen(beamer)
    toegankelijk(beamer, "beamer, verdeelde checklist")
    beamer.screenshot("duiding-beamer-checklist-verdeeld")

    # step 3, the fase question: four phones answer 1/2/1 over three phases
    volgende(leiding, "stap 3: Fase van polarisatie")
    _vier_telefoons_antwoorden(telefoons, 1)
    beamer.zie("4 van 4 hebben geantwoord")
    leiding.knop("Uitslag tonen")
    beamer.zie("VERDEELD")
    beamer.zie(
        "Politie ziet incidenten, Gemeente en Jongerenwerk onderhuidse spanningen, Welzijn / opbouwwerk ongemak: twee fasen verschil."
    )
    assert "EENSGEZIND" not in beamer.tekst().upper()
    (ronde,) = _rijen(beamer)
    assert ronde == {
        "politie": [0, 0, 0, 1, 0],
        "welzijn": [0, 1, 0, 0, 0],
        "jongerenwerk": [0, 0, 1, 0, 0],
        "gemeente": [0, 0, 1, 0, 0],
    }
    assert past_zonder_scrollen(beamer)["past"], past_zonder_scrollen(beamer)
    beamer.screenshot("duiding-beamer-fase-verdeeld")
    leiding.zie("Volgende:")
    toegankelijk(leiding, "gespreksleider, open onenigheden")
    leiding.js(
        "arguments[0].scrollIntoView({block: 'start'})",
        leiding.element("//div[starts-with(normalize-space(.),'Open onenigheden')]", "de lijst open onenigheden"),
    )
    leiding.screenshot("duiding-leiding-open-onenigheid")

    # the re-vote: both rounds side by side, who moved marked
    # the fase question's own card: the checklist's disagreement is open too, and its button
    # would take the room back to that step
    leiding.element(
        "//div[contains(@class,'q-card')][.//div[starts-with(normalize-space(.),'Fase van polarisatie:')]]"
        f"{knop_xpath('Bespreken en opnieuw stemmen')}",
        "de knop bij de open onenigheid over de fase",
    ).click()
    beamer.zie("0 van 4 hebben geantwoord · ronde 2")
    _vier_telefoons_antwoorden(telefoons, 2)
    beamer.zie("4 van 4 hebben geantwoord · ronde 2")
    leiding.knop("Uitslag tonen")
    beamer.wacht(lambda: len(_rijen(beamer)) == 2, "twee rondes naast elkaar")
    een, twee = _rijen(beamer)
    assert een == ronde
    assert twee["welzijn"] == [0, 0, 1, 0, 0] and twee["politie"] == [0, 0, 0, 1, 0]
    beamer.zie("Ronde 1")
    beamer.zie("Ronde 2")
    beamer.zie("⇄ 1")
    assert "EENSGEZIND" not in beamer.tekst().upper(), "politie still reads it a phase further"
    assert past_zonder_scrollen(beamer)["past"], past_zonder_scrollen(beamer)
    toegankelijk(beamer, "beamer, twee rondes")
    beamer.screenshot("duiding-beamer-tweede-ronde")

    # the smaller beamers, for looking at (fitting a step on 1024x768 is the beamer layout's own work)
    for breedte, hoogte in ((1280, 720), (1024, 768)):
        beamer.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": breedte, "height": hoogte, "deviceScaleFactor": 1, "mobile": False},
        )
        beamer.wacht(lambda b=breedte: beamer.viewport()[0] == b, f"beamer {breedte} breed")
        assert not beamer.breder_dan_scherm(breedte), beamer.breder_dan_scherm(breedte)
        beamer.screenshot(f"duiding-beamer-tweede-ronde-{breedte}x{hoogte}")
