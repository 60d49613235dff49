"""The minutes as an editable Word document (python-docx), in the same shape as the PDF: the
besluitenlijst first (heading, decisions, actions, communication, next meeting), then the
appendix "Verloop van het overleg".

Text goes in through runs, which python-docx stores as plain XML text: participant input
stays literal. Vote distributions become small tables instead of charts, so the secretary
can correct them.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ..kleuren import KLEUR
from ..sessie.notulen import Actieregel, Notulen, Signaalregel, Stapverslag, Vraagverslag
from ..sessie.oordeel import rondenaam
from . import tekst as t

BLAUW = RGBColor.from_string(KLEUR["primair"].removeprefix("#").upper())
GRIJS = RGBColor(0x5F, 0x63, 0x68)
ROOD = RGBColor.from_string(KLEUR["verdeeld"].removeprefix("#").upper())
_ONGELDIG = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _s(tekst: Any) -> str:
    """XML 1.0 cannot hold some control characters; everything else stays as typed."""
    return _ONGELDIG.sub("", str(tekst))


def _alinea(
    doc: Any,
    tekst: str = "",
    *,
    vet: bool = False,
    cursief: bool = False,
    klein: bool = False,
    kleur: RGBColor | None = None,
    stijl: str | None = None,
) -> Any:
    p = doc.add_paragraph(style=stijl)
    if tekst:
        _run(p, tekst, vet=vet, cursief=cursief, klein=klein, kleur=kleur)
    return p


def _run(
    p: Any, tekst: str, *, vet: bool = False, cursief: bool = False, klein: bool = False, kleur: RGBColor | None = None
) -> Any:
    run = p.add_run(_s(tekst))
    run.bold = vet or None
    run.italic = cursief or None
    if klein:
        run.font.size = Pt(8.5)
        run.font.color.rgb = kleur or GRIJS
    elif kleur is not None:
        run.font.color.rgb = kleur
    return run


def _kop(doc: Any, tekst: str, niveau: int) -> None:
    kop = doc.add_heading(_s(tekst), level=niveau)
    for run in kop.runs:
        run.font.color.rgb = BLAUW if niveau == 1 else RGBColor(0, 0, 0)


def _herhaal_kop(rij: Any) -> None:
    """Mark a table row as header row: Word repeats it on every page the table runs over."""
    eigenschappen = rij._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    eigenschappen.append(element)


def _tabel(doc: Any, kop: Sequence[str], rijen: Sequence[Sequence[Any]], breedtes: Sequence[float]) -> Any:
    tabel = doc.add_table(rows=1, cols=len(kop))
    tabel.style = "Table Grid"
    tabel.alignment = WD_TABLE_ALIGNMENT.LEFT
    for cel, tekst in zip(tabel.rows[0].cells, kop, strict=False):
        cel.text = ""
        _run(cel.paragraphs[0], tekst, vet=True)
        _arceer(cel, "DCE4EF")
    _herhaal_kop(tabel.rows[0])
    for rij in rijen:
        cellen = tabel.add_row().cells
        for cel, waarde in zip(cellen, rij, strict=False):
            cel.text = ""
            if isinstance(waarde, list):  # [(text, bold), ...] as separate lines
                for i, (regel, vet) in enumerate(waarde):
                    p = cel.paragraphs[0] if i == 0 else cel.add_paragraph()
                    _run(p, regel, vet=vet)
            else:
                _run(cel.paragraphs[0], str(waarde))
    for rij in tabel.rows:
        for cel, breedte in zip(rij.cells, breedtes, strict=False):
            cel.width = Cm(17 * breedte)
    doc.add_paragraph()
    return tabel


def _arceer(cel: Any, kleur: str) -> None:
    vulling = OxmlElement("w:shd")
    vulling.set(qn("w:val"), "clear")
    vulling.set(qn("w:color"), "auto")
    vulling.set(qn("w:fill"), kleur)
    cel._tc.get_or_add_tcPr().append(vulling)


def _veld(run: Any, instructie: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the pages."""
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = instructie
    eind = OxmlElement("w:fldChar")
    eind.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(code)
    run._r.append(eind)


def _paginarand(doc: Any, n: Notulen) -> None:
    sectie = doc.sections[0]
    sectie.orientation = WD_ORIENT.PORTRAIT
    sectie.page_width, sectie.page_height = Cm(21), Cm(29.7)
    sectie.left_margin = sectie.right_margin = Cm(2)
    sectie.top_margin, sectie.bottom_margin = Cm(1.8), Cm(2)
    voet = sectie.footer.paragraphs[0]
    _run(voet, t.voetregel(n) + "    pagina ", klein=True)
    _veld(_run(voet, "", klein=True), "PAGE")
    _run(voet, " van ", klein=True)
    _veld(_run(voet, "", klein=True), "NUMPAGES")
    if n.versie is None:
        kop = sectie.header.paragraphs[0]
        kop.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _run(kop, "CONCEPT", vet=True, kleur=ROOD)


