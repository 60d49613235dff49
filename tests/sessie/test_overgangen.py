"""The state machine as a table: every status has a row, the refusals are today's Dutch ones,
and the console's buttons are exactly what the domain then accepts."""

from __future__ import annotations

from datetime import date

import pytest

from buurtoverleg.sessie.fouten import Geweigerd
from buurtoverleg.sessie.overgangen import (
    OVERLEG,
    STAP,
    Handeling,
    Overlegstatus,
    Stapstatus,
    controleer,
    stap_na,
    toegestaan,
)


def test_de_waarden_zijn_de_opgeslagen_woorden():
    assert [s.value for s in Overlegstatus] == ["lobby", "stappen", "afronding", "gesloten"]
    assert [s.value for s in Stapstatus] == ["nog-niet", "open", "dicht", "onthuld"]
    assert set(OVERLEG) == set(Overlegstatus) and set(STAP) == set(Stapstatus)
    assert OVERLEG[Overlegstatus.GESLOTEN] == {}, "a closed meeting allows nothing"


@pytest.mark.parametrize(
    ("status", "handeling", "reden"),
    [
        ("lobby", Handeling.VOLGENDE, "Start eerst het overleg."),
        ("afronding", Handeling.VOLGENDE, "Alle stappen zijn geweest; ga terug of sluit het overleg af."),
        ("gesloten", Handeling.ONTHUL, "Dit overleg is afgesloten."),
        ("stappen", Handeling.START, "Het overleg is al gestart."),
        ("gesloten", Handeling.GA_NAAR, "Start eerst het overleg."),
        ("gesloten", Handeling.BEEINDIG, "Het overleg is al afgesloten."),
    ],
)
def test_weigeringen_per_status(status: str, handeling: Handeling, reden: str):
    with pytest.raises(Geweigerd) as fout:
        controleer(status, handeling)
    assert str(fout.value) == reden


def test_stapovergangen():
    assert stap_na("nog-niet", Handeling.OPEN_INVOER) == "open"
    assert stap_na("open", Handeling.ONTHUL) == "onthuld"
    assert stap_na("onthuld", Handeling.NIEUWE_RONDE) == "open"
    for status, reden in (("open", "De invoer staat al open."), ("onthuld", "De uitslag is al getoond. Start")):
        with pytest.raises(Geweigerd, match=reden):
            stap_na(status, Handeling.OPEN_INVOER)
    with pytest.raises(Geweigerd, match="Er is nog niet gestemd"):
        stap_na("nog-niet", Handeling.ONTHUL)


def test_wat_de_console_toont_accepteert_het_domein(dienst, overleg):  # type: ignore[no-untyped-def]
    """In every state along a route through the meeting: each action the console would not offer
    is refused by the domain (the route itself shows the offered ones work)."""
    t = overleg.facilitator_token
    leiding = dienst.leiding(t)
    argumenten = {Handeling.GA_NAAR: (1,), Handeling.BESPREEK_OPNIEUW: (0,), Handeling.VERLENG: (60,)}
    argumenten[Handeling.AANMELDEN_OPEN] = (True,)
    route = [Handeling.START, Handeling.SLUIT_INVOER, Handeling.ONTHUL, Handeling.VOLGENDE, Handeling.VOLGENDE]
    route += [Handeling.VOLGENDE, Handeling.VORIGE]
    for stap in [None, *route]:
        if stap is not None:
            getattr(leiding, stap)(*argumenten.get(stap, ()))
        v = dienst.lezen.vergadering(overleg.meeting_id)
        mag = toegestaan(v)
        for handeling in Handeling:
            if handeling in (Handeling.BEEINDIG, Handeling.VORIGE) or handeling in mag:
                continue  # tried below / depends on the position, not on the state
            with pytest.raises(Geweigerd):
                getattr(leiding, handeling)(*argumenten.get(handeling, ()))
    assert Handeling.BEEINDIG in toegestaan(dienst.lezen.vergadering(overleg.meeting_id))
    leiding.beeindig()
    assert toegestaan(dienst.lezen.vergadering(overleg.meeting_id)) == frozenset()
    nieuw = dienst.aanmelding.maak("Leeg", date(2026, 11, 23), "test-kort")
    assert toegestaan(dienst.lezen.vergadering(nieuw.meeting_id)) == {
        Handeling.START,
        Handeling.BEEINDIG,
        Handeling.AANMELDEN_OPEN,
    }
