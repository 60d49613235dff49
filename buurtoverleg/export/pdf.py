"""The minutes as a PDF a municipality can send out: A4, Dutch, ReportLab platypus.

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

import io
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any
from xml.sax.saxutils import escape

import reportlab
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import registerFont, registerFontFamily, stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ..sessie.notulen import Actieregel, Notulen, Signaalregel, Stapverslag, Vraagverslag
from . import tekst as t

FONT, VET, SCHUIN, VETSCHUIN = "Vera", "VeraBd", "VeraIt", "VeraBI"
_FONTMAP = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
for _naam in (FONT, VET, SCHUIN, VETSCHUIN):
    registerFont(TTFont(_naam, os.path.join(_FONTMAP, f"{_naam}.ttf")))
registerFontFamily(FONT, normal=FONT, bold=VET, italic=SCHUIN, boldItalic=VETSCHUIN)
_TEKENS = frozenset(TTFont(FONT, os.path.join(_FONTMAP, f"{FONT}.ttf")).face.charToGlyph)
"""The code points Vera has a glyph for (its bold and italic cuts cover the same set)."""
BLAUW = colors.HexColor("#1d4e89")
LICHTBLAUW = colors.HexColor("#9db7d5")
GRIJS = colors.HexColor("#5f6368")
LIJN = colors.HexColor("#c7ccd1")
VLAK = colors.HexColor("#eef2f7")
NOTITIE = colors.HexColor("#fbf6e6")
ROOD = colors.HexColor("#b3261e")
GROEN = colors.HexColor("#1b6e3a")

MARGE = 20 * mm
BREEDTE = A4[0] - 2 * MARGE - 12  # the frame keeps 6 pt padding on each side

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
    "kopcel": ParagraphStyle("kopcel", fontName=VET, fontSize=8.5, leading=11, textColor=colors.white),
    "sleutel": ParagraphStyle("sleutel", fontName=VET, fontSize=9, leading=12, textColor=GRIJS),
    "waarde": ParagraphStyle("waarde", fontName=FONT, fontSize=9, leading=12),
    "vertrouwelijk": ParagraphStyle("vertrouwelijk", fontName=VET, fontSize=9, leading=12, textColor=ROOD),
    "uitkomst": ParagraphStyle("uitkomst", fontName=VET, fontSize=9.5, leading=13, spaceBefore=2, spaceAfter=4),
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


# ---------------------------------------------------------------------- page frame


class _Kop(Paragraph):
    """A heading that also becomes a PDF bookmark."""

    def __init__(self, tekst: str, niveau: int) -> None:
        super().__init__(_x(tekst), STIJL["h1" if niveau == 0 else "h2"])
        self.niveau = niveau
        self.kale_tekst = _plat(tekst)


def _canvasmaker(n: Notulen):  # type: ignore[no-untyped-def]
    voet = _plat(t.voetregel(n))
    concept = n.versie is None

    class Pagineer(pdfcanvas.Canvas):
        """Collects the pages first, so every footer can say 'pagina X van Y'."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._paginas: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._paginas.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            totaal = len(self._paginas)
            for staat in self._paginas:
                self.__dict__.update(staat)
                self._rand(totaal)
                super().showPage()
            super().save()

        def _rand(self, totaal: int) -> None:
            breedte, _hoogte = A4
            self.saveState()
            self.setStrokeColor(LIJN)
            self.setLineWidth(0.5)
            self.line(MARGE, 14 * mm, breedte - MARGE, 14 * mm)
            self.setFont(FONT, 8)
            self.setFillColor(GRIJS)
            self.drawString(MARGE, 10 * mm, voet)
            self.drawRightString(breedte - MARGE, 10 * mm, f"pagina {self._pageNumber} van {totaal}")
            if concept:
                self.setFont(VET, 8)
                self.setFillColor(ROOD)
                self.drawRightString(breedte - MARGE, A4[1] - 12 * mm, "CONCEPT")
            self.restoreState()

    return Pagineer


class _Document(SimpleDocTemplate):
    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _Kop):
            sleutel = f"kop{id(flowable)}"
            self.canv.bookmarkPage(sleutel)
            self.canv.addOutlineEntry(flowable.kale_tekst, sleutel, level=flowable.niveau, closed=False)


# ---------------------------------------------------------------------- building blocks


def _tabel(kop: Sequence[str], rijen: Sequence[Sequence[Any]], breedtes: Sequence[float], zebra: bool = True) -> Table:
    """A table whose header repeats on every page it runs over; cells wrap."""
    data = [[_p(k, "kopcel") for k in kop]]
    for rij in rijen:
        data.append([c if isinstance(c, Flowable | list) else _p(c, "cel") for c in rij])
    tabel = Table(data, colWidths=[b * BREEDTE for b in breedtes], repeatRows=1, hAlign="LEFT")
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


