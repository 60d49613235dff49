"""Helpers for the real-browser tests: the real server as a subprocess, headless Chromium
(Debian's `chromium` and `chromium-driver`), explicit waits and screenshots.

Nothing here sleeps for correctness: every wait polls a condition for at most `WACHT` seconds
and fails with what the page showed instead.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

WORTEL = Path(__file__).resolve().parents[2]
TEST_INHOUD = Path(__file__).resolve().parents[1] / "inhoud"
ARTEFACTEN = WORTEL / "test-artefacten"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
TELEFOON_UA = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Mobile Safari/537.36"
)
WACHT = 10.0
"""Longest explicit wait for anything the page should show."""
START_TIMEOUT = 30.0
"""Longest wait for the server's /health to answer 200."""

CHROME_ARGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def waarom_overslaan() -> str | None:
    """The reason to skip the browser tests here, or None when they can run."""
    for pad, pakket in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not os.access(pad, os.X_OK):
            return f"{pad} ontbreekt: installeer Debians '{pakket}' (CI doet dat in .ci/run)"
    try:
        import selenium  # noqa: F401
        import selenium_axe_python  # noqa: F401
        import zxingcpp  # noqa: F401
        from PIL import Image  # noqa: F401
    except ImportError as fout:
        return f"{fout.name} ontbreekt: pip install -e '.[test]'"
    return None


# --------------------------------------------------------------------------- the server


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    poort: int
    proces: subprocess.Popen[bytes]
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.poort}"

    @property
    def database_url(self) -> str:
        """The server's own SQLite file (`serve --data-dir <log's folder>/data`), for a test that
        prepares a meeting through the domain before it opens the pages."""
        return f"sqlite:///{(self.log.parent / 'data' / 'buurtoverleg.sqlite').resolve()}"

    def logstaart(self, tekens: int = 4000) -> str:
        try:
            return self.log.read_text(errors="replace")[-tekens:]
        except OSError:
            return "(geen log)"


@contextmanager
def draai_server(datamap: Path, publieke_url: str | None = None, inhoud: Path | None = TEST_INHOUD) -> Iterator[Server]:
    """`python -m buurtoverleg serve` on a free port with the test content (`inhoud=None`: the
    built-in method); stopped afterwards, also when the test fails. `publieke_url` is the
    address the pages tell phones to use."""
    poort = vrije_poort()
    # PYTEST_CURRENT_TEST makes NiceGUI's ui.run think it is a NiceGUI screen test (it then
    # ignores --port and needs NICEGUI_SCREEN_TEST_PORT): the subprocess is a plain server.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BUURTOVERLEG_", "NICEGUI_", "PYTEST_"))}
    if inhoud is not None:
        env["BUURTOVERLEG_CONTENT_DIR"] = str(inhoud)
    env["PYTHONUNBUFFERED"] = "1"
    log = datamap / "server.log"
    datamap.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as uit:
        proces = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "buurtoverleg",
                "serve",
                "--port",
                str(poort),
                "--data-dir",
                str(datamap / "data"),
                *(["--public-url", publieke_url] if publieke_url else []),
            ],
            cwd=WORTEL,
            env=env,
            stdout=uit,
            stderr=subprocess.STDOUT,
        )
    server = Server(poort, proces, log)
    try:
        _wacht_op_health(server)
        yield server
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proces.kill()
            proces.wait(timeout=10)


def _wacht_op_health(server: Server) -> None:
    einde = time.monotonic() + START_TIMEOUT
    laatste = ""
    while time.monotonic() < einde:
        if server.proces.poll() is not None:
            raise RuntimeError(f"de server stopte meteen (code {server.proces.returncode}):\n{server.logstaart()}")
        try:
            with urllib.request.urlopen(f"{server.url}/health", timeout=2) as antwoord:
                if antwoord.status == 200:
                    return
                laatste = f"status {antwoord.status}"
        except (urllib.error.URLError, OSError) as fout:
            laatste = str(fout)
        time.sleep(0.1)  # polling interval while the server boots, not a correctness wait
    raise RuntimeError(f"/health gaf na {START_TIMEOUT:.0f} s geen 200 ({laatste}):\n{server.logstaart()}")


# --------------------------------------------------------------------------- the browser


