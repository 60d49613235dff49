"""A phone in a large room (issue 22): the newest signals and its own, older ones on request."""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import date

from nicegui import ui
from nicegui.testing import User

from buurtoverleg.app import Context
from buurtoverleg.pages import uitvoering, volgen
from buurtoverleg.pages.signaallijst import NIEUWSTE, Signaallijst
from buurtoverleg.pages.volgen import LANGSTE_INTERVAL, REDRAW_INTERVAL, telefooninterval
from buurtoverleg.sessie.toestand import SignaalKaart
from tests.pages.hulp import LIVE, klik, meedoen


async def _telefoon_bij_de_signalen(user: User, app: Context, buurt: str = "Overvecht") -> int:
    """A phone that joined a meeting now at its signal step (step 3 of test-kort); the meeting's id."""
    dienst = app.dienst
    links = dienst.aanmelding.maak(buurt, date(2026, 12, 2), "test-kort")
    await meedoen(user, links.join_code, "Bewoner")
    dienst.leiding(links.facilitator_token).start()
    dienst.leiding(links.facilitator_token).ga_naar(2)
    await user.should_see("Wat zie of hoor je in de buurt?", retries=LIVE)
    return links.meeting_id


async def test_de_telefoon_toont_de_nieuwste_signalen_en_de_eigen_en_meer_op_verzoek(user: User, app: Context):
    dienst = app.dienst
    mid = await _telefoon_bij_de_signalen(user, app)
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


async def test_de_beamer_leest_bij_een_signaal_alleen_de_signalen_opnieuw(user: User, app: Context, monkeypatch):
    """A signal, a recognition, a page turn: the wall re-reads the meeting and the signals, not the
    guidance (several reads of the whole meeting) nor the results; a step's change reads them anew."""
    dienst = app.dienst
    links = dienst.aanmelding.maak("Overvecht", date(2026, 12, 2), "test-kort")
    mid, t = links.meeting_id, links.facilitator_token
    buur = dienst.aanmelding.aanmelden(mid, "Buur", "", "bewoner")
    dienst.leiding(t).start()
    dienst.leiding(t).ga_naar(2)
    await user.open(f"/scherm/{links.projector_token}")
    await user.should_see("Nog geen signalen", retries=LIVE)

    gelezen: list[str] = []
    for naam in ("begeleiding", "uitslagen", "oordelen", "signalen"):
        echt = getattr(dienst.lezen, naam)
        monkeypatch.setattr(
            dienst.lezen, naam, lambda *a, _n=naam, _echt=echt, **k: (gelezen.append(_n), _echt(*a, **k))[1]
        )
    eerste = dienst.deelnemer(mid, buur).signaal("test-signalen", "waarneming", "Scooters op het plein")
    await user.should_see("Scooters op het plein", retries=LIVE)
    dienst.deelnemer(mid, buur).signaal("test-signalen", "duiding", "Jongeren vervelen zich")
    await user.should_see("Jongeren vervelen zich", retries=LIVE)
    voor = gelezen.count("signalen")
    dienst.leiding(t).blader(1)  # the facilitator turns the page: the wall redraws
    for _ in range(LIVE):
        if gelezen.count("signalen") > voor:
            break
        await asyncio.sleep(0.1)
    assert gelezen.count("signalen") > voor
    assert not {"begeleiding", "uitslagen", "oordelen"} & set(gelezen), gelezen

    dienst.leiding(t).modereer(eerste, verborgen=True)  # a setting: the step is read anew
    dienst.leiding(t).volgende()
    await user.should_not_see("Jongeren vervelen zich", retries=LIVE)
    assert {"begeleiding", "uitslagen", "oordelen"} <= set(gelezen)


async def _geen_lezing_onderweg() -> None:
    """Until no read runs: one already past the pool's limit would still show what it reads."""
    for _ in range(10 * LIVE):
        if uitvoering.LEZEN.bezig == 0:
            return
        await asyncio.sleep(0.05)


async def test_een_telefoon_die_het_te_druk_vond_tekent_later_toch_bij(user: User, app: Context):
    """A redraw that found the read queue full draws again a moment later by itself: the phone
    comes to the database's state without waiting for the next change in the room."""
    dienst = app.dienst
    mid = await _telefoon_bij_de_signalen(user, app)
    buur = dienst.aanmelding.aanmelden(mid, "Buur", "", "bewoner")
    # the list's first read follows the question on screen: on a slow machine it can still be on
    # its way, read after the signal below and show it without a retry. Wait until no read runs.
    dienst.deelnemer(mid, buur).signaal("test-signalen", "waarneming", "Drukte bij de school")
    await user.should_see("Drukte bij de school", retries=LIVE)
    await _geen_lezing_onderweg()

    uitvoering.LEZEN.max_wachtend = 0  # every read refused from here: the room is too busy
    try:
        dienst.deelnemer(mid, buur).signaal("test-signalen", "waarneming", "Scooters op het plein")
        await asyncio.sleep(0.5)  # the phone's redraw ran into the full queue
        await user.should_not_see("Scooters op het plein")
    finally:
        uitvoering.LEZEN.max_wachtend = uitvoering.MAX_WACHTEND_LEZEN
    await user.should_see("Scooters op het plein", retries=LIVE)  # no new event: it tried again


