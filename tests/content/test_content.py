"""The method as data: the built-in content validates, resolves and matches the seeds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from buurtoverleg.cli import main
from buurtoverleg.content import laad
from buurtoverleg.content.schema import PromptType

SEEDS = {
    "000_e91020991cbee6a7.txt",
    "001_b3548c647de8ad3c.txt",
    "002_cf5b5eb33a98d22b.txt",
    "003_ba68093a6e53589e.txt",
    "004_5e7c31bd67a2e7b4.txt",
}

# The praktijkvoorbeelden of seed 001, STAP 4.2, by the names the seed gives them.
PRAKTIJKVOORBEELDEN_001 = [
    "Buurtbemiddeling",
    "Portiekgesprekken",
    "Samen Schoon",
    "PortiekPortiers",
    "nieuwe bewoners",
    "Gedragscodes",
    "Pleingesprekken",
    "Dialoogtafels",
    "interreligieuze dialoog",
    "Ronde Tafelhuis",
    "Buurtreminiscentie",
    "gemeenschappelijke identiteit",
    "Opzoomeren",
    "Kulturhuske",
    "Buurtgids",
    "Haagse Huiskamer",
    "De Voorkamer",
    "BOOST",
    "Dichter bij huis",
    "Buurtpraatjes",
    "Thuis Op Straat",
    "JOLO",
    "Straatportiers",
    "Jongeren Preventie Teams",
    "Inkr8",
    "Zakgeldprojecten",
    "Futsal Chabbab",
    "Ara Cora",
    "straatcultuur",
    "Koppelwerk",
    "Buurtambassadeurs",
    "Buurt Bestuurt",
    "Buurtpreventie",
    "Buurtveiligheidsteams",
    "BuurtPraktijkTeam",
    "Burgertop",
    "Utrecht zijn we samen",
    "Tolerant Minds",
    "Bondgenoten",
    "Sleutelpersonen",
]


@pytest.fixture(scope="module")
def ingebouwd():
    return laad(None)


def test_ingebouwde_inhoud_heeft_geen_fouten(ingebouwd):
    assert ingebouwd.fouten == []


@pytest.mark.parametrize(
    ("soort", "aantal"),
    [
        ("fase", 5),
        ("verschijningsvorm", 3),
        ("oplossingsrichting", 7),
        ("oorzaak", 7),
        ("risicofactor", 10),
        ("casus", 4),
        ("sentiment", 5),
        ("trigger", 4),
        ("locatie", 4),
        ("signaleringswijze", 6),
        ("signaleringstip", 3),
    ],
)
def test_aantallen_kloppen_met_de_bronnen(ingebouwd, soort, aantal):
    assert ingebouwd.tellingen()[soort] == aantal


def test_fasen_staan_in_volgorde(ingebouwd):
    fasen = ingebouwd.items("fase")
    assert [f.id for f in fasen] == [
        "fase-rust",
        "fase-ongemak",
        "fase-onderhuidse-spanningen",
        "fase-incidenten",
        "fase-escalatie",
    ]
    assert [f.volgorde for f in fasen] == [1, 2, 3, 4, 5]


def test_elk_praktijkvoorbeeld_uit_de_handreiking_staat_erin(ingebouwd):
    titels = " | ".join(p.titel for p in ingebouwd.items("praktijkvoorbeeld"))
    ontbreekt = [naam for naam in PRAKTIJKVOORBEELDEN_001 if naam.lower() not in titels.lower()]
    assert ontbreekt == []
    assert ingebouwd.tellingen()["praktijkvoorbeeld"] >= 40


def _ouder(catalogus, content_id: str) -> str:
    return catalogus.entries[content_id].ouder or content_id


def test_praktijkvoorbeelden_hangen_aan_het_onderdeel_waar_de_bron_ze_plaatst(ingebouwd):
    """STAP 4.2 sorts the richting-2 examples into 2a-2e; each names its onderdeel, with the richting."""
    pvs = ingebouwd.items("praktijkvoorbeeld")
    for pv in pvs:
        for ref in pv.oplossingsrichtingen:
            assert _ouder(ingebouwd, ref) in pv.oplossingsrichtingen, (pv.id, ref)
        categorie = re.search(r"STAP 4\.2 .*, (2[a-e]) ", pv.bron)
        if categorie:
            assert f"richting-{categorie.group(1)}" in pv.oplossingsrichtingen, pv.id
    richting_2 = ingebouwd.get("richting-2").item
    assert [o.id for o in richting_2.onderdelen] == [f"richting-2{x}" for x in "abcde"]
    for onderdeel in richting_2.onderdelen:
        for naam in onderdeel.voorbeelden:
            pv = next(p for p in pvs if p.titel.startswith(naam))
            assert onderdeel.id in pv.oplossingsrichtingen, (onderdeel.id, pv.id)
    # Where a description follows the onderbouwing of richting 4 (seed 001, STAP 3.1).
    assert "richting-4b" in ingebouwd.get("pv-koppelwerk").item.oplossingsrichtingen  # zichtbare professionals
    assert "richting-4a" in ingebouwd.get("pv-buurtveiligheidsteams").item.oplossingsrichtingen  # herovering
    assert "richting-4d" in ingebouwd.get("pv-buurtpraktijkteam").item.oplossingsrichtingen  # probleemgericht


def test_statushouders_voorbeelden_horen_bij_vluchtelingen_en_buurtbewoners(ingebouwd):
    """Newcomer examples sit under 2e; the risk factor they answer is A (contact with
    nieuwkomers, taalbarrière), not E, which the seed reserves for youths who turn away."""
    ontmoeting = [
        p
        for p in ingebouwd.items("praktijkvoorbeeld")
        if "doelgroep-statushouders" in p.doelgroepen and "richting-2" in p.oplossingsrichtingen
    ]
    assert {p.id for p in ontmoeting} >= {
        "pv-haagse-huiskamer",
        "pv-de-voorkamer",
        "pv-boost",
        "pv-dichter-bij-huis",
        "pv-buurtpraatjes",
        "pv-plan-einstein",
    }
    for pv in ontmoeting:
        assert "richting-2e" in pv.oplossingsrichtingen, pv.id
        assert "oorzaak-e" not in pv.oorzaken, pv.id
    for pv in ingebouwd.items("praktijkvoorbeeld"):
        if "richting-2e" in pv.oplossingsrichtingen:
            assert "doelgroep-statushouders" in pv.doelgroepen, pv.id


def test_fasen_van_de_praktijkvoorbeelden_volgen_de_bron(ingebouwd):
    pvs = {p.id: p for p in ingebouwd.items("praktijkvoorbeeld")}
    # Beter Buren is buurtbemiddeling (categorie 1: fricties) and is named on the incident page (seed 002).
    assert set(pvs["pv-beter-buren"].fasen) == {"fase-ongemak", "fase-onderhuidse-spanningen", "fase-incidenten"}
    # Dialogue belongs to relatieve rust (seed 003, actieladder: proactie).
    for pv_id in ("pv-dialoogtafels", "pv-interreligieuze-dialoog", "pv-ronde-tafelhuis"):
        assert pvs[pv_id].fasen == ["fase-rust"], pv_id
    # Basic safety and the hotspot approaches also after incidents (seeds 002 and 003).
    for pv_id in ("pv-koppelwerk", "pv-buurtveiligheidsteams", "pv-buurtpraktijkteam", "pv-buurtpreventie"):
        assert "fase-incidenten" in pvs[pv_id].fasen, pv_id
    for pv in pvs.values():
        # The catalogue is for the phases before escalation; for that phase STAP 2.2 points to seed 003.
        assert "fase-escalatie" not in pv.fasen, pv.id
        # "Zet niet te snel in op overbruggend contact" (seed 002): pure contact and dialogue
        # examples are not offered for the incident phase.
        if {_ouder(ingebouwd, r) for r in pv.oplossingsrichtingen} <= {"richting-2", "richting-5"}:
            assert "fase-incidenten" not in pv.fasen, pv.id
    assert sum(bool(p.fasen) for p in pvs.values()) >= 35


def test_elk_item_heeft_een_bron_in_een_bestaand_brondocument(ingebouwd):
    for entry in ingebouwd.entries.values():
        assert entry.bron.split(",")[0] in SEEDS, entry.id


def test_de_sjablonen_uit_de_opdracht_bestaan_en_hun_vragen_zijn_kort(ingebouwd):
    ids = {t.id for t in ingebouwd.templates()}
    assert {
        "tpl-analyse-polarisatie",
        "tpl-analyse-kort",
        "tpl-samos-eerste",
        "tpl-samos-vervolg",
        "tpl-samos-laatste",
        "tpl-oefenen-casus-1",
        "tpl-oefenen-casus-2",
        "tpl-oefenen-casus-3",
        "tpl-oefenen-casus-4",
    } <= ids
    for template in ingebouwd.templates():
        for stap in template.stappen:
            for prompt in stap.prompts:
                assert len(prompt.vraag.split()) <= 25, prompt.id
                keuze = prompt.type in (PromptType.enkele_keuze, PromptType.meerkeuze, PromptType.stippen)
                assert bool(ingebouwd.opties(prompt)) == keuze, prompt.id


def test_lange_analyse_duurt_ongeveer_twee_uur_de_korte_een_uur(ingebouwd):
    minuten = {t.id: sum(s.minuten for s in t.stappen) for t in ingebouwd.templates()}
    assert 100 <= minuten["tpl-analyse-polarisatie"] <= 140
    assert 45 <= minuten["tpl-analyse-kort"] <= 75


def test_fase_en_ernst_worden_blind_gevraagd(ingebouwd):
    template = ingebouwd.template("tpl-analyse-polarisatie")
    fasevragen = [p for s in template.stappen for p in s.prompts if ingebouwd.opties(p)[:1] == ["fase-rust"]]
    assert fasevragen and all(p.blind for p in fasevragen)


def _schrijf(map_: Path, naam: str, tekst: str) -> Path:
    map_.mkdir(parents=True, exist_ok=True)
    (map_ / naam).write_text(tekst, encoding="utf-8")
    return map_


BRON = '"001_b3548c647de8ad3c.txt, STAP 2.2"'


def test_kapot_extra_bestand_noemt_bestand_en_item_en_houdt_ingebouwd_niet_tegen(tmp_path):
    extra = _schrijf(
        tmp_path / "gemeente",
        "eigen.yaml",
        f"""
