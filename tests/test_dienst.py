"""The meeting domain against a real SQLite file: every transition and every refusal."""

from __future__ import annotations

from datetime import date

import pytest

from buurtoverleg.sessie.codes import ALFABET
from buurtoverleg.sessie.dienst import MAX_SIGNAAL, Dienst
from buurtoverleg.sessie.fouten import Geweigerd, NietGevonden


def _deelnemers(dienst: Dienst, meeting_id: int, n: int = 2) -> list[int]:
    domeinen = ["politie", "welzijn", "gemeente", "jongerenwerk"]
    return [dienst.aanmelden(meeting_id, f"Persoon {i}", "Org", domeinen[i % 4]) for i in range(n)]


def test_nieuw_overleg_heeft_stappen_uit_het_sjabloon_en_een_typbare_code(dienst, overleg):
    v = dienst.vergadering(overleg.meeting_id)
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
        dienst.maak("   ", date(2026, 1, 1), "test-kort")
    with pytest.raises(NietGevonden, match="sjabloon"):
        dienst.maak("Noord", date(2026, 1, 1), "bestaat-niet")


def test_code_is_ongevoelig_voor_hoofdletters_en_spaties(dienst, overleg):
    code = overleg.join_code
    assert dienst.via_code(f" {code[:3].lower()}-{code[3:]} ") == overleg.meeting_id
    with pytest.raises(NietGevonden, match="geen overleg"):
        dienst.via_code("ZZZZZZ")


def test_aanmelden_controleert_naam_domein_en_slot(dienst, overleg):
    with pytest.raises(Geweigerd, match="naam is leeg"):
        dienst.aanmelden(overleg.meeting_id, "  ", "Gemeente", "gemeente")
    with pytest.raises(Geweigerd, match="te lang"):
        dienst.aanmelden(overleg.meeting_id, "x" * 5_000_000, "Gemeente", "gemeente")
    with pytest.raises(Geweigerd, match="domein"):
        dienst.aanmelden(overleg.meeting_id, "An", "Gemeente", "marsmannetjes")
    dienst.aanmelden_open(overleg.facilitator_token, False)
    with pytest.raises(Geweigerd, match="gesloten"):
        dienst.aanmelden(overleg.meeting_id, "An", "Gemeente", "gemeente")
    dienst.aanmelden_open(overleg.facilitator_token, True)
    assert dienst.aanmelden(overleg.meeting_id, "An\x00", "Gemeente", "gemeente") > 0
    assert dienst.vergadering(overleg.meeting_id).deelnemers[0].naam == "An"


def test_de_hele_stroom_van_lobby_tot_gesloten(dienst, overleg):
    t = overleg.facilitator_token
    dienst.start(t)
    v = dienst.vergadering(overleg.meeting_id)
    assert (v.status, v.huidige, v.stappen[0].status) == ("stappen", 0, "open")
    for verwacht in (1, 2, 3):
        dienst.volgende(t)
        assert dienst.vergadering(overleg.meeting_id).huidige == verwacht
    dienst.volgende(t)
    assert dienst.vergadering(overleg.meeting_id).status == "afronding"
    dienst.vorige(t)
    v = dienst.vergadering(overleg.meeting_id)
    assert (v.status, v.huidige) == ("stappen", 3)
    dienst.ga_naar(t, 1)
    dienst.vorige(t)
    assert dienst.vergadering(overleg.meeting_id).huidige == 0
    with pytest.raises(Geweigerd, match="eerste stap"):
        dienst.vorige(t)
    with pytest.raises(Geweigerd, match="bestaat niet"):
        dienst.ga_naar(t, 99)
    dienst.beeindig(t)
    v = dienst.vergadering(overleg.meeting_id)
    assert v.status == "gesloten" and not v.aanmelden_open
    assert all(s.status != "open" for s in v.stappen)
    with pytest.raises(Geweigerd):
        dienst.beeindig(t)
    with pytest.raises(Geweigerd, match="afgelopen"):
        dienst.via_code(overleg.join_code)