def _sleuteltabel(paren: Iterable[tuple[str, Any]]) -> Table:
    data = [[_p(k, "sleutel"), v if isinstance(v, Flowable) else _p(v, "waarde")] for k, v in paren]
    tabel = Table(data, colWidths=[0.24 * BREEDTE, 0.76 * BREEDTE], hAlign="LEFT")
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
    tabel = Table([[inhoud]], colWidths=[BREEDTE], hAlign="LEFT")
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
    balk, tussen, grootte = 7.5, 1.5, 8
    regels = [simpleSplit(_plat(o.titel), FONT, grootte, labelbreedte - 6)[:2] or [""] for o in v.opties]
    for lijst, optie in zip(regels, v.opties, strict=False):
        volledig = simpleSplit(_plat(optie.titel), FONT, grootte, labelbreedte - 6)
        if len(volledig) > 2:
            lijst[-1] = _afkappen(lijst[-1] + " " + " ".join(volledig[2:]), labelbreedte - 6, grootte)
    rijhoogtes = [max(rondes * (balk + tussen), len(r) * (grootte + 1.5)) + 5 for r in regels]
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


# ---------------------------------------------------------------------- sections


def _titelblok(n: Notulen) -> list[Flowable]:
    blok: list[Flowable] = [
        _p(t.TITEL.upper(), "klein"),
        _p(n.buurt, "titel"),
        _p(n.template_titel, "ondertitel"),
    ]
    paren: list[tuple[str, Any]] = [
        ("Datum", t.datum_lang(n.datum)),
        ("Status", t.statusregel(n)),
    ]
    if n.aanwezig:
        paren.append(("Aanwezig", t.aanwezigregel(n)))
    if n.vorig_overleg:
        paren.append(("Vorig overleg", n.vorig_overleg))
    paren.append(("Privacy", t.privacyregel(n)))
    if n.vertrouwelijk:
        paren.append(
            (
                "Vertrouwelijk",
                _p(
                    "Vertrouwelijk: alleen voor de deelnemers aan dit overleg; niet verder verspreiden.",
                    "vertrouwelijk",
                ),
            )
        )
    blok.append(_sleuteltabel(paren))
    blok.append(Spacer(1, 4))
    return blok


def _aanwezig(n: Notulen) -> list[Flowable]:
    if not n.aanwezig:
        return [_p("Geen aanwezigen geregistreerd.")]
    met_namen = n.namen
    kop = ["Organisatie", "Domein", "Rol", "Aantal"] + (["Namen"] if met_namen else [])
    breedtes = [0.33, 0.19, 0.12, 0.1, 0.26] if met_namen else [0.47, 0.25, 0.16, 0.12]
    rijen = [
        [a.organisatie or "(geen organisatie opgegeven)", a.domein, a.rol, str(a.aantal)]
        + ([", ".join(a.namen)] if met_namen else [])
        for a in n.aanwezig
    ]
    return [_tabel(kop, rijen, breedtes), Spacer(1, 2), _p(t.privacyregel(n), "klein")]


def _stap(s: Stapverslag) -> list[Flowable]:
    kop = _p(t.stapkop(s), "h2")
    if not s.behandeld:
        return [KeepTogether([kop, _p("Niet behandeld.", "klein")])]
    delen: list[Flowable] = []
    for v in s.vragen:
        delen += _vraag(v)
    if s.notitie:
        delen.append(
            _kader([_p("Notitie van de notulist", "sleutel"), _p(s.notitie)], NOTITIE, colors.HexColor("#c9a227"))
        )
        delen.append(Spacer(1, 4))
    if not delen:
        delen = [_p("Behandeld; geen uitkomsten vastgelegd.", "klein")]
    # the step's heading stays with its first question (a heading never ends a page)
    eerste = delen[0]._content if isinstance(delen[0], KeepTogether) else [delen[0]]
    return [CondPageBreak(45 * mm), KeepTogether([kop, *eerste]), *delen[1:]]


