"""Every step of every built-in template on the beamer, at five window sizes, in a real browser.

One server with the built-in method, one headless Chromium whose viewport is resized (device
metrics) instead of restarted. The meetings are driven through the domain in the server's own
database: nine participants from all domains answer every prompt, every signal prompt gets 20
signals, and each step with prompts is measured open and again after the reveal. The beamer
page is reloaded for each state (the test process's writes send no event to the server) and
then measured at each size, after its fit step has run for that size.

For each view and size: the page is not taller or wider than the window, no text element is
wider than its box (scrollWidth > clientWidth), no label ends in an ellipsis added by the
layout, no text lies outside the window, and no flexible box overflows into the join line.

Run: .venv/bin/python -m pytest tests/pages/test_beamer_past.py -q
Screenshots of the lobby, a revealed phase, a revealed checklist and 20 signals at 1024x768
and 1920x1080 go to test-artefacten/beamer-past-*.png.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from tests.pages.browser import Browser, Server, draai_server, maak_browser, waarom_overslaan

REDEN = waarom_overslaan()
pytestmark = [pytest.mark.browser, pytest.mark.skipif(REDEN is not None, reason=REDEN or "")]

MATEN = ((1920, 1080), (1024, 768), (1280, 720), (1366, 768), (3840, 2160))
"""The first is the size a page is loaded at: the browser window's own size (see `maak_browser`)."""
PLAATJES = ((1024, 768), (1920, 1080))
ONDERGRENS = 0.75
"""A step that does not fit at the minimum type size may go this far below it (see the README)."""

DEELNEMERS = (
    ("Eline de Vries", "Gemeente, wijkbureau Zuidwest", "gemeente"),
    ("Sander Bakker", "Politie, basisteam Zuidwest", "politie"),
    ("Mariëlle Jansen", "Buurtteam Welzijn Zuid", "welzijn"),
    ("Youssef Amrani", "Jongerenwerk Zuid", "jongerenwerk"),
    ("Petra Smit", "Woonstichting De Marnix", "woningcorporatie"),
    ("Jeroen Visser", "Basisschool De Klimop", "onderwijs"),
    ("Fatma Yılmaz", "Wijkteam zorg", "zorg"),
    ("Kees van Dam", "Bewonerscommissie Marnixlaan", "bewoner"),
    ("Noor Haddou", "Buurthuis De Schakel", "bewoner"),
)

SIGNAALTEKSTEN = (
    "Sinds de zomer drie meldingen van vernielde fietsen bij de portieken van de Marnixlaan 40-68.",
    "Bewoners van de nieuwbouw en de ‘oude’ flat groeten elkaar niet meer; de bewonersavond trok vier mensen.",
    "Jongeren hangen ’s avonds bij het speelveld; buurtbewoners filmen hen en zetten dat in de buurtapp.",
    "In de buurtapp gaat het over ‘die lui van de nieuwbouw’; de toon is de laatste weken harder.",
    "Ouders op het schoolplein staan in twee groepen; een ouderavond over de ‘gezonde school’ liep uit de hand.",
    "Het gaat minder om de fietsen dan om het gevoel dat de nieuwbouw ‘voorgetrokken’ wordt (nieuwe speeltuin).",
    "Zonder ingrijpen verwacht ik incidenten rond het speelveld; twee jongeren zijn al bekend.",
    "Een deel van de ouderen voelt zich niet meer thuis; dat is eerder eenzaamheid dan onveiligheid.",
    "Op het winkelplein worden vrouwen met een hoofddoek nagestaard en soms nageroepen.",
    "De moskee kreeg een brief met dreigende taal; het bestuur heeft aangifte gedaan.",
    "Bij de voedselbank zeggen vrijwilligers dat nieuwe bewoners ‘voorrang krijgen’.",
    "Twee buren hebben ruzie over parkeerplaatsen; het gaat steeds over afkomst.",
    "De sportvereniging heeft een nieuw team met jongeren uit beide delen van de wijk.",
    "Het buurtfeest in juni trok meer mensen dan vorig jaar, uit alle straten.",
    "Jongerenwerk merkt dat jongeren filmpjes delen over ‘wie hier de baas is’.",
    "Bewoners zeggen dat ze de gemeente niet meer vertrouwen sinds de sloop van de oude school.",
    "Op de basisschool spelen kinderen van de nieuwbouw en de flat niet meer samen in de pauze.",
    "Het lijkt vooral om een kleine groep te gaan die veel lawaai maakt; de meesten willen rust.",
    "Ik denk dat de spanning meer met armoede te maken heeft dan met afkomst.",
    "Er is weinig plek waar mensen elkaar gewoon tegenkomen; het buurthuis is vaak dicht.",
)
"""Twenty signals as people type them: one or two sentences."""

