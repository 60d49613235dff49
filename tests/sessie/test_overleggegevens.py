"""The meeting's details for the heading of the minutes (issue 19): given when the meeting is
made, recorded at start and end, corrected by the secretary and only by the secretary."""

from __future__ import annotations

from datetime import date

import pytest

from buurtoverleg.sessie.fouten import Geweigerd


def test_gegevens_bij_aanmaken_start_en_einde(dienst, klok):
    links = dienst.aanmelding.maak(
        "Noord", date(2026, 11, 23), "test-kort", plaats="  Buurthuis\nDe Brug ", voorzitter="Wijkmanager"
    )
    n = dienst.lezen.notulen(links.meeting_id)
    assert (n.plaats, n.voorzitter, n.notulist, n.begintijd, n.eindtijd) == (
        "Buurthuis De Brug",
        "Wijkmanager",
        "",
        "",
        "",
    )
    dienst.leiding(links.facilitator_token).start()  # the fake clock says 19:00 UTC: 20:00 in Utrecht in November
    klok.verder(95 * 60)
    dienst.leiding(links.facilitator_token).beeindig()
    n = dienst.lezen.notulen(links.meeting_id)
    assert (n.begintijd, n.eindtijd) == ("20:00", "21:35")


def test_notulist_corrigeert_en_een_foute_tijd_verliest_niets(dienst, overleg, gebeurtenissen):
    notulist = dienst.notulist(overleg.secretary_token)
    notulist.gegevens(plaats="Wijkcentrum", notulist="Joke", afgemeld="Woonstichting\nJongerenwerk", begintijd="19.30")
    n = dienst.lezen.notulen(overleg.meeting_id)
    assert (n.plaats, n.notulist, n.afgemeld, n.begintijd) == (
        "Wijkcentrum",
        "Joke",
        "Woonstichting\nJongerenwerk",
        "19:30",
    )
    assert gebeurtenissen[-1].soort == "notulen"  # the secretary's page redraws
    with pytest.raises(Geweigerd, match=r"De eindtijd is geen tijd\. Schrijf het als 19:30\."):
        notulist.gegevens(plaats="Ergens anders", eindtijd="25:00")
    assert dienst.lezen.notulen(overleg.meeting_id).plaats == "Wijkcentrum"  # nothing written
    with pytest.raises(Geweigerd, match="De plaats is te lang"):
        notulist.gegevens(plaats="x" * 121)
    notulist.gegevens(begintijd="")  # back to the recorded moment (none: the meeting never started)
    assert dienst.lezen.notulen(overleg.meeting_id).begintijd == ""


def test_alleen_de_notulist_corrigeert_de_gegevens(dienst, overleg):
    deelnemer = dienst.aanmelding.aanmelden(overleg.meeting_id, "Ans", "Politie", "politie")
    for token in (overleg.facilitator_token, overleg.projector_token, overleg.join_code, str(deelnemer), ""):
        with pytest.raises(Geweigerd, match=r"Alleen de notulist mag dit doen\."):
            dienst.notulist(token).gegevens(plaats="mag niet")
    assert dienst.lezen.notulen(overleg.meeting_id).plaats == ""


def test_voorzitter_en_notulist_uit_hun_rol_zonder_namen(dienst, overleg):
    m = overleg.meeting_id
    dienst.aanmelding.aanmelden(m, "Joke Hermans", "Gemeente, wijkbureau", "gemeente", rol="notulist")
    assert dienst.lezen.notulen(m).notulist == "Gemeente, wijkbureau"  # organisations only by default
    dienst.notulist(overleg.secretary_token).namen_in_notulen(True)
    assert dienst.lezen.notulen(m).notulist == "Joke Hermans"
