"""'Herken ik' and 'herken ik niet', and the room's picture of which domains recognise what."""

from __future__ import annotations

from buurtoverleg.sessie.herkenning import ALLEEN, DEELS, GEDEELD, SPLITST, bouw


def _signaalstap(dienst, overleg):  # type: ignore[no-untyped-def]
    m, t = overleg.meeting_id, overleg.facilitator_token
    zaal = {
        "agent": dienst.aanmelding.aanmelden(m, "Agent", "Politie", "politie"),
        "opbouw": dienst.aanmelding.aanmelden(m, "Opbouw", "Buurtteam", "welzijn"),
        "jongeren": dienst.aanmelding.aanmelden(m, "Jongeren", "JoU", "jongerenwerk"),
    }
    dienst.leiding(t).start()
    dienst.leiding(t).volgende()
    dienst.leiding(t).volgende()
    return m, {k: dienst.deelnemer(m, v) for k, v in zaal.items()}


def test_herken_ik_niet_sluit_herken_ik_uit_en_telt_apart(dienst, overleg):
    m, tel = _signaalstap(dienst, overleg)
    signaal = tel["agent"].signaal("test-signalen", "waarneming", "Vernielde fietsen")
    assert tel["opbouw"].herken(signaal) is True
    assert tel["opbouw"].herken_niet(signaal) is True, "switches over: one mark per person"
    assert tel["jongeren"].herken_niet(signaal) is True
    (kaart,) = dienst.lezen.signalen(m, kijker=dienst.lezen.vergadering(m).deelnemers[1].id)
    assert (kaart.herkend, kaart.niet_herkend) == (0, 2)
    assert kaart.niet_herkend_door_mij and not kaart.herkend_door_mij
    assert tel["jongeren"].herken_niet(signaal) is False, "tapping it again takes it back"
    (kaart,) = dienst.lezen.signalen(m)
    assert (kaart.herkend, kaart.niet_herkend) == (0, 1)


def test_herkenningsbeeld_van_de_zaal(dienst, overleg):
    m, tel = _signaalstap(dienst, overleg)
    iedereen = tel["agent"].signaal("test-signalen", "waarneming", "Meer meldingen in de buurtapp")
    tel["opbouw"].herken(iedereen)
    tel["jongeren"].herken(iedereen)
    alleen = tel["agent"].signaal("test-signalen", "duiding", "Incidenten rond het speelveld verwacht")
    splijt = tel["opbouw"].signaal("test-signalen", "duiding", "Het gaat om eenzaamheid, niet om onveiligheid")
    tel["agent"].herken_niet(splijt)
    deels = tel["jongeren"].signaal("test-signalen", "waarneming", "Jongeren bij het plein")
    tel["opbouw"].herken(deels)

    beeld = dienst.lezen.herkenning(m)
    assert beeld.aanwezig == ("politie", "welzijn", "jongerenwerk")
    assert [h.signaal_id for h in beeld.splitst] == [splijt]
    assert beeld.splitst[0].herkend_door == ("welzijn",) and beeld.splitst[0].niet_herkend_door == ("politie",)
    assert [h.signaal_id for h in beeld.gedeeld] == [iedereen]
    assert [(h.signaal_id, h.kop) for h in beeld.alleen] == [(alleen, "alleen gezien door Politie")]
    assert beeld.deels == 1


def test_splitsende_signalen_eerst_de_meest_gelijk_verdeelde():
    zaal = {"politie", "welzijn", "zorg", "onderwijs"}
    signalen = [(1, "waarneming", "a", "politie"), (2, "waarneming", "b", "politie"), (3, "duiding", "c", None)]
    markeringen = [
        (1, "welzijn", False),
        (2, "welzijn", False),
        (2, "zorg", False),
        (2, "onderwijs", True),
        (3, "zorg", True),
        (3, "zorg", False),  # split within a domain: someone there saw it
    ]
    beeld = bouw(signalen, markeringen, zaal)
    assert [h.signaal_id for h in beeld.splitst] == [2, 1]
    assert [h.groep for h in (*beeld.splitst, *beeld.alleen)] == [SPLITST, SPLITST, ALLEEN]
    assert beeld.alleen[0].herkend_door == ("zorg",)
    alleen_ik = bouw([(1, "waarneming", "a", "politie")], [], {"politie"})
    assert alleen_ik.deels == 1 and not alleen_ik.alleen, "one domain in the room: no blind spot to show"
    allen = bouw([(1, "waarneming", "a", "politie")], [(1, "zorg", True)], {"politie", "zorg"})
    assert [h.groep for h in allen.gedeeld] == [GEDEELD]
    assert DEELS == "deels herkend"