soort: praktijkvoorbeeld
items:
  - id: pv-eigen
    titel: Eigen aanpak
    bron: {BRON}
    oplossingsrichtingen: [richting-99]
  - id: pv-zonder-titel
    bron: {BRON}
    oplossingsrichtingen: [richting-1]
""",
    )
    _schrijf(extra, "stuk.yaml", "soort: [onzin\n")
    catalogus = laad(extra)
    meldingen = [str(f) for f in catalogus.fouten]
    assert any("eigen.yaml, item 'pv-eigen'" in m and "richting-99" in m for m in meldingen)
    assert any("eigen.yaml, item 'pv-zonder-titel'" in m and "titel" in m for m in meldingen)
    assert any(m.startswith("stuk.yaml") and "YAML" in m for m in meldingen)
    assert catalogus.tellingen()["fase"] == 5 and len(catalogus.templates()) >= 9


def test_dubbel_id_wordt_gemeld(tmp_path):
    extra = _schrijf(
        tmp_path,
        "dubbel.yaml",
        f"""
soort: fase
items:
  - id: fase-rust
    titel: Nog een rust
    bron: {BRON}
    volgorde: 1
""",
    )
    catalogus = laad(extra)
    assert any("fase-rust' bestaat al" in str(f) for f in catalogus.fouten)
    assert catalogus.get("fase-rust").titel == "Rust"


def test_extra_sjabloon_van_een_gemeente_verschijnt(tmp_path):
    extra = _schrijf(
        tmp_path,
        "utrecht.yaml",
        f"""
