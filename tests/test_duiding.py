"""Duiding in the domain: blind, reveal, divided or agreed, domains apart, re-vote, settle."""

from __future__ import annotations

import pytest

from buurtoverleg.sessie.duiding import verschuiving
from buurtoverleg.sessie.fouten import Geweigerd


def _zaal(dienst, meeting_id):  # type: ignore[no-untyped-def]
    return {
        "agent": dienst.aanmelden(meeting_id, "Agent", "Politie Midden", "politie"),
        "boa": dienst.aanmelden(meeting_id, "Boa", "Politie Midden", "politie"),
        "opbouw": dienst.aanmelden(meeting_id, "Opbouw", "Buurtteam", "welzijn"),
        "jongeren": dienst.aanmelden(meeting_id, "Jongeren", "JoU", "welzijn"),
    }


def test_niets_te_zien_voor_het_onthullen(dienst, overleg):
    zaal = _zaal(dienst, overleg.meeting_id)
    dienst.start(overleg.facilitator_token)
    dienst.antwoord(overleg.meeting_id, zaal["agent"], "test-fase", "fase-incidenten")
    assert dienst.duiding(overleg.meeting_id, 0) == {}
    assert dienst.onenigheden(overleg.meeting_id) == []


def test_domeinen_een_hele_fase_uit_elkaar_zijn_verdeeld_en_worden_genoemd(dienst, overleg):
    t = overleg.facilitator_token
    zaal = _zaal(dienst, overleg.meeting_id)
    dienst.start(t)
    for wie, fase in (
        ("agent", "fase-incidenten"),
        ("boa", "fase-incidenten"),
        ("opbouw", "fase-ongemak"),
        ("jongeren", "fase-ongemak"),
    ):
        dienst.antwoord(overleg.meeting_id, zaal[wie], "test-fase", fase)
    dienst.onthul(t)
    (d,) = dienst.duiding(overleg.meeting_id, 0)["test-fase"]
    assert d.oordeel == "verdeeld" and d.aantal == 4
    (verschil,) = d.verschillen
    assert {verschil.domein_a, verschil.domein_b} == {"politie", "welzijn"}
    assert "Politie: incidenten" in verschil.tekst and "Welzijn / opbouwwerk: ongemak" in verschil.tekst
    # grouped per reading, in the order of the scale (ongemak before incidenten)
    assert d.lezingen == ("ongemak: Welzijn / opbouwwerk", "incidenten: Politie")
    (open_,) = dienst.onenigheden(overleg.meeting_id)
    assert open_.vraag_id == "test-fase" and open_.gewicht > 0
    assert open_.lezingen == d.lezingen


def test_opnieuw_stemmen_bewaart_beide_rondes_en_toont_de_verschuiving(dienst, overleg):
    t = overleg.facilitator_token
    zaal = _zaal(dienst, overleg.meeting_id)
    dienst.start(t)
    for wie, fase in (
        ("agent", "fase-incidenten"),
        ("boa", "fase-incidenten"),
        ("opbouw", "fase-ongemak"),
        ("jongeren", "fase-rust"),
    ):
        dienst.antwoord(overleg.meeting_id, zaal[wie], "test-fase", fase)
    dienst.onthul(t)
    dienst.volgende(t)
    dienst.bespreek_opnieuw(t, 0)
    v = dienst.vergadering(overleg.meeting_id)
    assert (v.huidige, v.stappen[0].ronde, v.stappen[0].status) == (0, 2, "open")
    assert [d.ronde for d in dienst.duiding(overleg.meeting_id, 0)["test-fase"]] == [1]
    for wie in zaal:
        dienst.antwoord(overleg.meeting_id, zaal[wie], "test-fase", "fase-onderhuidse-spanningen")
    dienst.onthul(t)
    rondes = dienst.duiding(overleg.meeting_id, 0)["test-fase"]
    assert [d.oordeel for d in rondes] == ["verdeeld", "eensgezind"]
    assert verschuiving(rondes) == "ronde 1: verdeeld, ronde 2: eensgezind op onderhuidse spanningen"
    assert dienst.onenigheden(overleg.meeting_id) == []


def test_vaststellen_sluit_een_onenigheid_af(dienst, overleg):
    t = overleg.facilitator_token
    zaal = _zaal(dienst, overleg.meeting_id)
    dienst.start(t)
    for wie, fase in (
        ("agent", "fase-escalatie"),
        ("boa", "fase-rust"),
        ("opbouw", "fase-rust"),
        ("jongeren", "fase-escalatie"),
    ):
        dienst.antwoord(overleg.meeting_id, zaal[wie], "test-fase", fase)
    dienst.onthul(t)
    assert len(dienst.onenigheden(overleg.meeting_id)) == 1
    with pytest.raises(Geweigerd, match="toelichting is leeg"):
        dienst.stel_vast(t, "test-fase", None, "")
    dienst.stel_vast(t, "test-fase", None, "nader uitzoeken bij de wijkagent")
    assert (
        dienst.uitkomsten(overleg.meeting_id)["test-fase"].tekst
        == "geen overeenstemming: nader uitzoeken bij de wijkagent"
    )
    dienst.stel_vast(t, "test-fase", "fase-onderhuidse-spanningen")
    uitkomst = dienst.uitkomsten(overleg.meeting_id)["test-fase"]
    assert (uitkomst.optie, uitkomst.tekst) == ("fase-onderhuidse-spanningen", "vastgesteld: Onderhuidse spanningen")
    assert dienst.onenigheden(overleg.meeting_id) == []
    with pytest.raises(Geweigerd, match="opties"):
        dienst.stel_vast(t, "test-fase", "onzin")
    with pytest.raises(Geweigerd, match="gespreksleider"):
        dienst.stel_vast(overleg.projector_token, "test-fase", "fase-rust")


