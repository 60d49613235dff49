"""The appendix of the PDF minutes, "Verloop van het overleg": per step the room was on, what
was asked, the results (options without votes folded into one line), the verdicts, the
signals, and the secretary's note; then the approaches that were weighed.

The besluitenlijst itself (heading, decisions, actions) is `pdf`; this part is the record of
how the room got there, for whoever wants to check.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from ..sessie.notulen import Notulen, Signaalregel, Stapverslag, Vraagverslag
from . import tekst as t
from .pdfbeeld import beeld_tekening, herkenning_blok
from .pdfblokken import _h2, _sleuteltabel, _staafdiagram, _tabel
from .pdfopmaak import OORDEELKLEUR, _alineas, _p, _pm, _x
from .pdfpagina import _Kop


def bijlage(n: Notulen) -> list[Flowable]:
    """The appendix's flowables, in order (the caller starts it on a new page)."""
    uit: list[Flowable] = [_Kop(t.BIJLAGE, 0)]
    per_vraag, overig = _signalen_per_vraag(n)
    for s in n.stappen:
        uit += _stap(s, per_vraag)
    overgeslagen = t.niet_behandeld(n)
    if overgeslagen:
        uit.append(_p(f"{t.NIET_BEHANDELD}: {overgeslagen.lower()}.", "klein"))
    if overig:
        uit += [*_h2(t.OVERIGE_SIGNALEN), _signaaltabel(overig)]
    uit += herkenning_blok(n.herkenning)
    uit += _aanpak(n)
    return uit


def _signalen_per_vraag(n: Notulen) -> tuple[dict[str, list[Signaalregel]], list[Signaalregel]]:
    """The signals under the question of a discussed step they were given at; the rest apart."""
    vragen = {v.vraag for s in n.stappen if t.besproken(s) for v in s.vragen if v.soort.neemt_signalen}
    per_vraag: dict[str, list[Signaalregel]] = {}
    overig: list[Signaalregel] = []
    for r in (*n.waarnemingen, *n.duidingen):
        if r.vraag in vragen:
            per_vraag.setdefault(r.vraag, []).append(r)
        else:
            overig.append(r)
    return per_vraag, overig


def _stap(s: Stapverslag, signalen: dict[str, list[Signaalregel]]) -> list[Flowable]:
    if not t.besproken(s) and not s.notitie:
        return []  # listed once, under 'Niet behandeld'
    kop = _p(t.stapkop(s), "h2")
    delen: list[Flowable] = []
    if t.besproken(s):
        for v in s.vragen:
            delen += _vraag(v, signalen.pop(v.vraag, []) if v.soort.neemt_signalen else [])
    else:
        delen.append(_p("Niet in de zaal behandeld.", "klein"))
    if s.notitie:
        delen += [_p("Notitie van de notulist", "sleutel"), *_alineas(s.notitie, "notitie")]
    if not delen:
        delen = [_p("Behandeld; geen uitkomsten vastgelegd.", "klein")]
    # the step's heading stays with what follows it (a heading never ends a page)
    eerste = delen[0]._content if isinstance(delen[0], KeepTogether) else [delen[0]]
    return [CondPageBreak(30 * mm), KeepTogether([kop, *eerste]), *delen[1:]]


def _vraag(v: Vraagverslag, signalen: Sequence[Signaalregel]) -> list[Flowable]:
    if v.soort.alleen_gesprek:
        return [_pm(f"<i>Besproken:</i> {_x(v.vraag)}")]
    if v.soort.neemt_signalen:
        uit: list[Flowable] = [_pm(f"<i>Gevraagd:</i> {_x(v.vraag)}")]
        if not signalen:
            return [*uit, _p("Geen signalen ingebracht.", "klein")]
        waar = sum(1 for r in signalen if r.soort == "waarneming")
        uit.append(
            _p(
                f"{t.aantal(len(signalen), 'signaal', 'signalen')} ingebracht: "
                f"{t.aantal(waar, 'waarneming', 'waarnemingen')}, "
                f"{t.aantal(len(signalen) - waar, 'duiding', 'duidingen')}.",
                "klein",
            )
        )
        return [*uit, _signaaltabel(signalen), Spacer(1, 4)]
    blok: list[Flowable] = [_p(v.vraag, "h3")]
    if not v.rondes:
        blok.append(_p("Geen uitslag getoond.", "klein"))
    else:
        # per domain where the question has a picture (the beamer's), else the bars
        diagram = beeld_tekening(v.beeld) if v.beeld else _staafdiagram(replace(v, opties=tuple(t.met_stemmen(v))))
        if diagram is not None:
            blok += [diagram, Spacer(1, 2)]
        leeg = t.zonder_stemmen(v)
        if leeg:
            blok.append(_p(leeg, "klein"))
        blok += oordeel(v)
    regel = t.uitkomstregel(v)
    if regel:
        blok += _alineas(regel, "uitkomst")
    return [KeepTogether(blok)]  # question, chart, verdicts and outcome on one page (split only if taller)


def oordeel(v: Vraagverslag) -> list[Flowable]:
    """THE place a question's verdict is drawn: per round the verdict line in the verdict's
    colour, the picture's plain sentence (what differs between domains) and where domains
    read it differently. The picture itself is drawn above it, by `_vraag`."""
    uit: list[Flowable] = []
    for r in v.rondes:
        kleur = OORDEELKLEUR.get(r.oordeel)
        regel = _x(t.rondekop(v, r))
        if kleur is not None and r.samenvatting:
            regel = regel.replace(_x(r.samenvatting), f'<font color="{kleur.hexval()}">{_x(r.samenvatting)}</font>', 1)
        uit.append(_pm(regel, "tekst"))
        zin = next((b.zin for b in v.beeld.rondes if b.ronde == r.ronde), "") if v.beeld else ""
        if zin:
            uit.append(_p(zin, "klein"))
        if r.verschillen and r.oordeel:
            uit.append(_pm("<i>Verschil tussen domeinen:</i> " + "; ".join(_x(x) for x in r.verschillen), "klein"))
    return uit


def _signaaltabel(regels: Sequence[Signaalregel]) -> Flowable:
    rijen = [
        [
            str(i),
            r.tekst + (" (geverifieerd)" if r.geverifieerd else ""),
            r.soort,
            t.signaalbron(r),
            str(r.herkend),
        ]
        for i, r in enumerate(regels, start=1)
    ]
    return _tabel(["Nr", "Signaal", "Soort", "Ingebracht door", "Herkend"], rijen, [0.06, 0.485, 0.135, 0.21, 0.11])


def _aanpak(n: Notulen) -> list[Flowable]:
    """What was weighed and not chosen, with why, and the policy diagnosis. What was chosen
    stands with its reason among the decisions, so it is not repeated here."""
    if not (n.afgewezen or n.beleid):
        return []
    uit: list[Flowable] = []
    if n.afgewezen:
        rijen = [[k.soort, k.titel, k.reden or "-"] for k in n.afgewezen]
        uit += [_p(t.AFGEWEZEN, "h3"), _tabel(["Soort", "Niet gekozen", "Waarom niet"], rijen, [0.2, 0.38, 0.42])]
    for b in n.beleid:
        uit.append(
            KeepTogether(
                [
                    _p(f"{t.BELEID}: {b.richting}", "h3"),
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
    # the heading stays with the first block, whether that is a table or a diagnosis
    return [CondPageBreak(35 * mm), _Kop(t.AANPAK, 1), *uit]
