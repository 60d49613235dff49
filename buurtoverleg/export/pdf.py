"""The minutes as a PDF a municipality can send out: A4, Dutch, ReportLab platypus.

This module lays out the document, section by section. The font, the folding of what it
cannot print and the escaping of participant text are in `pdfopmaak`; the page frame
(footer, bookmarks) in `pdfpagina`; tables, boxes and the bar chart in `pdfblokken`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from ..sessie.notulen import Actieregel, Notulen, Signaalregel, Stapverslag, Vraagverslag
from . import tekst as t
from .pdfbeeld import beeld_tekening, herkenning_blok
from .pdfblokken import _h2, _kader, _opsomming, _sleuteltabel, _staafdiagram, _tabel
from .pdfopmaak import MARGE, NOTITIE, OORDEELKLEUR, _p, _plat, _pm, _x
from .pdfpagina import _canvasmaker, _Document, _Kop

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
        diagram = beeld_tekening(v.beeld) if v.beeld else _staafdiagram(v)  # per domain where it has one
        if diagram is not None:
            blok.append(diagram)
            blok.append(Spacer(1, 3))
        for r in v.rondes:
            kleur = OORDEELKLEUR.get(r.oordeel)
            regel = _x(t.rondekop(v, r))
            if kleur is not None and r.samenvatting:
                regel = regel.replace(
                    _x(r.samenvatting), f'<font color="{kleur.hexval()}">{_x(r.samenvatting)}</font>', 1
                )
            blok.append(_pm(regel, "tekst"))
            zin = next((b.zin for b in v.beeld.rondes if b.ronde == r.ronde), "") if v.beeld else ""
            if zin:
                blok.append(_p(zin, "klein"))
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
    uit += herkenning_blok(n.herkenning)
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
