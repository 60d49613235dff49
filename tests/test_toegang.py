"""The organiser key and the brake on guessing, without a browser."""

from __future__ import annotations

import pytest

from buurtoverleg.toegang import Organisator, Remmer


def test_eerste_keer_wachtwoord_wordt_gehasht_bewaard(tmp_path):
    org = Organisator(tmp_path, None)
    assert not org.ingesteld and not org.klopt("")
    with pytest.raises(ValueError):
        org.stel_in("kort")
    org.stel_in("lang-genoeg-wachtwoord")
    assert org.ingesteld and org.klopt("lang-genoeg-wachtwoord") and not org.klopt("lang-genoeg-wachtwoorD")
    assert "lang-genoeg" not in (tmp_path / "organisator.hash").read_text()
    with pytest.raises(PermissionError):
        org.stel_in("nog-een-wachtwoord")


def test_ingestelde_sleutel_gaat_voor(tmp_path):
    org = Organisator(tmp_path, "sleutel-van-de-installateur")
    assert org.ingesteld and org.klopt("sleutel-van-de-installateur") and not org.klopt("sleutel")


def test_remmer_na_vijf_fouten_tot_het_venster_voorbij_is():
    remmer = Remmer(pogingen=5, venster=300)
    for t in range(5):
        assert remmer.wachttijd("a", nu=t) == 0
        remmer.mislukt("a", nu=t)
    assert remmer.wachttijd("a", nu=10) == pytest.approx(290)
    assert remmer.wachttijd("b", nu=10) == 0
    assert remmer.wachttijd("a", nu=301) == 0
    remmer.mislukt("a", nu=302)
    remmer.gelukt("a")
    assert remmer.wachttijd("a", nu=303) == 0
