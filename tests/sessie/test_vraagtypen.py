"""The registry of prompt types: what each type takes, how it checks and counts answers."""

from __future__ import annotations

import pytest

from buurtoverleg.content.schema import PromptType
from buurtoverleg.sessie.fouten import Geweigerd
from buurtoverleg.sessie.toestand import Optie, Vraag, verdeling
from buurtoverleg.sessie.vraagtypen import VRAAGTYPEN, vraagtype

OPTIES = (Optie("a", "Alfa"), Optie("b", "Bravo"), Optie("c", "Charlie"))


def _vraag(type: str, **extra) -> Vraag:  # type: ignore[no-untyped-def]
    opties = OPTIES if type in ("enkele-keuze", "meerkeuze", "stippen") else ()
    return Vraag(id=f"v-{type}", type=type, vraag="?", opties=opties, **extra)


def test_elk_prompttype_uit_de_inhoud_staat_in_het_register():
    assert set(VRAAGTYPEN) == {t.value for t in PromptType}
    for t in PromptType:
        assert vraagtype(t) is vraagtype(t.value)
        assert vraagtype(t).naam == t.value


def test_onbekend_type_wordt_niet_stil_geraden():
    with pytest.raises(KeyError, match="onbekend vraagtype"):
        vraagtype("ja-nee")


@pytest.mark.parametrize(
    ("naam", "stemmen", "signalen"),
    [
        ("enkele-keuze", True, False),
        ("meerkeuze", True, False),
        ("schaal", True, False),
        ("stippen", True, False),
        ("signaal", False, True),
        ("bespreking", False, False),
    ],
)
def test_wat_een_type_aanneemt(naam, stemmen, signalen):
    assert vraagtype(naam).neemt_stemmen is stemmen
    assert vraagtype(naam).neemt_signalen is signalen
    assert vraagtype(naam).alleen_gesprek is (naam == "bespreking")
    vraag = _vraag(naam)
    assert vraag.soort is vraagtype(naam)
    assert vraag.neemt_stemmen is stemmen and vraag.neemt_signalen is signalen


# ------------------------------------------------------------------ checking answers


def _controleer(vraag: Vraag, waarde):  # type: ignore[no-untyped-def]
    return vraag.soort.controleer(vraag, waarde)


def _weigering(vraag: Vraag, waarde) -> str:  # type: ignore[no-untyped-def]
    """The refusal's message, word for word (it is shown to the voter as is)."""
    with pytest.raises(Geweigerd) as fout:
        _controleer(vraag, waarde)
    return str(fout.value)


def test_enkele_keuze_neemt_een_optie():
    vraag = _vraag("enkele-keuze")
    assert _controleer(vraag, "b") == "b"
    for fout in ("x", ["a"], 1, None):
        assert _weigering(vraag, fout) == "Kies een van de opties."


def test_meerkeuze_neemt_opties_in_de_volgorde_van_de_lijst_en_geen_is_ook_een_antwoord():
    vraag = _vraag("meerkeuze")
    assert _controleer(vraag, ["c", "a", "c"]) == ["a", "c"]
    assert _controleer(vraag, ("b",)) == ["b"]
    assert _controleer(vraag, []) == []
    for fout in ("a", [1], {"a": 1}):
        assert _weigering(vraag, fout) == "Kies een of meer opties."
    assert _weigering(vraag, ["a", "x"]) == "Kies een of meer van de opties."


def test_schaal_neemt_een_getal_binnen_de_schaal():
    vraag = _vraag("schaal", schaal_min=1, schaal_max=4)
    assert _controleer(vraag, 1) == 1 and _controleer(vraag, 4) == 4
    for fout in (0, 5, "3", 2.0, True):
        assert _weigering(vraag, fout) == "Kies een getal van 1 tot en met 4."