async def test_een_telefoon_die_bij_een_nieuwe_stap_te_druk_vond_tekent_die_stap_later(user: User, app: Context):
    """At a step change every phone draws at once; one whose reads were refused for the crowd
    draws the step a moment later by itself, buttons and all."""
    dienst = app.dienst
    links = dienst.aanmelding.maak("Overvecht", date(2026, 12, 2), "test-kort")
    t = links.facilitator_token
    await meedoen(user, links.join_code, "Bewoner")
    dienst.leiding(t).start()
    await user.should_see("Stap 1 van 4", retries=LIVE)
    await _geen_lezing_onderweg()

    uitvoering.LEZEN.max_wachtend = 0
    try:
        dienst.leiding(t).ga_naar(2)
        await asyncio.sleep(0.5)
        await user.should_not_see("Signaal versturen")
    finally:
        uitvoering.LEZEN.max_wachtend = uitvoering.MAX_WACHTEND_LEZEN
    await user.should_see("Signaal versturen", retries=LIVE)


async def test_een_zaal_achter_een_router_opent_de_link_tegelijk(user: User, create_user, app: Context):
    """Twelve phones behind one Wi-Fi address open the join link at the same moment: each gets
    the form. The brake on wrong codes (five per address) counted the checks still running and
    told the sixth 'Te veel verkeerde codes'."""
    links = app.dienst.aanmelding.maak("Overvecht", date(2026, 12, 2), "test-kort")
    telefoons = [user, *(create_user() for _ in range(11))]
    await asyncio.gather(*(tel.open(f"/doe/{links.join_code}") for tel in telefoons))
    for tel in telefoons:
        await tel.should_see("Meedoen", retries=LIVE)
        await tel.should_not_see("Te veel")
    await telefoons[0].open("/doe/FOUT00")  # a wrong code is still a wrong code
    await telefoons[0].should_see("Meedoen met een buurtoverleg")


async def test_een_bladzijde_omslaan_na_een_stem_toont_de_nieuwe_telling(user: User, app: Context):
    """A vote changes only the beamer's count; a page turn after it redraws the wall with what it
    kept of the step: the count must be the new one, not the one from before the vote."""
    dienst = app.dienst
    links = dienst.aanmelding.maak("Overvecht", date(2026, 12, 2), "test-kort")
    mid, t = links.meeting_id, links.facilitator_token
    buren = [dienst.aanmelding.aanmelden(mid, f"Buur {i}", "", "bewoner") for i in range(2)]
    dienst.leiding(t).start()
    await user.open(f"/scherm/{links.projector_token}")
    await user.should_see("0 van 2 hebben geantwoord", retries=LIVE)
    vraag = dienst.lezen.vergadering(mid).stappen[0].vragen[0]
    dienst.deelnemer(mid, buren[0]).antwoord(vraag.id, vraag.opties[0].id)
    await user.should_see("1 van 2 hebben geantwoord", retries=LIVE)
    dienst.leiding(t).blader(1)  # the facilitator turns a page: the wall redraws
    await asyncio.sleep(1.0)
    await user.should_see("1 van 2 hebben geantwoord")
    await user.should_not_see("0 van 2 hebben geantwoord")


def test_telefoons_hertekenen_minder_vaak_naarmate_de_zaal_voller_is():
    assert telefooninterval(1) == telefooninterval(40) == REDRAW_INTERVAL  # a buurtoverleg: as the beamer
    assert telefooninterval(200) == 1.0
    assert telefooninterval(400) == telefooninterval(5000) == LANGSTE_INTERVAL


async def test_een_telefoon_in_een_volle_zaal_neemt_signalen_samen(user: User, app: Context, monkeypatch):
    """Ten signals in a second reach a phone in a room of 200 in at most three redraws (one a
    second, see `volgen.PER_TELEFOON`), the last of them included; the beamer's pace is its own."""
    monkeypatch.setattr(volgen, "PER_TELEFOON", 1.0)  # this one phone counts as a room of 200
    dienst = app.dienst
    mid = await _telefoon_bij_de_signalen(user, app, "Kanaleneiland")
    hertekend: list[float] = []
    ververs = Signaallijst.ververs

    async def geteld(lijst: Signaallijst, *, drukte_doorgeven: bool = False) -> None:
        if drukte_doorgeven:  # a redraw for the room's events (the page's Volger), not a tap
            hertekend.append(time.monotonic())
        await ververs(lijst, drukte_doorgeven=drukte_doorgeven)

    monkeypatch.setattr(Signaallijst, "ververs", geteld)
    buren = [dienst.aanmelding.aanmelden(mid, f"Buur {i}", "", "bewoner") for i in range(5)]
    for n in range(10):
        dienst.deelnemer(mid, buren[n % 5]).signaal("test-signalen", "waarneming", f"Signaal {n} uit de zaal")
        await asyncio.sleep(0.1)
    await user.should_see("Signaal 9 uit de zaal", retries=LIVE)
    assert 1 <= len(hertekend) <= 3, [round(b - hertekend[0], 2) for b in hertekend]


async def test_een_lijst_die_tijdens_het_lezen_verdwijnt_wordt_niet_meer_bijgewerkt(user: User, caplog):
    """The phone drew its step anew while its list read the room (a resent tap, the next prompt):
    the old list, gone from the page, is left alone instead of updated after its deletion."""
    los = asyncio.Event()

    async def ophalen(_nieuwste: int) -> tuple[list[SignaalKaart], int]:
        await los.wait()
        return [], 0

    async def niets(_signaal_id: int) -> bool:
        return False

    @ui.page("/test-lijst-weg")
    async def pagina() -> None:
        with ui.column() as vak:
            lijst = Signaallijst(ophalen, niets)
        bezig = asyncio.create_task(lijst.ververs())
        await asyncio.sleep(0.05)
        vak.delete()  # the redraw
        los.set()
        await bezig
        ui.label("klaar")

    with caplog.at_level(logging.WARNING):
        await user.open("/test-lijst-weg")
        await user.should_see("klaar")
    assert "deleted but is still being used" not in caplog.text
