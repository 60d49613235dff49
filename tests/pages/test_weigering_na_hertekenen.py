"""A refusal that arrives after the phone redrew: the prompt closed while the phone's signal was
on its way, the redraw removed the button that was tapped, and then the server said 'gesloten'.

Found by a loaded CI run (load average 23 on 2 cores): the refusal's follow-up asked the
browser for the taps it still holds through the removed button's context, and NiceGUI logged
"The parent element this slot belongs to has been deleted". Here the order is forced: the
domain call waits until the phone has redrawn before it refuses."""

from __future__ import annotations

import time
from datetime import date

import pytest
from nicegui.testing import User

from buurtoverleg.app import Context
from buurtoverleg.sessie.rollen import Deelnemerrol
from tests.pages.hulp import LIVE, klik, meedoen


async def test_geweigerd_signaal_na_hertekenen_geeft_een_melding_en_geen_fout(
    user: User, app: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    links = app.dienst.aanmelding.maak("Kanaleneiland", date(2026, 11, 23), "test-kort")
    leiding = app.dienst.leiding(links.facilitator_token)
    await meedoen(user, links.join_code, "Ans", "Politie")
    leiding.start()
    leiding.ga_naar(2)
    await user.should_see("Wat zie of hoor je in de buurt?", retries=LIVE)
    user.find("Je signaal").type("Jongeren bij het plein")
    getikt = next(iter(user.find("Signaal versturen").elements))

    echt = Deelnemerrol.signaal

    def na_hertekenen(rol: Deelnemerrol, vraag_id: str, soort: str, tekst: str) -> int:
        """In the worker thread the page's `doe` uses: the facilitator closes the prompt, the phone
        redraws (the tapped button goes), only then the domain answers: closed."""
        leiding.sluit_invoer()
        einde = time.monotonic() + 20
        while not getikt.is_deleted:
            assert time.monotonic() < einde, "the phone did not redraw after the prompt closed"
            time.sleep(0.02)
        return echt(rol, vraag_id, soort, tekst)

    monkeypatch.setattr(Deelnemerrol, "signaal", na_hertekenen)
    await klik(user, "Signaal versturen")
    await user.should_see("Deze vraag is gesloten", retries=LIVE)
    assert getikt.is_deleted
    assert app.dienst.lezen.signalen(links.meeting_id) == []
    # NiceGUI's `user` fixture fails the test at teardown if anything was logged as ERROR
