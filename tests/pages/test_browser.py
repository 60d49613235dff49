"""End to end in real browsers: the real server (`python -m buurtoverleg serve`) in a subprocess
and headless Chromium for the facilitator, the projector and the phones.

Run only these:      .venv/bin/python -m pytest tests/pages/test_browser.py -q
Run all but these:   .venv/bin/python -m pytest -m "not browser"
Screenshots go to test-artefacten/ (git-ignored); a failing test also leaves one per browser.
Every page is also checked with axe-core (WCAG 2.1 AA). scripts/schermafbeeldingen.py reruns
`test_schermen_met_een_verdeelde_zaal` to refresh the README's pictures in docs/schermen/.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.pages.browser import (
    ARTEFACTEN,
    JOIN_CODE,
    TEST_INHOUD,
    Browser,
    Server,
    draai_server,
    druk,
    kleine_tikdoelen,
    knop_xpath,
    lees_qr,
    maak_browser,
    past_zonder_scrollen,
    toegankelijkheidsfouten,
    waarom_overslaan,
)

REDEN = waarom_overslaan()
pytestmark = [pytest.mark.browser, pytest.mark.skipif(REDEN is not None, reason=REDEN or "")]

LEIDING = (1280, 800)
BEAMER = (1920, 1080)
TELEFOON = (390, 844)
SMALLE_TELEFOON = (360, 780)

SIGNAAL = "<b>Jongeren</b> bij het plein"
ORGANISATOR_WACHTWOORD = "buurt-test-wachtwoord"
"""Chosen on the first visit of the fresh test server (the app asks for at least 10 characters)."""
STEMMERS = r"\b{0} stemmers?, {0} in de zaal"
"""The console's participant count; singular or plural, whichever the app says."""
SCHERMEN_NAAR = os.environ.get("SCHERMAFBEELDINGEN")
"""A folder for the README's screenshots (scripts/schermafbeeldingen.py sets it); unset in CI."""
README_ADRES = "http://192.168.1.20:8080"
"""The laptop address the README's example uses; the pictures show it instead of this machine's."""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    # for the README's pictures the address a laptop in a buurthuis would show (see the README)
    with draai_server(tmp_path_factory.mktemp("server"), README_ADRES if SCHERMEN_NAAR else None) as s:
        yield s


Starter = Callable[..., list[Browser]]


@pytest.fixture
def browsers(request: pytest.FixtureRequest, server: Server) -> Iterator[Starter]:
    """`start((naam, (breedte, hoogte), mobiel), ...)` opens browsers in parallel; all are
    closed afterwards. After a failure each leaves a screenshot and the server log is shown."""
    open_: list[Browser] = []
    gefaald_voor = request.session.testsfailed
    for oud in ARTEFACTEN.glob(f"FOUT-{request.node.name}-*.png"):
        oud.unlink(missing_ok=True)

    def start(*specs: tuple[str, tuple[int, int], bool]) -> list[Browser]:
        def een(spec: tuple[str, tuple[int, int], bool]) -> Browser:
            naam, (breedte, hoogte), mobiel = spec
            return maak_browser(naam, breedte, hoogte, mobiel=mobiel)

        with ThreadPoolExecutor(max_workers=len(specs)) as pool:
            taken = [pool.submit(een, spec) for spec in specs]
        fouten = [t.exception() for t in taken if t.exception() is not None]
        open_.extend(t.result() for t in taken if t.exception() is None)
        if fouten:
            raise fouten[0]
        return [t.result() for t in taken]

    try:
        yield start
    finally:
        if request.session.testsfailed > gefaald_voor:
            for b in open_:
                with contextlib.suppress(Exception):  # best effort while reporting a failure
                    b.screenshot(f"FOUT-{request.node.name}-{b.naam}")
            print(f"--- serverlog ---\n{server.logstaart()}")
        with ThreadPoolExecutor(max_workers=max(1, len(open_))) as pool:
            list(pool.map(Browser.sluit, open_))


@dataclass
class Overleg:
    leiding_url: str
    beamer_url: str
    code: str


