"""From analysis to approach: which oplossingsrichtingen and praktijkvoorbeelden fit what the
room established in STAP 2 (seed 001, STAP 3 and STAP 4.2).

Pure domain code: no NiceGUI, no database. `adviseer(catalogus, analyse)` turns an `Analyse`
(content ids) into an `Advies`: all seven oplossingsrichtingen and all praktijkvoorbeelden,
ranked, each with a score and the Dutch reasons that make up that score. The advice proposes;
the room decides.

The score is a plain sum. Every term adds (or, for a few, subtracts) a fixed weight and
produces exactly one reason, so a facilitator can always say why something is on top.
Onderdelen in the analysis (`locatie-portiek`, `oorzaak-b-kinderen-8-14`) also count for
their parent (`locatie-directe-woonomgeving`, `oorzaak-b`).

One module per job:

- `analyse`: the input, what the room established (`Analyse`), checked against the catalogue;
- `gewichten`: the weights and tables, read from the content (`adviesweging`,
  `richtingweging`) into one typed `Weging`;
- `regels`: the scoring rules, one term and one reason each;
- `telling`: adding up the terms and ranking the proposals;
- `teksten`: the Dutch reasons and hints;
- `adviseren`: `adviseer`, which puts them together into an `Advies`.

Callers import from this package, not from the modules: the names below are the interface.
"""

from __future__ import annotations

from .adviseren import Advies, adviseer
from .analyse import LIJSTVELDEN, SOORT_PER_VELD, Analyse, analyse_uit_dict
from .gewichten import GeenWeging, Weging, weging
from .teksten import LABELS, omschrijving
from .telling import Voorstel

__all__ = [
    "LABELS",
    "LIJSTVELDEN",
    "SOORT_PER_VELD",
    "Advies",
    "Analyse",
    "GeenWeging",
    "Voorstel",
    "Weging",
    "adviseer",
    "analyse_uit_dict",
    "omschrijving",
    "weging",
]
