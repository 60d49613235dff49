"""Issue 18 in a real browser: the beamer's advice step (top directions and examples with what
each is, why, and the room's dots) and the live action list as the secretary types an action,
at 1920x1080 and 1024x768. Screenshots land in test-artefacten/ (besluit-*.png).

The meeting is the demo's (`voorbeeld`) up to the directions step, written through the domain
in the server's database before the pages open; the action is typed on the secretary's page,
so the beamer follows a real event of the server."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.pages.browser import (
    TEST_INHOUD,
    Browser,
    Server,
    draai_server,
    maak_browser,
    waarom_overslaan,
)
from tests.pages.test_beamer_past import MEET, NA_HET_PASSEN, ONDERGRENS

REDEN = waarom_overslaan()
pytestmark = [pytest.mark.browser, pytest.mark.skipif(REDEN is not None, reason=REDEN or "")]

GROOT = (1920, 1080)
KLEIN = (1024, 768)
NOTULIST = (1280, 800)
TELEFOON = (390, 844)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with draai_server(tmp_path_factory.mktemp("server")) as s:
        yield s


@pytest.fixture
def browsers() -> Iterator[Callable[[str, tuple[int, int]], Browser]]:
    open_: list[Browser] = []

    def start(naam: str, maat: tuple[int, int], mobiel: bool = False) -> Browser:
        b = maak_browser(naam, *maat, mobiel=mobiel)
        open_.append(b)
        return b

    yield start
    for b in open_:
        b.sluit()


def _tot_de_richtingen(server: Server):  # type: ignore[no-untyped-def]
    """The demo meeting on its directions step, the dots revealed, one direction and one example chosen."""
    from buurtoverleg import content, voorbeeld
    from buurtoverleg.samenstelling import maak_dienst
    from buurtoverleg.sessie.gebeurtenissen import LokaleBus
    from buurtoverleg.storage import Database

    dienst = maak_dienst(Database(server.database_url), content.laad(TEST_INHOUD), LokaleBus())
    demo = voorbeeld.begin(dienst, "Kanaleneiland-Zuid")
    voorbeeld.signalen(dienst, demo)
    voorbeeld.analyse(dienst, demo)
    m, t = demo.links.meeting_id, demo.links.facilitator_token
    dienst.leiding(t).volgende()
    for wie, verdeling in zip(
        demo.deelnemers,
        ({"richting-1": 2, "richting-2": 1}, {"richting-4": 2, "richting-3": 1}, {"richting-1": 3}, {"richting-2": 3}),
        strict=False,
    ):
        dienst.deelnemer(m, wie).antwoord("kort-richtingen-stippen", verdeling)
    dienst.leiding(t).onthul()
    dienst.leiding(t).aanpak.kies("richting-1", True, "De spanning zit dicht bij huis.")
    return dienst, demo


def _gemeten(beamer: Browser, maat: tuple[int, int]) -> dict:  # type: ignore[type-arg]
    """The beamer's own fit measure once the fit step ran at this size (`test_beamer_past`):
    nothing cut or outside the window, the root size, and how far below the minimum type."""
    uitkomst = beamer.driver.execute_async_script(NA_HET_PASSEN, f"{maat[0]}x{maat[1]}", MEET)
    assert uitkomst is not None, f"de beamer paste zich niet aan {maat} aan"
    assert not uitkomst["onder"] or float(uitkomst["onder"]) >= ONDERGRENS, uitkomst
    return dict(uitkomst)


def _zet_datum(browser: Browser, label: str, iso: str) -> None:
    """A date field filled as the browser's date picker would (typing depends on the locale)."""
    veld = browser.veld(label)
    browser.js(
        "const z = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;"
        "z.call(arguments[0], arguments[1]); arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        veld,
        iso,
    )


