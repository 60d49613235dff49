"""Facilitator and secretary write the same actions and decisions; every change keeps who and when."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from buurtoverleg.sessie.dienst import Dienst
from buurtoverleg.sessie.fouten import ALLEEN_NOTULIST, Geweigerd, NietGevonden
from buurtoverleg.storage import Database
from buurtoverleg.storage.models import Change, Meeting
from tests.conftest import Nepklok
from tests.sessie.test_aanpak import _actie


def test_notulist_en_gespreksleider_schrijven_dezelfde_actielijst(
    dienst: Dienst, overleg, klok: Nepklok, gebeurtenissen
):  # type: ignore[no-untyped-def]
    m = overleg.meeting_id
    notulist = dienst.notulist(overleg.secretary_token).aanpak
    leiding = dienst.leiding(overleg.facilitator_token).aanpak

    actie = notulist.actie(_actie(wat="Schouw met de corporatie"))
    assert gebeurtenissen[-1].soort == "besluit"  # the console and the beamer redraw the list
    klok.verder(60)
    leiding.wijzig_actie(actie, _actie(wat="Schouw met corporatie en wijkagent"))
    (regel,) = dienst.lezen.acties(m)
    assert regel.wat == "Schouw met corporatie en wijkagent"
    assert dienst.lezen.notulen(m).acties[0].wat == "Schouw met corporatie en wijkagent"  # the minutes show the latest

    afspraak = notulist.besluit("Bewonersbrief in week 3, namens gemeente en corporatie", "communicatie")
    notulist.wijzig_besluit(afspraak, "Bewonersbrief in week 4, namens gemeente en corporatie")
    assert [a.tekst for a in dienst.lezen.notulen(m).communicatie] == [
        "Bewonersbrief in week 4, namens gemeente en corporatie"
    ]
    klok.verder(60)
    notulist.verwijder_actie(actie)
    assert dienst.lezen.acties(m) == []

    spoor = [(w.onderwerp, w.handeling, w.rol) for w in dienst.lezen.wijzigingen(m)]
    assert spoor == [
        ("actie", "toegevoegd", "notulist"),
        ("actie", "gewijzigd", "gespreksleider"),
        ("besluit", "toegevoegd", "notulist"),
        ("besluit", "gewijzigd", "notulist"),
        ("actie", "verwijderd", "notulist"),
    ]
    laatste = dienst.lezen.laatste_wijzigingen(m)[("actie", actie)]
    assert (laatste.handeling, laatste.rol, laatste.op) == ("verwijderd", "notulist", klok.tijd)


def test_terugkoppeling_niet_voor_de_deadline(dienst: Dienst, overleg):  # type: ignore[no-untyped-def]
    notulist = dienst.notulist(overleg.secretary_token).aanpak
    with pytest.raises(Geweigerd, match=r"De terugkoppeling \(10-01-2027\) ligt vóór de datum waarop de actie af is"):
        notulist.actie(_actie(wanneer="2027-01-15", terugkoppeling="2027-01-10"))
    with pytest.raises(Geweigerd, match="Vul in wanneer de actie af moet zijn"):
        notulist.actie(_actie(wanneer=""))
    with pytest.raises(Geweigerd, match="Wie het uitvoert"):
        notulist.actie(_actie(uitvoerder=" "))
    assert notulist.actie(_actie(wanneer="2027-01-15", terugkoppeling="2027-01-15"))
    assert dienst.lezen.wijzigingen(overleg.meeting_id)[-1].handeling == "toegevoegd"
    assert len(dienst.lezen.wijzigingen(overleg.meeting_id)) == 1  # refused writes leave no trail


def test_een_keuze_verander_je_niet_door_de_tekst_te_wijzigen(dienst: Dienst, overleg):  # type: ignore[no-untyped-def]
    leiding = dienst.leiding(overleg.facilitator_token).aanpak
    keuze = leiding.kies("richting-1", True, "portieken")
    with pytest.raises(Geweigerd, match="opnieuw te kiezen"):
        dienst.notulist(overleg.secretary_token).aanpak.wijzig_besluit(keuze, "iets anders")


def test_alleen_eigen_overleg_en_alleen_met_de_eigen_link(dienst: Dienst, overleg):  # type: ignore[no-untyped-def]
    from datetime import date

    ander = dienst.aanmelding.maak("Elders", date(2026, 11, 23), "test-kort")
    actie = dienst.notulist(ander.secretary_token).aanpak.actie(_actie())
    with pytest.raises(NietGevonden):
        dienst.notulist(overleg.secretary_token).aanpak.wijzig_actie(actie, _actie(wat="overgenomen"))
    with pytest.raises(NietGevonden):
        dienst.notulist(overleg.secretary_token).aanpak.verwijder_actie(actie)
    with pytest.raises(Geweigerd, match=ALLEEN_NOTULIST):
        dienst.notulist(overleg.facilitator_token).aanpak.actie(
            _actie()
        )  # the facilitator's link is not the secretary's
    assert dienst.lezen.acties(ander.meeting_id)[0].wat == _actie()["wat"]


def test_het_spoor_gaat_mee_met_het_overleg(dienst: Dienst, overleg, db: Database):  # type: ignore[no-untyped-def]
    dienst.notulist(overleg.secretary_token).aanpak.actie(_actie())
    with db.transactie() as s:
        s.delete(s.get(Meeting, overleg.meeting_id))
    with db.transactie() as s:
        assert s.scalar(select(Change)) is None
