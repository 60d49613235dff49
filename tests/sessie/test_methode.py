"""The method at each step: items with their explanation, the tip, and guidance when it applies."""

from __future__ import annotations

from datetime import date

import pytest

from buurtoverleg.sessie import methode
from buurtoverleg.sessie.fouten import Geweigerd, NietGevonden


def _naar_stap(dienst, links, stap_id: str):  # type: ignore[no-untyped-def]
    leiding = dienst.leiding(links.facilitator_token)
    leiding.start()
    v = dienst.lezen.vergadering(links.meeting_id)
    positie = next(s.positie for s in v.stappen if s.id == stap_id)
    leiding.ga_naar(positie)
    stap = dienst.lezen.vergadering(links.meeting_id).huidige_stap
    assert stap is not None and stap.id == stap_id
    return stap


def test_informatiepositie_geeft_de_negen_vragen_met_uitleg_en_een_tip(dienst):
    links = dienst.aanmelding.maak("Overvecht", date(2026, 12, 2), "tpl-analyse-polarisatie")
    stap = _naar_stap(dienst, links, "analyse-informatiepositie")
    checklist = stap.inhoud[0]
    assert checklist.id == "checklist-informatiepositie" and checklist.soort == "checklist"
    assert len(checklist.punten) == 9
    assert all(p.titel and p.tekst for p in checklist.punten)
    assert "domeinen" in checklist.punten[2].titel
    assert stap.tip is not None and stap.tip.id == "signaleringswijze-gestructureerd" and stap.tip.tekst


def test_oplossingsrichtingen_komen_met_hun_wanneer(dienst):
    links = dienst.aanmelding.maak("Overvecht", date(2026, 12, 2), "tpl-analyse-polarisatie")
    stap = _naar_stap(dienst, links, "analyse-richtingen")
    richtingen = [i for i in stap.inhoud if i.soort == "oplossingsrichting"]
    assert len(richtingen) == 7 and all(r.wanneer for r in richtingen)
    # step 3 opens with its three questions (seed 001, STAP 3)
    assert stap.inhoud[0].id == "checklist-aanknopingspunten" and len(stap.inhoud[0].punten) == 3


def test_oefenoverleg_opent_met_het_verhaal_van_de_casus(dienst):
    links = dienst.aanmelding.maak("Oefenwijk", date(2026, 12, 2), "tpl-oefenen-casus-1")
    dienst.leiding(links.facilitator_token).start()
    stap = dienst.lezen.vergadering(links.meeting_id).huidige_stap
    assert stap is not None and stap.positie == 0
    casus = stap.inhoud[0]
    assert casus.soort == "casus" and "portiekflats" in casus.tekst and len(casus.tekst) > 800
    assert stap.tip is not None and stap.tip.id == methode.TIP_OEFENEN


def test_casus_staat_ook_vooraan_als_het_sjabloon_hem_niet_noemt(catalogus):
    template = catalogus.template("tpl-oefenen-casus-2")
    eerste = template.stappen[0].model_copy(update={"inhoud": []})
    zonder = template.model_copy(update={"stappen": [eerste, *template.stappen[1:]]})
    assert [i.id for i in methode.stapinhoud(catalogus, zonder, eerste)] == ["casus-2"]
    # only the first step: a later step keeps its own items
    tweede = template.stappen[1]
    assert "casus-2" not in [i.id for i in methode.stapinhoud(catalogus, zonder, tweede)]


def test_stap_zonder_eigen_tip_krijgt_die_van_zijn_onderdeel(dienst):
    links = dienst.aanmelding.maak("Overvecht", date(2026, 12, 2), "tpl-analyse-polarisatie")
    stap = _naar_stap(dienst, links, "analyse-signalen")
    assert stap.tip is not None and stap.tip.id == methode.TIP_PER_ONDERDEEL["signalering"]
    assert "waarnem" in (stap.tip.titel + stap.tip.tekst).lower()


def _zaal(dienst, links, domeinen):  # type: ignore[no-untyped-def]
    return [dienst.aanmelding.aanmelden(links.meeting_id, f"P{i}", "", d) for i, d in enumerate(domeinen)]