def maak_browser(naam: str, breedte: int, hoogte: int, *, mobiel: bool = False) -> Browser:
    """Headless Chromium with a fresh profile whose viewport is exactly `breedte` x `hoogte` CSS pixels.

    A headless window cannot be narrower than 500 px and loses some height to window
    chrome, so the viewport is set with device-metrics emulation. `mobiel` emulates an
    Android phone: touch, a phone user agent (so Quasar behaves as on a phone: a q-select
    opens a dialog, not a menu), the viewport meta tag honoured, and zooming out when the
    page is too wide, as a phone does.
    """
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opties = webdriver.ChromeOptions()
    opties.binary_location = str(CHROMIUM)
    for arg in CHROME_ARGS:
        opties.add_argument(arg)
    profiel = Path(tempfile.mkdtemp(prefix="buurtoverleg-chrome-"))
    opties.add_argument(f"--user-data-dir={profiel}")
    opties.add_argument(f"--window-size={max(breedte, 500)},{hoogte + 200}")
    opties.add_argument("--lang=nl-NL")
    opties.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # console messages, for a failure report
    if mobiel:
        opties.add_experimental_option(
            "mobileEmulation",
            {
                "deviceMetrics": {"width": breedte, "height": hoogte, "pixelRatio": 1.0, "touch": True},
                "userAgent": TELEFOON_UA,
            },
        )
    try:
        driver = webdriver.Chrome(options=opties, service=Service(str(CHROMEDRIVER)))
    except Exception:
        shutil.rmtree(profiel, ignore_errors=True)
        raise
    browser = Browser(driver, naam, profiel)
    if not mobiel:
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": breedte, "height": hoogte, "deviceScaleFactor": 1, "mobile": False},
        )
    return browser