def test_meerkeuze_met_een_betwiste_optie(dienst, overleg):
    t = overleg.facilitator_token
    zaal = _zaal(dienst, overleg.meeting_id)
    dienst.start(t)
    dienst.volgende(t)
    dienst.antwoord(overleg.meeting_id, zaal["agent"], "test-vormen", ["test-rust", "test-spanning"])
    dienst.antwoord(overleg.meeting_id, zaal["boa"], "test-vormen", ["test-rust", "test-spanning"])
    dienst.antwoord(overleg.meeting_id, zaal["opbouw"], "test-vormen", ["test-rust"])
    dienst.antwoord(overleg.meeting_id, zaal["jongeren"], "test-vormen", ["test-rust"])
    for wie, ernst in (("agent", 2), ("boa", 2), ("opbouw", 2), ("jongeren", 3)):
        dienst.antwoord(overleg.meeting_id, zaal[wie], "test-ernst", ernst)
    dienst.onthul(t)
    duiding = dienst.duiding(overleg.meeting_id, 1)
    (vormen,) = duiding["test-vormen"]
    assert vormen.oordeel == "verdeeld" and vormen.samenvatting == "verdeeld over Onderhuidse spanningen"
    (ernst,) = duiding["test-ernst"]
    assert ernst.oordeel == "eensgezind" and ernst.samenvatting == "eensgezind op 2"


def test_meerkeuze_lezingen_per_domein(dienst, overleg):
    t = overleg.facilitator_token
    zaal = _zaal(dienst, overleg.meeting_id)
    zaal["wijkagent"] = dienst.aanmelden(overleg.meeting_id, "Wijkagent", "Gemeente", "gemeente")
    dienst.start(t)
    dienst.volgende(t)
    for wie, keuze in (
        ("agent", ["test-spanning"]),
        ("boa", ["test-spanning"]),
        ("wijkagent", ["test-spanning"]),
        ("opbouw", ["test-rust"]),
        ("jongeren", ["test-rust"]),
    ):
        dienst.antwoord(overleg.meeting_id, zaal[wie], "test-vormen", keuze)
    dienst.onthul(t)
    (vormen,) = dienst.duiding(overleg.meeting_id, 1)["test-vormen"]
    # two pairs differ (gemeente-welzijn, politie-welzijn) in two readings: one line per reading,
    # domains alphabetical, readings in the order of the options
    assert len(vormen.verschillen) == 2
    assert vormen.lezingen == ("Rust: Welzijn / opbouwwerk", "Onderhuidse spanningen: Gemeente, Politie")


def test_drempels_per_overleg(dienst, overleg):
    t = overleg.facilitator_token
    zaal = _zaal(dienst, overleg.meeting_id)
    dienst.start(t)
    for wie, fase in (
        ("agent", "fase-onderhuidse-spanningen"),
        ("boa", "fase-onderhuidse-spanningen"),
        ("opbouw", "fase-ongemak"),
        ("jongeren", "fase-ongemak"),
    ):
        dienst.antwoord(overleg.meeting_id, zaal[wie], "test-fase", fase)
    dienst.onthul(t)
    assert dienst.duiding(overleg.meeting_id, 0)["test-fase"][0].oordeel == "eensgezind"
    dienst.stel_drempels(t, consensus_eensgezind=0.95)
    assert dienst.duiding(overleg.meeting_id, 0)["test-fase"][0].oordeel == "verdeeld"
    with pytest.raises(Geweigerd, match="drempels"):
        dienst.stel_drempels(t, bestaat_niet=1.0)


def test_kleine_groep_geeft_te_weinig_antwoorden_geen_fout(dienst, overleg):
    t = overleg.facilitator_token
    a = dienst.aanmelden(overleg.meeting_id, "Een", "", "bewoner")
    dienst.start(t)
    dienst.antwoord(overleg.meeting_id, a, "test-fase", "fase-rust")
    dienst.onthul(t)
    (d,) = dienst.duiding(overleg.meeting_id, 0)["test-fase"]
    assert d.oordeel == "te weinig antwoorden" and d.verschillen == ()


def test_signaal_alleen_door_een_domein_herkend(dienst, overleg):
    t = overleg.facilitator_token
    zaal = _zaal(dienst, overleg.meeting_id)
    dienst.start(t)
    dienst.ga_naar(t, 2)
    s1 = dienst.signaal(overleg.meeting_id, zaal["agent"], "test-signalen", "waarneming", "Vernielingen bij de school")
    s2 = dienst.signaal(
        overleg.meeting_id, zaal["opbouw"], "test-signalen", "duiding", "Ouders voelen zich niet gehoord"
    )
    dienst.herken(overleg.meeting_id, zaal["boa"], s1)
    dienst.herken(overleg.meeting_id, zaal["jongeren"], s2)
    dienst.herken(overleg.meeting_id, zaal["agent"], s2)
    kaarten = {k.id: k for k in dienst.signalen(overleg.meeting_id)}
    assert kaarten[s1].eenzijdig and not kaarten[s2].eenzijdig
