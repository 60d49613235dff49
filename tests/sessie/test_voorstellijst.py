"""The room dot-votes on the praktijkvoorbeelden the advice proposes (issue 18, part 2): the list
is frozen into the step when it opens, votes are checked against it, and it stays put when
the advice moves, once anyone voted. Real SQLite, the full analysis template."""

from __future__ import annotations

from datetime import date

import pytest

from buurtoverleg.sessie.advies import omschrijving
from buurtoverleg.sessie.dienst import Dienst
from buurtoverleg.sessie.fouten import Geweigerd
from buurtoverleg.sessie.voorstellijst import voorgesteld

STAP = 13  # "Praktijkvoorbeelden kiezen" in tpl-analyse-polarisatie
VRAAG = "analyse-praktijkvoorbeelden-stippen"


def _overleg(dienst: Dienst):  # type: ignore[no-untyped-def]
    links = dienst.aanmelding.maak("Overvecht", date(2026, 12, 2), "tpl-analyse-polarisatie")
    stemmers = [dienst.aanmelding.aanmelden(links.meeting_id, f"P{i}", "", "welzijn") for i in range(2)]
    leiding = dienst.leiding(links.facilitator_token)
    leiding.start()
    return links, leiding, stemmers


def _vraag(dienst: Dienst, meeting_id: int):  # type: ignore[no-untyped-def]
    stap = dienst.lezen.vergadering(meeting_id).stappen[STAP]
    return next(v for v in stap.vragen if v.id == VRAAG)


def _analyse(leiding, oorzaak: str) -> None:  # type: ignore[no-untyped-def]
    leiding.ga_naar(3)
    leiding.stel_vast("analyse-fase-vraag", "fase-onderhuidse-spanningen")
    leiding.ga_naar(7)
    leiding.stel_vast("analyse-oorzaken-vraag", oorzaak)


def test_de_voorgestelde_voorbeelden_worden_bij_het_openen_vastgelegd_en_zijn_de_opties(dienst: Dienst) -> None:
    links, leiding, (p1, p2) = _overleg(dienst)
    m = links.meeting_id
    assert _vraag(dienst, m).opties == ()  # not opened yet: nothing proposed

    _analyse(leiding, "oorzaak-b")
    leiding.ga_naar(STAP)
    advies = dienst.aanpak.advies(m)
    verwacht = voorgesteld(advies, "praktijkvoorbeeld", 6)
    vraag = _vraag(dienst, m)
    assert [o.id for o in vraag.opties] == verwacht and len(verwacht) == 6
    assert all(p.past for p in advies.praktijkvoorbeelden if p.id in verwacht)  # fit the analysis
    for optie in vraag.opties:  # each with what it is, from the method's own text
        assert optie.omschrijving == omschrijving(dienst.catalogus.entries[optie.id].item) != ""
    assert dienst.lezen.besluitbeeld(m).voorbeelden[0].id == verwacht[0]  # the wall shows the same list

    # a vote on the list is stored; an example from outside it is refused in Dutch, nothing stored
    dienst.deelnemer(m, p1).antwoord(VRAAG, {verwacht[2]: 2, verwacht[4]: 1})
    buiten = next(p.id for p in advies.praktijkvoorbeelden if p.id not in verwacht)
    with pytest.raises(Geweigerd, match=r"^Deze optie staat niet \(meer\) in de lijst\. Herlaad de pagina"):
        dienst.deelnemer(m, p2).antwoord(VRAAG, {buiten: 1})
    assert dienst.lezen.uitslagen(m, STAP)[0].aantal == 1

    # the reveal: the dots reach the wall (most dots first) and the console's reasons
    dienst.deelnemer(m, p2).antwoord(VRAAG, {verwacht[4]: 3})
    leiding.onthul()
    beeld = dienst.lezen.besluitbeeld(m)
    assert [v.id for v in beeld.voorbeelden] == [verwacht[4], verwacht[2], verwacht[0]]
    assert (beeld.stippen[verwacht[4]], beeld.stippen[verwacht[2]]) == (4, 2)
    console = {v.id: v for v in dienst.lezen.voorstellen(m)}
    assert console[verwacht[4]].redenen[0] == "4 stippen van de zaal"