def als_organisator(leiding: Browser, server: Server) -> None:
    """Open the home page as the organiser: on a fresh server choose the organiser password
    (allowed on the server's own machine), afterwards log in with it."""
    leiding.open(f"{server.url}/")
    staat = leiding.wacht(
        lambda: next(
            (s for s in ("Nieuw overleg", "Eerste keer", "Inloggen") if s.lower() in leiding.tekst().lower()), None
        ),
        "startpagina: overleggen, eerste keer of inloggen",
    )
    if staat == "Eerste keer":
        leiding.typ("Wachtwoord", ORGANISATOR_WACHTWOORD)
        leiding.typ("Nog een keer", ORGANISATOR_WACHTWOORD)
        leiding.knop("Wachtwoord instellen")
    elif staat == "Inloggen":
        leiding.typ("Wachtwoord", ORGANISATOR_WACHTWOORD)
        leiding.knop("Inloggen")
    leiding.zie("Nieuw overleg")


def maak_overleg(leiding: Browser, server: Server, buurt: str) -> Overleg:
    """Through the home page, as the organiser does: buurt, template 'Testoverleg kort'."""
    als_organisator(leiding, server)
    leiding.typ("Buurt of wijk", buurt)
    if leiding.keuze("Sjabloon") != "Testoverleg kort":
        leiding.kies("Sjabloon", "Testoverleg kort")
    leiding.knop("Overleg aanmaken")
    leiding.wacht(lambda: "/leiding/" in leiding.driver.current_url, "naar het scherm van de gespreksleider")
    leiding.zie(buurt)
    leiding.element("//button[normalize-space(.)='Start het overleg']", "knop Start het overleg")
    beamer = leiding.element("//a[normalize-space(.)='Beamer openen']", "link Beamer openen").get_attribute("href")
    assert beamer and "/scherm/" in beamer, beamer
    gevonden = JOIN_CODE.search(leiding.tekst())
    assert gevonden, f"geen deelnemerscode op het scherm van de gespreksleider:\n{leiding.tekst()[:1000]}"
    return Overleg(leiding.driver.current_url, beamer, gevonden.group(1))


def aanmelden(telefoon: Browser, url: str, naam: str, organisatie: str, domein: str, *, lobby: bool = True) -> None:
    """Join through the form; `lobby=False` for a meeting already under way (no 'wait' shown then)."""
    telefoon.open(url)
    telefoon.zie("Vul in wie je bent")
    telefoon.typ("Naam", naam)
    telefoon.typ("Organisatie", organisatie)
    telefoon.kies("Domein", domein)
    telefoon.knop("Meedoen")
    if lobby:
        telefoon.zie("Wacht op de gespreksleider")
    telefoon.zie(naam)


def balken(beamer: Browser, titels: list[str]) -> dict[str, str]:
    """Per option title: the number at the end of its result bar (a row: title, bar, count)."""
    uitslag = {}
    for titel in titels:
        for rij in beamer.elementen(f"//div[contains(@class,'nicegui-row')][div[1][normalize-space(.)='{titel}']]"):
            uitslag[titel] = str(rij.find_element("xpath", "./div[last()]").text).strip()
    return uitslag


def kolomtotalen(beamer: Browser) -> list[int]:
    """The beamer's picture per domain after a reveal (its last round): per step or option,
    how many answers all domains together put there."""
    return list(
        beamer.js(
            "const r = [...document.querySelectorAll('[data-ronde]')].pop(); if (!r) return [];"
            "const rijen = []; for (const e of r.querySelectorAll('[data-domein], [data-aantal]')) {"
            "  if (e.dataset.domein) rijen.push([]); else if (rijen.length) rijen.at(-1).push(+e.dataset.aantal); }"
            "return rijen.length ? rijen[0].map((_, i) => rijen.reduce((t, rij) => t + rij[i], 0)) : [];"
        )
    )


def geen_herlaad(beamer: Browser) -> None:
    assert beamer.js("return window.__marker") == 1, "de beamer is herladen (window.__marker is weg)"


# --------------------------------------------------------------------------- test 1