MEET = """
const fouten = [];
const d = document.scrollingElement;
if (d.scrollHeight > innerHeight) fouten.push('pagina is ' + d.scrollHeight + ' px hoog');
if (d.scrollWidth > innerWidth) fouten.push('pagina is ' + d.scrollWidth + ' px breed');
// the view is fixed to the window: what does not fit makes its content taller or wider than it
const vak = document.querySelector('.beamer');
if (vak.clientHeight !== innerHeight || vak.clientWidth !== innerWidth) fouten.push('beeld is niet het venster');
if (vak.scrollHeight > vak.clientHeight + 1) fouten.push('beeld is ' + vak.scrollHeight + ' px hoog');
if (vak.scrollWidth > vak.clientWidth + 1) fouten.push('beeld is ' + vak.scrollWidth + ' px breed');
const naam = e => '"' + (e.innerText || '').trim().slice(0, 50) + '"';
for (const e of document.body.querySelectorAll('*')) {
  if (!e.closest('.beamer')) continue;
  if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
  const r = e.getBoundingClientRect();
  if (!r.width || !r.height) continue;
  const s = getComputedStyle(e);
  if (e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1) {
    fouten.push((s.textOverflow === 'ellipsis' ? 'eindigt op …: ' : 'afgeknipt: ') + naam(e));
  }
  if (r.bottom > innerHeight + 1 || r.right > innerWidth + 1) fouten.push('buiten beeld: ' + naam(e));
}
for (const b of document.querySelectorAll('.beamer-rest')) {
  if (b.scrollHeight > b.clientHeight + 1) fouten.push('loopt over de onderregel: ' + naam(b));
}
const html = document.documentElement.dataset;
return {fouten: fouten.slice(0, 8), rem: parseFloat(html.pasRem), onder: html.pasOnderMinimum || ''};
"""
"""What the test holds the beamer to, measured independently of the fit step's own check."""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with draai_server(tmp_path_factory.mktemp("beamer"), inhoud=None) as s:
        yield s


@pytest.fixture(scope="module")
def beamer() -> Iterator[Browser]:
    b = maak_browser("beamer", 1920, 1080)
    try:
        yield b
    finally:
        b.sluit()


def _maat(beamer: Browser, breedte: int, hoogte: int) -> None:
    beamer.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": breedte, "height": hoogte, "deviceScaleFactor": 1, "mobile": False},
    )


NA_HET_PASSEN = """
const [maat, meet, klaar] = arguments;
const begin = performance.now();
(function wacht() {
  if (document.documentElement.dataset.pasMaat === maat) {
    // the fit step runs in the frame after a change: measure two frames later
    requestAnimationFrame(() => requestAnimationFrame(() => klaar(new Function(meet)())));
  } else if (performance.now() - begin > 8000) {
    klaar(null);
  } else {
    requestAnimationFrame(wacht);
  }
})();
"""
"""Waits in the page (one round trip per size) until the fit step ran for this size, then measures."""


