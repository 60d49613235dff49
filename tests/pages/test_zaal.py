"""A phone in a large room (issue 22): the newest signals and its own, older ones on request."""

from __future__ import annotations

from datetime import date

from nicegui.testing import User

from buurtoverleg.app import Context
from buurtoverleg.pages.signaallijst import NIEUWSTE
from tests.pages.hulp import LIVE, klik, meedoen


async def test_de_telefoon_toont_de_nieuwste_signalen_en_de_eigen_en_meer_op_verzoek(user: User, app: Context):
    dienst = app.dienst
    links = dienst.aanmelding.maak("Overvecht", date(2026, 12, 2), "test-kort")
    mid, t = links.meeting_id, links.facilitator_token
    await meedoen(user, links.join_code, "Bewoner")
    dienst.leiding(t).start()
    dienst.leiding(t).ga_naar(2)
    await user.should_see("Wat zie of hoor je in de buurt?", retries=LIVE)
    user.find("Je signaal").type("Mijn eigen signaal: <b>geen HTML</b>")
    await klik(user, "Signaal versturen")
    await user.should_see("Ontvangen ✓ Je kunt nog een signaal toevoegen.", retries=LIVE)

    anderen = [dienst.aanmelding.aanmelden(mid, f"Buur {i}", "", "bewoner") for i in range(4)]
    teksten = [f"Signaal {n:02d} uit de zaal" for n in range(NIEUWSTE + 5)]
    for n, tekst in enumerate(teksten):
        dienst.deelnemer(mid, anderen[n % len(anderen)]).signaal("test-signalen", "waarneming", tekst)
    await user.should_see(teksten[-1], retries=LIVE)
    for tekst in teksten[-NIEUWSTE:]:
        await user.should_see(tekst)
    for tekst in teksten[:5]:  # older than the newest ten, and not this phone's own
        await user.should_not_see(tekst)
    await user.should_see("Mijn eigen signaal: <b>geen HTML</b>")  # its own stays, as text
    await user.should_see("Eerdere signalen tonen (nog 5)")

    await klik(user, "Eerdere signalen tonen (nog 5)")
    for tekst in teksten:
        await user.should_see(tekst, retries=LIVE)
    await user.should_not_see("Eerdere signalen tonen")

    dienst.deelnemer(mid, anderen[0]).signaal("test-signalen", "duiding", "Nog een late duiding")
    await user.should_see("Nog een late duiding", retries=LIVE)
    await user.should_see(teksten[0])  # what was asked for stays