def test_heel_overleg_met_beamer_en_twee_telefoons(server: Server, browsers: Starter) -> None:
    leiding, beamer, tel_c, tel_d = browsers(
        ("leiding", LEIDING, False),
        ("beamer", BEAMER, False),
        ("telefoon-c", TELEFOON, True),
        ("telefoon-d", TELEFOON, True),
    )
    overleg = maak_overleg(leiding, server, "Kanaleneiland")

    # the projector: lobby with QR code and join code, read back from the pixels
    beamer.open(overleg.beamer_url)
    beamer.zie("Doe mee met je telefoon")
    beamer.zie(overleg.code)
    beamer.element("//*[@role='img'][.//*[local-name()='svg']]", "QR-code")
    beamer.screenshot("beamer-lobby")
    codes = lees_qr(beamer.screenshot_beeld())
    assert len(codes) == 1, f"verwacht één QR-code op de beamer, gevonden: {codes}"
    qr = urlsplit(codes[0])
    assert qr.scheme in ("http", "https") and codes[0].endswith(f"/doe/{overleg.code}"), codes[0]
    assert qr.path == f"/doe/{overleg.code}", codes[0]
    assert qr.port == server.poort, f"de QR-code wijst naar poort {qr.port}, de server draait op {server.poort}"
    # phones reach the server at 127.0.0.1 here; the path stays exactly as decoded
    meedoen = urlunsplit(("http", f"127.0.0.1:{server.poort}", qr.path, qr.query, ""))
    beamer.js("window.__marker = 1")

    aanmelden(tel_c, meedoen, "Ans", "Politie Utrecht", "Politie")
    aanmelden(tel_d, meedoen, "Bo", "Buurtteam", "Welzijn / opbouwwerk")
    leiding.zie_patroon(STEMMERS.format(2))
    beamer.zie("2 deelnemers aangemeld")
    geen_herlaad(beamer)
    beamer.screenshot("beamer-lobby-aangemeld")

    # step 1: a blind single choice
    leiding.knop("Start het overleg")
    leiding.zie("stap 1: Welke fase?")
    beamer.zie("In welke fase zit de buurt?")
    beamer.zie("0 van 2 hebben geantwoord")
    geen_herlaad(beamer)

    tel_c.zie("In welke fase zit de buurt?")
    tel_d.zie("In welke fase zit de buurt?")
    tel_c.screenshot("telefoon-vraag")
    tel_c.knop("Rust")
    tel_c.zie("Ontvangen")
    tel_c.screenshot("telefoon-vraag-beantwoord")
    beamer.zie("1 van 2 hebben geantwoord")
    geen_herlaad(beamer)
    assert balken(beamer, ["Rust", "Onderhuidse spanningen"]) == {}, "een blinde vraag toont pas na onthullen balken"

    tel_d.knop("Onderhuidse spanningen")
    tel_d.zie("Ontvangen")
    beamer.zie("2 van 2 hebben geantwoord")
    leiding.zie("2 van 2 geantwoord")

    leiding.knop("Uitslag tonen")
    leiding.zie("Welke fase? · uitslag getoond")
    # the fase question is an ordered scale: after the reveal the picture per domain replaces the bars
    beamer.wacht(
        lambda: kolomtotalen(beamer) == [1, 0, 1, 0, 0], "het beeld per domein: rust 1, onderhuidse spanningen 1"
    )
    geen_herlaad(beamer)
    tel_c.zie("De uitslag staat op het scherm")
    beamer.screenshot("beamer-uitslag")
    leiding.screenshot("leiding-uitslag")

    # step 3: signals; participant text stays text on the projector
    leiding.knop("Volgende ▶")
    leiding.zie("stap 2: Ernst en vormen")
    tel_c.zie("Hoe ernstig is het?")  # one step at a time, so no late redraw hits the text box
    leiding.knop("Volgende ▶")
    leiding.zie("stap 3: Signalen")
    beamer.zie("Wat zie of hoor je in de buurt?")
    tel_c.zie("Wat zie of hoor je in de buurt?")
    tel_c.typ("Je signaal", SIGNAAL)
    tel_c.knop("Signaal versturen")
    tel_c.zie("Ontvangen ✓ Je kunt nog een signaal toevoegen.")
    tel_c.zie(SIGNAAL)  # its own card follows the acknowledgement
    tel_c.screenshot("telefoon-signaal")

    beamer.zie(SIGNAAL)
    kaart = beamer.wacht(
        lambda: beamer.js(
            """const [tekst] = arguments;
        const label = [...document.querySelectorAll('.signaalkaart div')].find(e => e.textContent === tekst);
        if (!label) return null;
        const kaart = label.closest('.signaalkaart');
        return {bElementen: kaart.querySelectorAll('b').length, kinderen: label.children.length,
                zichtbaar: kaart.innerText.includes(tekst),
                bOpPagina: [...document.querySelectorAll('b')]
                    .filter(b => b.textContent.includes('Jongeren')).length};""",
            SIGNAAL,
        ),
        "signaalkaart met de letterlijke tekst",
    )
    assert kaart == {"bElementen": 0, "kinderen": 0, "zichtbaar": True, "bOpPagina": 0}, (
        f"de tekst van een deelnemer werd HTML op de beamer: {kaart}"
    )
    geen_herlaad(beamer)
    beamer.screenshot("beamer-signalen")
    leiding.screenshot("leiding-signalen")


