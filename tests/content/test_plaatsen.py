"""Every content item has a place in a meeting, or says why it is background only."""

from __future__ import annotations

from pathlib import Path

import pytest

from buurtoverleg.content import laad
from buurtoverleg.sessie import methode
from buurtoverleg.sessie.plaatsen import plaatsen, zonder_plaats

BRON = '"001_b3548c647de8ad3c.txt, STAP 2.2"'


@pytest.fixture(scope="module")
def ingebouwd():  # type: ignore[no-untyped-def]
    return laad(None)


def test_elk_ingebouwd_item_heeft_een_plaats_of_een_reden(ingebouwd):
    assert ingebouwd.fouten == []
    assert zonder_plaats(ingebouwd) == []


@pytest.mark.parametrize(
    ("content_id", "waar"),
    [
        # the items the issue found unused, each with where it now shows
        ("checklist-azc-voorkom-spanningen", "tpl-extra-azc: stap 'extra-azc'"),
        ("checklist-azc-bezorgdheid", "tpl-extra-azc: stap 'extra-azc'"),
        ("checklist-type-boze-burger", "tpl-extra-azc: stap 'extra-azc' (tip)"),
        ("checklist-bindingsladder", "tpl-analyse-polarisatie: stap 'analyse-richtingen' (tip)"),
        ("signaleringswijze-statistiek", "tpl-analyse-kort: stap 'kort-oorzaken' (tip)"),
        ("signaleringsmethode-nctv-lijst", "tpl-analyse-polarisatie: stap 'analyse-ernst' (tip)"),
        ("actieladder-de-escalatie", "begeleiding na incidenten"),
        ("actieladder-samenwerking", "tpl-samos-eerste: stap 'samos1-besluitvorming' (tip)"),
        ("werkprotocol-kernteam", "tpl-samos-eerste: stap 'samos1-beeldvorming' (tip)"),
        ("werkprotocol-oefenen", "tip voor de gespreksleider"),
        ("communicatie-samos-bekendmaken", "tpl-samos-eerste: stap 'samos1-communicatie' (tip)"),
        ("participatie-basisvoorwaarden", "begeleiding op de console"),
        ("incident-werkt-niet", "advies"),
        ("casus-3", "tpl-oefenen-casus-3: casus"),
    ],
)
def test_wat_ongebruikt_was_heeft_nu_een_plaats(ingebouwd, content_id, waar):
    assert plaatsen(ingebouwd)[content_id] == waar


def test_een_onderdeel_geeft_zijn_item_een_plaats(ingebouwd):
    # the fase prompt offers the fasen themselves; the vormen prompt offers onderdelen only
    assert plaatsen(ingebouwd)["vorm-denken"].startswith("tpl-")
    assert "vorm-denken-negatief" not in plaatsen(ingebouwd)


def test_alle_vaste_verwijzingen_van_de_methode_bestaan(ingebouwd):
    ids = [
        *methode.TIP_PER_ONDERDEEL.values(),
        methode.TIP_OEFENEN,
        *methode.INCIDENTVERVOLG,
        methode.AZC_STAP,
        *methode.BEWONERSVOORWAARDEN,
    ]
    assert [i for i in ids if i not in ingebouwd.entries] == []


def _schrijf(map_: Path, naam: str, tekst: str) -> Path:
    map_.mkdir(parents=True, exist_ok=True)
    (map_ / naam).write_text(tekst, encoding="utf-8")
    return map_


def test_item_zonder_plaats_wordt_genoemd_en_met_reden_niet(tmp_path):
    extra = _schrijf(
        tmp_path / "gemeente",
        "eigen.yaml",
        f"""soort: checklist
items:
  - id: gemeente-vergeten
    titel: Een lijst die niemand toont
    bron: {BRON}
  - id: gemeente-naslag
    titel: Achtergrond voor de redactie
    bron: {BRON}
    naslag: Alleen voor wie het overleg voorbereidt; hoort niet op het scherm.
""",
    )
    catalogus = laad(extra)
    assert catalogus.fouten == []
    assert zonder_plaats(catalogus) == ["gemeente-vergeten"]


def test_eigen_stap_van_een_gemeente_geeft_haar_items_een_plaats(tmp_path):
    extra = _schrijf(
        tmp_path / "gemeente",
        "eigen.yaml",
        f"""soort: checklist
items:
  - id: gemeente-schouw
    titel: Buurtschouw
    bron: {BRON}
    onderdelen:
      - {{id: gemeente-schouw-route, titel: Loop de route, bron: {BRON}}}
""",
    )
    _schrijf(
        extra,
        "sjabloon.yaml",
        f"""soort: template
items:
  - id: tpl-gemeente
    titel: Eigen overleg
    bron: {BRON}
    stappen:
      - id: gemeente-stap
        titel: Schouw
        onderdeel: opening
        minuten: 5
        bron: {BRON}
        tip: gemeente-schouw-route
        inhoud: [gemeente-schouw]
""",
    )
    catalogus = laad(extra)
    assert catalogus.fouten == []
    assert plaatsen(catalogus)["gemeente-schouw"] == "tpl-gemeente: stap 'gemeente-stap'"
    assert zonder_plaats(catalogus) == []


def test_tip_die_niet_bestaat_is_een_fout(tmp_path):
    extra = _schrijf(
        tmp_path / "gemeente",
        "sjabloon.yaml",
        f"""soort: template
items:
  - id: tpl-gemeente
    titel: Eigen overleg
    bron: {BRON}
    stappen:
      - id: gemeente-stap
        titel: Schouw
        onderdeel: opening
        minuten: 5
        bron: {BRON}
        tip: bestaat-niet
""",
    )
    catalogus = laad(extra)
    assert [f.melding for f in catalogus.fouten] == ["stap 'gemeente-stap': tip 'bestaat-niet' bestaat niet"]