def test_stippen_worden_verdeeld_binnen_het_aantal():
    vraag = _vraag("stippen", stippen=3)
    assert _controleer(vraag, {"c": 1, "a": 2, "b": 0}) == {"a": 2, "c": 1}  # list order, no empty ones
    assert _controleer(vraag, {}) == {}
    for fout in (["a"], {"a": -1}, {"a": "2"}):
        assert _weigering(vraag, fout) == "Verdeel je stippen over de opties."
    assert _weigering(vraag, {"x": 1}) == (
        "Deze optie staat niet (meer) in de lijst. Herlaad de pagina en verdeel je stippen opnieuw."
    )
    assert _weigering(vraag, {"a": 2, "b": 2}) == "Je hebt 3 stippen; je gebruikte er 4."


@pytest.mark.parametrize("naam", ["signaal", "bespreking"])
def test_geen_stem_bij_signaal_en_bespreking(naam):
    assert _weigering(_vraag(naam), "a") == "Bij deze vraag hoort geen stem."


# ------------------------------------------------------------------ counting


def test_enkele_keuze_telt_een_per_antwoord_en_elke_optie_staat_erin():
    assert verdeling(_vraag("enkele-keuze"), ["a", "a", "c", "x"]) == {"a": 2, "b": 0, "c": 1}


def test_meerkeuze_telt_elke_gekozen_optie():
    assert verdeling(_vraag("meerkeuze"), [["a", "b"], ["b"], [], ["x"]]) == {"a": 1, "b": 2, "c": 0}


def test_schaal_telt_per_punt_van_de_schaal():
    vraag = _vraag("schaal", schaal_min=1, schaal_max=3)
    assert verdeling(vraag, [3, 1, 3, 9]) == {1: 1, 2: 0, 3: 2}


def test_stippen_telt_de_stippen_per_optie():
    assert verdeling(_vraag("stippen"), [{"a": 2, "c": 1}, {"a": 1}, {"x": 3}]) == {"a": 3, "b": 0, "c": 1}


@pytest.mark.parametrize("naam", ["signaal", "bespreking"])
def test_zonder_stemmen_valt_er_niets_te_tellen(naam):
    assert verdeling(_vraag(naam), ["a", 1]) == {}


# ------------------------------------------------------------------ reading and labelling a result


def test_stippen_zijn_een_deel_van_alle_stippen_de_rest_van_wie_antwoordde():
    telling = {"a": 5, "b": 1}
    assert vraagtype("stippen").geheel(telling, 2) == 6
    for naam in ("enkele-keuze", "meerkeuze", "schaal"):
        assert vraagtype(naam).geheel(telling, 2) == 2


def test_eenheid_en_rondeteller():
    assert vraagtype("stippen").eenheid == "stippen"
    assert vraagtype("stippen").rondeteller(1) == "1 deelnemer"
    assert vraagtype("stippen").rondeteller(3) == "3 deelnemers"
    for naam in ("enkele-keuze", "meerkeuze", "schaal"):
        assert vraagtype(naam).eenheid == "stemmen"
        assert vraagtype(naam).rondeteller(1) == "1 antwoord"
        assert vraagtype(naam).rondeteller(4) == "4 antwoorden"


def test_hoe_overeenstemming_wordt_gelezen():
    # a choice between fasen is read as a scale; a multiple choice never is
    assert vraagtype("enkele-keuze").duidingsvorm(geordend=False) == "keuze"
    assert vraagtype("enkele-keuze").duidingsvorm(geordend=True) == "ordinaal"
    assert vraagtype("meerkeuze").duidingsvorm(geordend=True) == "keuze"
    assert vraagtype("schaal").duidingsvorm(geordend=False) == "ordinaal"
    for naam in ("stippen", "signaal", "bespreking"):
        assert vraagtype(naam).duidingsvorm(geordend=True) is None


def test_alleen_een_schaal_heeft_getallen_en_alleen_stippen_zijn_een_prioriteit():
    assert [t.naam for t in VRAAGTYPEN.values() if t.schaal] == ["schaal"]
    assert [t.naam for t in VRAAGTYPEN.values() if t.prioriteit] == ["stippen"]
    assert [t.naam for t in VRAAGTYPEN.values() if t.enkelvoudig] == ["enkele-keuze", "schaal"]
    assert _vraag("schaal", schaal_min=2, schaal_max=4).waarden() == [2, 3, 4]
    assert _vraag("enkele-keuze").waarden() == ["a", "b", "c"]
