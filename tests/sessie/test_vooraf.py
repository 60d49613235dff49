"""The round 'vooraf' (issue 17): members answer before the meeting on their own days, a draft
stays a draft, the facilitator sees who (not what) until the deadline, and at the meeting the
handed-in answers are round 0 of the same verdicts, pictures and minutes as a live round."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from buurtoverleg.sessie.dienst import Dienst
from buurtoverleg.sessie.fouten import Geweigerd
from buurtoverleg.sessie.oordeel import VOORAF, rondenaam, verschuiving
from buurtoverleg.sessie.vooraf import MAX_ANTWOORD
from buurtoverleg.sessie.voorafstand import rondes_met_vooraf
from buurtoverleg.storage import Database
from tests.conftest import Nepklok
from tests.sessie.test_bewaren import _in_bestanden, _noemt, _organisator, _rijen

DEADLINE = datetime(2026, 11, 27, 17, 0)
"""Four days after the clock's start (23 November, 19:00); the meeting is on the 30th."""

LEDEN = (
    ("Sander Bakker", "Politie Utrecht", "politie"),
    ("Eline de Vries", "Gemeente", "gemeente"),
    ("Fatima El Idrissi", "Welzijn", "welzijn"),
)


def _overleg(dienst: Dienst) -> tuple[int, str, list[int]]:
    links = dienst.aanmelding.maak("Overvecht", date(2026, 11, 30), "test-kort")
    dienst.vooraf.open(links.facilitator_token, DEADLINE)
    leden = [dienst.aanmelding.aanmelden(links.meeting_id, *lid) for lid in LEDEN]
    return links.meeting_id, links.facilitator_token, leden


def test_drie_leden_op_eigen_dagen_en_een_concept_telt_pas_na_inleveren(dienst: Dienst, klok: Nepklok):
    m, t, (a, b, c) = _overleg(dienst)
    stand = dienst.vooraf.stand(m)
    assert stand is not None and stand.open and stand.deadline == DEADLINE
    assert [g.id for g in stand.groepen] == ["bob-beeldvorming", "bob-oordeelsvorming"]
    assert [v.id for v in stand.groepen[0].vragen][:2] == ["bob-beeld-gebeurd", "bob-beeld-onrust"]
    assert [v.id for v in stand.inschattingen] == ["test-fase", "test-ernst", "test-vormen"], (
        "every prompt with a verdict, not the signals or the dot-voting"
    )

    klok.verder(timedelta(hours=14).total_seconds())  # day 1: Sander hands in
    dienst.vooraf.bewaar(
        m, a, {"bob-beeld-gebeurd": "Vernieling bij het speelveld."}, {"test-fase": "fase-incidenten"}, inleveren=True
    )
    klok.verder(timedelta(days=1).total_seconds())  # day 2: Eline leaves a draft, Fatima hands in
    dienst.vooraf.bewaar(m, b, {"bob-beeld-onrust": "Onrustig"}, {"test-fase": "fase-ongemak"}, inleveren=False)
    dienst.vooraf.bewaar(m, c, {}, {"test-fase": "fase-ongemak", "test-ernst": 2}, inleveren=True)

    overzicht = dienst.vooraf.overzicht(t)
    assert overzicht is not None and overzicht.open and not overzicht.zichtbaar
    assert [(r.naam, r.status) for r in overzicht.leden] == [
        ("Sander Bakker", "ingeleverd"),
        ("Eline de Vries", "concept"),
        ("Fatima El Idrissi", "ingeleverd"),
    ]
    assert overzicht.ingeleverd == 2
    with pytest.raises(Geweigerd, match="pas na de deadline"):
        dienst.vooraf.alle_a4(t)  # who, not what, until the deadline
    mijn = dienst.vooraf.mijn(m, b)
    assert mijn.ingeleverd_op is None and mijn.teksten == {"bob-beeld-onrust": "Onrustig"}, "the draft came back"

    klok.verder(timedelta(days=1).total_seconds())  # day 3: Eline finishes her draft
    dienst.vooraf.bewaar(
        m,
        b,
        {"bob-beeld-onrust": "Onrustig sinds de zomer"},
        {"test-fase": "fase-onderhuidse-spanningen"},
        inleveren=True,
    )
    dienst.vooraf.bewaar(m, a, {"bob-beeld-gebeurd": "Vernieling."}, {"test-fase": "fase-incidenten"}, inleveren=False)
    assert dienst.vooraf.mijn(m, a).ingeleverd_op is not None, "a change after handing in stays handed in"

    klok.tijd = DEADLINE
    with pytest.raises(Geweigerd, match="gesloten"):
        dienst.vooraf.bewaar(m, a, {}, {"test-fase": "fase-rust"}, inleveren=True)
    overzicht = dienst.vooraf.overzicht(t)
    assert overzicht is not None and not overzicht.open and overzicht.zichtbaar and overzicht.ingeleverd == 3
    paginas = dienst.vooraf.alle_a4(t)
    assert [p.naam for p in paginas] == [lid[0] for lid in LEDEN]
    assert paginas[0].groepen[0][1][0] == ("Wat is er gebeurd?", "Vernieling.")
    assert paginas[2].inschattingen[1] == ("Hoe ernstig is het?", "2")

    # the meeting: nobody answers again, yet the first step's reveal shows the pre-round
    leiding = dienst.leiding(t)
    leiding.start()
    assert dienst.lezen.oordelen(m, 0)["test-fase"][0].ronde == VOORAF, "shown from the start of the meeting"
    leiding.onthul()
    beeld = dienst.lezen.beelden(m, 0)["test-fase"]
    assert [r.ronde for r in beeld.rondes] == [VOORAF], "the unanswered live round adds nothing"
    rijen = {r.domein: r.aantallen for r in beeld.rondes[0].rijen}
    fasen = list(beeld.opties)
    assert rijen["politie"][fasen.index("incidenten")] == 1
    assert rijen["gemeente"][fasen.index("onderhuidse spanningen")] == 1
    assert rijen["welzijn"][fasen.index("ongemak")] == 1
    assert beeld.rondes[0].oordeel == dienst.lezen.oordelen(m, 0)["test-fase"][0].oordeel
    (open_,) = dienst.lezen.onenigheden(m)
    assert (open_.vraag_id, open_.ronde, open_.volgende) == ("test-fase", VOORAF, "bespreken")