def test_acties_voor_de_start_worden_geweigerd(dienst, overleg):
    t = overleg.facilitator_token
    for actie in (dienst.volgende, dienst.vorige, dienst.open_invoer, dienst.onthul, dienst.pauzeer):
        with pytest.raises(Geweigerd, match="Start eerst"):
            actie(t)
    dienst.start(t)
    with pytest.raises(Geweigerd, match="al gestart"):
        dienst.start(t)


def test_invoer_openen_sluiten_onthullen_en_nieuwe_ronde(dienst, overleg):
    t = overleg.facilitator_token
    a, b = _deelnemers(dienst, overleg.meeting_id)
    dienst.start(t)
    with pytest.raises(Geweigerd, match="al open"):
        dienst.open_invoer(t)
    dienst.antwoord(overleg.meeting_id, a, "test-fase", "fase-rust")
    dienst.antwoord(overleg.meeting_id, b, "test-fase", "fase-onderhuidse-spanningen")
    dienst.sluit_invoer(t)
    with pytest.raises(Geweigerd, match="gesloten"):
        dienst.antwoord(overleg.meeting_id, a, "test-fase", "fase-ongemak")
    with pytest.raises(Geweigerd, match="niet open"):
        dienst.sluit_invoer(t)
    dienst.onthul(t)
    with pytest.raises(Geweigerd, match="al getoond"):
        dienst.onthul(t)
    with pytest.raises(Geweigerd, match="nieuwe ronde"):
        dienst.open_invoer(t)
    ronde1 = dienst.uitslagen(overleg.meeting_id, 0)[0]
    assert ronde1.zichtbaar and ronde1.verdeling == {
        "fase-rust": 1,
        "fase-ongemak": 0,
        "fase-onderhuidse-spanningen": 1,
        "fase-incidenten": 0,
        "fase-escalatie": 0,
    }
    dienst.nieuwe_ronde(t)
    assert dienst.vergadering(overleg.meeting_id).stappen[0].ronde == 2
    assert dienst.uitslagen(overleg.meeting_id, 0)[0].aantal == 0
    assert dienst.mijn_antwoorden(overleg.meeting_id, a) == {}
    dienst.antwoord(overleg.meeting_id, a, "test-fase", "fase-onderhuidse-spanningen")
    assert dienst.mijn_antwoorden(overleg.meeting_id, a) == {"test-fase": "fase-onderhuidse-spanningen"}


def test_blinde_vraag_blijft_verborgen_tot_onthullen_ook_voor_de_leiding(dienst, overleg):
    t = overleg.facilitator_token
    (a,) = _deelnemers(dienst, overleg.meeting_id, 1)
    dienst.start(t)
    dienst.antwoord(overleg.meeting_id, a, "test-fase", "fase-rust")
    for voor_leiding in (False, True):
        u = dienst.uitslagen(overleg.meeting_id, 0, voor_leiding=voor_leiding)[0]
        assert u.aantal == 1 and not u.zichtbaar and u.verdeling == {}
    dienst.onthul(t)
    assert dienst.uitslagen(overleg.meeting_id, 0)[0].verdeling["fase-rust"] == 1


def test_open_vraag_live_alleen_als_de_leiding_dat_kiest(dienst, overleg):
    t = overleg.facilitator_token
    (a,) = _deelnemers(dienst, overleg.meeting_id, 1)
    dienst.start(t)
    dienst.volgende(t)
    dienst.antwoord(overleg.meeting_id, a, "test-ernst", 4)
    assert not dienst.uitslagen(overleg.meeting_id, 1)[0].zichtbaar
    assert dienst.uitslagen(overleg.meeting_id, 1, voor_leiding=True)[0].verdeling[4] == 1
    dienst.instellingen(t, live_uitslag=True)
    assert dienst.uitslagen(overleg.meeting_id, 1)[0].zichtbaar


