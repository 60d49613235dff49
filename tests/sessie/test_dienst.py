"""The meeting domain against a real SQLite file: every transition and every refusal."""

from __future__ import annotations

from datetime import date

import pytest

from buurtoverleg.sessie.codes import ALFABET
from buurtoverleg.sessie.dienst import Dienst
from buurtoverleg.sessie.fouten import Geweigerd, NietGevonden
from buurtoverleg.sessie.signalen import MAX_SIGNAAL


def _deelnemers(dienst: Dienst, meeting_id: int, n: int = 2) -> list[int]:
    domeinen = ["politie", "welzijn", "gemeente", "jongerenwerk"]
    return [dienst.aanmelding.aanmelden(meeting_id, f"Persoon {i}", "Org", domeinen[i % 4]) for i in range(n)]


def test_nieuw_overleg_heeft_stappen_uit_het_sjabloon_en_een_typbare_code(dienst, overleg):
    v = dienst.lezen.vergadering(overleg.meeting_id)
    assert v.status == "lobby"
    assert [s.id for s in v.stappen] == [
        "test-stap-keuze",
        "test-stap-schaal",
        "test-stap-signaal",
        "test-stap-stippen",
    ]
    assert [s.klok.budget for s in v.stappen] == [300, 180, 240, 120]
    assert len(overleg.join_code) == 6 and set(overleg.join_code) <= set(ALFABET)
    assert len({overleg.facilitator_token, overleg.projector_token, overleg.secretary_token}) == 3


def test_lege_buurt_en_onbekend_sjabloon_worden_geweigerd(dienst):
    with pytest.raises(Geweigerd, match="leeg"):
        dienst.aanmelding.maak("   ", date(2026, 1, 1), "test-kort")
    with pytest.raises(NietGevonden, match="sjabloon"):
        dienst.aanmelding.maak("Noord", date(2026, 1, 1), "bestaat-niet")


def test_code_is_ongevoelig_voor_hoofdletters_en_spaties(dienst, overleg):
    code = overleg.join_code
    assert dienst.aanmelding.via_code(f" {code[:3].lower()}-{code[3:]} ") == overleg.meeting_id
    with pytest.raises(NietGevonden, match="geen overleg"):
        dienst.aanmelding.via_code("ZZZZZZ")


def test_aanmelden_controleert_naam_domein_en_slot(dienst, overleg):
    with pytest.raises(Geweigerd, match="naam is leeg"):
        dienst.aanmelding.aanmelden(overleg.meeting_id, "  ", "Gemeente", "gemeente")
    with pytest.raises(Geweigerd, match="te lang"):
        dienst.aanmelding.aanmelden(overleg.meeting_id, "x" * 5_000_000, "Gemeente", "gemeente")
    with pytest.raises(Geweigerd, match="domein"):
        dienst.aanmelding.aanmelden(overleg.meeting_id, "An", "Gemeente", "marsmannetjes")
    dienst.leiding(overleg.facilitator_token).aanmelden_open(False)
    with pytest.raises(Geweigerd, match="gesloten"):
        dienst.aanmelding.aanmelden(overleg.meeting_id, "An", "Gemeente", "gemeente")
    dienst.leiding(overleg.facilitator_token).aanmelden_open(True)
    assert dienst.aanmelding.aanmelden(overleg.meeting_id, "An\x00", "Gemeente", "gemeente") > 0
    assert dienst.lezen.vergadering(overleg.meeting_id).deelnemers[0].naam == "An"