def _vraag(v: Vraagverslag) -> list[Flowable]:
    if v.soort.alleen_gesprek:
        return [_pm(f"<i>Besproken:</i> {_x(v.vraag)}")]
    if v.soort.neemt_signalen:
        aantal = "1 signaal" if v.signalen == 1 else f"{v.signalen} signalen"
        return [
            _pm(f"<i>Gevraagd:</i> {_x(v.vraag)}"),
            _p(f"{aantal} ingebracht; zie {t.SIGNALEN}." if v.signalen else "Geen signalen ingebracht.", "klein"),
        ]
    blok: list[Flowable] = [_p(v.vraag, "h3")]
    if not v.rondes:
        blok.append(_p("Geen uitslag getoond.", "klein"))
    else:
        diagram = _staafdiagram(v)
        if diagram is not None:
            blok.append(diagram)
            blok.append(Spacer(1, 3))
        for r in v.rondes:
            kleur = {"verdeeld": ROOD, "eensgezind": GROEN}.get(r.oordeel)
            regel = _x(t.rondekop(v, r))
            if kleur is not None and r.samenvatting:
                regel = regel.replace(
                    _x(r.samenvatting), f'<font color="{kleur.hexval()}">{_x(r.samenvatting)}</font>', 1
                )
            blok.append(_pm(regel, "tekst"))
            if r.verschillen and r.oordeel:
                blok.append(
                    _pm(
                        "<i>Verschil tussen domeinen:</i><br/>"
                        + "<br/>".join(f"&nbsp;&nbsp;&nbsp;– {_x(x)}" for x in r.verschillen),
                        "klein",
                    )
                )
    regel = t.uitkomstregel(v)
    if regel:
        blok.append(_p(regel, "uitkomst"))
    return [KeepTogether(blok)]  # question, chart, rounds and outcome on one page (split only if taller)


def _signalen(titel: str, regels: Sequence[Signaalregel]) -> list[Flowable]:
    kop = _h2(titel)
    if not regels:
        return [*kop, _p(f"Geen {titel.lower()} vastgelegd.", "klein")]
    vragen = list(dict.fromkeys(r.vraag for r in regels))
    uit: list[Flowable] = [*kop]
    for vraag in vragen:
        groep = [r for r in regels if r.vraag == vraag]
        if len(vragen) > 1 and vraag:
            uit.append(_pm(f"<i>{_x(vraag)}</i>", "klein"))
        rijen = [
            [str(i), r.tekst + (" (geverifieerd)" if r.geverifieerd else ""), t.signaalbron(r), str(r.herkend)]
            for i, r in enumerate(groep, start=1)
        ]
        uit.append(_tabel(["Nr", "Signaal", "Ingebracht door", "Herkend"], rijen, [0.06, 0.58, 0.24, 0.12]))
        uit.append(Spacer(1, 4))
    uit.append(_p("Herkend: hoeveel anderen in de zaal het signaal herkenden.", "klein"))
    return uit


def _aanpak(n: Notulen) -> list[Flowable]:
    uit: list[Flowable] = [*_h2(t.GEKOZEN)]
    if n.gekozen:
        uit.append(
            _tabel(
                ["Soort", "Gekozen", "Waarom"],
                [[k.soort, k.titel, k.reden or "-"] for k in n.gekozen],
                [0.2, 0.38, 0.42],
            )
        )
    else:
        uit.append(_p("Nog niets gekozen.", "klein"))
    uit += _h2(t.AFGEWEZEN)
    if n.afgewezen:
        uit.append(
            _tabel(
                ["Soort", "Niet gekozen", "Waarom niet"],
                [[k.soort, k.titel, k.reden or "-"] for k in n.afgewezen],
                [0.2, 0.38, 0.42],
            )
        )
    else:
        uit.append(_p("Geen voorstellen afgewezen.", "klein"))
    if n.beleid:
        uit += _h2(t.BELEID)
        for b in n.beleid:
            uit.append(
                KeepTogether(
                    [
                        _p(b.richting, "h3"),
                        _sleuteltabel(
                            [
                                ("Al gedekt", b.gedekt or "-"),
                                ("Voldoende?", b.voldoende),
                                ("Witte vlekken", b.witte_vlekken or "-"),
                                ("Nodige sectoren", b.sectoren or "-"),
                                ("Betrokken?", b.betrokken),
                            ]
                        ),
                    ]
                )
            )
    return uit


def _besluiten(n: Notulen) -> list[Flowable]:
    if not n.besluiten:
        return [_p("Geen besluiten vastgelegd.", "klein")]
    rijen = [[str(i), b.soort, b.tekst, b.toelichting or "-"] for i, b in enumerate(n.besluiten, start=1)]
    return [_tabel(["Nr", "Soort", "Besluit", "Toelichting"], rijen, [0.05, 0.2, 0.41, 0.34])]


def _actiecel(a: Actieregel) -> list[Flowable]:
    cel: list[Flowable] = [_p(a.wat, "celvet")]
    for label, waarde in t.actiedetails(a):
        cel.append(_pm(f"<font color='#5f6368'>{label}:</font> {_x(waarde)}", "cel"))
    return cel


