"""Decisions, chosen proposals, SMART actions and the follow-up meeting, on real SQLite."""

from __future__ import annotations

from datetime import date

import pytest

from buurtoverleg.sessie.fouten import Geweigerd, NietGevonden

MORGEN = "2026-11-24"  # the test clock stands on 2026-11-23


def _actie(**extra):  # type: ignore[no-untyped-def]
    velden = {
        "wat": "Portiekgesprekken in de Vechtstraat",
        "resultaat": "Bewoners kennen elkaar",
        "wanneer": "2027-01-15",
        "activiteit": "Drie avonden",
        "doelgroep": "Bewoners portiek 12-20",
        "uitvoerder": "Opbouwwerk Overvecht",
        "coordinator": "Gemeente, wijkmanager",
        "terugkoppeling": "2027-02-01",
    }
    velden.update(extra)
    return velden


def test_kiezen_afwijzen_en_een_smart_actie_eraan_koppelen(dienst, overleg):
    t = overleg.facilitator_token
    gekozen = dienst.leiding(t).aanpak.kies("pv-portiekgesprekken", True, "past bij de portieken waar het schuurt")
    dienst.leiding(t).aanpak.kies("pv-burgertop", False, "te groot voor deze buurt")
    actie = dienst.leiding(t).aanpak.actie(_actie(), besluit_id=gekozen)
    besluiten = {b.content_ref: b for b in dienst.lezen.besluiten(overleg.meeting_id)}
    assert besluiten["pv-portiekgesprekken"].soort == "gekozen"
    assert (
        besluiten["pv-burgertop"].soort == "afgewezen" and besluiten["pv-burgertop"].reden == "te groot voor deze buurt"
    )
    (regel,) = dienst.lezen.acties(overleg.meeting_id)
    assert (regel.id, regel.interventie, regel.wanneer) == (actie, "pv-portiekgesprekken", date(2027, 1, 15))
    with pytest.raises(Geweigerd, match="acties"):
        dienst.leiding(t).aanpak.kies("pv-portiekgesprekken", False, "toch niet")


@pytest.mark.parametrize(
    ("velden", "melding"),
    [
        ({"uitvoerder": ""}, "uitvoert is leeg"),
        ({"wat": "  "}, "gebeurt is leeg"),
        ({"wanneer": ""}, "wanneer de actie af"),
        ({"wanneer": "2026-11-22"}, "22-11-2026 ligt in het verleden"),
        ({"wanneer": "morgen"}, "geen datum"),
        ({"terugkoppeling": "2020-01-01"}, "terugkoppeldatum"),
        ({"budget": "1000"}, "Onbekende velden"),
    ],
)
def test_actie_wordt_gecontroleerd(dienst, overleg, velden, melding):
    with pytest.raises(Geweigerd, match=melding):
        dienst.leiding(overleg.facilitator_token).aanpak.actie(_actie(**velden))
    assert dienst.lezen.acties(overleg.meeting_id) == []


def test_actie_van_vandaag_mag_en_alleen_aan_een_gekozen_aanpak(dienst, overleg):
    t = overleg.facilitator_token
    dienst.leiding(t).aanpak.actie(_actie(wanneer="2026-11-23", terugkoppeling=""))
    afgewezen = dienst.leiding(t).aanpak.kies("pv-burgertop", False)
    with pytest.raises(Geweigerd, match="gekozen aanpak"):
        dienst.leiding(t).aanpak.actie(_actie(), besluit_id=afgewezen)
    with pytest.raises(Geweigerd, match="catalogus"):
        dienst.leiding(t).aanpak.kies("fase-rust", True)


def test_deelnemer_en_notulist_kunnen_niets_besluiten(dienst, overleg):
    for token in (overleg.projector_token, overleg.secretary_token, overleg.join_code):
        with pytest.raises(Geweigerd, match="gespreksleider"):
            dienst.leiding(token).aanpak.actie(_actie())
        with pytest.raises(Geweigerd, match="gespreksleider"):
            dienst.leiding(token).aanpak.kies("pv-burgertop", True)
        with pytest.raises(Geweigerd, match="gespreksleider"):
            dienst.leiding(token).aanpak.besluit("We doen niks")


