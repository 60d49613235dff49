"""Issue 17 in real browsers: the facilitator opens the round vooraf, three members fill it in
on different days (one leaves a draft and finishes a day later), the deadline passes, and at
the meeting the first step's reveal shows the pre-round per domain without anyone answering
again; the next step shows 'Vooraf' beside the live round, and so do the minutes.

The server runs on the real clock in its own process, so 'a day later' moves the pre-round's
stored moments (deadline, saved and handed-in times) a day back instead: for the server that is
the same as a day passing. Screenshots: test-artefacten/vooraf-*.png (the member's form on a
390x844 phone, the facilitator's list, the beamer).

Run:  .venv/bin/python -m pytest tests/pages/test_vooraf_browser.py -q
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.pages.browser import Browser, knop_xpath, waarom_overslaan
from tests.pages.test_browser import BEAMER, LEIDING, TELEFOON, aanmelden, browsers, server, toegankelijk  # noqa: F401
from tests.pages.test_duiding_browser import _dienst, _rijen, volgende

REDEN = waarom_overslaan()
pytestmark = [pytest.mark.browser, pytest.mark.skipif(REDEN is not None, reason=REDEN or "")]

LEDEN = (
    # name, organisation, domain as the list shows it, domain key, fase, what happened, ernst
    ("Sander", "Politie Overvecht", "Politie", "politie", "Incidenten", "Ruit ingegooid bij de moskee.", "4"),
    (
        "Mariëlle",
        "Buurtteam",
        "Welzijn / opbouwwerk",
        "welzijn",
        "Ongemak",
        "Bewoners praten erover op het plein.",
        "2",
    ),
    ("Eline", "Wijkbureau", "Gemeente", "gemeente", "Onderhuidse spanningen", "Meldingen bij de gemeente.", "3"),
)


def _dag_verder(dienst, meeting_id: int, dagen: float = 1) -> None:  # type: ignore[no-untyped-def]
    """A day passes for the pre-round: every stored moment of it moves `dagen` back."""
    from sqlalchemy import select

    from buurtoverleg.storage.models import PreRound, PreRoundAnswer

    terug = timedelta(days=dagen)
    with dienst.db.transactie() as s:
        for pre in s.scalars(select(PreRound).where(PreRound.meeting_id == meeting_id)):
            pre.deadline -= terug
            pre.opened_at -= terug
        for rij in s.scalars(select(PreRoundAnswer).where(PreRoundAnswer.meeting_id == meeting_id)):
            rij.updated_at -= terug
            if rij.submitted_at is not None:
                rij.submitted_at -= terug


def _vraag(lid: Browser, vraag_id: str) -> str:
    return f"//*[@data-vraag='{vraag_id}']"


def _schrijf(lid: Browser, vraag_id: str, tekst: str) -> None:
    veld = lid.element(f"{_vraag(lid, vraag_id)}//textarea", f"tekstvak {vraag_id}")
    lid.js("arguments[0].scrollIntoView({block: 'center'})", veld)
    veld.click()
    veld.send_keys(tekst)
    lid.wacht(lambda: tekst in (veld.get_attribute("value") or ""), f"{vraag_id} bevat de tekst")


def _kies(lid: Browser, vraag_id: str, optie: str) -> None:
    knop = lid.element(
        f"{_vraag(lid, vraag_id)}//div[contains(@class,'q-radio')][normalize-space(.)='{optie}']",
        f"keuze {optie!r} bij {vraag_id}",
    )
    lid.js("arguments[0].scrollIntoView({block: 'center'})", knop)
    knop.click()
    lid.wacht(lambda: knop.get_attribute("aria-checked") == "true", f"{optie!r} gekozen")


def _knop(lid: Browser, tekst: str) -> None:
    knop = lid.element(knop_xpath(tekst), f"knop {tekst!r}")
    lid.js("arguments[0].scrollIntoView({block: 'center'})", knop)
    lid.knop(tekst)


def test_drie_leden_vooraf_en_het_overleg_begint_met_hun_beeld(server, browsers) -> None:  # noqa: F811
    dienst = _dienst(server)
    vandaag = datetime.now(UTC).date()
    links = dienst.aanmelding.maak("Overvecht", vandaag + timedelta(days=10), "test-kort")
    m, t = links.meeting_id, links.facilitator_token
    leiding, beamer, *leden = browsers(
        ("leiding", LEIDING, False),
        ("beamer", BEAMER, False),
        *((f"lid-{lid[3]}", TELEFOON, True) for lid in LEDEN),
    )

    # the facilitator opens the pre-round (default deadline: in three days, 17:00)
    leiding.open(f"{server.url}/leiding/{t}/vooraf")
    leiding.zie("Nog geen ronde vooraf")
    leiding.knop("Ronde vooraf openen")
    leiding.zie("Ronde vooraf: open")
    link = leiding.element("//*[@data-testid='vooraf-link']", "de link voor de leden").text.strip()
    assert link.endswith(f"/vooraf/{links.join_code}")
    link = f"{server.url}/vooraf/{links.join_code}"  # the shown address is this machine's LAN name

    # day 1: Sander answers and hands in
    sander, marielle, eline = leden
    aanmelden(sander, link, *LEDEN[0][:3], lobby=False)
    sander.zie("Vooraf · Buurtoverleg Overvecht")
    _schrijf(sander, "bob-beeld-gebeurd", LEDEN[0][5])
    _kies(sander, "test-fase", LEDEN[0][4])
    _kies(sander, "test-ernst", LEDEN[0][6])
    _knop(sander, "Inleveren")
    sander.zie("Ingeleverd op")
    leiding.zie("1 van 1 ingeleverd")  # live, without reloading
    assert "Ruit ingegooid" not in leiding.tekst(), "who, not what, before the deadline"

    # day 2: Mariëlle starts, keeps a draft
    _dag_verder(dienst, m)
    aanmelden(marielle, link, *LEDEN[1][:3], lobby=False)
    _schrijf(marielle, "bob-beeld-gebeurd", LEDEN[1][5])
    _kies(marielle, "test-fase", LEDEN[1][4])
    _kies(marielle, "test-ernst", LEDEN[1][6])
    _knop(marielle, "Concept bewaren")
    marielle.zie("Concept bewaard op")
    leiding.zie("1 van 2 ingeleverd")
    leiding.zie("concept")

    # day 3: Eline hands in; Mariëlle comes back to her draft and finishes it
    _dag_verder(dienst, m)
    aanmelden(eline, link, *LEDEN[2][:3], lobby=False)
    _schrijf(eline, "bob-beeld-gebeurd", LEDEN[2][5])
    _kies(eline, "test-fase", LEDEN[2][4])
    _kies(eline, "test-ernst", LEDEN[2][6])
    _knop(eline, "Inleveren")
    eline.zie("Ingeleverd op")
    marielle.open(link)
    marielle.zie("Concept bewaard op")
    veld = marielle.element(f"{_vraag(marielle, 'bob-beeld-gebeurd')}//textarea", "haar concept")
    assert veld.get_attribute("value") == LEDEN[1][5], "the draft came back on another day"
    _schrijf(marielle, "bob-beeld-onrust", "Nog rustig, maar het gonst.")
    marielle.js("window.scrollTo(0, 0)")
    marielle.screenshot("vooraf-lid-formulier-390")
    marielle.js(
        "arguments[0].scrollIntoView({block: 'start'})", marielle.element(_vraag(marielle, "test-fase"), "fase")
    )
    marielle.screenshot("vooraf-lid-inschatting-390")
    assert not marielle.breder_dan_scherm(390), marielle.breder_dan_scherm(390)
    _knop(marielle, "Inleveren")
    marielle.zie("Ingeleverd op")
    marielle.js("window.scrollTo(0, document.body.scrollHeight)")
    marielle.screenshot("vooraf-lid-ingeleverd-390")
    leiding.zie("3 van 3 ingeleverd")
    toegankelijk(marielle, "lid, formulier vooraf")
    leiding.screenshot("vooraf-leiding-overzicht")

    # the deadline passes: answers stay as they are, the facilitator may read them
    _dag_verder(dienst, m, 3)
    sander.open(link)
    sander.zie("De ronde vooraf is gesloten")
    leiding.open(f"{server.url}/leiding/{t}/vooraf")
    leiding.zie("Ronde vooraf: gesloten")
    leiding.element("//*[@data-testid='vooraf-alle-a4']", "de knop voor alle A4's")

    # the meeting: the same browsers are the same members, nobody answers the first step again
    beamer.open(f"{server.url}/scherm/{links.projector_token}")
    leiding.open(f"{server.url}/leiding/{t}")
    for lid in leden:
        lid.open(f"{server.url}/doe/{links.join_code}")
        lid.zie("Wacht op de gespreksleider")
    assert "Vul in wie je bent" not in sander.tekst()
    leiding.knop("Start het overleg")
    leiding.zie("stap 1: Welke fase?")
    leiding.knop("Uitslag tonen")
    beamer.wacht(lambda: len(_rijen(beamer)) == 1, "het beeld van de ronde vooraf")
    (vooraf,) = _rijen(beamer)
    assert vooraf == {
        "politie": [0, 0, 0, 1, 0],
        "welzijn": [0, 1, 0, 0, 0],
        "gemeente": [0, 0, 1, 0, 0],
    }
    assert beamer.elementen("//*[@data-ronde='0']"), "the round on the wall is the pre-round"
    beamer.zie("VERDEELD")
    beamer.zie("Vooraf")
    beamer.screenshot("vooraf-beamer-eerste-stap")

    # the next step: the room answers live, and the wall shows 'Vooraf' beside 'Ronde 1'
    volgende(leiding, "stap 2: Ernst en vormen")
    ids = {d.domein: d.id for d in dienst.lezen.vergadering(m).deelnemers}
    for domein, ernst in (("politie", 3), ("welzijn", 3), ("gemeente", 3)):
        dienst.deelnemer(m, ids[domein]).antwoord("test-ernst", ernst)
    leiding.knop("Uitslag tonen")  # the answers went in through the database, not this server
    beamer.wacht(
        lambda: beamer.elementen("//*[@data-ronde='0']") and beamer.elementen("//*[@data-ronde='1']"),
        "vooraf en ronde 1 naast elkaar",
    )
    beamer.zie("Ronde 1")
    beamer.screenshot("vooraf-beamer-naast-ronde-1")

    # the minutes have the vooraf round
    notulist = leiding
    notulist.open(f"{server.url}/notulen/{links.secretary_token}")
    notulist.zie_patroon(r"Vooraf \(3 antwoorden\)")
    notulist.zie_patroon(r"Ronde 1 \(3 antwoorden\)")
