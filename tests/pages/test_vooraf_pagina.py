"""The pre-round's two pages with NiceGUI's simulated users (issue 17): the facilitator opens
and closes it, a member joins through the link, hands in and downloads her own A4; the
facilitator downloads every A4 only once the answers may be read; wrong links say so in Dutch."""

from __future__ import annotations

import io
from datetime import date, timedelta

from nicegui.testing import User
from pypdf import PdfReader

from buurtoverleg.app import Context
from buurtoverleg.pages.vooraf import GEEN_RONDE
from tests.pages.hulp import LIVE, klik

TEKST = "<i>Ruit</i> ingegooid bij het buurthuis"


def _pdftekst(inhoud: bytes) -> str:
    return " ".join(" ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(inhoud)).pages).split())


async def test_openen_inleveren_a4_en_sluiten(user: User, create_user, app: Context):
    dienst = app.dienst
    vandaag = dienst.nu().date()
    links = dienst.aanmelding.maak("Overvecht", vandaag + timedelta(days=7), "test-kort")
    leiding = user
    await leiding.open(f"/leiding/{links.facilitator_token}/vooraf")
    await leiding.should_see("Nog geen ronde vooraf", retries=LIVE)
    await klik(leiding, "Ronde vooraf openen")
    await leiding.should_see("Ronde vooraf: open", retries=LIVE)
    await leiding.should_see("0 van 0 ingeleverd", retries=LIVE)
    await leiding.should_see(f"/vooraf/{links.join_code}", retries=LIVE)

    lid = create_user()
    await lid.open(f"/vooraf/{links.join_code}")
    await lid.should_see("Vul in wie je bent", retries=LIVE)
    await klik(lid, "Domein")
    await klik(lid, "Politie")
    lid.find("Naam").type("Ans de Vries")
    await klik(lid, "Meedoen")
    try:  # the page reloads itself after joining
        await lid.should_see("Vooraf · Buurtoverleg Overvecht", retries=LIVE // 2)
    except AssertionError:  # the reload went to the other simulated user (see hulp.meedoen)
        await lid.open(f"/vooraf/{links.join_code}")
        await lid.should_see("Vooraf · Buurtoverleg Overvecht", retries=LIVE)
    await lid.should_see("Invullen kan tot", retries=LIVE)
    lid.find(marker="vooraf-bob-beeld-gebeurd").type(TEKST)
    await klik(lid, "Inleveren")
    await lid.should_see("Ingeleverd op", retries=LIVE)
    await leiding.should_see("1 van 1 ingeleverd", retries=LIVE)
    await leiding.should_not_see("Alle A4's downloaden (PDF)")

    await klik(lid, "Mijn A4 downloaden (PDF)")
    eigen = await lid.download.next(timeout=5)
    assert eigen.content.startswith(b"%PDF")
    assert TEKST in _pdftekst(eigen.content), "her own words, as text"

    await klik(leiding, "Nu sluiten")
    await leiding.should_see("Ronde vooraf: gesloten", retries=LIVE)
    await klik(leiding, "Alle A4's downloaden (PDF)")
    alle = await leiding.download.next(timeout=5)
    assert "Vooraf: Ans de Vries" in _pdftekst(alle.content)

    await lid.open(f"/vooraf/{links.join_code}")
    await lid.should_see("De ronde vooraf is gesloten. Je antwoorden staan vast.", retries=LIVE)
    await lid.should_not_see("Inleveren")
    assert lid.find(marker="vooraf-bob-beeld-gebeurd").elements.pop().enabled is False


async def test_zonder_ronde_vooraf_en_verkeerde_links(user: User, app: Context):
    dienst = app.dienst
    zonder = dienst.aanmelding.maak("Lombok", date(2026, 12, 24), "test-kort")
    await user.open(f"/vooraf/{zonder.join_code}")
    await user.should_see(GEEN_RONDE, retries=LIVE)
    await user.open("/vooraf/XXXXXX")
    await user.should_see("Er is geen overleg met de code 'XXXXXX'", retries=LIVE)
    await user.open("/leiding/verzonnen/vooraf")
    await user.should_see("Deze link klopt niet", retries=LIVE)
    await user.should_not_see("Ronde vooraf openen")