class Meting:
    def __init__(self, beamer: Browser) -> None:
        self.beamer = beamer
        self.fouten: list[str] = []
        self.onder_minimum: list[str] = []
        self.kleinste: dict[tuple[int, int], float] = {}
        self.aantal = 0
        self.laden = 0.0

    def meet(self, url: str, waar: str, moet_zien: str, plaatje: str | None = None) -> None:
        """Load the beamer once, then measure it at every size. `moet_zien` is text the view
        shows once it is drawn whole (the step's bottom line is drawn last)."""
        b = self.beamer
        _maat(b, *MATEN[0])
        t0 = time.monotonic()
        b.open(url)
        b.zie(moet_zien)
        t1 = time.monotonic()
        for breedte, hoogte in MATEN:
            _maat(b, breedte, hoogte)
            uitkomst: dict[str, Any] = b.driver.execute_async_script(NA_HET_PASSEN, f"{breedte}x{hoogte}", MEET)
            assert uitkomst is not None, f"{waar}: de beamer paste zich niet aan {breedte}x{hoogte} aan"
            self.aantal += 1
            for fout in uitkomst["fouten"]:
                self.fouten.append(f"{waar} @ {breedte}x{hoogte}: {fout}")
            if uitkomst["onder"]:
                self.onder_minimum.append(f"{waar} @ {breedte}x{hoogte}: {uitkomst['onder']} van het minimum")
            rem = uitkomst["rem"] / hoogte
            self.kleinste[(breedte, hoogte)] = min(self.kleinste.get((breedte, hoogte), 1.0), rem)
            if plaatje and (breedte, hoogte) in PLAATJES:
                b.screenshot(f"beamer-past-{plaatje}-{breedte}x{hoogte}")
        self.laden += t1 - t0


