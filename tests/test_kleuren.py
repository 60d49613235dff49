"""The domain colours: one per domain, told apart, and text on a shaded cell always readable."""

from __future__ import annotations

import pytest

from buurtoverleg.kleuren import DOMEINKLEUR, domeinkleur, tekstkleur_op
from buurtoverleg.sessie.toestand import DOMEINEN


def _licht(kleur: str, dekking: float = 1.0) -> float:
    rgb = [dekking * int(kleur[i : i + 2], 16) / 255 + (1 - dekking) for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_elk_domein_een_eigen_kleur():
    assert set(DOMEINKLEUR) == set(DOMEINEN)
    assert len(set(DOMEINKLEUR.values())) == len(DOMEINKLEUR)
    assert domeinkleur("iets-anders") == DOMEINKLEUR["anders"]


@pytest.mark.parametrize("domein", sorted(DOMEINKLEUR))
@pytest.mark.parametrize("dekking", [0.12, 0.3, 0.56, 0.78, 1.0])
def test_tekst_in_een_gekleurd_vak_haalt_wcag_aa(domein: str, dekking: float):
    achter = _licht(DOMEINKLEUR[domein], dekking)
    tekst = _licht(tekstkleur_op(DOMEINKLEUR[domein], dekking))
    hoog, laag = max(achter, tekst), min(achter, tekst)
    assert (hoog + 0.05) / (laag + 0.05) >= 4.5