def _titelblok(doc: Any, n: Notulen) -> None:
    """The heading of the besluitenlijst, as in the PDF: the details, then who was there."""
    _alinea(doc, t.TITEL.upper(), klein=True)
    titel = doc.add_heading(_s(n.buurt), level=0)
    for run in titel.runs:
        run.font.color.rgb = BLAUW
    paren = list(t.kopgegevens(n))
    if n.vertrouwelijk:
        paren.append(("Verspreiding", t.VERTROUWELIJK))
    tabel = doc.add_table(rows=0, cols=2)
    for sleutel, waarde in paren:
        cellen = tabel.add_row().cells
        _run(cellen[0].paragraphs[0], sleutel, vet=True, kleur=GRIJS)
        rood = sleutel == "Verspreiding"
        _run(cellen[1].paragraphs[0], waarde, vet=rood, kleur=ROOD if rood else None)
        if sleutel == "Aanwezig":
            for a in n.aanwezig:
                _run(cellen[1].add_paragraph(), t.aanwezige(a))
        cellen[0].width, cellen[1].width = Cm(3.5), Cm(13.5)
    _alinea(doc, t.privacyregel(n), klein=True)


def _vraag(doc: Any, v: Vraagverslag, signalen: Sequence[Signaalregel]) -> None:
    if v.soort.alleen_gesprek:
        p = _alinea(doc)
        _run(p, "Besproken: ", cursief=True)
        _run(p, v.vraag)
        return
    if v.soort.neemt_signalen:
        p = _alinea(doc)
        _run(p, "Gevraagd: ", cursief=True)
        _run(p, v.vraag)
        if not signalen:
            _alinea(doc, "Geen signalen ingebracht.", klein=True)
            return
        waar = sum(1 for r in signalen if r.soort == "waarneming")
        _alinea(
            doc,
            f"{t.aantal(len(signalen), 'signaal', 'signalen')} ingebracht: "
            f"{t.aantal(waar, 'waarneming', 'waarnemingen')}, "
            f"{t.aantal(len(signalen) - waar, 'duiding', 'duidingen')}.",
            klein=True,
        )
        _signaaltabel(doc, signalen)
        return
    _alinea(doc, v.vraag, vet=True)
    if not v.rondes:
        _alinea(doc, "Geen uitslag getoond.", klein=True)
    else:
        kop = ["Optie"] + [rondenaam(r.ronde) for r in v.rondes]
        rijen = [[o.titel, *map(str, o.aantallen)] for o in t.met_stemmen(v)]
        rest = (1 - 0.55) / len(v.rondes)
        if rijen:
            _tabel(doc, kop, rijen, [0.55] + [rest] * len(v.rondes))
        leeg = t.zonder_stemmen(v)
        if leeg:
            _alinea(doc, leeg, klein=True)
        _oordeel(doc, v)
    regel = t.uitkomstregel(v)
    if regel:
        _alinea(doc, regel, vet=True)


def _oordeel(doc: Any, v: Vraagverslag) -> None:
    """The verdict per round, as the PDF's `pdfbijlage.oordeel`."""
    for r in v.rondes:
        _alinea(doc, t.rondekop(v, r))
        if r.verschillen and r.oordeel:
            _alinea(doc, "Verschil tussen domeinen:", cursief=True, klein=True)
            for regel in r.verschillen:
                _alinea(doc, f"– {regel}", klein=True)


def _stap(doc: Any, s: Stapverslag, signalen: dict[str, list[Signaalregel]]) -> None:
    if not t.besproken(s) and not s.notitie:
        return  # listed once, under 'Niet behandeld'
    _kop(doc, t.stapkop(s), 2)
    if t.besproken(s):
        for v in s.vragen:
            _vraag(doc, v, signalen.pop(v.vraag, []) if v.soort.neemt_signalen else [])
    else:
        _alinea(doc, "Niet in de zaal behandeld.", klein=True)
    if s.notitie:
        _alinea(doc, "Notitie van de notulist", vet=True, kleur=GRIJS)
        _alinea(doc, s.notitie)


def _signaaltabel(doc: Any, regels: Sequence[Signaalregel]) -> None:
    _tabel(
        doc,
        ["Nr", "Signaal", "Soort", "Ingebracht door", "Herkend"],
        [
            [str(i), r.tekst + (" (geverifieerd)" if r.geverifieerd else ""), r.soort, t.signaalbron(r), str(r.herkend)]
            for i, r in enumerate(regels, start=1)
        ],
        [0.06, 0.5, 0.14, 0.2, 0.1],
    )


def _actiecel(a: Actieregel, toelichting: bool = False) -> list[tuple[str, bool]]:
    regels = [(a.wat, True)] + [(f"{label}: {tekst}", False) for label, tekst in t.actiedetails(a)]
    if toelichting and a.toelichting:
        regels.append((f"Toelichting: {a.toelichting}", False))
    return regels


def _acties(doc: Any, acties: Sequence[Actieregel], leeg: str, toelichting: bool = False) -> None:
    if not acties:
        _alinea(doc, leeg, klein=True)
        return
    _tabel(
        doc,
        list(t.ACTIEKOLOMMEN),
        [
            [
                str(a.nr),
                _actiecel(a, toelichting),
                t.wie(a),
                t.datum_kort(a.wanneer),
                t.datum_kort(a.terugkoppeling) or "-",
                a.status,
            ]
            for a in acties
        ],
        [0.05, 0.36, 0.17, 0.13, 0.17, 0.12],
    )


