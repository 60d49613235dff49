"""The secretary corrects the heading of the minutes on the minutes page; the organiser gives
place and chair when creating the meeting (issue 19)."""

from __future__ import annotations

from nicegui.testing import User

from buurtoverleg.app import Context
from buurtoverleg.voorbeeld import vul
from tests.pages.hulp import LIVE, inloggen, klik


async def test_notulist_corrigeert_de_gegevens_van_het_overleg(user: User, app: Context):
    dienst = app.dienst
    demo = vul(dienst)
    m = demo.links.meeting_id
    await user.open(f"/notulen/{demo.links.secretary_token}")
    await user.should_see("Gegevens van het overleg", retries=LIVE)
    user.find(marker="gegevens-plaats").clear().type("Wijkcentrum De Brug")
    user.find(marker="gegevens-afgemeld").clear().type("Woonstichting De Marnix")
    await klik(user, marker="gegevens-opslaan")
    await user.should_see("opgeslagen", retries=LIVE)
    n = dienst.lezen.notulen(m)
    assert (n.plaats, n.afgemeld, n.begintijd, n.eindtijd) == (
        "Wijkcentrum De Brug",
        "Woonstichting De Marnix",
        "19:30",
        "21:15",
    )

    user.find(marker="gegevens-begintijd").clear().type("half acht")
    await klik(user, marker="gegevens-opslaan")
    await user.should_see("De begintijd is geen tijd. Schrijf het als 19:30.", retries=LIVE)
    await user.should_see("niet opgeslagen", retries=LIVE)
    assert dienst.lezen.notulen(m).begintijd == "19:30"


async def test_organisator_geeft_plaats_en_voorzitter_bij_aanmaken(user: User, app: Context):
    await inloggen(user)
    user.find("Buurt of wijk").type("Zuilen")
    user.find(marker="nieuw-plaats").type("Buurthuis De Brug")
    user.find(marker="nieuw-voorzitter").type("Wijkmanager Zuilen")
    await klik(user, "Overleg aanmaken")
    await user.should_see("Start het overleg", retries=LIVE)
    (rij,) = app.dienst.aanmelding.overzicht()
    n = app.dienst.lezen.notulen(rij.id)
    assert (n.buurt, n.plaats, n.voorzitter) == ("Zuilen", "Buurthuis De Brug", "Wijkmanager Zuilen")