# --------------------------------------------------------------------------- test 2


def test_telefoon_past_op_360_pixels_en_lobby_past_op_de_beamer(server: Server, browsers: Starter) -> None:
    leiding, telefoon, beamer = browsers(
        ("leiding", LEIDING, False),
        ("telefoon-360", SMALLE_TELEFOON, True),
        ("beamer", BEAMER, False),
    )
    overleg = maak_overleg(leiding, server, "Overvecht-Noord en Zuilen-Oost")

    def past_in_de_breedte(waar: str) -> None:
        # a phone zooms out when something is too wide, so innerWidth grows as well
        maten = telefoon.scrollmaten()
        assert maten["scrollWidth"] <= SMALLE_TELEFOON[0] and maten["innerWidth"] == SMALLE_TELEFOON[0], (
            f"{waar}: de telefoon scrolt opzij ({maten}); uitstekend: {telefoon.breder_dan_scherm(SMALLE_TELEFOON[0])}"
        )

    telefoon.open(f"{server.url}/doe/{overleg.code}")
    telefoon.zie("Vul in wie je bent")
    past_in_de_breedte("aanmeldformulier")
    telefoon.screenshot("telefoon-360-aanmelden")
    aanmelden(
        telefoon,
        f"{server.url}/doe/{overleg.code}",
        "Fatima El Amrani-Verhoeven",
        "Stichting Jongerenwerk Utrecht Noord",
        "Woningcorporatie",
    )
    leiding.zie_patroon(STEMMERS.format(1))

    beamer.open(overleg.beamer_url)
    beamer.zie_patroon(r"\b1 deelnemers? aangemeld")
    beamer.zie("Woningcorporatie 1")
    assert beamer.viewport() == BEAMER
    maten = beamer.scrollmaten()
    assert maten["scrollHeight"] <= BEAMER[1], f"de lobby scrolt verticaal op 1920x1080: {maten}"
    assert maten["scrollWidth"] <= BEAMER[0], f"de lobby scrolt opzij op 1920x1080: {maten}"

    leiding.knop("Start het overleg")
    for stap, vraag in (
        ("stap 1: Welke fase?", "In welke fase zit de buurt?"),
        ("stap 2: Ernst en vormen", "Hoe ernstig is het?"),
        ("stap 3: Signalen", "Wat zie of hoor je in de buurt?"),
        ("stap 4: Prioriteren", "Waar wil je op inzetten?"),
    ):
        if not stap.startswith("stap 1"):
            leiding.knop("Volgende ▶")
        leiding.zie(stap)
        telefoon.zie(vraag)
        past_in_de_breedte(stap)
        if stap.startswith("stap 2"):  # one prompt per screen: the second one after 'Volgende vraag'
            telefoon.knop("Volgende vraag (2 van 2) →")
            telefoon.zie("Welke vormen zie je?")
            past_in_de_breedte("stap 2, vraag 2")
    telefoon.screenshot("telefoon-360-stippen")