class Browser:
    """One person's browser, with waits and clicks that survive NiceGUI's redraws."""

    def __init__(self, driver, naam: str, profiel: Path | None = None) -> None:  # type: ignore[no-untyped-def]
        self.driver = driver
        self.naam = naam
        self.profiel = profiel

    # ---- basics

    def open(self, url: str) -> None:
        self.driver.get(url)
        self.wacht(lambda: self.js("return document.readyState") == "complete", "pagina geladen")

    def js(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def tekst(self) -> str:
        """The visible text of the page (innerText: CSS text-transform applies)."""
        try:
            return str(self.js("return document.body ? document.body.innerText : ''"))
        except Exception:  # noqa: BLE001 - a page that is navigating has no body for a moment
            return ""

    def wacht(self, voorwaarde: Callable[[], Any], wat: str, timeout: float = WACHT) -> Any:
        from selenium.common.exceptions import (
            StaleElementReferenceException,
            WebDriverException,
        )
        from selenium.webdriver.support.ui import WebDriverWait

        def probeer(_driver) -> Any:  # type: ignore[no-untyped-def]
            try:
                return voorwaarde()
            except (StaleElementReferenceException, AssertionError):
                return False

        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.1).until(probeer)
        except WebDriverException as fout:
            if "timeout" not in type(fout).__name__.lower():
                raise
            raise AssertionError(
                f"[{self.naam}] na {timeout:.0f} s nog niet: {wat}\n--- pagina ({self.driver.current_url}) ---\n"
                + self.tekst()[:3000]
            ) from None

    def zie(self, tekst: str, timeout: float = WACHT) -> None:
        self.wacht(lambda: tekst in self.tekst(), f"tekst {tekst!r} zichtbaar", timeout)

    def zie_patroon(self, patroon: str, timeout: float = WACHT) -> None:
        self.wacht(lambda: re.search(patroon, self.tekst()), f"tekst /{patroon}/ zichtbaar", timeout)

    def elementen(self, xpath: str) -> list[Any]:
        from selenium.webdriver.common.by import By

        return [e for e in self.driver.find_elements(By.XPATH, xpath) if e.is_displayed()]

    def element(self, xpath: str, wat: str) -> Any:
        def gevonden() -> Any:
            gezien = self.elementen(xpath)
            return gezien[0] if gezien else False

        return self.wacht(gevonden, wat)

    # ---- Quasar controls

    def knop(self, tekst: str) -> None:
        """Click the visible button with exactly this text (textContent, so not uppercased).
        Retries while NiceGUI replaces the button during a redraw."""
        from selenium.common.exceptions import (
            ElementClickInterceptedException,
            ElementNotInteractableException,
        )

        xpath = f"{knop_xpath(tekst)}[not(@disabled)]"

        def klik() -> bool:
            for knop in self.elementen(xpath):
                try:
                    knop.click()
                    return True
                except (ElementClickInterceptedException, ElementNotInteractableException):
                    continue
            return False

        self.wacht(klik, f"knop {tekst!r} klikbaar")

    def veld(self, label: str) -> Any:
        """The <input> or <textarea> of the Quasar field with this label."""
        return self.element(
            f"{_veld_xpath(label)}//*[self::input or self::textarea][not(@type='hidden')]", f"invoerveld {label!r}"
        )

    def typ(self, label: str, tekst: str) -> None:
        veld = self.veld(label)
        veld.click()
        veld.send_keys(tekst)
        self.wacht(lambda: self.veld(label).get_attribute("value") == tekst, f"{label!r} bevat {tekst!r}")

    def kies(self, label: str, optie: str) -> None:
        """A q-select: click the field, then the option in the menu (desktop) or the dialog
        (phone). The option is clicked through JavaScript on the element itself: a mouse click
        at its position can land on a neighbour while the menu is still sliding open."""
        for poging in range(3):
            self.element(_veld_xpath(label), f"keuzelijst {label!r}").click()
            item = self.element(
                f"{_POPUP}//div[contains(@class,'q-item')][normalize-space(.)={_xpath_tekst(optie)}]",
                f"optie {optie!r} in de lijst van {label!r}",
            )
            self.js("arguments[0].scrollIntoView({block: 'nearest'}); arguments[0].click();", item)
            try:
                self.wacht(lambda: self.keuze(label) == optie, f"{label!r} toont {optie!r}", timeout=3)
                break
            except AssertionError:
                if poging == 2:
                    raise
        self.wacht(lambda: not self.elementen(_POPUP), "keuzelijst dicht")

    def keuze(self, label: str) -> str:
        """What the q-select with this label shows now."""
        veld = self.element(_veld_xpath(label), f"keuzelijst {label!r}")
        return str(veld.find_element("css selector", ".q-field__native").text).strip()

    # ---- measurements and pictures

    def viewport(self) -> tuple[int, int]:
        breedte, hoogte = self.js("return [window.innerWidth, window.innerHeight]")
        return int(breedte), int(hoogte)

    def scrollmaten(self) -> dict[str, int]:
        return {
            k: int(v)
            for k, v in self.js(
                "const d = document.documentElement;"
                "return {scrollWidth: d.scrollWidth, scrollHeight: d.scrollHeight,"
                " innerWidth: window.innerWidth, innerHeight: window.innerHeight};"
            ).items()
        }

    def breder_dan_scherm(self, breedte: int) -> list[str]:
        """The innermost elements sticking out past `breedte`: what to fix when a page scrolls
        sideways (fixed overlays such as notifications are left out)."""
        return list(
            self.js(
                "const w = arguments[0] + 0.5; const uit = [];"
                "const buiten = e => e.getBoundingClientRect().right > w;"
                "for (const e of document.body.querySelectorAll('*')) {"
                "  const r = e.getBoundingClientRect();"
                "  if (!r.width || !buiten(e) || getComputedStyle(e).position === 'fixed') continue;"
                "  if ([...e.children].some(buiten)) continue;"
                "  uit.push(e.tagName + '.' + (e.className || '').toString().slice(0, 60)"
                "    + ' right=' + Math.round(r.right) + ' \"' + (e.innerText || '').slice(0, 40) + '\"');"
                "}"
                "return uit.slice(0, 10);",
                breedte,
            )
        )

    def wacht_tot_stil(self, timeout: float = 3) -> None:
        """Until click ripples, the loading bar and every fade have ended (endless animations
        such as spinners aside); a page that keeps moving is let through after `timeout`."""
        with contextlib.suppress(AssertionError):
            self.wacht(
                lambda: self.js(
                    "return !document.querySelector('.q-ripple, .q-loading-bar:not([aria-hidden=\"true\"])')"
                    " && document.getAnimations().every(a => a.playState !== 'running'"
                    "    || a.effect.getComputedTiming().endTime === Infinity)"
                ),
                "pagina in rust",
                timeout,
            )

    def screenshot(self, naam: str) -> Path:
        """A PNG in test-artefacten/, once the page has stopped moving."""
        self.wacht_tot_stil()
        ARTEFACTEN.mkdir(exist_ok=True)
        pad = ARTEFACTEN / f"{naam}.png"
        pad.write_bytes(self.driver.get_screenshot_as_png())
        return pad

    def screenshot_beeld(self):  # type: ignore[no-untyped-def]
        from PIL import Image

        return Image.open(io.BytesIO(self.driver.get_screenshot_as_png()))

    def sluit(self) -> None:
        with contextlib.suppress(Exception):  # a crashed browser is already gone
            self.driver.quit()
        if self.profiel is not None:
            shutil.rmtree(self.profiel, ignore_errors=True)


def knop_xpath(tekst: str) -> str:
    """A button by its label, also when it carries an icon (whose ligature text is part of textContent)."""
    t = _xpath_tekst(tekst)
    return f"//button[normalize-space(.)={t} or .//span[contains(@class,'block')][normalize-space(.)={t}]]"


def _xpath_tekst(tekst: str) -> str:
    """A string literal for XPath 1.0, whatever quotes it contains."""
    if "'" not in tekst:
        return f"'{tekst}'"
    if '"' not in tekst:
        return f'"{tekst}"'
    delen = tekst.split("'")
    return "concat(" + ', "\'", '.join(f"'{d}'" for d in delen) + ")"


_POPUP = "//div[contains(@class,'q-menu') or contains(@class,'q-dialog')]"


