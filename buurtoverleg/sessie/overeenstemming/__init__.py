"""Where does the room not agree? Agreement measures for revealed blind assessments.

In a meeting every professional first answers a question on their own (blind); after the
reveal the facilitator needs to see at a glance *where* the room disagrees and *whose*
readings differ. This package turns the raw answers into small frozen result objects. It is
pure standard-library Python: no NiceGUI, no database, no randomness, and the same answers
in any order give exactly the same result.

One module per job, each explaining its own measure:

- `drempels`: the thresholds (`Drempels`) and the one rule for the verdict words
  (`zaaloordeel` for the room, `oordeel` with the domains);
- `spreiding`: the room-wide measure per question type, `ordinaal` for ordered scales and
  `keuze` for single and multiple choice;
- `domeinen`: the same answers compared between domains (safety versus social reading);
- `rangorde`: `gewicht`, one number to sort the facilitator's list of open disagreements;
- `antwoorden`: checking and normalising raw answers, shared by the measures.

Callers import from this package, not from the modules: the names below are the interface.
"""

from __future__ import annotations

from .domeinen import (
    SOCIALE_DOMEINEN,
    VEILIGHEIDSDOMEINEN,
    DomeinVerschil,
    DomeinVerschilKeuze,
    domeinkeuzes,
    domeinmedianen,
    domeinverschillen_keuze,
    domeinverschillen_ordinaal,
    eenzijdige_herkenning,
)
from .drempels import (
    DICHT_BIJ_ELKAAR,
    EENSGEZIND,
    OORDELEN,
    TE_WEINIG_ANTWOORDEN,
    VERDEELD,
    Drempels,
    Oordeel,
    oordeel,
    zaaloordeel,
)
from .rangorde import gewicht
from .spreiding import KeuzeUitslag, OrdinaalUitslag, keuze, ordinaal

__all__ = [
    "DICHT_BIJ_ELKAAR",
    "EENSGEZIND",
    "OORDELEN",
    "SOCIALE_DOMEINEN",
    "TE_WEINIG_ANTWOORDEN",
    "VEILIGHEIDSDOMEINEN",
    "VERDEELD",
    "DomeinVerschil",
    "DomeinVerschilKeuze",
    "Drempels",
    "KeuzeUitslag",
    "Oordeel",
    "OrdinaalUitslag",
    "domeinkeuzes",
    "domeinmedianen",
    "domeinverschillen_keuze",
    "domeinverschillen_ordinaal",
    "eenzijdige_herkenning",
    "gewicht",
    "keuze",
    "oordeel",
    "ordinaal",
    "zaaloordeel",
]