# --------------------------------------------------------------------------- test 3


def test_herladen_telefoon_houdt_deelnemer_en_antwoord(server: Server, browsers: Starter) -> None:
    leiding, telefoon = browsers(("leiding", LEIDING, False), ("telefoon", TELEFOON, True))
    overleg = maak_overleg(leiding, server, "Lombok")
    aanmelden(telefoon, f"{server.url}/doe/{overleg.code}", "Carla", "Mitros", "Woningcorporatie")
    leiding.zie_patroon(STEMMERS.format(1))
    leiding.knop("Start het overleg")
    telefoon.zie("In welke fase zit de buurt?")
    telefoon.knop("Rust")
    telefoon.zie("Ontvangen")
    leiding.zie("1 van 1 geantwoord")

    telefoon.driver.refresh()
    telefoon.zie("In welke fase zit de buurt?")
    telefoon.zie("Carla")
    telefoon.zie("Ontvangen ✓")
    assert not telefoon.elementen("//div[contains(@class,'q-field__label')][normalize-space(.)='Naam']"), (
        "na herladen staat het aanmeldformulier er weer"
    )
    rust = telefoon.element(knop_xpath("Rust"), "knop Rust")
    assert "bg-primary" in (rust.get_attribute("class") or ""), "het gekozen antwoord is niet gemarkeerd na herladen"
    anders = telefoon.element(knop_xpath("Ongemak"), "knop Ongemak")
    assert "bg-primary" not in (anders.get_attribute("class") or "")
    leiding.zie_patroon(STEMMERS.format(1))
    leiding.zie("1 van 1 geantwoord")


# --------------------------------------------------------------------------- test 4


def toegankelijk(b: Browser, waar: str) -> None:
    fouten = toegankelijkheidsfouten(b)
    assert not fouten, f"[{b.naam}] {waar}: axe-core vindt fouten (WCAG 2.1 AA):\n" + "\n".join(fouten)


def duimvriendelijk(telefoon: Browser, waar: str) -> None:
    klein = kleine_tikdoelen(telefoon)
    assert not klein, f"{waar}: tikdoelen lager dan 44 px op de telefoon: {klein}"


