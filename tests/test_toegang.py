"""The organiser key and the brake on guessing, without a browser."""

from __future__ import annotations

import hashlib
import os
import stat
import threading

import pytest

from buurtoverleg.toegang import CONTROLE_SECONDEN, Organisator, Remmer


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


def test_gelijktijdige_pogingen_alleen_het_toegestane_aantal_wordt_gecontroleerd():
    """Issue 21: 300 tries at once all passed "may it try?" before any failure was recorded."""
    remmer = Remmer(pogingen=5, venster=300)
    start = threading.Barrier(50)
    toegelaten: list[int] = []

    def probeer(i: int) -> None:
        start.wait()
        for _ in range(6):
            if remmer.poging("code:1.2.3.4") == 0:
                toegelaten.append(i)

    draden = [threading.Thread(target=probeer, args=(i,)) for i in range(50)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert len(toegelaten) == 5
    assert remmer.wachttijd("code:1.2.3.4") > 0 and remmer.wachttijd("code:5.6.7.8") == 0


def test_teruggegeven_poging_telt_niet_en_wist_geen_eerdere_fouten():
    remmer = Remmer(pogingen=3, venster=300)
    assert remmer.poging("pin:a", nu=0) == 0 and remmer.poging("pin:a", nu=1) == 0
    assert remmer.poging("pin:a", nu=2) == 0
    remmer.terug("pin:a")  # the third was right: only that one is given back
    assert remmer.poging("pin:a", nu=3) == 0
    assert remmer.poging("pin:a", nu=4) == pytest.approx(296)


def test_pogingen_die_nog_worden_gecontroleerd_zijn_te_zien_en_wie_beslist_telt_nog():
    """The window is full of tries still being checked: a caller can tell, and gets a turn once
    they turn out right; a wrong one stays counted; a claim nobody decides stops counting as
    being checked after CONTROLE_SECONDEN."""
    remmer = Remmer(pogingen=3, venster=300)
    for t in range(3):
        assert remmer.poging("code:a", nu=t) == 0
    assert remmer.poging("code:a", nu=3) > 0
    assert remmer.wordt_gecontroleerd("code:a", nu=3)
    remmer.terug("code:a")  # right: its place is free
    assert remmer.poging("code:a", nu=4) == 0
    for _ in range(3):
        remmer.beslist("code:a")  # three wrong ones
    assert not remmer.wordt_gecontroleerd("code:a", nu=5)
    assert remmer.poging("code:a", nu=5) > 0, "decided wrong tries still brake"
    assert remmer.poging("pin:b", nu=0) == 0
    assert remmer.wordt_gecontroleerd("pin:b", nu=CONTROLE_SECONDEN)
    assert not remmer.wordt_gecontroleerd("pin:b", nu=CONTROLE_SECONDEN + 1)


def test_organisatorsessie_is_willekeurig_en_zegt_niets_over_de_sleutel(tmp_path):
    org = Organisator(tmp_path, None)
    org.stel_in("lang-genoeg-wachtwoord")
    opgeslagen = (tmp_path / "organisator.hash").read_text()
    een, twee = org.meld_aan(), org.meld_aan()
    assert een != twee and len(een) >= 40
    for afgeleid in (
        hashlib.sha256(opgeslagen.encode()).hexdigest(),
        hashlib.sha256(b"lang-genoeg-wachtwoord").hexdigest(),
    ):
        assert afgeleid[:16] not in een and not org.erkent(afgeleid[:16]) and not org.erkent(afgeleid)
    assert org.erkent(een) and org.erkent(twee) and not org.erkent("verzonnen") and not org.erkent(None)
    org.meld_af(een)
    assert not org.erkent(een) and org.erkent(twee)
    # a new key (the hash file replaced) ends the sessions opened with the old one
    (tmp_path / "organisator.hash").write_text("00:" + "11" * 64)
    assert not org.erkent(twee)


def test_organisatorbestand_is_vanaf_het_begin_alleen_voor_deze_gebruiker(tmp_path):
    gemaakt: list[int] = []
    echte_open = os.open

    def open_en_kijk(pad, vlaggen, modus=0o777, *rest, **kw):  # type: ignore[no-untyped-def]
        gemaakt.append(modus if vlaggen & os.O_CREAT else -1)
        return echte_open(pad, vlaggen, modus, *rest, **kw)

    os.open = open_en_kijk  # type: ignore[assignment]
    try:
        Organisator(tmp_path, None).stel_in("lang-genoeg-wachtwoord")
    finally:
        os.open = echte_open  # type: ignore[assignment]
    assert 0o600 in gemaakt  # created with its mode, not chmod-ed afterwards
    assert stat.S_IMODE((tmp_path / "organisator.hash").stat().st_mode) == 0o600