def _antwoord(vraag: Any, i: int) -> Any:
    """Participant i's answer: varied, so the bars and verdicts differ per prompt."""
    waarden = vraag.waarden()
    if vraag.type in ("enkele-keuze", "schaal"):
        return waarden[(i * 2 // 3 + len(waarden) // 2) % len(waarden)]
    if vraag.type == "meerkeuze":
        return sorted({waarden[i % len(waarden)], waarden[(i * 3 + 1) % len(waarden)]})
    if vraag.type == "stippen":
        return {waarden[i % len(waarden)]: 2, waarden[(i + 2) % len(waarden)]: 1}
    raise AssertionError(f"onbekend type {vraag.type}")


def _catalogus() -> Any:
    from buurtoverleg import content
    from tests.pages.browser import WORTEL

    return content.laad(WORTEL / "content")


CATALOGUS = _catalogus()
TEMPLATES = [t.id for t in CATALOGUS.templates() if t.doel != "extra"]
"""Every built-in template that is a meeting of its own."""
EXTRA_STAPPEN = [st.id for t in CATALOGUS.templates() if t.doel == "extra" for st in t.stappen]
"""An 'extra' template is no meeting of its own: its steps join the first template's agenda."""


def test_alle_ingebouwde_templates_worden_gelopen() -> None:
    assert len(TEMPLATES) >= 9 and EXTRA_STAPPEN, "alle ingebouwde templates en hun extra stappen"


@pytest.mark.parametrize("template_id", TEMPLATES)
def test_elke_stap_past_op_vijf_beamers(server: Server, beamer: Browser, template_id: str) -> None:
    from buurtoverleg.samenstelling import maak_dienst
    from buurtoverleg.sessie.gebeurtenissen import LokaleBus
    from buurtoverleg.storage import Database

    dienst = maak_dienst(Database(server.database_url), CATALOGUS, LokaleBus())
    meting = Meting(beamer)
    begin = time.monotonic()
    eerste = template_id == TEMPLATES[0]
    links = dienst.aanmelding.maak("Kanaleneiland-Zuid", date(2026, 12, 2), template_id)
    m = links.meeting_id
    url = f"{server.url}/scherm/{links.projector_token}"
    wie = [dienst.aanmelding.aanmelden(m, naam, org, domein) for naam, org, domein in DEELNEMERS]
    if eerste:
        meting.meet(url, f"{template_id} lobby", "9 deelnemers aangemeld", plaatje="lobby")
    leiding = dienst.leiding(links.facilitator_token)
    leiding.start()
    for stap_id in EXTRA_STAPPEN if eerste else ():
        leiding.extra_stap(stap_id)
    for positie in range(len(dienst.lezen.vergadering(m).stappen)):
        # read as the step is now: a vote on the advice's proposals gets its options as it opens
        stap = dienst.lezen.vergadering(m).stappen[positie]
        waar = f"{template_id} stap {stap.positie + 1} ({stap.id})"
        signalen = 0
        for vraag in stap.vragen:
            if vraag.neemt_stemmen:
                for i, deelnemer in enumerate(wie):
                    dienst.deelnemer(m, deelnemer).antwoord(vraag.id, _antwoord(vraag, i))
            elif vraag.neemt_signalen:
                for i, tekst in enumerate(SIGNAALTEKSTEN):
                    soort = "duiding" if i % 3 == 2 else "waarneming"
                    dienst.deelnemer(m, wie[i % len(wie)]).signaal(vraag.id, soort, tekst)
                    signalen += 1
        # long lists turn their page with the clock: pinned, a turn never lands between the fit
        # and the measurement (a different page of each step is measured, by its position)
        leiding.blader(stap.positie)
        plaatje = "20-signalen" if eerste and signalen and stap.id == "analyse-signalen" else None
        meting.meet(url, f"{waar} open", "Meedoen:", plaatje=plaatje)
        if signalen:
            beamer.zie_patroon(r"signalen \d+–\d+ van 20")
        if any(v.neemt_stemmen for v in stap.vragen):
            leiding.onthul()
            plaatje = {"analyse-fase": "fase-onthuld", "analyse-vormen": "checklist-onthuld"}.get(stap.id)
            meting.meet(url, f"{waar} onthuld", "Meedoen:", plaatje=plaatje if eerste else None)
        if stap.positie == 1 and eerste:  # the pause: the clock stopped
            leiding.pauzeer()
            meting.meet(url, f"{waar} pauze", "(pauze)")
            leiding.hervat()
        leiding.volgende()
    meting.meet(url, f"{template_id} afronding", "minuten gebruikt")
    leiding.beeindig()
    meting.meet(url, f"{template_id} afgesloten", "Het overleg is afgesloten")
    duur = time.monotonic() - begin
    print(
        f"{template_id}: {meting.aantal} metingen in {duur:.0f} s (waarvan {meting.laden:.0f} s pagina laden);"
        f" kleinste rem als deel van de hoogte: {meting.kleinste}"
    )
    if meting.onder_minimum:
        print("onder het minimum:\n" + "\n".join(meting.onder_minimum))
    assert not meting.fouten, f"{len(meting.fouten)} fouten:\n" + "\n".join(meting.fouten[:40])
    te_klein = [r for r in meting.onder_minimum if float(r.split(": ")[-1].split(" ")[0]) < ONDERGRENS]
    assert not te_klein, f"de letter ging meer dan {1 - ONDERGRENS:.0%} onder het minimum:\n" + "\n".join(te_klein)


def test_bediening_volledig_scherm_zwart_bladeren_en_voorbeeld(server: Server, beamer: Browser) -> None:
    """The fullscreen button hides itself in fullscreen; B on the console blanks the wall and its
    preview and brings them back; the console turns the page of 20 signals."""
    from selenium.webdriver.common.by import By

    from buurtoverleg.samenstelling import maak_dienst
    from buurtoverleg.sessie.gebeurtenissen import LokaleBus
    from buurtoverleg.storage import Database
    from tests.pages.browser import druk

    dienst = maak_dienst(Database(server.database_url), CATALOGUS, LokaleBus())
    links = dienst.aanmelding.maak("Kanaleneiland-Zuid", date(2026, 12, 2), "tpl-analyse-kort")
    m = links.meeting_id
    wie = [dienst.aanmelding.aanmelden(m, naam, org, domein) for naam, org, domein in DEELNEMERS]
    dienst.leiding(links.facilitator_token).start()
    vraag = next(v for v in dienst.lezen.vergadering(m).stappen[0].vragen if v.neemt_signalen)
    for i, tekst in enumerate(SIGNAALTEKSTEN):
        dienst.deelnemer(m, wie[i % len(wie)]).signaal(vraag.id, "waarneming", tekst)

    _maat(beamer, 1280, 720)
    beamer.open(f"{server.url}/scherm/{links.projector_token}")
    beamer.zie_patroon(r"signalen \d+–\d+ van 20")
    paginakop = (
        "return [...document.querySelectorAll('.beamer div')].map(e => e.textContent.trim())"
        ".find(t => /^signalen \\d+–\\d+ van 20$/.test(t)) || ''"
    )
    eerste = beamer.js(paginakop)
    # nobody turns it: the page turns by itself within one period (BLADER_SECONDEN)
    beamer.wacht(lambda: beamer.js(paginakop) not in ("", eerste), "de pagina slaat vanzelf om", timeout=20)
    knop = beamer.element("//button[.//span[normalize-space(.)='Volledig scherm (F)']]", "knop volledig scherm")
    druk(beamer, "f")
    beamer.wacht(lambda: beamer.js("return !!document.fullscreenElement"), "volledig scherm na F")
    beamer.wacht(lambda: not knop.is_displayed(), "de knop verbergt zich in volledig scherm")
    beamer.js("document.exitFullscreen()")
    beamer.wacht(lambda: knop.is_displayed(), "de knop is terug buiten volledig scherm")

    leiding = maak_browser("leiding", 1280, 800)
    try:
        leiding.open(f"{server.url}/leiding/{links.facilitator_token}")
        leiding.zie("De beamer toont het overleg")
        voorbeeld = leiding.element("//iframe[contains(@src, '?voorbeeld=1')]", "voorbeeld van de beamer")

        def in_voorbeeld(script: str) -> object:
            leiding.driver.switch_to.frame(voorbeeld)
            try:
                return leiding.js(script)
            finally:
                leiding.driver.switch_to.default_content()

        zwart = (
            "const z = document.querySelector('.beamer-zwart'); return !!z && getComputedStyle(z).display !== 'none';"
        )
        leiding.wacht(
            lambda: "Signalen delen" in str(in_voorbeeld("return document.body.innerText")), "voorbeeld toont de stap"
        )
        assert not beamer.js(zwart)
        druk(leiding, "b")
        beamer.wacht(lambda: beamer.js(zwart), "beamer op zwart na B")
        leiding.zie("De beamer staat op zwart.")
        leiding.wacht(lambda: in_voorbeeld(zwart), "het voorbeeld is ook zwart")
        assert not in_voorbeeld("return !!document.querySelector('.volscherm-knop')"), "geen knop in het voorbeeld"
        druk(leiding, "b")
        beamer.wacht(lambda: not beamer.js(zwart), "beamer weer aan na nog eens B")
        leiding.wacht(lambda: not in_voorbeeld(zwart), "het voorbeeld weer aan")

        def bereik() -> str:
            gevonden = [e.text for e in beamer.driver.find_elements(By.XPATH, "//div[contains(text(), ' van 20')]")]
            return gevonden[0] if gevonden else ""

        leiding.knop("Pagina ▶")
        leiding.zie("vaste pagina")
        beamer.wacht(lambda: bereik() != "", "paginakop")
        pagina = dienst.lezen.vergadering(m).beamer_pagina
        assert pagina is not None
        verwacht = ("signalen 1–7 van 20", "signalen 8–14 van 20", "signalen 15–20 van 20")
        beamer.wacht(lambda: bereik() == verwacht[pagina % 3], f"pagina {pagina % 3 + 1} op de beamer")
        leiding.knop("Pagina ▶")
        beamer.wacht(lambda: bereik() == verwacht[(pagina + 1) % 3], "de volgende pagina op de beamer")
        leiding.knop("Vanzelf bladeren")
        leiding.zie("bladert vanzelf")
        assert dienst.lezen.vergadering(m).beamer_pagina is None
    finally:
        leiding.sluit()