def test_de_zaal_stemt_opnieuw_en_de_notulen_tonen_vooraf_ernaast(dienst: Dienst, klok: Nepklok):
    m, t, leden = _overleg(dienst)
    for lid, fase in zip(leden, ("fase-incidenten", "fase-ongemak", "fase-ongemak"), strict=True):
        dienst.vooraf.bewaar(m, lid, {"bob-oordeel-ernst": "Ernstig genoeg"}, {"test-fase": fase}, inleveren=True)
    laat = dienst.aanmelding.aanmelden(m, "Kees van Dijk", "Jongerenwerk", "jongerenwerk")  # joins at the meeting
    leiding = dienst.leiding(t)
    leiding.start()
    for lid in [*leden, laat]:
        dienst.deelnemer(m, lid).antwoord("test-fase", "fase-onderhuidse-spanningen")
    assert dienst.deelnemer(m, laat).mijn_antwoorden() == {"test-fase": "fase-onderhuidse-spanningen"}
    leiding.onthul()

    rondes = dienst.lezen.oordelen(m, 0)["test-fase"]
    assert [(d.ronde, d.aantal) for d in rondes] == [(0, 3), (1, 4)]
    assert verschuiving(rondes).startswith("vooraf: ")
    beeld = dienst.lezen.beelden(m, 0)["test-fase"]
    assert [r.ronde for r in beeld.rondes] == [0, 1]
    assert sum(r.verschoven for r in beeld.rondes[1].rijen) == 3, "all three moved from their pre-round answer"

    notulen = dienst.lezen.notulen(m)
    vraag = next(v for st in notulen.stappen for v in st.vragen if v.id == "test-fase")
    assert [(r.ronde, r.aantal) for r in vraag.rondes] == [(0, 3), (1, 4)]
    assert vraag.beeld is not None and [r.ronde for r in vraag.beeld.rondes] == [0, 1]
    assert rondenaam(vraag.rondes[0].ronde) == "Vooraf"


def test_fouten_krijgen_een_nederlandse_reden(dienst: Dienst, klok: Nepklok):
    links = dienst.aanmelding.maak("Overvecht", date(2026, 11, 30), "test-kort")
    t, m = links.facilitator_token, links.meeting_id
    with pytest.raises(Geweigerd, match="toekomst"):
        dienst.vooraf.open(t, klok.tijd - timedelta(hours=1))
    with pytest.raises(Geweigerd, match="dag van het overleg"):
        dienst.vooraf.open(t, datetime(2026, 12, 1, 12, 0))
    with pytest.raises(Geweigerd):
        dienst.vooraf.open("verkeerd", DEADLINE)
    lid = dienst.aanmelding.aanmelden(m, "Ans", "", "politie")
    with pytest.raises(Geweigerd, match="geen ronde vooraf"):
        dienst.vooraf.bewaar(m, lid, {}, {"test-fase": "fase-rust"}, inleveren=True)
    dienst.vooraf.open(t, DEADLINE)
    with pytest.raises(Geweigerd, match="Kies een van de opties"):
        dienst.vooraf.bewaar(m, lid, {}, {"test-fase": "<b>x</b>"}, inleveren=True)
    with pytest.raises(Geweigerd, match="hoort niet bij"):
        dienst.vooraf.bewaar(m, lid, {}, {"test-stippen": {"a": 1}}, inleveren=True)
    with pytest.raises(Geweigerd, match="is te lang"):
        dienst.vooraf.bewaar(m, lid, {"bob-beeld-gebeurd": "x" * (MAX_ANTWOORD + 1)}, {}, inleveren=False)
    with pytest.raises(Geweigerd, match="minstens één"):
        dienst.vooraf.bewaar(m, lid, {"bob-beeld-gebeurd": "   "}, {}, inleveren=True)
    assert dienst.vooraf.mijn(m, lid).teksten == {}, "a refused save keeps nothing half"

    dienst.vooraf.sluit(t)
    with pytest.raises(Geweigerd, match="gesloten"):
        dienst.vooraf.bewaar(m, lid, {}, {"test-fase": "fase-rust"}, inleveren=True)
    dienst.vooraf.open(t, DEADLINE + timedelta(days=1))  # extended: open again
    dienst.vooraf.bewaar(m, lid, {}, {"test-fase": "fase-rust"}, inleveren=True)
    dienst.leiding(t).start()
    with pytest.raises(Geweigerd, match="gesloten"):
        dienst.vooraf.bewaar(m, lid, {}, {"test-fase": "fase-ongemak"}, inleveren=True)
    with pytest.raises(Geweigerd, match="al begonnen"):
        dienst.vooraf.open(t, DEADLINE + timedelta(days=2))


