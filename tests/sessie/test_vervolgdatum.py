"""A follow-up meeting before the deadline of an open action gets a Dutch warning (issue 18)."""

from __future__ import annotations

from datetime import date

from buurtoverleg.sessie.dienst import Dienst
from buurtoverleg.sessie.vervolgdatum import datum_in, waarschuwing
from tests.sessie.test_aanpak import _actie


def test_datum_uit_de_afspraak() -> None:
    assert datum_in("Volgende bijeenkomst op 12-01-2027, 19.30 uur") == date(2027, 1, 12)
    assert datum_in("op 3/2/2027 in het buurthuis") == date(2027, 2, 3)
    assert datum_in("2027-03-01 om acht uur") == date(2027, 3, 1)
    assert datum_in("over drie maanden") is None
    assert datum_in("31-02-2027 of 01-03-2027") == date(2027, 3, 1)  # an impossible date is skipped


def test_vervolg_voor_de_deadline_geeft_een_waarschuwing(dienst: Dienst, overleg):  # type: ignore[no-untyped-def]
    m = overleg.meeting_id
    notulist = dienst.notulist(overleg.secretary_token).aanpak
    notulist.actie(_actie(wanneer="2027-01-15", terugkoppeling="2027-01-20"))
    notulist.actie(_actie(wat="Bewonersbrief", wanneer="2027-02-10", terugkoppeling=""))
    vervolg = notulist.besluit("Volgende bijeenkomst op 12-01-2027 in De Schakel", "vervolg")

    tekst = waarschuwing(dienst.lezen.besluiten(m), dienst.lezen.acties(m))
    assert tekst == (
        "Let op: de volgende bijeenkomst (12-01-2027) ligt vóór de deadline van 2 acties "
        "(de laatste op 10-02-2027). Kies een latere datum, of spreek af dat de volgende "
        "bijeenkomst alleen de voortgang bespreekt."
    )
    notulist.wijzig_besluit(vervolg, "Volgende bijeenkomst op 01-02-2027 in De Schakel")
    assert "vóór de deadline van 1 actie (de laatste op 10-02-2027)" in waarschuwing(
        dienst.lezen.besluiten(m), dienst.lezen.acties(m)
    )
    notulist.wijzig_besluit(vervolg, "Volgende bijeenkomst op 10-02-2027 in De Schakel")
    assert waarschuwing(dienst.lezen.besluiten(m), dienst.lezen.acties(m)) == ""  # on the deadline is fine
    notulist.wijzig_besluit(vervolg, "Volgende bijeenkomst in het voorjaar")
    assert waarschuwing(dienst.lezen.besluiten(m), dienst.lezen.acties(m)) == ""  # no date, nothing to compare
