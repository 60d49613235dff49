"""The duidingsbeeld on paper: the beamer's picture (`pages.duidingsbeeld`) as a ReportLab
Drawing, so the minutes show where each domain stood, not only the verdict word.

Same data (`sessie.duidingsbeeld`), same colours (`kleuren.DOMEINKLEUR`), same marks: a row
per domain, a dot per answer on an ordered scale, a cell shaded by the domain's share for a
choice. On A4 the rounds stand one under the other (side by side they would not leave the
step names room to be read); the sentence of what differs follows as text (`pdf._vraag`),
so it can be searched and read aloud.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable

from ..kleuren import OORDEELKLEUR, domeinkleur, tekstkleur_op
from ..sessie.duidingsbeeld import Beeldronde, Duidingsbeeld
from ..sessie.herkenning import ALLEEN, SPLITST, Herkenningsbeeld, domeinnamen
from ..sessie.oordeel import rondenaam
from .pdfblokken import _opsomming
from .pdfopmaak import BREEDTE, FONT, VET, _p, _plat, _pm, _x

GROOTTE = 7.5
"""Font size of the picture's labels: the size of the minutes' small print."""
RIJ = 13.0
LABELBREEDTE = 120.0
MAX_STIPPEN = 5


def beeld_tekening(beeld: Duidingsbeeld) -> Drawing:
    """Every round of the picture, oldest first, each under its own heading when there are several."""
    kolombreedte = (BREEDTE - LABELBREEDTE) / max(1, len(beeld.opties))
    koppen = [simpleSplit(_plat(o), FONT, GROOTTE - 0.5, kolombreedte - 4)[:3] or [""] for o in beeld.opties]
    kophoogte = max(len(k) for k in koppen) * (GROOTTE + 1) + 3
    meer = len(beeld.rondes) > 1
    blokken = [(r, (RIJ + 2 if meer else 0) + kophoogte + RIJ * len(r.rijen) + 6) for r in beeld.rondes]
    hoogte = sum(h for _, h in blokken) + 12
    tekening = Drawing(BREEDTE, hoogte)
    y = hoogte
    for ronde, blokhoogte in blokken:
        _blok(tekening, beeld, ronde, y, koppen, kophoogte, kolombreedte, meer)
        y -= blokhoogte
    uitleg = (
        "Stip = één antwoord, in de kleur van het domein"
        if beeld.vorm == "schaal"
        else "Vakje: hoeveel van dat domein deze optie kozen; voller = meer"
    )
    if meer:
        uitleg += " · (n anders) = zoveel antwoordden anders dan de ronde ervoor"
    tekening.add(String(0, 2, _plat(uitleg), fontName=FONT, fontSize=GROOTTE - 1, fillColor=colors.HexColor("#444")))
    return tekening


def _blok(
    tekening: Drawing,
    beeld: Duidingsbeeld,
    ronde: Beeldronde,
    y: float,
    koppen: list[list[str]],
    kophoogte: float,
    kolombreedte: float,
    meer: bool,
) -> None:
    if meer:
        y -= RIJ
        tekening.add(String(0, y + 3, rondenaam(ronde.ronde), fontName=VET, fontSize=GROOTTE + 1))
        tekening.add(
            String(
                50,
                y + 3,
                ronde.oordeel,
                fontName=VET,
                fontSize=GROOTTE + 1,
                fillColor=colors.HexColor(OORDEELKLEUR.get(ronde.oordeel, "#555555")),
            )
        )
        y -= 2
    for k, regels in enumerate(koppen):
        midden = LABELBREEDTE + (k + 0.5) * kolombreedte
        for i, regel in enumerate(regels):
            tekening.add(
                String(
                    midden,
                    y - (i + 1) * (GROOTTE + 1),
                    regel,
                    fontName=VET,
                    fontSize=GROOTTE - 0.5,
                    textAnchor="middle",
                )
            )
    y -= kophoogte
    for rij in ronde.rijen:
        y -= RIJ
        kleur = colors.HexColor(domeinkleur(rij.domein))
        tekening.add(Rect(0, y + 2.5, 7, 7, fillColor=kleur, strokeColor=None))
        naam = _plat(rij.naam) + (
            f"  ({rij.verschoven} anders)" if meer and rij.verschoven and ronde is not beeld.rondes[0] else ""
        )
        tekening.add(String(10, y + 3, naam, fontName=FONT, fontSize=GROOTTE))
        for k, aantal in enumerate(rij.aantallen):
            links = LABELBREEDTE + k * kolombreedte
            if beeld.vorm == "schaal":
                _stippen(tekening, links + kolombreedte / 2, y + 6, aantal, kleur)
            else:
                _vak(tekening, links + 2, y + 1, kolombreedte - 4, RIJ - 2, aantal, rij.aantal, kleur)


def _stippen(tekening: Drawing, midden: float, y: float, aantal: int, kleur: colors.Color) -> None:
    if aantal == 0:
        tekening.add(Circle(midden, y, 1, fillColor=colors.HexColor("#bbbbbb"), strokeColor=None))
        return
    getoond = min(aantal, MAX_STIPPEN)
    stap = 9.0
    start = midden - (getoond - 1) * stap / 2 - (6 if aantal > MAX_STIPPEN else 0)
    for i in range(getoond if aantal <= MAX_STIPPEN else 1):
        tekening.add(Circle(start + i * stap, y, 3.6, fillColor=kleur, strokeColor=None))
    if aantal > MAX_STIPPEN:
        tekening.add(String(start + 6, y - 3, f"×{aantal}", fontName=VET, fontSize=GROOTTE, fillColor=kleur))


def _vak(
    tekening: Drawing, x: float, y: float, b: float, h: float, aantal: int, totaal: int, kleur: colors.Color
) -> None:
    aandeel = aantal / totaal if totaal else 0.0
    vulling = colors.Color(kleur.red, kleur.green, kleur.blue, alpha=0.12 + 0.88 * aandeel) if aantal else colors.white
    tekening.add(Rect(x, y, b, h, fillColor=vulling, strokeColor=kleur, strokeWidth=0.4))
    tekst = f"{aantal} van {totaal}" if aantal else "–"
    tekening.add(
        String(
            x + b / 2,
            y + h / 2 - 2.5,
            tekst,
            fontName=VET if aantal else FONT,
            fontSize=GROOTTE - 0.5,
            textAnchor="middle",
            fillColor=colors.HexColor(tekstkleur_op(kleur.hexval().replace("0x", "#"), 0.12 + 0.88 * aandeel))
            if aantal
            else colors.black,
        )
    )


def herkenning_blok(h: Herkenningsbeeld | None) -> list[Flowable]:
    """The minutes list what the beamer showed of the signals: the ones that split the room,
    those recognised by every domain and those seen by one domain only."""
    if h is None or h.leeg:
        return []
    uit: list[Flowable] = [_p("Herkenning van de signalen per domein", "h3")]
    for kop, groep in (
        ("Splitst de zaal", h.splitst),
        ("Door alle domeinen herkend", h.gedeeld),
        ("Alleen gezien door één domein", h.alleen),
    ):
        if not groep:
            continue
        uit.append(_p(f"{kop} ({len(groep)})", "sleutel"))
        regels = []
        for s in groep:
            wie = []
            if s.groep == ALLEEN:
                wie.append(s.kop)
            elif s.groep == SPLITST:
                wie.append(f"herkend door {domeinnamen(s.herkend_door)}")
                wie.append(f"niet door {domeinnamen(s.niet_herkend_door)}")
            regels.append(_pm(_x(s.tekst) + (f" <i>({_x('; '.join(wie))})</i>" if wie else "")))
        uit.append(_opsomming(regels))
    if h.deels:
        uit.append(_p(f"{h.deels} andere signalen zijn door een deel herkend, door niemand afgewezen.", "klein"))
    return uit