def _afspraken(doc: Any, afspraken: Sequence[Any], leeg: str) -> None:
    if not afspraken:
        _alinea(doc, leeg, klein=True)
        return
    for a in afspraken:
        p = _alinea(doc, stijl="List Bullet")
        _run(p, a.tekst)
        if a.toelichting:
            p.add_run().add_break()
            _run(p, a.toelichting, klein=True)


def _bijlage(doc: Any, n: Notulen) -> None:
    """The appendix, as the PDF's `pdfbijlage`: per step the room was on, then the rest."""
    doc.add_page_break()
    _kop(doc, t.BIJLAGE, 1)
    vragen = {v.vraag for s in n.stappen if t.besproken(s) for v in s.vragen if v.soort.neemt_signalen}
    per_vraag: dict[str, list[Signaalregel]] = {}
    overig: list[Signaalregel] = []
    for r in (*n.waarnemingen, *n.duidingen):
        (per_vraag.setdefault(r.vraag, []) if r.vraag in vragen else overig).append(r)
    for s in n.stappen:
        _stap(doc, s, per_vraag)
    overgeslagen = t.niet_behandeld(n)
    if overgeslagen:
        _alinea(doc, f"{t.NIET_BEHANDELD}: {overgeslagen.lower()}.", klein=True)
    if overig:
        _kop(doc, t.OVERIGE_SIGNALEN, 2)
        _signaaltabel(doc, overig)
    if not (n.afgewezen or n.beleid):
        return  # what was chosen stands with its reason among the decisions
    _kop(doc, t.AANPAK, 2)
    if n.afgewezen:
        _alinea(doc, t.AFGEWEZEN, vet=True)
        rijen = [[k.soort, k.titel, k.reden or "-"] for k in n.afgewezen]
        _tabel(doc, ["Soort", "Niet gekozen", "Waarom niet"], rijen, [0.2, 0.38, 0.42])
    for b in n.beleid:
        _alinea(doc, f"{t.BELEID}: {b.richting}", vet=True)
        _tabel(
            doc,
            ["Vraag", "Antwoord"],
            [
                ["Al gedekt", b.gedekt or "-"],
                ["Voldoende?", b.voldoende],
                ["Witte vlekken", b.witte_vlekken or "-"],
                ["Nodige sectoren", b.sectoren or "-"],
                ["Betrokken?", b.betrokken],
            ],
            [0.3, 0.7],
        )


def maak_docx(n: Notulen) -> bytes:
    doc = Document()
    normaal = doc.styles["Normal"]
    normaal.font.name = "Calibri"
    normaal.font.size = Pt(10)
    doc.core_properties.title = _s(f"{t.TITEL} {n.buurt} {t.datum_kort(n.datum)}")
    doc.core_properties.author = "Buurtoverleg"
    doc.core_properties.language = "nl-NL"
    _paginarand(doc, n)
    _titelblok(doc, n)
    if n.leeg:
        _kop(doc, t.LEEG + ".", 1)
        _alinea(
            doc, "Er zijn voor dit overleg nog geen aanwezigen, antwoorden, signalen, besluiten of acties vastgelegd."
        )
        return _opslaan(doc)
    nummers = {kop: i for i, kop in enumerate(t.secties(n), start=1)}

    def kop(titel: str) -> None:
        _kop(doc, f"{nummers[titel]}. {titel}", 1)

    if n.samenvatting:
        _kop(doc, t.SAMENVATTING, 1)
        _alinea(doc, n.samenvatting)
    kop(t.BESLUITEN)
    if n.besluiten:
        _tabel(
            doc,
            ["Nr", "Besluit", "Toelichting"],
            [
                [str(i), [(b.soort, False), (b.tekst, True)], b.toelichting or "-"]
                for i, b in enumerate(n.besluiten, start=1)
            ],
            [0.06, 0.56, 0.38],
        )
    else:
        _alinea(doc, "Geen besluiten vastgelegd.", klein=True)
    kop(t.ACTIES)
    _acties(doc, n.acties, "Geen acties afgesproken.")
    if t.TERUGBLIK in nummers:
        kop(t.TERUGBLIK)
        if n.vorig_overleg:
            _alinea(doc, f"Acties uit het overleg van {n.vorig_overleg}.")
        _acties(doc, n.terugblik, "Geen open acties uit het vorige overleg.", toelichting=True)
    kop(t.COMMUNICATIE)
    _afspraken(doc, n.communicatie, "Geen communicatieafspraken.")
    kop(t.VERVOLG)
    _afspraken(doc, n.vervolg, "Nog geen vervolg afgesproken.")
    _bijlage(doc, n)
    _alinea(doc, f"Opgesteld met Buurtoverleg · {t.statusregel(n)}", klein=True)
    return _opslaan(doc)


def _opslaan(doc: Any) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
