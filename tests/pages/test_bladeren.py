"""Pages of a long beamer list: which page shows, and what its heading says."""

from __future__ import annotations

from buurtoverleg.pages.bladeren import BLADER_SECONDEN, RONDE, blad, paginanummer


def test_kop_en_inhoud_van_elke_pagina() -> None:
    twintig = list(range(1, 21))
    assert [blad(twintig, 8, p).kop("signaal", "signalen") for p in range(4)] == [
        "signalen 1–7 van 20",
        "signalen 8–14 van 20",
        "signalen 15–20 van 20",
        "signalen 1–7 van 20",  # the page number wraps around the list
    ]
    assert blad(twintig, 8, 2).items == (15, 16, 17, 18, 19, 20)
    assert [len(blad(list(range(11)), 10, p).items) for p in range(2)] == [6, 5], "even pages, no lonely last one"
    assert blad(twintig, 20, 3).kop("signaal", "signalen") == "20 signalen"
    assert blad([1], 8, 5).kop("signaal", "signalen") == "1 signaal"
    assert blad([], 8, 0).kop("signaal", "signalen") == "0 signalen"


def test_pagina_draait_met_de_klok_tenzij_gekozen() -> None:
    assert paginanummer(None, 0.0) == 0
    assert paginanummer(None, BLADER_SECONDEN - 0.1) == 0
    assert paginanummer(None, BLADER_SECONDEN) == 1
    assert paginanummer(None, BLADER_SECONDEN * RONDE) == 0
    assert paginanummer(4, 123456.0) == 4, "a page the facilitator chose stays"


def test_lange_acties_komen_met_minder_tegelijk_op_de_muur() -> None:
    """Short actions fit five to a page; long ones fewer, so the type stays at the minimum
    (the browser test `test_actiebladeren` measures twelve of 150 characters)."""
    from datetime import date

    from buurtoverleg.pages.adviesbeeld import acties_per_pagina
    from buurtoverleg.sessie.aanpak import ActieRegel

    def actie(wat: str, wie: str = "Buurtteam") -> ActieRegel:
        return ActieRegel(1, 1, wat, "", date(2099, 1, 1), "", "", wie, "", None, "open", None, None, "")

    assert acties_per_pagina([actie("Schouw in de portieken")] * 12) == 5
    assert acties_per_pagina([actie("x" * 80)] * 12) == 5  # two lines each
    assert acties_per_pagina([actie("x" * 150)] * 12) == 3  # four lines each
    assert acties_per_pagina([actie("kort", "y" * 200)] * 12) == 1  # a name of 200 characters: eight lines
    assert acties_per_pagina([]) == 5
