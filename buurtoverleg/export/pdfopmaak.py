"""The PDF's letter and look: font, colours, paragraph styles, and text made safe to print.

Font: Bitstream Vera, the TrueType family that ships inside ReportLab itself, embedded in the
PDF (subset), so nothing needs to be installed and the file looks the same on every reader.
Besides é ë ï € ‘ ’ “ ” – — … it has the letters of the Turkish, Polish and Czech names a
Dutch neighbourhood brings (Ayşe Yılmaz, Łukasz, Dvořák partly): Helvetica's WinAnsi lacked
those. What Vera lacks (some Polish letters, Arabic, emoji) would print as black boxes;
`_plat` folds it to the nearest plain letter (ń -> n) or '?'. The DOCX and JSON exports keep
the original text unchanged.

Participant text is always escaped before it goes into Paragraph markup: a '<b>' typed on
a phone prints as the four characters '<b>'.
"""

from __future__ import annotations

import os
import re
import unicodedata
from typing import Any
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import registerFont, registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph

from ..kleuren import KLEUR
from ..kleuren import OORDEELKLEUR as KLEUR_VAN_OORDEEL

FONT, VET, SCHUIN, VETSCHUIN = "Vera", "VeraBd", "VeraIt", "VeraBI"
_FONTMAP = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
for _naam in (FONT, VET, SCHUIN, VETSCHUIN):
    registerFont(TTFont(_naam, os.path.join(_FONTMAP, f"{_naam}.ttf")))
registerFontFamily(FONT, normal=FONT, bold=VET, italic=SCHUIN, boldItalic=VETSCHUIN)
_TEKENS = frozenset(TTFont(FONT, os.path.join(_FONTMAP, f"{FONT}.ttf")).face.charToGlyph)
"""The code points Vera has a glyph for (its bold and italic cuts cover the same set)."""
BLAUW = colors.HexColor(KLEUR["primair"])
LICHTBLAUW = colors.HexColor("#9db7d5")
GRIJS = colors.HexColor("#5f6368")
LIJN = colors.HexColor("#c7ccd1")
VLAK = colors.HexColor("#eef2f7")
NOTITIE = colors.HexColor("#fbf6e6")
ROOD = colors.HexColor(KLEUR["verdeeld"])
OORDEELKLEUR = {oordeel: colors.HexColor(kleur) for oordeel, kleur in KLEUR_VAN_OORDEEL.items()}
"""The verdict colours of the beamer and the console (`kleuren`), on paper."""

MARGE = 20 * mm
BREEDTE = A4[0] - 2 * MARGE - 12  # the frame keeps 6 pt padding on each side
BOVEN, ONDER = 18 * mm, 20 * mm
HOOGTE = A4[1] - BOVEN - ONDER - 12
"""The frame's height: what a fresh page offers a table."""

STIJL = {
    "titel": ParagraphStyle("titel", fontName=VET, fontSize=20, leading=24, textColor=BLAUW, spaceAfter=2),
    "ondertitel": ParagraphStyle("ondertitel", fontName=FONT, fontSize=12, leading=15, textColor=GRIJS, spaceAfter=10),
    "h1": ParagraphStyle("h1", fontName=VET, fontSize=13.5, leading=17, textColor=BLAUW, spaceBefore=14, spaceAfter=6),
    "h2": ParagraphStyle("h2", fontName=VET, fontSize=11, leading=14, spaceBefore=10, spaceAfter=4),
    "h3": ParagraphStyle("h3", fontName=VET, fontSize=9.5, leading=12.5, spaceBefore=6, spaceAfter=2, keepWithNext=1),
    "tekst": ParagraphStyle("tekst", fontName=FONT, fontSize=9.5, leading=13, spaceAfter=4),
    "klein": ParagraphStyle("klein", fontName=FONT, fontSize=8.5, leading=11, textColor=GRIJS, spaceAfter=2),
    "cel": ParagraphStyle("cel", fontName=FONT, fontSize=8.5, leading=11, alignment=TA_LEFT),
    "celvet": ParagraphStyle("celvet", fontName=VET, fontSize=8.5, leading=11),
    "celklein": ParagraphStyle("celklein", fontName=FONT, fontSize=7.5, leading=9.5, textColor=GRIJS),
    "notitie": ParagraphStyle(
        "notitie",
        fontName=FONT,
        fontSize=9,
        leading=12.5,
        backColor=NOTITIE,
        borderColor=colors.HexColor("#c9a227"),
        borderWidth=0,
        borderPadding=(4, 6, 4, 6),
        leftIndent=6,
        rightIndent=6,
        spaceBefore=4,
        spaceAfter=8,
    ),
    "kopcel": ParagraphStyle("kopcel", fontName=VET, fontSize=8.5, leading=11, textColor=colors.white),
    "sleutel": ParagraphStyle("sleutel", fontName=VET, fontSize=9, leading=12, textColor=GRIJS),
    "waarde": ParagraphStyle("waarde", fontName=FONT, fontSize=9, leading=12),
    "vertrouwelijk": ParagraphStyle("vertrouwelijk", fontName=VET, fontSize=9, leading=12, textColor=ROOD),
    "uitkomst": ParagraphStyle("uitkomst", fontName=VET, fontSize=9.5, leading=13, spaceBefore=2, spaceAfter=4),
    "opsomming": ParagraphStyle(
        "opsomming", fontName=FONT, fontSize=9.5, leading=13, spaceAfter=4, leftIndent=14, bulletIndent=3
    ),
    "opsomming-klein": ParagraphStyle(
        "opsomming-klein", fontName=FONT, fontSize=8.5, leading=11, textColor=GRIJS, spaceAfter=4, leftIndent=14
    ),
}

