"""A long action list on the beamer comes in pages ("acties 1–4 van 12"), like the signals,
instead of shrinking below the back row's type: twelve long actions at 1024x768 and
1920x1080, measured with the beamer's own fit measure. Screenshots: test-artefacten/acties-*.png."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from tests.pages.browser import TEST_INHOUD, Browser, Server, draai_server, maak_browser, waarom_overslaan
from tests.pages.test_beamer_past import MEET, NA_HET_PASSEN

REDEN = waarom_overslaan()
pytestmark = [pytest.mark.browser, pytest.mark.skipif(REDEN is not None, reason=REDEN or "")]

MATEN = ((1024, 768), (1920, 1080))
WIE = (
    "Buurtteam Welzijn Zuid met de wijkagent",
    "Woningcorporatie Mitros, afdeling leefbaarheid",
    "Gemeente Utrecht, wijkbureau Overvecht",
)


def _wat(i: int) -> str:
    return (
        f"Actie {i}: portiekgesprekken in blok {i} van de Marnixlaan met bewoners, beheerder en"
        " jongerenwerk, en een terugblik op de afspraken over geluid en de galerij"
    )


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with draai_server(tmp_path_factory.mktemp("server")) as s:
        yield s


def _gemeten(beamer: Browser, maat: tuple[int, int]) -> dict:  # type: ignore[type-arg]
    uitkomst = beamer.driver.execute_async_script(NA_HET_PASSEN, f"{maat[0]}x{maat[1]}", MEET)
    assert uitkomst is not None, f"de beamer paste zich niet aan {maat} aan"
    return dict(uitkomst)


def test_twaalf_lange_acties_komen_in_paginas_op_leesbare_letter(server: Server) -> None:
    from buurtoverleg import content
    from buurtoverleg.samenstelling import maak_dienst
    from buurtoverleg.sessie.gebeurtenissen import LokaleBus
    from buurtoverleg.storage import Database

    dienst = maak_dienst(Database(server.database_url), content.laad(TEST_INHOUD), LokaleBus())
    links = dienst.aanmelding.maak("Overvecht", date(2026, 12, 2), "tpl-analyse-kort")
    leiding = dienst.leiding(links.facilitator_token)
    leiding.start()
    leiding.ga_naar(6)  # "Acties afspreken"
    for i in range(1, 13):
        leiding.aanpak.actie({"wat": _wat(i), "uitvoerder": WIE[i % 3], "wanneer": f"2099-{(i - 1) % 12 + 1:02d}-15"})
    assert len(dienst.lezen.acties(links.meeting_id)) == 12

    metingen = {}
    for pagina, (eerste, laatste) in ((0, (1, 3)), (3, (10, 12))):
        leiding.blader(pagina)  # pinned, as the facilitator's console does: no turn mid-measurement
        for breedte, hoogte in MATEN:
            beamer = maak_browser(f"acties-{breedte}", breedte, hoogte)
            try:
                beamer.open(f"{server.url}/scherm/{links.projector_token}")
                beamer.zie(f"acties {eerste}–{laatste} van 12")
                beamer.zie(_wat(eerste))
                beamer.zie(_wat(laatste))
                tekst = beamer.tekst()
                anderen = [i for i in range(1, 13) if not eerste <= i <= laatste]
                assert not any(f"Actie {i}:" in tekst for i in anderen), tekst  # one page at a time
                meting = _gemeten(beamer, (breedte, hoogte))
                metingen[(pagina, breedte)] = meting
                beamer.screenshot(f"acties-blad-{pagina + 1}-{breedte}x{hoogte}")
            finally:
                beamer.sluit()
    print(f"actielijst in pagina's: {metingen}")
    for meting in metingen.values():
        assert not meting["fouten"], meting
        assert not meting["onder"], meting  # not below the minimum type: the pages carry the length