def test_toegankelijk_sneltoetsen_tikdoelen_en_verbinding(server: Server, browsers: Starter) -> None:
    """axe-core on every page (WCAG 2.1 AA: no serious or critical violations, plus a level-one
    heading); the console's keyboard shortcuts; thumb-sized answers; the phone's connection state."""
    leiding, beamer, telefoon = browsers(
        ("leiding", LEIDING, False),
        ("beamer", BEAMER, False),
        ("telefoon", TELEFOON, True),
    )
    leiding.open(f"{server.url}/")
    leiding.zie_patroon("Eerste keer|Organisator|Nieuw overleg")
    assert leiding.js("return document.documentElement.lang") == "nl"
    toegankelijk(leiding, "startpagina")
    overleg = maak_overleg(leiding, server, "Transwijk")
    toegankelijk(leiding, "gespreksleider, lobby")
    leiding.zie("Sneltoetsen: → volgende · ← vorige")

    telefoon.open(f"{server.url}/doe")
    telefoon.zie("Meedoen met een buurtoverleg")
    toegankelijk(telefoon, "code-invoer")
    telefoon.open(f"{server.url}/doe/{overleg.code}")
    telefoon.zie("Vul in wie je bent")
    toegankelijk(telefoon, "aanmeldformulier")
    duimvriendelijk(telefoon, "aanmeldformulier")
    aanmelden(telefoon, f"{server.url}/doe/{overleg.code}", "Daan", "Wijkteam", "Zorg")
    toegankelijk(telefoon, "wachten op de start")
    beamer.open(overleg.beamer_url)
    beamer.zie("Doe mee met je telefoon")
    toegankelijk(beamer, "beamer, lobby")

    leiding.knop("Start het overleg")
    telefoon.zie("In welke fase zit de buurt?")
    toegankelijk(telefoon, "enkele keuze")
    duimvriendelijk(telefoon, "enkele keuze")
    telefoon.knop("Incidenten")
    telefoon.zie("Ontvangen")
    leiding.zie("1 van 1 geantwoord")

    druk(leiding, "u")  # uitslag tonen
    leiding.zie("Welke fase? · uitslag getoond")
    beamer.wacht(lambda: kolomtotalen(beamer) == [0, 0, 0, 1, 0], "het beeld per domein: incidenten 1")
    maten = past_zonder_scrollen(beamer)
    assert maten["past"], f"de uitslag met vijf opties scrolt op 1920x1080: {maten}"
    toegankelijk(beamer, "beamer, uitslag")
    toegankelijk(leiding, "gespreksleider, uitslag")

    from selenium.webdriver.common.keys import Keys

    druk(leiding, Keys.ARROW_RIGHT)
    leiding.zie("stap 2: Ernst en vormen")
    telefoon.zie("Hoe ernstig is het?")
    toegankelijk(telefoon, "schaal")
    duimvriendelijk(telefoon, "schaal")
    telefoon.knop("Volgende vraag (2 van 2) →")  # one prompt per screen
    telefoon.zie("Welke vormen zie je?")
    toegankelijk(telefoon, "meerkeuze")
    duimvriendelijk(telefoon, "meerkeuze")
    druk(leiding, Keys.ARROW_LEFT)
    leiding.zie("stap 1: Welke fase?")
    leiding.knop("Volgende ▶")  # with the mouse; the keys keep working afterwards
    leiding.zie("stap 2: Ernst en vormen")
    druk(leiding, Keys.ARROW_RIGHT)
    leiding.zie("stap 3: Signalen")
    druk(leiding, "s")  # invoer sluiten
    leiding.zie("Signalen · gesloten")
    druk(leiding, "o")  # invoer openen
    leiding.zie("Signalen · open voor invoer")
    telefoon.zie("Wat zie of hoor je in de buurt?")
    telefoon.typ("Je signaal", "Er staan sinds kort hekken om het speelveld.")
    telefoon.knop("Signaal versturen")
    telefoon.zie("Ontvangen ✓ Je kunt nog een signaal toevoegen.")
    toegankelijk(telefoon, "signaal")
    duimvriendelijk(telefoon, "signaal")
    # the Wi-Fi drops for eight seconds (NiceGUI shows its notice after two): the phone says so,
    # then picks up where it was, without a reload, so a half-typed signal is still there
    telefoon.typ("Je signaal", "Half getypt")
    telefoon.js(
        "window.__marker = 1; const io = window.socket.io;"
        "io.randomizationFactor(0); io.reconnectionDelay(8000); io.reconnectionDelayMax(8000); io.engine.close();"
    )
    telefoon.wacht(
        lambda: telefoon.js(
            "const p = document.getElementById('popup');"
            "return getComputedStyle(p).visibility === 'visible' && getComputedStyle(p).opacity === '1' && p.innerText"
        ),
        "melding dat de verbinding weg is",
    )
    melding = telefoon.js("return document.getElementById('popup').innerText")
    assert "Verbinding weg" in melding and "We proberen opnieuw" in melding, melding
    telefoon.screenshot("telefoon-verbinding-weg")
    telefoon.wacht(
        lambda: telefoon.js("return getComputedStyle(document.getElementById('popup')).visibility") == "hidden",
        "verbindingsmelding weg na het herstel",
        timeout=20,
    )
    assert telefoon.js("return window.__marker") == 1, "de telefoon herlaadde na het herstel van de verbinding"
    assert telefoon.veld("Je signaal").get_attribute("value") == "Half getypt"
    toegankelijk(beamer, "beamer, signalen")
    druk(leiding, Keys.ARROW_RIGHT)
    leiding.zie("stap 4: Prioriteren")
    telefoon.zie("Waar wil je op inzetten?")
    toegankelijk(telefoon, "stippen")
    duimvriendelijk(telefoon, "stippen")

    notulen = leiding.element("//a[normalize-space(.)='Notulen']", "link Notulen").get_attribute("href")
    leiding.open(notulen)
    leiding.zie("Concept downloaden")
    toegankelijk(leiding, "notulen")
    leiding.open(f"{server.url}/")
    leiding.zie("Nieuw overleg")
    toegankelijk(leiding, "organisator, overleggen")
    telefoon.open(f"{server.url}/scherm/geen-geldige-link")
    telefoon.zie("Dat lukt niet")
    toegankelijk(telefoon, "weigering")

    # a second meeting whose secretary link has a PIN: another browser sees only the PIN form
    leiding.open(f"{server.url}/")
    leiding.typ("Buurt of wijk", "Zuilen")
    leiding.typ("Pincode notulist (optioneel, 4-8 cijfers)", "482193")
    leiding.knop("Overleg aanmaken")
    leiding.wacht(lambda: "/leiding/" in leiding.driver.current_url, "naar het scherm van de gespreksleider")
    notulen = leiding.element("//a[normalize-space(.)='Notulen']", "link Notulen").get_attribute("href")
    telefoon.open(notulen)
    telefoon.zie("Pincode nodig")
    toegankelijk(telefoon, "pincode")


