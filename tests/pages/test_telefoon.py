"""The phone in a real browser at 360x640 (issue 20): one prompt per screen, nothing typed is
lost, where the meeting is, 'onthoud mij' and fair use.

The real server runs in a subprocess (`draai_server`); the facilitator drives the meeting
from the console in a desktop browser, so every change reaches the phone as it would in the
room. Screenshots go to test-artefacten/ (telefoon-*.png).

Run only these:  .venv/bin/python -m pytest tests/pages/test_telefoon.py -q
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.pages import test_browser
from tests.pages.browser import TEST_INHOUD, Browser, Server, knop_xpath
from tests.pages.test_browser import JOIN_CODE, LEIDING, REDEN, Starter, aanmelden, als_organisator

server = test_browser.server
browsers = test_browser.browsers
"""The real server and the browsers, as in test_browser.py (fixtures used by name)."""

pytestmark = [pytest.mark.browser, pytest.mark.skipif(REDEN is not None, reason=REDEN or "")]

TELEFOON = (360, 640)
GROTE_TELEFOON = (390, 844)


def _dienst(server: Server) -> Any:
    """The domain on the server's own database, for reading what was stored and for preparing
    a meeting before its pages open (changes made here send no events to the server's pages)."""
    from buurtoverleg import content
    from buurtoverleg.samenstelling import maak_dienst
    from buurtoverleg.sessie.gebeurtenissen import LokaleBus
    from buurtoverleg.storage import Database

    return maak_dienst(Database(server.database_url), content.laad(TEST_INHOUD), LokaleBus())


def _overleg(leiding: Browser, server: Server, buurt: str) -> str:
    """A meeting with the phone test template, made on the home page; returns the join code."""
    als_organisator(leiding, server)
    leiding.typ("Buurt of wijk", buurt)
    leiding.kies("Sjabloon", "Testoverleg telefoon")
    leiding.knop("Overleg aanmaken")
    leiding.wacht(lambda: "/leiding/" in leiding.driver.current_url, "naar het scherm van de gespreksleider")
    leiding.element("//button[normalize-space(.)='Start het overleg']", "knop Start het overleg")
    gevonden = JOIN_CODE.search(leiding.tekst())
    assert gevonden, leiding.tekst()[:500]
    return gevonden.group(1)


def _druk(leiding: Browser, knop: str, daarna: str) -> None:
    """A console button, then what the console shows after it. A click that lands while the
    console redraws (a phone reconnecting updates its participant list) can be lost on a busy
    machine; then, and only then, it is clicked once more."""
    leiding.knop(knop)
    try:
        leiding.zie(daarna, timeout=5)
    except AssertionError:
        leiding.knop(knop)
        leiding.zie(daarna)


def _in_beeld(telefoon: Browser, tekst: str, soort: str = "div") -> bool:
    """Whether an element showing exactly `tekst` lies inside the phone's viewport now."""
    return bool(
        telefoon.js(
            """const [tekst, soort] = arguments;
            const e = [...document.querySelectorAll(soort)].find(d => d.textContent.trim() === tekst);
            if (!e) return false;
            const r = e.getBoundingClientRect();
            return r.top >= 0 && r.bottom <= window.innerHeight;""",
            tekst,
            soort,
        )
    )


def _concepten(telefoon: Browser) -> list[str]:
    """The drafts this phone keeps (pages/concept.py)."""
    return list(telefoon.js("return Object.keys(localStorage).filter(k => k.includes(':concept:'))"))


def _veldwaarde(telefoon: Browser, label: str) -> str:
    return str(telefoon.veld(label).get_attribute("value") or "")


def _aangevinkt(telefoon: Browser, titel: str) -> bool:
    vinkje = telefoon.element(f"//div[@role='checkbox'][normalize-space(.)='{titel}']", f"vinkje {titel!r}")
    return vinkje.get_attribute("aria-checked") == "true"


def test_een_vraag_per_scherm_context_en_uitslag(server: Server, browsers: Starter) -> None:
    leiding, telefoon = browsers(("leiding", LEIDING, False), ("telefoon-360", TELEFOON, True))
    code = _overleg(leiding, server, "Hoograven")
    url = f"{server.url}/doe/{code}"

    # remember me: opt-in, on this phone only
    telefoon.open(url)
    telefoon.zie("Vul in wie je bent")
    telefoon.typ("Naam", "Sanne")
    telefoon.typ("Organisatie", "Buurtteam Hoograven")
    telefoon.kies("Domein", "Welzijn / opbouwwerk")
    telefoon.element("//div[contains(@class,'q-checkbox')][contains(., 'Onthoud mij')]", "vinkje").click()
    telefoon.screenshot("telefoon-360-aanmelden-onthoud-mij")
    telefoon.knop("Meedoen")
    telefoon.zie("Wacht op de gespreksleider")

    # a step with nothing to fill in says so, with where the meeting is and the time left
    _druk(leiding, "Start het overleg", "stap 1: Kennismaken")
    telefoon.zie("Luister mee: hier hoef je niets in te vullen")
    telefoon.zie("Stap 1 van 3")
    telefoon.zie_patroon(r"Tijd over\s*0[12]:\d\d")
    telefoon.screenshot("telefoon-360-luister-mee")

    # three prompts: one per screen, with 'Vraag 1 van 3' and a clear next
    _druk(leiding, "Volgende ▶", "stap 2: Drie vragen")
    telefoon.zie("In welke fase zit de buurt?")
    telefoon.zie("Stap 2 van 3")
    telefoon.zie("Vraag 1 van 3")
    assert "Hoe ernstig is het?" not in telefoon.tekst(), "twee vragen op één scherm"
    assert "Welke vormen zie je?" not in telefoon.tekst()
    telefoon.knop("Onderhuidse spanningen")
    telefoon.zie("Ontvangen ✓")
    telefoon.wacht(lambda: _in_beeld(telefoon, "Ontvangen ✓ (je kunt het nog wijzigen)"), "bevestiging in beeld")
    telefoon.wacht(lambda: _in_beeld(telefoon, "Volgende vraag (2 van 3) →", "button"), "volgende vraag in beeld")
    telefoon.screenshot("telefoon-360-vraag-1-van-3-ontvangen")
    telefoon.knop("Volgende vraag (2 van 3) →")
    telefoon.zie("Hoe ernstig is het?")
    telefoon.zie("Vraag 2 van 3")
    assert "In welke fase zit de buurt?" not in telefoon.tekst()
    telefoon.knop("4")
    telefoon.wacht(lambda: _in_beeld(telefoon, "Ontvangen ✓ (je kunt het nog wijzigen)"), "bevestiging in beeld")
    telefoon.knop("← Vorige")
    telefoon.zie("In welke fase zit de buurt?")
    telefoon.zie("Ontvangen ✓")  # what was sent stays acknowledged

    # after the reveal: the result small, in the words the beamer uses (sessie.oordeel)
    _druk(leiding, "Uitslag tonen", "Drie vragen · uitslag getoond")
    telefoon.zie("De uitslag staat op het scherm.")
    dienst = _dienst(server)
    meeting_id = dienst.aanmelding.via_code(code)
    oordelen = dienst.lezen.oordelen(meeting_id, 1)
    woord = oordelen["test-t-fase"][-1].oordeel
    telefoon.zie(woord.upper())
    telefoon.zie("Hoe ernstig is het?")
    telefoon.screenshot("telefoon-360-uitslag")

    # a re-vote says so
    _druk(leiding, "Nieuwe ronde", "Drie vragen · open voor invoer")
    telefoon.zie("Ronde 2: stem opnieuw")
    telefoon.zie("Vraag 1 van 3")
    telefoon.screenshot("telefoon-360-ronde-2")

    # the meeting setting turns the result on the phone off
    leiding.element(
        "//div[contains(@class,'q-toggle')][contains(., 'uitslag klein op de telefoons')]", "schakelaar"
    ).click()
    leiding.wacht(lambda: not dienst.lezen.vergadering(meeting_id).uitslag_op_telefoon, "instelling uit")
    _druk(leiding, "Uitslag tonen", "Drie vragen · uitslag getoond")
    telefoon.zie("De uitslag staat op het scherm.")
    telefoon.zie("Wacht op de gespreksleider.")
    assert woord.upper() not in telefoon.tekst(), "de uitslag staat op de telefoon terwijl dat uit staat"

    # remember me: the next meeting's form is filled in on this phone
    volgende = dienst.aanmelding.maak("Hoograven", date(2026, 12, 15), "test-telefoon")
    telefoon.open(f"{server.url}/doe/{volgende.join_code}")
    telefoon.zie("Vul in wie je bent")
    telefoon.wacht(lambda: _veldwaarde(telefoon, "Naam") == "Sanne", "naam ingevuld")
    assert _veldwaarde(telefoon, "Organisatie") == "Buurtteam Hoograven"
    assert telefoon.keuze("Domein") == "Welzijn / opbouwwerk"
    telefoon.screenshot("telefoon-360-onthouden")


def test_niets_gaat_verloren(server: Server, browsers: Starter) -> None:
    leiding, telefoon = browsers(("leiding", LEIDING, False), ("telefoon-360", TELEFOON, True))
    code = _overleg(leiding, server, "Zuilen")
    aanmelden(telefoon, f"{server.url}/doe/{code}", "Joost", "Politie Utrecht", "Politie")
    _druk(leiding, "Start het overleg", "stap 1: Kennismaken")
    telefoon.zie("Luister mee")
    _druk(leiding, "Volgende ▶", "stap 2: Drie vragen")

    # a reload with unsent choices: the ticked boxes are offered back
    telefoon.knop("Rust")
    telefoon.zie("Ontvangen ✓")
    telefoon.knop("Volgende vraag (2 van 3) →")
    telefoon.knop("2")
    telefoon.zie("Ontvangen ✓")
    telefoon.knop("Volgende vraag (3 van 3) →")
    telefoon.zie("Welke vormen zie je?")
    opties = [str(e.text).strip() for e in telefoon.elementen("//div[@role='checkbox']")]
    assert len(opties) >= 2, opties
    for titel in opties[:2]:
        telefoon.element(f"//div[@role='checkbox'][normalize-space(.)='{titel}']", titel).click()
    telefoon.wacht(lambda: all(_aangevinkt(telefoon, t) for t in opties[:2]), "twee vinkjes")
    telefoon.driver.refresh()
    telefoon.zie("Welke vormen zie je?")  # the first prompt without an answer
    telefoon.wacht(lambda: all(_aangevinkt(telefoon, t) for t in opties[:2]), "vinkjes terug na herladen")
    telefoon.zie("Nog niet verstuurd: tik op Versturen")
    assert not _aangevinkt(telefoon, opties[2]) if len(opties) > 2 else True
    telefoon.screenshot("telefoon-360-vinkjes-na-herladen")

    # a step change while typing: the text is back when the prompt is
    _druk(leiding, "Volgende ▶", "stap 3: Signalen")
    telefoon.zie("Wat zie of hoor je in de buurt?")
    veld = telefoon.veld("Je signaal")
    veld.click()
    veld.send_keys("Jongeren bij de snackbar, elke avond na tienen")
    _druk(leiding, "◀ Vorige", "stap 2: Drie vragen")
    telefoon.zie("Welke vormen zie je?")
    _druk(leiding, "Volgende ▶", "stap 3: Signalen")
    telefoon.zie("Wat zie of hoor je in de buurt?")
    telefoon.wacht(
        lambda: _veldwaarde(telefoon, "Je signaal") == "Jongeren bij de snackbar, elke avond na tienen",
        "getypte tekst terug na een stapwissel",
    )

    # an offline tap whose prompt closes meanwhile: said plainly, with the text to copy
    verzonden = "Jongeren bij de snackbar, elke avond na tienen"
    telefoon.driver.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
    telefoon.js("window.socket.io.engine.close()")  # the open WebSocket goes down with the Wi-Fi
    telefoon.wacht(lambda: telefoon.js("return !window.socket.connected"), "verbinding weg")
    telefoon.knop("Signaal versturen")
    _druk(leiding, "Invoer sluiten", "Signalen · gesloten")
    telefoon.driver.set_network_conditions(offline=False, latency=0, download_throughput=-1, upload_throughput=-1)
    telefoon.zie("Niet verstuurd: de vraag is gesloten", timeout=30)
    telefoon.zie(verzonden)
    telefoon.zie("De invoer is gesloten.")
    dienst = _dienst(server)
    meeting_id = dienst.aanmelding.via_code(code)
    assert [k.tekst for k in dienst.lezen.signalen(meeting_id)] == [], "het signaal kwam toch binnen"
    telefoon.screenshot("telefoon-360-niet-verstuurd")

    # the prompt opens again: the text is offered back in its box, nothing is sent unasked
    _druk(leiding, "Invoer openen", "Signalen · open voor invoer")
    telefoon.zie("Wat zie of hoor je in de buurt?")
    telefoon.wacht(lambda: _veldwaarde(telefoon, "Je signaal") == verzonden, "tekst terug in het vak")
    telefoon.wacht(lambda: "Niet verstuurd" not in telefoon.tekst(), "melding weg zodra de vraag weer open is")
    assert dienst.lezen.signalen(meeting_id) == []
    telefoon.knop("Signaal versturen")
    telefoon.zie("Ontvangen ✓ Je kunt nog een signaal toevoegen.")
    assert [k.tekst for k in dienst.lezen.signalen(meeting_id)] == [verzonden]

    # once the meeting is closed, the phone forgets its drafts (a phone may be shared)
    telefoon.typ("Je signaal", "Nog een halve gedachte")
    telefoon.wacht(lambda: _concepten(telefoon), "concept in localStorage")
    leiding.knop("Overleg afsluiten")
    leiding.knop("Afsluiten")
    telefoon.zie("Het overleg is afgelopen.")
    telefoon.wacht(lambda: not _concepten(telefoon), "concepten weg na afsluiten")


def test_redelijk_gebruik_en_herken_ik(server: Server, browsers: Starter) -> None:
    leiding, telefoon, tweede = browsers(
        ("leiding", LEIDING, False), ("telefoon-360", TELEFOON, True), ("telefoon-390", GROTE_TELEFOON, True)
    )
    from selenium.webdriver.common.keys import Keys

    code = _overleg(leiding, server, "Ondiep")
    dienst = _dienst(server)
    meeting_id = dienst.aanmelding.via_code(code)
    aanmelden(telefoon, f"{server.url}/doe/{code}", "Mira", "Gemeente Utrecht", "Gemeente")
    aanmelden(tweede, f"{server.url}/doe/{code}", "Kees", "", "Bewoner")

    # the facilitator's maximum: a third phone is told the meeting is full
    maximum = leiding.veld("Maximaal aantal deelnemers")
    maximum.click()
    maximum.send_keys(Keys.CONTROL, "a")
    maximum.send_keys("2")
    leiding.wacht(lambda: leiding.veld("Maximaal aantal deelnemers").get_attribute("value") == "2", "2 ingevuld")
    leiding.knop("Maximum opslaan")
    leiding.wacht(lambda: dienst.lezen.vergadering(meeting_id).max_deelnemers == 2, "maximum 2 opgeslagen")

    _druk(leiding, "Start het overleg", "stap 1: Kennismaken")
    _druk(leiding, "Volgende ▶", "stap 2: Drie vragen")
    _druk(leiding, "Volgende ▶", "stap 3: Signalen")
    telefoon.zie("Wat zie of hoor je in de buurt?")
    tweede.zie("Wat zie of hoor je in de buurt?")

    # the clock counts down in the phone itself (no message from the server every second)
    eerst = _klokseconden(telefoon)
    telefoon.wacht(lambda: _klokseconden(telefoon) <= eerst - 2, f"de klok telt af vanaf {eerst} s")

    # signals per participant per minute: the seventh within a minute is refused in Dutch
    for nummer in range(1, 8):
        tekst = f"Signaal nummer {nummer} over de speeltuin"
        telefoon.typ("Je signaal", tekst)
        telefoon.knop("Signaal versturen")
        if nummer < 7:
            telefoon.wacht(lambda: _veldwaarde(telefoon, "Je signaal") == "", f"signaal {nummer} ontvangen")
    telefoon.zie("Rustig aan: je stuurde 6 signalen in één minuut.")
    assert _veldwaarde(telefoon, "Je signaal") == "Signaal nummer 7 over de speeltuin", "de tekst is weg"
    assert len(dienst.lezen.signalen(meeting_id)) == 6
    telefoon.screenshot("telefoon-360-te-veel-signalen")

    # 'herken ik' is clearly filled once tapped
    tweede.knop("Herken ik (0)")
    tweede.zie("Herken ik ✓ (1)")
    knop = tweede.element(knop_xpath("Herken ik ✓ (1)"), "gevulde knop")
    assert knop.get_attribute("aria-pressed") == "true"
    assert "bg-primary" in (knop.get_attribute("class") or ""), "herkend, maar de knop is niet gevuld"
    tweede.screenshot("telefoon-390-herken-ik")

    # a third phone (this one, with its cookie gone) is told the meeting is full
    telefoon.driver.delete_all_cookies()
    telefoon.open(f"{server.url}/doe/{code}")
    telefoon.zie("Vul in wie je bent")
    telefoon.typ("Naam", "Derde")
    telefoon.kies("Domein", "Bewoner")
    telefoon.knop("Meedoen")
    telefoon.zie("Dit overleg is vol: er doen al 2 deelnemers mee.")
    assert len(dienst.lezen.vergadering(meeting_id).stemmers) == 2


def _klokseconden(browser: Browser) -> int:
    """The seconds left on the phone's clock, as it reads them ('03:53')."""
    tekst = browser.element("//*[contains(@class,'font-mono')]", "de klok").text
    minuten, seconden = tekst.split(":")
    return int(minuten) * 60 + int(seconden)