def test_antwoord_wijzigen_vervangt_en_dupliceert_nooit(dienst, overleg, db):
    from sqlalchemy import func, select

    from buurtoverleg.storage.models import Response

    (a,) = _deelnemers(dienst, overleg.meeting_id, 1)
    dienst.start(overleg.facilitator_token)
    for keuze in ("fase-rust", "fase-ongemak", "fase-ongemak", "fase-onderhuidse-spanningen"):
        dienst.antwoord(overleg.meeting_id, a, "test-fase", keuze)
    with db.sessie() as s:
        assert s.scalar(select(func.count()).select_from(Response)) == 1
    assert dienst.mijn_antwoorden(overleg.meeting_id, a) == {"test-fase": "fase-onderhuidse-spanningen"}


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
    dienst.start(t)
    if vraag != "test-fase":
        dienst.volgende(t)
    with pytest.raises(Geweigerd, match=melding):
        dienst.antwoord(overleg.meeting_id, a, vraag, waarde)


def test_meerkeuze_mag_leeg_zijn_geen_van_deze(dienst, overleg):
    (a,) = _deelnemers(dienst, overleg.meeting_id, 1)
    dienst.start(overleg.facilitator_token)
    dienst.volgende(overleg.facilitator_token)
    dienst.antwoord(overleg.meeting_id, a, "test-vormen", [])
    assert dienst.mijn_antwoorden(overleg.meeting_id, a) == {"test-vormen": []}
    assert dienst.uitslagen(overleg.meeting_id, 1, voor_leiding=True)[1].aantal == 1


def test_stippen_mogen_het_maximum_niet_overschrijden(dienst, overleg):
    (a,) = _deelnemers(dienst, overleg.meeting_id, 1)
    t = overleg.facilitator_token
    dienst.start(t)
    dienst.ga_naar(t, 3)
    with pytest.raises(Geweigerd, match="3 stippen"):
        dienst.antwoord(overleg.meeting_id, a, "test-stippen", {"test-rust": 2, "test-ongemak": 2})
    dienst.antwoord(overleg.meeting_id, a, "test-stippen", {"test-rust": 2, "test-ongemak": 1, "test-spanning": 0})
    assert dienst.mijn_antwoorden(overleg.meeting_id, a) == {"test-stippen": {"test-rust": 2, "test-ongemak": 1}}


def test_vraag_van_een_andere_stap_en_van_een_ander_overleg(dienst, overleg):
    (a,) = _deelnemers(dienst, overleg.meeting_id, 1)
    dienst.start(overleg.facilitator_token)
    with pytest.raises(Geweigerd, match="gesloten"):
        dienst.antwoord(overleg.meeting_id, a, "test-ernst", 3)
    with pytest.raises(NietGevonden, match="hoort niet"):
        dienst.antwoord(overleg.meeting_id, a, "vraag-van-elders", 3)
    ander = dienst.maak("Zuid", date(2026, 11, 23), "test-kort")
    dienst.start(ander.facilitator_token)
    with pytest.raises(Geweigerd, match="niet aangemeld"):
        dienst.antwoord(ander.meeting_id, a, "test-fase", "fase-rust")
    assert dienst.deelnemer(ander.meeting_id, a) is None


def test_deelnemer_kan_geen_leidingsacties_doen(dienst, overleg):
    (a,) = _deelnemers(dienst, overleg.meeting_id, 1)
    for token in (str(a), overleg.join_code, overleg.projector_token, overleg.secretary_token, ""):
        for actie in (dienst.start, dienst.volgende, dienst.onthul, dienst.beeindig):
            with pytest.raises(Geweigerd, match="Alleen de gespreksleider"):
                actie(token)
        with pytest.raises(Geweigerd, match="Alleen de gespreksleider"):
            dienst.modereer(token, 1, verborgen=True)
    assert dienst.vergadering(overleg.meeting_id).status == "lobby"


def test_notulist_en_waarnemer_tellen_niet_mee_als_stemmer(dienst, overleg):
    dienst.aanmelden(overleg.meeting_id, "Nora", "Gemeente", "gemeente", rol="notulist")
    w = dienst.aanmelden(overleg.meeting_id, "Wim", "Provincie", "anders", rol="waarnemer")
    (a,) = _deelnemers(dienst, overleg.meeting_id, 1)
    v = dienst.vergadering(overleg.meeting_id)
    assert len(v.deelnemers) == 3 and [d.id for d in v.stemmers] == [a]
    dienst.start(overleg.facilitator_token)
    with pytest.raises(Geweigerd, match="Alleen deelnemers"):
        dienst.antwoord(overleg.meeting_id, w, "test-fase", "fase-rust")