soort: template
items:
  - id: tpl-utrecht-wijkschouw
    titel: Utrechtse wijkschouw
    bron: {BRON}
    stappen:
      - id: utrecht-fase
        titel: Fase
        onderdeel: analyse
        minuten: 10
        bron: {BRON}
        prompts:
          - id: utrecht-fase-vraag
            type: enkele-keuze
            vraag: In welke fase zit de buurt?
            opties_uit: fase
            blind: true
""",
    )
    catalogus = laad(extra)
    assert catalogus.fouten == []
    template = catalogus.template("tpl-utrecht-wijkschouw")
    assert catalogus.opties(template.stappen[0].prompts[0])[0] == "fase-rust"


def test_sjabloon_met_kapotte_verwijzing_wordt_niet_aangeboden(tmp_path):
    extra = _schrijf(
        tmp_path,
        "kapot.yaml",
        f"""
soort: template
items:
  - id: tpl-kapot
    titel: Kapot
    bron: {BRON}
    stappen:
      - id: kapot-stap
        titel: Stap
        onderdeel: analyse
        minuten: 10
        bron: {BRON}
        prompts:
          - id: kapot-vraag
            type: enkele-keuze
            vraag: Welke?
            opties: [bestaat-niet]
""",
    )
    catalogus = laad(extra)
    assert any("bestaat-niet" in str(f) for f in catalogus.fouten)
    assert "tpl-kapot" not in {t.id for t in catalogus.templates()}


def test_cli_content_check_en_show(tmp_path, capsys):
    assert main(["content", "check"]) == 0
    uit = capsys.readouterr().out
    assert "fase: 5" in uit and "praktijkvoorbeeld: " in uit
    _schrijf(tmp_path, "fout.yaml", "soort: onbekend\nitems: [{}]\n")
    assert main(["content", "check", str(tmp_path)]) == 1
    assert "onbekende soort 'onbekend'" in capsys.readouterr().err
    assert main(["content", "show", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    koppelwerk = next(d for d in data if d["id"] == "pv-koppelwerk")
    assert (
        koppelwerk["soort"] == "praktijkvoorbeeld" and "richting-4" in koppelwerk["referenties"]["oplossingsrichtingen"]
    )


def test_de_zaal_verdeelt_stippen_over_de_voorgestelde_praktijkvoorbeelden(ingebouwd):
    """The full analysis dot-votes on the advice's top examples (issue 18); the options are
    frozen per meeting (`sessie.voorstellijst`), so the content names the kind and how many."""
    stap = next(
        s for s in ingebouwd.template("tpl-analyse-polarisatie").stappen if s.id == "analyse-praktijkvoorbeelden"
    )
    (stippen,) = [p for p in stap.prompts if p.type is PromptType.stippen]
    assert (stippen.opties_uit, stippen.uit_advies, stippen.opties) == ("praktijkvoorbeeld", 6, [])


@pytest.mark.parametrize(
    ("regel", "melding"),
    [
        ("opties_uit: doelgroep", "uit_advies hoort bij opties_uit praktijkvoorbeeld of oplossingsrichting"),
        ("opties: [pv-portiekgesprekken]", "uit_advies hoort bij opties_uit praktijkvoorbeeld"),
        (
            "opties_uit: praktijkvoorbeeld\n            uit_advies: 40",
            "uit_advies: Input should be less than or equal to 12",
        ),
    ],
)
def test_uit_advies_alleen_over_wat_het_advies_rangschikt(tmp_path, regel, melding):
    uit_advies = "" if "uit_advies" in regel else "\n            uit_advies: 6"
    extra = _schrijf(
        tmp_path,
        "sjabloon.yaml",
        f"""
soort: template
items:
  - id: tpl-eigen-stippen
    titel: Eigen stippen
    bron: {BRON}
    stappen:
      - id: eigen-stap
        titel: Stippen
        onderdeel: aanpak
        minuten: 5
        bron: {BRON}
        prompts:
          - id: eigen-stippen
            type: stippen
            vraag: Welke?
            {regel}{uit_advies}
""",
    )
    meldingen = [str(f) for f in laad(extra).fouten]
    assert any("sjabloon.yaml" in m and melding in m for m in meldingen), meldingen