def test_toon_laat_de_antwoorden_eerder_lezen(dienst: Dienst):
    m, t, (a, _b, _c) = _overleg(dienst)
    dienst.vooraf.bewaar(m, a, {"bob-beeld-gebeurd": "Vernieling."}, {}, inleveren=True)
    dienst.vooraf.toon(t)
    overzicht = dienst.vooraf.overzicht(t)
    assert overzicht is not None and overzicht.open and overzicht.zichtbaar
    assert [p.naam for p in dienst.vooraf.alle_a4(t)] == ["Sander Bakker"], "only handed-in pages"


@pytest.mark.parametrize(
    ("laatste", "gevuld", "status", "verwacht"),
    [
        (1, {1}, "stappen", [1]),
        (1, set(), "stappen", [1]),  # as before: an empty live round still counts without a pre-round
        (1, {0}, "stappen", [0]),
        (2, {0, 2}, "stappen", [0, 2]),
        (1, {0, 1}, "lobby", [1]),
        (0, {0}, "stappen", [0]),
    ],
)
def test_welke_rondes_een_stap_toont(laatste: int, gevuld: set[int], status: str, verwacht: list[int]):
    assert rondes_met_vooraf(laatste, gevuld, status) == verwacht


# ---------------------------------------------------------------------- deletion and anonymising

TEKST = "Mevrouw Oosterhout van de hoek zag de vernieling"
"""A pre-round text that names a resident: only removing the text protects her."""


def _met_vooraf(dienst: Dienst, klok: Nepklok) -> tuple[int, str]:
    m, t, leden = _overleg(dienst)
    for lid in leden:
        dienst.vooraf.bewaar(m, lid, {"bob-beeld-gebeurd": TEKST}, {"test-fase": "fase-ongemak"}, inleveren=True)
    dienst.vooraf.bewaar(m, leden[0], {"bob-beeld-onrust": TEKST}, {}, inleveren=True)
    leiding = dienst.leiding(t)
    leiding.start()
    leiding.beeindig()
    return m, t


def test_verwijderen_wist_namen_en_teksten_van_vooraf_ook_uit_de_bestanden(
    dienst: Dienst, db: Database, klok: Nepklok, tmp_path: Path
):
    bewijs = _organisator(dienst, tmp_path)
    m, _t = _met_vooraf(dienst, klok)
    namen = [lid[0] for lid in LEDEN] + [TEKST]
    if db.engine.dialect.name == "sqlite":  # PostgreSQL's files are its own: the rows are checked below
        assert _in_bestanden(tmp_path, "test.sqlite*", namen), "the files hold them before"
    weg = dienst.organisator(bewijs).verwijder_overleg(m, exportmap=tmp_path / "exports", archief=tmp_path / "archief")
    assert weg.rijen["voorafantwoorden"] == 3
    alles = _rijen(db)
    assert alles["pre_round"] == [] and alles["pre_round_answer"] == []
    assert _noemt(alles, namen) == []
    assert _in_bestanden(tmp_path, "test.sqlite*", namen) == [], "no pre-round name or text left in the SQLite files"


def test_anonimiseren_haalt_de_teksten_van_vooraf_weg_en_houdt_de_ronde(
    dienst: Dienst, db: Database, klok: Nepklok, tmp_path: Path
):
    m, _t = _met_vooraf(dienst, klok)
    voor = dienst.lezen.oordelen(m, 0)
    klok.tijd = datetime(2028, 1, 1, 9, 0)
    opruiming = dienst.bewaren.ruim_op(12, "anonimiseren", exportmap=tmp_path / "exports")
    assert [r.meeting_id for r in opruiming.regels] == [m]
    assert opruiming.regels[0].wijzigingen["voorafteksten"] == 3
    namen = [lid[0] for lid in LEDEN] + [TEKST]
    assert _noemt(_rijen(db), namen) == []
    assert _in_bestanden(tmp_path, "test.sqlite*", namen) == []
    assert dienst.lezen.oordelen(m, 0) == voor, "the pre-round still counts, as the live rounds do"