def _veld_xpath(label: str) -> str:
    return (
        "//label[contains(@class,'q-field')]"
        f"[.//div[contains(@class,'q-field__label')][normalize-space(.)={_xpath_tekst(label)}]]"
    )


def lees_qr(beeld) -> list[str]:  # type: ignore[no-untyped-def]
    """Every QR code zxing-cpp finds in a PIL image."""
    import zxingcpp

    return [r.text for r in zxingcpp.read_barcodes(beeld) if "QR" in str(r.format)]


JOIN_CODE = re.compile(r"code ([A-Z0-9]{4,20})\b")


def druk(browser: Browser, toets: str) -> None:
    """Press a key as a person does: to whatever has the focus (a keyboard shortcut listens on the page)."""
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(browser.driver).send_keys(toets).perform()


def past_zonder_scrollen(browser: Browser) -> dict[str, Any]:
    """The page's scroll size against the viewport, with the elements that stick out below it."""
    return dict(
        browser.js(
            "const d = document.scrollingElement;"
            "const laag = [...document.body.querySelectorAll('*')].filter(e => {"
            "  const r = e.getBoundingClientRect();"
            "  return r.height && r.bottom > innerHeight + 0.5 && getComputedStyle(e).position !== 'fixed'"
            "    && ![...e.children].some(k => k.getBoundingClientRect().bottom > innerHeight + 0.5);"
            "}).slice(0, 6).map(e => e.tagName + ' bottom=' + Math.round(e.getBoundingClientRect().bottom)"
            "  + ' \"' + (e.innerText || '').slice(0, 40) + '\"');"
            "return {scrollHeight: d.scrollHeight, innerHeight: innerHeight, scrollWidth: d.scrollWidth,"
            " innerWidth: innerWidth, past: d.scrollHeight <= innerHeight && d.scrollWidth <= innerWidth, te_laag: laag};"
        )
    )


def kleine_tikdoelen(browser: Browser, minimum: int = 44) -> list[str]:
    """Buttons, links, checkboxes and switches lower than `minimum` CSS pixels: too small for a thumb."""
    return list(
        browser.js(
            "const [min] = arguments; const uit = [];"
            "for (const e of document.querySelectorAll("
            "    'button, a[href], [role=button], [role=checkbox], [role=switch], [role=radio]')) {"
            "  const r = e.getBoundingClientRect();"
            "  if (!r.width || !r.height || getComputedStyle(e).visibility === 'hidden') continue;"
            "  if (e.closest('.q-loading-bar, #popup, .q-notifications')) continue;"
            "  if (r.height < min - 0.5) uit.push(e.tagName + ' ' + Math.round(r.height) + 'px \"'"
            "    + (e.innerText || e.getAttribute('aria-label') || '').trim().slice(0, 40) + '\"');"
            "}"
            "return uit;",
            minimum,
        )
    )


# --------------------------------------------------------------------------- accessibility

WCAG_21_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
"""The axe-core rule tags for WCAG 2.1 level A and AA (what the Besluit digitale
toegankelijkheid overheid asks of a Dutch government site)."""
ERNSTIG = ("serious", "critical")
OOK = ("page-has-heading-one", "landmark-one-main", "heading-order")
"""axe best-practice rules held to as well, at any impact: a screen reader user finds the page
title and its sections by heading."""


def toegankelijkheidsfouten(
    browser: Browser, ernst: tuple[str, ...] = ERNSTIG, ook: tuple[str, ...] = OOK
) -> list[str]:
    """axe-core's WCAG 2.1 AA violations of the page as it is now with an impact in `ernst`,
    plus any violation of the rules in `ook`; one readable line per rule.

    axe-core comes bundled in the pip package `selenium-axe-python`: nothing is fetched. It runs
    once fades have ended, so a notification that is still fading in is not judged on its
    half-transparent colours.
    """
    from selenium_axe_python import Axe

    browser.wacht_tot_stil()
    axe = Axe(browser.driver)
    if browser.js("return typeof window.axe") == "undefined":  # once per page load: it is 550 kB
        axe.inject()
    opties = {"runOnly": {"type": "tag", "values": [*WCAG_21_AA, "best-practice"]}, "resultTypes": ["violations"]}
    uitslag = axe.run(options=json.dumps(opties))  # the package pastes `options` into JS as text
    regels = []
    for fout in uitslag["violations"]:
        wcag = bool(set(fout["tags"]) & set(WCAG_21_AA))
        if not ((wcag and fout.get("impact") in ernst) or fout["id"] in ook):
            continue
        plekken = "; ".join(
            f"{' '.join(map(str, knoop['target']))} ({(knoop.get('failureSummary') or '').splitlines()[-1].strip()})"
            for knoop in fout["nodes"][:4]
        )
        regels.append(f"{fout['id']} [{fout['impact']}] {fout['help']}: {plekken}")
    return regels