def _acties(n: Notulen) -> list[Flowable]:
    if not n.acties:
        return [_p("Geen acties afgesproken.", "klein")]
    rijen = [
        [str(a.nr), _actiecel(a), t.wie(a), t.datum_kort(a.wanneer), t.datum_kort(a.terugkoppeling) or "-"]
        for a in n.acties
    ]
    return [
        _tabel(
            ["Nr", "Actie (wat, resultaat, activiteit, doelgroep)", "Wie", "Gereed", "Terugkoppeling"],
            rijen,
            [0.05, 0.41, 0.2, 0.14, 0.2],
        )
    ]


def _terugblik(n: Notulen) -> list[Flowable]:
    uit: list[Flowable] = []
    if n.vorig_overleg:
        uit.append(_p(f"Acties uit het overleg van {n.vorig_overleg}."))
    if not n.terugblik:
        return uit + [_p("Geen open acties uit het vorige overleg.", "klein")]
    rijen = [
        [str(a.nr), _actiecel(a), t.wie(a), t.datum_kort(a.wanneer), a.status, a.toelichting or "-"]
        for a in n.terugblik
    ]
    uit.append(
        _tabel(["Nr", "Actie", "Wie", "Gereed", "Status", "Toelichting"], rijen, [0.06, 0.33, 0.16, 0.14, 0.11, 0.2])
    )
    return uit


def _afspraken(afspraken: Sequence[Any], leeg: str) -> list[Flowable]:
    if not afspraken:
        return [_p(leeg, "klein")]
    items = []
    for a in afspraken:
        markup = _x(a.tekst) + (f"<br/><font color='#5f6368'>{_x(a.toelichting)}</font>" if a.toelichting else "")
        items.append(_pm(markup))
    return [_opsomming(items)]


# ---------------------------------------------------------------------- the document


def verhaal(n: Notulen) -> list[Flowable]:
    """The flowables of the minutes, in order."""
    uit = _titelblok(n)
    if n.leeg:
        uit += [
            Spacer(1, 8),
            _p(t.LEEG + ".", "h1"),
            _p("Er zijn voor dit overleg nog geen aanwezigen, antwoorden, signalen, besluiten of acties vastgelegd."),
        ]
        return uit
    nummer = 0

    def kop(titel: str) -> list[Flowable]:
        """A numbered section heading; a new page first when less than 4 cm is left, so a
        heading never ends a page (keepWithNext would drag whole tables to the next page)."""
        nonlocal nummer
        nummer += 1
        return [CondPageBreak(40 * mm), _Kop(f"{nummer}. {titel}", 0)]

    uit += [*kop(t.SAMENVATTING), _p(n.samenvatting) if n.samenvatting else _p("Geen samenvatting opgesteld.", "klein")]
    uit += [*kop(t.AANWEZIG), *_aanwezig(n)]
    if t.TERUGBLIK in t.secties(n):
        uit += [*kop(t.TERUGBLIK), *_terugblik(n)]
    uit += kop(t.VERLOOP)
    for s in n.stappen:
        uit += _stap(s)
    uit += [*kop(t.SIGNALEN), *_signalen(t.WAARNEMINGEN, n.waarnemingen), *_signalen(t.DUIDINGEN, n.duidingen)]
    uit += [*kop(t.AANPAK), *_aanpak(n)]
    uit += [*kop(t.BESLUITEN), *_besluiten(n)]
    uit += [*kop(t.ACTIES), *_acties(n)]
    uit += [*kop(t.COMMUNICATIE), *_afspraken(n.communicatie, "Geen communicatieafspraken.")]
    uit += [*kop(t.VERVOLG), *_afspraken(n.vervolg, "Nog geen vervolg afgesproken.")]
    uit += [Spacer(1, 14), _p(f"Opgesteld met Buurtoverleg · {t.statusregel(n)}", "klein")]
    return uit


def maak_pdf(n: Notulen) -> bytes:
    buffer = io.BytesIO()
    doc = _Document(
        buffer,
        pagesize=A4,
        leftMargin=MARGE,
        rightMargin=MARGE,
        topMargin=18 * mm,
        bottomMargin=20 * mm,
        title=_plat(f"{t.TITEL} {n.buurt} {t.datum_kort(n.datum)}"),
        author="Buurtoverleg",
        subject=_plat(n.template_titel),
        creator="Buurtoverleg",
        lang="nl-NL",
    )
    doc.build(verhaal(n), canvasmaker=_canvasmaker(n))
    return buffer.getvalue()