def test_beamer_advies_en_actielijst_live(server: Server, browsers) -> None:  # type: ignore[no-untyped-def]
    dienst, demo = _tot_de_richtingen(server)
    m, links = demo.links.meeting_id, demo.links
    beeld = dienst.lezen.besluitbeeld(m)
    assert beeld.richtingen[0].id == "richting-1"  # most dots (2 + 3) first
    groot, klein = browsers("beamer-groot", GROOT), browsers("beamer-klein", KLEIN)
    for beamer in (groot, klein):
        beamer.open(f"{server.url}/scherm/{links.projector_token}")
        for voorstel in (*beeld.richtingen, *beeld.voorbeelden):
            beamer.zie(voorstel.titel)
        beamer.zie(beeld.richtingen[0].omschrijving)
        beamer.zie("● 5 stippen")
        beamer.zie("● 4 stippen")
        beamer.zie("Ook stippen: Positief gedrag van kinderen en jongeren (1)")
        beamer.zie("Gekozen")  # the badge on the chosen card
    maten = {maat: _gemeten(b, maat) for maat, b in ((GROOT, groot), (KLEIN, klein))}
    print(f"adviesstap: {maten}")
    assert all(not m["fouten"] for m in maten.values()), maten
    groot.screenshot("besluit-advies-1920x1080")
    klein.screenshot("besluit-advies-1024x768")
    # labels wrap, never cut: no proposal title is wider than its box
    titels = [v.titel for v in (*beeld.richtingen, *beeld.voorbeelden)]
    for beamer in (groot, klein):
        afgekapt = beamer.js(
            "const t = new Set(arguments[0]);"
            "const e = [...document.querySelectorAll('.voorstel div')].filter(e => t.has(e.innerText.trim()));"
            "return [[...new Set(e.map(e => e.innerText.trim()))].length,"
            " e.filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.innerText)];",
            titels,
        )
        assert afgekapt[0] == len(titels) and afgekapt[1] == [], afgekapt

    # the action step: empty on the wall, then the action the secretary types
    dienst.leiding(links.facilitator_token).volgende()
    for beamer in (groot, klein):
        beamer.open(f"{server.url}/scherm/{links.projector_token}")
        beamer.zie("Wat gaan we doen, wie doet het, en wanneer is het klaar?")  # the SMART questions guide
    from tests.pages.test_browser import aanmelden

    telefoon = browsers("telefoon", TELEFOON, True)
    aanmelden(telefoon, f"{server.url}/doe/{links.join_code}", "Noor", "Buurthuis De Schakel", "Bewoner", lobby=False)
    telefoon.zie("Afgesproken acties")
    telefoon.zie("Nog geen acties afgesproken.")
    notulist = browsers("notulist", NOTULIST)
    notulist.open(f"{server.url}/notulen/{links.secretary_token}")
    notulist.typ("Wat gaan we doen? *", "Portiekgesprekken in de Marnixlaan 40-68")
    notulist.typ("Wie voert uit? *", "Buurtteam Welzijn Zuid")
    _zet_datum(notulist, "Wanneer bereikt? *", "2099-03-01")
    notulist.knop("Actie opslaan")
    for beamer in (groot, klein):
        beamer.zie("Portiekgesprekken in de Marnixlaan 40-68")
        beamer.zie("Buurtteam Welzijn Zuid")
        beamer.zie("1 maart 2099")
        beamer.zie("Gekozen aanpak:")
    telefoon.zie("Portiekgesprekken in de Marnixlaan 40-68")
    telefoon.zie("Buurtteam Welzijn Zuid · uiterlijk 1 maart 2099")
    assert telefoon.breder_dan_scherm(TELEFOON[0]) == []
    telefoon.screenshot("besluit-telefoon-acties-390x844")
    maten = {maat: _gemeten(b, maat) for maat, b in ((GROOT, groot), (KLEIN, klein))}
    print(f"actiestap: {maten}")
    assert all(not m["fouten"] for m in maten.values()), maten
    groot.screenshot("besluit-acties-1920x1080")
    klein.screenshot("besluit-acties-1024x768")
    assert [a.wat for a in dienst.lezen.acties(m)] == ["Portiekgesprekken in de Marnixlaan 40-68"]