def test_de_hele_stroom_van_lobby_tot_gesloten(dienst, overleg):
    t = overleg.facilitator_token
    dienst.leiding(t).start()
    v = dienst.lezen.vergadering(overleg.meeting_id)
    assert (v.status, v.huidige, v.stappen[0].status) == ("stappen", 0, "open")
    for verwacht in (1, 2, 3):
        dienst.leiding(t).volgende()
        assert dienst.lezen.vergadering(overleg.meeting_id).huidige == verwacht
    dienst.leiding(t).volgende()
    assert dienst.lezen.vergadering(overleg.meeting_id).status == "afronding"
    dienst.leiding(t).vorige()
    v = dienst.lezen.vergadering(overleg.meeting_id)
    assert (v.status, v.huidige) == ("stappen", 3)
    dienst.leiding(t).ga_naar(1)
    dienst.leiding(t).vorige()
    assert dienst.lezen.vergadering(overleg.meeting_id).huidige == 0
    with pytest.raises(Geweigerd, match="eerste stap"):
        dienst.leiding(t).vorige()
    with pytest.raises(Geweigerd, match="bestaat niet"):
        dienst.leiding(t).ga_naar(99)
    dienst.leiding(t).beeindig()
    v = dienst.lezen.vergadering(overleg.meeting_id)
    assert v.status == "gesloten" and not v.aanmelden_open
    assert all(s.status != "open" for s in v.stappen)
    with pytest.raises(Geweigerd):
        dienst.leiding(t).beeindig()
    with pytest.raises(Geweigerd, match="afgelopen"):
        dienst.aanmelding.via_code(overleg.join_code)


def test_acties_voor_de_start_worden_geweigerd(dienst, overleg):
    t = overleg.facilitator_token
    for naam in ("volgende", "vorige", "open_invoer", "onthul", "pauzeer"):
        with pytest.raises(Geweigerd, match="Start eerst"):
            getattr(dienst.leiding(t), naam)()
    dienst.leiding(t).start()
    with pytest.raises(Geweigerd, match="al gestart"):
        dienst.leiding(t).start()


def test_invoer_openen_sluiten_onthullen_en_nieuwe_ronde(dienst, overleg):
    t = overleg.facilitator_token
    a, b = _deelnemers(dienst, overleg.meeting_id)
    dienst.leiding(t).start()
    with pytest.raises(Geweigerd, match="al open"):
        dienst.leiding(t).open_invoer()
    dienst.deelnemer(overleg.meeting_id, a).antwoord("test-fase", "fase-rust")
    dienst.deelnemer(overleg.meeting_id, b).antwoord("test-fase", "fase-onderhuidse-spanningen")
    dienst.leiding(t).sluit_invoer()
    with pytest.raises(Geweigerd, match="gesloten"):
        dienst.deelnemer(overleg.meeting_id, a).antwoord("test-fase", "fase-ongemak")
    with pytest.raises(Geweigerd, match="niet open"):
        dienst.leiding(t).sluit_invoer()
    dienst.leiding(t).onthul()
    with pytest.raises(Geweigerd, match="al getoond"):
        dienst.leiding(t).onthul()
    with pytest.raises(Geweigerd, match="nieuwe ronde"):
        dienst.leiding(t).open_invoer()
    ronde1 = dienst.lezen.uitslagen(overleg.meeting_id, 0)[0]
    assert ronde1.zichtbaar and ronde1.verdeling == {
        "fase-rust": 1,
        "fase-ongemak": 0,
        "fase-onderhuidse-spanningen": 1,
        "fase-incidenten": 0,
        "fase-escalatie": 0,
    }
    dienst.leiding(t).nieuwe_ronde()
    assert dienst.lezen.vergadering(overleg.meeting_id).stappen[0].ronde == 2
    assert dienst.lezen.uitslagen(overleg.meeting_id, 0)[0].aantal == 0
    assert dienst.deelnemer(overleg.meeting_id, a).mijn_antwoorden() == {}
    assert dienst.lezen.stapantwoorden(overleg.meeting_id) == {}  # the phones draw round 2 empty
    dienst.deelnemer(overleg.meeting_id, a).antwoord("test-fase", "fase-onderhuidse-spanningen")
    assert dienst.deelnemer(overleg.meeting_id, a).mijn_antwoorden() == {"test-fase": "fase-onderhuidse-spanningen"}
    assert dienst.lezen.stapantwoorden(overleg.meeting_id) == {a: {"test-fase": "fase-onderhuidse-spanningen"}}