def test_incidentbegeleiding_pas_als_de_zaal_het_eens_is_over_incidenten(dienst, overleg):
    t = overleg.facilitator_token
    zaal = _zaal(dienst, overleg, ["politie", "welzijn", "zorg", "gemeente"])
    dienst.leiding(t).start()
    for p in zaal:
        dienst.deelnemer(overleg.meeting_id, p).antwoord("test-fase", "fase-incidenten")
    assert dienst.lezen.begeleiding(overleg.meeting_id) == []  # blind: nothing settled yet
    dienst.leiding(t).onthul()
    [incident] = dienst.lezen.begeleiding(overleg.meeting_id)
    assert incident.soort == "incident" and "Incidenten" in incident.aanleiding
    ids = [i.id for i in incident.inhoud]
    assert ids[: len(dienst.catalogus.volgorde["incidentadvies"])] == dienst.catalogus.volgorde["incidentadvies"]
    assert "actieladder-de-escalatie" in ids and "achtergrond-escalatievoorwaarden" in ids
    assert incident.sjabloon == "tpl-samos-eerste"


def test_verdeelde_zaal_is_niet_vastgesteld_maar_de_uitkomst_wel(dienst, overleg):
    t = overleg.facilitator_token
    zaal = _zaal(dienst, overleg, ["politie", "welzijn", "zorg", "gemeente"])
    dienst.leiding(t).start()
    for p, fase in zip(zaal, ["fase-rust", "fase-escalatie", "fase-rust", "fase-escalatie"], strict=True):
        dienst.deelnemer(overleg.meeting_id, p).antwoord("test-fase", fase)
    dienst.leiding(t).onthul()
    assert dienst.lezen.oordelen(overleg.meeting_id, 0)["test-fase"][-1].oordeel == "verdeeld"
    assert dienst.lezen.begeleiding(overleg.meeting_id) == []
    dienst.leiding(t).stel_vast("test-fase", "fase-escalatie", "na bespreking")
    assert [b.soort for b in dienst.lezen.begeleiding(overleg.meeting_id)] == ["incident"]
    dienst.leiding(t).stel_vast("test-fase", "fase-ongemak", "toch niet")
    assert dienst.lezen.begeleiding(overleg.meeting_id) == []


def test_vervolg_op_het_samos_sjabloon_komt_in_de_besluiten(dienst, overleg):
    t = overleg.facilitator_token
    dienst.leiding(t).start()
    dienst.leiding(t).stel_vast("test-fase", "fase-escalatie", "na bespreking")
    [incident] = dienst.lezen.begeleiding(overleg.meeting_id)
    tekst, reden = methode.vervolgafspraak(incident)
    dienst.leiding(t).aanpak.besluit(tekst, "vervolg", reden=reden)
    [besluit] = [b for b in dienst.lezen.besluiten(overleg.meeting_id) if b.soort == "vervolg"]
    titel = dienst.catalogus.titel("tpl-samos-eerste")
    assert besluit.soort == "vervolg" and titel in besluit.tekst and "Escalatie" in besluit.reden


def test_azc_checklists_als_de_analyse_statushouders_noemt(dienst):
    links = dienst.aanmelding.maak("Overvecht", date(2026, 12, 2), "tpl-analyse-polarisatie")
    _naar_stap(dienst, links, "analyse-doelgroepen")
    assert dienst.lezen.begeleiding(links.meeting_id) == []
    dienst.leiding(links.facilitator_token).stel_vast("analyse-doelgroepen-vraag", "doelgroep-statushouders", "")
    [azc] = dienst.lezen.begeleiding(links.meeting_id)
    assert azc.soort == "azc" and "Statushouders" in azc.aanleiding and azc.extra_stap == methode.AZC_STAP
    assert [i.id for i in azc.inhoud] == [
        "checklist-azc-voorkom-spanningen",
        "checklist-azc-open-communiceren",
        "checklist-azc-bezorgdheid",
        "checklist-type-boze-burger",
    ]