def test_automatisch_onthullen_als_iedereen_heeft_geantwoord(dienst, overleg):
    t = overleg.facilitator_token
    a, b = _deelnemers(dienst, overleg.meeting_id)
    dienst.instellingen(t, auto_onthullen=True)
    dienst.start(t)
    dienst.antwoord(overleg.meeting_id, a, "test-fase", "fase-rust")
    assert dienst.vergadering(overleg.meeting_id).stappen[0].status == "open"
    assert [d.id for d in dienst.nog_niet_geantwoord(overleg.meeting_id)] == [b]
    dienst.antwoord(overleg.meeting_id, b, "test-fase", "fase-rust")
    assert dienst.vergadering(overleg.meeting_id).stappen[0].status == "onthuld"


def test_timer_telt_af_loopt_over_en_pauzeert(dienst, overleg, klok):
    t = overleg.facilitator_token
    dienst.start(t)
    klok.verder(100)
    stap = dienst.vergadering(overleg.meeting_id).stappen[0]
    assert stap.klok.loopt and stap.klok.resterend == 200
    dienst.pauzeer(t)
    klok.verder(1000)
    assert dienst.vergadering(overleg.meeting_id).stappen[0].klok.resterend == 200
    with pytest.raises(Geweigerd, match="stil"):
        dienst.pauzeer(t)
    dienst.hervat(t)
    klok.verder(260)
    stap = dienst.vergadering(overleg.meeting_id).stappen[0]
    assert stap.klok.over_tijd and stap.klok.resterend == -60
    dienst.verleng(t, 120)
    assert dienst.vergadering(overleg.meeting_id).stappen[0].klok.resterend == 60
    dienst.volgende(t)
    klok.verder(30)
    v = dienst.vergadering(overleg.meeting_id)
    assert v.stappen[0].klok.verbruikt == 360 and not v.stappen[0].klok.loopt
    assert v.stappen[1].klok.verbruikt == 30
    assert v.gebruikt == 390 and v.gepland == 300 + 120 + 180 + 240 + 120


def test_timer_start_niet_vanzelf_als_dat_uit_staat(dienst, overleg, klok):
    t = overleg.facilitator_token
    dienst.instellingen(t, auto_timer=False)
    dienst.start(t)
    klok.verder(50)
    assert dienst.vergadering(overleg.meeting_id).stappen[0].klok.verbruikt == 0
    with pytest.raises(Geweigerd, match="Kies een tijd"):
        dienst.stel_budget(t, 0, 0)
    dienst.stel_budget(t, 0, 12)
    assert dienst.vergadering(overleg.meeting_id).stappen[0].klok.budget == 720


