"""The app's colours, one source for the pages and the exports (PDF, DOCX).

The three verdicts (`sessie.overeenstemming`) go red, amber, green like a traffic light; each
has at least 4.5:1 contrast as text on white and as background behind white text (the
beamer's verdict label), so the same colours serve on the wall and on paper.
"""

from __future__ import annotations

from .sessie.overeenstemming import DICHT_BIJ_ELKAAR, EENSGEZIND, VERDEELD

KLEUR = {
    "primair": "#1d4e89",
    "verdeeld": "#b3261e",
    "dicht bij elkaar": "#946200",
    "eensgezind": "#1b6e3a",
    "over-tijd": "#b3261e",
    "waarneming": "#1d4e89",
    "duiding": "#7a3e00",
}
"""Every colour a page uses, by what it marks."""

OORDEELKLEUR = {o: KLEUR[o] for o in (EENSGEZIND, DICHT_BIJ_ELKAAR, VERDEELD)}
"""The colour of each verdict word; 'te weinig antwoorden' has none of its own."""

DOMEINKLEUR = {
    "politie": "#0b3d91",
    "gemeente": "#6a3d9a",
    "welzijn": "#d55e00",
    "jongerenwerk": "#009e73",
    "woningcorporatie": "#8c510a",
    "onderwijs": "#cc79a7",
    "zorg": "#0093c4",
    "bewoner": "#e69f00",
    "anders": "#6b6b6b",
}
"""One colour per domain (`sessie.toestand.DOMEINEN`), fixed by the domain and not by the order
it joined, so politie has the same colour in every round, on every screen and on paper. Based
on the Okabe-Ito palette (told apart with the common colour-blindnesses); every picture also
names the domain in its row, so colour is never the only cue."""

DOMEINKLEUR_ONBEKEND = "#6b6b6b"


def domeinkleur(domein: str) -> str:
    return DOMEINKLEUR.get(domein, DOMEINKLEUR_ONBEKEND)


def tekstkleur_op(kleur: str, dekking: float = 1.0) -> str:
    """Black or white, whichever reads better on `kleur` laid over white with `dekking` (0-1):
    the shaded cells of the duidingsbeeld. The better of the two always has at least 4.5:1
    contrast (WCAG AA, sqrt(21) at worst), whatever the domain's colour and share."""
    rgb = [int(kleur[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    gemengd = [dekking * c + (1 - dekking) for c in rgb]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in gemengd]
    licht = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return "#ffffff" if (1.05 / (licht + 0.05)) > ((licht + 0.05) / 0.05) else "#000000"
