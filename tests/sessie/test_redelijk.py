"""Fair use on the phones (issue 20): signals per participant per minute and per step, the
facilitator's maximum number of participants, and joins per network address."""

from __future__ import annotations

import pytest

from buurtoverleg.aanmeldgrens import AANMELDINGEN_PER_ADRES, VENSTER_SECONDEN, Aanmeldgrens, toegestaan
from buurtoverleg.sessie.fouten import Geweigerd
from buurtoverleg.sessie.redelijk import SIGNALEN_PER_MINUUT, SIGNALEN_PER_STAP


def _op_signaalstap(dienst, overleg) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    m, t = overleg.meeting_id, overleg.facilitator_token
    a = dienst.aanmelding.aanmelden(m, "Ans", "Politie", "politie")
    b = dienst.aanmelding.aanmelden(m, "Bo", "Buurtteam", "welzijn")
    dienst.leiding(t).start()
    dienst.leiding(t).ga_naar(2)
    return m, a, b


def test_signalen_per_minuut_met_nederlandse_melding(dienst, overleg, klok):
    m, a, b = _op_signaalstap(dienst, overleg)
    for i in range(SIGNALEN_PER_MINUUT):
        dienst.deelnemer(m, a).signaal("test-signalen", "waarneming", f"Signaal {i}")
    with pytest.raises(Geweigerd, match="Rustig aan: je stuurde 6 signalen in één minuut"):
        dienst.deelnemer(m, a).signaal("test-signalen", "waarneming", "Nog een")
    # someone else is not slowed down by it
    dienst.deelnemer(m, b).signaal("test-signalen", "duiding", "Mijn eerste")
    klok.verder(61)
    dienst.deelnemer(m, a).signaal("test-signalen", "waarneming", "Na een minuut weer")
    assert len([k for k in dienst.lezen.signalen(m) if k.tekst.startswith(("Signaal", "Na een"))]) == 7


def test_signalen_per_stap(dienst, overleg, klok):
    m, a, _b = _op_signaalstap(dienst, overleg)
    for i in range(SIGNALEN_PER_STAP):
        dienst.deelnemer(m, a).signaal("test-signalen", "waarneming", f"Signaal {i}")
        klok.verder(11)  # a person who types: one every eleven seconds
    with pytest.raises(Geweigerd, match=f"al {SIGNALEN_PER_STAP} signalen gestuurd"):
        dienst.deelnemer(m, a).signaal("test-signalen", "waarneming", "Nummer eenentwintig")
    assert len(dienst.lezen.signalen(m)) == SIGNALEN_PER_STAP


def test_hetzelfde_signaal_opnieuw_telt_niet_mee(dienst, overleg):
    """A phone that sends its signal again after a reconnect gets the stored one back, also at the limit."""
    m, a, _b = _op_signaalstap(dienst, overleg)
    ids = [dienst.deelnemer(m, a).signaal("test-signalen", "waarneming", f"Signaal {i}") for i in range(6)]
    assert dienst.deelnemer(m, a).signaal("test-signalen", "waarneming", "Signaal 5") == ids[-1]


def test_maximum_aantal_deelnemers(dienst, overleg):
    m, t = overleg.meeting_id, overleg.facilitator_token
    assert dienst.lezen.vergadering(m).max_deelnemers == 60
    dienst.leiding(t).stel_maximum(2)
    assert dienst.lezen.vergadering(m).max_deelnemers == 2
    dienst.aanmelding.aanmelden(m, "Een", "", "bewoner")
    dienst.aanmelding.aanmelden(m, "Twee", "", "bewoner")
    with pytest.raises(Geweigerd, match="Dit overleg is vol: er doen al 2 deelnemers mee"):
        dienst.aanmelding.aanmelden(m, "Drie", "", "bewoner")
    dienst.aanmelding.aanmelden(m, "Notulist", "", "gemeente", rol="notulist")  # not a participant seat
    assert len(dienst.lezen.vergadering(m).stemmers) == 2
    for fout in (0, 501, "3", True):
        with pytest.raises(Geweigerd, match="Kies een maximum van 1 tot 500"):
            dienst.leiding(t).stel_maximum(fout)  # type: ignore[arg-type]


def test_uitslag_op_telefoon_is_een_instelling(dienst, overleg):
    m, t = overleg.meeting_id, overleg.facilitator_token
    assert dienst.lezen.vergadering(m).uitslag_op_telefoon is True
    dienst.leiding(t).instellingen(uitslag_op_telefoon=False)
    assert dienst.lezen.vergadering(m).uitslag_op_telefoon is False


def test_aanmeldgrens_laat_een_zaal_achter_een_router_binnen():
    grens = Aanmeldgrens()
    for i in range(AANMELDINGEN_PER_ADRES):  # a full room of 40, every phone joining twice
        assert grens.wachttijd(1, "10.0.0.1", 40, nu=i) == 0
        grens.aangemeld(1, "10.0.0.1", 40, nu=i)
    wacht = grens.wachttijd(1, "10.0.0.1", 40, nu=AANMELDINGEN_PER_ADRES)
    assert 0 < wacht <= VENSTER_SECONDEN
    assert grens.wachttijd(1, "10.0.0.2", 40, nu=AANMELDINGEN_PER_ADRES) == 0, "another address is not braked"
    assert grens.wachttijd(2, "10.0.0.1", 40, nu=AANMELDINGEN_PER_ADRES) == 0, "nor another meeting"
    assert grens.wachttijd(1, "10.0.0.1", 40, nu=VENSTER_SECONDEN + 1) == 0, "after the window it may join again"


def test_aanmeldgrens_laat_een_bewonersavond_van_300_achter_een_router_binnen():
    """A residents' evening: the facilitator raised the maximum to 300; all 300 phones and a
    second try for every one of them get in from the one address, the 601st waits."""
    grens = Aanmeldgrens()
    for i in range(toegestaan(300)):
        assert grens.wachttijd(7, "192.168.1.1", 300, nu=i / 10) == 0, i
        grens.aangemeld(7, "192.168.1.1", 300, nu=i / 10)
    assert toegestaan(300) == 600
    assert grens.wachttijd(7, "192.168.1.1", 300, nu=60) > 0


def test_aanmeldgrens_blijft_klein_onder_een_vloed():
    grens = Aanmeldgrens()
    for i in range(20_000):
        grens.aangemeld(1, f"adres-{i}", 60, nu=0)
        grens.aangemeld(1, "een-adres", 60, nu=0)
    assert len(grens._aanmeldingen) <= 10_001
    assert len(grens._aanmeldingen[(1, "een-adres")]) == toegestaan(60)
