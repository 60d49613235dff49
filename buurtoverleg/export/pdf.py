"""The minutes as a PDF a municipality can send out: A4, Dutch, ReportLab platypus.

First the besluitenlijst on one or two pages (heading with the meeting's details, numbered
decisions, the action list, communication, next meeting), then the appendix with how the
meeting went (`pdfbijlage`). This module lays out the besluitenlijst. The font, the folding of what it
cannot print and the escaping of participant text are in `pdfopmaak`; the page frame
(footer, bookmarks) in `pdfpagina`; tables, boxes and the bar chart in `pdfblokken`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from ..sessie.notulen import Actieregel, Notulen
from . import tekst as t
from .pdfbijlage import bijlage
from .pdfblokken import _sleuteltabel, _tabel
from .pdfopmaak import BOVEN, MARGE, ONDER, _alineas, _cel, _p, _plat, _pm, _x
from .pdfpagina import _canvasmaker, _Document, _Kop

# ---------------------------------------------------------------------- the heading


def _kopblok(n: Notulen) -> list[Flowable]:
    """Title and the meeting's details, as a municipality heads its besluitenlijst: the
    details in two columns, then who was there, one organisation a line."""
    blok: list[Flowable] = [_p(t.TITEL.upper(), "klein"), _p(n.buurt, "titel")]
    paren = [(label, waarde) for label, waarde in t.kopgegevens(n) if label != "Aanwezig"]
    helft = (len(paren) + 1) // 2
    links, rechts = paren[:helft], paren[helft:]
    rijen = [
        [*links[i], *(rechts[i] if i < len(rechts) else ("", ""))]  # label, text, label, text
        for i in range(helft)
    ]
    blok.append(_sleuteltabel(rijen, [0.17, 0.33, 0.14, 0.36]))
    aanwezig = dict(t.kopgegevens(n))["Aanwezig"]
    regels = "<br/>".join(_x(t.aanwezige(a)) for a in n.aanwezig)
    rest: list[tuple[str, Any]] = [("Aanwezig", _pm(_x(aanwezig) + (f":<br/>{regels}" if regels else ""), "waarde"))]
    if n.vertrouwelijk:
        rest.append(("Verspreiding", _p(t.VERTROUWELIJK, "vertrouwelijk")))
    blok += [_sleuteltabel(rest, [0.17, 0.83]), Spacer(1, 2), _p(t.privacyregel(n), "klein")]
    return blok


# ---------------------------------------------------------------------- the besluitenlijst


def _besluiten(n: Notulen) -> list[Flowable]:
    if not n.besluiten:
        return [_p("Geen besluiten vastgelegd.", "klein")]
    rijen = [
        [
            str(i),
            [_p(b.soort, "celklein"), _p(_cel(b.tekst), "cel")],
            b.toelichting or "-",
        ]
        for i, b in enumerate(n.besluiten, start=1)
    ]
    return [_tabel(["Nr", "Besluit", "Toelichting"], rijen, [0.06, 0.56, 0.38])]


def _actiecel(a: Actieregel) -> list[Flowable]:
    cel: list[Flowable] = [_p(_cel(a.wat), "celvet")]
    for label, waarde in t.actiedetails(a):
        cel.append(_pm(f"<font color='#5f6368'>{label}:</font> {_x(_cel(waarde))}", "cel"))
    return cel


_ACTIEBREEDTES = [0.05, 0.355, 0.17, 0.125, 0.18, 0.12]
"""Dates, 'Terugkoppeling' and 'uitgevoerd' fit on one line (tests read them back whole)."""


def _acties(acties: Sequence[Actieregel], leeg: str, toelichting: bool = False) -> list[Flowable]:
    """The action list: nr, actie, wie, wanneer, terugkoppeling, status (and in the review of
    the previous meeting's actions, the facilitator's remark under the action)."""
    if not acties:
        return [_p(leeg, "klein")]
    rijen = []
    for a in acties:
        cel = _actiecel(a)
        if toelichting and a.toelichting:
            cel.append(_pm(f"<font color='#5f6368'>Toelichting:</font> {_x(_cel(a.toelichting))}", "cel"))
        rijen.append(
            [
                str(a.nr),
                cel,
                t.wie(a),
                t.datum_kort(a.wanneer),
                t.datum_kort(a.terugkoppeling) or "-",
                a.status,
            ]
        )
    return [_tabel(list(t.ACTIEKOLOMMEN), rijen, _ACTIEBREEDTES)]


def _afspraken(afspraken: Sequence[Any], leeg: str) -> list[Flowable]:
    if not afspraken:
        return [_p(leeg, "klein")]
    uit: list[Flowable] = []
    for a in afspraken:
        uit += _alineas(a.tekst, "opsomming", bullet="•")
        if a.toelichting:
            uit += _alineas(a.toelichting, "opsomming-klein")
    return uit


# ---------------------------------------------------------------------- the document


def verhaal(n: Notulen) -> list[Flowable]:
    """The flowables of the minutes, in order: the besluitenlijst, then the appendix."""
    uit = _kopblok(n)
    if n.leeg:
        uit += [
            Spacer(1, 8),
            _p(t.LEEG + ".", "h1"),
            _p("Er zijn voor dit overleg nog geen aanwezigen, antwoorden, signalen, besluiten of acties vastgelegd."),
        ]
        return uit
    nummers = {kop: i for i, kop in enumerate(t.secties(n), start=1)}

    def kop(titel: str, ruimte: float = 30 * mm) -> list[Flowable]:
        """A numbered section heading; a new page first when less than `ruimte` is left, so a
        heading never ends a page (keepWithNext would drag whole tables to the next page)."""
        return [CondPageBreak(ruimte), _Kop(f"{nummers[titel]}. {titel}", 0)]

    if n.samenvatting:
        uit += [CondPageBreak(30 * mm), _Kop(t.SAMENVATTING, 0), *_alineas(n.samenvatting)]
    uit += [*kop(t.BESLUITEN), *_besluiten(n)]
    uit += [*kop(t.ACTIES), *_acties(n.acties, "Geen acties afgesproken.")]
    if t.TERUGBLIK in nummers:
        if n.vorig_overleg:
            uit += [*kop(t.TERUGBLIK), _p(f"Acties uit het overleg van {n.vorig_overleg}.")]
        else:
            uit += kop(t.TERUGBLIK)
        uit += _acties(n.terugblik, "Geen open acties uit het vorige overleg.", toelichting=True)
    uit += [*kop(t.COMMUNICATIE, 20 * mm), *_afspraken(n.communicatie, "Geen communicatieafspraken.")]
    uit += [*kop(t.VERVOLG, 20 * mm), *_afspraken(n.vervolg, "Nog geen vervolg afgesproken.")]
    uit += [CondPageBreak(45 * mm), *bijlage(n)]  # on this page when there is room for a step to begin
    uit += [Spacer(1, 14), _p(f"Opgesteld met Buurtoverleg · {t.statusregel(n)}", "klein")]
    return uit


def maak_pdf(n: Notulen) -> bytes:
    buffer = io.BytesIO()
    doc = _Document(
        buffer,
        pagesize=A4,
        leftMargin=MARGE,
        rightMargin=MARGE,
        topMargin=BOVEN,
        bottomMargin=ONDER,
        title=_plat(f"{t.TITEL} {n.buurt} {t.datum_kort(n.datum)}"),
        author="Buurtoverleg",
        subject=_plat(n.template_titel),
        creator="Buurtoverleg",
        lang="nl-NL",
    )
    doc.build(verhaal(n), canvasmaker=_canvasmaker(n))
    return buffer.getvalue()