def test_blinde_vraag_blijft_verborgen_tot_onthullen_ook_voor_de_leiding(dienst, overleg):
    t = overleg.facilitator_token
    (a,) = _deelnemers(dienst, overleg.meeting_id, 1)
    dienst.leiding(t).start()
    dienst.deelnemer(overleg.meeting_id, a).antwoord("test-fase", "fase-rust")
    for voor_leiding in (False, True):
        u = dienst.lezen.uitslagen(overleg.meeting_id, 0, voor_leiding=voor_leiding)[0]
        assert u.aantal == 1 and not u.zichtbaar and u.verdeling == {}
    dienst.leiding(t).onthul()
    assert dienst.lezen.uitslagen(overleg.meeting_id, 0)[0].verdeling["fase-rust"] == 1


def test_open_vraag_live_alleen_als_de_leiding_dat_kiest(dienst, overleg):
    t = overleg.facilitator_token
    (a,) = _deelnemers(dienst, overleg.meeting_id, 1)
    dienst.leiding(t).start()
    dienst.leiding(t).volgende()
    dienst.deelnemer(overleg.meeting_id, a).antwoord("test-ernst", 4)
    assert not dienst.lezen.uitslagen(overleg.meeting_id, 1)[0].zichtbaar
    assert dienst.lezen.uitslagen(overleg.meeting_id, 1, voor_leiding=True)[0].verdeling[4] == 1
    dienst.leiding(t).instellingen(live_uitslag=True)
    assert dienst.lezen.uitslagen(overleg.meeting_id, 1)[0].zichtbaar


def test_antwoord_wijzigen_vervangt_en_dupliceert_nooit(dienst, overleg, db):
    from sqlalchemy import func, select

    from buurtoverleg.storage.models import Response

    (a,) = _deelnemers(dienst, overleg.meeting_id, 1)
    dienst.leiding(overleg.facilitator_token).start()
    for keuze in ("fase-rust", "fase-ongemak", "fase-ongemak", "fase-onderhuidse-spanningen"):
        dienst.deelnemer(overleg.meeting_id, a).antwoord("test-fase", keuze)
    with db.transactie() as s:
        assert s.scalar(select(func.count()).select_from(Response)) == 1
    assert dienst.deelnemer(overleg.meeting_id, a).mijn_antwoorden() == {"test-fase": "fase-onderhuidse-spanningen"}


@pytest.mark.parametrize(
    ("vraag", "waarde", "melding"),
    [
        ("test-fase", "test-onzin", "Kies een van de opties"),
        ("test-fase", ["fase-rust"], "Kies een van de opties"),
        ("test-ernst", 6, "1 tot en met 5"),
        ("test-ernst", True, "1 tot en met 5"),
        ("test-ernst", "3", "1 tot en met 5"),
        ("test-vormen", "test-rust", "een of meer"),
        ("test-vormen", ["test-rust", "<script>"], "een of meer"),
    ],
)
def test_ongeldige_antwoorden_worden_geweigerd(dienst, overleg, vraag, waarde, melding):
    (a,) = _deelnemers(dienst, overleg.meeting_id, 1)
    t = overleg.facilitator_token
    dienst.leiding(t).start()
    if vraag != "test-fase":
        dienst.leiding(t).volgende()
    with pytest.raises(Geweigerd, match=melding):
        dienst.deelnemer(overleg.meeting_id, a).antwoord(vraag, waarde)


def test_meerkeuze_mag_leeg_zijn_geen_van_deze(dienst, overleg):
    (a,) = _deelnemers(dienst, overleg.meeting_id, 1)
    dienst.leiding(overleg.facilitator_token).start()
    dienst.leiding(overleg.facilitator_token).volgende()
    dienst.deelnemer(overleg.meeting_id, a).antwoord("test-vormen", [])
    assert dienst.deelnemer(overleg.meeting_id, a).mijn_antwoorden() == {"test-vormen": []}
    assert dienst.lezen.uitslagen(overleg.meeting_id, 1, voor_leiding=True)[1].aantal == 1