_VERVANG = {"‐": "-", "‑": "-", "−": "-", "′": "'", "″": '"', "→": "->", "✓": "v", "\u202f": " ", "\u2009": " "}


_EURO = re.compile(r"€ (?=\d)")


def _kan(tekst: str) -> bool:
    return all(ord(teken) in _TEKENS or teken in "\n\t" for teken in tekst)


def _plat(tekst: str) -> str:
    """Text Vera can print: keep what it has a glyph for, fold the rest."""
    uit = []
    for teken in tekst:
        if _kan(teken):
            uit.append(teken)
        elif teken in _VERVANG:
            uit.append(_VERVANG[teken])
        else:
            basis = "".join(c for c in unicodedata.normalize("NFKD", teken) if not unicodedata.combining(c))
            uit.append(basis if basis and _kan(basis) else "?")
    return "".join(uit)


def _x(tekst: Any) -> str:
    """Plain text -> safe Paragraph markup: folded, escaped, line breaks kept."""
    schoon = _EURO.sub("€\u00a0", _plat(str(tekst)))  # keep '€ 450' on one line
    return escape(schoon).replace("\n", "<br/>")


def _p(tekst: Any, stijl: str = "tekst") -> Paragraph:
    return Paragraph(_x(tekst), STIJL[stijl])


def _pm(markup: str, stijl: str = "tekst") -> Paragraph:
    """A paragraph from markup this module built itself (participant parts already escaped)."""
    return Paragraph(markup, STIJL[stijl])


CELREGELS = 12
"""A table cell keeps at most this many line breaks; more are joined with ' / ' (see `_cel`)."""
BLOKREGELS = 20


def _cel(tekst: Any) -> str:
    """Text for a table cell. A cell with hundreds of line breaks (anyone can type them) would
    make the row pages tall, and ReportLab's time to split a row grows with the square of its
    lines: past `CELREGELS` the lines are joined with ' / ', so every word still prints."""
    regels = str(tekst).split("\n")
    if len(regels) <= CELREGELS:
        return str(tekst)
    return " / ".join(r.strip() for r in regels if r.strip())


def _alineas(tekst: Any, stijl: str = "tekst", bullet: str | None = None) -> list[Flowable]:
    """Running text as paragraphs of at most `BLOKREGELS` lines each, which read as one: a single
    paragraph of thousands of lines takes minutes to split over pages (the time grows with
    the square of its lines), blocks of twenty take a moment."""
    regels = str(tekst).split("\n")
    basis = STIJL[stijl]
    if len(regels) <= 2 * BLOKREGELS:
        return [Paragraph(_x(tekst), basis, bulletText=bullet)]
    blokken = ["\n".join(regels[i : i + BLOKREGELS]) for i in range(0, len(regels), BLOKREGELS)]
    eerste = ParagraphStyle(f"{stijl}-eerste", parent=basis, spaceAfter=0)
    midden = ParagraphStyle(f"{stijl}-midden", parent=basis, spaceBefore=0, spaceAfter=0)
    laatste = ParagraphStyle(f"{stijl}-laatste", parent=basis, spaceBefore=0)
    uit: list[Flowable] = []
    for i, blok in enumerate(blokken):
        vorm = eerste if i == 0 else laatste if i == len(blokken) - 1 else midden
        uit.append(Paragraph(_x(blok), vorm, bulletText=bullet if i == 0 else None))
    return uit