def test_extra_stap_komt_na_de_huidige_en_schuift_de_rest_met_notities_op(dienst):
    links = dienst.aanmelding.maak("Overvecht", date(2026, 12, 2), "tpl-analyse-polarisatie")
    huidige = _naar_stap(dienst, links, "analyse-doelgroepen")
    volgende = dienst.lezen.vergadering(links.meeting_id).stappen[huidige.positie + 1]
    dienst.notulist(links.secretary_token).notitie(volgende.positie, "notitie bij de volgende stap")
    aantal = len(dienst.lezen.vergadering(links.meeting_id).stappen)

    positie = dienst.leiding(links.facilitator_token).extra_stap(methode.AZC_STAP)

    v = dienst.lezen.vergadering(links.meeting_id)
    assert positie == huidige.positie + 1 and len(v.stappen) == aantal + 1
    assert [s.positie for s in v.stappen] == list(range(aantal + 1))
    extra = v.stappen[positie]
    assert extra.id == "extra-azc" and extra.status == "nog-niet" and extra.klok.budget == 600
    assert extra.inhoud[0].id == "checklist-azc-voorkom-spanningen"
    assert extra.tip is not None and extra.tip.id == "checklist-type-boze-burger"
    assert v.stappen[positie + 1].id == volgende.id and v.huidige == huidige.positie
    notities = dienst.lezen.notities(links.meeting_id)
    assert notities.get(volgende.positie + 1) == "notitie bij de volgende stap"
    # it runs like any step: go there, it opens
    dienst.leiding(links.facilitator_token).volgende()
    assert dienst.lezen.vergadering(links.meeting_id).huidige_stap.id == "extra-azc"
    with pytest.raises(Geweigerd, match="al op de agenda"):
        dienst.leiding(links.facilitator_token).extra_stap(methode.AZC_STAP)


def test_extra_stap_is_geen_sjabloon_en_onbekende_bestaat_niet(dienst, overleg):
    with pytest.raises(Geweigerd, match="extra stap"):
        dienst.aanmelding.maak("Overvecht", date(2026, 12, 2), "tpl-extra-azc")
    with pytest.raises(NietGevonden):
        dienst.leiding(overleg.facilitator_token).extra_stap("analyse-fase")  # a template's step, not an extra


def test_azc_herkend_in_een_eigen_trigger_van_de_gemeente(catalogus):
    # the built-in text about extremist activists names the AZC; a plain trigger does not
    assert methode.noemt_azc(catalogus, ["trigger-nepnieuws", "doelgroep-statushouders"]) == ["doelgroep-statushouders"]
    assert methode.azcbegeleiding(catalogus, ["trigger-nepnieuws"]) is None


def test_met_bewoners_de_voorwaarden_bij_opening_en_aanpak(dienst, overleg):
    t = overleg.facilitator_token
    _zaal(dienst, overleg, ["politie", "welzijn"])
    dienst.leiding(t).start()
    assert dienst.lezen.begeleiding(overleg.meeting_id) == []
    dienst.aanmelding.aanmelden(overleg.meeting_id, "Fatima", "", "bewoner")
    assert dienst.lezen.begeleiding(overleg.meeting_id) == []  # an analysis step: not here
    v = dienst.lezen.vergadering(overleg.meeting_id)
    dienst.leiding(t).ga_naar(next(s.positie for s in v.stappen if s.onderdeel == "aanpak"))
    [bewoners] = dienst.lezen.begeleiding(overleg.meeting_id)
    ids = [i.id for i in bewoners.inhoud]
    assert bewoners.soort == "bewoners" and "participatie-basisvoorwaarden" in ids
    assert ids[-1] == "achtergrond-buurt-bestuurt"
    basis = next(i for i in bewoners.inhoud if i.id == "participatie-basisvoorwaarden")
    assert [p.titel for p in basis.punten] == ["Leefbaarheid is op orde", "Er is een sociale infrastructuur"]


def test_eigen_stap_van_een_gemeente_toont_haar_inhoud_en_tip(dienst):
    links = dienst.aanmelding.maak("Eigenwijk", date(2026, 12, 2), "test-gemeente")
    dienst.leiding(links.facilitator_token).start()
    stap = dienst.lezen.vergadering(links.meeting_id).huidige_stap
    assert stap is not None
    [checklist] = stap.inhoud
    assert checklist.titel == "Buurtschouw met de wijkagent"
    assert [p.tekst for p in checklist.punten] == [
        "Begin bij de plek die het vaakst genoemd is.",
        "Vraag wat zij zien, niet wat zij vinden.",
    ]
    assert stap.tip is not None and stap.tip.titel == "Loop de route van de signalen"