def test_stippen_mogen_het_maximum_niet_overschrijden(dienst, overleg):
    (a,) = _deelnemers(dienst, overleg.meeting_id, 1)
    t = overleg.facilitator_token
    dienst.leiding(t).start()
    dienst.leiding(t).ga_naar(3)
    with pytest.raises(Geweigerd, match="3 stippen"):
        dienst.deelnemer(overleg.meeting_id, a).antwoord("test-stippen", {"test-rust": 2, "test-ongemak": 2})
    dienst.deelnemer(overleg.meeting_id, a).antwoord(
        "test-stippen", {"test-rust": 2, "test-ongemak": 1, "test-spanning": 0}
    )
    assert dienst.deelnemer(overleg.meeting_id, a).mijn_antwoorden() == {
        "test-stippen": {"test-rust": 2, "test-ongemak": 1}
    }


def test_vraag_van_een_andere_stap_en_van_een_ander_overleg(dienst, overleg):
    (a,) = _deelnemers(dienst, overleg.meeting_id, 1)
    dienst.leiding(overleg.facilitator_token).start()
    with pytest.raises(Geweigerd, match="gesloten"):
        dienst.deelnemer(overleg.meeting_id, a).antwoord("test-ernst", 3)
    with pytest.raises(NietGevonden, match="hoort niet"):
        dienst.deelnemer(overleg.meeting_id, a).antwoord("vraag-van-elders", 3)
    ander = dienst.aanmelding.maak("Zuid", date(2026, 11, 23), "test-kort")
    dienst.leiding(ander.facilitator_token).start()
    with pytest.raises(Geweigerd, match="niet aangemeld"):
        dienst.deelnemer(ander.meeting_id, a).antwoord("test-fase", "fase-rust")
    assert dienst.aanmelding.aangemeld(ander.meeting_id, a) is None


def test_deelnemer_kan_geen_leidingsacties_doen(dienst, overleg):
    (a,) = _deelnemers(dienst, overleg.meeting_id, 1)
    for token in (str(a), overleg.join_code, overleg.projector_token, overleg.secretary_token, ""):
        for naam in ("start", "volgende", "onthul", "beeindig"):
            with pytest.raises(Geweigerd, match="Alleen de gespreksleider"):
                getattr(dienst.leiding(token), naam)()
        with pytest.raises(Geweigerd, match="Alleen de gespreksleider"):
            dienst.leiding(token).modereer(1, verborgen=True)
    assert dienst.lezen.vergadering(overleg.meeting_id).status == "lobby"


def test_notulist_en_waarnemer_tellen_niet_mee_als_stemmer(dienst, overleg):
    dienst.aanmelding.aanmelden(overleg.meeting_id, "Nora", "Gemeente", "gemeente", rol="notulist")
    w = dienst.aanmelding.aanmelden(overleg.meeting_id, "Wim", "Provincie", "anders", rol="waarnemer")
    (a,) = _deelnemers(dienst, overleg.meeting_id, 1)
    v = dienst.lezen.vergadering(overleg.meeting_id)
    assert len(v.deelnemers) == 3 and [d.id for d in v.stemmers] == [a]
    dienst.leiding(overleg.facilitator_token).start()
    with pytest.raises(Geweigerd, match="Alleen deelnemers"):
        dienst.deelnemer(overleg.meeting_id, w).antwoord("test-fase", "fase-rust")


def test_automatisch_onthullen_als_iedereen_heeft_geantwoord(dienst, overleg):
    t = overleg.facilitator_token
    a, b = _deelnemers(dienst, overleg.meeting_id)
    dienst.leiding(t).instellingen(auto_onthullen=True)
    dienst.leiding(t).start()
    dienst.deelnemer(overleg.meeting_id, a).antwoord("test-fase", "fase-rust")
    assert dienst.lezen.vergadering(overleg.meeting_id).stappen[0].status == "open"
    assert [d.id for d in dienst.lezen.nog_niet_geantwoord(overleg.meeting_id)] == [b]
    dienst.deelnemer(overleg.meeting_id, b).antwoord("test-fase", "fase-rust")
    assert dienst.lezen.vergadering(overleg.meeting_id).stappen[0].status == "onthuld"