def test_signalen_herkennen_modereren_en_samenvoegen(dienst, overleg):
    t = overleg.facilitator_token
    a, b, c = _deelnemers(dienst, overleg.meeting_id, 3)
    dienst.start(t)
    dienst.ga_naar(t, 2)
    with pytest.raises(Geweigerd, match="leeg"):
        dienst.signaal(overleg.meeting_id, a, "test-signalen", "waarneming", "   ")
    with pytest.raises(Geweigerd, match="te lang"):
        dienst.signaal(overleg.meeting_id, a, "test-signalen", "waarneming", "x" * (MAX_SIGNAAL + 1))
    with pytest.raises(Geweigerd, match="waarneming of duiding"):
        dienst.signaal(overleg.meeting_id, a, "test-signalen", "roddel", "tekst")
    s1 = dienst.signaal(overleg.meeting_id, a, "test-signalen", "waarneming", "<script>alert(1)</script> bij het plein")
    s2 = dienst.signaal(overleg.meeting_id, b, "test-signalen", "waarneming", "Jongeren bij het plein 's avonds")
    assert dienst.herken(overleg.meeting_id, c, s1) is True
    assert dienst.herken(overleg.meeting_id, c, s2) is True
    assert dienst.herken(overleg.meeting_id, c, s2) is False
    dienst.herken(overleg.meeting_id, c, s2)
    kaarten = {k.id: k for k in dienst.signalen(overleg.meeting_id, kijker=c)}
    assert kaarten[s1].tekst == "<script>alert(1)</script> bij het plein"
    assert kaarten[s1].herkend == 1 and kaarten[s1].herkend_door_mij
    dienst.voeg_samen(t, s2, s1)
    kaarten = {k.id: k for k in dienst.signalen(overleg.meeting_id)}
    assert list(kaarten) == [s1]
    assert kaarten[s1].herkend == 2  # c once (no double count) plus b, the author of the duplicate
    dienst.modereer(t, s1, verborgen=True)
    assert dienst.signalen(overleg.meeting_id) == []
    with pytest.raises(NietGevonden):
        dienst.herken(overleg.meeting_id, b, s1)
    dienst.modereer(t, s1, verborgen=False, geverifieerd=True, tekst="Bij het plein")
    (kaart,) = dienst.signalen(overleg.meeting_id)
    assert kaart.geverifieerd and kaart.tekst == "Bij het plein"
    dienst.verwijder_signaal(t, s1)
    assert dienst.signalen(overleg.meeting_id, alles=True) == [
        k for k in dienst.signalen(overleg.meeting_id, alles=True) if k.id != s1
    ]
    with pytest.raises(Geweigerd, match="zichzelf"):
        dienst.voeg_samen(t, s2, s2)


def test_hetzelfde_signaal_opnieuw_versturen_telt_een_keer(dienst, overleg, gebeurtenissen):
    """A phone that did not see 'Ontvangen' (connection gone, server restarted) sends again."""
    t, m = overleg.facilitator_token, overleg.meeting_id
    a, b = _deelnemers(dienst, m, 2)
    dienst.start(t)
    dienst.ga_naar(t, 2)
    eerste = dienst.signaal(m, a, "test-signalen", "waarneming", "Graffiti op de brug")
    gemeld = len(gebeurtenissen)
    assert dienst.signaal(m, a, "test-signalen", "waarneming", "  Graffiti op de brug ") == eerste
    assert len(gebeurtenissen) == gemeld, "nothing new, so no redraw on every phone"
    # someone else seeing the same thing, or the same person adding something, is new input
    assert dienst.signaal(m, b, "test-signalen", "waarneming", "Graffiti op de brug") != eerste
    assert dienst.signaal(m, a, "test-signalen", "waarneming", "Graffiti op de brug, nu ook op de school") != eerste
    assert [k.tekst for k in dienst.signalen(m)] == [
        "Graffiti op de brug",
        "Graffiti op de brug",
        "Graffiti op de brug, nu ook op de school",
    ]


def test_signalen_wachten_op_goedkeuring_als_dat_aan_staat(dienst, overleg):
    t = overleg.facilitator_token
    (a,) = _deelnemers(dienst, overleg.meeting_id, 1)
    dienst.instellingen(t, signalen_modereren=True)
    dienst.start(t)
    dienst.ga_naar(t, 2)
    s1 = dienst.signaal(overleg.meeting_id, a, "test-signalen", "duiding", "Het broeit")
    assert dienst.signalen(overleg.meeting_id) == []
    assert [k.id for k in dienst.signalen(overleg.meeting_id, alles=True)] == [s1]
    dienst.modereer(t, s1, goedgekeurd=True)
    assert [k.id for k in dienst.signalen(overleg.meeting_id)] == [s1]


def test_na_afsluiten_kan_niemand_meer_iets_invoeren(dienst, overleg):
    t = overleg.facilitator_token
    (a,) = _deelnemers(dienst, overleg.meeting_id, 1)
    dienst.start(t)
    dienst.beeindig(t)
    with pytest.raises(Geweigerd, match="afgelopen"):
        dienst.antwoord(overleg.meeting_id, a, "test-fase", "fase-rust")
    with pytest.raises(Geweigerd, match="afgelopen"):
        dienst.aanmelden(overleg.meeting_id, "Laatkomer", "", "bewoner")


