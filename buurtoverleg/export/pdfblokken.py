"""The building blocks the sections are made of: tables, boxes, lists and the bar chart."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, ListFlowable, ListItem, Table, TableStyle

from ..sessie.notulen import Vraagverslag
from .pdfopmaak import BLAUW, BREEDTE, FONT, GRIJS, HOOGTE, LICHTBLAUW, LIJN, VET, VLAK, _cel, _p, _plat
from .pdfpagina import _Kop


class _Tabel(Table):
    """A table that splits between rows, and inside a row only when this page is nearly empty:
    a row taller than a page (anyone can type one) then still goes on, while an ordinary row
    that does not fit at the bottom of a page moves to the next one whole."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.splitInRow = 1 if availHeight > 0.7 * HOOGTE else 0
        return super().split(availWidth, availHeight)


def _tabel(kop: Sequence[str], rijen: Sequence[Sequence[Any]], breedtes: Sequence[float], zebra: bool = True) -> Table:
    """A table whose header repeats on every page it runs over; cells wrap, and a row taller
    than a page splits inside the row (`_Tabel`): no text anyone can type makes the minutes
    impossible to lay out."""
    data = [[_p(k, "kopcel") for k in kop]]
    for rij in rijen:
        data.append([c if isinstance(c, Flowable | list) else _p(_cel(c), "cel") for c in rij])
    tabel = _Tabel(data, colWidths=[b * BREEDTE for b in breedtes], repeatRows=1, hAlign="LEFT")
    stijl = [
        ("BACKGROUND", (0, 0), (-1, 0), BLAUW),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, LIJN),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if zebra:
        stijl += [("BACKGROUND", (0, i), (-1, i), VLAK) for i in range(2, len(data), 2)]
    tabel.setStyle(TableStyle(stijl))
    return tabel


def _h2(titel: str) -> list[Flowable]:
    return [CondPageBreak(30 * mm), _Kop(titel, 1)]


def _sleuteltabel(rijen: Iterable[Sequence[Any]], breedtes: Sequence[float] = (0.2, 0.8)) -> Table:
    """Label-text pairs without lines: a row is (label, text) or (label, text, label, text)."""
    data = [
        [
            (c if isinstance(c, Flowable) else _p(_cel(c), "sleutel" if i % 2 == 0 else "waarde"))
            for i, c in enumerate(rij)
        ]
        for rij in rijen
    ]
    tabel = _Tabel(data, colWidths=[b * BREEDTE for b in breedtes], hAlign="LEFT")
    tabel.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return tabel


def _kader(inhoud: list[Flowable], achtergrond: colors.Color, rand: colors.Color) -> Table:
    tabel = _Tabel([[inhoud]], colWidths=[BREEDTE], hAlign="LEFT")
    tabel.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), achtergrond),
                ("LINEBEFORE", (0, 0), (0, -1), 2, rand),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return tabel


def _opsomming(items: Iterable[Flowable]) -> ListFlowable:
    return ListFlowable(
        [ListItem(i, leftIndent=12) for i in items],
        bulletType="bullet",
        start="•",
        leftIndent=12,
        bulletFontName=FONT,
        bulletFontSize=9,
        bulletOffsetY=-1,
    )


def _staafdiagram(v: Vraagverslag) -> Drawing | None:
    """Horizontal bars per option, one bar per round (earlier rounds lighter)."""
    rondes = len(v.rondes)
    if not v.opties or rondes == 0:
        return None
    hoogste = max((max(o.aantallen) for o in v.opties), default=0)
    if hoogste == 0:
        return None
    labelbreedte, getalbreedte = 0.40 * BREEDTE, 24
    balkruimte = BREEDTE - labelbreedte - getalbreedte - 8
    balk, tussen, grootte = 6.5, 1.5, 7.5
    regels = [simpleSplit(_plat(o.titel), FONT, grootte, labelbreedte - 6)[:2] or [""] for o in v.opties]
    for lijst, optie in zip(regels, v.opties, strict=False):
        volledig = simpleSplit(_plat(optie.titel), FONT, grootte, labelbreedte - 6)
        if len(volledig) > 2:
            lijst[-1] = _afkappen(lijst[-1] + " " + " ".join(volledig[2:]), labelbreedte - 6, grootte)
    rijhoogtes = [max(rondes * (balk + tussen), len(r) * (grootte + 1.5)) + 3 for r in regels]
    legenda = 14 if rondes > 1 else 0
    hoogte = sum(rijhoogtes) + legenda + 2
    tekening = Drawing(BREEDTE, hoogte)
    kleuren = [LICHTBLAUW] * (rondes - 1) + [BLAUW]
    y = hoogte - legenda
    for optie, lijst, rijhoogte in zip(v.opties, regels, rijhoogtes, strict=False):
        y -= rijhoogte
        midden = y + rijhoogte / 2
        tekstblok = len(lijst) * (grootte + 1.5)
        for i, regel in enumerate(lijst):
            tekening.add(
                String(
                    0,
                    midden + tekstblok / 2 - (i + 1) * (grootte + 1.5) + 2,
                    regel,
                    fontName=FONT,
                    fontSize=grootte,
                    fillColor=colors.black,
                )
            )
        blokhoogte = rondes * (balk + tussen) - tussen
        by = midden + blokhoogte / 2 - balk
        for r, aantal in enumerate(optie.aantallen):
            lengte = balkruimte * aantal / hoogste
            tekening.add(Rect(labelbreedte, by, balkruimte, balk, fillColor=VLAK, strokeColor=None))
            if lengte > 0:
                tekening.add(Rect(labelbreedte, by, lengte, balk, fillColor=kleuren[r], strokeColor=None))
            tekening.add(
                String(
                    labelbreedte + balkruimte + 4,
                    by + 1,
                    str(aantal),
                    fontName=VET if r == rondes - 1 else FONT,
                    fontSize=grootte - 0.5,
                    fillColor=colors.black if r == rondes - 1 else GRIJS,
                )
            )
            by -= balk + tussen
    if rondes > 1:
        x = labelbreedte
        for r, ronde in enumerate(v.rondes):
            tekening.add(Rect(x, hoogte - 9, 8, 7, fillColor=kleuren[r], strokeColor=None))
            label = f"ronde {ronde.ronde}"
            tekening.add(String(x + 11, hoogte - 8, label, fontName=FONT, fontSize=7.5, fillColor=GRIJS))
            x += 20 + stringWidth(label, FONT, 7.5)
    return tekening


def _afkappen(tekst: str, breedte: float, grootte: float) -> str:
    if stringWidth(tekst, FONT, grootte) <= breedte:
        return tekst
    while tekst and stringWidth(tekst + "…", FONT, grootte) > breedte:
        tekst = tekst[:-1]
    return tekst.rstrip() + "…"