def test_timer_telt_af_loopt_over_en_pauzeert(dienst, overleg, klok):
    t = overleg.facilitator_token
    dienst.leiding(t).start()
    klok.verder(100)
    stap = dienst.lezen.vergadering(overleg.meeting_id).stappen[0]
    assert stap.klok.loopt and stap.klok.resterend == 200
    dienst.leiding(t).pauzeer()
    klok.verder(1000)
    assert dienst.lezen.vergadering(overleg.meeting_id).stappen[0].klok.resterend == 200
    with pytest.raises(Geweigerd, match="stil"):
        dienst.leiding(t).pauzeer()
    dienst.leiding(t).hervat()
    klok.verder(260)
    stap = dienst.lezen.vergadering(overleg.meeting_id).stappen[0]
    assert stap.klok.over_tijd and stap.klok.resterend == -60
    dienst.leiding(t).verleng(120)
    assert dienst.lezen.vergadering(overleg.meeting_id).stappen[0].klok.resterend == 60
    dienst.leiding(t).volgende()
    klok.verder(30)
    v = dienst.lezen.vergadering(overleg.meeting_id)
    assert v.stappen[0].klok.verbruikt == 360 and not v.stappen[0].klok.loopt
    assert v.stappen[1].klok.verbruikt == 30
    assert v.gebruikt == 390 and v.gepland == 300 + 120 + 180 + 240 + 120


def test_timer_start_niet_vanzelf_als_dat_uit_staat(dienst, overleg, klok):
    t = overleg.facilitator_token
    dienst.leiding(t).instellingen(auto_timer=False)
    dienst.leiding(t).start()
    klok.verder(50)
    assert dienst.lezen.vergadering(overleg.meeting_id).stappen[0].klok.verbruikt == 0
    with pytest.raises(Geweigerd, match="Kies een tijd"):
        dienst.leiding(t).stel_budget(0, 0)
    dienst.leiding(t).stel_budget(0, 12)
    assert dienst.lezen.vergadering(overleg.meeting_id).stappen[0].klok.budget == 720


def test_signalen_herkennen_modereren_en_samenvoegen(dienst, overleg):
    t = overleg.facilitator_token
    a, b, c = _deelnemers(dienst, overleg.meeting_id, 3)
    dienst.leiding(t).start()
    dienst.leiding(t).ga_naar(2)
    with pytest.raises(Geweigerd, match="leeg"):
        dienst.deelnemer(overleg.meeting_id, a).signaal("test-signalen", "waarneming", "   ")
    with pytest.raises(Geweigerd, match="te lang"):
        dienst.deelnemer(overleg.meeting_id, a).signaal("test-signalen", "waarneming", "x" * (MAX_SIGNAAL + 1))
    with pytest.raises(Geweigerd, match="waarneming of duiding"):
        dienst.deelnemer(overleg.meeting_id, a).signaal("test-signalen", "roddel", "tekst")
    s1 = dienst.deelnemer(overleg.meeting_id, a).signaal(
        "test-signalen", "waarneming", "<script>alert(1)</script> bij het plein"
    )
    s2 = dienst.deelnemer(overleg.meeting_id, b).signaal(
        "test-signalen", "waarneming", "Jongeren bij het plein 's avonds"
    )
    assert dienst.deelnemer(overleg.meeting_id, c).herken(s1) is True
    assert dienst.deelnemer(overleg.meeting_id, c).herken(s2) is True
    assert dienst.deelnemer(overleg.meeting_id, c).herken(s2) is False
    dienst.deelnemer(overleg.meeting_id, c).herken(s2)
    kaarten = {k.id: k for k in dienst.lezen.signalen(overleg.meeting_id, kijker=c)}
    assert kaarten[s1].tekst == "<script>alert(1)</script> bij het plein"
    assert kaarten[s1].herkend == 1 and kaarten[s1].herkend_door_mij
    dienst.leiding(t).voeg_samen(s2, s1)
    kaarten = {k.id: k for k in dienst.lezen.signalen(overleg.meeting_id)}
    assert list(kaarten) == [s1]
    assert kaarten[s1].herkend == 2  # c once (no double count) plus b, the author of the duplicate
    dienst.leiding(t).modereer(s1, verborgen=True)
    assert dienst.lezen.signalen(overleg.meeting_id) == []
    with pytest.raises(NietGevonden):
        dienst.deelnemer(overleg.meeting_id, b).herken(s1)
    dienst.leiding(t).modereer(s1, verborgen=False, geverifieerd=True, tekst="Bij het plein")
    (kaart,) = dienst.lezen.signalen(overleg.meeting_id)
    assert kaart.geverifieerd and kaart.tekst == "Bij het plein"
    dienst.leiding(t).verwijder_signaal(s1)
    assert dienst.lezen.signalen(overleg.meeting_id, alles=True) == [
        k for k in dienst.lezen.signalen(overleg.meeting_id, alles=True) if k.id != s1
    ]
    with pytest.raises(Geweigerd, match="zichzelf"):
        dienst.leiding(t).voeg_samen(s2, s2)