def test_elke_actie_publiceert_pas_na_opslaan(dienst, overleg, gebeurtenissen):
    (a,) = _deelnemers(dienst, overleg.meeting_id, 1)
    dienst.start(overleg.facilitator_token)
    dienst.antwoord(overleg.meeting_id, a, "test-fase", "fase-rust")
    assert [g.soort for g in gebeurtenissen] == ["deelnemers", "stap", "antwoord"]
    assert {g.meeting_id for g in gebeurtenissen} == {overleg.meeting_id}
    with pytest.raises(Geweigerd):
        dienst.onthul("fout")
    assert len(gebeurtenissen) == 3


def test_twee_overleggen_zien_elkaars_gegevens_niet(dienst, overleg):
    ander = dienst.maak("Zuid", date(2026, 11, 23), "test-kort")
    _deelnemers(dienst, overleg.meeting_id, 2)
    assert dienst.vergadering(ander.meeting_id).deelnemers == ()
    assert overleg.join_code != ander.join_code


def test_gelijktijdige_tikken_van_een_telefoon_worden_een_antwoord(dienst, overleg, db):
    from concurrent.futures import ThreadPoolExecutor

    from sqlalchemy import func, select

    from buurtoverleg.storage.models import Response

    (a,) = _deelnemers(dienst, overleg.meeting_id, 1)
    dienst.start(overleg.facilitator_token)
    keuzes = ["fase-rust", "fase-ongemak", "fase-incidenten", "fase-escalatie"] * 5
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda k: dienst.antwoord(overleg.meeting_id, a, "test-fase", k), keuzes))
    with db.sessie() as s:
        assert s.scalar(select(func.count()).select_from(Response)) == 1
    assert dienst.mijn_antwoorden(overleg.meeting_id, a)["test-fase"] in keuzes


def test_elke_wijziging_verhoogt_de_versie_en_elke_lezing_zegt_welke_versie_ze_toont(dienst, overleg, gebeurtenissen):
    """The live layer's contract: events are numbered per meeting, in commit order, and a read
    carries the number of the last event it contains."""
    t, m = overleg.facilitator_token, overleg.meeting_id
    assert dienst.vergadering(m).versie == 0
    ans = dienst.aanmelden(m, "Ans", "Politie", "politie")
    dienst.start(t)
    dienst.antwoord(m, ans, "test-fase", dienst.vergadering(m).stappen[0].vragen[0].opties[0].id)
    with pytest.raises(Geweigerd):
        dienst.start(t)  # a refusal changes nothing and tells nobody
    assert [g.soort for g in gebeurtenissen] == ["deelnemers", "stap", "antwoord"]
    assert [g.versie for g in gebeurtenissen] == [1, 2, 3]
    assert dienst.vergadering(m).versie == 3
    ander = dienst.maak("Overvecht", date(2026, 11, 24), "test-kort")
    dienst.start(ander.facilitator_token)
    assert gebeurtenissen[-1].meeting_id == ander.meeting_id and gebeurtenissen[-1].versie == 1, "per meeting"


def test_gelijktijdige_wijzigingen_krijgen_elk_een_eigen_versie(dienst, overleg, gebeurtenissen):
    from concurrent.futures import ThreadPoolExecutor

    t, m = overleg.facilitator_token, overleg.meeting_id
    ids = [dienst.aanmelden(m, f"Deelnemer {i}", "", "gemeente") for i in range(12)]
    dienst.start(t)
    keuze = dienst.vergadering(m).stappen[0].vragen[0].opties[0].id
    with ThreadPoolExecutor(6) as pool:
        list(pool.map(lambda d: dienst.antwoord(m, d, "test-fase", keuze), ids))
    versies = [g.versie for g in gebeurtenissen]
    assert sorted(versies) == list(range(1, len(versies) + 1)), "no number handed out twice, none skipped"
    assert dienst.vergadering(m).versie == len(versies)