# --------------------------------------------------------------------------- test 5

EERSTE_RONDE = (
    "fase-onderhuidse-spanningen",
    "fase-incidenten",
    "fase-ongemak",
    "fase-ongemak",
    "fase-incidenten",
    "fase-ongemak",
    "fase-ongemak",
    "fase-incidenten",
)
"""The phase per demo participant (buurtoverleg.voorbeeld.DEELNEMERS): police and residents see incidents."""


def _bewaar_voor_readme(bron: Path, naam: str, max_bytes: int = 200_000) -> None:
    """A palette PNG (256 colours is plenty for a screen of text and flat colours), scaled down
    only if it is still too large."""
    from PIL import Image

    doel = Path(SCHERMEN_NAAR or "").resolve() / f"{naam}.png"
    doel.parent.mkdir(parents=True, exist_ok=True)
    beeld = Image.open(bron).convert("RGB")
    while True:
        beeld.quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(doel, optimize=True)
        if doel.stat().st_size <= max_bytes:
            return
        beeld = beeld.resize((beeld.width * 4 // 5, beeld.height * 4 // 5), Image.Resampling.LANCZOS)


def _kamer_vol(server: Server):  # type: ignore[no-untyped-def]
    """The demo meeting's first step with eight participants and their eight signals, made
    through the domain in the server's own database before any page opens."""
    from buurtoverleg import content, voorbeeld
    from buurtoverleg.samenstelling import maak_dienst
    from buurtoverleg.sessie.gebeurtenissen import LokaleBus
    from buurtoverleg.storage import Database

    dienst = maak_dienst(Database(server.database_url), content.laad(TEST_INHOUD), LokaleBus())
    kamer = voorbeeld.begin(dienst, "Kanaleneiland-Zuid")
    m = kamer.links.meeting_id
    for auteur, soort, tekst, herkenners in voorbeeld.SIGNALEN:
        signaal = dienst.deelnemer(m, kamer.deelnemers[auteur]).signaal("kort-signalen-vraag", soort, tekst)
        for wie in herkenners:
            dienst.deelnemer(m, kamer.deelnemers[wie]).herken(signaal)
    return dienst, kamer


def test_schermen_met_een_verdeelde_zaal(server: Server, browsers: Starter) -> None:
    """A realistic room: eight signals and a divided phase question fit the beamer without
    scrolling; the phone's buttons are thumb-sized. Saves the README's screenshots when
    SCHERMAFBEELDINGEN names a folder (see scripts/schermafbeeldingen.py)."""
    dienst, kamer = _kamer_vol(server)
    links = kamer.links
    leiding, beamer, telefoon = browsers(
        ("leiding", LEIDING, False),
        ("beamer", BEAMER, False),
        ("telefoon", TELEFOON, True),
    )
    beamer.open(f"{server.url}/scherm/{links.projector_token}")
    leiding.open(f"{server.url}/leiding/{links.facilitator_token}")
    aanmelden(telefoon, f"{server.url}/doe/{links.join_code}", "Noor", "Buurthuis De Schakel", "Bewoner", lobby=False)
    telefoon.zie("Signalen in de zaal")
    telefoon.knop("Herken ik (1)")
    telefoon.zie("Herken ik ✓ (2)")
    duimvriendelijk(telefoon, "signalen van anderen")
    telefoon.screenshot("telefoon-signalen-van-anderen")

    from buurtoverleg.voorbeeld import SIGNALEN

    for _, _, tekst, _ in SIGNALEN:
        beamer.zie(tekst)
    maten = past_zonder_scrollen(beamer)
    assert maten["past"], f"acht signalen scrollen op 1920x1080: {maten}"
    beamer.screenshot("beamer-acht-signalen")

    from selenium.webdriver.common.keys import Keys

    leiding.zie("stap 1: Signalen delen")
    druk(leiding, Keys.ARROW_RIGHT)
    leiding.zie("stap 2: Verschijningsvormen")
    druk(leiding, Keys.ARROW_RIGHT)
    leiding.zie("stap 3: Fase van polarisatie")
    telefoon.zie("In welke fase zit de polarisatie in deze buurt?")
    for wie, fase in zip(kamer.deelnemers, EERSTE_RONDE, strict=True):
        dienst.deelnemer(links.meeting_id, wie).antwoord("kort-fase-vraag", fase)
    telefoon.knop("Ongemak")
    telefoon.zie("Ontvangen")
    beamer.zie("9 van 9 hebben geantwoord")
    leiding.zie("9 van 9 geantwoord")
    duimvriendelijk(telefoon, "fasevraag")
    schermen = {"telefoon": telefoon.screenshot("telefoon-fase-gekozen")}

    druk(leiding, "u")
    beamer.zie("VERDEELD")
    beamer.wacht(lambda: sum(kolomtotalen(beamer)) == 9, "het beeld per domein met negen antwoorden")
    leiding.zie("Open onenigheden")
    maten = past_zonder_scrollen(beamer)
    assert maten["past"], f"een verdeelde uitslag scrolt op 1920x1080: {maten}"
    toegankelijk(beamer, "beamer, verdeelde uitslag")
    toegankelijk(leiding, "gespreksleider, verdeelde uitslag")
    schermen["beamer"] = beamer.screenshot("beamer-verdeeld")
    schermen["gespreksleider"] = leiding.screenshot("leiding-verdeeld")

    # two scales in one step, revealed together, still on one beamer screen
    druk(leiding, Keys.ARROW_RIGHT)
    leiding.zie("stap 4: Ernst en urgentie")
    telefoon.zie("Hoe ernstig is de situatie in de buurt?")  # one prompt per screen: urgency is the next
    for wie, ernst, urgentie in zip(kamer.deelnemers, (3, 4, 3, 3, 3, 2, 3, 4), (3, 4, 2, 2, 3, 2, 2, 4), strict=True):
        dienst.deelnemer(links.meeting_id, wie).antwoord("kort-ernst-vraag", ernst)
        dienst.deelnemer(links.meeting_id, wie).antwoord("kort-urgentie-vraag", urgentie)
    telefoon.knop("3 · Matig")
    telefoon.knop("Volgende vraag (2 van 2) →")
    telefoon.zie("Hoe snel moet er iets gebeuren?")
    telefoon.knop("4 · Deze week")
    beamer.wacht(lambda: beamer.tekst().count("9 van 9 hebben geantwoord") == 2, "beide schalen 9 van 9")
    druk(leiding, "u")
    beamer.wacht(
        lambda: beamer.tekst().count("VERDEELD") + beamer.tekst().count("EENSGEZIND") == 2,
        "twee oordelen na het onthullen",
    )
    maten = past_zonder_scrollen(beamer)
    assert maten["past"], f"ernst en urgentie samen scrollen op 1920x1080: {maten}"
    beamer.screenshot("beamer-ernst-en-urgentie")

    leiding.open(f"{server.url}/notulen/{links.secretary_token}")
    leiding.zie("Concept downloaden")
    leiding.screenshot("notulen-verdeeld")

    if SCHERMEN_NAAR:
        for naam, pad in schermen.items():
            _bewaar_voor_readme(pad, naam)