def test_hetzelfde_signaal_opnieuw_versturen_telt_een_keer(dienst, overleg, gebeurtenissen):
    """A phone that did not see 'Ontvangen' (connection gone, server restarted) sends again."""
    t, m = overleg.facilitator_token, overleg.meeting_id
    a, b = _deelnemers(dienst, m, 2)
    dienst.leiding(t).start()
    dienst.leiding(t).ga_naar(2)
    eerste = dienst.deelnemer(m, a).signaal("test-signalen", "waarneming", "Graffiti op de brug")
    gemeld = len(gebeurtenissen)
    assert dienst.deelnemer(m, a).signaal("test-signalen", "waarneming", "  Graffiti op de brug ") == eerste
    assert len(gebeurtenissen) == gemeld, "nothing new, so no redraw on every phone"
    # someone else seeing the same thing, or the same person adding something, is new input
    assert dienst.deelnemer(m, b).signaal("test-signalen", "waarneming", "Graffiti op de brug") != eerste
    assert (
        dienst.deelnemer(m, a).signaal("test-signalen", "waarneming", "Graffiti op de brug, nu ook op de school")
        != eerste
    )
    assert [k.tekst for k in dienst.lezen.signalen(m)] == [
        "Graffiti op de brug",
        "Graffiti op de brug",
        "Graffiti op de brug, nu ook op de school",
    ]


def test_signalen_wachten_op_goedkeuring_als_dat_aan_staat(dienst, overleg):
    t = overleg.facilitator_token
    (a,) = _deelnemers(dienst, overleg.meeting_id, 1)
    dienst.leiding(t).instellingen(signalen_modereren=True)
    dienst.leiding(t).start()
    dienst.leiding(t).ga_naar(2)
    s1 = dienst.deelnemer(overleg.meeting_id, a).signaal("test-signalen", "duiding", "Het broeit")
    assert dienst.lezen.signalen(overleg.meeting_id) == []
    assert [k.id for k in dienst.lezen.signalen(overleg.meeting_id, alles=True)] == [s1]
    dienst.leiding(t).modereer(s1, goedgekeurd=True)
    assert [k.id for k in dienst.lezen.signalen(overleg.meeting_id)] == [s1]


def test_na_afsluiten_kan_niemand_meer_iets_invoeren(dienst, overleg):
    t = overleg.facilitator_token
    (a,) = _deelnemers(dienst, overleg.meeting_id, 1)
    dienst.leiding(t).start()
    dienst.leiding(t).beeindig()
    with pytest.raises(Geweigerd, match="afgelopen"):
        dienst.deelnemer(overleg.meeting_id, a).antwoord("test-fase", "fase-rust")
    with pytest.raises(Geweigerd, match="afgelopen"):
        dienst.aanmelding.aanmelden(overleg.meeting_id, "Laatkomer", "", "bewoner")


