"""The console's advice follows the room live and never jumps under the facilitator's cursor."""

from __future__ import annotations

import asyncio
from datetime import date

from nicegui.testing import User

from buurtoverleg.appcontext import Context
from buurtoverleg.pages.volgorde import VasteVolgorde
from buurtoverleg.sessie.advies import Voorstel
from tests.pages.hulp import LIVE, klik


def _voorstel(content_id: str, score: float = 1.0) -> Voorstel:
    return Voorstel(id=content_id, titel=content_id.upper(), score=score, redenen=(f"reden {score}",))


def test_vaste_volgorde_houdt_de_plek_en_biedt_de_nieuwe_aan():
    volgorde = VasteVolgorde()
    volgorde.werk_bij([_voorstel("a"), _voorstel("b"), _voorstel("c")])
    assert [v.id for v in volgorde.lijst()] == ["a", "b", "c"] and not volgorde.bijgewerkt
    # the new advice puts c first, drops b and adds d: nothing moves, d joins at the bottom
    volgorde.werk_bij([_voorstel("c", 5), _voorstel("a", 2), _voorstel("d", 1)])
    assert [v.id for v in volgorde.lijst()] == ["a", "b", "c", "d"]
    assert volgorde.bijgewerkt
    assert next(v for v in volgorde.lijst() if v.id == "c").score == 5  # contents are the newest
    volgorde.neem_over()
    assert [v.id for v in volgorde.lijst()] == ["c", "a", "d"] and not volgorde.bijgewerkt


def _getoonde_volgorde(user: User) -> list[str]:
    """The proposal ids in the order the console shows them (elements are created in order)."""
    rijen = [e for e in user.client.elements.values() if any(m.startswith("voorstel-") for m in e._markers)]
    return [next(m for m in e._markers if m.startswith("voorstel-")).removeprefix("voorstel-") for e in rijen]


async def test_uitslag_werkt_het_advies_bij_zonder_dat_het_verspringt(user: User, app: Context):
    dienst = app.dienst
    links = dienst.aanmelding.maak("Hoograven", date(2026, 11, 23), "test-kort")
    m, t = links.meeting_id, links.facilitator_token
    await user.open(f"/leiding/{t}")
    await klik(user, "Aanpak en acties")
    await user.should_see("Voorstellen", retries=LIVE)
    await user.should_see(app.catalogus.titel("richting-7"), retries=LIVE)
    voor = _getoonde_volgorde(user)
    assert voor == [v.id for v in dienst.lezen.voorstellen(m)]

    # the room reads escalation; the reveal changes the advice while the console stays open
    zaal = [dienst.aanmelding.aanmelden(m, f"P{i}", "", d) for i, d in enumerate(["politie", "welzijn", "zorg"])]
    await asyncio.to_thread(dienst.leiding(t).start)
    for p in zaal:
        await asyncio.to_thread(dienst.deelnemer(m, p).antwoord, "test-fase", "fase-escalatie")
    await asyncio.to_thread(dienst.leiding(t).onthul)
    na = [v.id for v in dienst.lezen.voorstellen(m)]
    assert na != voor

    await user.should_see("Advies bijgewerkt na de laatste uitslag.", retries=LIVE)
    getoond = _getoonde_volgorde(user)
    assert getoond[: len(voor)] == voor  # nothing moved under the cursor
    assert set(getoond) == set(voor) | set(na)
    await klik(user, marker="nieuwe-volgorde")
    await user.should_not_see("Advies bijgewerkt na de laatste uitslag.", retries=LIVE)
    assert _getoonde_volgorde(user) == na
