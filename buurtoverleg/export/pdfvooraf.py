"""The A4 per member (seed 003, A2.1: 'ieder lid zet zijn antwoorden op één A4'): what one
member answered in the round vooraf, on exactly one page, to bring to the first meeting.

One page is the method's rule, so the page shrinks its type rather than run over: the answers
are limited in length (`sessie.vooraf.MAX_ANTWOORD`) and a page that is still too full is
scaled down as a whole (ReportLab's `KeepInFrame`, mode 'shrink'). The facilitator's download
is the same pages one after the other, one per member. Participant text is escaped (`_x`).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.pagesizes import A4 as A4_FORMAAT
from reportlab.platypus import Flowable, KeepInFrame, PageBreak, SimpleDocTemplate, Spacer, Table, TableStyle

from ..sessie.voorafstand import A4
from . import tekst as t
from .pdfopmaak import BOVEN, BREEDTE, HOOGTE, LIJN, MARGE, ONDER, VLAK, _p

LEEG = "(niet ingevuld)"


def a4_pdf(paginas: Sequence[A4]) -> bytes:
    """One page per member, in the given order; a PDF with one empty-answers page if none."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4_FORMAAT,
        leftMargin=MARGE,
        rightMargin=MARGE,
        topMargin=BOVEN,
        bottomMargin=ONDER,
        title="Vooraf: antwoorden per lid",
        author="Buurtoverleg",
    )
    verhaal: list[Flowable] = []
    for i, pagina in enumerate(paginas):
        if i:
            verhaal.append(PageBreak())
        verhaal.append(KeepInFrame(BREEDTE, HOOGTE, _pagina(pagina), mode="shrink"))
    if not verhaal:
        verhaal.append(_p("Nog niemand heeft zijn antwoorden ingeleverd."))
    document.build(verhaal)
    return buffer.getvalue()


def _pagina(a: A4) -> list[Flowable]:
    wie = a.naam + (f" · {a.organisatie}" if a.organisatie else "") + f" · {a.domein}"
    status = f"Ingeleverd op {t.moment(a.ingeleverd_op)}" if a.ingeleverd_op else "Concept: nog niet ingeleverd"
    delen: list[Flowable] = [
        _p(f"Vooraf: {a.naam}", "titel"),
        _p(f"Buurtoverleg {a.buurt}, {t.datum_lang(a.datum)}", "ondertitel"),
        _p(wie, "tekst"),
        _p(status, "klein"),
        Spacer(1, 4),
    ]
    for titel, vragen in a.groepen:
        delen.append(_p(titel, "h2"))
        for vraag, antwoord in vragen:
            delen.append(_p(vraag, "h3"))
            delen.append(_p(antwoord or LEEG, "tekst" if antwoord else "klein"))
    if a.inschattingen:
        delen.append(_p("Inschatting", "h2"))
        rijen = [
            [_p(vraag, "cel"), _p(keuze or LEEG, "celvet" if keuze else "celklein")] for vraag, keuze in a.inschattingen
        ]
        tabel = Table(rijen, colWidths=[BREEDTE * 0.6, BREEDTE * 0.4])
        tabel.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, LIJN),
                    ("BACKGROUND", (0, 0), (0, -1), VLAK),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        delen.append(tabel)
    return delen
