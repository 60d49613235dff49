"""From analysis to approach: the advice for the four oefencasussen is plausible, moves in the
right direction when the analysis changes, explains itself and is deterministic."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from buurtoverleg.cli import main
from buurtoverleg.content import laad
from buurtoverleg.content.catalogus import BUILTIN_DIR
from buurtoverleg.sessie.advies import Analyse, adviseer, analyse_uit_dict, weging
from buurtoverleg.sessie.advies.telling import gelijkspelvolgorde


@pytest.fixture(scope="module")
def ingebouwd():
    return laad(None)


# --- the four oefencasussen (seed 001, "Aan de slag", casus 1-4), as a room would analyse them ---

CASUS_1 = Analyse(
    # Portiekflats, stacked problems. Much overlast and fear, girls avoid the street, but no open
    # confrontations between groups yet: onderhuidse spanningen (a room could argue incidenten).
    fase="fase-onderhuidse-spanningen",
    verschijningsvormen=(
        "vorm-voelen-angst",  # one in three children dares not play outside
        "vorm-gedrag-plekken-mijden",  # some girls avoid the street at night
        "vorm-voelen-irritaties",  # rubbish, 'de trap is van iedereen'
        "vorm-denken-negatief",  # tensions between cultures, also between migrant groups
        "vorm-voelen-onzeker-aanspreken",  # youths are hard to address
    ),
    locaties=("locatie-portiek", "locatie-straat-stoep"),
    oorzaken=(
        "oorzaak-b-kinderen-8-14",  # pesten, recht van de sterkste, little parental correction
        "oorzaak-b-niet-buiten-spelen",
        "oorzaak-b-intimiderend",  # jongeren roekeloos, intimiderend, nafluiten
        "oorzaak-a-culturele-codes",  # clashing ideas about keeping portiek and street clean
        "oorzaak-c-vertrouwenstekort",  # verloedering and a stack of problems
        "oorzaak-d-stapeling",  # taal, achter de voordeur, 'overleven'
        "oorzaak-d-opvoeding",  # weinig toezicht en correctie van ouders
    ),
    doelgroepen=("doelgroep-kinderen-8-14", "doelgroep-jongeren", "doelgroep-ouders", "doelgroep-directe-buren"),
    sentimenten=("sentiment-onvrede-bestuur",),  # vernieuwing opgeschort, bewoners teleurgesteld
    actoren=(
        "actor-kenmerk-etniciteit",
        "actor-kenmerk-leeftijd",
        "actor-subgroepen-fricties",
        "actor-kenmerk-sociaaleconomisch",
    ),
)

CASUS_2 = Analyse(
    # Middle-class neighbourhood, newcomers: misunderstandings and fierce reactions to small
    # things, a growing rift, nothing in the figures yet: ongemak.
    fase="fase-ongemak",
    verschijningsvormen=(
        "vorm-voelen-irritaties",  # heftige reacties op fietsen op de stoep
        "vorm-voelen-angst",  # ouderen voelen zich bedreigd door groepjes jongeren
        "vorm-denken-negatief",  # 'nieuwkomers geven minder om de buurt'
        "vorm-voelen-vervreemding",  # the familiar 'hetzelfde soort mensen' is going
    ),
    locaties=("locatie-straat-stoep",),
    oorzaken=(
        "oorzaak-a-culturele-codes",  # ongeschreven regels botsen
        "oorzaak-a-lichte-overlast",  # fietsen op de stoep
        "oorzaak-b-intimiderend",  # jongeren 'die er alleen maar staan' voelen bedreigend
    ),
    doelgroepen=("doelgroep-buurtgenoten", "doelgroep-jongeren", "doelgroep-ondernemers-actieve-bewoners"),
    sentimenten=("sentiment-verlies-cohesie",),
    actoren=("actor-kenmerk-woonduur", "actor-kenmerk-leeftijd", "actor-kenmerk-etniciteit"),
)

CASUS_3 = Analyse(
    # Huurders en kopers in a new-build area: much irritation, hinder rather than intimidation.
    fase="fase-onderhuidse-spanningen",
    verschijningsvormen=("vorm-voelen-irritaties", "vorm-voelen-onzeker-aanspreken"),
    locaties=("locatie-woonblok", "locatie-portiek", "locatie-straat-stoep", "locatie-winkelcentrum"),
    oorzaken=(
        "oorzaak-a-lichte-overlast",  # vuil, rommel, galmende binnentuinen
        "oorzaak-a-opkroppen",
        "oorzaak-a-aanspreken",  # kopers find it hard to address the youths
        "oorzaak-b-kinderen-8-14",  # children play in trappenhuizen and portieken
        "oorzaak-b-aanspreken-jongeren",
    ),
    doelgroepen=("doelgroep-directe-buren", "doelgroep-jongeren", "doelgroep-kinderen-8-14"),
    actoren=("actor-kenmerk-huur-koop", "actor-kenmerk-sociaaleconomisch", "actor-kenmerk-leeftijd"),
)

CASUS_4 = Analyse(
    # Volksbuurt with newcomers: no contact, 'nog geen incidenten, maar het broeit'.
    fase="fase-onderhuidse-spanningen",
    verschijningsvormen=(
        "vorm-voelen-vervreemding",  # blijvers voelen zich vreemd en eenzaam
        "vorm-gedrag-ontwijken-ongemak",  # nauwelijks contact
        "vorm-denken-negatief",
        "vorm-gedrag-negatief",  # new families are treated unkindly
    ),
    locaties=("locatie-directe-woonomgeving",),  # the newcomers are the neighbours
    oorzaken=("oorzaak-a-vervreemding", "oorzaak-a-culturele-codes"),
    doelgroepen=("doelgroep-directe-buren", "doelgroep-buurtgenoten"),
    sentimenten=("sentiment-verlies-cohesie", "sentiment-onvrede-bestuur"),  # under the rejection
    actoren=("actor-kenmerk-etniciteit", "actor-kenmerk-woonduur"),
)


def _top(advies, n: int, soort: str = "praktijkvoorbeelden") -> set[str]:
    return {v.id for v in getattr(advies, soort)[:n]}


def test_casus_1_kinderen_portiek_en_stapeling(ingebouwd):
    advies = adviseer(ingebouwd, CASUS_1)
    top3 = _top(advies, 3, "richtingen")
    # Children and youth cause the most trouble (3), it plays in the portieken (1), and the
    # stack of problems asks for basic safety and a focused approach (4). Meeting in the
    # wider neighbourhood (2) would also be defensible; vooroordelen (5) would not come first.
    assert top3 <= {"richting-1", "richting-2", "richting-3", "richting-4"}
    assert "richting-3" in top3
    top5 = _top(advies, 5)
    # PortiekPortiers (children keep the portiek clean) and the BuurtPraktijkTeam (made for
    # exactly this mix: jeugdoverlast, vuil, achter de voordeur) are the textbook answers;
    # pleinwerk, sport and jongerenteams for the youth; bemiddeling between neighbours.
    acceptabel = {
        "pv-portiekportiers",
        "pv-buurtpraktijkteam",
        "pv-thuis-op-straat",
        "pv-straatportiers",
        "pv-futsal-chabbab",
        "pv-ara-cora",
        "pv-jongeren-preventie-teams",
        "pv-zakgeldprojecten",
        "pv-jolo",
        "pv-training-straatcultuur",
        "pv-koppelwerk",
        "pv-samen-schoon",
        "pv-buurtbemiddeling",
        "pv-portiekgesprekken",
        "pv-adopteer-een-bak",
    }
    assert top5 <= acceptabel, top5 - acceptabel
    assert top5 & {"pv-portiekportiers", "pv-buurtpraktijkteam"}
    assert "vuistregel-gerichte-aanpak" in advies.vuistregels  # oorzaak C: serious problems


def test_casus_2_nieuwkomers_in_middenklassebuurt(ingebouwd):
    advies = adviseer(ingebouwd, CASUS_2)
    top3 = _top(advies, 3, "richtingen")
    # Clashing unwritten rules in the street: agree on rules and meet (2); neighbours (1);
    # youths seen as a threat (3 or 5); knowing what lives (7); signals not in the figures (6).
    # Basic safety (4) is not the issue: crime is low and people feel safe.
    assert top3 <= {"richting-1", "richting-2", "richting-3", "richting-5", "richting-6", "richting-7"}
    assert "richting-2" in top3
    top5 = _top(advies, 5)
    # Gedragscodes and pleingesprekken (agree together on rules), buurtidentiteit and
    # reminiscentie (old and new, young and old), welcoming newcomers, bringing youths and
    # residents together; not the interventions for statushouders or for unsafe areas.
    acceptabel = {
        "pv-gedragscodes",
        "pv-pleingesprekken",
        "pv-opzoomeren",
        "pv-buurtreminiscentie",
        "pv-gemeenschappelijke-identiteit",
        "pv-dialoogtafels",
        "pv-buurtgids-tours",
        "pv-nieuwe-bewoners-verwelkomen",
        "pv-kulturhuske",
        "pv-jolo",
        "pv-inkr8",
        "pv-buurtbemiddeling",
        "pv-portiekgesprekken",
        "pv-leefregels-nieuwe-huurders",
        "pv-training-straatcultuur",
    }
    assert top5 <= acceptabel, top5 - acceptabel
    assert not advies.incidentadvies and advies.samos is None


def test_casus_3_huurders_en_kopers(ingebouwd):
    advies = adviseer(ingebouwd, CASUS_3)
    top3 = _top(advies, 3, "richtingen")
    # Nuisance in the blocks and portieken (1) and from children and youths (3); rules for the
    # public space (2). Hinder, not intimidation or crime: no basic safety (4).
    assert top3 <= {"richting-1", "richting-2", "richting-3", "richting-7"}
    assert {"richting-1", "richting-3"} <= top3
    top5 = _top(advies, 5)
    acceptabel = {
        "pv-portiekgesprekken",
        "pv-buurtbemiddeling",
        "pv-beter-buren",
        "pv-samen-schoon",
        "pv-portiekportiers",
        "pv-straatportiers",
        "pv-thuis-op-straat",
        "pv-jolo",
        "pv-inkr8",
        "pv-training-straatcultuur",
        "pv-gedragscodes",
        "pv-pleingesprekken",
        "pv-opzoomeren",
        "pv-jongeren-preventie-teams",
        "pv-zakgeldprojecten",
        "pv-leefregels-nieuwe-huurders",
        "pv-futsal-chabbab",
    }
    assert top5 <= acceptabel, top5 - acceptabel
    assert top5 & {"pv-portiekgesprekken", "pv-buurtbemiddeling", "pv-beter-buren"}


def test_casus_4_nieuwkomers_in_volksbuurt(ingebouwd):
    advies = adviseer(ingebouwd, CASUS_4)
    top3 = _top(advies, 3, "richtingen")
    # No contact between old and new neighbours (1, 2), negative images (5), and the
    # sentiments under the rejection (7). Nothing about youth (3) or crime (4).
    assert top3 <= {"richting-1", "richting-2", "richting-5", "richting-7"}
    assert "richting-1" in top3
    top5 = _top(advies, 5)
    # Welcoming new residents, conversations and bemiddeling between neighbours, doing
    # something together in the street; not the children's or safety interventions.
    acceptabel = {
        "pv-nieuwe-bewoners-verwelkomen",
        "pv-portiekgesprekken",
        "pv-buurtbemiddeling",
        "pv-beter-buren",
        "pv-opzoomeren",
        "pv-samen-schoon",
        "pv-leefregels-nieuwe-huurders",
        "pv-buurtreminiscentie",
        "pv-gemeenschappelijke-identiteit",
        "pv-dialoogtafels",
        "pv-buurt-bestuurt",
        "pv-kulturhuske",
        "pv-buurtgids-tours",
        "pv-pleingesprekken",
    }
    assert top5 <= acceptabel, top5 - acceptabel
    assert "pv-nieuwe-bewoners-verwelkomen" in top5
    # The seed: "nauwelijks contact", "nog geen incidenten", it smoulders. Nobody has a quarrel
    # to mediate, so mediation does not lead; meeting the newcomers does (welcome, a clean
    # street together, conversations in the portiek: seed 001 STAP 4.2, directe woonomgeving).
    assert advies.praktijkvoorbeelden[0].id == "pv-nieuwe-bewoners-verwelkomen"
    bemiddeling = {"pv-buurtbemiddeling", "pv-beter-buren", "pv-jolo"}
    assert not _top(advies, 3) & bemiddeling
    uitleg = next(v for v in advies.praktijkvoorbeelden if v.id == "pv-buurtbemiddeling").redenen
    assert "bemiddeling: de analyse noemt geen conflict tussen buren om te bemiddelen" in uitleg


@pytest.mark.parametrize("casus", [CASUS_1, CASUS_2, CASUS_3, CASUS_4])
def test_na_incidenten_wat_de_handreiking_noemt(ingebouwd, casus):
    """Seed 002 ("Zo handel je bij incidenten") names Koppelwerk and Beter buren: after
    incidents one of them is in the top 5 of every oefencasus. An example whose own phases
    exclude incidents never leads, and at most one is in the top 3: in casus 3 PortiekPortiers
    (children's overlast in the portiek: it fits on five points) keeps third place by a
    quarter point after losing four to the phase."""
    advies = adviseer(ingebouwd, replace(casus, fase="fase-incidenten"))
    assert _top(advies, 5) & {"pv-koppelwerk", "pv-beter-buren"}
    niet_voor_incidenten = [
        v.id for v in advies.praktijkvoorbeelden[:3] if any(r.startswith("fase: bedoeld voor") for r in v.redenen)
    ]
    assert len(niet_voor_incidenten) <= 1 and advies.praktijkvoorbeelden[0].id not in niet_voor_incidenten
    koppelwerk = next(v for v in advies.praktijkvoorbeelden if v.id == "pv-koppelwerk")
    assert "de handreiking noemt dit voorbeeld na incidenten (incidenten)" in koppelwerk.redenen


def test_een_fase_die_niet_past_telt_even_zwaar_als_een_die_past(ingebouwd):
    """Dialoogtafels are meant for rust: the step from rust to incidenten costs it the match
    and the same weight again for the mismatch."""
    rust = adviseer(ingebouwd, replace(BASIS, fase="fase-rust"))
    incidenten = adviseer(ingebouwd, replace(BASIS, fase="fase-incidenten"))
    gewichten = weging(ingebouwd).gewichten
    assert gewichten.fase_anders == -gewichten.fase
    verschil = _score(rust, "pv-dialoogtafels") - _score(incidenten, "pv-dialoogtafels")
    assert verschil >= gewichten.fase - gewichten.fase_anders


@pytest.mark.parametrize(
    ("oorzaak", "niet_gezegd"),
    [
        # Poverty behind the front door is not "children or youths cause trouble".
        ("oorzaak-d-stapeling", "Kinderen of jongeren geven overlast"),
        # Intolerant residents are not, by themselves, crime or discrimination.
        ("oorzaak-f-intolerante-bewoners", "Er is onveiligheid of criminaliteit"),
        ("oorzaak-f-intolerante-bewoners", "discriminatie of uitsluiting"),
        # Past events do not say that more information is needed.
        ("oorzaak-g-eerdere-gebeurtenissen", "meer informatie nodig"),
    ],
)
def test_redenen_citeren_alleen_wat_de_analyse_zegt(ingebouwd, oorzaak, niet_gezegd):
    advies = adviseer(ingebouwd, Analyse(oorzaken=(oorzaak,)))
    for voorstel in advies.richtingen:
        assert not any(niet_gezegd in r for r in voorstel.redenen), (voorstel.id, voorstel.redenen)


def test_elk_voorbeeld_zegt_in_een_zin_wat_het_is(ingebouwd):
    """'Geef om de Jan Eef' or 'Kulturhuske' alone tell a room nothing: every proposal
    carries one sentence on what it is."""
    advies = adviseer(ingebouwd, CASUS_1)
    for voorstel in advies.richtingen + advies.praktijkvoorbeelden:
        assert voorstel.omschrijving.endswith((".", "!", "?")), voorstel
        assert 20 <= len(voorstel.omschrijving) <= 200, voorstel
    jan_eef = next(v for v in advies.praktijkvoorbeelden if v.id == "pv-geef-om-de-jan-eef")
    assert jan_eef.omschrijving in " ".join(ingebouwd.get("pv-geef-om-de-jan-eef").tekst.split())


def test_geen_jargon_in_de_redenen(ingebouwd):
    advies = adviseer(ingebouwd, CASUS_1)
    for voorstel in advies.richtingen + advies.praktijkvoorbeelden:
        for reden in voorstel.redenen:
            assert "nr. " not in reden and "in dit advies)" not in reden, reden
            assert "vuistregel '" not in reden, reden


def test_de_gemeente_stelt_de_gewichten_bij(ingebouwd, tmp_path):
    """The weights are content: a municipality's own `adviesweging` (loaded after the built-in
    one) changes the advice without touching Python."""
    tekst = Path(BUILTIN_DIR / "001-adviesweging.yaml").read_text("utf-8")
    eigen = tekst.replace("id: adviesweging", "id: adviesweging-gemeente").replace(
        "fase_anders: -2.0", "fase_anders: 0"
    )
    (tmp_path / "weging.yaml").write_text(eigen, encoding="utf-8")
    gemeente = laad(tmp_path)
    assert not gemeente.fouten
    analyse = replace(BASIS, fase="fase-incidenten")
    ingebouwd_score = _score(adviseer(ingebouwd, analyse), "pv-dialoogtafels")
    assert _score(adviseer(gemeente, analyse), "pv-dialoogtafels") == ingebouwd_score + 2.0


@pytest.mark.parametrize("analyse", [CASUS_1, CASUS_2, CASUS_3, CASUS_4, Analyse()])
def test_alles_gerangschikt_en_elk_voorstel_heeft_een_reden(ingebouwd, analyse):
    advies = adviseer(ingebouwd, analyse)
    assert sorted(v.id for v in advies.richtingen) == sorted(ingebouwd.volgorde["oplossingsrichting"])
    assert len(advies.richtingen) == 7
    assert sorted(v.id for v in advies.praktijkvoorbeelden) == sorted(ingebouwd.volgorde["praktijkvoorbeeld"])
    for lijst in (advies.richtingen, advies.praktijkvoorbeelden):
        algemeen = [not any(r.startswith("algemene aanpak") for r in v.redenen) for v in lijst]
        # What matched nothing is at the bottom, after everything that did.
        assert algemeen == sorted(algemeen, reverse=True)
        for voorstel in lijst:
            assert voorstel.redenen and all(r.strip() for r in voorstel.redenen)
            assert voorstel.titel == ingebouwd.titel(voorstel.id)
        passend = [v for v, p in zip(lijst, algemeen, strict=False) if p]
        # Within each group: score high to low; equal scores by the stated rule (more points
        # of fit, smaller scale, then title).
        sleutel = [(-v.score, *gelijkspelvolgorde(v.treffers, v.schaal, v.titel)) for v in passend]
        assert sleutel == sorted(sleutel)


def test_redenen_in_gewone_taal(ingebouwd):
    advies = adviseer(ingebouwd, CASUS_1)
    redenen = {r for v in advies.richtingen + advies.praktijkvoorbeelden for r in v.redenen}
    assert "past bij: directe woonomgeving (portiek)" in redenen
    assert "doelgroep: kinderen van 8 tot 14 jaar" in redenen
    assert "fase: onderhuidse spanningen" in redenen
    assert any(r.startswith("oorzaak: overlast van kinderen en jongeren") for r in redenen)
    r3 = next(v for v in advies.richtingen if v.id == "richting-3")
    # The richting's own 'wanneer' is quoted.
    assert any("wanneer: Kinderen of jongeren geven overlast" in r for r in r3.redenen)


# --- direction ------------------------------------------------------------------------------

BASIS = Analyse(
    fase="fase-ongemak",
    oorzaken=("oorzaak-a-culturele-codes", "oorzaak-a-aanspreken"),
    doelgroepen=("doelgroep-directe-buren", "doelgroep-buurtgenoten"),
)


def _score(advies, content_id: str) -> float:
    return next(v.score for v in advies.richtingen + advies.praktijkvoorbeelden if v.id == content_id)


def _rang(advies, content_id: str) -> int:
    lijst = advies.richtingen if content_id.startswith("richting-") else advies.praktijkvoorbeelden
    return [v.id for v in lijst].index(content_id)


def test_van_portiek_naar_plein_verschuift_het_advies(ingebouwd):
    portiek = adviseer(ingebouwd, replace(BASIS, locaties=("locatie-portiek",)))
    plein = adviseer(ingebouwd, replace(BASIS, locaties=("locatie-plein",)))
    # The portiek intervention loses ground to the public-space one.
    verschil_portiek = _score(portiek, "pv-portiekgesprekken") - _score(portiek, "pv-pleingesprekken")
    verschil_plein = _score(plein, "pv-portiekgesprekken") - _score(plein, "pv-pleingesprekken")
    assert verschil_plein < verschil_portiek
    assert _rang(portiek, "pv-portiekgesprekken") < _rang(portiek, "pv-pleingesprekken")
    assert _rang(plein, "pv-pleingesprekken") < _rang(plein, "pv-portiekgesprekken")
    assert _score(plein, "pv-portiekgesprekken") < _score(portiek, "pv-portiekgesprekken")
    # And so do the richtingen: directe buren (1) versus ontmoeting in de buurt (2).
    assert _rang(portiek, "richting-1") < _rang(portiek, "richting-2")
    assert _rang(plein, "richting-2") < _rang(plein, "richting-1")
    assert "vuistregel-directe-woonomgeving" in portiek.vuistregels
    assert "vuistregel-directe-woonomgeving" not in plein.vuistregels


def test_overlast_jeugd_verhoogt_richting_3(ingebouwd):
    zonder = adviseer(ingebouwd, BASIS)
    met = adviseer(ingebouwd, replace(BASIS, oorzaken=BASIS.oorzaken + ("oorzaak-b",)))
    assert _score(met, "richting-3") > _score(zonder, "richting-3")
    assert _rang(met, "richting-3") < _rang(zonder, "richting-3")
    r3 = next(v for v in met.richtingen if v.id == "richting-3")
    assert any(r.startswith("oorzaak: overlast van kinderen en jongeren") for r in r3.redenen)


def test_escalatie_geeft_incidentadvies_en_samos(ingebouwd):
    escalatie = adviseer(ingebouwd, replace(BASIS, fase="fase-escalatie"))
    assert escalatie.incidentadvies
    assert all(ingebouwd.get(i).soort == "incidentadvies" for i in escalatie.incidentadvies)
    assert escalatie.samos and "tpl-samos-eerste" in escalatie.samos
    assert "vuistregel-gerichte-aanpak" in escalatie.vuistregels
    incidenten = adviseer(ingebouwd, replace(BASIS, fase="fase-incidenten"))
    assert incidenten.incidentadvies and incidenten.samos
    rust = adviseer(ingebouwd, replace(BASIS, fase="fase-rust"))
    assert rust.incidentadvies == () and rust.samos is None
    assert "vuistregel-gerichte-aanpak" not in rust.vuistregels
    # After incidents: basic safety before bringing groups together (seed 002).
    assert _rang(escalatie, "richting-4") < _rang(rust, "richting-4")
    r2 = next(v for v in escalatie.richtingen if v.id == "richting-2")
    assert any("niet te snel groepen verbinden" in r for r in r2.redenen)


def test_fase_van_een_praktijkvoorbeeld_stuurt_de_keuze(ingebouwd):
    # The same neighbours' problem: before incidents the welcome and dialogue examples lead;
    # after incidents Koppelwerk, which seed 002 names for exactly that situation, comes
    # first, and buurtpreventie (its fasen: onderhuidse spanningen, incidenten) rises above
    # the welcome, since safety comes before bridging contact (seed 002). The dialogue table is
    # meant for relatieve rust (seed 003, actieladder) and drops as the phase gets worse.
    rust = adviseer(ingebouwd, replace(BASIS, fase="fase-rust"))
    incidenten = adviseer(ingebouwd, replace(BASIS, fase="fase-incidenten"))
    assert _rang(rust, "pv-nieuwe-bewoners-verwelkomen") < _rang(rust, "pv-buurtpreventie")
    assert _rang(incidenten, "pv-buurtpreventie") < _rang(incidenten, "pv-nieuwe-bewoners-verwelkomen")
    assert incidenten.praktijkvoorbeelden[0].id == "pv-koppelwerk"
    assert _rang(incidenten, "pv-buurtpreventie") <= 3
    assert _rang(rust, "pv-dialoogtafels") < _rang(incidenten, "pv-dialoogtafels")
    redenen = next(v for v in incidenten.praktijkvoorbeelden if v.id == "pv-dialoogtafels").redenen
    assert "fase: bedoeld voor rust, niet voor incidenten" in redenen


def test_zonder_fasen_zakt_na_incidenten(ingebouwd):
    # An example the seeds name for no phase (Opzoomeren: a goal, no situation) is fine in
    # calm phases, but after incidents seed 002 puts safety first: it must not float above
    # the examples named for that phase just because it has no fasen to mismatch.
    ongemak = adviseer(ingebouwd, replace(BASIS, fase="fase-ongemak"))
    incidenten = adviseer(ingebouwd, replace(BASIS, fase="fase-incidenten"))
    assert _score(incidenten, "pv-opzoomeren") < _score(ongemak, "pv-opzoomeren")
    redenen = next(v for v in incidenten.praktijkvoorbeelden if v.id == "pv-opzoomeren").redenen
    assert "fase: de bron noemt dit niet voor incidenten" in redenen
    assert not any(
        r.startswith("fase:") for r in next(v for v in ongemak.praktijkvoorbeelden if v.id == "pv-opzoomeren").redenen
    )


def test_onderdeel_telt_als_ouder(ingebouwd):
    algemeen = adviseer(ingebouwd, Analyse(oorzaken=("oorzaak-b",)))
    specifiek = adviseer(ingebouwd, Analyse(oorzaken=("oorzaak-b-kinderen-8-14",)))
    assert [v.id for v in algemeen.richtingen] == [v.id for v in specifiek.richtingen]
    assert _score(algemeen, "pv-thuis-op-straat") == _score(specifiek, "pv-thuis-op-straat")


def test_statushouders_alleen_als_de_analyse_ze_noemt(ingebouwd):
    zonder = adviseer(ingebouwd, BASIS)
    met = adviseer(ingebouwd, replace(BASIS, doelgroepen=BASIS.doelgroepen + ("doelgroep-statushouders",)))
    assert _rang(met, "pv-de-voorkamer") < _rang(zonder, "pv-de-voorkamer")
    assert _score(met, "pv-buurtpraatjes") > _score(zonder, "pv-buurtpraatjes")


# --- input checks and determinism ------------------------------------------------------------


def test_onbekend_of_verkeerd_id_geeft_nederlandse_fout(ingebouwd):
    with pytest.raises(ValueError, match="onbekend id 'oorzaak-x'"):
        adviseer(ingebouwd, Analyse(oorzaken=("oorzaak-x",)))
    with pytest.raises(ValueError, match="'locatie-plein' bij oorzaken is geen oorzaak"):
        adviseer(ingebouwd, Analyse(oorzaken=("locatie-plein",)))
    with pytest.raises(ValueError, match="onbekend id 'fase-chaos'"):
        adviseer(ingebouwd, Analyse(fase="fase-chaos"))
    with pytest.raises(ValueError, match="lijst"):
        Analyse(locaties="locatie-plein")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="onbekend veld 'plek'"):
        analyse_uit_dict({"plek": []})
    with pytest.raises(ValueError, match="JSON-object"):
        analyse_uit_dict(["fase-rust"])


def test_analyse_uit_dict_en_dubbele_ids(ingebouwd):
    analyse = analyse_uit_dict({"fase": None, "locaties": ["locatie-plein", "locatie-plein"]})
    assert analyse == Analyse(locaties=("locatie-plein",))


def test_deterministisch(ingebouwd):
    eerste = adviseer(ingebouwd, CASUS_1)
    assert adviseer(ingebouwd, CASUS_1) == eerste
    assert adviseer(laad(None), CASUS_1).naar_dict() == eerste.naar_dict()
    gehusseld = replace(CASUS_1, oorzaken=tuple(reversed(CASUS_1.oorzaken)))
    assert [v.id for v in adviseer(ingebouwd, gehusseld).praktijkvoorbeelden] == [
        v.id for v in eerste.praktijkvoorbeelden
    ]


def test_weging_past_bij_de_inhoud(ingebouwd):
    """Every richting has its signals, once each, and the weights load without content errors."""
    w = weging(ingebouwd)
    assert not ingebouwd.fouten
    assert set(w.signalen) == {r.id for r in ingebouwd.items("oplossingsrichting")}
    for richting_id, signalen in w.signalen.items():
        ids = [s.id for s in signalen]
        assert len(ids) == len(set(ids)), richting_id
    assert w.na_incidenten <= set(ingebouwd.volgorde["praktijkvoorbeeld"])
    assert w.bemiddeling <= set(ingebouwd.volgorde["praktijkvoorbeeld"])


def test_foute_weging_geeft_nederlandse_melding(tmp_path):
    """An editor's weging that quotes a line the richting does not have, or an unknown id, is
    reported by the content check instead of quoting nonsense in a meeting."""
    (tmp_path / "weging.yaml").write_text(
        "soort: richtingweging\n"
        "items:\n"
        "  - id: weging-extra\n"
        "    titel: Extra weging\n"
        "    richting: richting-1\n"
        '    bron: "001_b3548c647de8ad3c.txt, STAP 3.1 Oplossingsrichting 1"\n'
        "    signalen:\n"
        "      - {id: oorzaak-a, gewicht: 1.0, wanneer: 9}\n"
        "      - {id: oorzaak-bestaat-niet, gewicht: 1.0}\n",
        encoding="utf-8",
    )
    meldingen = [str(f) for f in laad(tmp_path).fouten]
    assert any("richting-1 heeft geen wanneer-regel 9" in m for m in meldingen), meldingen
    assert any("signaal 'oorzaak-bestaat-niet' bestaat niet" in m for m in meldingen), meldingen


# --- CLI --------------------------------------------------------------------------------------


def test_cli_advies(tmp_path, capsys):
    pad = tmp_path / "analyse.json"
    pad.write_text(
        json.dumps(
            {
                "fase": "fase-escalatie",
                "locaties": ["locatie-plein"],
                "oorzaken": ["oorzaak-b"],
                "doelgroepen": ["doelgroep-jongeren"],
            }
        ),
        encoding="utf-8",
    )
    assert main(["advies", str(pad)]) == 0
    uit = capsys.readouterr().out
    data = json.loads(uit)
    assert set(data) == {"richtingen", "praktijkvoorbeelden", "incidentadvies", "samos", "vuistregels"}
    assert len(data["richtingen"]) == 7
    assert data["richtingen"][0]["id"] == "richting-3"
    for voorstel in data["richtingen"] + data["praktijkvoorbeelden"]:
        assert set(voorstel) == {"id", "titel", "omschrijving", "score", "redenen"} and voorstel["redenen"]
    assert "incident-werkt" in data["incidentadvies"]
    assert "tpl-samos-eerste" in data["samos"]
    assert "ë" in uit or "—" in uit  # ensure_ascii=False: no \\u escapes
    assert "\\u" not in uit
    assert uit.startswith('{\n "richtingen"')  # indent 1


@pytest.mark.parametrize(
    "inhoud, melding",
    [
        ('{"oorzaken": ["oorzaak-x"]}', "onbekend id 'oorzaak-x'"),
        ('{"locaties": "locatie-plein"}', "lijst"),
        ('{"fase": 3}', "fase"),
        ("{niet json", "geen geldige JSON"),
        ('["fase-rust"]', "JSON-object"),
    ],
)
def test_cli_advies_foute_invoer(tmp_path, capsys, inhoud, melding):
    pad = tmp_path / "analyse.json"
    pad.write_text(inhoud, encoding="utf-8")
    assert main(["advies", str(pad)]) == 2
    fout = capsys.readouterr()
    assert melding in fout.err and fout.out == ""


def test_cli_advies_bestand_ontbreekt(tmp_path, capsys):
    assert main(["advies", str(tmp_path / "weg.json")]) == 2
    assert "bestaat niet" in capsys.readouterr().err
