"""The duidingsbeeld: counts per domain per round, who moved, and a sentence that never
contradicts the verdict word or the domain differences."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from buurtoverleg.sessie.duidingsbeeld import bouw
from buurtoverleg.sessie.oordeel import beoordeel
from buurtoverleg.sessie.overeenstemming import EENSGEZIND, TE_WEINIG_ANTWOORDEN, VERDEELD, Drempels
from tests.sessie.test_overeenstemming import drempels_per_overleg, vraag_en_antwoorden


def _zaal(dienst, meeting_id):  # type: ignore[no-untyped-def]
    return {
        "agent": dienst.aanmelding.aanmelden(meeting_id, "Agent", "Politie Midden", "politie"),
        "opbouw": dienst.aanmelding.aanmelden(meeting_id, "Opbouw", "Buurtteam", "welzijn"),
        "jongeren": dienst.aanmelding.aanmelden(meeting_id, "Jongeren", "JoU", "jongerenwerk"),
        "wijk": dienst.aanmelding.aanmelden(meeting_id, "Wijk", "Wijkbureau", "gemeente"),
    }


def test_beeld_van_een_verdeelde_fase_en_een_nieuwe_ronde(dienst, overleg):
    """Four domains answer 1/2/1 over three phases; the picture counts per domain, the
    sentence names the two readings furthest apart, and a re-vote shows who moved."""
    m, t = overleg.meeting_id, overleg.facilitator_token
    zaal = _zaal(dienst, m)
    dienst.leiding(t).start()
    eerste = {
        "agent": "fase-incidenten",
        "opbouw": "fase-ongemak",
        "jongeren": "fase-onderhuidse-spanningen",
        "wijk": "fase-onderhuidse-spanningen",
    }
    for wie, fase in eerste.items():
        dienst.deelnemer(m, zaal[wie]).antwoord("test-fase", fase)
    assert dienst.lezen.beelden(m, 0) == {}, "blind: no picture before the reveal"
    dienst.leiding(t).onthul()

    beeld = dienst.lezen.beelden(m, 0)["test-fase"]
    assert beeld.vorm == "schaal"
    assert beeld.opties == ("rust", "ongemak", "onderhuidse spanningen", "incidenten", "escalatie")
    (ronde,) = beeld.rondes
    assert ronde.oordeel == VERDEELD
    assert {r.domein: r.aantallen for r in ronde.rijen} == {
        "gemeente": (0, 0, 1, 0, 0),
        "politie": (0, 0, 0, 1, 0),
        "welzijn": (0, 1, 0, 0, 0),
        "jongerenwerk": (0, 0, 1, 0, 0),
    }
    assert [r.domein for r in ronde.rijen] == ["gemeente", "politie", "welzijn", "jongerenwerk"]
    assert (
        ronde.zin
        == "Politie ziet incidenten, Gemeente en Jongerenwerk onderhuidse spanningen, Welzijn / opbouwwerk ongemak: twee fasen verschil."
    )
    assert all(r.namen == () for r in ronde.rijen), "names only when the meeting shows names"

    (open_,) = dienst.lezen.onenigheden(m)
    assert (open_.zin, open_.volgende) == (ronde.zin, "bespreken")

    dienst.leiding(t).nieuwe_ronde()
    (open_,) = dienst.lezen.onenigheden(m)
    assert open_.volgende == "nieuwe ronde", "the room is voting again"
    for wie in ("agent", "opbouw", "jongeren", "wijk"):
        dienst.deelnemer(m, zaal[wie]).antwoord("test-fase", "fase-onderhuidse-spanningen")
    dienst.leiding(t).onthul()
    een, twee = dienst.lezen.beelden(m, 0)["test-fase"].rondes
    assert (een.ronde, twee.ronde) == (1, 2)
    assert een.rijen == ronde.rijen, "round 1 stays as it was"
    assert {r.domein: r.verschoven for r in twee.rijen} == {
        "gemeente": 0,
        "politie": 1,
        "welzijn": 1,
        "jongerenwerk": 0,
    }
    assert twee.oordeel == EENSGEZIND
    assert twee.zin == "Alle domeinen zien onderhuidse spanningen."
    assert dienst.lezen.onenigheden(m) == [], "agreed after the re-vote: nothing open"


def test_nog_steeds_verdeeld_na_een_nieuwe_ronde_vraagt_om_de_uitkomst(dienst, overleg):
    m, t = overleg.meeting_id, overleg.facilitator_token
    zaal = _zaal(dienst, m)
    dienst.leiding(t).start()
    for ronde in (1, 2):
        for wie, fase in (("agent", "fase-incidenten"), ("opbouw", "fase-ongemak"), ("jongeren", "fase-ongemak")):
            dienst.deelnemer(m, zaal[wie]).antwoord("test-fase", fase)
        dienst.leiding(t).onthul()
        if ronde == 1:
            dienst.leiding(t).nieuwe_ronde()
    (open_,) = dienst.lezen.onenigheden(m)
    assert open_.ronde == 2 and open_.volgende == "uitkomst vastleggen"
    assert open_.zin.startswith("Politie ziet incidenten, ")
    dienst.leiding(t).stel_vast("test-fase", None, "politie en welzijn lezen het anders")
    assert dienst.lezen.onenigheden(m) == []


def test_beeld_van_een_checklist_met_namen(dienst, overleg):
    m, t = overleg.meeting_id, overleg.facilitator_token
    zaal = _zaal(dienst, m)
    dienst.leiding(t).instellingen(toon_namen=True)
    dienst.leiding(t).start()
    dienst.leiding(t).volgende()
    keuzes = {
        "agent": ["test-spanning"],
        "opbouw": ["test-ongemak", "test-rust"],
        "jongeren": ["test-ongemak"],
        "wijk": ["test-ongemak", "test-spanning"],
    }
    for wie, keuze in keuzes.items():
        dienst.deelnemer(m, zaal[wie]).antwoord("test-vormen", keuze)
        dienst.deelnemer(m, zaal[wie]).antwoord("test-ernst", 3)
    dienst.leiding(t).onthul()
    beeld = dienst.lezen.beelden(m, 1)["test-vormen"]
    assert beeld.vorm == "keuze"
    (ronde,) = beeld.rondes
    rij = {r.domein: r for r in ronde.rijen}
    opties = list(beeld.opties)
    assert rij["gemeente"].aantallen[opties.index("Ongemak")] == 1
    assert rij["welzijn"].namen[opties.index("Rust")] == ("Opbouw",)
    assert ronde.oordeel == VERDEELD
    assert ronde.zin == "Jongerenwerk kiest vooral Ongemak, Politie Onderhuidse spanningen."


@given(vraag_en_antwoorden(), st.one_of(st.just(Drempels()), drempels_per_overleg))
def test_prop_zin_en_oordeel_spreken_elkaar_nooit_tegen(v, drempels: Drempels) -> None:  # type: ignore[no-untyped-def]
    """Whatever the answers: 'eensgezind' never stands next to a sentence that names two
    domains, a domain difference is always named in the sentence under the picture (unless
    there are too few answers to say anything), and the rows hold every answer."""
    vraag, geordend, antwoorden = v
    rijen = [(1, i, f"p{i}", d, w) for i, (d, w) in enumerate(antwoorden)]
    d = beoordeel(vraag, 1, antwoorden, geordend=geordend, drempels=drempels)
    assert d is not None
    beeld = bouw(vraag, rijen, [d], geordend=geordend, toon_namen=False, drempels=drempels)
    assert beeld is not None
    (ronde,) = beeld.rondes
    assert ronde.oordeel == d.oordeel
    assert sum(r.aantal for r in ronde.rijen) == len(antwoorden)
    genoemd = [r.naam for r in ronde.rijen if r.naam in ronde.zin]
    if d.oordeel == EENSGEZIND:
        assert not d.verschillen and len(genoemd) == 0, ronde.zin
    if d.verschillen and d.oordeel != TE_WEINIG_ANTWOORDEN:
        assert len(genoemd) >= 2, ronde.zin
    if d.oordeel == VERDEELD:
        assert "Alle domeinen" not in ronde.zin and "Bijna iedereen" not in ronde.zin, ronde.zin