def test_beamer_praktijkvoorbeelden_kiezen(server: Server, browsers) -> None:  # type: ignore[no-untyped-def]
    """The full template's step "Praktijkvoorbeelden kiezen": a phone at 390x844 puts its dots
    on the examples the advice proposes (each with what it is); the beamer shows the proposals
    with the rules of thumb as one line, and after the reveal the dots on the examples, at
    1920x1080 and 1024x768."""
    from datetime import date

    from buurtoverleg import content
    from buurtoverleg.samenstelling import maak_dienst
    from buurtoverleg.sessie.gebeurtenissen import LokaleBus
    from buurtoverleg.storage import Database
    from tests.pages.test_browser import aanmelden

    dienst = maak_dienst(Database(server.database_url), content.laad(TEST_INHOUD), LokaleBus())
    links = dienst.aanmelding.maak("Overvecht", date(2026, 12, 2), "tpl-analyse-polarisatie")
    m = links.meeting_id
    anderen = [dienst.aanmelding.aanmelden(m, naam, "", "welzijn") for naam in ("Kees", "Fatima")]
    leiding = dienst.leiding(links.facilitator_token)
    leiding.start()
    leiding.ga_naar(3)
    leiding.stel_vast("analyse-fase-vraag", "fase-onderhuidse-spanningen")
    leiding.ga_naar(7)
    leiding.stel_vast("analyse-oorzaken-vraag", "oorzaak-b")
    leiding.ga_naar(13)
    (vraag,) = [v for v in dienst.lezen.vergadering(m).stappen[13].vragen if v.soort.prioriteit]
    opties = vraag.opties
    assert len(opties) == 6

    telefoon = browsers("telefoon", TELEFOON, True)
    aanmelden(telefoon, f"{server.url}/doe/{links.join_code}", "Noor", "Buurthuis De Schakel", "Bewoner", lobby=False)
    telefoon.zie(vraag.vraag)
    for optie in opties:
        telefoon.zie(optie.omschrijving)
    for optie in (opties[1], opties[1], opties[0]):
        telefoon.element(f"//button[@aria-label='Eén stip meer voor {optie.titel}']", "plus").click()
    telefoon.zie("Nog 0 van 3 stippen te verdelen")
    telefoon.knop("Versturen")
    telefoon.zie("Ontvangen")
    assert telefoon.breder_dan_scherm(TELEFOON[0]) == []
    telefoon.js("window.scrollTo(0, 0)")
    telefoon.screenshot("stippen-telefoon-voorbeelden-390x844")
    for wie, verdeling in zip(anderen, ({opties[1].id: 2, opties[4].id: 1}, {opties[2].id: 3}), strict=True):
        dienst.deelnemer(m, wie).antwoord(vraag.id, verdeling)

    # while the room votes: the question with its count and the proposals, no dots yet
    stemmen = browsers("beamer-stemmen", KLEIN)
    stemmen.open(f"{server.url}/scherm/{links.projector_token}")
    stemmen.zie("3 van 3 hebben geantwoord")
    stemmen.zie(opties[0].omschrijving)
    assert "stip" not in stemmen.tekst().replace("Verdeel je stippen", "")
    tijdens = _gemeten(stemmen, KLEIN)
    print(f"praktijkvoorbeelden tijdens het stemmen: {tijdens}")
    stemmen.screenshot("stippen-voorbeelden-stemmen-1024x768")
    assert not tijdens["fouten"], tijdens
    leiding.onthul()

    beeld = dienst.lezen.besluitbeeld(m)
    assert [v.id for v in beeld.voorbeelden] == [opties[1].id, opties[2].id, opties[0].id]  # 4, 3, 1 dots
    groot, klein = browsers("beamer-groot", GROOT), browsers("beamer-klein", KLEIN)
    for beamer in (groot, klein):
        beamer.open(f"{server.url}/scherm/{links.projector_token}")
        for voorstel in (*beeld.richtingen, *beeld.voorbeelden):
            beamer.zie(voorstel.titel)
        beamer.zie(beeld.voorbeelden[0].omschrijving)
        beamer.zie("● 4 stippen")
        beamer.zie("● 3 stippen")
        beamer.zie(f"Ook stippen: {opties[4].titel} (1)")  # below the top three, still on the wall
        beamer.zie(dienst.catalogus.titel("vuistregel-kleinschalig-doorlopend"))  # the rules of thumb, one line
    maten = {maat: _gemeten(b, maat) for maat, b in ((GROOT, groot), (KLEIN, klein))}
    print(f"praktijkvoorbeelden: {maten}")
    groot.screenshot("stippen-voorbeelden-1920x1080")
    klein.screenshot("stippen-voorbeelden-1024x768")
    assert all(not m["fouten"] for m in maten.values()), maten