def test_beleidsdiagnose_per_richting_vervangt_de_vorige(dienst, overleg):
    t = overleg.facilitator_token
    dienst.leiding(t).aanpak.beleidsdiagnose(
        "richting-1",
        gedekt="Buurtbemiddeling loopt al",
        voldoende=False,
        witte_vlekken="Geen aanpak voor portieken",
        sectoren="Corporatie",
        betrokken=False,
    )
    dienst.leiding(t).aanpak.beleidsdiagnose(
        "richting-1", gedekt="Buurtbemiddeling", voldoende=True, witte_vlekken="", sectoren="", betrokken=True
    )
    (b,) = [b for b in dienst.lezen.besluiten(overleg.meeting_id) if b.soort == "beleid"]
    assert b.details["voldoende"] is True and b.tekst.endswith("voldoende")


def test_vervolgoverleg_begint_met_de_open_acties(dienst, overleg):
    t = overleg.facilitator_token
    gekozen = dienst.leiding(t).aanpak.kies("pv-portiekgesprekken", True)
    a1 = dienst.leiding(t).aanpak.actie(_actie(), besluit_id=gekozen)
    a2 = dienst.leiding(t).aanpak.actie(_actie(wat="Schouw met corporatie"))
    dienst.leiding(t).aanpak.besluit("Volgende bijeenkomst over zes weken", "vervolg")
    vervolg = dienst.aanmelding.maak("Overvecht", date(2027, 1, 20), "test-kort", vorige=overleg.meeting_id)
    assert [a.id for a in dienst.lezen.te_beoordelen(vervolg.meeting_id)] == [a1, a2]
    dienst.leiding(vervolg.facilitator_token).aanpak.beoordeel_actie(a1, "uitgevoerd", "drie avonden, 40 bewoners")
    dienst.leiding(vervolg.facilitator_token).aanpak.beoordeel_actie(a2, "bijsturen", "corporatie nog niet aangehaakt")
    regels = {a.id: a for a in dienst.lezen.te_beoordelen(vervolg.meeting_id)}
    assert regels[a1].status == "uitgevoerd" and regels[a1].toelichting == "drie avonden, 40 bewoners"
    assert regels[a2].status == "bijsturen"
    with pytest.raises(NietGevonden):
        dienst.leiding(overleg.facilitator_token).aanpak.beoordeel_actie(a1, "open")
    with pytest.raises(Geweigerd, match="Kies"):
        dienst.leiding(vervolg.facilitator_token).aanpak.beoordeel_actie(a1, "half")
    assert dienst.lezen.te_beoordelen(overleg.meeting_id) == []


def test_analyse_volgt_de_zaal_en_de_vastgestelde_uitkomst(dienst, overleg):
    t = overleg.facilitator_token
    zaal = [
        dienst.aanmelding.aanmelden(overleg.meeting_id, f"P{i}", "", d)
        for i, d in enumerate(["politie", "welzijn", "zorg"])
    ]
    dienst.leiding(t).start()
    for p, fase in zip(
        zaal, ["fase-ongemak", "fase-onderhuidse-spanningen", "fase-onderhuidse-spanningen"], strict=False
    ):
        dienst.deelnemer(overleg.meeting_id, p).antwoord("test-fase", fase)
    assert dienst.lezen.analyse(overleg.meeting_id).fase is None  # blind and not revealed: nothing established
    dienst.leiding(t).onthul()
    assert dienst.lezen.analyse(overleg.meeting_id).fase == "fase-onderhuidse-spanningen"
    dienst.leiding(t).stel_vast("test-fase", "fase-escalatie", "na bespreking")
    assert dienst.lezen.analyse(overleg.meeting_id).fase == "fase-escalatie"
    advies = dienst.lezen.advies(overleg.meeting_id)
    assert advies.samos is not None and advies.incidentadvies
    voorstellen = dienst.lezen.voorstellen(overleg.meeting_id)
    assert {v.id for v in voorstellen} >= {f"richting-{n}" for n in range(1, 8)}
    assert any(v.id.startswith("pv-") and v.redenen and v.omschrijving for v in voorstellen)