def test_na_een_stem_blijft_de_lijst_staan_ook_als_het_advies_verschuift(dienst: Dienst) -> None:
    links, leiding, (p1, _p2) = _overleg(dienst)
    m = links.meeting_id
    _analyse(leiding, "oorzaak-b")
    leiding.ga_naar(STAP)
    eerst = [o.id for o in _vraag(dienst, m).opties]
    dienst.deelnemer(m, p1).antwoord(VRAAG, {eerst[0]: 3})

    # back to the causes: another settled cause moves the advice
    leiding.ga_naar(7)
    leiding.stel_vast("analyse-oorzaken-vraag", "oorzaak-a")
    nieuw_advies = voorgesteld(dienst.aanpak.advies(m), "praktijkvoorbeeld", 6)
    assert nieuw_advies != eerst  # the advice did move (else this test proves nothing)

    # entering the step again, and a new round, keep the list the room voted on
    leiding.ga_naar(STAP)
    assert [o.id for o in _vraag(dienst, m).opties] == eerst
    leiding.sluit_invoer()
    leiding.nieuwe_ronde()
    assert [o.id for o in _vraag(dienst, m).opties] == eerst
    dienst.deelnemer(m, p1).antwoord(VRAAG, {eerst[1]: 3})  # round 2 votes on the same list


def test_zonder_stemmen_krijgt_een_vroeg_geopende_stap_later_het_betere_advies(dienst: Dienst) -> None:
    """Opened before the analysis: the general examples; entered again after the analysis, with
    nobody having voted, the list is made afresh from the advice as it is then."""
    links, leiding, _ = _overleg(dienst)
    m = links.meeting_id
    leiding.ga_naar(STAP)
    vroeg = [o.id for o in _vraag(dienst, m).opties]
    assert len(vroeg) == 6
    leiding.pauzeer()  # an action on the open step that does not enter it: the list stays
    assert [o.id for o in _vraag(dienst, m).opties] == vroeg

    _analyse(leiding, "oorzaak-b")
    leiding.ga_naar(STAP)
    later = [o.id for o in _vraag(dienst, m).opties]
    assert later == voorgesteld(dienst.aanpak.advies(m), "praktijkvoorbeeld", 6) != vroeg


def test_de_console_houdt_een_voorbeeld_met_stippen_ook_als_het_advies_het_lager_zet(dienst: Dienst) -> None:
    """The room's dots on an example from the frozen list stay in the console's advice list
    after the advice moved and no longer proposes that example among its ten."""
    links, leiding, (p1, p2) = _overleg(dienst)
    m = links.meeting_id
    _analyse(leiding, "oorzaak-b")
    leiding.ga_naar(STAP)
    eerst = [o.id for o in _vraag(dienst, m).opties]
    dienst.deelnemer(m, p1).antwoord(VRAAG, {i: 1 for i in eerst[:3]})  # a dot on each of the six
    dienst.deelnemer(m, p2).antwoord(VRAAG, {i: 1 for i in eerst[3:]})
    leiding.ga_naar(7)
    leiding.stel_vast("analyse-oorzaken-vraag", "oorzaak-a")
    nu_voorgesteld = [p.id for p in dienst.aanpak.advies(m).praktijkvoorbeelden if p.past][:10]
    weg = [i for i in eerst if i not in nu_voorgesteld]
    assert weg, "the advice still proposes every example of the frozen list: this test proves nothing"

    op_de_console = {v.id: v for v in dienst.lezen.voorstellen(m)}
    for voorbeeld in weg:
        assert voorbeeld in op_de_console, voorbeeld
        assert op_de_console[voorbeeld].redenen[0] == "1 stip van de zaal"
