"""The beamer's picture per domain in a narrow column: a numbered scale is headed by its
numbers with a legend under it, instead of labels broken mid-word ('Lich t'); sizes in rem
never put text below the back row's minimum."""

from __future__ import annotations

from buurtoverleg.pages.beamermaat import KLEINSTE_TEKST, maat, tekstmaat
from buurtoverleg.pages.duidingsbeeld import _nummer, _nummers
from buurtoverleg.sessie.duidingsbeeld import Duidingsbeeld


def _beeld(vorm: str, *opties: str) -> Duidingsbeeld:
    return Duidingsbeeld("v", vorm, tuple(opties), ())


def test_een_genummerde_schaal_krijgt_smal_alleen_nummers() -> None:
    ernst = _beeld("schaal", "1 · Niet ernstig", "2 · Licht", "3 · Matig", "4 · Ernstig", "5 · Zeer ernstig")
    assert _nummers(ernst, 0.8)
    assert [_nummer(o) for o in ernst.opties] == ["1", "2", "3", "4", "5"]
    assert not _nummers(ernst, 1.0), "alone on the wall the labels have room"
    # only the ends named: still numbers, and the legend names only those
    assert _nummers(_beeld("schaal", "1 · licht", "2", "3", "4", "5 · ernstig"), 0.8)


def test_woorden_en_keuzes_houden_hun_naam() -> None:
    assert not _nummers(_beeld("schaal", "rust", "ongemak", "onderhuidse spanningen"), 0.8)
    assert not _nummers(_beeld("keuze", "1 · een", "2 · twee"), 0.8)
    assert _nummer("Binnen een paar weken") == "Binnen een paar weken"
    assert _nummer("3 · Binnen een paar weken") == "3"


def test_rem_maten_en_de_ondergrens_voor_tekst() -> None:
    assert maat(1.6) == "1.000rem"
    assert tekstmaat(1.0) == f"{KLEINSTE_TEKST:.3f}rem"
    assert tekstmaat(4.0) == "2.500rem"
