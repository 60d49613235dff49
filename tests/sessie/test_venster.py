"""A phone's window on a large room's signals (issue 22): the newest few and the viewer's own."""

from __future__ import annotations


def test_venster_geeft_de_nieuwste_en_de_eigen_in_de_volgorde_van_de_zaal(dienst, overleg):  # type: ignore[no-untyped-def]
    m, t = overleg.meeting_id, overleg.facilitator_token
    ik = dienst.aanmelding.aanmelden(m, "Ik", "", "bewoner")
    buren = [dienst.aanmelding.aanmelden(m, f"Buur {i}", "", "gemeente") for i in range(3)]
    dienst.leiding(t).start()
    dienst.leiding(t).volgende()
    dienst.leiding(t).volgende()
    eigen = dienst.deelnemer(m, ik).signaal("test-signalen", "waarneming", "Mijn signaal")
    ids = [dienst.deelnemer(m, buren[n % 3]).signaal("test-signalen", "duiding", f"Signaal {n}") for n in range(9)]
    dienst.deelnemer(m, buren[0]).herken(ids[-1])
    dienst.deelnemer(m, ik).herken(ids[-1])

    zaal = dienst.lezen.zaalsignalen(m, vraag_id="test-signalen")
    kaarten, eerder = zaal.venster(ik, 3)
    assert [k.id for k in kaarten] == [eigen, *ids[-3:]], "own first (oldest), then the newest three in order"
    assert eerder == 6
    assert kaarten[0].eigen and not any(k.eigen for k in kaarten[1:])
    assert kaarten[-1].herkend == 2 and kaarten[-1].herkend_door_mij
    assert zaal.venster(ik, 100) == (zaal.voor(ik), 0), "a window as large as the room is the room"
    kaarten, eerder = zaal.venster(buren[1], 0)
    assert [k.tekst for k in kaarten] == ["Signaal 1", "Signaal 4", "Signaal 7"] and eerder == 7
