"""The page around the minutes: footer with 'pagina X van Y', the CONCEPT mark, and the
headings that become PDF bookmarks."""

from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

from ..sessie.notulen import Notulen
from . import tekst as t
from .pdfopmaak import FONT, GRIJS, LIJN, MARGE, ROOD, STIJL, VET, _plat, _x


class _Kop(Paragraph):
    """A heading that also becomes a PDF bookmark."""

    def __init__(self, tekst: str, niveau: int) -> None:
        super().__init__(_x(tekst), STIJL["h1" if niveau == 0 else "h2"])
        self.niveau = niveau
        self.kale_tekst = _plat(tekst)


def _canvasmaker(n: Notulen) -> type[pdfcanvas.Canvas]:
    voet = _kort(_plat(t.voetregel(n)), A4[0] - 2 * MARGE - 90)  # room for 'pagina 999 van 999'
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


def _kort(tekst: str, breedte: float) -> str:
    """The footer on one line: a buurt of 120 characters is cut with '…' instead of running
    over the page number."""
    if stringWidth(tekst, FONT, 8) <= breedte:
        return tekst
    while tekst and stringWidth(tekst + "…", FONT, 8) > breedte:
        tekst = tekst[:-1]
    return tekst + "…"


class _Document(SimpleDocTemplate):
    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _Kop):
            sleutel = f"kop{id(flowable)}"
            self.canv.bookmarkPage(sleutel)
            self.canv.addOutlineEntry(flowable.kale_tekst, sleutel, level=flowable.niveau, closed=False)
