"""The beamer's own state from the console: on black and back, and the page of a long list."""

from __future__ import annotations

import pytest

from buurtoverleg.sessie.dienst import Dienst
from buurtoverleg.sessie.fouten import Geweigerd
from buurtoverleg.sessie.gebeurtenissen import Gebeurtenis


def test_op_zwart_en_terug_is_een_beamer_gebeurtenis(
    dienst: Dienst, overleg, gebeurtenissen: list[Gebeurtenis]
) -> None:  # type: ignore[no-untyped-def]
    leiding = dienst.leiding(overleg.facilitator_token)
    assert dienst.lezen.vergadering(overleg.meeting_id).beamer_zwart is False
    leiding.beamer_zwart(True)
    v = dienst.lezen.vergadering(overleg.meeting_id)
    assert v.beamer_zwart is True
    assert gebeurtenissen[-1].soort == "beamer"
    assert gebeurtenissen[-1].versie == v.versie
    leiding.beamer_zwart(False)
    assert dienst.lezen.vergadering(overleg.meeting_id).beamer_zwart is False


def test_gekozen_pagina_geldt_tot_de_volgende_stap(dienst: Dienst, overleg) -> None:  # type: ignore[no-untyped-def]
    leiding = dienst.leiding(overleg.facilitator_token)
    leiding.start()
    leiding.blader(3)
    assert dienst.lezen.vergadering(overleg.meeting_id).beamer_pagina == 3
    leiding.blader(None)
    assert dienst.lezen.vergadering(overleg.meeting_id).beamer_pagina is None
    leiding.blader(1)
    leiding.volgende()
    assert dienst.lezen.vergadering(overleg.meeting_id).beamer_pagina is None, "een nieuwe stap begint op pagina 1"
    with pytest.raises(Geweigerd, match="pagina"):
        leiding.blader(-1)