def test_elke_actie_publiceert_pas_na_opslaan(dienst, overleg, gebeurtenissen):
    (a,) = _deelnemers(dienst, overleg.meeting_id, 1)
    dienst.leiding(overleg.facilitator_token).start()
    dienst.deelnemer(overleg.meeting_id, a).antwoord("test-fase", "fase-rust")
    assert [g.soort for g in gebeurtenissen] == ["deelnemers", "stap", "antwoord"]
    assert {g.meeting_id for g in gebeurtenissen} == {overleg.meeting_id}
    with pytest.raises(Geweigerd):
        dienst.leiding("fout").onthul()
    assert len(gebeurtenissen) == 3


def test_twee_overleggen_zien_elkaars_gegevens_niet(dienst, overleg):
    ander = dienst.aanmelding.maak("Zuid", date(2026, 11, 23), "test-kort")
    _deelnemers(dienst, overleg.meeting_id, 2)
    assert dienst.lezen.vergadering(ander.meeting_id).deelnemers == ()
    assert overleg.join_code != ander.join_code


def test_gelijktijdige_tikken_van_een_telefoon_worden_een_antwoord(dienst, overleg, db):
    from concurrent.futures import ThreadPoolExecutor

    from sqlalchemy import func, select

    from buurtoverleg.storage.models import Response

    (a,) = _deelnemers(dienst, overleg.meeting_id, 1)
    dienst.leiding(overleg.facilitator_token).start()
    keuzes = ["fase-rust", "fase-ongemak", "fase-incidenten", "fase-escalatie"] * 5
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda k: dienst.deelnemer(overleg.meeting_id, a).antwoord("test-fase", k), keuzes))
    with db.transactie() as s:
        assert s.scalar(select(func.count()).select_from(Response)) == 1
    assert dienst.deelnemer(overleg.meeting_id, a).mijn_antwoorden()["test-fase"] in keuzes


def test_elke_wijziging_verhoogt_de_versie_en_elke_lezing_zegt_welke_versie_ze_toont(dienst, overleg, gebeurtenissen):
    """The live layer's contract: events are numbered per meeting, in commit order, and a read
    carries the number of the last event it contains."""
    t, m = overleg.facilitator_token, overleg.meeting_id
    assert dienst.lezen.vergadering(m).versie == 0
    ans = dienst.aanmelding.aanmelden(m, "Ans", "Politie", "politie")
    dienst.leiding(t).start()
    dienst.deelnemer(m, ans).antwoord("test-fase", dienst.lezen.vergadering(m).stappen[0].vragen[0].opties[0].id)
    with pytest.raises(Geweigerd):
        dienst.leiding(t).start()  # a refusal changes nothing and tells nobody
    assert [g.soort for g in gebeurtenissen] == ["deelnemers", "stap", "antwoord"]
    assert [g.versie for g in gebeurtenissen] == [1, 2, 3]
    assert dienst.lezen.vergadering(m).versie == 3
    ander = dienst.aanmelding.maak("Overvecht", date(2026, 11, 24), "test-kort")
    dienst.leiding(ander.facilitator_token).start()
    assert gebeurtenissen[-1].meeting_id == ander.meeting_id and gebeurtenissen[-1].versie == 1, "per meeting"


def test_gelijktijdige_wijzigingen_krijgen_elk_een_eigen_versie(dienst, overleg, gebeurtenissen):
    from concurrent.futures import ThreadPoolExecutor

    t, m = overleg.facilitator_token, overleg.meeting_id
    ids = [dienst.aanmelding.aanmelden(m, f"Deelnemer {i}", "", "gemeente") for i in range(12)]
    dienst.leiding(t).start()
    keuze = dienst.lezen.vergadering(m).stappen[0].vragen[0].opties[0].id
    with ThreadPoolExecutor(6) as pool:
        list(pool.map(lambda d: dienst.deelnemer(m, d).antwoord("test-fase", keuze), ids))
    versies = [g.versie for g in gebeurtenissen]
    assert sorted(versies) == list(range(1, len(versies) + 1)), "no number handed out twice, none skipped"
    assert dienst.lezen.vergadering(m).versie == len(versies)
